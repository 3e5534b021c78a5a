/**
 * The geometry of an expert's manual measurement (the viewer's distance and angle tools): the points placed on the
 * image and the pixel size decide the distance and the angle, so those values are derived, never free numbers. A
 * recorded or amended value that contradicts its own points is refused here, whichever client sends it.
 */
import type { Measurement } from '../../contract/index.ts';
import { DalelError } from '../errors.ts';

/** The measurement keys the viewer records (renderer/src/viewer/measure-panel.tsx). */
export const geometryKeys = { points: 'manual.points', pixelUm: 'manual.pixelUm', distance: 'manual.distance', angle: 'manual.angle' } as const;

/** An image point in pixels. */
export interface ImagePoint {
  readonly x: number;
  readonly y: number;
}

/** Distance between two image points in µm, given the lateral size of one pixel. */
export function distanceUm(a: ImagePoint, b: ImagePoint, pixelUm: number): number {
  return Math.hypot(b.x - a.x, b.y - a.y) * pixelUm;
}

/** The angle at vertex `v` between rays v→a and v→b, in degrees (0…180). */
export function angleDeg(a: ImagePoint, v: ImagePoint, b: ImagePoint): number {
  let d = Math.abs(Math.atan2(a.y - v.y, a.x - v.x) - Math.atan2(b.y - v.y, b.x - v.x)) * (180 / Math.PI);
  if (d > 180) d = 360 - d;
  return d;
}

/** Reads the recorded points ('[[x,y],…]' in image pixels), or null when the text is not such a list. */
export function parsePoints(value: Measurement['value'] | undefined): ImagePoint[] | null {
  if (typeof value !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const points: ImagePoint[] = [];
  for (const p of parsed) {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((c) => typeof c === 'number' && Number.isFinite(c))) return null;
    points.push({ x: p[0] as number, y: p[1] as number });
  }
  return points;
}

/**
 * The derived value of a distance or angle from its points and pixel size, with the tolerance a recorded value may
 * differ by: the viewer rounds the value (0.01 µm, 0.1°) and stores points rounded to 0.01 px.
 */
export function derivedValue(kind: 'distance' | 'angle', points: readonly ImagePoint[], pixelUm: number): { value: number; tolerance: number } | null {
  if (kind === 'distance') {
    if (points.length !== 2) return null;
    return { value: distanceUm(points[0]!, points[1]!, pixelUm), tolerance: 0.006 + 0.015 * pixelUm };
  }
  if (points.length !== 3) return null;
  const [a, v, b] = points as [ImagePoint, ImagePoint, ImagePoint];
  const shortest = Math.min(Math.hypot(a.x - v.x, a.y - v.y), Math.hypot(b.x - v.x, b.y - v.y));
  if (shortest === 0) return null;
  return { value: angleDeg(a, v, b), tolerance: 0.06 + (0.015 / shortest) * (180 / Math.PI) };
}

function refuse(where: string, message: string, reason: string, params: Record<string, string | number> = {}): DalelError {
  return new DalelError('BAD_INPUT', `${where}: ${message}`, { reason, ...params });
}

/**
 * Refuses a distance or angle whose value contradicts its own points and pixel size (BAD_INPUT, reason
 * 'geometry-mismatch' with the expected value), or whose geometry is missing or malformed. Other kinds, and
 * measurements without the viewer's keys, are not geometric and pass.
 */
export function checkGeometry(kind: string, measurements: readonly Measurement[], where: string): void {
  if (kind !== 'distance' && kind !== 'angle') return;
  const byKey = new Map(measurements.map((m) => [m.key, m]));
  const derived = byKey.get(kind === 'distance' ? geometryKeys.distance : geometryKeys.angle);
  const pointsM = byKey.get(geometryKeys.points);
  const pixelM = byKey.get(geometryKeys.pixelUm);
  if (!derived && !pointsM && !pixelM) return;
  if (!derived || !pointsM || !pixelM) throw refuse(where, `a ${kind} needs its value, its points and the pixel size together.`, 'geometry-missing');
  const points = parsePoints(pointsM.value);
  const pixelUm = pixelM.value;
  if (typeof pixelUm !== 'number' || !(pixelUm > 0) || !Number.isFinite(pixelUm)) throw refuse(where, 'the pixel size must be a positive number of µm.', 'geometry-malformed');
  const expected = points ? derivedValue(kind, points, pixelUm) : null;
  if (!expected) throw refuse(where, `a ${kind} needs ${kind === 'distance' ? 'two' : 'three distinct'} points given as [[x,y],…] in image pixels.`, 'geometry-malformed');
  if (typeof derived.value !== 'number' || Math.abs(derived.value - expected.value) > expected.tolerance) {
    const shown = Number(expected.value.toFixed(kind === 'distance' ? 2 : 1));
    throw refuse(where, `the ${kind} ${String(derived.value)} contradicts its points and pixel size, which give ${shown}; it is derived from them, so change the points or the pixel size instead.`, 'geometry-mismatch', { expected: shown });
  }
}
