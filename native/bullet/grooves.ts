/**
 * Groove detection on a land profile, after bulletxtrctr's "rollapply" method (get_grooves_rollapply, Hare et al.
 * 2017): the profile, twice smoothed by a moving average, rises from each end to a shoulder (the groove engraved
 * area) and falls to a valley where the land engraved area starts; the groove is cut at that valley, moved inward by
 * `adjust`. A shoulder farther than `cutoff` from its end is not a groove (the land then runs to the end of the
 * scan). Lengths are in points here; the caller converts from µm.
 */
import { presentRange } from './land-profile.ts';

/** Where the land engraved area starts and ends (inclusive profile indices), and whether each groove was found. */
export interface Grooves {
  readonly left: number;
  readonly right: number;
  readonly leftFound: boolean;
  readonly rightFound: boolean;
}

/** Present values with interior gaps filled linearly (bulletxtrctr: na.fill "extend" after na.trim). */
function filled(values: Float64Array, a: number, b: number): Float64Array {
  const out = values.slice(a, b);
  let last = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i]! === out[i]!) {
      for (let j = last + 1; j < i; j++) out[j] = last < 0 ? out[i]! : out[last]! + ((out[i]! - out[last]!) * (j - last)) / (i - last);
      last = i;
    }
  }
  return out;
}

/** Centred moving average of width w (the ends, where the window is incomplete, are dropped). */
function movingAverage(v: Float64Array, w: number): Float64Array {
  const n = v.length - w + 1;
  if (n <= 0) return new Float64Array(0);
  const out = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < w; i++) s += v[i]!;
  out[0] = s / w;
  for (let i = 1; i < n; i++) {
    s += v[i + w - 1]! - v[i - 1]!;
    out[i] = s / w;
  }
  return out;
}

/** First local maximum from the start, then the first local minimum after it (indices into `s`), or null. */
function shoulderValley(s: Float64Array): number | null {
  let peak = -1;
  for (let i = 1; i + 1 < s.length; i++) {
    if (s[i]! > s[i - 1]! && s[i]! >= s[i + 1]!) {
      peak = i;
      break;
    }
  }
  if (peak < 0) return null;
  for (let i = peak + 1; i + 1 < s.length; i++) if (s[i]! < s[i - 1]! && s[i]! <= s[i + 1]!) return i;
  return null;
}

/** Finds the grooves of a profile (NaN allowed); `smooth`, `adjust`, `cutoff` are in points. */
export function locateGrooves(values: Float64Array, smooth: number, adjust: number, cutoff: number): Grooves {
  const [a, b] = presentRange(values);
  const v = filled(values, a, b);
  const w = Math.max(1, Math.round(smooth));
  const twice = movingAverage(movingAverage(v, w), w);
  // Each centred pass drops (w - 1) / 2 points at each end, so index i of `twice` is point i + (w - 1) of `v`.
  const shift = w - 1;
  const reversed = twice.slice().reverse();
  const l = shoulderValley(twice);
  const r = shoulderValley(reversed);
  const leftAt = l === null ? null : l + shift;
  const rightAt = r === null ? null : v.length - 1 - (r + shift);
  const leftFound = leftAt !== null && leftAt <= cutoff;
  const rightFound = rightAt !== null && rightAt >= v.length - 1 - cutoff;
  let left = a + (leftFound ? leftAt! + adjust : 0);
  let right = a + (rightFound ? rightAt! - adjust : v.length - 1);
  if (right <= left) {
    // Nothing sensible between the cuts: keep the whole scan rather than an empty land.
    left = a;
    right = b - 1;
  }
  return { left, right, leftFound, rightFound };
}
