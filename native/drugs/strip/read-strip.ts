/**
 * Reading lateral-flow drug-screening cassettes from a calibrated photo. The read windows are the upright, nearly
 * rectangular regions of membrane (bright, or tinted by the lines) enclosed by the window's shaded bevel; each window's
 * profile along its length is the absorbance of the corrected green channel (the lines' red-purple dye absorbs green),
 * and a line is present where the profile peaks near its expected place by more than both an absolute floor and five
 * times the profile's own noise. No control line: invalid. Otherwise the panel's format turns the test line into a
 * result (competitive drug screens: line visible = negative).
 */
import { correctedLabPlanes } from '../calibration/apply.ts';
import { applyCorrection, type Correction } from '../calibration/correction.ts';
import { labelRegions } from '../calibration/detect-target.ts';
import { downscale, LINEAR_OF_8BIT, type RgbaImage } from '../image/rgba-image.ts';
import type { Panel, PanelDescription } from './panel.ts';

/** The reader's thresholds, recorded with every run. */
export const STRIP_READING = {
  workingSize: 900,
  membraneMinLightness: 75,
  membraneMaxChroma: 18,
  lineMinA: 10,
  lineMinLightness: 40,
  minAspect: 3,
  minFill: 0.8,
  /** Search half-width around a line's expected place, as a fraction of the window length. */
  searchHalfWidth: 0.08,
  /** Smallest peak absorbance (log10) taken as a line: about a 2.3 % drop in green reflectance. */
  minAbsorbance: 0.01,
  noiseFactor: 5,
  bandFraction: 0.6,
} as const;

/** A found window: its box in photo pixels, and for each row of the detector's copy the membrane's run across it. */
export interface ReadWindow {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Detector copy's scale (photo pixels per copy pixel). */
  readonly factor: number;
  /** Per copy row (top to bottom): first and last membrane column, in copy pixels (a tilted window's runs shift). */
  readonly runs: ReadonlyArray<readonly [number, number]>;
}

/** One panel's reading. */
export interface StripReading {
  readonly drug: string;
  readonly cutoffNgMl: number | null;
  readonly window: ReadWindow;
  /** Absorbance profile along the window, top to bottom (baseline subtracted). */
  readonly profile: readonly number[];
  readonly control: { readonly present: boolean; readonly position: number; readonly absorbance: number };
  readonly test: { readonly present: boolean; readonly position: number; readonly absorbance: number };
  readonly noise: number;
  /** Test line absorbance over control line absorbance (null when there is no control line). */
  readonly intensityRatio: number | null;
  readonly result: 'positive' | 'negative' | 'invalid';
}

/** Finds read windows (see the file comment), left to right. */
export function findReadWindows(photo: RgbaImage, correction: Correction): ReadWindow[] {
  const factor = Math.max(1, Math.ceil(Math.max(photo.width, photo.height) / STRIP_READING.workingSize));
  const small = downscale(photo, factor);
  const planes = correctedLabPlanes(small, correction);
  const { width, height } = small;
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i += 1) {
    const l = planes.lightness[i]!;
    mask[i] = (l >= STRIP_READING.membraneMinLightness && planes.chroma[i]! <= STRIP_READING.membraneMaxChroma) || (planes.a[i]! >= STRIP_READING.lineMinA && l >= STRIP_READING.lineMinLightness) ? 1 : 0;
  }
  const { labels, sizes } = labelRegions(mask, width, height);
  const boxes = sizes.map(() => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }));
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i]!;
    if (!label) continue;
    const x = i % width;
    const y = (i - x) / width;
    const b = boxes[label]!;
    if (x < b.minX) b.minX = x;
    if (x > b.maxX) b.maxX = x;
    if (y < b.minY) b.minY = y;
    if (y > b.maxY) b.maxY = y;
  }
  const windows: ReadWindow[] = [];
  boxes.forEach((b, label) => {
    if (label === 0 || sizes[label]! < 40) return;
    const runs: Array<[number, number]> = [];
    for (let y = b.minY; y <= b.maxY; y += 1) {
      let first = -1;
      let last = -1;
      for (let x = b.minX; x <= b.maxX; x += 1) {
        if (labels[y * width + x] !== label) continue;
        if (first < 0) first = x;
        last = x;
      }
      runs.push(first < 0 ? [b.minX, b.maxX] : [first, last]);
    }
    // Judged on the runs, not the box: a tilted window's box is wide, its rows are not.
    const runWidth = median(runs.map(([first, last]) => last - first + 1));
    const h = b.maxY - b.minY + 1;
    if (h / runWidth < STRIP_READING.minAspect || sizes[label]! / (h * runWidth) < STRIP_READING.minFill) return;
    windows.push({ x: b.minX * factor, y: b.minY * factor, width: (b.maxX - b.minX + 1) * factor, height: h * factor, factor, runs });
  });
  return windows.sort((a, b) => a.x - b.x);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The baseline-subtracted green absorbance profile of a window, one value a row of the detector's copy. */
