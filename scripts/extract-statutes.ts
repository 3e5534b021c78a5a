/**
 * Writes the article texts into the statute assets from the official code text in ../shared/data/legal, so the
 * application shows the norm without the shared data. Run: `npx tsx scripts/extract-statutes.ts [legal-dir]`.
 * The sanctions in the asset are transcribed by hand; this script only refreshes texts and the source hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fillStatuteTexts, readCodeText, sharedLegalDir, type StatuteTexts } from '../main/services/decision/statute-text.ts';

const assets = ['kz-criminal-code.v1.json'];
const legal = process.argv[2] ?? sharedLegalDir();
for (const name of assets) {
  const file = fileURLToPath(new URL(`../assets/decision/statutes/${name}`, import.meta.url));
  const asset = JSON.parse(readFileSync(file, 'utf8')) as StatuteTexts;
  const source = readCodeText(legal, asset.source.file);
  if (source === null) throw new Error(`${asset.source.file} not found in ${legal ?? '../shared/data/legal'}`);
  const filled = fillStatuteTexts(asset, source, createHash('sha256').update(source).digest('hex'));
  writeFileSync(`${file}.partial`, `${JSON.stringify(filled, null, 2)}\n`);
  renameSync(`${file}.partial`, file);
  console.log(`${name}: texts of ${Object.keys(filled.articles).length} articles and ${Object.keys(filled.generalTexts).length} General Part articles from ${asset.source.file}`);
}
