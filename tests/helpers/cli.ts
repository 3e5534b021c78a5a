import { Readable } from 'node:stream';
import { PasswordInput } from '../../main/cli/password-input.ts';
import { runCli } from '../../main/cli.ts';

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