export function windowProfile(photo: RgbaImage, correction: Correction, window: ReadWindow): number[] {
  const f = window.factor;
  const top = window.y / f;
  const raw = window.runs.map(([first, last], k) => {
    const runWidth = last - first + 1;
    const band = Math.max(1, runWidth * STRIP_READING.bandFraction);
    const x0 = Math.round((first + (runWidth - band) / 2) * f);
    const x1 = Math.round((first + (runWidth + band) / 2) * f);
    let sum = 0;
    let count = 0;
    for (let y = (top + k) * f; y < (top + k + 1) * f; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        if (x < 0 || y < 0 || x >= photo.width || y >= photo.height) continue;
        const p = (y * photo.width + x) * 4;
        sum += applyCorrection(correction, [LINEAR_OF_8BIT[photo.data[p]!]!, LINEAR_OF_8BIT[photo.data[p + 1]!]!, LINEAR_OF_8BIT[photo.data[p + 2]!]!])[1];
        count += 1;
      }
    }
    return count > 0 ? sum / count : 0;
  });
  const membrane = median(raw);
  return raw.map((g) => (g > 0 && membrane > 0 ? -Math.log10(g / membrane) : 0));
}

function peakNear(profile: readonly number[], at: number): { position: number; absorbance: number } {
  const n = profile.length;
  const half = Math.max(2, Math.round(STRIP_READING.searchHalfWidth * n));
  const centre = Math.round(at * n);
  let best = { position: at, absorbance: -Infinity };
  for (let i = Math.max(1, centre - half); i <= Math.min(n - 2, centre + half); i += 1) {
    const smoothed = (profile[i - 1]! + profile[i]! + profile[i + 1]!) / 3;
    if (smoothed > best.absorbance) best = { position: i / n, absorbance: smoothed };
  }
  return best;
}

/** Reads one window as the given panel. */
export function readPanel(photo: RgbaImage, correction: Correction, window: ReadWindow, panel: Panel): StripReading {
  const profile = windowProfile(photo, correction, window);
  const n = profile.length;
  // Noise from the profile away from both lines (median absolute deviation, as a standard deviation).
  const away = profile.filter((_, i) => Math.abs(i / n - panel.controlAt) > 0.1 && Math.abs(i / n - panel.testAt) > 0.1 && i > 0.05 * n && i < 0.95 * n);
  const centre = median(away);
  const noise = 1.4826 * median(away.map((v) => Math.abs(v - centre)));
  const threshold = Math.max(STRIP_READING.minAbsorbance, STRIP_READING.noiseFactor * noise);
  const c = peakNear(profile, panel.controlAt);
  const t = peakNear(profile, panel.testAt);
  const control = { ...c, absorbance: c.absorbance - centre, present: c.absorbance - centre >= threshold };
  const test = { ...t, absorbance: t.absorbance - centre, present: t.absorbance - centre >= threshold };
  let result: StripReading['result'];
  if (!control.present) result = 'invalid';
  else if (panel.format === 'competitive') result = test.present ? 'negative' : 'positive';
  else result = test.present ? 'positive' : 'negative';
  return {
    drug: panel.drug,
    cutoffNgMl: panel.cutoffNgMl,
    window,
    profile,
    control,
    test,
    noise,
    intensityRatio: control.present ? Math.max(0, test.absorbance) / control.absorbance : null,
    result,
  };
}

/** Reads a whole cassette: the windows found left to right are its panels in order; a count mismatch is reported. */
export function readCassette(photo: RgbaImage, correction: Correction, description: PanelDescription): { windows: ReadWindow[]; strips: StripReading[] } {
  const windows = findReadWindows(photo, correction);
  const strips = windows.slice(0, description.panels.length).map((w, i) => readPanel(photo, correction, w, description.panels[i]!));
  return { windows, strips };
}
