/** CMC parameters as a request gives them (flat numbers) turned into the comparison's settings, checked. */
import { defaultCmcParameters, type CmcParameters } from '../../../../native/cmc/cmc-params.ts';
import { DalelError } from '../../errors.ts';

/** The numbers a caller may override, with their allowed ranges. */
const ranges: Readonly<Record<string, readonly [number, number, boolean]>> = {
  cellsX: [1, 32, true],
  cellsY: [1, 32, true],
  maxMissingProportion: [0, 1, false],
  regionSideMultiplier: [1, 9, false],
  thetaMin: [-180, 180, false],
  thetaMax: [-180, 180, false],
  thetaStep: [0.1, 90, false],
  ccfThreshold: [-1, 1, false],
  thetaThreshold: [0, 180, false],
  translationThreshold: [0, 1000, false],
  cmcThreshold: [1, 1024, true],
};

/** cmcR's defaults with the caller's overrides; unknown names and out-of-range values are refused (VALIDATION). */
export function cmcParametersFrom(overrides: Readonly<Record<string, number>> = {}): CmcParameters {
  for (const [key, value] of Object.entries(overrides)) {
    const range = ranges[key];
    if (!range) throw new DalelError('VALIDATION', `Unknown CMC parameter ${key}; known: ${Object.keys(ranges).join(', ')}.`, { field: `parameters.${key}` });
    const [min, max, integer] = range;
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new DalelError('VALIDATION', `CMC parameter ${key} must be ${integer ? 'an integer ' : ''}between ${min} and ${max}.`, { field: `parameters.${key}` });
    }
  }
  const { thetaMin, thetaMax, thetaStep, ...rest } = overrides;
  const defaults = defaultCmcParameters.thetas;
  const lo = thetaMin ?? defaults[0]!;
  const hi = thetaMax ?? defaults[defaults.length - 1]!;
  const step = thetaStep ?? defaults[1]! - defaults[0]!;
  if (hi < lo) throw new DalelError('VALIDATION', 'thetaMax must not be below thetaMin.', { field: 'parameters.thetaMax' });
  const thetas = thetaMin === undefined && thetaMax === undefined && thetaStep === undefined ? defaults : Array.from({ length: Math.floor((hi - lo) / step + 1e-9) + 1 }, (_, i) => lo + i * step);
  return { ...defaultCmcParameters, ...rest, thetas };
}
