/**
 * Local quadratic regression (loess, Cleveland 1979) as R's `loess(y ~ x, span)` computes it at the data points:
 * tricube weights over the ⌊span·n⌋ nearest points, degree 2, no robustness iterations. Like R (surface =
 * "interpolate"), a wide window is fitted exactly only at vertices a fraction of the window apart and the curve is
 * joined between them by cubic Hermite interpolation of the fitted values and slopes; narrow windows are fitted at
 * every point.
 */

/** Vertices per window width when interpolating (R's default cell = 0.2 puts about 5 per span; this is finer). */
const verticesPerWindow = 40;

/** Value and slope (per unit of x) of the local weighted fit at xi, over the q points starting at `lo`. */
function localFit(x: Float64Array, y: Float64Array, xi: number, lo: number, q: number, degree: 1 | 2): [number, number] {
  const hi = lo + q - 1;
  // Bandwidth: distance to the q-th nearest point (widened a hair so that point keeps a tiny weight, as in R).
  const h = Math.max(xi - x[lo]!, x[hi]! - xi) * 1.000001 || 1;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
  for (let j = lo; j <= hi; j++) {
    const u = (x[j]! - xi) / h;
    const au = u < 0 ? -u : u;
    const a = 1 - au * au * au;
    const w = a * a * a;
    const yj = y[j]!;
    const wu = w * u;
    const wu2 = wu * u;
    s0 += w;
    s1 += wu;
    s2 += wu2;
    s3 += wu2 * u;
    s4 += wu2 * u * u;
    t0 += w * yj;
    t1 += wu * yj;
    t2 += wu2 * yj;
  }
  const [b0, b1] = degree === 2 ? quadratic(s0, s1, s2, s3, s4, t0, t1, t2) : linear(s0, s1, s2, t0, t1);
  return [b0, b1 / h];
}

/** Intercept and slope of a weighted linear fit from its sums (the weighted mean when x does not vary). */
function linear(s0: number, s1: number, s2: number, t0: number, t1: number): [number, number] {
  const det = s0 * s2 - s1 * s1;
  if (Math.abs(det) < 1e-12 * Math.max(1, s0 * s2)) return [t0 / s0, 0];
  return [(t0 * s2 - s1 * t1) / det, (s0 * t1 - s1 * t0) / det];
}

/** Intercept and slope of a weighted quadratic fit from its moment sums, by Cramer's rule on the normal equations. */
function quadratic(s0: number, s1: number, s2: number, s3: number, s4: number, t0: number, t1: number, t2: number): [number, number] {
  const det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
  if (Math.abs(det) < 1e-12 * Math.max(1, s0 * s2 * s4)) return linear(s0, s1, s2, t0, t1);
  const b0 = t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2);
  const b1 = s0 * (t1 * s4 - t2 * s3) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2);
  return [b0 / det, b1 / det];
}

/**
 * Fitted values of a loess of `y` on sorted `x` (no missing values) with the given span, at every x. With
 * `exact` every point is fitted directly (for tests of the interpolation).
 */
export function loess(x: Float64Array, y: Float64Array, span: number, degree: 1 | 2 = 2, exact = false): Float64Array {
  const n = x.length;
  const fitted = new Float64Array(n);
  if (n === 0) return fitted;
  const q = Math.min(n, Math.max(degree + 1, Math.floor(span * n)));
  const stride = exact ? 1 : Math.max(1, Math.floor(q / verticesPerWindow));
  const vertices: number[] = [];
  for (let i = 0; i < n; i += stride) vertices.push(i);
  if (vertices[vertices.length - 1] !== n - 1) vertices.push(n - 1);
  const value = new Float64Array(vertices.length);
  const slope = new Float64Array(vertices.length);
  let lo = 0;
  vertices.forEach((i, k) => {
    // Slide the window of q nearest neighbours: move right while the far right point is nearer than the far left one.
    while (lo + q < n && x[lo + q]! - x[i]! < x[i]! - x[lo]!) lo++;
    [value[k], slope[k]] = localFit(x, y, x[i]!, lo, q, degree);
  });
  for (let k = 0; k < vertices.length; k++) {
    const i0 = vertices[k]!;
    fitted[i0] = value[k]!;
    const i1 = vertices[k + 1];
    if (i1 === undefined) break;
    const x0 = x[i0]!;
    const dx = x[i1]! - x0;
    for (let i = i0 + 1; i < i1; i++) {
      const t = (x[i]! - x0) / dx;
      const t2 = t * t;
      const t3 = t2 * t;
      fitted[i] = (2 * t3 - 3 * t2 + 1) * value[k]! + (t3 - 2 * t2 + t) * dx * slope[k]! + (-2 * t3 + 3 * t2) * value[k + 1]! + (t3 - t2) * dx * slope[k + 1]!;
    }
  }
  return fitted;
}

/** The loess curve of `y` on sorted `x` evaluated (exactly) at other abscissae `at`, e.g. inside small gaps. */
export function loessAt(x: Float64Array, y: Float64Array, span: number, at: Float64Array, degree: 1 | 2 = 2): Float64Array {
  const n = x.length;
  const out = new Float64Array(at.length).fill(NaN);
  if (n === 0) return out;
  const q = Math.min(n, Math.max(degree + 1, Math.floor(span * n)));
  for (let k = 0; k < at.length; k++) {
    const xi = at[k]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x[mid]! < xi) lo = mid + 1;
      else hi = mid;
    }
    // Start q points to the left of the insertion point, then slide right while that brings nearer points in.
    lo = Math.max(0, Math.min(n - q, lo - q));
    while (lo + q < n && x[lo + q]! - xi < xi - x[lo]!) lo++;
    out[k] = localFit(x, y, xi, lo, q, degree)[0];
  }
  return out;
}
