/** Cropping a grid to the bounding box of its present points, so masked-out margins do not cost work downstream. */
import type { HeightGrid } from '../surface/height-grid.ts';

/** The bounding box (pixels, inclusive start, exclusive end) of present points, or null when none is present. */
export function presentBounds(grid: HeightGrid): { x0: number; y0: number; x1: number; y1: number } | null {
  const { width, height, z } = grid;
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (z[y * width + x] !== z[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Crops to the present points' bounding box; a grid without present points is returned as is. */
export function cropToPresent(grid: HeightGrid): { grid: HeightGrid; offsetX: number; offsetY: number } {
  const b = presentBounds(grid);
  if (!b) return { grid, offsetX: 0, offsetY: 0 };
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  const z = new Float32Array(w * h);
  for (let y = 0; y < h; y++) z.set(grid.z.subarray((b.y0 + y) * grid.width + b.x0, (b.y0 + y) * grid.width + b.x0 + w), y * w);
  return { grid: { width: w, height: h, step: grid.step, z }, offsetX: b.x0, offsetY: b.y0 };
}
