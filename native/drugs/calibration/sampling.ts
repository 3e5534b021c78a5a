/**
 * Robust colour sampling of a region of a photo: a grid of points inside the region (mapped through the homography
 * of the object it belongs to), their linear-light values, and a trimmed mean per channel so specks, glare and edges
 * do not move the result. Clipped samples (a channel at 0 or 255) are counted: a colour measured from them is not
 * trustworthy, and the caller refuses when too many are.
 */
import type { Triple } from '../colour/spaces.ts';
import { applyHomography, type Homography } from '../image/homography.ts';
import { LINEAR_OF_8BIT, type RgbaImage } from '../image/rgba-image.ts';

/** A sampled colour: the trimmed mean (linear RGB), how many samples, and the fraction of them clipped. */
export interface ColourSample {
  readonly linear: Triple;
  readonly count: number;
  readonly clippedFraction: number;
}

/** Fraction trimmed from each end of each channel's sorted samples. */
export const TRIM_FRACTION = 0.2;

/** Trimmed mean of a list of numbers (sorted in place). */
export function trimmedMean(values: number[], trim = TRIM_FRACTION): number {
  values.sort((a, b) => a - b);
  const drop = Math.floor(values.length * trim);
  const kept = values.slice(drop, values.length - drop);
  const list = kept.length > 0 ? kept : values;
  return list.reduce((s, v) => s + v, 0) / Math.max(1, list.length);
}

/** Trimmed-mean colour of the pixels at the given photo positions (out-of-frame points are skipped). */
export function sampleAt(image: RgbaImage, points: readonly { x: number; y: number }[]): ColourSample {
  const channels: [number[], number[], number[]] = [[], [], []];
  let clipped = 0;
  for (const { x, y } of points) {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
    const p = (py * image.width + px) * 4;
    const r = image.data[p]!;
    const g = image.data[p + 1]!;
    const b = image.data[p + 2]!;
    if (r >= 254 || g >= 254 || b >= 254) clipped += 1;
    channels[0].push(LINEAR_OF_8BIT[r]!);
    channels[1].push(LINEAR_OF_8BIT[g]!);
    channels[2].push(LINEAR_OF_8BIT[b]!);
  }
  const count = channels[0].length;
  return {
    linear: [trimmedMean(channels[0]), trimmedMean(channels[1]), trimmedMean(channels[2])],
    count,
    clippedFraction: count === 0 ? 1 : clipped / count,
  };
}

/** Samples a square of side `side` (object units) centred at (cx, cy) on a grid of `steps`×`steps` points. */
export function sampleSquare(image: RgbaImage, h: Homography, cx: number, cy: number, side: number, steps = 14): ColourSample {
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < steps; i += 1) {
    for (let j = 0; j < steps; j += 1) {
      const u = cx + ((i + 0.5) / steps - 0.5) * side;
      const v = cy + ((j + 0.5) / steps - 0.5) * side;
      points.push(applyHomography(h, u, v));
    }
  }
  return sampleAt(image, points);
}

/** Samples a disc of radius `radius` pixels centred at (cx, cy) in the photo, on concentric rings. */
export function sampleDisc(image: RgbaImage, cx: number, cy: number, radius: number): ColourSample {
  const points: { x: number; y: number }[] = [];
  const step = Math.max(1, radius / 10);
  for (let dy = -radius; dy <= radius; dy += step) {
    for (let dx = -radius; dx <= radius; dx += step) {
      if (dx * dx + dy * dy <= radius * radius) points.push({ x: cx + dx, y: cy + dy });
    }
  }
  return sampleAt(image, points);
}
