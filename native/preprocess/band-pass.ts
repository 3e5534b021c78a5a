/**
 * Gaussian band-pass as cmcR's preProcess_gaussFilter: keep wavelengths between a short cut-off (noise, ~16 µm) and a
 * long one (form and waviness, ~500 µm), each an ISO 16610-61 Gaussian, computed NaN-aware by normalised convolution.
 */
import type { HeightGrid } from '../surface/height-grid.ts';
import { nanGaussian, sigmaForCutoff } from './nan-gaussian.ts';

/** Cut-off wavelengths of the band-pass, micrometres. */
export interface BandPassParameters {
  readonly shortCutoffUm: number;
  readonly longCutoffUm: number;
}

/** Returns low-pass(short) − low-pass(long); missing points stay missing. */
export function gaussianBandPass(grid: HeightGrid, params: BandPassParameters): HeightGrid {
  const fine = nanGaussian(grid, sigmaForCutoff(params.shortCutoffUm * 1e-6, grid.step));
  const coarse = nanGaussian(grid, sigmaForCutoff(params.longCutoffUm * 1e-6, grid.step));
  const z = new Float32Array(grid.z.length);
  for (let i = 0; i < z.length; i++) z[i] = fine[i]! - coarse[i]!;
  return { ...grid, z };
}
