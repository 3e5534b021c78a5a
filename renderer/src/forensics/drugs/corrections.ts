/**
 * The expert's corrections to a spot-plate reading, kept in the photo's own pixels (the result's wells and target corners
 * are in the decoded photo's pixels; only the drawing is scaled), and the 'drugs.spot' options they turn into.
 */

/** A well as the expert left it: label, centre and radius in photo pixels. */
export interface EditedWell {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

/** A point in photo pixels. */
export interface PhotoPoint {
  readonly x: number;
  readonly y: number;
}

/** The wells and clicked target corners, and whether the wells differ from what was found. */
export interface Corrections {
  readonly wells: readonly EditedWell[];
  readonly wellsChanged: boolean;
  /** Clicked in order: top-left, top-right, bottom-right, bottom-left of the target card. */
  readonly corners: readonly PhotoPoint[];
}

/** The labels the module accepts for a well (a row letter and a column number). */
export const wellLabelPattern = /^[A-Z]\d{1,2}$/;

/** The starting state: the wells as found, no corners. */
export function initialCorrections(wells: readonly EditedWell[]): Corrections {
  return { wells: wells.map(({ label, x, y, radius }) => ({ label, x, y, radius })), wellsChanged: false, corners: [] };
}

/** A display position turned into photo pixels (rounded to a tenth of a pixel: finer is noise from the scaling). */
export function toPhoto(displayX: number, displayY: number, scale: number): PhotoPoint {
  return { x: Math.round((displayX / scale) * 10) / 10, y: Math.round((displayY / scale) * 10) / 10 };
}

/** The well moved so its centre is at `to`. */
export function moveWell(c: Corrections, label: string, to: PhotoPoint): Corrections {
  return { ...c, wellsChanged: true, wells: c.wells.map((w) => (w.label === label ? { ...w, x: to.x, y: to.y } : w)) };
}

/** The well given a new radius (photo pixels, at least one). */
export function resizeWell(c: Corrections, label: string, radius: number): Corrections {
  return { ...c, wellsChanged: true, wells: c.wells.map((w) => (w.label === label ? { ...w, radius: Math.max(1, radius) } : w)) };
}

/** The well renamed, unless the name is not a well label or is taken. */
export function renameWell(c: Corrections, label: string, next: string): Corrections {
  if (!wellLabelPattern.test(next) || c.wells.some((w) => w.label === next)) return c;
  return { ...c, wellsChanged: true, wells: c.wells.map((w) => (w.label === label ? { ...w, label: next } : w)) };
}

/** The well removed (a false detection). */
export function deleteWell(c: Corrections, label: string): Corrections {
  return { ...c, wellsChanged: true, wells: c.wells.filter((w) => w.label !== label) };
}

/** The first label of rows A–Z, columns 1–99 that no well has (row by row). */
export function freeLabel(wells: readonly EditedWell[]): string {
  const taken = new Set(wells.map((w) => w.label));
  for (let row = 0; row < 26; row += 1) {
    for (let col = 1; col < 100; col += 1) {
      const label = `${String.fromCharCode(65 + row)}${col}`;
      if (!taken.has(label)) return label;
    }
  }
  throw new Error('every well label is taken');
}

/** A missed well added at `at`, as large as the median found well (or `fallbackRadius` when there is none). */
export function addWell(c: Corrections, at: PhotoPoint, fallbackRadius: number): Corrections & { readonly added: string } {
  const radii = c.wells.map((w) => w.radius).sort((a, b) => a - b);
  const radius = radii.length > 0 ? radii[Math.floor(radii.length / 2)]! : fallbackRadius;
  const label = freeLabel(c.wells);
  return { ...c, wellsChanged: true, wells: [...c.wells, { label, x: at.x, y: at.y, radius }], added: label };
}

/** One more target corner clicked (a fifth click starts over). */
export function clickCorner(c: Corrections, at: PhotoPoint): Corrections {
  return { ...c, corners: c.corners.length >= 4 ? [at] : [...c.corners, at] };
}

/** The wells the reagent assignment names (`A1=Marquis,A2=Mecke:blank`) that the corrected plate no longer has. */
export function missingAssignedWells(c: Corrections, reagents: string): string[] {
  const present = new Set(c.wells.map((w) => w.label));
  return reagents.split(',').map((item) => item.split('=')[0]!.trim().toUpperCase()).filter((label) => label !== '' && !present.has(label));
}

/** Whether there is anything to run again with: changed wells (at least one left) and no half-clicked target. */
export function correctionsReady(c: Corrections): boolean {
  const cornersOk = c.corners.length === 0 || c.corners.length === 4;
  return cornersOk && (c.wellsChanged ? c.wells.length > 0 : c.corners.length === 4);
}

/** The 'drugs.spot' method options for a new run: the original reagent assignment plus the corrections, in photo pixels. */
export function correctedSpotOptions(c: Corrections, reagents: string): Record<string, unknown> {
  return {
    reagents,
    ...(c.wellsChanged ? { wells: c.wells.map(({ label, x, y, radius }) => ({ label, x, y, radius })) } : {}),
    ...(c.corners.length === 4 ? { corners: c.corners.map(({ x, y }) => ({ x, y })) } : {}),
  };
}
