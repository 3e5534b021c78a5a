/**
 * Handwriting comparison scoring [issue 12: 100 000 profile pairs ≤ 10 s]: random pairs of CSAFE validation
 * profiles (../shared/data/handwriting/handwriterRF/cluster_fill_rates_validation.csv; synthetic profiles where the
 * folder is missing) scored under the shipped Latin set through the service's batch path (features, one ONNX run,
 * bounded SLR per pair), next to two baselines measured in the same run: computing the pair features alone, and
 * the TypeScript reference inference (features, margins, SLR) without ONNX.
 * Options: --pairs N (100000), --repeat N (3; the best run is reported).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../models/ebm/random.ts';
import { featureCount, pairSide, writePairFeatures } from '../models/handwriting/features.ts';
import { clusterCount, readProfilesCsv } from '../models/handwriting/profiles.ts';
import { scoreMargins } from '../models/handwriting/score-model.ts';
import { boundedLog10Slr } from '../models/handwriting/slr.ts';
import { handwritingSetFor, scoreProfilePairs } from '../main/services/forensics/handwriting/comparison/index.ts';
import { numberOption } from './options.ts';

function profiles(): { readonly counts: readonly number[] }[] {
  const file = fileURLToPath(new URL('../../shared/data/handwriting/handwriterRF/cluster_fill_rates_validation.csv', import.meta.url));
  if (existsSync(file)) return readProfilesCsv(file);
  console.log(`(${file} is missing: synthetic profiles of 350 graphs)`);
  const random = seededRandom(3);
  return Array.from({ length: 1200 }, () => {
    const counts = new Array<number>(clusterCount).fill(0);
    for (let g = 0; g < 350; g += 1) {
      const k = Math.floor(random() ** 2 * clusterCount);
      counts[k] = counts[k]! + 1;
    }
    return { counts };
  });
}

async function best(repeat: number, work: () => Promise<void> | void): Promise<number> {
  let fastest = Infinity;
  for (let r = 0; r < repeat; r += 1) {
    const started = performance.now();
    await work();
    fastest = Math.min(fastest, (performance.now() - started) / 1000);
  }
  return fastest;
}

/** Runs the benchmark. */
export async function run(args: string[]): Promise<void> {
  const n = numberOption(args, 'pairs', 100_000);
  const repeat = numberOption(args, 'repeat', 3);
  const set = handwritingSetFor('latin');
  if (!set) throw new Error('no Latin handwriting set is installed (assets/handwriting/latin)');
  const docs = profiles();
  const random = seededRandom(1);
  const pairs = Array.from({ length: n }, () => ({ i: Math.floor(random() * docs.length), j: Math.floor(random() * docs.length) }));
  console.log(`handwriting scoring: ${n} pairs of ${docs.length} profiles, model ${set.modelSha256.slice(0, 12)}… (${set.model.algorithm}); best of ${repeat}`);

  const featuresOnly = await best(repeat, () => {
    const sides = docs.map((d) => pairSide(d.counts, set.model.twoLevel));
    const x = new Float64Array(n * featureCount);
    pairs.forEach((p, r) => writePairFeatures(sides[p.i]!, sides[p.j]!, x, r * featureCount));
  });
  const typescript = await best(repeat, () => {
    const sides = docs.map((d) => pairSide(d.counts, set.model.twoLevel));
    const x = new Float64Array(n * featureCount);
    pairs.forEach((p, r) => writePairFeatures(sides[p.i]!, sides[p.j]!, x, r * featureCount));
    const margins = scoreMargins(set.model, x, n);
    for (let r = 0; r < n; r += 1) boundedLog10Slr(set.reference.curve, margins[r]!);
  });
  await scoreProfilePairs(set, docs, pairs.slice(0, 10)); // opens the ONNX session outside the timing
  const service = await best(repeat, async () => {
    await scoreProfilePairs(set, docs, pairs);
  });
  console.log(`  baseline, pair features only: ${featuresOnly.toFixed(3)} s`);
  console.log(`  baseline, TypeScript reference inference (features, margins, SLR): ${typescript.toFixed(3)} s`);
  console.log(`  service batch path (features, ONNX, SLR, abstention): ${service.toFixed(3)} s [target ≤ 10 s for 100 000 pairs] ${service <= 10 * (n / 100_000) ? 'PASS' : 'FAIL'}`);
}
