/**
 * `dalel handwriting profile PAGE…` and `dalel handwriting compare --known K1[,K2…] --questioned Q`: handwriting from
 * the command line, on files directly (no case), through the same method checks and pipelines as a run in the app, and
 * audit-logged like ballistics' file comparisons.
 */
import type { Command } from 'commander';
import type { CliContext } from './context.ts';
import { auditFileRun, readMethodInput, runMethodOnFiles } from './method-files.ts';
import { addHandwritingModelCommands } from './handwriting-model-commands.ts';
import { HandwritingComparisonResultSchema, HandwritingProfileResultSchema, handwritingScripts } from '../contract/index.ts';
import { DalelError } from '../services/errors.ts';
import { defaultDataDir } from '../services/paths.ts';
import { labHandwritingSetsDir } from '../services/forensics/handwriting/comparison/index.ts';
import { handwritingPageKind, pageProfileMethod, writerComparisonMethod } from '../services/forensics/handwriting/kinds.ts';
import { verbalConclusion } from '../services/forensics/handwriting/verbal-scale.ts';


function parseScript(value: string): (typeof handwritingScripts)[number] {
  if (!(handwritingScripts as readonly string[]).includes(value)) throw new DalelError('VALIDATION', `--script ${value}: expected one of ${handwritingScripts.join(', ')}`, { field: 'script' });
  return value as (typeof handwritingScripts)[number];
}

const page = (p: { name: string; sha256: string; graphCount: number; counts: number[]; rates: number[]; timingsMs: Record<string, number> }) => ({
  name: p.name,
  sha256: p.sha256,
  graphCount: p.graphCount,
  counts: p.counts,
  rates: p.rates,
  timingsMs: p.timingsMs,
});

/** Registers `dalel handwriting …`: profile and compare here, score, train and sets from the comparison model. */
export function addHandwritingCommands(program: Command, context: CliContext): Command {
  const handwriting = program.command('handwriting').description('handwriting examination on page images (no case needed; audit-logged)');
  handwriting
    .command('profile')
    .description('writer profile of each page: graph count, cluster fill counts and rates, time per stage')
    .argument('<pages...>', 'page images (PNG, JPEG, TIFF)')
    .option('--sauvola', 'binarise with Sauvola’s local threshold instead of Otsu’s (uneven scans)')
    .option('--deskew', 'estimate and undo the page’s skew first')
    .action(async (files: string[], opts: { sauvola?: boolean; deskew?: boolean }) => {
      const actor = await context.optionalActor();
      const started = performance.now();
      const inputs = files.map((file) => readMethodInput(file, { category: handwritingPageKind }));
      const result = HandwritingProfileResultSchema.parse(await runMethodOnFiles(pageProfileMethod, inputs, { binarisation: opts.sauvola ? 'sauvola' : 'otsu', deskew: opts.deskew ?? false }));
      const { auditSeq, resultSha256 } = auditFileRun(context, 'analysis.profiled-files', actor, result, { pages: result.pages.length, graphs: result.pages.reduce((s, p) => s + p.graphCount, 0) });
      const wallMs = performance.now() - started;
      context.print({ pages: result.pages.map(page), provenance: result.provenance, timing: { ...result.timing, wallMs }, resultSha256, auditSeq }, () =>
        [
          ...result.pages.map((p) => {
            const filled = p.counts.map((c, i) => (c > 0 ? `${i + 1}:${c}` : '')).filter(Boolean).join(' ');
            return `${p.name}: ${p.graphCount} graphs; clusters ${filled}; ${(Object.values(p.timingsMs).reduce((s, v) => s + v, 0) / 1000).toFixed(2)} s`;
          }),
          `${result.provenance.algorithm} ${result.provenance.version}; ${(wallMs / 1000).toFixed(1)} s; audit entry ${auditSeq}`,
        ].join('\n'),
      );
    });

  handwriting
    .command('compare')
    .description('known writing (one writer, pages pooled) against a questioned page: score, bounded SLR on the ENFSI scale, or abstention')
    .requiredOption('--known <pages>', 'known page image(s), comma-separated')
    .requiredOption('--questioned <page>', 'the questioned page image')
    .option('--script <script>', `script of the writing: ${handwritingScripts.join(' or ')}`, 'latin')
    .action(async (opts: { known: string; questioned: string; script: string }) => {
      const script = parseScript(opts.script);
      const actor = await context.optionalActor();
      const started = performance.now();
      const known = opts.known.split(',').filter(Boolean).map((file) => readMethodInput(file, { category: handwritingPageKind }));
      if (known.length === 0) throw new DalelError('VALIDATION', '--known needs at least one page', { field: 'known' });
      const inputs = [...known, readMethodInput(opts.questioned, { category: handwritingPageKind })];
      const labSetsDir = labHandwritingSetsDir(context.options.dataDir ?? defaultDataDir());
      const result = HandwritingComparisonResultSchema.parse(await runMethodOnFiles(writerComparisonMethod, inputs, { knownCount: known.length, script, labSetsDir }));
      const c = result.comparison;
      const conclusion = verbalConclusion(c.abstention ? null : c.log10Slr);
      const { auditSeq, resultSha256 } = auditFileRun(context, 'analysis.compared-files', actor, result, { conclusion, ...(c.log10Slr !== null ? { log10Slr: c.log10Slr.toFixed(3) } : {}), ...(c.abstention ? { abstention: c.abstention.code } : {}) });
      const wallMs = performance.now() - started;
      const output = {
        known: result.known.map(page),
        questioned: page(result.questioned),
        script,
        score: c.score,
        slr: c.slr,
        log10Slr: c.log10Slr,
        verbal: c.verbal,
        conclusion,
        abstention: c.abstention,
        model: c.model,
        drivers: c.drivers,
        provenance: result.provenance,
        timing: { ...result.timing, wallMs },
        resultSha256,
        auditSeq,
      };
      context.print(output, () =>
        [
          `known: ${result.known.map((p) => `${p.name} (${p.graphCount} graphs)`).join(', ')}; questioned: ${result.questioned.name} (${result.questioned.graphCount} graphs)`,
          c.abstention
            ? `no likelihood ratio: ${c.abstention.reason}`
            : `score ${c.score?.toFixed(3)}; SLR ${c.slr?.toPrecision(3)} (log10 ${c.log10Slr?.toFixed(2)}); ${c.verbal ?? conclusion}`,
          `model ${c.model.name} ${c.model.hash ?? ''}; ${(wallMs / 1000).toFixed(1)} s; audit entry ${auditSeq}`,
        ].join('\n'),
      );
    });
  addHandwritingModelCommands(handwriting, context);
  return handwriting;
}
