/**
 * The overlay attached to a bullet finding: for each land pair of the best rotation, the two aligned signatures drawn
 * over each other (A dark blue, B orange), one strip per pair, so an expert sees where the striae agree.
 */
import { PNG } from 'pngjs';
import type { BulletComparisonResult } from '../../../contract/index.ts';

const stripHeight = 120;
const gap = 8;
const width = 900;

function plot(png: PNG, top: number, values: ReadonlyArray<number | null>, lo: number, hi: number, colour: readonly [number, number, number]): void {
  const span = hi > lo ? hi - lo : 1;
  let prev: [number, number] | null = null;
  values.forEach((v, i) => {
    if (v === null) {
      prev = null;
      return;
    }
    const x = values.length > 1 ? (i * (width - 1)) / (values.length - 1) : 0;
    const y = top + (stripHeight - 1) * (1 - (v - lo) / span);
    if (prev) {
      const steps = Math.max(1, Math.ceil(Math.hypot(x - prev[0], y - prev[1])));
      for (let s = 0; s <= steps; s++) {
        const px = Math.round(prev[0] + ((x - prev[0]) * s) / steps);
        const py = Math.round(prev[1] + ((y - prev[1]) * s) / steps);
        const o = (py * width + px) * 4;
        png.data[o] = colour[0];
        png.data[o + 1] = colour[1];
        png.data[o + 2] = colour[2];
      }
    }
    prev = [x, y];
  });
}

/** Draws the aligned signatures of the best rotation's land pairs as a PNG. */
export function signaturePlotPng(result: BulletComparisonResult): Uint8Array {
  const strips = Math.max(1, result.signatures.length);
  const png = new PNG({ width, height: strips * stripHeight + (strips - 1) * gap });
  png.data.fill(255);
  result.signatures.forEach((s, k) => {
    const present = [...s.sigA, ...s.sigB].filter((v): v is number => v !== null);
    const lo = present.length ? Math.min(...present) : 0;
    const hi = present.length ? Math.max(...present) : 1;
    const top = k * (stripHeight + gap);
    plot(png, top, s.sigA, lo, hi, [20, 50, 140]);
    plot(png, top, s.sigB, lo, hi, [230, 120, 20]);
  });
  return new Uint8Array(PNG.sync.write(png));
}
