/**
 * Reads a PAD card photo into the training data's feature layout: find the four corner fiducials (or take the
 * card's four corners from the expert), map the card template onto the photo with a homography, correct the colours
 * with two references printed on every card (the paper margin as white, the fiducials as black; per channel, gain
 * and offset), and take a trimmed mean of each of the 12 × 10 regions.
 */
import { badInput } from '../../input-error.ts';
import {
  cardCorners,
  fiducialCentres,
  fiducialSize,
  laneCount,
  paperBoxes,
  referenceBlack,
  referencePaper,
  regionBox,
  regionsPerLane,
} from './card-template.ts';
import { homographyFrom, isConvexQuad, project, type Homography, type Point } from './homography.ts';
import type { RgbImage } from './rgb-image.ts';

export interface PadRegion {
  readonly lane: string;
  readonly region: number;
  /** The region's corners in the photo (top-left, top-right, bottom-right, bottom-left), pixels. */
  readonly corners: Array<[number, number]>;
  /** Corrected mean colour (0–255). */
  readonly rgb: [number, number, number];
}

export interface PadCardReading {
  /** 360 values, CSV order (A1-R … L10-B), corrected. */
  readonly features: number[];
  readonly regions: PadRegion[];
  /** The card's corners in the photo (TL, TR, BR, BL). */
  readonly cardCorners: Array<[number, number]>;
  /** How the card was located. */
  readonly located: 'fiducials' | 'manual-corners';
  /** The measured paper white and fiducial black before correction. */
  readonly references: { paper: [number, number, number]; black: [number, number, number] };
}

const laneNames = 'ABCDEFGHIJKL';

/** Bilinear RGB at (x, y); null outside the photo. */
function sampleAt(image: RgbImage, x: number, y: number, out: Float64Array): boolean {
  const { width, height, data } = image;
  if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) return false;
  const x0 = Math.min(Math.floor(x), width - 2 < 0 ? 0 : width - 2);
  const y0 = Math.min(Math.floor(y), height - 2 < 0 ? 0 : height - 2);
  const fx = width > 1 ? x - x0 : 0;
  const fy = height > 1 ? y - y0 : 0;
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  for (let c = 0; c < 3; c += 1) {
    const a = data[(y0 * width + x0) * 3 + c]!;
    const b = data[(y0 * width + x1) * 3 + c]!;
    const d = data[(y1 * width + x0) * 3 + c]!;
    const e = data[(y1 * width + x1) * 3 + c]!;
    out[c] = (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
  }
  return true;
}

/** Trimmed mean (20% off each end) per channel of a grid of samples inside a card box; null if any fall outside. */
function boxColour(image: RgbImage, h: Homography, box: readonly [number, number, number, number], inset: number, steps = 7): [number, number, number] | null {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const ht = y1 - y0;
  const values: number[][] = [[], [], []];
  const px = new Float64Array(3);
  for (let i = 0; i < steps; i += 1) {
    for (let j = 0; j < steps; j += 1) {
      const cx = x0 + w * (inset + ((1 - 2 * inset) * (i + 0.5)) / steps);
      const cy = y0 + ht * (inset + ((1 - 2 * inset) * (j + 0.5)) / steps);
      const [u, v] = project(h, cx, cy);
      if (!sampleAt(image, u, v, px)) return null;
      for (let c = 0; c < 3; c += 1) values[c]!.push(px[c]!);
    }
  }
  return values.map((list) => {
    list.sort((a, b) => a - b);
    const cut = Math.floor(list.length * 0.2);
    const kept = list.slice(cut, list.length - cut);
    return kept.reduce((a, b) => a + b, 0) / kept.length;
  }) as [number, number, number];
}

