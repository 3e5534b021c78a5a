import { Option, type Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from './context.ts';
import { caseReviewStates, MeasurementSchema, type CaseReview, type Finding, type Measurement } from '../contract/index.ts';
import { DalelError } from '../services/errors.ts';
import { signMeanings } from '../services/findings/review-state.ts';
import { table } from './table.ts';

interface ReviewOptions {
  case?: string;
  finding?: string;
  accept?: boolean;
  reject?: boolean;
  amend?: boolean;
  reason?: string;
  measurements?: string;
  conclusion?: string;
  meaning?: 'reviewed' | 'approved';
}

function caseOption(opts: ReviewOptions): string {
  if (!opts.case) throw new DalelError('VALIDATION', 'Pass --case ID-OR-NUMBER.', { field: 'case' });
  return opts.case;
}

/** A finding named by its id or an unambiguous prefix of it (8 characters at least), among the case's findings. */
function pickFinding(findings: readonly Finding[], idOrPrefix: string): Finding {
  const exact = findings.find((f) => f.id === idOrPrefix);
  if (exact) return exact;
  const matches = idOrPrefix.length >= 8 ? findings.filter((f) => f.id.startsWith(idOrPrefix)) : [];
  if (matches.length === 1) return matches[0]!;
  const why = matches.length > 1 ? `${matches.length} findings start with ${idOrPrefix}` : `no finding ${idOrPrefix} in this case`;
  throw new DalelError('NOT_FOUND', `${why}; see \`dalel findings list --case …\`.`, { findingId: idOrPrefix });
}

function parseMeasurements(text: string): Measurement[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DalelError('VALIDATION', `--measurements is not JSON (${(error as Error).message}).`, { field: 'measurements' });
  }
  const parsed = z.array(MeasurementSchema).min(1).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DalelError('VALIDATION', `--measurements must be an array of {key, value, unit, threshold}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), { field: 'measurements' });
  }
  return parsed.data;
}

function valueText(m: Measurement): string {
  return `${m.key}=${String(m.value)}${m.unit ? ` ${m.unit}` : ''}`;
}

function reviewLine(review: CaseReview): string {
  const signed = review.signatures.filter((s) => s.current).map((s) => `${s.username} (${s.meaning}, ${s.at})`);
  return [
    `state ${review.state}; ${review.findingsDecided} of ${review.findingsTotal} findings decided${review.technicalReviewRequired ? '; technical review required' : ''}`,
    ...(signed.length ? [`signed by ${signed.join(', ')}`] : []),
  ].join('\n');
}

/** `dalel findings list`, `dalel review` (decide one finding) and `dalel review sign|verify|…` (the case's review). */
export function addFindingsCommands(program: Command, context: CliContext): void {
  program
    .command('findings')
    .description('findings of a case')
    .command('list')
    .description('list a case\'s findings, amended originals included, with their decisions')
    .requiredOption('--case <id-or-number>', 'the case')
    .action(async (opts: { case: string }) => {
      await context.login();
      const target = context.open().cases.resolve(opts.case);
      const list = await context.call('findings.list', { caseId: target.id });
      context.print(list, () =>
        table(
          list.map((f) => ({
            id: f.id,
            kind: f.kind,
            origin: f.origin,
            measurements: f.measurements.map(valueText).join(', '),
            conclusion: f.conclusion ?? '',
            decision: f.supersededBy ? `amended → ${f.supersededBy.slice(0, 8)}` : (f.review?.decision ?? 'undecided'),
          })),
        ),
      );
    });

  // Options live on `review` itself so that `review --case X sign` and `review sign --case X` both work: commander lets
  // the parent take its options wherever they appear, which would starve a subcommand that declared them again.
  const review = program
    .command('review')
    .description('decide one finding: --accept, --reject or --amend (reject and amend need --reason; amend needs --measurements). Subcommands move the case\'s review')
    .option('--case <id-or-number>', 'the case')
    .option('--finding <id>', 'the finding: its id, or a unique prefix of 8 characters or more')
    .option('--accept', 'accept the finding')
    .option('--reject', 'reject the finding (needs --reason)')
    .option('--amend', 'replace the finding by an amended one (needs --reason and --measurements); the original is kept')
    .option('--reason <text>', 'why: required to reject, amend or reopen')
    .option('--measurements <json>', 'amended measurements: JSON array of {"key","value","unit","threshold"}')
    .option('--conclusion <text>', 'amended conclusion (default: the original\'s; an empty string for none)')
    .addOption(new Option('--meaning <meaning>', 'what a signature means (sign)').choices(signMeanings))
    .action(async (opts: ReviewOptions) => {
      const chosen = (['accept', 'reject', 'amend'] as const).filter((flag) => opts[flag]);
      if (chosen.length !== 1) throw new DalelError('VALIDATION', 'Give exactly one of --accept, --reject or --amend (or a subcommand: see `dalel review --help`).', { field: 'decision' });
      if (!opts.finding) throw new DalelError('VALIDATION', 'Pass --finding ID.', { field: 'finding' });
      if (chosen[0] !== 'amend' && (opts.measurements !== undefined || opts.conclusion !== undefined)) {
        throw new DalelError('VALIDATION', '--measurements and --conclusion go with --amend only.', { field: 'measurements' });
      }
      await context.login();
      const target = context.open().cases.resolve(caseOption(opts));
      const finding = pickFinding(await context.call('findings.list', { caseId: target.id }), opts.finding);
      const decision = ({ accept: 'accepted', reject: 'rejected', amend: 'amended' } as const)[chosen[0]!];
      const amended =
        decision === 'amended'
          ? {
              measurements: opts.measurements === undefined ? [] : parseMeasurements(opts.measurements),
              conclusion: opts.conclusion === undefined ? finding.conclusion : opts.conclusion.trim() || null,
            }
          : undefined;
      if (amended && amended.measurements.length === 0) throw new DalelError('VALIDATION', '--amend needs --measurements.', { field: 'measurements' });
      const outcome = await context.call('findings.review', { findingId: finding.id, decision, reason: opts.reason, amended });
      context.print(outcome, () =>
        [
          `Finding ${finding.id}: ${decision}${outcome.amendment ? `; amendment ${outcome.amendment.id} (${outcome.amendment.origin}) replaces it` : ''}.`,
          `Case ${target.number}: ${reviewLine(outcome.review)}`,
        ].join('\n'),
      );
    });

  review
    .command('show')
    .description('the case\'s review: state, progress, signatures (uses review\'s --case)')
    .action(async () => {
      await context.login();
      const target = context.open().cases.resolve(caseOption(review.opts<ReviewOptions>()));
      const state = await context.call('review.get', { caseId: target.id });
      context.print(state, () => `Case ${target.number}: ${reviewLine(state)}`);
    });

  review
    .command('queue')
    .description('cases with findings and their review progress (default: all not yet signed)')
    .addOption(new Option('--state <state>', 'only cases in this state').choices(caseReviewStates))
    .action(async (opts: { state?: (typeof caseReviewStates)[number] }) => {
      await context.show('review.queue', { state: opts.state }, (queue) => table(queue.map((q) => ({ number: q.case.number, state: q.review.state, decided: `${q.review.findingsDecided}/${q.review.findingsTotal}`, updated: q.review.updatedAt }))));
    });

  const transitions = [
    ['submit', 'submit the case\'s findings for review (draft → in-review)'],
    ['require-technical-review', 'require a second expert\'s technical review before verification'],
    ['verify', 'verify the case once every finding is decided; a required technical review is signed here, re-authenticating with the same password'],
    ['sign', 'sign the verified case with --meaning reviewed|approved, re-authenticating with the same password'],
    ['reopen', 'reopen a verified or signed case (needs --reason); signatures stay on record'],
  ] as const;
  for (const [action, description] of transitions) {
    review
      .command(action)
      .description(`${description} (uses review's --case, --meaning, --reason)`)
      .action(async () => {
        const opts = review.opts<ReviewOptions>();
        const password = await context.login();
        const target = context.open().cases.resolve(caseOption(opts));
        // A signature needs a fresh password (21 CFR 11.200); it is the one just given, confirmed again on purpose.
        const signs = action === 'sign' || (action === 'verify' && (await context.call('review.get', { caseId: target.id })).technicalReviewRequired);
        if (signs) await context.call('auth.reauthenticate', { password });
        const state = await context.call('review.transition', { caseId: target.id, action, meaning: opts.meaning, reason: opts.reason });
        context.print(state, () => `Case ${target.number}: ${reviewLine(state)}`);
      });
  }
}
