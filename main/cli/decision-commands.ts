import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { trainCaseType } from '../../models/ebm/train-case-type.ts';
import type { CliContext } from './context.ts';
import { maxBatchCases, type Consultation, type DecisionOutput, type ModelCard, type RequestOf } from '../contract/index.ts';
import { defaultCaseTypesDir, findCaseType, loadCaseTypes, parseCaseType } from '../../models/cases/case-type.ts';
import { readCsvFile, recordAt } from '../../models/cases/csv.ts';
import { factsFromRecord, inputFields } from '../../models/cases/facts.ts';
import { listModelFolders, writeModelFolder, type ModelFolder } from '../services/decision/model-store.ts';
import { precedentCorpus } from '../services/decision/precedents.ts';
import { trainingLawfulRanges } from '../services/decision/lawful-ranges.ts';
import { StatutoryBoundsService } from '../services/decision/statutory-bounds.ts';
import { DalelError } from '../services/errors.ts';
import { defaultDataDir } from '../services/paths.ts';

const number = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new DalelError('VALIDATION', `${value} is not a number`);
  return n;
};

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** One line of validation figures, for listings and training summaries. */
function validationSummary(card: ModelCard): string {
  const r = card.validation.regression;
  if (r) {
    const baseline = r.baselines[0];
    const answered = r.answered
      ? `; when it answered (${pct(r.answered.share)} of cases): MAE ${r.answered.meanAbsoluteError.toFixed(2)} (training median ${r.answered.medianError.toFixed(2)}), 80% interval coverage ${pct(r.answered.coverage80)}`
      : '';
    return `MAE ${r.meanAbsoluteError.toFixed(2)} ${card.outcome.unit ?? ''} (${baseline?.name}: ${baseline?.meanAbsoluteError.toFixed(2)}); 80% interval coverage ${pct(r.intervals.coverage80)}${answered}`;
  }
  const c = card.validation.classification;
  if (!c) return '';
  const answered = c.answered ? `; when it answered (${pct(c.answered.share)} of cases): accuracy ${pct(c.answered.accuracy)} (majority class ${pct(c.answered.majority)})` : '';
  return `accuracy ${pct(c.accuracy)} (${c.baselines[0]?.name}: ${pct(c.baselines[0]?.accuracy ?? 0)}); calibration error ${c.expectedCalibrationError.toFixed(3)}${answered}`;
}

function backtestSummary(card: ModelCard): string[] {
  const backtest = card.validation.backtest;
  if (!backtest) return [];
  if (backtest.kind === 'unordered') return [`  backtest: none, the cases have no time order (validated on the random split only)`];
  return backtest.folds.map((f) => {
    const figure = f.regression
      ? `MAE ${f.regression.meanAbsoluteError.toFixed(2)}${f.regression.baselines.map((b) => `, ${b.name} ${b.meanAbsoluteError.toFixed(2)}`).join('')}`
      : `accuracy ${((f.classification?.accuracy ?? 0) * 100).toFixed(1)}%${(f.classification?.baselines ?? []).map((b) => `, ${b.name} ${(b.accuracy * 100).toFixed(1)}%`).join('')}`;
    return `  ${f.heldOut ? 'held out' : 'backtest'}: trained before ${backtest.field} ${f.trainedBefore}, tested ${f.testFrom} – ${f.testTo} (${f.trainingCases} / ${f.testCases} cases): ${figure}`;
  });
}

const round = (v: number) => String(Math.round(v * 10) / 10);

/** The installed models of a case type (optionally one outcome's), in folder order. */
function installedFor(context: CliContext, caseType: string, outcome?: string): ModelFolder[] {
  const decision = context.open().decision;
  return decision
    .models()
    .filter((m) => m.caseType === caseType && (!outcome || m.outcome === outcome))
    .map((m) => decision.folder(m.sha256));
}

/** What one rule of art. 55 does, in words. */
function capEffect(cap: NonNullable<Consultation['bounds']>['caps'][number]): string {
  if (cap.effect === 'no-imprisonment') return 'no imprisonment: the damage was voluntarily compensated';
  if (cap.effect === 'below-minimum') return 'may go below the lower limit';
  return `≤ ${round((cap.fraction ?? 1) * 100)}% of the maximum`;
}

/** One line for a prediction in human output. */
function predictionLine(output: DecisionOutput): string {
  const value =
    output.kind === 'regression'
      ? `${output.value?.toFixed(1)} ${output.unit ?? ''}${output.interval80 ? ` (80%: ${output.interval80[0].toFixed(1)}–${output.interval80[1].toFixed(1)})` : ''}`
      : (output.probabilities ?? []).map((p) => `${p.label} ${(p.probability * 100).toFixed(1)}%`).join(', ');
  const refer = output.abstention.refer ? `  REFER TO HUMAN REVIEW: ${output.abstention.reasons.map((r) => r.code).join(', ')}` : '';
  return `${value}${output.synthetic ? '  [synthetic-data model]' : ''}${refer}`;
}

