import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { PasswordInput } from '../../main/cli/password-input.ts';
import { runCli } from '../../main/cli.ts';
import { makePng } from './workstation.ts';

/** What one `dalel` run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `dalel --data-dir DIR ARGS` in-process, with `stdin` as the password input, and captures its output. */
export async function runDalel(dataDir: string, args: readonly string[], stdin = ''): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data-dir', dataDir, ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    passwords: new PasswordInput(Readable.from([stdin])),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs `dalel` on one data folder with a default standard input. */
export type Dalel = (args: string[], stdin?: string) => Promise<CliRun>;

/** Creates the first account, the administrator "admin", with `password`, and expects the CLI to accept it. */
export async function addAdministrator(dalel: Dalel, password: string): Promise<void> {
  expect((await dalel(['users', 'add', '--username', 'admin', '--display-name', 'Admin', '--role', 'administrator'], `${password}\n`)).code).toBe(0);
}

/** What seedCaseWithScans creates beside the administrator and the expert. */
export interface CaseSeed {
  readonly adminPassword: string;
  readonly expertPassword: string;
  /** A third account (a judge, a clerk…), added by the administrator with the expert's password. */
  readonly other: { readonly username: string; readonly displayName: string; readonly role: string };
}

/**
 * Through the CLI: an administrator "admin", an expert "expert", one more account, and case 7-2026 (Almaty lab,
 * criminal) holding two small PNG scans written into `dir`, whose paths it returns. `dalel` must read the expert's
 * password by default.
 */
export async function seedCaseWithScans(dalel: Dalel, dir: string, seed: CaseSeed): Promise<string[]> {
  const { adminPassword, expertPassword, other } = seed;
  await addAdministrator(dalel, adminPassword);
  expect((await dalel(['--user', 'admin', 'users', 'add', '--username', 'expert', '--display-name', 'Expert'], `${adminPassword}\n${expertPassword}\n`)).code).toBe(0);
  expect((await dalel(['--user', 'admin', 'users', 'add', '--username', other.username, '--display-name', other.displayName, '--role', other.role], `${adminPassword}\n${expertPassword}\n`)).code).toBe(0);
  expect((await dalel(['--user', 'expert', 'case', 'create', '--number', '7-2026', '--venue', 'Almaty lab', '--type', 'criminal'])).code).toBe(0);
  const files = [1, 2].map((n) => {
    const file = join(dir, `scan-${n}.png`);
    writeFileSync(file, makePng(8, 8, n));
    return file;
  });
  expect((await dalel(['--user', 'expert', 'evidence', 'add', '--case', '7-2026', ...files])).code).toBe(0);
  return files;
}
