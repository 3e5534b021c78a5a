/**
 * Entry point of the stand-alone `verify.mjs` shipped in every export bundle (bundled by scripts/build-verifier.mjs
 * into one dependency-free file for Node ≥ 18). Usage: node verify.mjs [folder or .zip] [--trusted-key KEY]
 * [--trusted-checkpoint FILE] [--witness-key KEY] [--json] [--progress]. Exit code 0 only when the bundle is valid.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkers, folderSource, formatReport, progressPrinter, verifyBundleAsync, workersFor, zipFileSource, type VerifyOptions } from './bundle-verify.ts';

async function main(argv: string[]): Promise<number> {
  const trustedKeys: string[] = [];
  const witnessKeys: string[] = [];
  let trustedCheckpoint: string | undefined;
  let target: string | undefined;
  let json = false;
  let progress = false;
  let workers: number | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--trusted-key') trustedKeys.push(readKey(value()));
    else if (arg === '--witness-key') witnessKeys.push(readKey(value()));
    else if (arg === '--trusted-checkpoint') trustedCheckpoint = readFileSync(value(), 'utf8');
    else if (arg === '--json') json = true;
    else if (arg === '--progress') progress = true;
    else if (arg === '--workers') workers = parseWorkers(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node verify.mjs [BUNDLE_DIR_OR_ZIP] [--trusted-key KEY_OR_FILE] [--trusted-checkpoint FILE] [--witness-key KEY_OR_FILE] [--json] [--progress] [--workers N|auto]');
      return 0;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else target = arg;
  }
  const path = target ?? dirname(fileURLToPath(import.meta.url));
  const source = statSync(path).isDirectory() ? folderSource(path) : zipFileSource(path);
  const options: VerifyOptions & { workers: number } = { trustedKeys, witnessKeys, trustedCheckpoint, workers: workers ?? workersFor(source) };
  const report = await verifyBundleAsync(source, options, progress ? progressPrinter((line) => process.stderr.write(line)) : undefined);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.valid ? 0 : 1;
}

/** `--workers`: a number of threads to parse and hash entries in, or `auto` for one per core. */
function parseWorkers(value: string): number {
  if (value === 'auto') return defaultWorkers();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error('--workers takes a number from 0 to 64, or auto');
  return n;
}

/** A key given on the command line, or the path of a file holding it. */
function readKey(value: string): string {
  try {
    if (statSync(value).isFile()) return readFileSync(value, 'utf8').trim();
  } catch {
    // not a file: the key itself
  }
  return value;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
