/**
 * The headless `dalel` command: the same services and the same contract as the app, for scripts and batch work.
 * Every command goes through the dispatcher as a logged-in user, so the role rules of the app apply here too.
 */
import { basename } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { caseTypes, roles, type ResponseOf, type Role } from './contract/index.ts';
import { addAuditCommands } from './cli/audit-commands.ts';
import { addBallisticsCommands } from './cli/ballistics-commands.ts';
import { addHandwritingCommands } from './cli/handwriting-commands.ts';
import { addDecisionCommands } from './cli/decision-commands.ts';
import { addDocumentsCommands } from './cli/documents-commands.ts';
import { addDrugsCommands } from './cli/drugs-commands.ts';
import { addFindingsCommands } from './cli/findings-commands.ts';
import { addLawsCommands, lawsArguments } from './cli/laws-commands.ts';
import { addCorpusCommands } from './cli/corpus-commands.ts';
import { addModelsCommands } from './cli/models-commands.ts';
import { PasswordInput } from './cli/password-input.ts';
import { addQuestionsCommands } from './cli/questions-commands.ts';
import { addReportCommands } from './cli/report-commands.ts';
import { table } from './cli/table.ts';
import { CliContext, type CliIo, type GlobalOptions } from './cli/context.ts';
import { readInputFile } from './cli/input-file.ts';
import { passphraseSealerFromEnv } from './services/audit/key-passphrase.ts';
import { DalelError } from './services/errors.ts';
import { defaultDataDir } from './services/paths.ts';
import { appVersion } from '../core/version.ts';
import { startBrowserMode } from './web/browser-mode.ts';

