/**
 * `dalel ocr` and `dalel facts`: the text of scanned case documents (words with boxes and confidences, engine and
 * language-data versions), and the facts a document states (indictment, claim, sentence), each with the span of text
 * it came from and a confidence, read by the shared legal-text extractors.
 */
import { Option, type Command } from 'commander';
import { ocrDocument, type OcrDocument, type OcrLanguageChoice } from '../services/ocr/ocr-document.ts';
import type { CliContext } from './context.ts';
import { readInputFile } from './input-file.ts';
import { extractFacts, guessCaseType } from '../services/legal-text/extract-facts.ts';
import { DalelError } from '../services/errors.ts';

/** The most text `dalel facts` reads from one file (a long sentence is well under 1 MB of text). */
const maxTextBytes = 16 * 1024 * 1024;

/** Reads a UTF-8 text document, refusing binaries and invalid encodings by name. */
export function readTextDocument(file: string): string {
  const bytes = readInputFile(file, maxTextBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DalelError('BAD_INPUT', `${file}: not UTF-8 text; give a text file (run \`dalel ocr\` on scans first)`, { file, reasonCode: 'not-text' });
  }
  if (text.includes('\u0000')) throw new DalelError('BAD_INPUT', `${file}: binary content, not a text document`, { file, reasonCode: 'not-text' });
  if (text.trim() === '') throw new DalelError('BAD_INPUT', `${file}: the document is empty`, { file, reasonCode: 'empty' });
  return text.replace(/^\uFEFF/, '');
}

/** Registers `dalel ocr` and `dalel facts`. */
export function addDocumentsCommands(program: Command, context: CliContext): void {
  program
    .command('ocr')
    .description('recognise the text of scans and photos (PNG, JPEG, TIFF, PDF; PDF pages with a text layer keep it): per page the text, words with boxes and confidences, and the engine and language-data versions')
    .argument('<files...>', 'documents to read')
    .addOption(new Option('--lang <language>', 'language of the documents, or auto (per page)').choices(['kaz', 'rus', 'eng', 'auto']).default('auto'))
    .action(async (files: string[], opts: { lang: OcrLanguageChoice }) => {
      const results: OcrDocument[] = [];
      for (const file of files) {
        const bytes = readInputFile(file);
        results.push(await ocrDocument(bytes, file, { language: opts.lang }));
      }
      context.print(results, () =>
        results
          .map((doc) =>
            [
              `${doc.file} (${doc.format}, ${doc.pages.length} page${doc.pages.length === 1 ? '' : 's'}; ${doc.provenance.engine.engine} ${doc.provenance.engine.version})`,
              ...doc.pages.map((p) => `--- page ${p.page}: ${p.source}, ${p.language ?? 'no language'}, mean confidence ${p.meanConfidence.toFixed(1)}, ${p.lowConfidenceWords} low-confidence words\n${p.text}`),
            ].join('\n'),
          )
          .join('\n\n'),
      );
    });
  program
    .command('facts')
    .description('read the facts a case document states (articles, sums, dates, priors, plea, claim amount, ...), each with its source span and confidence')
    .argument('<file>', 'UTF-8 text of an indictment, a claim or a sentence')
    .option('--case-type <id>', 'case type whose facts to read (default: guessed from the text): kz-criminal, kz-civil-contract')
    .action((file: string, opts: { caseType?: string }) => {
      const text = readTextDocument(file);
      const caseType = opts.caseType ?? guessCaseType(text)?.caseType ?? null;
      const facts = extractFacts(text, caseType ?? undefined);
      context.print({ file, caseType, facts }, () =>
        [
          `${file}: ${caseType ?? 'case type not recognised'}`,
          ...facts.map((f) => `${f.field.padEnd(20)} ${JSON.stringify(f.value).padEnd(40)} ${f.confidence.toFixed(2)}  «${text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ')}» [${f.span.start}–${f.span.end}]`),
        ].join('\n'),
      );
    });
}
