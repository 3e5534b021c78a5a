/**
 * Builds the handwriting comparison set shipped in assets/handwriting/latin/: trains the score model on CSAFE's
 * cluster_fill_rates_train.csv and the reference set on cluster_fill_rates_validation.csv (split by writer into
 * reference and evaluation halves), both from ../shared/data/handwriting/handwriterRF/, and writes the folder with
 * its card, then assets/handwriting/SHA256SUMS. Run: `npx tsx scripts/build-handwriting-sets.ts [--out DIR] [--data DIR]`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256OfBytes } from '../core/canonical-json.ts';
import { writeHandwritingSet } from '../models/handwriting/set-folder.ts';
import { trainHandwritingSet } from '../models/handwriting/train.ts';

const option = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const root = option('--out', fileURLToPath(new URL('../assets/handwriting/', import.meta.url)));
const data = option('--data', fileURLToPath(new URL('../../shared/data/handwriting/handwriterRF/', import.meta.url)));

const started = performance.now();
const set = trainHandwritingSet({ trainFile: join(data, 'cluster_fill_rates_train.csv'), referenceFile: join(data, 'cluster_fill_rates_validation.csv'), script: 'latin' });
writeHandwritingSet(join(root, 'latin'), set, true);
const lines = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => readdirSync(join(root, e.name)).sort().map((f) => `${sha256OfBytes(new Uint8Array(readFileSync(join(root, e.name, f))))}  ${e.name}/${f}`));
writeFileSync(join(root, 'SHA256SUMS'), `${lines.join('\n')}\n`);
const e = set.card.evaluation;
console.log(
  `latin: model ${set.modelSha256} (${set.model.algorithm}); held-out ${e.writers} writers: same-writer SLR<1 ${(e.sameBelowOne * 100).toFixed(2)} % of ${e.samePairs}, different-writer SLR>1 ${(e.differentAboveOne * 100).toFixed(2)} % of ${e.differentPairs}, Cllr ${e.cllr.toFixed(3)}; floor ${set.reference.minGraphs} graphs; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
