/**
 * The losses the booster minimises, as gradients and hessians of the score: squared error or Huber (regression),
 * logistic (binary, one score: the positive class's log-odds) and softmax (multiclass, one score per class).
 */

/** Which loss; it fixes the link of the model (identity for both regressions, logit, softmax). */
export type LossKind = 'squared' | 'huber' | 'logit' | 'softmax';

/** A loss over n cases with K scores each: `score[i * K + k]`; targets are values, 0/1, or class indexes. */
export interface Loss {
  readonly kind: LossKind;
  /** Scores per case (K). */
  readonly width: number;
  /** The best constant score, used as the starting intercept. */
  initialScore(y: Float64Array): Float64Array;
  /** Fills g and h (n × K) at the current scores. */
  gradients(score: Float64Array, y: Float64Array, g: Float64Array, h: Float64Array): void;
  /**
   * Adds every case's gradient and hessian into the cell it falls in (G, H: cells × K), in one pass: the booster's
   * inner loop, fused so that no per-case gradient array is written and read back.
   */
  accumulate(score: Float64Array, y: Float64Array, cellOf: Uint16Array, G: Float64Array, H: Float64Array): void;
  /**
   * Adds a term's step to the scores (`score[i] += step[stepCell[i]]`) and accumulates as `accumulate` does for
   * the next term's cells, with the same additions in the same order as the two passes it replaces.
   */
  stepThenAccumulate(score: Float64Array, y: Float64Array, stepCell: Uint16Array, step: Float64Array, cellOf: Uint16Array, G: Float64Array, H: Float64Array): void;
  /**
   * Every hessian is 1 (squared error, and Huber as boosted here): a cell's H is then its count of cases, exactly, so the accumulating
   * passes leave H alone and the caller takes the counts.
   */
  readonly unitHessian: boolean;
  /** Mean loss at the current scores (what early stopping watches). */
  meanLoss(score: Float64Array, y: Float64Array): number;
}

// Hessians below this are raised to it, so a nearly certain case cannot make a Newton step explode.
const minHessian = 1e-12;

/** Adds to each case's `width` scores the row of `table` at the case's cell. */
export function addToScores(cells: Uint16Array, scores: Float64Array, table: Float64Array, width: number): void {
  if (width === 1) {
    for (let i = 0; i < cells.length; i += 1) scores[i] = scores[i]! + table[cells[i]!]!;
    return;
  }
  for (let i = 0; i < cells.length; i += 1) {
    const base = cells[i]! * width;
    for (let k = 0; k < width; k += 1) scores[i * width + k] = scores[i * width + k]! + table[base + k]!;
  }
}

const squared: Loss = {
  kind: 'squared',
  width: 1,
  initialScore(y) {
    let sum = 0;
    for (const v of y) sum += v;
    return Float64Array.of(y.length ? sum / y.length : 0);
  },
  gradients(score, y, g, h) {
    for (let i = 0; i < y.length; i += 1) {
      g[i] = score[i]! - y[i]!;
      h[i] = 1;
    }
  },
  unitHessian: true,
  accumulate(score, y, cellOf, G) {
    for (let i = 0; i < y.length; i += 1) {
      const cell = cellOf[i]!;
      G[cell] = G[cell]! + score[i]! - y[i]!;
    }
  },
  stepThenAccumulate(score, y, stepCell, step, cellOf, G) {
    // One pass: the score is read once, updated, and its residual added to the next term's cell.
    for (let i = 0; i < y.length; i += 1) {
      const s = score[i]! + step[stepCell[i]!]!;
      score[i] = s;
      const cell = cellOf[i]!;
      G[cell] = G[cell]! + s - y[i]!;
    }
  },
  meanLoss(score, y) {
    let sum = 0;
    for (let i = 0; i < y.length; i += 1) sum += (score[i]! - y[i]!) ** 2;
    return sum / Math.max(1, y.length) / 2;
  },
};

/**
 * Huber loss with threshold `delta` (in the outcome's unit), boosted with unit hessians as LightGBM boosts it: a
 * case's gradient is its residual clipped to ±delta, so a leaf's step is the mean clipped residual. A few extreme
 * targets then cannot pull a term, and the fit lies between the mean (squared error) and the median, which is what
 * the mean absolute error rewards.
 */
