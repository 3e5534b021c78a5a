/**
 * How far a measured well colour may lie from a table colour and still be consistent with it: a documented tolerance
 * model rather than one number. Three independent sources of spread are combined in quadrature:
 *  1. Replicate variation. Elkins et al. 2017 (Drug Test. Anal. 9:306) found replicate spot-test colours to differ by a
 *     Euclidean 8-bit RGB distance of 25.1 ± 22.1 (their best set-up). That distance is modelled as a gamma variable
 *     with this mean and SD, in a uniformly random RGB direction; for each reference colour, seeded replicates are
 *     simulated and the 95th percentile of their ΔE2000 to the reference is the replicate tolerance of that colour.
 *  2. Reference uncertainty: the table's colours are ISCC-NBS centroids; two published centroid conversions differ by a
 *     median 4.5 ΔE (colour-tests.SOURCES.md).
 *  3. The photo's own calibration error (its leave-one-patch-out mean ΔE2000), given per photo.
 */
import { ciede2000 } from '../colour/ciede2000.ts';
import { labToSrgb8, srgb8ToLab, type Triple } from '../colour/spaces.ts';
import { seededRandom as mulberry32 } from '../../../core/random.ts';

/** The model's constants, recorded with every run. */
export const TOLERANCE_MODEL = {
  id: 'elkins2017-gamma-p95',
  replicateRgbMean: 25.1,
  replicateRgbSd: 22.1,
  percentile: 0.95,
  replicates: 400,
  referenceUncertainty: 4.5,
  seed: 2017,
} as const;

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape ≥ 1, scale) by Marsaglia & Tsang (2000). */
function gamma(random: () => number, shape: number, scale: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

const cache = new Map<string, number>();

/** The replicate tolerance (ΔE2000, 95th percentile of simulated replicates) of one reference colour. */
export function replicateTolerance(lab: Triple): number {
  const key = lab.map((v) => v.toFixed(3)).join(',');
  const known = cache.get(key);
  if (known !== undefined) return known;
  const m = TOLERANCE_MODEL;
  const shape = (m.replicateRgbMean / m.replicateRgbSd) ** 2;
  const scale = m.replicateRgbSd ** 2 / m.replicateRgbMean;
  const random = mulberry32(m.seed);
  const base = labToSrgb8(lab);
  const distances: number[] = [];
  for (let i = 0; i < m.replicates; i += 1) {
    const d = gamma(random, shape, scale);
    const u = [normal(random), normal(random), normal(random)];
    const norm = Math.hypot(u[0]!, u[1]!, u[2]!) || 1;
    const rgb = base.map((v, k) => Math.min(255, Math.max(0, v + (d * u[k]!) / norm)));
    distances.push(ciede2000(lab, srgb8ToLab(rgb[0]!, rgb[1]!, rgb[2]!)));
  }
  distances.sort((a, b) => a - b);
  const value = distances[Math.min(distances.length - 1, Math.floor(m.percentile * distances.length))]!;
  cache.set(key, value);
  return value;
}

/** The full tolerance (ΔE2000) for matching a well to a reference colour, given the photo's calibration error. */
export function matchTolerance(referenceLab: Triple, calibrationDeltaE: number): number {
  return Math.hypot(replicateTolerance(referenceLab), TOLERANCE_MODEL.referenceUncertainty, calibrationDeltaE);
}
