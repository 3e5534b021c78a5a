/** Bullet parameters as a request gives them (flat numbers) over bulletxtrctr's defaults, checked. */
import { defaultBulletParameters, type BulletParameters } from '../../../../native/bullet/bullet-params.ts';
import { DalelError } from '../../errors.ts';

/** Every numeric setting may be overridden; profileAxis stays 'auto' (a request carries numbers only). */
export function bulletParametersFrom(overrides: Readonly<Record<string, number>> = {}): BulletParameters {
  const numeric = Object.keys(defaultBulletParameters).filter((k) => k !== 'profileAxis');
  for (const [key, value] of Object.entries(overrides)) {
    if (!numeric.includes(key)) throw new DalelError('VALIDATION', `Unknown bullet parameter ${key}; known: ${numeric.join(', ')}.`, { field: `parameters.${key}` });
    const integer = key === 'landCount';
    if (!Number.isFinite(value) || value < 0 || (integer && (!Number.isInteger(value) || value < 1))) {
      throw new DalelError('VALIDATION', `Bullet parameter ${key} must be a ${integer ? 'positive integer' : 'non-negative number'}.`, { field: `parameters.${key}` });
    }
  }
  return { ...defaultBulletParameters, ...overrides };
}
