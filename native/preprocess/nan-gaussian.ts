/**
 * NaN-aware Gaussian smoothing by normalised convolution: blur(z·m) / blur(m), m = 1 where z is present. Missing points
 * neither pull the result towards zero nor spread NaN; where too little data lies under the kernel the result is NaN.
 */
import { gaussianBlur } from '../opencv/opencv-adapter.ts';
import type { HeightGrid } from '../surface/height-grid.ts';

/** ISO 16610-61 Gaussian filter: σ = √(ln 2 / 2π²) · λc ≈ 0.1874 λc (50 % transmission at the cut-off wavelength). */
export function sigmaForCutoff(cutoffM: number, stepM: number): number {
  return (Math.sqrt(Math.LN2 / (2 * Math.PI * Math.PI)) * cutoffM) / stepM;
}

/**
 * Smooths `grid` with a Gaussian of `sigma` pixels, ignoring missing points; a point keeps a value only where the
 * kernel's present weight is at least `minWeight` (and, with `keepMissing`, only where the input had one).
 */
export function nanGaussian(grid: HeightGrid, sigma: number, options: { minWeight?: number; keepMissing?: boolean } = {}): Float32Array {
  const { minWeight = 1e-3, keepMissing = true } = options;
  const { width, height, z } = grid;
  const filled = new Float32Array(z.length);
  const weight = new Float32Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    if (v === v) {
      filled[i] = v;
      weight[i] = 1;
    }
  }
  const num = gaussianBlur(filled, width, height, sigma);
  const den = gaussianBlur(weight, width, height, sigma);
  const out = new Float32Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const w = den[i]!;
    out[i] = (keepMissing && z[i] !== z[i]) || !(w >= minWeight) ? NaN : num[i]! / w;
  }
  return out;
}
