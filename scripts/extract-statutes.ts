/**
 * Writes the article texts into the statute and procedure assets from the official code texts in
 * ../shared/data/legal, so the application shows the norms without the shared data.
 * Run: `npx tsx scripts/extract-statutes.ts [legal-dir]`. Sanctions and rules are written by hand in the assets;
 * this script only refreshes the texts (and the criminal code's source hash).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillProcedureTexts, ProcedureBookSchema } from '../main/services/decision/procedural-advice.ts';
import { fillStatuteTexts, readCodeText, sharedLegalDir, type StatuteTexts } from '../main/services/decision/statute-text.ts';

const legal = process.argv[2] ?? sharedLegalDir();
const write = (file: string, value: unknown) => {
  writeFileSync(`${file}.partial`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${file}.partial`, file);
};
const sourceOf = (file: string) => {
  const text = readCodeText(legal, file);
  if (text === null) throw new Error(`${file} not found in ${legal ?? '../shared/data/legal'}`);
  return text;
};

const statutes = fileURLToPath(new URL('../assets/decision/statutes/', import.meta.url));
for (const name of readdirSync(statutes).filter((f) => f.endsWith('.json'))) {
  const file = join(statutes, name);
  const asset = JSON.parse(readFileSync(file, 'utf8')) as StatuteTexts;
  const source = sourceOf(asset.source.file);
  write(file, fillStatuteTexts(asset, source, createHash('sha256').update(source).digest('hex')));
  console.log(`${name}: texts of ${Object.keys(asset.articles).length} articles and ${Object.keys(asset.generalTexts).length} General Part articles`);
}
const procedure = fileURLToPath(new URL('../assets/decision/procedure/', import.meta.url));
for (const name of readdirSync(procedure).filter((f) => f.endsWith('.json'))) {
  const file = join(procedure, name);
  const book = ProcedureBookSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  write(file, fillProcedureTexts(book, sourceOf));
  console.log(`${name}: texts of ${book.rules.reduce((n, r) => n + r.citations.length, 0)} citations`);
}
