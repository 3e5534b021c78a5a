/**
 * The Notre Dame paper analytical device (PAD) card as data: 12 reagent lanes A–L, each read at 10 regions along the
 * lane, each region a mean R, G, B (0–255). The feature vector is the CSV's order: lane by lane, region by region,
 * R G B — `A1-R, A1-G, A1-B, A2-R, …, L10-B` (360 values).
 */

export const padLanes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
export const padRegionsPerLane = 10;
export const padChannels = ['R', 'G', 'B'] as const;
export const padRegionCount = padLanes.length * padRegionsPerLane;
/** 12 lanes × 10 regions × RGB. */
export const padFeatureCount = padRegionCount * padChannels.length;

/** The CSV column names of the 360 features, in feature order. */
export const padFeatureColumns: readonly string[] = padLanes.flatMap((lane) =>
  Array.from({ length: padRegionsPerLane }, (_, r) => padChannels.map((c) => `${lane}${r + 1}-${c}`)).flat(),
);

/** The feature offset of lane `lane` (0–11), region `region` (0–9), channel `channel` (0–2). */
export function padFeatureIndex(lane: number, region: number, channel: number): number {
  return (lane * padRegionsPerLane + region) * padChannels.length + channel;
}
