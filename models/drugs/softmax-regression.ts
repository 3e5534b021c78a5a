/**
 * Multinomial logistic regression (softmax), fitted by L-BFGS on the mean log-loss plus an L2 penalty on the weights
 * (not the biases). Deterministic: no randomness, the same data always give the same weights, in double precision.
 */
import { addClassOuter, classMajor, classSums } from './class-scores.ts';

/** A fitted softmax layer: `logits = x · weights + bias`, weights row-major F × K. */
export interface SoftmaxLayer {
  readonly inputs: number;
  readonly classes: number;
  readonly weights: number[];
  readonly bias: number[];
}

export interface SoftmaxOptions {
  /** L2 penalty on the weights (per case: the objective is mean log-loss + l2/2 · ‖W‖²). */
  readonly l2: number;
  readonly maxIterations?: number;
  /** Stop when the relative decrease of the objective stays below this. */
  readonly tolerance?: number;
}

/** Softmax in place over `k` values starting at `offset`. */
export function softmaxInPlace(values: Float64Array | number[], offset: number, k: number): void {
  let max = -Infinity;
  for (let j = 0; j < k; j += 1) max = Math.max(max, values[offset + j]!);
  let sum = 0;
  for (let j = 0; j < k; j += 1) {
    const e = Math.exp(values[offset + j]! - max);
    values[offset + j] = e;
    sum += e;
  }
  for (let j = 0; j < k; j += 1) values[offset + j] = values[offset + j]! / sum;
}

/** Logits for n rows (row-major n × F in, n × K out). */
export function softmaxLogits(layer: SoftmaxLayer, x: Float64Array, n: number): Float64Array {
  const { inputs: F, classes: K, weights, bias } = layer;
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i += 1) {
    const o = i * K;
    for (let k = 0; k < K; k += 1) out[o + k] = bias[k]!;
    for (let f = 0; f < F; f += 1) {
      const v = x[i * F + f]!;
      if (v === 0) continue;
      const w = f * K;
      for (let k = 0; k < K; k += 1) out[o + k] = out[o + k]! + v * weights[w + k]!;
    }
  }
  return out;
}

/** Scratch space for `objective`, made once per fit: the weights and gradient laid out class by class (K × F). */
interface Scratch {
  readonly thetaT: Float64Array;
  readonly gradT: Float64Array;
  readonly p: Float64Array;
}

/**
 * Objective and gradient at parameters θ = [W (F·K), b (K)].
 * Every logit and every gradient entry is summed in the same order as plain F × K loops would (feature by feature,
 * row by row), so the result is bit for bit the same; the K × F layout and four classes at a time only let the sums
 * run in registers over contiguous memory, which is where fitting spends its time.
 */
function objective(theta: Float64Array, x: Float64Array, y: Int32Array, n: number, F: number, K: number, l2: number, grad: Float64Array, scratch: Scratch): number {
  const { thetaT, gradT, p } = scratch;
  classMajor(theta, F, K, thetaT);
  gradT.fill(0);
  grad.fill(0);
  let loss = 0;
  const bOff = F * K;
  for (let i = 0; i < n; i += 1) {
    const row = i * F;
    classSums(x, row, F, thetaT, K, theta, bOff, p, 0);
    softmaxInPlace(p, 0, K);
    loss -= Math.log(Math.max(p[y[i]!]!, 1e-300));
    p[y[i]!] = p[y[i]!]! - 1;
    // A zero feature adds ±0 to an entry that is never −0 (it starts at +0), which leaves it as it was: no need to skip
    // it. (A non-finite p makes this objective NaN, and the fit discards NaN steps with their gradients.)
    addClassOuter(gradT, x, row, F, p, K);
    for (let k = 0; k < K; k += 1) grad[bOff + k] = grad[bOff + k]! + p[k]!;
  }
  for (let f = 0; f < F; f += 1) for (let k = 0; k < K; k += 1) grad[f * K + k] = gradT[k * F + f]!;
  let penalty = 0;
  for (let j = 0; j < grad.length; j += 1) grad[j] = grad[j]! / n;
  for (let j = 0; j < bOff; j += 1) {
    penalty += theta[j]! * theta[j]!;
    grad[j] = grad[j]! + l2 * theta[j]!;
  }
  return loss / n + (l2 / 2) * penalty;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i]! * b[i]!;
  return s;
};

