/**
 * A seeded generator of synthetic colour-test photos: a ColorChecker Classic, a white spot plate with coloured wells
 * and/or a drug-screening cassette with read windows, rendered under a chosen illuminant (a camera matrix applied to
 * linear-light reflectances), seen in perspective, blurred, with sensor noise and 8-bit sRGB encoding. The truth
 * (well centres and colours, line positions) comes back with the image, so tests and the benchmark can score readers.
 */
import { labToLinearRgb, linearToSrgb, type Triple } from '../../../native/drugs/colour/spaces.ts';
import { COLORCHECKER_CLASSIC, patchCentre, targetSize } from '../../../native/drugs/calibration/targets.ts';
import { applyHomography, homographyFromPoints, invertHomography, type Point } from '../../../native/drugs/image/homography.ts';
import type { RgbaImage } from '../../../native/drugs/image/rgba-image.ts';
import { seededRandom } from '../../../core/random.ts';
/** Deterministic uniform random numbers in [0, 1): the project's one seeded generator. */
export { seededRandom };

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Camera responses (linear camera RGB from linear sRGB reflectance) for three illuminants. */
export const ILLUMINANTS: Readonly<Record<'daylight' | 'tungsten' | 'fluorescent', readonly (readonly number[])[]>> = {
  daylight: [[0.92, 0.07, 0.01], [0.04, 0.9, 0.06], [0.01, 0.08, 0.91]],
  tungsten: [[1.0, 0.1, 0.0], [0.05, 0.72, 0.03], [0.0, 0.06, 0.36]],
  fluorescent: [[0.78, 0.12, 0.02], [0.06, 0.98, 0.04], [0.02, 0.12, 0.66]],
};

/** One well: label, colour (CIELAB) of its liquid, or null for an empty well. */
export interface WellSpec {
  readonly label: string;
  readonly lab: Triple | null;
}

/** One read window of a cassette: line intensities (0 = no line) at fractions along the window from its top. */
export interface WindowSpec {
  readonly control: number;
  readonly test: number;
  readonly controlAt: number;
  readonly testAt: number;
}

/** What to draw and how to photograph it. */
export interface SceneSpec {
  readonly seed: number;
  readonly width?: number;
  readonly height?: number;
  readonly illuminant?: keyof typeof ILLUMINANTS;
  readonly exposure?: number;
  /** Plate wells, row-major (rows A, B, …; columns 1…plateCols). */
  readonly wells?: readonly WellSpec[];
  readonly plateCols?: number;
  readonly windows?: readonly WindowSpec[];
  readonly noiseSigma?: number;
  readonly blurRadius?: number;
  /** Perspective jitter of the scene's corners, as a fraction of the image size. */
  readonly perspective?: number;
  /** Leave the target out (a photo without a target). */
  readonly withoutTarget?: boolean;
  /** Lay the target upside down (turned 180°): its first patch at the bottom right. */
  readonly targetTurned?: boolean;
}

/** Truth returned beside the image. */
export interface SceneTruth {
  readonly wells: ReadonlyArray<{ label: string; centre: Point; radiusPx: number; lab: Triple | null }>;
  readonly windows: ReadonlyArray<{ centre: Point } & WindowSpec>;
}

/** Scene layout (scene units, about millimetres). */
const SCENE = { width: 300, height: 200 } as const;
const PITCH = 15;
const TARGET_ORIGIN = { x: 12, y: 12 } as const;
const PLATE = { x: 135, y: 12, width: 150, height: 112, radius: 8 } as const;
const WELL_RADIUS = 10;
const CASSETTE = { x: 12, y: 100, width: 110, height: 85 } as const;
const WINDOW = { width: 7, height: 44 } as const;

const BENCH = labToLinearRgb([72, 2, 8]);
const CARD = labToLinearRgb([12, 0, 0]);
const PLATE_WHITE = labToLinearRgb([95, 0, 1.5]);
const CASSETTE_WHITE = labToLinearRgb([90, 0, 3]);
const BEVEL = labToLinearRgb([30, 0, 0]);
const MEMBRANE = labToLinearRgb([96, 0, 2]);
/** Stray light added to every pixel (linear), which no 3×3 map undoes exactly: keeps the test honest. */
const FLARE = 0.004;
const LINE_ABSORPTION: Triple = [0.3, 1, 0.55];

