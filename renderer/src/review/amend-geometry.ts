import type { Finding, Measurement } from '../../../main/contract/index.ts';
import { angleDeg, distanceUm } from '../viewer/measure.ts';

/** The keys of a manual measurement's geometry, as the viewer records them (measure-panel.tsx). */
const keys = { points: 'manual.points', pixelUm: 'manual.pixelUm', distance: 'manual.distance', angle: 'manual.angle' } as const;

/** A manual distance or angle as typed fields: its points (image pixels) and pixel size, as the expert edits them. */
export interface GeometryFields {
  readonly kind: 'distance' | 'angle';
  readonly derivedKey: string;
  readonly points: ReadonlyArray<{ readonly x: string; readonly y: string }>;
  readonly pixelUm: string;
}

function parseNumber(text: string): number | null {
  const n = Number(text.replace(',', '.').trim());
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
}

/** The geometry of a manual distance or angle finding, or null when the finding has none (its values are typed as they are). */
export function geometryOf(finding: Finding): GeometryFields | null {
  if (finding.module !== 'manual' || (finding.kind !== 'distance' && finding.kind !== 'angle')) return null;
  const byKey = new Map(finding.measurements.map((m) => [m.key, m.value]));
  const derivedKey = finding.kind === 'distance' ? keys.distance : keys.angle;
  const pointsText = byKey.get(keys.points);
  const pixelUm = byKey.get(keys.pixelUm);
  if (!byKey.has(derivedKey) || typeof pointsText !== 'string' || typeof pixelUm !== 'number') return null;
  try {
    const parsed: unknown = JSON.parse(pointsText);
    if (!Array.isArray(parsed) || !parsed.every((p) => Array.isArray(p) && p.length === 2 && p.every((c) => typeof c === 'number'))) return null;
    return { kind: finding.kind, derivedKey, points: (parsed as Array<[number, number]>).map(([x, y]) => ({ x: String(x), y: String(y) })), pixelUm: String(pixelUm) };
  } catch {
    return null;
  }
}

/** The value the points and pixel size give (µm or degrees, rounded as the viewer records it), or null when they give none. */
export function derivedValue(fields: GeometryFields): number | null {
  const points = fields.points.map((p) => ({ x: parseNumber(p.x), y: parseNumber(p.y) }));
  const pixelUm = parseNumber(fields.pixelUm);
  if (points.some((p) => p.x === null || p.y === null) || pixelUm === null || pixelUm <= 0) return null;
  const xy = points as Array<{ x: number; y: number }>;
  if (fields.kind === 'distance') return xy.length === 2 ? Number(distanceUm(xy[0]!, xy[1]!, pixelUm).toFixed(2)) : null;
  if (xy.length !== 3 || (xy[0]!.x === xy[1]!.x && xy[0]!.y === xy[1]!.y) || (xy[2]!.x === xy[1]!.x && xy[2]!.y === xy[1]!.y)) return null;
  return Number(angleDeg(xy[0]!, xy[1]!, xy[2]!).toFixed(1));
}

/** The finding's measurements with the edited geometry and the value recomputed from it; null while a field is invalid. */
export function geometryMeasurements(finding: Finding, fields: GeometryFields): Measurement[] | null {
  const value = derivedValue(fields);
  const pixelUm = parseNumber(fields.pixelUm);
  if (value === null || pixelUm === null) return null;
  const points = JSON.stringify(fields.points.map((p) => [Number(parseNumber(p.x)!.toFixed(2)), Number(parseNumber(p.y)!.toFixed(2))]));
  return finding.measurements.map((m) => {
    if (m.key === fields.derivedKey) return { ...m, value };
    if (m.key === keys.points) return { ...m, value: points };
    if (m.key === keys.pixelUm) return { ...m, value: pixelUm };
    return m;
  });
}
