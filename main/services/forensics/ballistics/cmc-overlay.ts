/**
 * The overlay attached to a CMC finding: both processed surfaces side by side as grey relief, A's cells outlined where
 * they sit and, on B, where they registered (rotated by θ, shifted by Δx/Δy). Congruent cells in green, the others in
 * dim red, so an expert sees at a glance which parts of the breech face agree.
 */
import { PNG } from 'pngjs';
import type { CmcDirectionResult } from '../../../../native/cmc/cmc-compare.ts';
import type { HeightGrid } from '../../../../native/surface/height-grid.ts';

type Rgb = readonly [number, number, number];
const congruentColour: Rgb = [40, 200, 70];
const otherColour: Rgb = [170, 60, 60];
const gap = 12;

/** Heights scaled between their 1st and 99th percentiles (robust to spikes); missing points drawn dark blue. */
function drawGrey(png: PNG, grid: HeightGrid, left: number): void {
  const values = Array.from(grid.z).filter((v) => v === v).sort((a, b) => a - b);
  const lo = values[Math.floor(values.length * 0.01)] ?? 0;
  const hi = values[Math.floor(values.length * 0.99)] ?? 1;
  const span = hi > lo ? hi - lo : 1;
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const v = grid.z[y * grid.width + x]!;
      const o = (y * png.width + left + x) * 4;
      if (v !== v) {
        png.data[o] = 20;
        png.data[o + 1] = 24;
        png.data[o + 2] = 60;
      } else {
        const g = Math.round(255 * Math.min(1, Math.max(0, (v - lo) / span)));
        png.data[o] = g;
        png.data[o + 1] = g;
        png.data[o + 2] = g;
      }
      png.data[o + 3] = 255;
    }
  }
}

function dot(png: PNG, x: number, y: number, colour: Rgb, minX: number, maxX: number): void {
  for (let j = -1; j <= 0; j++) {
    for (let i = -1; i <= 0; i++) {
      const px = Math.round(x) + i;
      const py = Math.round(y) + j;
      if (px < minX || px >= maxX || py < 0 || py >= png.height) continue;
      const o = (py * png.width + px) * 4;
      png.data[o] = colour[0];
      png.data[o + 1] = colour[1];
      png.data[o + 2] = colour[2];
    }
  }
}

function line(png: PNG, a: readonly [number, number], b: readonly [number, number], colour: Rgb, minX: number, maxX: number): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1])));
  for (let s = 0; s <= steps; s++) dot(png, a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps, colour, minX, maxX);
}

function polygon(png: PNG, corners: ReadonlyArray<readonly [number, number]>, colour: Rgb, minX: number, maxX: number): void {
  corners.forEach((c, i) => line(png, c, corners[(i + 1) % corners.length]!, colour, minX, maxX));
}

/** Draws one direction's cells (reference on the left, target on the right) as a PNG. */
export function cmcOverlayPng(reference: HeightGrid, target: HeightGrid, direction: CmcDirectionResult): Uint8Array {
  const width = reference.width + gap + target.width;
  const height = Math.max(reference.height, target.height);
  const png = new PNG({ width, height });
  png.data.fill(255);
  drawGrey(png, reference, 0);
  const right = reference.width + gap;
  drawGrey(png, target, right);
  // Non-congruent first so that congruent outlines are drawn on top where they touch.
  const cells = [...direction.cells].sort((a, b) => Number(a.congruent) - Number(b.congruent));
  for (const c of cells) {
    const colour = c.congruent ? congruentColour : otherColour;
    // The outlines native/cmc computed with the comparison, the same polygons the viewer draws.
    polygon(png, c.outline.reference.map((p) => [p.x, p.y] as const), colour, 0, reference.width);
    polygon(png, c.outline.target.map((p) => [p.x + right, p.y] as const), colour, right, width);
  }
  return new Uint8Array(PNG.sync.write(png));
}