function wellCentre(index: number, cols: number, rows: number): Point {
  const col = index % cols;
  const row = Math.floor(index / cols);
  const sx = PLATE.width / cols;
  const sy = PLATE.height / rows;
  return { x: PLATE.x + sx * (col + 0.5), y: PLATE.y + sy * (row + 0.5) };
}

function windowCentre(index: number, count: number): Point {
  const step = CASSETTE.width / count;
  return { x: CASSETTE.x + step * (index + 0.5), y: CASSETTE.y + CASSETTE.height / 2 };
}

/** Renders a scene (see the file comment). */
export function renderScene(spec: SceneSpec): { image: RgbaImage; truth: SceneTruth } {
  const random = seededRandom(spec.seed);
  const width = spec.width ?? 1200;
  const height = spec.height ?? 800;
  const camera = ILLUMINANTS[spec.illuminant ?? 'daylight'];
  const exposure = spec.exposure ?? 0.95;
  const jitter = spec.perspective ?? 0.04;
  const cols = spec.plateCols ?? 4;
  const wells = spec.wells ?? [];
  const rows = Math.max(1, Math.ceil(wells.length / cols));
  const windows = spec.windows ?? [];
  const wellLinear = wells.map((w) => (w.lab ? labToLinearRgb(w.lab) : null));

  const target = COLORCHECKER_CLASSIC;
  const size = targetSize(target);
  const patchLinear = target.patches.map((p) => labToLinearRgb(p.lab));

  const corner = (x: number, y: number): Point => ({ x: x + (random() - 0.5) * 2 * jitter * width, y: y + (random() - 0.5) * 2 * jitter * height });
  const margin = 0.05;
  const imageCorners = [corner(margin * width, margin * height), corner((1 - margin) * width, margin * height), corner((1 - margin) * width, (1 - margin) * height), corner(margin * width, (1 - margin) * height)];
  const toImage = homographyFromPoints([{ x: 0, y: 0 }, { x: SCENE.width, y: 0 }, { x: SCENE.width, y: SCENE.height }, { x: 0, y: SCENE.height }], imageCorners)!;
  const toScene = invertHomography(toImage);

  const sceneColour = (x: number, y: number): Triple => {
    if (!spec.withoutTarget) {
      const u = (x - TARGET_ORIGIN.x) / PITCH;
      const v = (y - TARGET_ORIGIN.y) / PITCH;
      if (u >= 0 && v >= 0 && u < size.width && v < size.height) {
        const gu = u - target.margin;
        const gv = v - target.margin;
        const col = Math.floor(gu);
        const row = Math.floor(gv);
        const half = target.patchSize / 2;
        if (col >= 0 && row >= 0 && col < target.cols && row < target.rows && Math.abs(gu - col - 0.5) < half && Math.abs(gv - row - 0.5) < half) {
          const index = row * target.cols + col;
          return patchLinear[spec.targetTurned ? target.patches.length - 1 - index : index]!;
        }
        return CARD;
      }
    }
    if (wells.length > 0 && x >= PLATE.x && y >= PLATE.y && x < PLATE.x + PLATE.width && y < PLATE.y + PLATE.height) {
      for (let i = 0; i < wells.length; i += 1) {
        const c = wellCentre(i, cols, rows);
        const d = Math.hypot(x - c.x, y - c.y);
        if (d <= WELL_RADIUS) {
          // The rim of the well is shaded; inside, the liquid's colour (or the plate seen through an empty well).
          if (d > WELL_RADIUS - 1.6) return PLATE_WHITE.map((v) => v * 0.25) as unknown as Triple;
          return wellLinear[i] ?? (PLATE_WHITE.map((v) => v * 0.92) as unknown as Triple);
        }
      }
      return PLATE_WHITE;
    }
    if (windows.length > 0 && x >= CASSETTE.x && y >= CASSETTE.y && x < CASSETTE.x + CASSETTE.width && y < CASSETTE.y + CASSETTE.height) {
      for (let i = 0; i < windows.length; i += 1) {
        const c = windowCentre(i, windows.length);
        const dx = Math.abs(x - c.x);
        const dy = Math.abs(y - c.y);
        if (dx < WINDOW.width / 2 + 1.6 && dy < WINDOW.height / 2 + 1.6) {
          if (dx >= WINDOW.width / 2 || dy >= WINDOW.height / 2) return BEVEL;
          const t = (y - (c.y - WINDOW.height / 2)) / WINDOW.height;
          const w = windows[i]!;
          let absorb = 0;
          for (const [at, strength] of [[w.controlAt, w.control], [w.testAt, w.test]] as const) {
            const offset = (t - at) * WINDOW.height;
            absorb += strength * Math.exp(-0.5 * (offset / 0.6) ** 2);
          }
          return MEMBRANE.map((m, k) => m * (1 - Math.min(0.95, absorb * LINE_ABSORPTION[k]!))) as unknown as Triple;
        }
      }
      return CASSETTE_WHITE;
    }
    return BENCH;
  };

  // Render in linear camera RGB, one sample a pixel (the lens blur below stands in for anti-aliasing).
  const linear = new Float32Array(width * height * 3);
  for (let py = 0; py < height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      const s = applyHomography(toScene, px + 0.5, py + 0.5);
      const c = sceneColour(s.x, s.y);
      const q = (py * width + px) * 3;
      linear[q] = c[0];
      linear[q + 1] = c[1];
      linear[q + 2] = c[2];
    }
  }
  const blurred = boxBlur(boxBlur(linear, width, height, spec.blurRadius ?? 1), width, height, spec.blurRadius ?? 1);
  const noise = spec.noiseSigma ?? 1.5;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, q = 0; i < width * height; i += 1, q += 3) {
    for (let c = 0; c < 3; c += 1) {
      const row = camera[c]!;
      const value = exposure * (row[0]! * blurred[q]! + row[1]! * blurred[q + 1]! + row[2]! * blurred[q + 2]!) + FLARE;
      const code = linearToSrgb(Math.max(0, value)) * 255 + gaussian(random) * noise;
      data[i * 4 + c] = Math.max(0, Math.min(255, Math.round(code)));
    }
    data[i * 4 + 3] = 255;
  }

  const scale = Math.hypot(applyHomography(toImage, 150, 100).x - applyHomography(toImage, 160, 100).x, applyHomography(toImage, 150, 100).y - applyHomography(toImage, 160, 100).y) / 10;
  return {
    image: { width, height, data },
    truth: {
      wells: wells.map((w, i) => ({ label: w.label, centre: applyHomography(toImage, wellCentre(i, cols, rows).x, wellCentre(i, cols, rows).y), radiusPx: WELL_RADIUS * scale, lab: w.lab })),
      windows: windows.map((w, i) => ({ ...w, centre: applyHomography(toImage, windowCentre(i, windows.length).x, windowCentre(i, windows.length).y) })),
    },
  };
}

