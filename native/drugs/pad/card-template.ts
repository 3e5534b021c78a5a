/**
 * The PAD card as drawn, in card units (the card is 130 × 100, origin top-left, y down): four black square fiducials
 * at the corners, 12 reagent lanes A–L side by side, each read at 10 regions from top (1) to bottom (10), and a
 * printed paper margin above and below the lanes that serves as the white reference.
 */

export const cardWidth = 130;
export const cardHeight = 100;
/** The card's outer corners: top-left, top-right, bottom-right, bottom-left (the order manual corners are given in). */
export const cardCorners: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [cardWidth, 0],
  [cardWidth, cardHeight],
  [0, cardHeight],
];
export const fiducialSize = 8;
/** Fiducial centres, same order as the corners. */
export const fiducialCentres: ReadonlyArray<readonly [number, number]> = [
  [8, 8],
  [122, 8],
  [122, 92],
  [8, 92],
];
export const laneCount = 12;
export const regionsPerLane = 10;
export const laneWidth = 6;
export const laneTop = 14;
export const regionHeight = 7.2;

/** The x centre of lane `lane` (0–11). */
export const laneCentre = (lane: number) => 20 + lane * 8.2;

/** The box [x0, y0, x1, y1] of one region (lane 0–11, region 0–9). */
export function regionBox(lane: number, region: number): [number, number, number, number] {
  const x = laneCentre(lane);
  const y0 = laneTop + region * regionHeight;
  return [x - laneWidth / 2, y0, x + laneWidth / 2, y0 + regionHeight];
}

/** Paper-only boxes (white reference): the margins above and below the lanes, between the fiducials. */
export const paperBoxes: ReadonlyArray<readonly [number, number, number, number]> = [
  [17, 3, 113, 10],
  [17, 90, 113, 97],
];
/** The colour the paper reads as and the fiducials' black, in the colour space the training photos were measured in. */
export const referencePaper: readonly [number, number, number] = [236, 234, 228];
export const referenceBlack: readonly [number, number, number] = [24, 24, 26];
