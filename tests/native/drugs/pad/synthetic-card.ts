/**
 * Seeded generator of rendered PAD card photos for tests: a card with known region colours (e.g. a real row of
 * pad_cards_train.csv), placed on a textured background under a random perspective, lit by one of three illuminants
 * (neutral, warm, cool: per-channel gain and a little flare), blurred and with sensor noise, encoded as PNG.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import {
  cardCorners,
  cardHeight,
  cardWidth,
  fiducialCentres,
  fiducialSize,
  laneCount,
  laneTop,
  regionBox,
  regionHeight,
  regionsPerLane,
  referenceBlack,
  referencePaper,
} from '../../../../native/drugs/pad/card-template.ts';
import { homographyFrom, type Point } from '../../../../native/drugs/pad/homography.ts';
import { seededRandom } from '../../../../models/ebm/random.ts';

export const illuminants = {
  neutral: [1, 1, 1],
  warm: [1, 0.86, 0.66],
  cool: [0.8, 0.9, 1],
} as const;
export type IlluminantName = keyof typeof illuminants;

export interface SyntheticCardOptions {
  readonly illuminant?: IlluminantName;
  readonly width?: number;
  readonly height?: number;
  /** Gaussian blur sigma (px); default random 0–1.5. */
  readonly blur?: number;
  /** Noise sigma (0–255 scale); default random 0–4. */
  readonly noise?: number;
  /** Encode as JPEG at this quality instead of PNG. */
  readonly jpegQuality?: number;
}

export interface SyntheticCard {
  /** The encoded photo (PNG, or JPEG with `jpegQuality`). */
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Where the card's outer corners landed (TL, TR, BR, BL). */
  readonly corners: Array<[number, number]>;
  readonly illuminant: IlluminantName;
  readonly blur: number;
  readonly noise: number;
}

function gaussianBlur(data: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (sigma < 0.3) return data;
  const radius = Math.ceil(sigma * 3);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  const k = kernel.map((v) => v / sum);
  const tmp = new Float32Array(data.length);
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < 3; c += 1) {
        let s = 0;
        for (let j = -radius; j <= radius; j += 1) s += k[j + radius]! * data[(y * width + Math.min(width - 1, Math.max(0, x + j))) * 3 + c]!;
        tmp[(y * width + x) * 3 + c] = s;
      }
    }
  }
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < 3; c += 1) {
        let s = 0;
        for (let j = -radius; j <= radius; j += 1) s += k[j + radius]! * tmp[(Math.min(height - 1, Math.max(0, y + j)) * width + x) * 3 + c]!;
        out[(y * width + x) * 3 + c] = s;
      }
    }
  }
  return out;
}

// The template read once: rendering asks for these per subsample (millions of times a photo), and an imported
// binding costs a property read each time.
const half = fiducialSize / 2;
const fiducials = fiducialCentres.map(([x, y]) => [x, y] as const);
const [lanes, regions, top, step] = [laneCount, regionsPerLane, laneTop, regionHeight];
const [cardW, cardH] = [cardWidth, cardHeight];
const laneEnd = top + regions * step;
const laneLeft = Array.from({ length: laneCount }, (_, lane) => regionBox(lane, 0)[0]);
const laneRight = Array.from({ length: laneCount }, (_, lane) => regionBox(lane, 0)[2]);
const [paperR, paperG, paperB] = referencePaper;
const [blackR, blackG, blackB] = referenceBlack;

/**
 * Where the card's colour at card coordinates (u, v) comes from: the offset of its region in `features`, or
 * `fiducialColour` / `paperColour` for the printed black and the paper.
 */
const fiducialColour = -1;
const paperColour = -2;
function cardColourSource(u: number, v: number): number {
  for (const [fx, fy] of fiducials) if (Math.abs(u - fx) <= half && Math.abs(v - fy) <= half) return fiducialColour;
  if (v >= top && v < laneEnd) {
    const region = Math.min(regions - 1, Math.floor((v - top) / step));
    for (let lane = 0; lane < lanes; lane += 1) {
      if (u >= laneLeft[lane]! && u < laneRight[lane]!) return (lane * regions + region) * 3;
    }
  }
  return paperColour;
}

