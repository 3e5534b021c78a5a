/**
 * `dalel handwriting score`, `dalel handwriting train` and `dalel handwriting sets`: the comparison model from the
 * command line, on profile files in the format of handwriterRF's cluster_fill_rates_*.csv. They work on files, with
 * no case, like `dalel train` for decision models; the `handwriting` parent command is added by handwriting-commands.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { CliContext } from './context.ts';
import { readCsvFile } from '../../models/cases/csv.ts';
import { readProfilesCsv } from '../../models/handwriting/profiles.ts';
import { handwritingScripts, type HandwritingScript } from '../../models/handwriting/reference-set.ts';
import { scoreAlgorithms } from '../../models/handwriting/score-model.ts';
import { writeHandwritingSet } from '../../models/handwriting/set-folder.ts';
import { trainHandwritingSet } from '../../models/handwriting/train.ts';
import { DalelError } from '../services/errors.ts';
import { defaultDataDir } from '../services/paths.ts';
import { handwritingSetFor, labHandwritingSetsDir, listHandwritingSets, readHandwritingSet, scoreProfilePairs, type HandwritingSet } from '../services/forensics/handwriting/comparison/index.ts';

function scriptOption(value: string): HandwritingScript {
  if (!(handwritingScripts as readonly string[]).includes(value)) throw new DalelError('VALIDATION', `--script is one of ${handwritingScripts.join(', ')}, not "${value}"`);
  return value as HandwritingScript;
}

/** Pairs of document names from a CSV with columns docname1 and docname2, as indices into the profiles. */
function readPairs(file: string, index: ReadonlyMap<string, number>): Array<{ i: number; j: number; docname1: string; docname2: string }> {
  const table = readCsvFile(file);
  const [c1, c2] = ['docname1', 'docname2'].map((c) => table.header.indexOf(c));
  if (c1! < 0 || c2! < 0) throw new DalelError('BAD_INPUT', `${file}: needs columns docname1 and docname2 (has ${table.header.join(', ')})`, { file, reasonCode: 'bad-pairs-columns' });
  return table.rows.map((fields, r) => {
    const [docname1, docname2] = [fields[c1!]!.trim(), fields[c2!]!.trim()];
    const missing = [['docname1', docname1], ['docname2', docname2]].find(([, name]) => !index.has(name!));
    if (missing) {
      throw new DalelError('BAD_INPUT', `${file}: row ${r + 2}, column ${missing[0]}: no profile "${missing[1]}" in the profiles file`, { file, line: r + 2, column: missing[0]!, reasonCode: 'unknown-profile' });
    }
    return { i: index.get(docname1)!, j: index.get(docname2)!, docname1, docname2 };
  });
}

/** The set a command uses: --set DIR, or the one installed for --script (the lab's own first). */
function chosenSet(context: CliContext, set: string | undefined, script: HandwritingScript): HandwritingSet {
  if (set) {
    if (!existsSync(set) || !statSync(set).isDirectory()) throw new DalelError('BAD_INPUT', `${set}: not a set folder`, { file: set, reasonCode: 'unreadable' });
    return readHandwritingSet(set);
  }
  const found = handwritingSetFor(script, labHandwritingSetsDir(context.options.dataDir ?? defaultDataDir()));
  if (!found) throw new DalelError('BAD_INPUT', `no reference set is installed for ${script} writing; train one with \`dalel handwriting train\``, { reasonCode: 'script-not-installed' });
  return found;
}