/** Horizontal then vertical box blur of an interleaved RGB float image. */
function boxBlur(input: Float32Array, width: number, height: number, radius: number): Float32Array {
  if (radius < 1) return input;
  const pass = (src: Float32Array, horizontal: boolean): Float32Array => {
    const out = new Float32Array(src.length);
    const lines = horizontal ? height : width;
    const length = horizontal ? width : height;
    for (let line = 0; line < lines; line += 1) {
      for (let c = 0; c < 3; c += 1) {
        const at = (k: number): number => (horizontal ? (line * width + k) * 3 + c : (k * width + line) * 3 + c);
        let sum = 0;
        for (let k = -radius; k <= radius; k += 1) sum += src[at(Math.min(length - 1, Math.max(0, k)))]!;
        for (let k = 0; k < length; k += 1) {
          out[at(k)] = sum / (2 * radius + 1);
          sum += src[at(Math.min(length - 1, k + radius + 1))]! - src[at(Math.max(0, k - radius))]!;
        }
      }
    }
    return out;
  };
  return pass(pass(input, true), false);
}

/** Where the target's patch centres land in the photo (for tests that check detection). */
export function targetPatchCentresInScene(): Point[] {
  return COLORCHECKER_CLASSIC.patches.map((_, i) => {
    const c = patchCentre(COLORCHECKER_CLASSIC, i);
    return { x: TARGET_ORIGIN.x + c.x * PITCH, y: TARGET_ORIGIN.y + c.y * PITCH };
  });
}
