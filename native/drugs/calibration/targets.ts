/**
 * Colour reference targets as data: the X-Rite/Calibrite ColorChecker Classic (24 patches) and custom targets read
 * from a JSON description. A target is a grid of square patches on a dark card; its geometry is given in units of the
 * patch pitch so that detection and sampling need nothing else.
 */
import { badInput } from '../../input-error.ts';
import { srgb8ToLab, type Triple } from '../colour/spaces.ts';

/** One reference patch: its name and its CIELAB (D65) value. */
export interface TargetPatch {
  readonly name: string;
  readonly lab: Triple;
}

/** A reference target: a rows×cols grid of patches (row-major, top-left first, as the target is meant to be read). */
export interface TargetDescription {
  readonly id: string;
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** Patch side as a fraction of the pitch (the rest is the dark gap). */
  readonly patchSize: number;
  /** Dark border around the grid, in pitches. */
  readonly margin: number;
  readonly patches: readonly TargetPatch[];
  /** Where the reference values come from. */
  readonly source: string;
}

/**
 * The ColorChecker Classic's published sRGB (D65) values, 8-bit, row-major from "dark skin" to "black": the values
 * X-Rite/Calibrite publish for the post-November-2014 charts (the sRGB rendering of their measured CIELAB D50 data).
 */
const CLASSIC_SRGB: ReadonlyArray<readonly [string, number, number, number]> = [
  ['dark skin', 115, 82, 68], ['light skin', 194, 150, 130], ['blue sky', 98, 122, 157], ['foliage', 87, 108, 67],
  ['blue flower', 133, 128, 177], ['bluish green', 103, 189, 170], ['orange', 214, 126, 44], ['purplish blue', 80, 91, 166],
  ['moderate red', 193, 90, 99], ['purple', 94, 60, 108], ['yellow green', 157, 188, 64], ['orange yellow', 224, 163, 46],
  ['blue', 56, 61, 150], ['green', 70, 148, 73], ['red', 175, 54, 60], ['yellow', 231, 199, 31],
  ['magenta', 187, 86, 149], ['cyan', 8, 133, 161], ['white 9.5', 243, 243, 242], ['neutral 8', 200, 200, 200],
  ['neutral 6.5', 160, 160, 160], ['neutral 5', 122, 122, 121], ['neutral 3.5', 85, 85, 85], ['black 2', 52, 52, 52],
];

/** The X-Rite/Calibrite ColorChecker Classic (4 × 6 patches). */
export const COLORCHECKER_CLASSIC: TargetDescription = {
  id: 'colorchecker-classic',
  name: 'X-Rite/Calibrite ColorChecker Classic',
  rows: 4,
  cols: 6,
  patchSize: 0.8,
  margin: 0.3,
  patches: CLASSIC_SRGB.map(([name, r, g, b]) => ({ name, lab: srgb8ToLab(r, g, b) })),
  source: 'X-Rite/Calibrite ColorChecker Classic published sRGB (D65) values, converted to CIELAB D65',
};

/** Card width and height in pitches. */
export function targetSize(target: TargetDescription): { width: number; height: number } {
  return { width: target.cols + 2 * target.margin, height: target.rows + 2 * target.margin };
}

/** Centre of patch `index` in card units (pitches from the card's top-left corner). */
export function patchCentre(target: TargetDescription, index: number): { x: number; y: number } {
  const row = Math.floor(index / target.cols);
  const col = index % target.cols;
  return { x: target.margin + col + 0.5, y: target.margin + row + 0.5 };
}

function parseHex(hex: string): Triple | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return match ? srgb8ToLab(parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)) : null;
}

/**
 * Reads a custom target from JSON: `{ id, name, rows, cols, patchSize?, margin?, source?, patches: [{ name, lab: [L,a,b] }
 * or { name, srgb: "#RRGGBB" }] }`. Every refusal names the file and the field.
 */
export function parseTargetDescription(text: string, fileName: string): TargetDescription {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badInput(fileName, 'target-json', `the target description is not JSON (${(error as Error).message})`);
  }
  const fail = (field: string, why: string): never => { throw badInput(fileName, 'target-field', `${field}: ${why}`, { column: field }); };
  if (typeof raw !== 'object' || raw === null) return fail('(top level)', 'expected an object');
  const object = raw as Record<string, unknown>;
  const positiveInt = (field: string): number => {
    const value = object[field];
    return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 50 ? value : fail(field, 'expected a whole number from 1 to 50');
  };
  const fraction = (field: string, fallback: number, max: number): number => {
    const value = object[field] ?? fallback;
    return typeof value === 'number' && value > 0 && value <= max ? value : fail(field, `expected a number above 0 and at most ${max}`);
  };
  const text_ = (field: string, fallback?: string): string => {
    const value = object[field] ?? fallback;
    return typeof value === 'string' && value.trim() !== '' ? value : fail(field, 'expected text');
  };
  const rows = positiveInt('rows');
  const cols = positiveInt('cols');
  const list = object.patches;
  if (!Array.isArray(list)) return fail('patches', 'expected a list');
  if (list.length !== rows * cols) fail('patches', `expected ${rows * cols} patches (rows × cols), found ${list.length}`);
  const patches = list.map((entry: unknown, i): TargetPatch => {
    const field = `patches[${i}]`;
    if (typeof entry !== 'object' || entry === null) return fail(field, 'expected an object');
    const patch = entry as Record<string, unknown>;
    const name = typeof patch.name === 'string' ? patch.name : `patch ${i + 1}`;
    if (Array.isArray(patch.lab)) {
      const lab = patch.lab;
      if (lab.length === 3 && lab.every((v) => typeof v === 'number' && Number.isFinite(v)) && lab[0] >= 0 && lab[0] <= 100) {
        return { name, lab: [lab[0], lab[1], lab[2]] as Triple };
      }
      return fail(`${field}.lab`, 'expected three numbers L* (0…100), a*, b*');
    }
    if (typeof patch.srgb === 'string') return { name, lab: parseHex(patch.srgb) ?? fail(`${field}.srgb`, 'expected "#RRGGBB"') };
    return fail(field, 'expected "lab": [L, a, b] or "srgb": "#RRGGBB"');
  });
  return {
    id: text_('id'),
    name: text_('name'),
    rows,
    cols,
    patchSize: fraction('patchSize', 0.8, 1),
    margin: fraction('margin', 0.3, 5),
    patches,
    source: text_('source', fileName),
  };
}
