/**
 * Local quadratic regression (loess, Cleveland 1979) as R's `loess(y ~ x, span)` computes it at the data points:
 * tricube weights over the ⌊span·n⌋ nearest points, degree 2, no robustness iterations. R interpolates the fit
 * from a k-d tree; this computes it exactly at every point, which differs from R only in the last digits.
 */

/** Fitted values of a loess of `y` on sorted `x` (no missing values) with the given span, at every x. */
export function loess(x: Float64Array, y: Float64Array, span: number, degree: 1 | 2 = 2): Float64Array {
  const n = x.length;
  const fitted = new Float64Array(n);
  if (n === 0) return fitted;
  const q = Math.min(n, Math.max(degree + 1, Math.floor(span * n)));
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    // Slide the window of q nearest neighbours: move right while the far right point is nearer than the far left one.
    while (lo + q < n && x[lo + q]! - xi < xi - x[lo]!) lo++;
    const hi = lo + q - 1;
    // Bandwidth: distance to the q-th nearest point (R widens it slightly so that point keeps a tiny weight).
    const h = Math.max(xi - x[lo]!, x[hi]! - xi) * 1.000001 || 1;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
    for (let j = lo; j <= hi; j++) {
      const u = (x[j]! - xi) / h;
      const au = u < 0 ? -u : u;
      const a = 1 - au * au * au;
      const w = a * a * a;
      const yj = y[j]!;
      const u2 = u * u;
      s0 += w;
      s1 += w * u;
      s2 += w * u2;
      t0 += w * yj;
      t1 += w * u * yj;
      if (degree === 2) {
        s3 += w * u2 * u;
        s4 += w * u2 * u2;
        t2 += w * u2 * yj;
      }
    }
    fitted[i] = degree === 2 ? quadraticAtZero(s0, s1, s2, s3, s4, t0, t1, t2) : linearAtZero(s0, s1, s2, t0, t1);
  }
  return fitted;
}

/** Intercept of a weighted linear fit from its sums (falls back to the weighted mean when x does not vary). */
function linearAtZero(s0: number, s1: number, s2: number, t0: number, t1: number): number {
  const det = s0 * s2 - s1 * s1;
  if (Math.abs(det) < 1e-12 * Math.max(1, s0 * s2)) return t0 / s0;
  return (t0 * s2 - s1 * t1) / det;
}

/** Intercept of a weighted quadratic fit from its moment sums, by Cramer's rule on the 3×3 normal equations. */
function quadraticAtZero(s0: number, s1: number, s2: number, s3: number, s4: number, t0: number, t1: number, t2: number): number {
  const det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
  if (Math.abs(det) < 1e-12 * Math.max(1, s0 * s2 * s4)) return linearAtZero(s0, s1, s2, t0, t1);
  const detA = t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2);
  return detA / det;
}
