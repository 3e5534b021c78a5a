/**
 * Finds a colour reference target in a photo: the target's card is the darkest large region (its patches sit on a
 * black card), so the dark pixels of a downscaled copy are grouped into connected regions, and each large one is a
 * candidate whose outer corners (extremes of x+y and x−y) give the card's quadrilateral. Which corner is the target's
 * top-left is decided later by the colours (calibrate.ts tries the four rotations). Expects the card roughly upright
 * (within about ±30°) on a lighter background; otherwise the expert clicks the four corners.
 */
import type { Point } from '../image/homography.ts';
import { downscale, type RgbaImage } from '../image/rgba-image.ts';

/** A candidate card outline in full-resolution photo pixels, clockwise from the photo's top-left-most corner. */
export interface CardCandidate {
  readonly corners: readonly [Point, Point, Point, Point];
  /** Dark pixels in the region (of the downscaled copy). */
  readonly area: number;
}

/** Long side of the copy the detector works on (pixels). */
const DETECT_SIZE = 900;

/** Connected regions (4-neighbour) of a mask: a label per pixel (0 = none) and each label's pixel count. */
export function labelRegions(mask: Uint8Array, width: number, height: number): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(width * height);
  const sizes = [0];
  const stack = new Int32Array(width * height);
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || labels[start]) continue;
    const label = sizes.length;
    let size = 0;
    let top = 0;
    labels[start] = label;
    stack[top++] = start;
    while (top > 0) {
      const p = stack[--top]!;
      size += 1;
      const x = p % width;
      if (x > 0 && mask[p - 1] && !labels[p - 1]) { labels[p - 1] = label; stack[top++] = p - 1; }
      if (x < width - 1 && mask[p + 1] && !labels[p + 1]) { labels[p + 1] = label; stack[top++] = p + 1; }
      if (p >= width && mask[p - width] && !labels[p - width]) { labels[p - width] = label; stack[top++] = p - width; }
      if (p + width < mask.length && mask[p + width] && !labels[p + width]) { labels[p + width] = label; stack[top++] = p + width; }
    }
    sizes.push(size);
  }
  return { labels, sizes };
}

/** The photo's luminance percentile (0…1) over a copy, in 8-bit code values. */
function lumaPercentile(image: RgbaImage, fraction: number): number {
  const histogram = new Array<number>(256).fill(0);
  for (let p = 0; p < image.data.length; p += 4) histogram[Math.round(0.299 * image.data[p]! + 0.587 * image.data[p + 1]! + 0.114 * image.data[p + 2]!)]! += 1;
  const target = fraction * (image.data.length / 4);
  let sum = 0;
  for (let v = 0; v < 256; v += 1) {
    sum += histogram[v]!;
    if (sum >= target) return v;
  }
  return 255;
}

/** Candidate target cards, largest first (at most `limit`). */
export function findCardCandidates(photo: RgbaImage, limit = 4): CardCandidate[] {
  const factor = Math.max(1, Math.ceil(Math.max(photo.width, photo.height) / DETECT_SIZE));
  const small = downscale(photo, factor);
  const { width, height } = small;
  const threshold = Math.max(12, 0.25 * lumaPercentile(small, 0.98));
  const mask = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < mask.length; i += 1, p += 4) {
    const luma = 0.299 * small.data[p]! + 0.587 * small.data[p + 1]! + 0.114 * small.data[p + 2]!;
    mask[i] = luma < threshold ? 1 : 0;
  }
  const { labels, sizes } = labelRegions(mask, width, height);
  const minArea = 0.004 * width * height;
  const order = sizes.map((size, label) => ({ size, label })).filter((r) => r.label > 0 && r.size >= minArea).sort((a, b) => b.size - a.size).slice(0, limit);
  const candidates: CardCandidate[] = [];
  for (const { label, size } of order) {
    let tl = { x: 0, y: 0, s: Infinity };
    let br = { x: 0, y: 0, s: -Infinity };
    let tr = { x: 0, y: 0, s: -Infinity };
    let bl = { x: 0, y: 0, s: Infinity };
    for (let i = 0; i < labels.length; i += 1) {
      if (labels[i] !== label) continue;
      const x = i % width;
      const y = (i - x) / width;
      if (x + y < tl.s) tl = { x, y, s: x + y };
      if (x + y > br.s) br = { x, y, s: x + y };
      if (x - y > tr.s) tr = { x, y, s: x - y };
      if (x - y < bl.s) bl = { x, y, s: x - y };
    }
    // Pixel centres of the outermost dark pixels, pushed out by half a pixel to the region's edge.
    const full = (p: { x: number; y: number }, dx: number, dy: number): Point => ({ x: (p.x + 0.5 + dx) * factor, y: (p.y + 0.5 + dy) * factor });
    candidates.push({ corners: [full(tl, -0.5, -0.5), full(tr, 0.5, -0.5), full(br, 0.5, 0.5), full(bl, -0.5, 0.5)], area: size });
  }
  return candidates;
}
