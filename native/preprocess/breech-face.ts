/**
 * Breech-face region detection on the structure of missing points, as cmcR's preProcess_crop: the breech face is the
 * largest present region; its outer edge is fitted by a circle (robust to ragged stretches and to the scan window
 * cutting it), and the firing-pin hole is the largest missing region inside it, taken as its area-equivalent circle.
 * Masking keeps the annulus between the exterior circle shrunk by an offset and the firing-pin circle grown by one.
 */
import { badInput } from '../input-error.ts';
import { morphologyMask } from '../opencv/opencv-adapter.ts';
import type { HeightGrid } from '../surface/height-grid.ts';
import { componentMask, fillHoles, fitCircle, innerEdge, labelComponents, type Circle } from './mask-regions.ts';

/** Settings of detection and masking; offsets in micrometres (cmcR: −30 and +200 pixels at 3.125 µm). */
export interface BreechFaceParameters {
  /** Detection runs on the presence mask decimated to about this step (the outline needs no finer detail). */
  readonly detectionStepUm: number;
  /** Opening radius that cuts thin bridges of present points before the largest region is taken. */
  readonly openingUm: number;
  /** Opening radius that cuts thin cracks and crescents off the firing-pin hole. */
  readonly holeOpeningUm: number;
  /** The firing-pin hole must cover at least this fraction of the breech-face disk. */
  readonly minHoleFraction: number;
  /** The exterior circle is accepted only when at least this fraction of the outline lies on it (within 2 % of r). */
  readonly minEdgeInlierFraction: number;
  /** Added to the exterior radius (negative: shrink, dropping the ragged rim). */
  readonly exteriorOffsetUm: number;
  /** Added to the firing-pin radius (positive: grow, dropping the impression's walls). */
  readonly interiorOffsetUm: number;
}

/** What was found: circles in pixels of the input grid; null where the scan has no such edge (e.g. a bullet land). */
export interface BreechFaceRegion {
  readonly exterior: Circle | null;
  readonly firingPin: Circle | null;
}

/** Share of edge points within max(2 px, 2 % of r) of the circle: near 1 for a round rim, low for scattered notches. */
function edgeInlierFraction(xs: Float64Array, ys: Float64Array, c: Circle): number {
  const tolerance = Math.max(2, 0.02 * c.r);
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (Math.abs(Math.hypot(xs[i]! - c.cx, ys[i]! - c.cy) - c.r) <= tolerance) n++;
  return xs.length ? n / xs.length : 0;
}

/** Finds the breech-face disk and the firing-pin hole from where points are present and missing. */
export function detectBreechFace(grid: HeightGrid, params: BreechFaceParameters): BreechFaceRegion {
  const f = Math.max(1, Math.floor((params.detectionStepUm * 1e-6) / grid.step));
  const width = Math.floor(grid.width / f);
  const height = Math.floor(grid.height / f);
  const step = grid.step * f;
  // A decimated pixel is present when most of its block is: the same majority rule as resampling.
  const present = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let n = 0;
      for (let v = 0; v < f; v++) {
        for (let u = 0; u < f; u++) {
          const h = grid.z[(y * f + v) * grid.width + x * f + u]!;
          if (h === h) n++;
        }
      }
      present[y * width + x] = 2 * n >= f * f ? 1 : 0;
    }
  }
  const opened = morphologyMask(present, width, height, 'open', (params.openingUm * 1e-6) / step);
  const { labels, components } = labelComponents(opened, width, height);
  if (!components.length) throw badInput('surface', 'empty', 'no region of present points is left to detect a breech face in');
  const largest = components.reduce((a, b) => (b.area > a.area ? b : a));
  const disk = fillHoles(componentMask(labels, largest.label), width, height);
  let diskArea = 0;
  for (const v of disk) diskArea += v;
  const equivalentRadius = Math.sqrt(diskArea / Math.PI);
  const edge = innerEdge(disk, width, height);
  // An edge shorter than half a circumference is a notch in a scan without a round rim, not a breech-face outline.
  const fitted = edge.xs.length >= Math.PI * equivalentRadius ? fitCircle(edge.xs, edge.ys) : null;
  const exterior = fitted && edgeInlierFraction(edge.xs, edge.ys, fitted) >= params.minEdgeInlierFraction ? fitted : null;

  const hole = new Uint8Array(present.length);
  for (let i = 0; i < present.length; i++) hole[i] = disk[i] && !present[i] ? 1 : 0;
  const holeOpened = morphologyMask(hole, width, height, 'open', (params.holeOpeningUm * 1e-6) / step);
  const holes = labelComponents(holeOpened, width, height);
  const candidates = holes.components.filter((c) => !c.touchesBorder && c.area >= params.minHoleFraction * diskArea);
  let firingPin: Circle | null = null;
  if (candidates.length) {
    const best = candidates.reduce((a, b) => (b.area > a.area ? b : a));
    const filled = fillHoles(componentMask(holes.labels, best.label), width, height);
    let area = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < filled.length; i++) {
      if (!filled[i]) continue;
      area++;
      sx += i % width;
      sy += Math.floor(i / width);
    }
    firingPin = { cx: sx / area, cy: sy / area, r: Math.sqrt(area / Math.PI) };
  }
  // Back to pixels of the input grid: a decimated pixel's centre sits at f·x + (f − 1)/2.
  const scale = (c: Circle | null) => c && { cx: c.cx * f + (f - 1) / 2, cy: c.cy * f + (f - 1) / 2, r: c.r * f };
  return { exterior: scale(exterior), firingPin: scale(firingPin) };
}

/** Sets missing everything outside the (offset) exterior circle and inside the (offset) firing-pin circle. */
export function maskBreechFace(grid: HeightGrid, region: BreechFaceRegion, params: Pick<BreechFaceParameters, 'exteriorOffsetUm' | 'interiorOffsetUm'>): HeightGrid {
  const { width, height } = grid;
  const z = grid.z.slice();
  const toPx = (um: number) => (um * 1e-6) / grid.step;
  const outer = region.exterior ? { ...region.exterior, r: region.exterior.r + toPx(params.exteriorOffsetUm) } : null;
  const inner = region.firingPin ? { ...region.firingPin, r: region.firingPin.r + toPx(params.interiorOffsetUm) } : null;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const out = outer && Math.hypot(x - outer.cx, y - outer.cy) > outer.r;
      const hole = inner && Math.hypot(x - inner.cx, y - inner.cy) <= inner.r;
      if (out || hole) z[y * width + x] = NaN;
    }
  }
  return { ...grid, z };
}