/** Fits the layer to rows x (n × F, row-major) with labels y in 0…K-1. */
export function fitSoftmax(x: Float64Array, y: Int32Array, n: number, F: number, K: number, options: SoftmaxOptions): SoftmaxLayer & { iterations: number; loss: number } {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-7;
  const P = F * K + K;
  const memory = 10;
  let theta = new Float64Array(P);
  let grad = new Float64Array(P);
  const scratch: Scratch = { thetaT: new Float64Array(F * K), gradT: new Float64Array(F * K), p: new Float64Array(K) };
  let f = objective(theta, x, y, n, F, K, options.l2, grad, scratch);
  const S: Float64Array[] = [];
  const Yv: Float64Array[] = [];
  const rho: number[] = [];
  let iterations = 0;
  for (; iterations < maxIterations; iterations += 1) {
    // Two-loop recursion: direction = −H·g.
    const q = Float64Array.from(grad);
    const alpha: number[] = [];
    for (let j = S.length - 1; j >= 0; j -= 1) {
      const a = rho[j]! * dot(S[j]!, q);
      alpha[j] = a;
      const yj = Yv[j]!;
      for (let i = 0; i < P; i += 1) q[i] = q[i]! - a * yj[i]!;
    }
    const gamma = S.length > 0 ? dot(S[S.length - 1]!, Yv[Yv.length - 1]!) / dot(Yv[Yv.length - 1]!, Yv[Yv.length - 1]!) : 1 / Math.max(1, Math.sqrt(dot(grad, grad)));
    for (let i = 0; i < P; i += 1) q[i] = q[i]! * gamma;
    for (let j = 0; j < S.length; j += 1) {
      const b = rho[j]! * dot(Yv[j]!, q);
      const sj = S[j]!;
      const c = alpha[j]! - b;
      for (let i = 0; i < P; i += 1) q[i] = q[i]! + sj[i]! * c;
    }
    let slope = -dot(grad, q);
    if (!(slope < 0)) {
      // Not a descent direction: restart from the gradient.
      S.length = 0;
      Yv.length = 0;
      rho.length = 0;
      for (let i = 0; i < P; i += 1) q[i] = grad[i]!;
      slope = -dot(grad, grad);
    }
    // Backtracking (Armijo) line search along −q.
    let step = 1;
    const next = new Float64Array(P);
    const nextGrad = new Float64Array(P);
    let fNext = Infinity;
    for (let tries = 0; tries < 40; tries += 1) {
      for (let i = 0; i < P; i += 1) next[i] = theta[i]! - step * q[i]!;
      fNext = objective(next, x, y, n, F, K, options.l2, nextGrad, scratch);
      if (fNext <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNext < f)) break;
    const s = new Float64Array(P);
    const yy = new Float64Array(P);
    for (let i = 0; i < P; i += 1) {
      s[i] = next[i]! - theta[i]!;
      yy[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(s, yy);
    if (sy > 1e-12) {
      S.push(s);
      Yv.push(yy);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Yv.shift();
        rho.shift();
      }
    }
    const decrease = (f - fNext) / Math.max(Math.abs(f), 1e-12);
    theta = next;
    grad = nextGrad;
    f = fNext;
    if (decrease < tolerance && Math.sqrt(dot(grad, grad)) < 1e-6) break;
    if (decrease < tolerance * 1e-3) break;
  }
  return {
    inputs: F,
    classes: K,
    weights: Array.from(theta.subarray(0, F * K)),
    bias: Array.from(theta.subarray(F * K)),
    iterations,
    loss: f,
  };
}
