/**
 * The inner products of a linear layer, shared by fitting and scoring so a trained layer gives the same bits in both.
 * Weights are read class by class (K × F) and four classes are summed at a time, so each sum stays in a register over
 * contiguous memory; every sum still adds feature by feature, in the order of a plain F × K loop.
 */

/** Weights stored feature by feature (F × K, as layers keep them) laid out class by class (K × F). */
export function classMajor(weights: ArrayLike<number>, F: number, K: number, into: Float64Array = new Float64Array(F * K)): Float64Array {
  for (let f = 0; f < F; f += 1) for (let k = 0; k < K; k += 1) into[k * F + f] = weights[f * K + k]!;
  return into;
}

/**
 * One row's class sums: out[outAt + k] = start[startAt + k] + Σ_f x[row + f] · wT[k·F + f], the start first and then
 * feature by feature (a null start is 0). `row` is the row's first index in x.
 */
export function classSums(
  x: ArrayLike<number>,
  row: number,
  F: number,
  wT: Float64Array,
  K: number,
  start: ArrayLike<number> | null,
  startAt: number,
  out: Float64Array,
  outAt: number,
): void {
  let k = 0;
  for (; k + 4 <= K; k += 4) {
    let s0 = start ? start[startAt + k]! : 0;
    let s1 = start ? start[startAt + k + 1]! : 0;
    let s2 = start ? start[startAt + k + 2]! : 0;
    let s3 = start ? start[startAt + k + 3]! : 0;
    const w0 = k * F;
    const w1 = w0 + F;
    const w2 = w1 + F;
    const w3 = w2 + F;
    for (let f = 0; f < F; f += 1) {
      const v = x[row + f]!;
      s0 += v * wT[w0 + f]!;
      s1 += v * wT[w1 + f]!;
      s2 += v * wT[w2 + f]!;
      s3 += v * wT[w3 + f]!;
    }
    out[outAt + k] = s0;
    out[outAt + k + 1] = s1;
    out[outAt + k + 2] = s2;
    out[outAt + k + 3] = s3;
  }
  for (; k < K; k += 1) {
    let s = start ? start[startAt + k]! : 0;
    const w = k * F;
    for (let f = 0; f < F; f += 1) s += x[row + f]! * wT[w + f]!;
    out[outAt + k] = s;
  }
}

/**
 * Adds one row's outer product to a gradient laid out class by class: gT[k·F + f] += x[row + f] · p[k], four classes
 * at a time (each entry still gains its own product once, so the sums are those of a plain loop).
 */
export function addClassOuter(gT: Float64Array, x: ArrayLike<number>, row: number, F: number, p: ArrayLike<number>, K: number): void {
  let k = 0;
  for (; k + 4 <= K; k += 4) {
    const p0 = p[k]!;
    const p1 = p[k + 1]!;
    const p2 = p[k + 2]!;
    const p3 = p[k + 3]!;
    const w0 = k * F;
    const w1 = w0 + F;
    const w2 = w1 + F;
    const w3 = w2 + F;
    for (let f = 0; f < F; f += 1) {
      const v = x[row + f]!;
      gT[w0 + f] = gT[w0 + f]! + v * p0;
      gT[w1 + f] = gT[w1 + f]! + v * p1;
      gT[w2 + f] = gT[w2 + f]! + v * p2;
      gT[w3 + f] = gT[w3 + f]! + v * p3;
    }
  }
  for (; k < K; k += 1) {
    const pk = p[k]!;
    const w = k * F;
    for (let f = 0; f < F; f += 1) gT[w + f] = gT[w + f]! + x[row + f]! * pk;
  }
}
