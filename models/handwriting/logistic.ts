/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares) on standardised
 * features, with the standardisation folded back into the weights so that the model reads raw features.
 */
import { solveSymmetric } from './linear-algebra.ts';
import { logistic } from './score-model.ts';

/** A fitted linear model on raw features. */
export interface LinearFit {
  readonly intercept: number;
  readonly weights: number[];
  readonly iterations: number;
}

/** Fits y (1 = same writer) on n rows of F features, weighting each row (class balance), with ridge penalty `lambda`. */
export function fitLogistic(x: Float64Array, y: Uint8Array, rowWeight: Float64Array, width: number, lambda: number, maxIterations = 50): LinearFit {
  const n = y.length;
  const mean = new Float64Array(width);
  const sd = new Float64Array(width);
  for (let r = 0; r < n; r += 1) for (let f = 0; f < width; f += 1) mean[f] = mean[f]! + x[r * width + f]! / n;
  for (let r = 0; r < n; r += 1) for (let f = 0; f < width; f += 1) sd[f] = sd[f]! + (x[r * width + f]! - mean[f]!) ** 2 / n;
  for (let f = 0; f < width; f += 1) sd[f] = Math.sqrt(sd[f]!) || 1;
  const p = width + 1; // coefficient 0 is the intercept (not penalised)
  const beta = new Float64Array(p);
  const z = new Float64Array(p);
  let iterations = 0;
  for (; iterations < maxIterations; iterations += 1) {
    const gradient = new Float64Array(p);
    const hessian = new Float64Array(p * p);
    for (let r = 0; r < n; r += 1) {
      z[0] = 1;
      for (let f = 0; f < width; f += 1) z[f + 1] = (x[r * width + f]! - mean[f]!) / sd[f]!;
      let eta = 0;
      for (let k = 0; k < p; k += 1) eta += beta[k]! * z[k]!;
      const mu = logistic(eta);
      const w = rowWeight[r]!;
      const g = w * (mu - y[r]!);
      const h = w * Math.max(mu * (1 - mu), 1e-12);
      for (let a = 0; a < p; a += 1) {
        gradient[a] = gradient[a]! + g * z[a]!;
        const ha = h * z[a]!;
        for (let b = a; b < p; b += 1) hessian[a * p + b] = hessian[a * p + b]! + ha * z[b]!;
      }
    }
    for (let a = 0; a < p; a += 1) for (let b = 0; b < a; b += 1) hessian[a * p + b] = hessian[b * p + a]!;
    for (let a = 1; a < p; a += 1) {
      gradient[a] = gradient[a]! + lambda * beta[a]!;
      hessian[a * p + a] = hessian[a * p + a]! + lambda;
    }
    const step = solveSymmetric(hessian, gradient, p);
    let change = 0;
    for (let k = 0; k < p; k += 1) {
      beta[k] = beta[k]! - step[k]!;
      change = Math.max(change, Math.abs(step[k]!));
    }
    if (change < 1e-9) break;
  }
  const weights = Array.from({ length: width }, (_, f) => beta[f + 1]! / sd[f]!);
  const intercept = beta[0]! - weights.reduce((s, w, f) => s + w * mean[f]!, 0);
  return { intercept, weights, iterations };
}