/** Builds the command tree; `run` parses and executes it. */
export function buildProgram(io: CliIo): { program: Command; context: CliContext } {
  const program = new Command('dalel')
    .description('Dalel forensic and court workstation: headless commands over the same data folder as the app.')
    .version(appVersion)
    .option('--data-dir <dir>', 'data folder (default: DALEL_DATA_DIR or the OS user-data folder)')
    .option('--json', 'print machine-readable JSON')
    .option('--user <name>', 'act as this user; the password is read from standard input')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const context = new CliContext(program, io);

  const users = program.command('users').description('workstation accounts (administrators only)');
  users
    .command('add')
    .description(
      'add an account. Standard input: the acting administrator\'s password, then the new password, one per line. ' +
        'On a workstation without accounts, creates the first administrator and reads only the new password.',
    )
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--display-name <text>', 'full name shown in records')
    .addOption(new Option('--role <role>', 'role').choices(roles).default('expert'))
    .action(async (opts: { username: string; displayName: string; role: Role }) => {
      const ws = context.open();
      if (ws.users.needsSetup()) {
        if (opts.role !== 'administrator') throw new DalelError('CONFLICT', 'The first account must be an administrator (--role administrator).');
        const password = await io.passwords.next(`New password for ${opts.username}: `);
        const session = await context.call('auth.setupAdmin', { username: opts.username, displayName: opts.displayName, password });
        return context.print(session.user, () => `Created administrator ${session.user.username} (${session.user.id}).`);
      }
      await context.login();
      const password = await io.passwords.next(`New password for ${opts.username}: `);
      const user = await context.call('users.add', { username: opts.username, displayName: opts.displayName, role: opts.role, password });
      context.print(user, () => `Created ${user.role} ${user.username} (${user.id}).`);
    });
  users
    .command('list')
    .description('list accounts')
    .action(async () => {
      await context.show('users.list', {}, (list) => table(list.map((u) => ({ username: u.username, name: u.displayName, role: u.role, disabled: u.disabled ? 'yes' : 'no' }))));
    });

  const cases = program.command('case').description('cases');
  cases
    .command('create')
    .description('open a case (experts and judges)')
    .requiredOption('--number <number>', 'case number, unique on this workstation')
    .requiredOption('--venue <text>', 'court or laboratory')
    .addOption(new Option('--type <type>', 'case type').choices(caseTypes).makeOptionMandatory())
    .option('--parties <text>', 'parties, as free text', '')
    .action(async (opts: { number: string; venue: string; type: (typeof caseTypes)[number]; parties: string }) => {
      await context.show('cases.create', { number: opts.number, venue: opts.venue, caseType: opts.type, parties: opts.parties }, (created) => `Created case ${created.number} (${created.id}).`);
    });
  cases
    .command('list')
    .description('list cases, newest first')
    .option('--query <text>', 'filter by number, venue or parties')
    .action(async (opts: { query?: string }) => {
      await context.show('cases.list', { query: opts.query }, (list) =>
        table(list.map((c) => ({ number: c.number, type: c.caseType, venue: c.venue, evidence: c.evidenceCount, created: c.createdAt, id: c.id }))),
      );
    });

  const evidence = program.command('evidence').description('evidence items');
  evidence
    .command('add')
    .description('add files to a case (experts): PNG, JPEG, TIFF 8/16-bit, X3P, PDF')
    .requiredOption('--case <id-or-number>', 'the case')
    .option('--kind <kind>', 'what the files are evidence of, e.g. ballistics.cartridge-case, document (default: suggested from each file)')
    .option('--pixel-um <um>', 'the pixel size of 2D images, µm (images carry no scale of their own)')
    .argument('<files...>', 'files to add')
    .action(async (files: string[], opts: { case: string; kind?: string; pixelUm?: string }) => {
      const declared = { ...(opts.kind ? { category: opts.kind } : {}), ...(opts.pixelUm !== undefined ? { pixelUm: Number(opts.pixelUm) } : {}) };
      await context.login();
      const target = context.open().cases.resolve(opts.case);
      // Each file stands alone: one bad file is reported by name and does not stop (or undo) the others.
      const outcomes: Array<{ file: string; result?: ResponseOf<'evidence.add'>; error?: DalelError }> = [];
      for (const file of files) {
        try {
          outcomes.push({ file, result: await context.call('evidence.add', { caseId: target.id, fileName: basename(file), bytes: readInputFile(file), ...declared }) });
        } catch (error) {
          if (!(error instanceof DalelError)) throw error;
          outcomes.push({ file, error });
        }
      }
      context.print(
        outcomes.map((o) => (o.result ? { file: o.file, ok: true, ...o.result } : { file: o.file, ok: false, error: o.error?.toInfo() })),
        () =>
          outcomes
            .map((o) =>
              o.result
                ? `${o.result.duplicate ? 'Already in case' : 'Added'}: ${o.file}  ${o.result.evidence.kind}  ${o.result.evidence.category}  ${o.result.evidence.sizeBytes} bytes  sha256:${o.result.evidence.sha256}`
                : `Refused: ${o.error?.message}`,
            )
            .join('\n'),
      );
      const failed = outcomes.filter((o) => o.error).length;
      if (failed > 0) throw new DalelError('BAD_INPUT', `${failed} of ${files.length} files were refused.`);
    });
  evidence
    .command('list')
    .description('list the evidence of a case with hashes')
    .requiredOption('--case <id-or-number>', 'the case')
    .action(async (opts: { case: string }) => {
      await context.login();
      const target = context.open().cases.resolve(opts.case);
      const list = await context.call('evidence.list', { caseId: target.id });
      context.print(list, () => table(list.map((e) => ({ name: e.originalName, kind: e.kind, bytes: e.sizeBytes, sha256: e.sha256, added: e.addedAt }))));
    });

  addAuditCommands(program, context);
  addDecisionCommands(program, context);
  addBallisticsCommands(program, context);
  addHandwritingCommands(program, context);
  addDrugsCommands(program, context);
  addFindingsCommands(program, context);
  addReportCommands(program, context);
  addLawsCommands(program, context);
  addCorpusCommands(program, context);
  addModelsCommands(program, context);
  addDocumentsCommands(program, context);
  addQuestionsCommands(program, context);

  program
    .command('serve')
    .description('serve browser mode on 127.0.0.1 (what `npm start` does when Electron is missing)')
    .option('--port <port>', 'port (default: DALEL_PORT, or a free one)')
    .action(async (opts: { port?: string }) => {
      const mode = await startBrowserMode({
        dataDir: context.options.dataDir ?? defaultDataDir(),
        port: Number(opts.port ?? process.env.DALEL_PORT ?? 0),
        keySealer: passphraseSealerFromEnv(),
      });
      io.out(`Dalel is running at ${mode.bridge.url}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await mode.close();
    });

  return { program, context };
}

/** Runs the CLI; returns the exit code (0 ok, 1 refused or failed, 2 usage error). */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const { program, context } = buildProgram(io);
  try {
    await program.parseAsync(lawsArguments(argv), { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const json = program.opts<GlobalOptions>().json;
    if (error instanceof DalelError) {
      io.err(json ? JSON.stringify({ ok: false, error: error.toInfo() }) : `error: ${error.message}`);
      return 1;
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  } finally {
    context.close();
  }
}

function defaultIo(): CliIo {
  return { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`), passwords: new PasswordInput() };
}
