/**
 * A two-level normal model of writer profiles (Lindley's / Aitken & Lucy's within- and between-source model, the
 * generative form of PLDA): a document's variance-stabilised profile x = √rates is its writer's mean plus
 * within-writer variation W, and writers' means vary around the population mean with covariance B. The pair score
 * is the log likelihood ratio of "one writer" against "two writers" under that model:
 *   log N([x; y]; [μ; μ], [[B+W, B], [B, B+W]]) − log N(x; μ, B+W) − log N(y; μ, B+W),
 * which reduces to −½ (x̃ᵀA x̃ + ỹᵀA ỹ + 2 x̃ᵀQ ỹ) + c with x̃ = x − μ. The constant c cancels in the SLR (only the
 * score's order and spread matter there), so it is left out. W and B are estimated from writers with several
 * documents, their off-diagonals shrunk toward zero (40 dimensions from a few hundred documents).
 */
import { solveSymmetric } from './linear-algebra.ts';
import { clusterCount } from './profiles.ts';

/** The fitted model: the population mean and the two quadratic-form matrices (row-major D × D). */
export interface TwoLevelModel {
  readonly mean: number[];
  readonly a: number[];
  readonly q: number[];
  readonly shrinkage: number;
}

const D = clusterCount;

function inverse(m: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  const unit = new Float64Array(p);
  for (let c = 0; c < p; c += 1) {
    unit.fill(0);
    unit[c] = 1;
    const column = solveSymmetric(m, unit, p);
    for (let r = 0; r < p; r += 1) out[r * p + c] = column[r]!;
  }
  return out;
}

/** Fits W and B from documents grouped by writer (√rates vectors), shrinking off-diagonals by `shrinkage` ∈ [0, 1]. */
export function fitTwoLevel(byWriter: ReadonlyArray<readonly Float64Array[]>, shrinkage: number): TwoLevelModel {
  const mean = new Float64Array(D);
  let documents = 0;
  for (const docs of byWriter) {
    for (const v of docs) for (let k = 0; k < D; k += 1) mean[k] = mean[k]! + v[k]!;
    documents += docs.length;
  }
  for (let k = 0; k < D; k += 1) mean[k] = mean[k]! / documents;
  const within = new Float64Array(D * D);
  const between = new Float64Array(D * D);
  let withinDf = 0;
  let writers = 0;
  const writerMean = new Float64Array(D);
  for (const docs of byWriter) {
    if (docs.length < 2) continue;
    writerMean.fill(0);
    for (const v of docs) for (let k = 0; k < D; k += 1) writerMean[k] = writerMean[k]! + v[k]! / docs.length;
    for (const v of docs) {
      for (let i = 0; i < D; i += 1) for (let j = 0; j < D; j += 1) within[i * D + j] = within[i * D + j]! + (v[i]! - writerMean[i]!) * (v[j]! - writerMean[j]!);
    }
    for (let i = 0; i < D; i += 1) for (let j = 0; j < D; j += 1) between[i * D + j] = between[i * D + j]! + (writerMean[i]! - mean[i]!) * (writerMean[j]! - mean[j]!);
    withinDf += docs.length - 1;
    writers += 1;
  }
  if (writers < 2) throw new Error('the two-level model needs at least two writers with two documents or more');
  const docsPerWriter = documents / byWriter.length;
  let withinTrace = 0;
  let betweenTrace = 0;
  for (let i = 0; i < D * D; i += 1) {
    within[i] = within[i]! / withinDf;
    // A writer's mean of m documents still varies by W / m around the writer's true mean: take that out of B.
    between[i] = between[i]! / writers - within[i]! / docsPerWriter;
  }
  for (let k = 0; k < D; k += 1) {
    withinTrace += within[k * D + k]! / D;
    betweenTrace += Math.max(between[k * D + k]!, 0) / D;
  }
  for (let i = 0; i < D; i += 1) {
    for (let j = 0; j < D; j += 1) {
      if (i === j) continue;
      within[i * D + j] = within[i * D + j]! * (1 - shrinkage);
      between[i * D + j] = between[i * D + j]! * (1 - shrinkage);
    }
    // Small ridges keep both positive definite (the √rates lie on a sphere, so one direction barely varies).
    within[i * D + i] = within[i * D + i]! + 1e-3 * withinTrace;
    between[i * D + i] = Math.max(between[i * D + i]!, 0) + 1e-2 * betweenTrace;
  }
  const total = new Float64Array(D * D);
  for (let i = 0; i < D * D; i += 1) total[i] = within[i]! + between[i]!;
  const joint = new Float64Array(4 * D * D);
  for (let i = 0; i < D; i += 1) {
    for (let j = 0; j < D; j += 1) {
      joint[i * 2 * D + j] = total[i * D + j]!;
      joint[(i + D) * 2 * D + j + D] = total[i * D + j]!;
      joint[i * 2 * D + j + D] = between[i * D + j]!;
      joint[(i + D) * 2 * D + j] = between[i * D + j]!;
    }
  }
  const jointInverse = inverse(joint, 2 * D);
  const totalInverse = inverse(total, D);
  const a = new Array<number>(D * D);
  const q = new Array<number>(D * D);
  for (let i = 0; i < D; i += 1) {
    for (let j = 0; j < D; j += 1) {
      a[i * D + j] = jointInverse[i * 2 * D + j]! - totalInverse[i * D + j]!;
      q[i * D + j] = jointInverse[i * 2 * D + j + D]!;
    }
  }
  return { mean: Array.from(mean), a, q, shrinkage };
}

