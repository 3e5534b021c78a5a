/** `dalel corpus …`: the verdict corpus (anonymisation of decision texts; structured imports and status follow). */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { anonymise } from '../services/corpus/anonymise/anonymise.ts';
import { DalelError } from '../services/errors.ts';
import type { CliContext } from './context.ts';
import { table } from './table.ts';

function readUtf8(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DalelError('BAD_INPUT', `${file}: not UTF-8 text`, { file, reasonCode: 'not-utf8' });
  }
}

/** Registers `dalel corpus`. */
export function addCorpusCommands(program: Command, context: CliContext): Command {
  const corpus = program.command('corpus').description('the verdict corpus: anonymised decisions for retraining');
  corpus
    .command('anonymise')
    .description('print a decision text with personal data replaced by pseudonyms, and the spans replaced (nothing is stored)')
    .argument('<file>', 'a UTF-8 text file')
    .option('--replace-judges', 'replace judges\' names too (kept by default)')
    .action((file: string, opts: { replaceJudges?: boolean }) => {
      const result = anonymise(readUtf8(file), { keepJudges: !opts.replaceJudges });
      context.print(result, () => `${result.text}\n\n${result.spans.length} spans replaced: ${[...new Set(result.spans.map((s) => s.category))].join(', ') || 'none'}`);
    });
  corpus
    .command('import')
    .description(
      'import a CSV or JSONL file of decided cases (columns: court, caseNumber and the case type\'s fields; bad rows are quarantined with line, column and reason), ' +
        'or a decision text (.txt, .pdf with a text layer, .docx: anonymised, its facts extracted, unsure ones queued for a clerk) (administrators)',
    )
    .argument('<file>', 'the file (.csv, .jsonl, optionally gzip; .txt, .pdf, .docx)')
    .requiredOption('--case-type <id>', 'the case type whose schema the rows follow')
    .action(async (file: string, opts: { caseType: string }) => {
      await context.login();
      let body: Uint8Array;
      try {
        body = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
      }
      if (/\.(txt|pdf|docx)$/i.test(file)) {
        const result = await context.call('corpus.importText', { caseType: opts.caseType, fileName: basename(file), body });
        return context.print(result, () =>
          [
            `${result.fileName}: ${result.outcome === 'accepted' ? 'joined the corpus' : result.outcome === 'duplicate' ? 'already in the corpus (same court and case number)' : `waits for review (${result.reviewId})`}`,
            ...Object.entries(result.facts).map(([field, f]) => `  ${field} = ${JSON.stringify(f.value)} (confidence ${f.confidence.toFixed(2)})`),
            ...result.reasons.map((r) => `  review: ${r}`),
          ].join('\n'),
        );
      }
      const report = await context.call('corpus.import', { caseType: opts.caseType, fileName: basename(file), body });
      context.print(report, () =>
        [
          `${report.fileName} (${report.format}, sha256 ${report.fileSha256.slice(0, 16)}…): ${report.rows} rows — ${report.accepted} accepted, ${report.quarantined} quarantined, ${report.duplicates} duplicates`,
          ...report.problems.map((p) => `  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.reason}`),
          report.quarantined > report.problems.length ? `  … and ${report.quarantined - report.problems.length} more (dalel corpus quarantine ${report.id})` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });
  corpus
    .command('status')
    .description('the corpus per case type and the latest imports (administrators)')
    .action(async () => {
      await context.login();
      const status = await context.call('corpus.status', {});
      const imports = await context.call('corpus.imports', { limit: 10 });
      context.print({ status, imports }, () =>
        [
          status.length ? table(status.map((s) => ({ caseType: s.caseType, records: s.records, imports: s.imports, quarantined: s.quarantined, from: s.period?.from ?? '', to: s.period?.to ?? '', last: s.lastImportAt }))) : 'The corpus is empty.',
          imports.length ? `\nLatest imports:\n${table(imports.map((i) => ({ at: i.importedAt, caseType: i.caseType, file: i.fileName, rows: i.rows, accepted: i.accepted, quarantined: i.quarantined, duplicates: i.duplicates })))}` : '',
        ].join(''),
      );
    });
  corpus
    .command('quarantine')
    .description('the rows an import refused, with line, column and reason (administrators)')
    .argument('<import-id>', 'the import (from dalel corpus status)')
    .action(async (importId: string) => {
      await context.show('corpus.quarantine', { importId }, (rows) => (rows.length ? table(rows.map((r) => ({ line: r.line, column: r.column ?? '', reason: r.reason }))) : 'No rows were refused.'));
    });
  corpus
    .command('review-queue')
    .description('decision texts waiting for a clerk, with the values proposed and why they wait (clerks, administrators)')
    .action(async () => {
      await context.show('corpus.reviewQueue', {}, (items) =>
        items.length === 0
          ? 'Nothing waits for review.'
          : items
              .map((i) => [`${i.id}  ${i.fileName} (${i.caseType}): ${i.reasons.join('; ')}`, ...Object.entries(i.proposed).map(([f, p]) => `    ${f} = ${JSON.stringify(p.value)} (${p.confidence.toFixed(2)}) «${i.text.slice(p.start, p.end)}»`)].join('\n'))
              .join('\n'),
      );
    });
  corpus
    .command('review')
    .description('confirm (with the facts, corrected where needed) or reject a decision text waiting for review (clerks, administrators)')
    .argument('<review-id>', 'the item (from dalel corpus review-queue)')
    .requiredOption('--case-type <id>', 'the case type')
    .option('--facts <file>', 'JSON with the confirmed facts (accepts the item)')
    .option('--court <name>', 'the court, where the text did not give it')
    .option('--case-number <number>', 'the court\'s case number, where the text did not give it')
    .option('--reject', 'reject the item: it does not join the corpus')
    .action(async (reviewId: string, opts: { caseType: string; facts?: string; court?: string; caseNumber?: string; reject?: boolean }) => {
      if (!opts.facts === !opts.reject) throw new DalelError('VALIDATION', 'Give exactly one of --facts FILE and --reject.');
      await context.login();
      const facts = opts.facts ? (JSON.parse(readUtf8(opts.facts)) as Record<string, unknown>) : undefined;
      const result = await context.call('corpus.review', { reviewId, caseType: opts.caseType, decision: opts.reject ? 'rejected' : 'accepted', facts, court: opts.court, caseNumber: opts.caseNumber });
      context.print(result, () => (opts.reject ? 'Rejected.' : result.stored ? 'Confirmed: the case joined the corpus.' : 'Confirmed; the corpus already holds this case.'));
    });
  corpus
    .command('inbox')
    .description('set the watched inbox: its folder, the case type of its files and how often it is read (0: only by inbox-scan) (administrators)')
    .requiredOption('--dir <folder>', 'the folder files are dropped into')
    .requiredOption('--case-type <id>', 'the case type of its files')
    .option('--every-minutes <n>', 'read it this often while the app runs (0: only when asked)', '1440')
    .action(async (opts: { dir: string; caseType: string; everyMinutes: string }) => {
      await context.show('corpus.configureInbox', { dir: opts.dir, caseType: opts.caseType, everyMinutes: Number(opts.everyMinutes) }, (config) => `Inbox ${config.dir} (${config.caseType}), read ${config.everyMinutes ? `every ${config.everyMinutes} minutes` : 'only when asked'}.`);
    });
  corpus
    .command('inbox-scan')
    .description('import the inbox files not imported before, now (a scheduler may run this) (administrators)')
    .action(async () => {
      await context.show('corpus.scanInbox', {}, (results) => (results.length ? table(results.map((r) => ({ file: r.fileName, outcome: r.outcome, error: r.error ?? '' }))) : 'No new files.'));
    });
  return corpus;
}