function huberLoss(delta: number): Loss {
  // The residual clipped to ±delta, without a branch: (|r + δ| − |r − δ|) / 2 equals the clip up to rounding (within
  // 4e-15 for δ = 20). On long-tailed targets the clip's branch goes one way or the other unpredictably, and the
  // mispredictions made the booster's fused pass (the whole of its time) about twice as slow as with squared error.
  const clipped = (r: number) => 0.5 * (Math.abs(r + delta) - Math.abs(r - delta));
  return {
    kind: 'huber',
    width: 1,
    initialScore(y) {
      // The median: the best constant once most residuals are clipped.
      const sorted = Float64Array.from(y).sort();
      const m = sorted.length;
      return Float64Array.of(m === 0 ? 0 : m % 2 === 1 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2);
    },
    gradients(score, y, g, h) {
      for (let i = 0; i < y.length; i += 1) {
        g[i] = clipped(score[i]! - y[i]!);
        h[i] = 1;
      }
    },
    unitHessian: true,
    accumulate(score, y, cellOf, G) {
      for (let i = 0; i < y.length; i += 1) {
        const cell = cellOf[i]!;
        G[cell] = G[cell]! + clipped(score[i]! - y[i]!);
      }
    },
    stepThenAccumulate(score, y, stepCell, step, cellOf, G) {
      for (let i = 0; i < y.length; i += 1) {
        const s = score[i]! + step[stepCell[i]!]!;
        score[i] = s;
        const cell = cellOf[i]!;
        G[cell] = G[cell]! + clipped(s - y[i]!);
      }
    },
    meanLoss(score, y) {
      let sum = 0;
      for (let i = 0; i < y.length; i += 1) {
        const r = Math.abs(score[i]! - y[i]!);
        sum += r <= delta ? (r * r) / 2 : delta * (r - delta / 2);
      }
      return sum / Math.max(1, y.length);
    },
  };
}

const logit: Loss = {
  kind: 'logit',
  width: 1,
  initialScore(y) {
    let positives = 0;
    for (const v of y) positives += v;
    const p = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, y.length)));
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients(score, y, g, h) {
    for (let i = 0; i < y.length; i += 1) {
      const p = 1 / (1 + Math.exp(-score[i]!));
      g[i] = p - y[i]!;
      h[i] = Math.max(minHessian, p * (1 - p));
    }
  },
  unitHessian: false,
  stepThenAccumulate(score, y, stepCell, step, cellOf, G, H) {
    addToScores(stepCell, score, step, 1);
    logit.accumulate(score, y, cellOf, G, H);
  },
  accumulate(score, y, cellOf, G, H) {
    for (let i = 0; i < y.length; i += 1) {
      const cell = cellOf[i]!;
      const p = 1 / (1 + Math.exp(-score[i]!));
      G[cell] = G[cell]! + p - y[i]!;
      H[cell] = H[cell]! + Math.max(minHessian, p * (1 - p));
    }
  },
  meanLoss(score, y) {
    let sum = 0;
    for (let i = 0; i < y.length; i += 1) {
      const s = score[i]!;
      // log(1 + e^s) - y s, computed without overflow.
      sum += Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s))) - y[i]! * s;
    }
    return sum / Math.max(1, y.length);
  },
};

function softmaxLoss(width: number): Loss {
  const probabilities = (score: Float64Array, i: number, out: Float64Array) => {
    let max = -Infinity;
    for (let k = 0; k < width; k += 1) max = Math.max(max, score[i * width + k]!);
    let sum = 0;
    for (let k = 0; k < width; k += 1) {
      out[k] = Math.exp(score[i * width + k]! - max);
      sum += out[k]!;
    }
    for (let k = 0; k < width; k += 1) out[k] = out[k]! / sum;
    return max + Math.log(sum);
  };
  const loss: Loss = {
    kind: 'softmax',
    width,
    unitHessian: false,
    stepThenAccumulate(score, y, stepCell, step, cellOf, G, H) {
      addToScores(stepCell, score, step, width);
      loss.accumulate(score, y, cellOf, G, H);
    },
    initialScore(y) {
      const counts = new Float64Array(width).fill(1e-6);
      for (const v of y) counts[v]! += 1;
      return counts.map((c) => Math.log(c / y.length));
    },
    gradients(score, y, g, h) {
      const p = new Float64Array(width);
      for (let i = 0; i < y.length; i += 1) {
        probabilities(score, i, p);
        for (let k = 0; k < width; k += 1) {
          g[i * width + k] = p[k]! - (y[i] === k ? 1 : 0);
          h[i * width + k] = Math.max(minHessian, p[k]! * (1 - p[k]!));
        }
      }
    },
    accumulate(score, y, cellOf, G, H) {
      const p = new Float64Array(width);
      for (let i = 0; i < y.length; i += 1) {
        probabilities(score, i, p);
        const base = cellOf[i]! * width;
        for (let k = 0; k < width; k += 1) {
          G[base + k] = G[base + k]! + p[k]! - (y[i] === k ? 1 : 0);
          H[base + k] = H[base + k]! + Math.max(minHessian, p[k]! * (1 - p[k]!));
        }
      }
    },
    meanLoss(score, y) {
      const p = new Float64Array(width);
      let sum = 0;
      for (let i = 0; i < y.length; i += 1) sum += probabilities(score, i, p) - score[i * width + y[i]!]!;
      return sum / Math.max(1, y.length);
    },
  };
  return loss;
}

/** The loss for a task: regression (Huber with that threshold where `huberDelta` > 0), binary, or multiclass with `classes` classes. */
export function lossFor(kind: 'regression' | 'classification', classes = 2, huberDelta = 0): Loss {
  if (kind === 'regression') return huberDelta > 0 ? huberLoss(huberDelta) : squared;
  return classes === 2 ? logit : softmaxLoss(classes);
}