/** The model a --model option names: a folder (registered for this run) or the hash of an installed model. */
function modelFolder(context: CliContext, model: string): ModelFolder {
  const decision = context.open().decision;
  if (existsSync(model) && statSync(model).isDirectory()) return decision.register(model);
  if (/^[0-9a-f]{64}$/.test(model)) return decision.folder(model);
  throw new DalelError('BAD_INPUT', `${model}: neither a model folder nor the SHA-256 of an installed model`, { file: model, reasonCode: 'unknown-model' });
}

/** `dalel train`, `dalel predict` and `dalel model list`: glass-box decision models for judges. */
export function addDecisionCommands(program: Command, context: CliContext): void {
  program
    .command('train')
    .description('train a glass-box model for a case type from a CSV of past cases; writes model.onnx, model.json and model-card.json (validated on held-out cases)')
    .requiredOption('--case-type <id>', 'case type (a schema in assets/decision/case-types, or in --case-types)')
    .requiredOption('--data <file>', 'CSV (or .csv.gz) with the case type\'s columns')
    .requiredOption('--out <dir>', 'new model folder (to install it, use <data-dir>/models/<name>)')
    .option('--outcome <name>', 'which outcome of the case type (default: its first)')
    .option('--case-types <dir>', 'folder of case-type schemas (default: the shipped assets/decision/case-types)')
    .option('--synthetic', 'the cases were generated: every prediction of the model will say so')
    .option('--period <from/to>', 'period the data covers, when it has no time field (e.g. 2023-10-01/2024-09-30)')
    .option('--seed <n>', 'seed for bags and validation splits', number)
    .option('--bags <n>', 'bags averaged', number)
    .option('--interactions <n>', 'pairwise interactions kept (0: none)', number)
    .option('--backtest-folds <n>', 'rolling-origin folds before the held-out cut, each retrained with the same settings, for a case type split by time (0: none)', number, 3)
    .action((opts: { caseType: string; data: string; out: string; outcome?: string; caseTypes?: string; synthetic?: boolean; period?: string; seed?: number; bags?: number; interactions?: number; backtestFolds: number }) => {
      const caseType = findCaseType(loadCaseTypes(opts.caseTypes ?? defaultCaseTypesDir()), opts.caseType);
      const [from, to] = opts.period?.split('/') ?? [];
      if (opts.period && (!from || !to)) throw new DalelError('VALIDATION', '--period is FROM/TO, e.g. 2023-10-01/2024-09-30');
      const options = { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.bags !== undefined ? { bags: opts.bags } : {}), ...(opts.interactions !== undefined ? { interactions: opts.interactions } : {}) };
      const trained = trainCaseType({ caseType, file: opts.data, outcome: opts.outcome, options, synthetic: opts.synthetic ?? false, backtestFolds: opts.backtestFolds, ...(from && to ? { period: { from, to } } : {}), lawfulRanges: trainingLawfulRanges(caseType, StatutoryBoundsService.open(null)) });
      // The training cases go with the model: a judge's consultation shows the nearest of them and computes derived inputs from them.
      writeModelFolder(opts.out, trained.model, trained.onnx, trained.card, precedentCorpus(caseType, trained.data));
      context.print({ dir: opts.out, sha256: trained.sha256, card: trained.card }, () =>
        [
          `Model ${trained.sha256} written to ${opts.out}`,
          `  ${caseType.id} ${caseType.version}, outcome ${trained.card.outcome.name}; ${trained.card.data.cases} cases (${trained.card.validation.trainingCases} training, ${trained.card.validation.calibrationCases} calibration, ${trained.card.validation.testCases} test)`,
          `  held out (${trained.card.validation.split}): ${validationSummary(trained.card)}`,
          ...backtestSummary(trained.card),
          `  trained in ${trained.report.seconds.toFixed(1)} s (bags on ${trained.report.threads} thread${trained.report.threads > 1 ? 's' : ''}${trained.report.threadFallback ? `: ${trained.report.threadFallback}` : ''}); interactions: ${trained.card.model.interactions.join(', ') || 'none'}`,
        ].join('\n'),
      );
    });

  program
    .command('predict')
    .description('consult a model as a judge (every consultation is audit-logged). Standard input: your password')
    .requiredOption('--case-type <id>', 'case type the model must be for')
    .option('--model <dir-or-sha256>', 'model folder, or the SHA-256 of a model installed under <data-dir>/models (default: every installed model of the case type)')
    .option('--outcome <name>', 'without --model: only the installed model for this outcome (e.g. term-months)')
    .option('--facts <file>', 'JSON file with the facts of one case')
    .option('--batch <file>', 'CSV with one case per row (its input columns); prints one JSON line per row with --json')
    .option('--case <id-or-number>', 'the case this consultation is for (with --facts)')
    .action(async (opts: { caseType: string; model?: string; outcome?: string; facts?: string; batch?: string; case?: string }) => {
      if (!opts.facts === !opts.batch) throw new DalelError('VALIDATION', 'Give exactly one of --facts FILE and --batch FILE.csv.');
      await context.login();
      const folders = opts.model ? [modelFolder(context, opts.model)] : installedFor(context, opts.caseType, opts.outcome);
      if (folders.length === 0) {
        throw new DalelError('NOT_FOUND', `No installed model for ${opts.caseType}${opts.outcome ? ` (${opts.outcome})` : ''}; train one or give --model.`, { field: 'case-type' });
      }
      if (opts.batch && folders.length > 1) throw new DalelError('VALIDATION', `Several models are installed for ${opts.caseType}: give --model or --outcome with --batch.`, { field: 'model' });
      const folder = folders[0]!;
      for (const f of folders) {
        if (f.model.caseType.id !== opts.caseType) throw new DalelError('VALIDATION', `The model is for ${f.model.caseType.id}, not ${opts.caseType}.`, { field: 'case-type' });
      }
      if (opts.facts) {
        let facts: RequestOf<'decision.predict'>['facts'];
        try {
          // The dispatcher validates the shape; the model's schema validates the facts.
          facts = JSON.parse(readFileSync(opts.facts, 'utf8')) as typeof facts;
        } catch (error) {
          throw new DalelError('BAD_INPUT', `${opts.facts}: cannot be read as JSON (${(error as Error).message})`, { file: opts.facts, reasonCode: 'unreadable' });
        }
        const caseId = opts.case ? context.open().cases.resolve(opts.case).id : undefined;
        // With --model the answer is one consultation; without, one per installed model of the case type (a JSON array).
        const results: Consultation[] = [];
        for (const each of folders) results.push(await context.call('decision.predict', { modelSha256: each.sha256, facts, caseId }));
        const human = (result: Consultation) =>
          [
            `${result.outcome}: ${predictionLine(result)}`,
            ...(result.bounds
              ? [
                  `  ${result.bounds.citation}: lawful ${result.bounds.lawfulRange ? `${round(result.bounds.lawfulRange.min)}–${round(result.bounds.lawfulRange.max)} ${result.bounds.lawfulRange.unit}` : 'range not in this unit'}${result.bounds.caps.map((c) => `; ${c.citation} (${capEffect(c)})`).join('')}`,
                ]
              : []),
            ...result.contributions
              .map((c) => ({ c, size: Math.max(...c.values.map(Math.abs)) }))
              .sort((a, b) => b.size - a.size)
              .map(({ c }) => `  ${c.values.map((v) => (v >= 0 ? '+' : '') + v.toFixed(3)).join(' ')}  ${c.term} = ${c.inputs.map((i) => JSON.stringify(i.value)).join(', ')}`),
            ...result.precedents.map((p) => `  precedent ${p.caseRef} (distance ${p.distance.toFixed(2)}): ${p.outcome.label}; differs in ${p.comparison.filter((c) => !c.same).map((c) => c.feature).join(', ') || 'nothing'}`),
            ...result.advice.map((a) => `  procedure: ${a.title} (${a.citations.map((c) => c.article).join('; ')})`),
            `  model ${result.model.sha256}; audit entry ${result.auditSeq}. Advisory only: the judge decides.`,
          ].join('\n');
        context.print(opts.model ? results[0] : results, () => results.map(human).join('\n\n'));
        return;
      }
      const caseType = parseCaseType(folder.model.schema, `${folder.dir}/model.json`);
      const table = readCsvFile(opts.batch!);
      const inputs = inputFields(caseType);
      const rows = table.rows.map((_, i) => factsFromRecord(caseType, recordAt(table, i), inputs));
      for (let start = 0; start < rows.length; start += maxBatchCases) {
        const chunk = rows.slice(start, start + maxBatchCases);
        const answer = await context.call('decision.predictBatch', { modelSha256: folder.sha256, cases: chunk });
        answer.results.forEach((result, i) => {
          const line = start + i + 2;
          if (context.options.json) context.io.out(JSON.stringify(result.ok ? { line, ok: true, ...result.output } : { line, ...result }));
          else context.io.out(`line ${line}: ${result.ok ? predictionLine(result.output) : `refused: ${result.message}`}`);
        });
      }
    });

  const model = program.command('model').description('decision models');
  model
    .command('list')
    .description('list the model folders under <data-dir>/models (or --dir) with their validation figures')
    .option('--dir <dir>', 'folder holding model folders')
    .action((opts: { dir?: string }) => {
      const root = opts.dir ?? join(context.options.dataDir ?? defaultDataDir(), 'models');
      const entries = listModelFolders(root);
      context.print(
        entries.map((e) => ('folder' in e ? { dir: e.folder.dir, sha256: e.folder.sha256, card: e.folder.card } : { dir: e.dir, error: e.error.toInfo() })),
        () =>
          entries.length === 0
            ? `(no models under ${root})`
            : entries
                .map((e) => {
                  if (!('folder' in e)) return `${e.dir}\n  unusable: ${e.error.message}`;
                  const { card, sha256, dir } = e.folder;
                  return [
                    `${dir}`,
                    `  ${card.caseType.id} ${card.caseType.version} → ${card.outcome.name}${card.synthetic ? ' [synthetic data]' : ''}, created ${card.createdAt}`,
                    `  sha256 ${sha256}`,
                    `  ${validationSummary(card)}`,
                  ].join('\n');
                })
                .join('\n'),
      );
    });
}
