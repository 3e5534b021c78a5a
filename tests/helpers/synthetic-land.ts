import type { X3pSurface } from '../../native/x3p/x3p-types.ts';
import { newX3pHeader } from '../../native/x3p/x3p-write.ts';
import { seededRandom } from '../../core/random.ts';

/** A seeded uniform random source in [0, 1) (mulberry32), so synthetic lands are the same on every run. */
export const seeded = seededRandom;

/** Random striae: white noise smoothed by a moving average of `width` points, scaled to standard deviation `sd`. */
export function striae(length: number, seed: number, width = 15, sd = 1): Float64Array {
  const rand = seeded(seed);
  const noise = Array.from({ length: length + width }, () => rand() - 0.5);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    let s = 0;
    for (let j = 0; j < width; j++) s += noise[i + j]!;
    out[i] = s;
  }
  const mean = out.reduce((a, b) => a + b, 0) / length;
  const dev = Math.sqrt(out.reduce((a, b) => a + (b - mean) ** 2, 0) / length);
  return out.map((v) => ((v - mean) / dev) * sd);
}

/**
 * A land profile (µm): a convex arc (the bullet's curvature) between two grooves at `left` and `right`, and outside
 * them a shoulder rising to the groove engraved area and falling off the scan's edge, like a real land crosscut.
 */
export function landShape(length: number, left: number, right: number): Float64Array {
  const mid = (left + right) / 2;
  const arc = (i: number) => 200 - 1e-4 * (i - mid) ** 2;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    if (i >= left && i <= right) out[i] = arc(i);
    else {
      const d = i < left ? left - i : i - right;
      const top = Math.min(100, i < left ? left / 2 : (length - 1 - right) / 2);
      out[i] = arc(i < left ? left : right) + (d <= top ? 0.5 * d : 0.5 * top - 0.5 * (d - top));
    }
  }
  return out;
}

/**
 * A land scan as the Hamby files hold one: `along` points along the bullet (x) by `across` points across the land
 * (y), heights in metres, each profile = land shape + the striae (+ a little noise), the first rows along the bullet
 * damaged (noise and missing points) as at a real heel.
 */
export function syntheticLand(opts: { profile: Float64Array; along?: number; damagedRows?: number; seed?: number; stepUm?: number }): X3pSurface {
  const along = opts.along ?? 80;
  const across = opts.profile.length;
  const damaged = opts.damagedRows ?? 0;
  const rand = seeded(opts.seed ?? 1);
  const step = (opts.stepUm ?? 1.5625) * 1e-6;
  const z = new Float64Array(along * across);
  for (let y = 0; y < across; y++) {
    for (let x = 0; x < along; x++) {
      const bad = x < damaged;
      z[y * along + x] = bad && rand() < 0.3 ? NaN : (opts.profile[y]! + (bad ? 20 * (rand() - 0.5) : 0.02 * (rand() - 0.5))) * 1e-6;
    }
  }
  return {
    header: newX3pHeader(along, across, step),
    width: along,
    height: across,
    z,
    maskPng: null,
    annotations: {},
    warnings: [],
  };
}
