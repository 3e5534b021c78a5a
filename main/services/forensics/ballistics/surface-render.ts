/** Height maps and 2D images drawn for the viewer (relief or false colour) with what a scale bar needs. */
import type { EvidenceKind, ResponseOf, surfaceStyles } from '../../../contract/index.ts';
import { badInput } from '../../errors.ts';
import { encodePng, renderIntensity, renderSurface } from '../../../../native/surface/render.ts';
import { gridFromX3p } from '../../../../native/surface/height-grid.ts';
import { gridFromImage, readX3p } from '../../native-input.ts';

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

/** The longest side an image is shown at in the large view: enough to inspect marks, small enough to send quickly. */
const imageMaxSide = 2048;

/**
 * Reads a PNG, JPEG or TIFF (8 or 16 bit) and draws its intensities the way the comparisons see them (grey levels;
 * colour images by luma). An image carries no height and no trustworthy lateral scale: both are null, and the viewer
 * shows no height range, and a scale bar only where the pixel size is known (`pixelUm`, e.g. declared by the expert).
 */
export function renderImage(name: string, bytes: Uint8Array, style: SurfaceStyle, pixelUm: number | null = null): SurfaceImage {
  // The pixel size only labels the scale; drawing works in pixels, so any positive value reads the file the same.
  const { grid } = gridFromImage(name, bytes, { pixelSizeUm: pixelUm ?? 1, fullScaleM: 1 });
  const drawn = renderIntensity(grid, 1, { mode: style === 'relief' ? 'relief' : 'false-colour', maxSide: imageMaxSide });
  return {
    png: encodePng(drawn),
    width: drawn.width,
    height: drawn.height,
    pixelUm: pixelUm === null ? null : (pixelUm * Math.max(grid.width, grid.height)) / Math.max(drawn.width, drawn.height),
    zMinUm: null,
    zMaxUm: null,
  };
}

/** Draws an evidence file of any viewable kind; a PDF (or anything else) is refused naming the file. */
export function renderEvidence(name: string, kind: EvidenceKind, bytes: Uint8Array, style: SurfaceStyle): SurfaceImage {
  if (kind === 'x3p') return renderX3p(name, bytes, style);
  if (kind === 'png' || kind === 'jpeg' || kind === 'tiff') return renderImage(name, bytes, style);
  throw badInput(name, 'not-viewable', `a ${kind.toUpperCase()} document has no surface or image to draw; open it from the evidence list instead`);
}

/** How many drawn surfaces are kept: a few comparisons in both styles. */
const cacheCapacity = 16;
const drawnCache = new Map<string, SurfaceImage>();

/**
 * `draw`, remembered by the file's SHA-256 and the style: the bytes behind a hash never change, so reopening a
 * comparison or switching relief/false colour back costs nothing instead of a decode and a redraw (~100–300 ms each).
 * `draw` is called only on a miss. Least recently used entries go first.
 */
function cached(sha256: string, style: SurfaceStyle, draw: () => SurfaceImage): SurfaceImage {
  const key = `${sha256}:${style}`;
  const hit = drawnCache.get(key);
  if (hit) {
    drawnCache.delete(key);
    drawnCache.set(key, hit);
    return hit;
  }
  const drawn = draw();
  drawnCache.set(key, drawn);
  if (drawnCache.size > cacheCapacity) drawnCache.delete(drawnCache.keys().next().value!);
  return drawn;
}

/** `renderX3p` through the cache; `read` is called only on a miss. */
export function renderX3pCached(name: string, sha256: string, read: () => Uint8Array, style: SurfaceStyle): SurfaceImage {
  return cached(sha256, style, () => renderX3p(name, read(), style));
}

/** `renderEvidence` through the cache; `read` is called only on a miss. */
export function renderEvidenceCached(item: { readonly name: string; readonly kind: EvidenceKind; readonly sha256: string }, read: () => Uint8Array, style: SurfaceStyle): SurfaceImage {
  return cached(item.sha256, style, () => renderEvidence(item.name, item.kind, read(), style));
}
