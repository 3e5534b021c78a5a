/**
 * Parameters of the bullet-land comparison. Defaults follow CSAFE's bulletxtrctr (Hare, Hofmann, Carriquiry 2017) as
 * used on the Hamby scans at 1.5625 µm; lengths given there in points are converted to µm here, so other resolutions
 * keep the same physical meaning.
 */

/** Every setting of a bullet comparison, shown to the expert and stored with the result. */
export interface BulletParameters {
  /** Which file axis the profile (crosscut) runs along; 'auto' takes the axis across the striae. */
  readonly profileAxis: 'auto' | 'x' | 'y';
  /** Crosscut search (x3p_crosscut_optimize): first height above the heel, step between heights, in µm. */
  readonly crosscutStartUm: number;
  readonly crosscutStepUm: number;
  /** A height is stable when its signature correlates with the next one's above this (bulletxtrctr: 0.9). */
  readonly crosscutMinCcf: number;
  /** A crosscut needs at least this fraction of its points present to start the search (bulletxtrctr: 50 %). */
  readonly crosscutMinPresent: number;
  /** Groove detection (rollapply): moving-average window, inward adjustment, and farthest groove from an end, µm. */
  readonly grooveSmoothUm: number;
  readonly grooveAdjustUm: number;
  readonly grooveCutoffUm: number;
  /** Loess span removing the land's curvature (bulletxtrctr span1 = 0.75). */
  readonly curvatureSpan: number;
  /** Loess span smoothing the raw signature into the signature (bulletxtrctr span2 = 0.03). */
  readonly smoothingSpan: number;
  /** Alignment: the overlap must cover at least this fraction of the shorter signature (bulletxtrctr: 0.75). */
  readonly minOverlap: number;
  /** Peaks and valleys for CMS: moving-average window applied twice, µm (bulletxtrctr: 35 points). */
  readonly striaeSmoothUm: number;
  /** Signatures are compared at this step, µm; null takes the coarser of the two scans. */
  readonly stepUm: number | null;
  /** Lands per bullet for the rotation; null takes the larger land count given. */
  readonly landCount: number | null;
  /**
   * A land-pair score (the CCF of the aligned signatures) at or above this is read as a land match, and the bullet
   * score is judged against it too. 0.5 is the cut bulletxtrctr applies to its land score; it is not calibrated for
   * CCF and was not fitted to any test file.
   */
  readonly landThreshold: number;
}

const hambyStepUm = 1.5625;

/** bulletxtrctr's defaults (README pipeline for Hamby 252: rollapply grooves with adjust = 30). */
export const defaultBulletParameters: BulletParameters = {
  profileAxis: 'auto',
  crosscutStartUm: 50,
  crosscutStepUm: 25,
  crosscutMinCcf: 0.9,
  crosscutMinPresent: 0.5,
  grooveSmoothUm: 15 * hambyStepUm,
  grooveAdjustUm: 30 * hambyStepUm,
  grooveCutoffUm: 400 * hambyStepUm,
  curvatureSpan: 0.75,
  smoothingSpan: 0.03,
  minOverlap: 0.75,
  striaeSmoothUm: 35 * hambyStepUm,
  stepUm: null,
  landCount: null,
  landThreshold: 0.5,
};