const centredX = new Float64Array(D);
const centredY = new Float64Array(D);

/** The two-level log-LR score (up to a constant) of two √rates vectors. */
export function twoLevelScore(model: TwoLevelModel, x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { mean, a, q } = model;
  for (let i = 0; i < D; i += 1) {
    centredX[i] = x[i]! - mean[i]!;
    centredY[i] = y[i]! - mean[i]!;
  }
  let s = 0;
  for (let i = 0; i < D; i += 1) {
    let ax = 0;
    let ay = 0;
    let qy = 0;
    for (let j = 0; j < D; j += 1) {
      const aij = a[i * D + j]!;
      ax += aij * centredX[j]!;
      ay += aij * centredY[j]!;
      qy += q[i * D + j]! * centredY[j]!;
    }
    s += centredX[i]! * ax + centredY[i]! * ay + 2 * centredX[i]! * qy;
  }
  return -0.5 * s;
}

/** One profile's part of the two-level score, computed once per profile: x̃ᵀA x̃ and Q x̃. */
export interface TwoLevelSide {
  readonly self: number;
  readonly projected: Float64Array;
  readonly centred: Float64Array;
}

/** Prepares a √rates vector for many pair scores (each then costs one 40-term dot product). */
export function twoLevelSide(model: TwoLevelModel, x: ArrayLike<number>): TwoLevelSide {
  const centred = Float64Array.from({ length: D }, (_, i) => x[i]! - model.mean[i]!);
  const projected = new Float64Array(D);
  let self = 0;
  for (let i = 0; i < D; i += 1) {
    let ax = 0;
    let qx = 0;
    for (let j = 0; j < D; j += 1) {
      ax += model.a[i * D + j]! * centred[j]!;
      qx += model.q[i * D + j]! * centred[j]!;
    }
    self += centred[i]! * ax;
    projected[i] = qx;
  }
  return { self, projected, centred };
}

/** The two-level score of two prepared sides: −½ (x̃ᵀA x̃ + ỹᵀA ỹ + 2 x̃ᵀQ ỹ). */
export function twoLevelPairScore(x: TwoLevelSide, y: TwoLevelSide): number {
  let cross = 0;
  for (let i = 0; i < D; i += 1) cross += x.centred[i]! * y.projected[i]!;
  return -0.5 * (x.self + y.self + 2 * cross);
}
