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
    .description('import a CSV or JSONL file of decided cases (columns: court, caseNumber and the case type\'s fields); bad rows are quarantined with line, column and reason (administrators)')
    .argument('<file>', 'the file (.csv, .jsonl, optionally gzip)')
    .requiredOption('--case-type <id>', 'the case type whose schema the rows follow')
    .action(async (file: string, opts: { caseType: string }) => {
      await context.login();
      let body: Uint8Array;
      try {
        body = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
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
      await context.login();
      const rows = await context.call('corpus.quarantine', { importId });
      context.print(rows, () => (rows.length ? table(rows.map((r) => ({ line: r.line, column: r.column ?? '', reason: r.reason }))) : 'No rows were refused.'));
    });
  return corpus;
}
