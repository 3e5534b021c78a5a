/**
 * prepareCartridgeCase: brings a breech-face scan to the form the CMC comparison expects. A raw scan (finer than the
 * common step, or carrying form) goes through region detection, levelling, outlier removal, band-pass, resampling and
 * cropping; a processed one is left as it is. Every step applied is recorded with its parameters and what it found.
 */
import { gridFromX3p, type HeightGrid } from '../surface/height-grid.ts';
import type { X3pSurface } from '../x3p/x3p-types.ts';
import { gaussianBandPass } from './band-pass.ts';
import { detectBreechFace, maskBreechFace } from './breech-face.ts';
import { cropToPresent } from './crop.ts';
import { levelPlane } from './level.ts';
import { nanGaussian, sigmaForCutoff } from './nan-gaussian.ts';
import { removeOutliers } from './outliers.ts';
import { defaultCartridgePreprocess, type CartridgePreprocessParameters } from './preprocess-params.ts';
import { resampleGrid } from './resample.ts';

/** Name and version of the preprocessing, recorded with every result; bump the version when results can change. */
export const cartridgePreprocessAlgorithm = { name: 'cartridge-case-preprocess', version: '1.0.0' } as const;

/** One step as applied: its name, the settings it used, what it found and how long it took. */
export interface PreprocessStep {
  readonly step: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly findings: Readonly<Record<string, unknown>>;
  readonly ms: number;
}

/** Why a scan was taken as raw or processed. */
export interface ScanClassification {
  readonly kind: 'raw' | 'processed';
  readonly reason: string;
  readonly stepUm: number;
  readonly formRatio: number | null;
}

/** The prepared grid and the record of how it was made. */
export interface PreparedCartridgeCase {
  readonly grid: HeightGrid;
  readonly classification: ScanClassification;
  readonly steps: readonly PreprocessStep[];
  readonly provenance: { readonly algorithm: string; readonly version: string; readonly parameters: CartridgePreprocessParameters };
}

/** RMS of the present values of an array. */
function rms(values: Float32Array): number {
  let s = 0;
  let n = 0;
  for (const v of values) if (v === v) { s += v * v; n++; }
  return n ? Math.sqrt(s / n) : 0;
}

/**
 * Decides raw or processed: a step off the target by more than 5 % is raw; at the target step, a surface whose form
 * (what the band-pass would take away at the long end, after removing its mean) is small beside its texture is processed.
 */
export function classifyScan(grid: HeightGrid, params: CartridgePreprocessParameters): ScanClassification {
  const stepUm = grid.step * 1e6;
  if (params.mode !== 'auto') return { kind: params.mode, reason: `forced by mode '${params.mode}'`, stepUm, formRatio: null };
  if (Math.abs(stepUm / params.targetStepUm - 1) > 0.05) {
    return { kind: 'raw', reason: `lateral step ${stepUm.toPrecision(4)} µm differs from the target ${params.targetStepUm} µm`, stepUm, formRatio: null };
  }
  let mean = 0;
  let n = 0;
  for (const v of grid.z) if (v === v) { mean += v; n++; }
  mean = n ? mean / n : 0;
  const centred = { ...grid, z: grid.z.map((v) => v - mean) };
  const form = nanGaussian(centred, sigmaForCutoff(params.bandPass.longCutoffUm * 1e-6, grid.step));
  const texture = new Float32Array(form.length);
  for (let i = 0; i < form.length; i++) texture[i] = centred.z[i]! - form[i]!;
  const formRatio = rms(form) / Math.max(rms(texture), Number.MIN_VALUE);
  return formRatio < params.processedFormRatio
    ? { kind: 'processed', reason: `at the target step and form/texture RMS ${formRatio.toFixed(2)} < ${params.processedFormRatio}`, stepUm, formRatio }
    : { kind: 'raw', reason: `form/texture RMS ${formRatio.toFixed(2)} ≥ ${params.processedFormRatio}: not levelled and filtered`, stepUm, formRatio };
}

/** Runs the whole chain on a raw scan (or nothing on a processed one); pure apart from the OpenCV calls. */
export function prepareCartridgeCase(input: X3pSurface | HeightGrid, params: CartridgePreprocessParameters = defaultCartridgePreprocess): PreparedCartridgeCase {
  let grid = 'header' in input ? gridFromX3p(input) : input;
  const provenance = { algorithm: cartridgePreprocessAlgorithm.name, version: cartridgePreprocessAlgorithm.version, parameters: params };
  const classification = classifyScan(grid, params);
  const steps: PreprocessStep[] = [];
  if (classification.kind === 'processed') return { grid, classification, steps, provenance };
  const record = (step: string, parameters: Record<string, unknown>, run: () => Record<string, unknown>) => {
    const start = performance.now();
    const findings = run();
    steps.push({ step, parameters, findings, ms: performance.now() - start });
  };
  if (params.detectBreechFace) {
    record('breech-face', { ...params.breechFace }, () => {
      const region = detectBreechFace(grid, params.breechFace);
      grid = maskBreechFace(grid, region, params.breechFace);
      const um = (c: { cx: number; cy: number; r: number } | null) => c && { cxUm: c.cx * grid.step * 1e6, cyUm: c.cy * grid.step * 1e6, rUm: c.r * grid.step * 1e6 };
      return { exterior: um(region.exterior), firingPin: um(region.firingPin) };
    });
  }
  record('level', { method: params.level }, () => {
    const levelled = levelPlane(grid, params.level);
    grid = levelled.grid;
    return { plane: levelled.plane };
  });
  record('outliers', { ...params.outliers }, () => {
    const cleaned = removeOutliers(grid, params.outliers);
    grid = cleaned.grid;
    return { removed: cleaned.removed, robustSigmaUm: cleaned.robustSigmaM * 1e6 };
  });
  record('band-pass', { ...params.bandPass }, () => {
    grid = gaussianBandPass(grid, params.bandPass);
    return {};
  });
  record('resample', { targetStepUm: params.targetStepUm }, () => {
    const fromUm = grid.step * 1e6;
    grid = resampleGrid(grid, params.targetStepUm * 1e-6);
    return { fromStepUm: fromUm, width: grid.width, height: grid.height };
  });
  record('crop', {}, () => {
    const cropped = cropToPresent(grid);
    grid = cropped.grid;
    return { offsetX: cropped.offsetX, offsetY: cropped.offsetY, width: grid.width, height: grid.height };
  });
  return { grid, classification, steps, provenance };
}
