/**
 * PAD batch benchmark (issue 13 target in brackets): 10 000 cards read from a CSV and classified — ingredient,
 * Drug %, abstention, one JSON line each, as `dalel drugs pad --batch --json` does [≤ 2 s]. Baseline in the same run:
 * parsing the CSV alone. The cards are rows of ../shared/data/drugs/pad_cards_train.csv drawn with a fixed seed
 * (or random colours when the shared data are absent).
 * Options: --cards N (10000), --model DIR (default: the shipped model).
 */
import { readFileSync, rmSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPadCards } from '../models/drugs/pad-data.ts';
import { padFeatureColumns, padFeatureCount } from '../models/drugs/pad-layout.ts';
import { scorePad } from '../models/drugs/pad-model.ts';
import { seededRandom } from '../models/ebm/random.ts';
import { defaultPadModelDir, padRunner } from '../main/services/forensics/drugs/pad/pad-runner.ts';
import { numberOption, textOption } from './options.ts';
import { seconds } from './measure.ts';

const source = fileURLToPath(new URL('../../shared/data/drugs/pad_cards_train.csv', import.meta.url));

/** A CSV of n cards in the training layout. */
function batchCsv(n: number): string {
  const random = seededRandom(13);
  const header = ['', 'Image', 'PAD S#', ...padFeatureColumns].join(',');
  let rows: string[][];
  if (existsSync(source)) {
    const table = readPadCards(source);
    rows = table.rows.map((r) => Array.from(r.features, String));
  } else {
    rows = Array.from({ length: 500 }, () => Array.from({ length: padFeatureCount }, () => String(Math.round(random() * 255))));
  }
  const lines = [header];
  for (let i = 0; i < n; i += 1) lines.push([String(i), `bench-${i}`, String(90000 + i), ...rows[Math.floor(random() * rows.length)]!].join(','));
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[]): Promise<void> {
  const n = numberOption(args, 'cards', 10000);
  const modelDir = textOption(args, 'model') ?? defaultPadModelDir();
  const dir = mkdtempSync(join(tmpdir(), 'dalel-bench-pad-'));
  try {
    const file = join(dir, 'cards.csv');
    writeFileSync(file, batchCsv(n));
    console.log(`PAD batch: ${n} cards (${(readFileSync(file).length / 1e6).toFixed(1)} MB CSV), model ${modelDir}`);
    const runner = await padRunner(modelDir);
    // Warm-up (first ONNX run allocates), not timed.
    await runner.classify(new Float64Array(padFeatureCount).fill(200), 1);

    let t = process.hrtime.bigint();
    const parsed = readPadCards(file);
    const parseSeconds = seconds(t);

    t = process.hrtime.bigint();
    const table = readPadCards(file);
    const features = new Float64Array(table.rows.length * padFeatureCount);
    table.rows.forEach((r, i) => features.set(r.features, i * padFeatureCount));
    const answers = await runner.classify(features, table.rows.length);
    let bytes = 0;
    answers.forEach((c, i) => (bytes += JSON.stringify({ line: i + 1, image: table.rows[i]!.image, predicted: c.predicted, probabilities: c.probabilities, concentration: c.concentration, abstention: c.abstention }).length));
    const totalSeconds = seconds(t);

    t = process.hrtime.bigint();
    scorePad(runner.model, features, table.rows.length);
    const tsSeconds = seconds(t);

    const abstained = answers.filter((a) => a.abstention).length;
    console.log(`  baseline: parse the CSV alone          ${parseSeconds.toFixed(3)} s (${parsed.rows.length} rows)`);
    console.log(`  parse + classify (ONNX) + JSON lines   ${totalSeconds.toFixed(3)} s  [target ≤ 2 s] ${totalSeconds <= 2 ? 'PASS' : 'FAIL'}  (${(bytes / 1e6).toFixed(1)} MB of JSON, ${abstained} abstentions)`);
    console.log(`  scoring alone, TypeScript path         ${tsSeconds.toFixed(3)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