/** Adds score, train and sets under the `handwriting` command. */
export function addHandwritingModelCommands(handwriting: Command, context: CliContext): void {
  handwriting
    .command('score')
    .description('score document pairs: a score, a likelihood ratio on the ENFSI scale, or why there is none, per pair')
    .requiredOption('--profiles <file>', 'profiles CSV in the format of cluster_fill_rates_*.csv (docname, writer, doc, total_graphs, cluster1…cluster40)')
    .requiredOption('--pairs <file>', 'CSV with columns docname1, docname2')
    .option('--script <script>', `script of the writing (${handwritingScripts.join(', ')})`, 'latin')
    .option('--set <dir>', 'a set folder to use instead of the installed one')
    .action(async (opts: { profiles: string; pairs: string; script: string; set?: string }) => {
      const set = chosenSet(context, opts.set, scriptOption(opts.script));
      const profiles = readProfilesCsv(opts.profiles);
      const pairs = readPairs(opts.pairs, new Map(profiles.map((p, k) => [p.docname, k])));
      const scored = await scoreProfilePairs(set, profiles, pairs);
      scored.forEach((s, r) => {
        const line = { docname1: pairs[r]!.docname1, docname2: pairs[r]!.docname2, ...s, model: set.modelSha256, reference: set.referenceSha256 };
        if (context.options.json) context.io.out(JSON.stringify(line));
        else context.io.out(`${line.docname1}\t${line.docname2}\tscore ${s.score.toFixed(4)}\t${s.log10Slr === null ? `no SLR: ${s.abstention?.message}` : `SLR ${s.slr!.toPrecision(3)} (${s.verbal})`}`);
      });
    });

  handwriting
    .command('train')
    .description('train a comparison model and reference set; writes model.onnx, model.json, reference.json and card.json (to install one, use <data-dir>/handwriting-sets/<name>)')
    .requiredOption('--profiles <file>', 'training profiles CSV (several documents per writer)')
    .requiredOption('--reference <file>', 'reference profiles CSV (other writers; split by writer into reference and evaluation halves)')
    .requiredOption('--out <dir>', 'new set folder')
    .option('--script <script>', `script of the writing (${handwritingScripts.join(', ')})`, 'latin')
    .option('--all-prompts', 'keep every document of the reference file (default: the full-page prompts pLND and pWOZ)')
    .addOption(new Option('--algorithm <name>', 'score model').choices(scoreAlgorithms).default('logistic-regression'))
    .action((opts: { profiles: string; reference: string; out: string; script: string; allPrompts?: boolean; algorithm: (typeof scoreAlgorithms)[number] }) => {
      const script = scriptOption(opts.script);
      const settings = { algorithm: opts.algorithm, ...(opts.allPrompts ? { prompts: null } : {}) };
      const trained = trainHandwritingSet({ trainFile: opts.profiles, referenceFile: opts.reference, script, settings });
      writeHandwritingSet(opts.out, trained);
      const e = trained.card.evaluation;
      context.print({ dir: opts.out, modelSha256: trained.modelSha256, card: trained.card }, () =>
        [
          `Set ${opts.out} (${script}, ${trained.model.algorithm}): model ${trained.modelSha256}`,
          `  held out ${e.writers} writers: same-writer SLR < 1 in ${(e.sameBelowOne * 100).toFixed(2)} % of ${e.samePairs} pairs, different-writer SLR > 1 in ${(e.differentAboveOne * 100).toFixed(2)} % of ${e.differentPairs}; Cllr ${e.cllr.toFixed(3)}`,
          `  SLR bounds (ELUB) 10^${trained.reference.curve.lowerLog10} … 10^${trained.reference.curve.upperLog10}; abstains below ${trained.reference.minGraphs} graphs`,
        ].join('\n'),
      );
    });

  handwriting
    .command('sets')
    .description('list the installed comparison sets (the lab\'s own under <data-dir>/handwriting-sets, then the shipped ones) with their hashes')
    .action(() => {
      const sets = listHandwritingSets(labHandwritingSetsDir(context.options.dataDir ?? defaultDataDir()));
      context.print(sets, () =>
        sets.map((s) => `${s.script}\t${s.algorithm}\tmodel ${s.modelSha256}\treference ${s.referenceSha256}\tfrom ${s.minGraphs} graphs\t${s.shipped ? 'shipped' : 'lab'}\t${s.dir}`).join('\n'),
      );
    });
}
