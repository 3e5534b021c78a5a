/** Height maps drawn for the viewer (relief or false colour) with what a scale bar needs. */
import type { ResponseOf, surfaceStyles } from '../../contract.ts';
import { encodePng, renderSurface } from '../../../native/surface/render.ts';
import { gridFromX3p } from '../../../native/surface/height-grid.ts';
import { readX3p } from '../../../native/x3p/x3p-read.ts';

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
