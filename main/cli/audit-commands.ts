import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import type { CliContext } from './context.ts';
import { defaultWorkers, folderSource, formatReport, progressPrinter, verifyBundleAsync, workersFor, zipFileSource } from '../services/audit/bundle-verify.ts';
import { DalelError } from '../services/errors.ts';

/** A key given on the command line, or the path of a file holding it. */
function keyText(value: string): string {
  try {
    if (statSync(value).isFile()) return readFileSync(value, 'utf8').trim();
  } catch {
    // not a file: the key itself
  }
  return value.trim();
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Opens the signing key with the passphrase read as the next line of standard input, unless it is open already. */
export async function unlockKey(context: CliContext): Promise<void> {
  const status = await context.call('audit.status', {});
  if (status.keyUnlocked) return;
  const passphrase = await context.io.passwords.next('Audit signing-key passphrase: ');
  await context.call('audit.unlockKey', { passphrase });
}

/** `dalel audit …`: verify bundles offline, export, checkpoints for witnesses, cosignatures, the signing key, the trail. */
export function addAuditCommands(program: Command, context: CliContext): void {
  const audit = program.command('audit').description('the signed, tamper-evident audit log');

  audit
    .command('verify')
    .description('verify an export bundle (folder or .zip) offline; exit code 0 only when valid')
    .argument('<bundle>', 'bundle folder or zip')
    .option('--trusted-key <key>', 'note verifier key (or a file holding it) the checkpoint must be signed by; repeatable', collect, [])
    .option('--trusted-checkpoint <file>', 'a signed checkpoint seen earlier: the bundle must extend it')
    .option('--witness-key <key>', 'witness cosignature key (or file) whose cosignature is required; repeatable', collect, [])
    .option('--progress', 'show how far the verification is on standard error')
    .option('--workers <n>', "worker threads that parse and hash the entries (a number, 0 for none, or 'auto' for one per core); by default one per core for a bundle whose entries.jsonl reaches 64 MiB, none below")
    .action(async (bundle: string, opts: { trustedKey: string[]; trustedCheckpoint?: string; witnessKey: string[]; progress?: boolean; workers?: string }) => {
      const asked = opts.workers === undefined ? undefined : opts.workers === 'auto' ? defaultWorkers() : Number(opts.workers);
      if (asked !== undefined && (!Number.isInteger(asked) || asked < 0 || asked > 64)) throw new DalelError('VALIDATION', "--workers takes a number from 0 to 64, or 'auto'.", { field: 'workers' });
      let source;
      try {
        source = statSync(bundle).isDirectory() ? folderSource(bundle) : zipFileSource(bundle);
      } catch (error) {
        throw new DalelError('BAD_INPUT', `${bundle}: cannot be read as a bundle (${(error as Error).message})`, { file: bundle, reasonCode: 'unreadable' });
      }
      const workers = asked ?? workersFor(source);
      const report = await verifyBundleAsync(
        source,
        {
          trustedKeys: opts.trustedKey.map(keyText),
          witnessKeys: opts.witnessKey.map(keyText),
          trustedCheckpoint: opts.trustedCheckpoint ? readFileSync(opts.trustedCheckpoint, 'utf8') : undefined,
          workers,
        },
        opts.progress ? progressPrinter((line) => context.io.err(line.replace(/^\r|\n$/g, ''))) : undefined,
      );
      context.print(report, () => formatReport(report));
      if (!report.valid) throw new DalelError('BAD_INPUT', `${bundle}: the bundle is not valid (${report.problems.length} problems).`, { file: bundle, reasonCode: 'invalid-bundle' });
    });

  audit
    .command('export')
    .description('export the trail as a verifiable bundle (clerks, administrators). Standard input: your password, then the signing-key passphrase if the key is locked')
    .addOption(new Option('--scope <scope>', 'what to export').choices(['all', 'case', 'range']).default('all'))
    .option('--case <id-or-number>', 'the case, with --scope case')
    .option('--from <iso-time>', 'start, with --scope range')
    .option('--to <iso-time>', 'end, with --scope range')
    .addOption(new Option('--language <language>', "language of the clerk's trail.pdf (as `dalel report --language`)").choices(['kk', 'ru', 'en']).default('en'))
    .action(async (opts: { scope: 'all' | 'case' | 'range'; case?: string; from?: string; to?: string; language: 'kk' | 'ru' | 'en' }) => {
      await context.login();
      await unlockKey(context);
      const ws = context.open();
      const request =
        opts.scope === 'case'
          ? { scope: 'case' as const, caseId: ws.cases.resolve(opts.case ?? '').id, language: opts.language }
          : opts.scope === 'range'
            ? { scope: 'range' as const, from: opts.from ?? '', to: opts.to ?? '', language: opts.language }
            : { scope: 'all' as const, language: opts.language };
      const result = await context.call('audit.export', request);
      const folder = join(ws.dataDir, 'exports', result.name);
      context.print({ ...result, folder, zip: `${folder}.zip` }, () => `Exported ${result.entries} entries, checkpoint of size ${result.checkpoint.size}:\n  ${folder}\n  ${folder}.zip`);
    });

  audit
    .command('checkpoint')
    .description('sign a checkpoint now and write it (C2SP signed note) for a witness or notary to cosign. Standard input: password, then key passphrase if locked')
    .requiredOption('--out <file>', 'where to write the signed checkpoint')
    .action(async (opts: { out: string }) => {
      await context.login();
      await unlockKey(context);
      const checkpoint = await context.call('audit.checkpoint', {});
      writeFileSync(opts.out, checkpoint.note);
      context.print(checkpoint, () => `Checkpoint of size ${checkpoint.size} written to ${opts.out}`);
    });

  audit
    .command('cosignature')
    .description("import a witness's cosigned checkpoint (C2SP tlog-cosignature); it is verified before it is stored")
    .argument('<file>', 'the cosigned checkpoint note')
    .requiredOption('--witness-key <key>', "the witness's verifier key (or a file holding it)")
    .action(async (file: string, opts: { witnessKey: string }) => {
      await context.show('audit.importCosignature', { note: readFileSync(file, 'utf8'), witnessKey: keyText(opts.witnessKey) }, (stored) => `Stored the cosignature of ${stored.witness} on checkpoint ${stored.checkpointId}.`);
    });

  const key = audit.command('key').description('the workstation signing key');
  key
    .command('show')
    .description('print the public key: fingerprint, note verifier key, PEM')
    .action(() => {
      const active = context.open().keyring.activeKey();
      if (!active) throw new DalelError('NOT_FOUND', 'This workstation has no signing key yet.');
      context.print(active && { keyId: active.keyId, fingerprint: active.fingerprint, verifierKey: active.verifierKey, pem: active.pem, createdAt: active.createdAt }, () =>
        [`key id:      ${active.keyId}`, `fingerprint: ${active.fingerprint}`, `verifier:    ${active.verifierKey}`, active.pem.trim()].join('\n'),
      );
    });
  key
    .command('rotate')
    .description('replace the signing key (administrators). Standard input: password, current key passphrase, new key passphrase')
    .action(async () => {
      await context.login();
      await unlockKey(context);
      const newPassphrase = await context.io.passwords.next('New signing-key passphrase: ');
      const status = await context.call('audit.rotateKey', { newPassphrase });
      context.print(status, () => `New signing key ${status.key?.keyId} (fingerprint ${status.key?.fingerprint}).`);
    });

  audit
    .command('trail')
    .description('list audit entries (clerks, administrators)')
    .option('--case <id-or-number>', 'only this case')
    .option('--actor <username>', 'only this user')
    .option('--action <prefix>', 'only actions starting with this')
    .option('--limit <n>', 'at most this many', '200')
    .action(async (opts: { case?: string; actor?: string; action?: string; limit: string }) => {
      await context.login();
      const caseId = opts.case ? context.open().cases.resolve(opts.case).id : undefined;
      const page = await context.call('audit.entries', { caseId, actor: opts.actor, action: opts.action, limit: Number(opts.limit) });
      context.print(page, () => page.entries.map((e) => `${String(e.seq).padStart(6)}  ${e.at}  ${(e.actor ?? 'workstation').padEnd(14)} ${e.action}`).join('\n') || '(none)');
    });
}
