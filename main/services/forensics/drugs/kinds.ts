/** The drug-test module's evidence kinds and method ids (stored with items, runs and findings: never renamed). */

/** A photo of a reagent spot plate beside a colour reference target. */
export const spotPlateKind = 'drugs.spot-plate';
/** A photo of a lateral-flow (immunoassay) drug-screening cassette beside a colour reference target. */
export const stripKind = 'drugs.strip';
/** A photo of a paper analytical device (PAD) card. */
export const padCardKind = 'drugs.pad-card';

/** Spot-plate method id. */
export const spotMethod = 'drugs.spot';
/** Cassette method id. */
export const stripMethod = 'drugs.strip';
/** PAD card method id. */
export const padMethod = 'drugs.pad';
