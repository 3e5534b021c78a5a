/** `dalel laws …`: the legal-acts store (import a code's text as a version, search, read an article, diff versions). */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import type { LawDiffView } from '../contract/index.ts';
import { DalelError } from '../services/errors.ts';
import { legalCodes } from '../services/laws/codes.ts';
import type { CliContext } from './context.ts';
import { table } from './table.ts';

const codeOption = () => new Option('--code <id>', 'the code').choices(legalCodes.map((c) => c.id));

function readText(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
}

/** The diff in words: articles added, removed, changed (with parts), then what to review. */
function diffText(diff: LawDiffView): string {
  const lines = [`${diff.code}: ${diff.from} → ${diff.to}: ${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed, ${diff.unchanged} unchanged`];
  for (const a of diff.added) lines.push(`  + art. ${a}`);
  for (const a of diff.removed) lines.push(`  - art. ${a}`);
  for (const c of diff.changed) lines.push(`  ~ art. ${c.article} ${c.heading}${c.headingChanged ? ' (heading changed)' : ''}${c.parts.length ? `: parts ${c.parts.map((p) => p || '(text)').join(', ')}` : ''}`);
  if (diff.flags.length > 0) {
    lines.push('To review:');
    for (const f of diff.flags) lines.push(`  [${f.kind}] ${f.subject} (art. ${f.article}): ${f.reason}`);
  }
  return lines.join('\n');
}

/**
 * `dalel laws import … --version DATE`: the program's own --version (print the app's version) would take the flag
 * wherever it stands, so after `laws import` it is passed on as --as-of, the option's internal name.
 */
export function lawsArguments(argv: readonly string[]): string[] {
  const at = argv.indexOf('laws');
  if (at < 0 || argv[at + 1] !== 'import') return [...argv];
  return argv.map((arg, i) => (i > at + 1 && arg === '--version' ? '--as-of' : i > at + 1 && arg.startsWith('--version=') ? `--as-of=${arg.slice(10)}` : arg));
}

/** Registers `dalel laws`. */
export function addLawsCommands(program: Command, context: CliContext): void {
  const laws = program.command('laws').description('the legal-acts store: codes by version, full-text search, diffs of updates');
  laws
    .command('import')
    .description('import a text of a code (UTF-8, as published) as the version in force from DATE (administrators)')
    .argument('<file>', 'the code\'s text')
    .addOption(codeOption().makeOptionMandatory())
    .requiredOption('--as-of <date>', 'the date this text is the law from (YYYY-MM-DD); also accepted as --version')
    .addOption(new Option('--language <lang>', 'the text\'s language').choices(['ru', 'kk']).default('ru'))
    .action(async (file: string, opts: { code: string; asOf: string; language: 'ru' | 'kk' }) => {
      await context.login();
      const body = readText(file);
      const result = await context.call('laws.import', { code: opts.code, version: opts.asOf, language: opts.language, fileName: basename(file), body });
      context.print(result, () =>
        result.alreadyImported
          ? `${opts.code} ${opts.asOf} was already stored from this text; nothing changed.`
          : `Imported ${opts.code} ${opts.asOf} (${opts.language}): ${result.version.articles} articles, ${result.parts} parts.`,
      );
    });
  laws
    .command('search')
    .description('search the current texts by words (any inflection) or by a citation such as "ст. 188" or "188-бап"')
    .argument('<query>', 'words or a citation')
    .addOption(codeOption())
    .option('--limit <n>', 'at most this many hits', '20')
    .action(async (query: string, opts: { code?: string; limit: string }) => {
      const hits = await context.call('laws.search', { query, code: opts.code, limit: Number(opts.limit) });
      context.print(hits, () =>
        hits.length === 0 ? 'Nothing found.' : table(hits.map((h) => ({ code: h.code, article: h.article, part: h.part, heading: h.heading, text: h.text.replace(/\s+/g, ' ').slice(0, 100) }))),
      );
    });
  laws
    .command('article')
    .description('print the stored text of an article')
    .argument('<article>', 'the article number, e.g. 188 or 120-1')
    .addOption(codeOption().makeOptionMandatory())
    .option('--at <date>', 'a stored version (default: the current one)')
    .action(async (article: string, opts: { code: string; at?: string }) => {
      const found = await context.call('laws.article', { code: opts.code, article, version: opts.at });
      context.print(found, () => `Статья ${found.article}. ${found.heading}\n(${found.code}, ${found.version})\n\n${found.parts.map((p) => p.text).join('\n')}`);
    });
  laws
    .command('versions')
    .description('list the stored versions')
    .addOption(codeOption())
    .action(async (opts: { code?: string }) => {
      const list = await context.call('laws.versions', { code: opts.code });
      context.print(list, () => table(list.map((v) => ({ code: v.code, version: v.version, language: v.language, articles: v.articles, source: v.sourceName, imported: v.importedAt }))));
    });
  laws
    .command('diff')
    .description('compare two versions article by article (default: the two latest) and list what cites a changed article (administrators)')
    .addOption(codeOption().makeOptionMandatory())
    .option('--from <date>', 'the older version')
    .option('--to <date>', 'the newer version')
    .action(async (opts: { code: string; from?: string; to?: string }) => {
      await context.show('laws.diff', { code: opts.code, from: opts.from, to: opts.to }, (diff) => diffText(diff));
    });
}
