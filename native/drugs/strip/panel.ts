/**
 * A drug-screening cassette described as data: its panels (one read window each, left to right as photographed, strips
 * upright), the drug and cut-off of each, where along the window its control and test lines lie (fractions of the
 * window's length from its top) and the assay format (competitive, as drug screens are: a visible test line means
 * negative; or sandwich: a visible test line means positive).
 */
import { badInput } from '../../input-error.ts';

/** One panel (strip) of a cassette. */
export interface Panel {
  readonly drug: string;
  readonly cutoffNgMl: number | null;
  readonly controlAt: number;
  readonly testAt: number;
  readonly format: 'competitive' | 'sandwich';
}

/** A cassette: its name and panels, left to right. */
export interface PanelDescription {
  readonly name: string;
  readonly panels: readonly Panel[];
}

/** Reads a cassette description (JSON); refusals name the file and the field. */
export function parsePanelDescription(text: string, fileName: string): PanelDescription {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badInput(fileName, 'panel-json', `the panel file is not JSON (${(error as Error).message})`);
  }
  const fail = (field: string, why: string): never => { throw badInput(fileName, 'panel-field', `${field}: ${why}`, { column: field }); };
  if (typeof raw !== 'object' || raw === null) return fail('(top level)', 'expected an object');
  const object = raw as Record<string, unknown>;
  const name = typeof object.name === 'string' && object.name.trim() !== '' ? object.name : fail('name', 'expected text');
  if (!Array.isArray(object.panels) || object.panels.length === 0) return fail('panels', 'expected a non-empty list');
  const panels = object.panels.map((entry: unknown, i): Panel => {
    const field = `panels[${i}]`;
    if (typeof entry !== 'object' || entry === null) return fail(field, 'expected an object');
    const p = entry as Record<string, unknown>;
    const fraction = (key: string): number => {
      const v = p[key];
      return typeof v === 'number' && v > 0 && v < 1 ? v : fail(`${field}.${key}`, 'expected a number between 0 and 1 (fraction of the window from its top)');
    };
    const drug = typeof p.drug === 'string' && p.drug.trim() !== '' ? p.drug : fail(`${field}.drug`, 'expected text');
    const cutoff = p.cutoffNgMl === undefined ? null : typeof p.cutoffNgMl === 'number' && p.cutoffNgMl > 0 ? p.cutoffNgMl : fail(`${field}.cutoffNgMl`, 'expected a positive number');
    const format = p.format === undefined ? 'competitive' : p.format === 'competitive' || p.format === 'sandwich' ? p.format : fail(`${field}.format`, 'expected "competitive" or "sandwich"');
    const controlAt = fraction('controlAt');
    const testAt = fraction('testAt');
    if (Math.abs(controlAt - testAt) < 0.1) fail(field, 'the control and test lines must be at least 0.1 of the window apart');
    return { drug, cutoffNgMl: cutoff, controlAt, testAt, format };
  });
  return { name, panels };
}
