/**
 * Data sanity checks of the ballistics methods, run on each surface before anything is compared. They refuse what the
 * methods were never validated on (a page of paper, a flat or empty scan, an implausible scale) or warn about what is
 * marginal; they never conclude anything about the evidence.
 */
import type { HeightGrid } from '../../../../native/surface/height-grid.ts';
import { surfaceFacts } from '../../../../native/surface/surface-sanity.ts';
import { badInput } from '../../errors.ts';
import type { SurfaceSource } from './surface-input.ts';

/** Limits the checks apply; every one is stated in the refusal it causes. */
export const sanityLimits = {
  /** Lateral pixel sizes of breech-face and land scans the methods were validated on, µm (NIST/CSAFE scans: 0.6–6.25). */
  pixelUm: { min: 0.05, max: 50 },
  /** Below this fraction of valid points a surface is refused; below `warnValid` it is compared with a warning. */
  minValid: 0.05,
  warnValid: 0.2,
  /** Height range of a topography scan, µm: flatter is no surface at all, deeper is no breech face or land. */
  rangeUm: { min: 0.05, max: 5000 },
  /** Over this fraction of points on one level the item is mostly a flat background (paper, a saturated image). */
  maxFlat: 0.5,
} as const;

/** What the checks found that does not refuse the run: recorded with the result. */
export interface SanityReport {
  readonly warnings: readonly string[];
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Refuses (BAD_INPUT naming the file) or returns warnings for one surface of a ballistics comparison. */
export function checkSanity(source: SurfaceSource, grid: HeightGrid, method: 'cartridge-case' | 'bullet-land'): SanityReport {
  const facts = surfaceFacts(grid);
  const { pixelUm, minValid, warnValid, rangeUm, maxFlat } = sanityLimits;
  const warnings: string[] = [];
  if (!(facts.pixelUm >= pixelUm.min && facts.pixelUm <= pixelUm.max)) {
    throw badInput(source.name, 'implausible-pixel-size', `its pixel size of ${facts.pixelUm.toPrecision(3)} µm is outside the ${pixelUm.min}–${pixelUm.max} µm the ${method} method was validated on`);
  }
  if (facts.validFraction < minValid) {
    throw badInput(source.name, 'too-many-missing', `only ${pct(facts.validFraction)} of its points have a value; at least ${pct(minValid)} are needed`);
  }
  if (facts.validFraction < warnValid) warnings.push(`${source.name}: only ${pct(facts.validFraction)} of the points have a value`);
  if (source.kind === 'x3p') {
    const range = (facts.maxM - facts.minM) * 1e6;
    if (!(range >= rangeUm.min && range <= rangeUm.max)) {
      throw badInput(source.name, 'implausible-heights', `its heights span ${range.toPrecision(3)} µm, outside the ${rangeUm.min}–${rangeUm.max} µm of a ${method} topography`);
    }
  }
  if (facts.flatFraction > maxFlat) {
    throw badInput(
      source.name,
      'flat-background',
      `${pct(facts.flatFraction)} of it lies on one level (a flat background such as paper or a saturated image), so it shows no ${method} marks to compare`,
    );
  }
  return { warnings };
}
