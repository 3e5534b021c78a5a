/** Parameters of cartridge-case preprocessing; defaults follow cmcR's pipeline for the Fadul scans (Zemmels et al.). */
import type { BandPassParameters } from './band-pass.ts';
import type { BreechFaceParameters } from './breech-face.ts';
import type { LevelMethod } from './level.ts';
import type { OutlierParameters } from './outliers.ts';

/** Every setting of prepareCartridgeCase, stored with its result for provenance. */
export interface CartridgePreprocessParameters {
  /** 'auto' decides from the scan itself (see classifyScan); 'raw' and 'processed' force the decision. */
  readonly mode: 'auto' | 'raw' | 'processed';
  /** Common lateral step every scan is brought to, micrometres (the processed Fadul scans': 6.25 µm). */
  readonly targetStepUm: number;
  /** Skip region detection (for surfaces that are not breech faces, e.g. a bullet land used as a known non-match). */
  readonly detectBreechFace: boolean;
  readonly breechFace: BreechFaceParameters;
  readonly level: LevelMethod;
  readonly outliers: OutlierParameters;
  readonly bandPass: BandPassParameters;
  /**
   * Auto mode: a scan at the target step whose form (wavelengths beyond the long cut-off) has an RMS below this
   * fraction of its texture is taken as already processed (processed Fadul scans: 0.47; raw ones resampled: 2.2).
   */
  readonly processedFormRatio: number;
}

/**
 * cmcR's vignette pipeline: crop exterior −30 px and interior +200 px at 3.125 µm (−93.75 µm, +625 µm), median
 * plane removal, Gaussian band-pass 16–500 µm, sampling to 6.25 µm; outliers beyond 5 robust σ of the 50 µm residual.
 */
export const defaultCartridgePreprocess: CartridgePreprocessParameters = {
  mode: 'auto',
  targetStepUm: 6.25,
  detectBreechFace: true,
  breechFace: { detectionStepUm: 12.5, openingUm: 30, holeOpeningUm: 100, minHoleFraction: 0.01, minEdgeInlierFraction: 0.5, exteriorOffsetUm: -93.75, interiorOffsetUm: 625 },
  level: 'least-absolute',
  outliers: { windowUm: 50, threshold: 5 },
  bandPass: { shortCutoffUm: 16, longCutoffUm: 500 },
  processedFormRatio: 1,
};
