/**
 * PAD baselines on the shipped model's held-out split (by card, as models/drugs/pad-pipeline.ts splits): the
 * majority class, and scikit-learn logistic regression and random forest (Debian's python3-sklearn; `apt-get install
 * python3-sklearn`), next to the Dalel model's figures from its card.
 * The split is the one the model's card names (by card by default; a model trained with `--split-by image` gives the
 * by-image figures).
 * Usage: npx tsx scripts/baselines/pad-baselines.ts [CARDS.csv] [MODEL_DIR]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPadCards } from '../../models/drugs/pad-data.ts';
import { readPadFolder } from '../../models/drugs/pad-folder.ts';
import type { PadModelCard } from '../../models/drugs/pad-pipeline.ts';
import { padTestFraction } from '../../models/drugs/pad-pipeline.ts';
import { splitByCard, type PadSplitUnit } from '../../models/drugs/pad-split.ts';
import { sklearnAvailability } from '../../models/peers/sklearn-peer.ts';

const data = process.argv[2] ?? fileURLToPath(new URL('../../../shared/data/drugs/pad_cards_train.csv', import.meta.url));
const modelDir = process.argv[3] ?? fileURLToPath(new URL('../../assets/drugs/pad/', import.meta.url));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Runs the scikit-learn baselines on the split the model's card describes. */
export function padSklearnBaselines(cardsFile: string, seed: number, unit: PadSplitUnit = 'card'): Record<string, { accuracy: number; testRows: number; seconds: number }> & { sklearn: string } {
  const sk = sklearnAvailability();
  if (!sk.available) throw new Error(sk.reason);
  const table = readPadCards(cardsFile, true);
  const split = splitByCard(table.rows, table.rows.map((_, i) => i), padTestFraction, seed, unit);
  const dir = mkdtempSync(join(tmpdir(), 'dalel-pad-baselines-'));
  try {
    const file = join(dir, 'split.json');
    writeFileSync(file, JSON.stringify({ train: split.train, test: split.test }));
    const script = fileURLToPath(new URL('./pad-sklearn.py', import.meta.url));
    return JSON.parse(execFileSync(sk.python, [script, cardsFile, file], { encoding: 'utf8', maxBuffer: 1 << 24 })) as never;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = readPadFolder(modelDir);
  const card = folder.card as unknown as PadModelCard;
  const sk = padSklearnBaselines(data, card.options.seed, card.split.unit ?? 'card');
  const v = card.validation;
  console.log(`PAD held-out split: ${card.split.description}; ${card.split.trainRows} training rows (${card.split.trainCards} cards), ${card.split.testRows} test rows (${card.split.testCards} cards)`);
  console.log(`identity (${v.identity.cases} test rows):`);
  console.log(`  Dalel model ${folder.sha256.slice(0, 12)}      ${pct(v.identity.accuracy)}`);
  console.log(`  majority class (${v.baselines.identityMajority.label})  ${pct(v.baselines.identityMajority.accuracy)}`);
  console.log(`  sklearn ${sk.sklearn} logistic regression ${pct(sk['identity.logistic-regression']!.accuracy)}`);
  console.log(`  sklearn random forest (500 trees)  ${pct(sk['identity.random-forest']!.accuracy)}`);
  console.log(`concentration, Drug % 20/50/80/100 (${v.concentration.cases} test rows):`);
  console.log(`  Dalel model                        ${pct(v.concentration.accuracy)}`);
  console.log(`  majority class (${v.baselines.concentrationMajority.label})            ${pct(v.baselines.concentrationMajority.accuracy)}`);
  console.log(`  sklearn logistic regression        ${pct(sk['concentration.logistic-regression']!.accuracy)}`);
  console.log(`  sklearn random forest (500 trees)  ${pct(sk['concentration.random-forest']!.accuracy)}`);
}
