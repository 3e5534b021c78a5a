/**
 * A bullet-land scan seen as a stack of profiles: each profile runs across the land (across the striae), one per
 * height along the bullet, counted from the heel. Heights and steps are in µm.
 */
import type { X3pSurface } from '../x3p/x3p-types.ts';

/** A profile on a regular grid: heights in µm, NaN where the scanner recorded nothing. */
export interface Profile {
  readonly stepUm: number;
  readonly values: Float64Array;
}

/** A land scan as profiles across the land, indexed by height from the heel. */
export interface LandProfiles {
  /** Which file axis each profile runs along. */
  readonly profileAxis: 'x' | 'y';
  /** Whether height 0 is the file's last row/column on the other axis (the heel lies at that end). */
  readonly heelAtEnd: boolean;
  readonly count: number;
  readonly length: number;
  readonly stepUm: number;
  readonly heightStepUm: number;
  /** The profile at height index `k` from the heel (a fresh array). */
  profile(k: number): Float64Array;
}

const umPerUnit = (surface: X3pSurface) => (surface.header.unit === 'um' ? 1 : 1e6);

/** Mean |Δz| between neighbours along x and along y (sampled), to tell the striae's direction. */
function meanSteps(surface: X3pSurface): { alongX: number; alongY: number } {
  const { width, height, z } = surface;
  let sx = 0, nx = 0, sy = 0, ny = 0;
  const strideY = Math.max(1, Math.floor(height / 200));
  const strideX = Math.max(1, Math.floor(width / 200));
  for (let y = 0; y + 1 < height; y += strideY) {
    for (let x = 0; x + 1 < width; x += strideX) {
      const v = z[y * width + x]!;
      const r = z[y * width + x + 1]!;
      const d = z[(y + 1) * width + x]!;
      if (v === v && r === r) { sx += Math.abs(r - v); nx++; }
      if (v === v && d === d) { sy += Math.abs(d - v); ny++; }
    }
  }
  return { alongX: nx ? sx / nx : 0, alongY: ny ? sy / ny : 0 };
}

/**
 * Views a land scan as profiles. With `axis` 'auto' the profile runs along the axis where neighbouring heights differ
 * most (across the striae; along them the surface barely changes). The heel is the end whose outer 5 % of heights
 * misses more points (the bullet's base edge scans worst); bulletxtrctr starts its crosscut search there.
 */
export function landProfiles(surface: X3pSurface, axis: 'auto' | 'x' | 'y'): LandProfiles {
  const { width, height, z } = surface;
  const steps = axis === 'auto' ? meanSteps(surface) : null;
  const profileAxis: 'x' | 'y' = axis !== 'auto' ? axis : steps!.alongY > steps!.alongX ? 'y' : 'x';
  const scale = umPerUnit(surface);
  const count = profileAxis === 'y' ? width : height;
  const length = profileAxis === 'y' ? height : width;
  const at = (k: number, i: number) => (profileAxis === 'y' ? z[i * width + k]! : z[k * width + i]!);
  const missingAt = (k: number) => {
    let m = 0;
    for (let i = 0; i < length; i++) if (!(at(k, i) === at(k, i))) m++;
    return m;
  };
  const edge = Math.max(1, Math.round(count * 0.05));
  let first = 0, last = 0;
  for (let k = 0; k < edge; k++) {
    first += missingAt(k);
    last += missingAt(count - 1 - k);
  }
  const heelAtEnd = last > first;
  const incProfile = profileAxis === 'y' ? surface.header.y.increment : surface.header.x.increment;
  const incHeight = profileAxis === 'y' ? surface.header.x.increment : surface.header.y.increment;
  return {
    profileAxis,
    heelAtEnd,
    count,
    length,
    stepUm: incProfile * scale,
    heightStepUm: incHeight * scale,
    profile(k: number): Float64Array {
      const kk = heelAtEnd ? count - 1 - k : k;
      const out = new Float64Array(length);
      for (let i = 0; i < length; i++) out[i] = at(kk, i) * scale;
      return out;
    },
  };
}

/** Number of present (non-NaN) values. */
export function presentCount(values: Float64Array): number {
  let n = 0;
  for (const v of values) if (v === v) n++;
  return n;
}

/** First and one-past-last index of present values ([0, 0] when none). */
export function presentRange(values: Float64Array): [number, number] {
  let a = 0;
  while (a < values.length && !(values[a]! === values[a]!)) a++;
  let b = values.length;
  while (b > a && !(values[b - 1]! === values[b - 1]!)) b--;
  return [a, b];
}

/** Linear resampling of a profile to another step (NaN where either neighbour is missing). */
export function resample(profile: Profile, stepUm: number): Profile {
  if (Math.abs(profile.stepUm - stepUm) < 1e-9 * stepUm) return profile;
  const { values } = profile;
  const n = Math.max(1, Math.floor(((values.length - 1) * profile.stepUm) / stepUm) + 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = (i * stepUm) / profile.stepUm;
    const j = Math.floor(s);
    const f = s - j;
    const v0 = values[j]!;
    out[i] = f < 1e-9 ? v0 : v0 * (1 - f) + (values[j + 1] ?? NaN) * f;
  }
  return { stepUm, values: out };
}
