/** `dalel models …`: the model registry (retrain on the corpus behind the promotion gate, list, promote, roll back). */
import type { Command } from 'commander';
import type { RegisteredModelView } from '../contract/index.ts';
import type { CliContext } from './context.ts';
import { table } from './table.ts';
import { DalelError } from '../services/errors.ts';

/** One model in a line, with the gate's reasons when it is a candidate that cannot be promoted. */
function modelLine(m: RegisteredModelView): string {
  const gate = m.status === 'candidate' && m.gate ? (m.gate.passed ? ' — passes the promotion gate' : ` — not promotable: ${m.gate.reasons.join('; ')}`) : '';
  return `${m.sha256.slice(0, 12)}  ${m.caseType} ${m.caseTypeVersion} ${m.outcome}: ${m.status}${gate}`;
}

/** Registers `dalel models`. */
export function addModelsCommands(program: Command, context: CliContext): void {
  const models = program.command('models').description('the model registry: retraining on the corpus, promotion and rollback (administrators)');
  models
    .command('retrain')
    .description('train a case type\'s models on its corpus; each becomes a candidate with the promotion gate\'s verdict')
    .requiredOption('--case-type <id>', 'the case type')
    .option('--outcome <name>', 'only this outcome (default: every outcome of the case type)')
    .action(async (opts: { caseType: string; outcome?: string }) => {
      await context.show('models.retrain', { caseType: opts.caseType, outcome: opts.outcome }, (trained) => trained.map(modelLine).join('\n'));
    });
  models
    .command('list')
    .description('every registered model with its status, training data snapshot and the gate\'s verdict')
    .option('--case-type <id>', 'only this case type')
    .action(async (opts: { caseType?: string }) => {
      await context.show('models.list', { caseType: opts.caseType }, (list) =>
        list.length === 0
          ? 'No models are registered.'
          : table(
              list.map((m) => ({
                sha256: m.sha256.slice(0, 12),
                caseType: `${m.caseType} ${m.caseTypeVersion}`,
                outcome: m.outcome,
                status: m.status,
                trained: m.trainedAt,
                data: m.dataSnapshotSha256 ? `${m.dataSnapshotSha256.slice(0, 12)} (${m.dataRecords} cases)` : m.origin,
                gate: m.gate ? (m.gate.passed ? 'passed' : m.gate.reasons.join('; ')) : '',
              })),
            ),
      );
    });
  models
    .command('promote')
    .description('make a candidate that passed the gate the active model of its outcome')
    .argument('<sha256>', 'the candidate (its hash, or its first 8+ characters)')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .action(async (sha256: string, opts: { reason: string }) => {
      await context.show('models.promote', { sha256, reason: opts.reason }, (model) => modelLine(model));
    });
  models
    .command('rollback')
    .description('retire the active model of a case type\'s outcome and restore the one active before it')
    .requiredOption('--case-type <id>', 'the case type')
    .requiredOption('--outcome <name>', 'the outcome')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .action(async (opts: { caseType: string; outcome: string; reason: string }) => {
      await context.show('models.rollback', { caseType: opts.caseType, outcome: opts.outcome, reason: opts.reason }, (model) => modelLine(model));
    });
  models
    .command('schedule')
    .description('show how often each case type is retrained on its corpus, or set it with --case-type and --every-days (0: only when asked)')
    .option('--case-type <id>', 'the case type to set')
    .option('--every-days <n>', 'days between retrains (0 to 365)')
    .action(async (opts: { caseType?: string; everyDays?: string }) => {
      await context.login();
      if ((opts.caseType === undefined) !== (opts.everyDays === undefined)) throw new DalelError('VALIDATION', 'Give both --case-type and --every-days, or neither.', { field: 'everyDays' });
      const schedule =
        opts.caseType !== undefined && opts.everyDays !== undefined
          ? await context.call('models.setSchedule', { caseType: opts.caseType, everyDays: Number(opts.everyDays) })
          : await context.call('models.schedule', {});
      const lines = Object.entries(schedule).map(([caseType, days]) => `${caseType}: every ${days} days`);
      context.print(schedule, () => (lines.length ? lines.join('\n') : 'No case type is retrained on a schedule.'));
    });
}
