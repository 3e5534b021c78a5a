/** Synthetic surfaces for the preprocessing tests: seeded noise, planes, sinusoids and breech-face-like annuli. */
import type { HeightGrid } from '../../../native/surface/height-grid.ts';

/** A seeded uniform generator in [−0.5, 0.5). */
export function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
}

/** A grid whose height at (x, y) pixels is `f(x, y)` metres; `step` in metres. */
export function gridOf(width: number, height: number, step: number, f: (x: number, y: number) => number): HeightGrid {
  const z = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) z[y * width + x] = f(x, y);
  return { width, height, step, z };
}

/** A cartridge-case-like scan: a disk of rough surface (radius `r`) with a missing firing-pin hole, missing outside. */
export function breechFace(size: number, step: number, disk: { cx: number; cy: number; r: number }, hole: { cx: number; cy: number; r: number }, seed = 3): HeightGrid {
  const rand = random(seed);
  return gridOf(size, size, step, (x, y) => {
    const n = rand();
    if (Math.hypot(x - disk.cx, y - disk.cy) > disk.r || Math.hypot(x - hole.cx, y - hole.cy) < hole.r) return NaN;
    return 2e-5 + 1e-8 * x - 2e-8 * y + 1e-7 * n;
  });
}
