/** Small dense linear algebra for model fitting (systems of a few dozen unknowns). */

/** Solves A x = b for a symmetric positive-definite A (p × p, row-major) by Cholesky decomposition. */
export function solveSymmetric(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k += 1) s -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) {
        if (!(s > 0)) throw new Error(`the matrix is not positive definite (pivot ${i} is ${s})`);
        l[i * p + i] = Math.sqrt(s);
      } else l[i * p + j] = s / l[j * p + j]!;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i += 1) {
    let s = b[i]!;
    for (let k = 0; k < i; k += 1) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i -= 1) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k += 1) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}
