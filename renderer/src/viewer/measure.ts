import type { Point } from './plane-geometry.ts';

/** The measurement tools of the viewer: a distance takes two points, an angle three (vertex in the middle). */
export const measureTools = ['distance', 'angle'] as const;
/** A measurement tool. */
export type MeasureTool = (typeof measureTools)[number];

/** How many points each tool needs. */
export const pointsNeeded: Readonly<Record<MeasureTool, number>> = { distance: 2, angle: 3 };

/** Distance between two image points in µm, given the lateral size of one pixel. */
export function distanceUm(a: Point, b: Point, pixelUm: number): number {
  return Math.hypot(b.x - a.x, b.y - a.y) * pixelUm;
}

/** The angle at vertex `v` between rays v→a and v→b, in degrees (0…180). */
export function angleDeg(a: Point, v: Point, b: Point): number {
  const a1 = Math.atan2(a.y - v.y, a.x - v.x);
  const a2 = Math.atan2(b.y - v.y, b.x - v.x);
  let d = Math.abs(a1 - a2) * (180 / Math.PI);
  if (d > 180) d = 360 - d;
  return d;
}

/** The finished measurement of a tool's points, as the value and unit a manual finding records. */
export function measure(tool: MeasureTool, points: readonly Point[], pixelUm: number): { readonly value: number; readonly unit: 'µm' | '°' } | null {
  if (points.length < pointsNeeded[tool]) return null;
  if (tool === 'distance') return { value: distanceUm(points[0]!, points[1]!, pixelUm), unit: 'µm' };
  return { value: angleDeg(points[0]!, points[1]!, points[2]!), unit: '°' };
}
