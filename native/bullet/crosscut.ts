/**
 * Choosing a stable crosscut height (bulletxtrctr x3p_crosscut_optimize): striae are best expressed near the heel,
 * but the heel edge is often damaged. Starting `crosscutStartUm` above the heel and stepping up, each height's rough
 * signature (middle 70 % of the profile, curvature removed, smoothed) is aligned with the next one's; the first
 * height whose signature correlates with its neighbour above `crosscutMinCcf` is stable. If none does, the height
 * whose neighbour correlates best is taken and marked not stable.
 */
import { alignSignatures } from './align.ts';
import type { BulletParameters } from './bullet-params.ts';
import { presentCount, type LandProfiles } from './land-profile.ts';
import { rawSignature, smoothSignature } from './signature.ts';

/** The chosen height (profile index from the heel), its correlation with the next height, and whether it passed. */
export interface Crosscut {
  readonly index: number;
  readonly heightUm: number;
  readonly ccf: number;
  readonly stable: boolean;
}

/** Rough signature of one profile, over its middle 70 % (bulletxtrctr land_cc: 15 %–85 % quantiles of x). */
function roughSignature(values: Float64Array, p: BulletParameters): Float64Array {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! === values[i]!) present.push(i);
  const lo = present[Math.floor(present.length * 0.15)] ?? 0;
  const hi = present[Math.min(present.length - 1, Math.ceil(present.length * 0.85))] ?? 0;
  return smoothSignature(rawSignature(values, lo + 1, hi, p.curvatureSpan), p.smoothingSpan);
}

/** Finds a stable crosscut height of a land. */
export function optimizeCrosscut(land: LandProfiles, p: BulletParameters): Crosscut {
  const step = Math.max(1, Math.round(p.crosscutStepUm / land.heightStepUm));
  let k = Math.min(land.count - 1, Math.max(0, Math.round(p.crosscutStartUm / land.heightStepUm)));
  while (k + step < land.count && presentCount(land.profile(k)) < p.crosscutMinPresent * land.length) k += step;
  let best: Crosscut = { index: k, heightUm: k * land.heightStepUm, ccf: -Infinity, stable: false };
  let current = roughSignature(land.profile(k), p);
  while (k + step < land.count) {
    const next = roughSignature(land.profile(k + step), p);
    const ccf = alignSignatures(current, next, p.minOverlap)?.ccf ?? -Infinity;
    if (ccf > p.crosscutMinCcf) return { index: k, heightUm: k * land.heightStepUm, ccf, stable: true };
    if (ccf > best.ccf) best = { index: k, heightUm: k * land.heightStepUm, ccf, stable: false };
    current = next;
    k += step;
  }
  return best;
}
