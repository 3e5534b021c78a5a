/**
 * Many comparisons at once (the `dalel handwriting score` command and the benchmark): every pair's features in one
 * row-major block, one ONNX run, then the reference curve per pair. Same result per pair as compareWriterProfiles.
 */
import { DalelError } from '../../../errors.ts';
import { featureCount, pairSide, writePairFeatures } from '../../../../../models/handwriting/features.ts';
import { boundedLog10Slr, verbalScale } from '../../../../../models/handwriting/slr.ts';
import type { HandwritingSet } from './set-store.ts';
import { scoreRunnerFor } from './score-runner.ts';

/** One scored pair: the score and SLR, or the reason there is no SLR. */
export interface ScoredPair {
  readonly score: number;
  readonly slr: number | null;
  readonly log10Slr: number | null;
  readonly verbal: string | null;
  readonly abstention: { readonly reason: 'too-few-graphs'; readonly message: string } | null;
}

/** Scores pairs of profiles (indices into `profiles`) under one set. */
export async function scoreProfilePairs(
  set: HandwritingSet,
  profiles: readonly { readonly counts: readonly number[] }[],
  pairs: readonly { readonly i: number; readonly j: number }[],
): Promise<ScoredPair[]> {
  const sides = profiles.map((p) => pairSide(p.counts, set.model.twoLevel));
  const features = new Float64Array(pairs.length * featureCount);
  pairs.forEach((p, r) => {
    if (!sides[p.i] || !sides[p.j]) throw new DalelError('BAD_INPUT', `pair ${r + 1} names profile ${sides[p.i] ? p.j : p.i}, which does not exist`, { reasonCode: 'unknown-profile' });
    writePairFeatures(sides[p.i]!, sides[p.j]!, features, r * featureCount);
  });
  const runner = await scoreRunnerFor(set.modelSha256, set.onnx, featureCount);
  const out = pairs.length ? await runner.run(features, pairs.length) : { score: new Float64Array(0), margin: new Float64Array(0) };
  const minimum = set.reference.minGraphs;
  return pairs.map((p, r) => {
    const shortest = Math.min(sides[p.i]!.total, sides[p.j]!.total);
    if (shortest < minimum) {
      return {
        score: out.score[r]!,
        slr: null,
        log10Slr: null,
        verbal: null,
        abstention: { reason: 'too-few-graphs', message: `${shortest} graphs; the ${set.script} reference set supports a likelihood ratio from ${minimum} graphs on` },
      };
    }
    const log10Slr = boundedLog10Slr(set.reference.curve, out.margin[r]!);
    return { score: out.score[r]!, slr: 10 ** log10Slr, log10Slr, verbal: verbalScale(log10Slr), abstention: null };
  });
}