interface Blob {
  area: number;
  sx: number;
  sy: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The four corner fiducials' centres (TL, TR, BR, BL) in the photo, or null when they cannot be found. */
export function findFiducials(image: RgbImage): Point[] | null {
  // Work on a copy at most ~700 px wide: fiducials are large, and the search is per pixel.
  const scale = Math.max(1, Math.ceil(Math.max(image.width, image.height) / 700));
  const w = Math.floor(image.width / scale);
  const h = Math.floor(image.height / scale);
  const luma = new Float32Array(w * h);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      let s = 0;
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const o = ((y * scale + dy) * image.width + x * scale + dx) * 3;
          s += 0.299 * image.data[o]! + 0.587 * image.data[o + 1]! + 0.114 * image.data[o + 2]!;
        }
      }
      luma[y * w + x] = s / (scale * scale);
    }
  }
  const sorted = Float32Array.from(luma).sort();
  const dark = sorted[Math.floor(sorted.length * 0.002)]!;
  const bright = sorted[Math.floor(sorted.length * 0.95)]!;
  if (bright - dark < 40) return null;
  const threshold = dark + 0.3 * (bright - dark);
  const label = new Int32Array(w * h).fill(-1);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start += 1) {
    if (label[start] !== -1 || luma[start]! >= threshold) continue;
    const blob: Blob = { area: 0, sx: 0, sy: 0, minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
    const id = blobs.length;
    blobs.push(blob);
    label[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      blob.area += 1;
      blob.sx += x;
      blob.sy += y;
      blob.minX = Math.min(blob.minX, x);
      blob.maxX = Math.max(blob.maxX, x);
      blob.minY = Math.min(blob.minY, y);
      blob.maxY = Math.max(blob.maxY, y);
      const neighbours = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1];
      for (const q of neighbours) {
        if (q >= 0 && label[q] === -1 && luma[q]! < threshold) {
          label[q] = id;
          stack.push(q);
        }
      }
    }
  }
  const minArea = Math.max(9, w * h * 0.00005);
  const candidates = blobs.filter((b) => {
    const bw = b.maxX - b.minX + 1;
    const bh = b.maxY - b.minY + 1;
    return b.area >= minArea && b.area < w * h * 0.05 && b.area / (bw * bh) > 0.45 && bw / bh > 0.4 && bw / bh < 2.5;
  });
  if (candidates.length < 4) return null;
  const centre = (b: Blob): Point => [((b.sx / b.area + 0.5) * scale) - 0.5, ((b.sy / b.area + 0.5) * scale) - 0.5];
  const pick = (score: (p: Point) => number) => candidates.map(centre).reduce((best, p) => (score(p) > score(best) ? p : best));
  const corners = [pick(([x, y]) => -(x + y)), pick(([x, y]) => x - y), pick(([x, y]) => x + y), pick(([x, y]) => y - x)];
  if (!isConvexQuad(corners)) return null;
  return corners;
}

/**
 * Reads a card photo. `corners` (optional): the card's four outer corners in the photo, top-left, top-right,
 * bottom-right, bottom-left (pixels); without them the fiducials are found automatically.
 */
export function readPadCard(image: RgbImage, name: string, corners?: ReadonlyArray<readonly [number, number]>): PadCardReading {
  let h: Homography | null;
  let located: PadCardReading['located'];
  if (corners) {
    if (corners.length !== 4 || corners.some((c) => c.length !== 2 || !c.every(Number.isFinite))) {
      throw badInput(name, 'bad-corners', 'corners must be four [x, y] points: top-left, top-right, bottom-right, bottom-left');
    }
    if (!isConvexQuad(corners as Point[])) throw badInput(name, 'bad-corners', 'the four corners do not form a convex quadrilateral in that order');
    h = homographyFrom(cardCorners, corners as Point[]);
    located = 'manual-corners';
  } else {
    const found = findFiducials(image);
    if (!found) throw badInput(name, 'no-card', 'no PAD card found: the four corner fiducials are not visible (give the card corners by hand)');
    h = homographyFrom(fiducialCentres, found);
    located = 'fiducials';
  }
  if (!h) throw badInput(name, 'no-card', 'the card corners are degenerate');
  // References: paper margins (white) and the fiducials' inner parts (black).
  const paperSamples = paperBoxes.map((box) => boxColour(image, h, box, 0.1, 9));
  const half = fiducialSize / 2;
  const blackSamples = fiducialCentres.map(([x, y]) => boxColour(image, h, [x - half, y - half, x + half, y + half], 0.25, 5));
  if (paperSamples.some((s) => !s) || blackSamples.some((s) => !s)) throw badInput(name, 'card-outside', 'part of the card lies outside the photo');
  const mean = (list: Array<[number, number, number] | null>): [number, number, number] =>
    [0, 1, 2].map((c) => list.reduce((s, v) => s + v![c]!, 0) / list.length) as [number, number, number];
  const paper = mean(paperSamples);
  const black = mean(blackSamples);
  if ([0, 1, 2].some((c) => paper[c]! - black[c]! < 30)) throw badInput(name, 'no-contrast', 'the card paper and its fiducials differ too little to correct the colours (too dark, or not a PAD card)');
  const correct = (v: number, c: number) => {
    const out = referenceBlack[c]! + ((v - black[c]!) * (referencePaper[c]! - referenceBlack[c]!)) / (paper[c]! - black[c]!);
    return Math.min(255, Math.max(0, out));
  };
  const features: number[] = [];
  const regions: PadRegion[] = [];
  for (let lane = 0; lane < laneCount; lane += 1) {
    for (let region = 0; region < regionsPerLane; region += 1) {
      const box = regionBox(lane, region);
      const raw = boxColour(image, h, box, 0.2);
      if (!raw) throw badInput(name, 'card-outside', `region ${laneNames[lane]}${region + 1} lies outside the photo`);
      const rgb = raw.map(correct) as [number, number, number];
      features.push(...rgb);
      const [x0, y0, x1, y1] = box;
      regions.push({ lane: laneNames[lane]!, region: region + 1, corners: [project(h, x0, y0), project(h, x1, y0), project(h, x1, y1), project(h, x0, y1)], rgb });
    }
  }
  return { features, regions, cardCorners: cardCorners.map(([x, y]) => project(h, x, y)), located, references: { paper, black } };
}
