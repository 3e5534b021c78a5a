import { Readable } from 'node:stream';
import { CommanderError } from 'commander';
import { buildProgram } from '../../main/cli.ts';
import { addHandwritingModelCommands } from '../../main/cli/handwriting-model-commands.ts';
import { PasswordInput } from '../../main/cli/password-input.ts';
import { DalelError } from '../../main/services/errors.ts';
import type { CliRun } from './cli.ts';

/**
 * Runs `dalel --data-dir DIR handwriting ARGS` in-process, with the exit codes of runCli; where the command tree has
 * no `handwriting` parent yet (main/cli/handwriting-commands.ts makes it in the app), a temporary one is made here.
 */
export async function runHandwritingCli(dataDir: string, args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), passwords: new PasswordInput(Readable.from([''])) };
  const { program, context } = buildProgram(io);
  // Once main/cli.ts registers `handwriting` (with these commands under it), the harness uses that one as it is.
  if (!program.commands.some((c) => c.name() === 'handwriting')) addHandwritingModelCommands(program.command('handwriting'), context);
  let code = 0;
  try {
    await program.parseAsync(['--data-dir', dataDir, 'handwriting', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else {
      code = 1;
      err.push(error instanceof DalelError && program.opts<{ json?: boolean }>().json ? JSON.stringify({ ok: false, error: error.toInfo() }) : `error: ${(error as Error).message}`);
    }
  } finally {
    context.close();
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}
