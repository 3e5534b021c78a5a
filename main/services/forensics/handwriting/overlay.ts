/**
 * The overlay PNG of a profiled page for the viewer and the lab report: the page faded to light grey, each graph's
 * skeleton drawn in its cluster's colour and its box outlined in the same colour, so an examiner sees which shapes
 * were counted where.
 */
import { PNG } from 'pngjs';
import { handwritingClusterColour } from '../../../contract/index.ts';
import type { GreyPage } from '../../../../native/handwriting/page-image.ts';
import type { ProfiledGraph } from '../../../../native/handwriting/profile.ts';

/** Draws the overlay of a page from its grey pixels and its graphs. */
export function handwritingOverlayPng(page: GreyPage, graphs: readonly ProfiledGraph[]): Uint8Array {
  const { width, height } = page;
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    // Fade the page so the coloured strokes stand out: ink becomes mid grey, paper stays white.
    const g = Math.round(255 * (0.55 + 0.45 * Math.min(1, Math.max(0, page.grey[i]!))));
    png.data[4 * i] = g;
    png.data[4 * i + 1] = g;
    png.data[4 * i + 2] = g;
    png.data[4 * i + 3] = 255;
  }
  const put = (x: number, y: number, colour: readonly [number, number, number]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = 4 * (y * width + x);
    png.data[o] = colour[0];
    png.data[o + 1] = colour[1];
    png.data[o + 2] = colour[2];
  };
  for (const graph of graphs) {
    const colour = handwritingClusterColour(graph.cluster);
    const [bx, by, bw, bh] = graph.bbox;
    for (let x = bx - 1; x <= bx + bw; x++) {
      put(x, by - 1, colour);
      put(x, by + bh, colour);
    }
    for (let y = by - 1; y <= by + bh; y++) {
      put(bx - 1, y, colour);
      put(bx + bw, y, colour);
    }
    for (let k = 0; k < graph.skeleton.length; k += 2) {
      const x = graph.skeleton[k]!;
      const y = graph.skeleton[k + 1]!;
      put(x, y, colour);
      put(x + 1, y, colour);
      put(x, y + 1, colour);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}
