/** Height maps drawn for the viewer (relief or false colour) with what a scale bar needs. */
import type { ResponseOf, surfaceStyles } from '../../../contract/index.ts';
import { encodePng, renderSurface } from '../../../../native/surface/render.ts';
import { gridFromX3p } from '../../../../native/surface/height-grid.ts';
import { readX3p } from '../../../../native/x3p/x3p-read.ts';

/** How a surface is drawn. */
export type SurfaceStyle = (typeof surfaceStyles)[number];
/** A drawn surface. */
export type SurfaceImage = ResponseOf<'evidence.surface'>;

/** Reads an X3P and draws it; the image may be downsampled, so its pixel size is the drawn one. */
export function renderX3p(name: string, bytes: Uint8Array, style: SurfaceStyle): SurfaceImage {
  const grid = gridFromX3p(readX3p(name, bytes));
  const drawn = renderSurface(grid, { mode: style === 'relief' ? 'relief' : 'false-colour' });
  return {
    png: encodePng(drawn),
    width: drawn.width,
    height: drawn.height,
    pixelUm: (grid.step * 1e6 * Math.max(grid.width, grid.height)) / Math.max(drawn.width, drawn.height),
    zMinUm: drawn.zMinUm,
    zMaxUm: drawn.zMaxUm,
  };
}

/** How many drawn surfaces are kept: a few comparisons in both styles. */
const cacheCapacity = 16;
const drawnCache = new Map<string, SurfaceImage>();

/**
 * `renderX3p`, remembered by the scan's SHA-256 and the style: the bytes behind a hash never change, so reopening a
 * comparison or switching relief/false colour back costs nothing instead of a decode and a redraw (~100–300 ms each).
 * `read` is called only on a miss. Least recently used entries go first.
 */
export function renderX3pCached(name: string, sha256: string, read: () => Uint8Array, style: SurfaceStyle): SurfaceImage {
  const key = `${sha256}:${style}`;
  const hit = drawnCache.get(key);
  if (hit) {
    drawnCache.delete(key);
    drawnCache.set(key, hit);
    return hit;
  }
  const drawn = renderX3p(name, read(), style);
  drawnCache.set(key, drawn);
  if (drawnCache.size > cacheCapacity) drawnCache.delete(drawnCache.keys().next().value!);
  return drawn;
}
