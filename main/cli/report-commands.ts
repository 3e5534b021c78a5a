import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { CliContext } from './context.ts';
import { DalelError } from '../services/errors.ts';
import { summaryLanguages, type SummaryLanguage } from '../services/reports/summary/summary-types.ts';
import { unlockKey } from './audit-commands.ts';

/** Writes the file whole or not at all: a half-written report must never be mistaken for one. */
function writeWhole(file: string, bytes: Uint8Array): void {
  const temp = `${file}.${process.pid}.part`;
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new DalelError('BAD_INPUT', `${file}: cannot be written (${(error as Error).message})`, { file, reasonCode: 'unwritable' });
  }
}

/** `dalel report`: the lab report PDF of a case, audit-logged and entered in each evidence item's custody. */
export function addReportCommands(program: Command, context: CliContext): void {
  program
    .command('report')
    .description('export the lab report PDF of a case (experts, judges, clerks). Standard input: your password, then the signing-key passphrase if the key is locked')
    .requiredOption('--case <id-or-number>', 'the case')
    .requiredOption('--out <file>', 'where to write the PDF')
    .addOption(new Option('--language <language>', 'language of the report and its summary').choices(summaryLanguages).default('en'))
    .action(async (opts: { case: string; out: string; language: SummaryLanguage }) => {
      await context.login();
      // The report names a checkpoint signed now, so the key must be open: clerks and administrators may open it with
      // its passphrase; for anyone else it is opened by the service account's DALEL_KEY_PASSPHRASE_FILE.
      const { session } = await context.call('auth.status', {});
      const { keyUnlocked, key } = await context.call('audit.status', {});
      if (!keyUnlocked) {
        if (session?.user.role !== 'clerk' && session?.user.role !== 'administrator') {
          // Say who can fix it: experts and judges cannot create or open the key themselves.
          throw new DalelError(
            'KEY_LOCKED',
            key === null
              ? 'The workstation has no audit signing key yet, so no report can be signed: a clerk or administrator must create it (in the app under Audit → Signing key).'
              : 'The audit signing key is locked: a clerk or administrator must unlock it (in the app under Audit → Signing key, or by exporting the report themselves: the key passphrase is read after the password), or the service account sets DALEL_KEY_PASSPHRASE_FILE.',
            { reason: key === null ? 'no-signing-key' : 'signing-key-locked' },
          );
        }
        await unlockKey(context);
      }
      const target = context.open().cases.resolve(opts.case);
      const report = await context.call('report.export', { caseId: target.id, language: opts.language });
      writeWhole(opts.out, report.pdf);
      context.print(
        { file: opts.out, fileName: report.fileName, sha256: report.sha256, bytes: report.pdf.length, auditSeq: report.auditSeq },
        () => `Wrote the lab report of case ${target.number} to ${opts.out} (${report.pdf.length} bytes, SHA-256 ${report.sha256}; audit entry #${report.auditSeq}).`,
      );
    });
}
