/** Parameters of the Congruent Matching Cells comparison; the defaults are cmcR's (Song 2013; CSAFE cmcR). */

/** Every threshold and setting of a CMC run, shown to the expert and stored with the result. */
export interface CmcParameters {
  /** Cells along x and y. */
  readonly cellsX: number;
  readonly cellsY: number;
  /** A cell with more than this fraction of missing points is dropped. */
  readonly maxMissingProportion: number;
  /** Target region side as a multiple of the cell side (3 → 9× the cell area). */
  readonly regionSideMultiplier: number;
  /** Rotations tried, in degrees. */
  readonly thetas: readonly number[];
  /** Congruency: CCF at least this. */
  readonly ccfThreshold: number;
  /** Congruency: |θ − consensus θ| at most this, degrees. */
  readonly thetaThreshold: number;
  /** Congruency: |Δx|, |Δy| from the consensus translation at most this, pixels. */
  readonly translationThreshold: number;
  /** Identification when at least this many CMCs (in the weaker direction). */
  readonly cmcThreshold: number;
}

/** cmcR's defaults: 8×8 cells, 85 % missing allowed, region 3× side, −30°…30° by 3°, CCF ≥ 0.5, 6°, 20 px, 6 CMCs. */
export const defaultCmcParameters: CmcParameters = {
  cellsX: 8,
  cellsY: 8,
  maxMissingProportion: 0.85,
  regionSideMultiplier: 3,
  thetas: Array.from({ length: 21 }, (_, i) => -30 + 3 * i),
  ccfThreshold: 0.5,
  thetaThreshold: 6,
  translationThreshold: 20,
  cmcThreshold: 6,
};