/** Renders one photo of a card whose 360 region colours are `features`, from `seed`. */
export function renderSyntheticCard(features: ArrayLike<number>, seed: number, options: SyntheticCardOptions = {}): SyntheticCard {
  const random = seededRandom(seed);
  const width = options.width ?? 640 + Math.floor(random() * 200);
  const height = options.height ?? 480 + Math.floor(random() * 160);
  const names = Object.keys(illuminants) as IlluminantName[];
  const illuminant = options.illuminant ?? names[Math.floor(random() * names.length)]!;
  const exposure = 0.8 + random() * 0.2;
  const gain = illuminants[illuminant].map((g) => g * exposure);
  const flare = random() * 6;
  const blur = options.blur ?? random() * 1.5;
  const noise = options.noise ?? random() * 4;
  // Card placement: scaled to 55–75% of the width, rotated ±12°, each corner jittered by up to 5% of the width;
  // shrunk until the whole card is in the frame (a photo that cuts the card off is refused, tested elsewhere).
  let scale = ((0.55 + random() * 0.2) * width) / cardWidth;
  const angle = ((random() - 0.5) * 24 * Math.PI) / 180;
  const [cx, cy] = [width / 2 + (random() - 0.5) * width * 0.08, height / 2 + (random() - 0.5) * height * 0.08];
  const jitter = cardCorners.map(() => [(random() - 0.5) * width * 0.05, (random() - 0.5) * width * 0.05] as const);
  const place = () =>
    cardCorners.map(([x, y], i) => {
      const dx = (x - cardWidth / 2) * scale;
      const dy = (y - cardHeight / 2) * scale;
      return [cx + dx * Math.cos(angle) - dy * Math.sin(angle) + jitter[i]![0], cy + dx * Math.sin(angle) + dy * Math.cos(angle) + jitter[i]![1]] as [number, number];
    });
  let corners = place();
  while (corners.some(([x, y]) => x < 4 || y < 4 || x > width - 5 || y > height - 5)) {
    scale *= 0.95;
    corners = place();
  }
  const toCard = homographyFrom(corners as Point[], cardCorners)!;
  const background = [110 + random() * 90, 110 + random() * 90, 110 + random() * 90];
  const data = new Float32Array(width * height * 3);
  const sub = [0.25, 0.75];
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toCard as readonly number[] as [number, number, number, number, number, number, number, number, number];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      // The textured background at this pixel, worked out the first time a subsample misses the card.
      let textured = false;
      let br = 0;
      let bg = 0;
      let bb = 0;
      for (const sy of sub) {
        for (const sx of sub) {
          // project(toCard, px, py), written out.
          const px = x + sx - 0.5;
          const py = y + sy - 0.5;
          const w = h6 * px + h7 * py + h8;
          const u = (h0 * px + h1 * py + h2) / w;
          const v = (h3 * px + h4 * py + h5) / w;
          if (u >= 0 && u <= cardW && v >= 0 && v <= cardH) {
            const o = cardColourSource(u, v);
            if (o === fiducialColour) {
              r += blackR;
              g += blackG;
              b += blackB;
            } else if (o === paperColour) {
              r += paperR;
              g += paperG;
              b += paperB;
            } else {
              r += features[o]!;
              g += features[o + 1]!;
              b += features[o + 2]!;
            }
          } else {
            if (!textured) {
              textured = true;
              br = background[0]! + 12 * Math.sin(x / 37) * Math.cos(y / 23);
              bg = background[1]! + 12 * Math.sin((x + 3) / 37) * Math.cos(y / 23);
              bb = background[2]! + 12 * Math.sin((x + 6) / 37) * Math.cos(y / 23);
            }
            r += br;
            g += bg;
            b += bb;
          }
        }
      }
      const o = (y * width + x) * 3;
      data[o] = r / 4;
      data[o + 1] = g / 4;
      data[o + 2] = b / 4;
    }
  }
  const blurred = gaussianBlur(data, width, height, blur);
  const png = new PNG({ width, height });
  // Box–Muller noise.
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let i = 0; i < width * height; i += 1) {
    for (let c = 0; c < 3; c += 1) png.data[i * 4 + c] = Math.max(0, Math.min(255, Math.round(flare + gain[c]! * blurred[i * 3 + c]! + noise * gauss())));
    png.data[i * 4 + 3] = 255;
  }
  const bytes = options.jpegQuality ? jpeg.encode({ data: png.data, width, height }, options.jpegQuality).data : PNG.sync.write(png);
  return { png: new Uint8Array(bytes), width, height, corners, illuminant, blur, noise };
}
