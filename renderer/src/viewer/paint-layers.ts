import type { CartridgeComparisonResult } from '../../../main/contract/index.ts';
import type { PaneSurface } from './decoded-surface.ts';
import type { Point } from './plane-geometry.ts';

/** A canvas matrix [a, b, c, d, e, f]. */
export type Matrix = readonly [number, number, number, number, number, number];

/** A CMC cell as the service sends it: its registration, score, whether it is congruent, and its outline on both surfaces. */
export type DrawnCell = CartridgeComparisonResult['aToB']['cells'][number];

/** Colours of the overlays, chosen to stay visible on both relief (grey) and false colour. */
export const overlayColours = { congruent: '#00e676', other: 'rgba(255, 255, 255, 0.35)', hovered: '#ffea00', measure: '#ff4081' } as const;

/** Draws a surface's picture in the image frame, optionally through a registration matrix (B aligned onto A). */
export function drawSurface(ctx: CanvasRenderingContext2D, surface: PaneSurface | null, matrix?: Matrix): void {
  if (!surface?.picture) return;
  if (!matrix) {
    ctx.drawImage(surface.picture, 0, 0, surface.width, surface.height);
    return;
  }
  ctx.save();
  ctx.transform(...matrix);
  ctx.drawImage(surface.picture, 0, 0, surface.width, surface.height);
  ctx.restore();
}

function polygon(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.closePath();
}

/** The outline of a cell on a pane, as the service computed it: the reference rectangle on A, the registered quad on B. */
export function cellOutline(cell: DrawnCell, pane: 'a' | 'b'): readonly Point[] {
  return pane === 'a' ? cell.outline.reference : cell.outline.target;
}

/**
 * Draws CMC cells: congruent ones in one strong colour, the others dimmed, the hovered one highlighted. Line widths
 * are divided by the zoom so outlines stay one to two screen pixels wide.
 */
export function drawCells(
  ctx: CanvasRenderingContext2D,
  cells: readonly DrawnCell[],
  pane: 'a' | 'b',
  scale: number,
  hovered: DrawnCell | null,
): void {
  ctx.save();
  for (const cell of cells) {
    const isHovered = cell === hovered;
    ctx.strokeStyle = isHovered ? overlayColours.hovered : cell.congruent ? overlayColours.congruent : overlayColours.other;
    ctx.lineWidth = (isHovered || cell.congruent ? 2 : 1) / scale;
    polygon(ctx, cellOutline(cell, pane));
    ctx.stroke();
  }
  ctx.restore();
}

/** Draws the points of a measurement in progress or finished, joined in order. */
export function drawMeasure(ctx: CanvasRenderingContext2D, points: readonly Point[], scale: number): void {
  if (points.length === 0) return;
  ctx.save();
  ctx.strokeStyle = overlayColours.measure;
  ctx.fillStyle = overlayColours.measure;
  ctx.lineWidth = 2 / scale;
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.stroke();
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, 4 / scale, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
}
