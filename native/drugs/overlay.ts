/**
 * Overlay pictures for the lab report: the photo (downscaled) with the target's sampled patches outlined (green when
 * the patch is corrected within 2 ΔE2000, orange otherwise), the wells or read windows outlined, and a band of swatches
 * under it: for each assigned well, its raw colour, its corrected colour and the best candidate's expected colour.
 */
import { labToSrgb8, type Triple } from './colour/spaces.ts';
import { downscale, encodePng, type RgbaImage } from './image/rgba-image.ts';

/** A square outline (centre and side, photo pixels) with a colour. */
export interface OverlaySquare { readonly x: number; readonly y: number; readonly side: number; readonly ok: boolean }
/** A circle outline (photo pixels). */
export interface OverlayCircle { readonly x: number; readonly y: number; readonly radius: number }
/** A box outline (photo pixels). */
export interface OverlayBox { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly ok: boolean }
/** One row of swatches, left to right. */
export type SwatchRow = readonly Triple[];

const GREEN = [40, 200, 80] as const;
const ORANGE = [255, 140, 0] as const;
const CYAN = [0, 200, 255] as const;
const WIDTH = 1200;

function put(image: { width: number; height: number; data: Uint8Array }, x: number, y: number, rgb: readonly number[]): void {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= image.width || py >= image.height) return;
  const p = (py * image.width + px) * 4;
  image.data[p] = rgb[0]!;
  image.data[p + 1] = rgb[1]!;
  image.data[p + 2] = rgb[2]!;
  image.data[p + 3] = 255;
}

function rectangle(image: { width: number; height: number; data: Uint8Array }, x0: number, y0: number, x1: number, y1: number, rgb: readonly number[], thickness = 2): void {
  for (let t = 0; t < thickness; t += 1) {
    for (let x = x0; x <= x1; x += 1) { put(image, x, y0 + t, rgb); put(image, x, y1 - t, rgb); }
    for (let y = y0; y <= y1; y += 1) { put(image, x0 + t, y, rgb); put(image, x1 - t, y, rgb); }
  }
}

/** Draws the overlay (see the file comment) and returns it as PNG bytes. */
export function drawOverlay(photo: RgbaImage, shapes: { squares: readonly OverlaySquare[]; circles: readonly OverlayCircle[]; boxes: readonly OverlayBox[] }, swatches: readonly SwatchRow[]): Uint8Array {
  const factor = Math.max(1, Math.ceil(photo.width / WIDTH));
  const small = downscale(photo, factor);
  const swatchSize = 28;
  const bandHeight = swatches.length > 0 ? swatches.length * (swatchSize + 4) + 8 : 0;
  const out = { width: small.width, height: small.height + bandHeight, data: new Uint8Array(small.width * (small.height + bandHeight) * 4).fill(255) };
  out.data.set(small.data.subarray(0, small.width * small.height * 4));
  const s = (v: number): number => v / factor;
  for (const q of shapes.squares) rectangle(out, s(q.x - q.side / 2), s(q.y - q.side / 2), s(q.x + q.side / 2), s(q.y + q.side / 2), q.ok ? GREEN : ORANGE);
  for (const b of shapes.boxes) rectangle(out, s(b.x), s(b.y), s(b.x + b.width), s(b.y + b.height), b.ok ? GREEN : ORANGE);
  for (const c of shapes.circles) {
    const r = s(c.radius);
    const steps = Math.max(24, Math.ceil(2 * Math.PI * r));
    for (let k = 0; k < steps; k += 1) {
      const angle = (2 * Math.PI * k) / steps;
      for (let t = 0; t < 2; t += 1) put(out, s(c.x) + (r + t) * Math.cos(angle), s(c.y) + (r + t) * Math.sin(angle), CYAN);
    }
  }
  swatches.forEach((row, i) => {
    const y0 = small.height + 6 + i * (swatchSize + 4);
    row.forEach((colour, j) => {
      const rgb = labToSrgb8(colour);
      const x0 = 8 + j * (swatchSize + 6);
      for (let y = y0; y < y0 + swatchSize; y += 1) for (let x = x0; x < x0 + swatchSize; x += 1) put(out, x, y, rgb);
    });
  });
  return encodePng(out);
}
