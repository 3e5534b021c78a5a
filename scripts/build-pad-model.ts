/**
 * Builds the shipped PAD model (assets/drugs/pad/: model.onnx, model.json, card.json, model.sha256) from
 * ../shared/data/drugs/pad_cards_train.csv, exactly as `dalel drugs pad-train --data CARDS.csv --out DIR` does.
 * Usage: npx tsx scripts/build-pad-model.ts [CARDS.csv] [OUT_DIR]
 */
import { fileURLToPath } from 'node:url';
import { trainPadFromFile } from '../models/drugs/pad-pipeline.ts';

const data = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/drugs/pad_cards_train.csv', import.meta.url));
const out = process.argv[3] ?? fileURLToPath(new URL('../assets/drugs/pad/', import.meta.url));
const started = Date.now();
const training = trainPadFromFile(data, out);
const v = training.evaluation;
console.log(`PAD model ${training.sha256} → ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`  ${training.card.split.description}: ${training.split.train.length} training rows, ${training.split.test.length} test rows`);
console.log(`  identity accuracy ${(v.identity.accuracy * 100).toFixed(1)}% (majority ${(v.baselines.identityMajority.accuracy * 100).toFixed(1)}%)`);
console.log(`  concentration accuracy ${(v.concentration.accuracy * 100).toFixed(1)}% (majority ${(v.baselines.concentrationMajority.accuracy * 100).toFixed(1)}%)`);
console.log(`  abstained on ${(v.abstention.rate * 100).toFixed(1)}%; identity accuracy when answering ${(v.abstention.answeredAccuracy * 100).toFixed(1)}%`);
