/** `dalel corpus …`: the verdict corpus (anonymisation of decision texts; structured imports and status follow). */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { anonymise } from '../services/corpus/anonymise/anonymise.ts';
import { DalelError } from '../services/errors.ts';
import type { CliContext } from './context.ts';

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
  return corpus;
}
