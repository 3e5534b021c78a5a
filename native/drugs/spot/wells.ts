/**
 * Finding the wells of a white spot plate. On the colour-corrected photo the plate is the largest bright, nearly
 * neutral region; each well interrupts it (the liquid's colour, or at least the shaded rim of an empty well), so the
 * wells are the round holes in the plate region. Each hole's extent gives a circle (centre, radius); holes of odd shape
 * or size are dropped, and the rest are named by row (A, B, …, top to bottom) and column (1, 2, …, left to right).
 */
import { correctedLabPlanes } from '../calibration/apply.ts';
import type { Correction } from '../calibration/correction.ts';
import { labelRegions } from '../calibration/detect-target.ts';
import { downscale, type RgbaImage } from '../image/rgba-image.ts';

/** A found well: label and circle in photo pixels. */
export interface Well {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

/** Thresholds of the detector, recorded with every run. */
export const WELL_DETECTION = {
  workingSize: 900,
  plateMinLightness: 75,
  plateMaxChroma: 15,
  minAspect: 0.6,
  maxAspect: 1.65,
  minFill: 0.08,
  maxFill: 0.9,
  sizeBand: [0.6, 1.6],
} as const;

interface Box { minX: number; minY: number; maxX: number; maxY: number; count: number }

/** Groups values into clusters separated by gaps above `gap`, returning each value's cluster index (in order). */
function clusterIndex(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const result = new Array<number>(values.length).fill(0);
  let cluster = 0;
  order.forEach((item, k) => {
    if (k > 0 && item.v - order[k - 1]!.v > gap) cluster += 1;
    result[item.i] = cluster;
  });
  return result;
}

/** Names circles by row letter and column number (rows and columns found as clusters of centres). */
export function labelWells(circles: ReadonlyArray<{ x: number; y: number; radius: number }>): Well[] {
  if (circles.length === 0) return [];
  const radius = circles.map((c) => c.radius).sort((a, b) => a - b)[Math.floor(circles.length / 2)]!;
  const rows = clusterIndex(circles.map((c) => c.y), radius);
  const cols = clusterIndex(circles.map((c) => c.x), radius);
  return circles
    .map((c, i) => ({ label: `${String.fromCharCode(65 + Math.min(25, rows[i]!))}${cols[i]! + 1}`, x: c.x, y: c.y, radius: c.radius, row: rows[i]!, col: cols[i]! }))
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map(({ label, x, y, radius: r }) => ({ label, x, y, radius: r }));
}

/** Finds the wells of a spot plate in a photo corrected by `correction` (see the file comment). */
export function findWells(photo: RgbaImage, correction: Correction): Well[] {
  const factor = Math.max(1, Math.ceil(Math.max(photo.width, photo.height) / WELL_DETECTION.workingSize));
  const small = downscale(photo, factor);
  const { width, height } = small;
  const planes = correctedLabPlanes(small, correction);
  const plate = new Uint8Array(width * height);
  for (let i = 0; i < plate.length; i += 1) plate[i] = planes.lightness[i]! >= WELL_DETECTION.plateMinLightness && planes.chroma[i]! <= WELL_DETECTION.plateMaxChroma ? 1 : 0;
  const plateRegions = labelRegions(plate, width, height);
  let plateLabel = 0;
  plateRegions.sizes.forEach((size, label) => { if (label > 0 && size > (plateRegions.sizes[plateLabel] ?? 0)) plateLabel = label; });
  if (plateLabel === 0) return [];

  const other = new Uint8Array(width * height);
  for (let i = 0; i < other.length; i += 1) other[i] = plateRegions.labels[i] === plateLabel ? 0 : 1;
  const holes = labelRegions(other, width, height);
  const boxes: Box[] = holes.sizes.map(() => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity, count: 0 }));
  for (let i = 0; i < holes.labels.length; i += 1) {
    const label = holes.labels[i]!;
    if (!label) continue;
    const x = i % width;
    const y = (i - x) / width;
    const box = boxes[label]!;
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
    box.count += 1;
  }
  const isPlate = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height && plateRegions.labels[y * width + x] === plateLabel;
  const candidates = boxes.flatMap((box) => {
    if (box.count < 12) return [];
    const w = box.maxX - box.minX + 1;
    const h = box.maxY - box.minY + 1;
    const aspect = w / h;
    const fill = box.count / (w * h);
    const cx = Math.round((box.minX + box.maxX) / 2);
    const cy = Math.round((box.minY + box.maxY) / 2);
    // A hole in the plate: plate on all four sides, within a few pixels (a blurred rim may be neither liquid nor plate).
    const plateBeyond = (x: number, y: number, dx: number, dy: number): boolean => [2, 3, 4, 5].some((d) => isPlate(x + d * dx, y + d * dy));
    const enclosed = plateBeyond(box.minX, cy, -1, 0) && plateBeyond(box.maxX, cy, 1, 0) && plateBeyond(cx, box.minY, 0, -1) && plateBeyond(cx, box.maxY, 0, 1);
    if (!enclosed || aspect < WELL_DETECTION.minAspect || aspect > WELL_DETECTION.maxAspect || fill < WELL_DETECTION.minFill || fill > WELL_DETECTION.maxFill) return [];
    return [{ x: (box.minX + box.maxX + 1) / 2 * factor, y: (box.minY + box.maxY + 1) / 2 * factor, radius: (w + h) / 4 * factor }];
  });
  if (candidates.length === 0) return [];
  const median = candidates.map((c) => c.radius).sort((a, b) => a - b)[Math.floor(candidates.length / 2)]!;
  const [low, high] = WELL_DETECTION.sizeBand;
  return labelWells(candidates.filter((c) => c.radius >= low * median && c.radius <= high * median));
}
