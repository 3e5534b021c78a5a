/**
 * Makes the terms readable without changing a single training prediction: a pair's average along each of its
 * inputs moves into that input's main term (purification, Lengerich et al. 2020), then every term's training
 * average moves into the intercept. A main term then shows the whole effect of its input, a pair only what the two
 * inputs do together, and each contribution is relative to the average case. Cells no training case fell in are
 * set to 0 (no contribution), which is what an unseen category or an unseen missing value should get.
 */

/** A term's table with its training counts per cell. */
export interface WeightedTerm {
  /** cells × K. */
  readonly values: Float64Array;
  readonly counts: Float64Array;
}

/** A pair with the main terms of its inputs and, per input, the pair bin of every main bin. */
export interface PairLink {
  readonly pair: WeightedTerm;
  readonly A: number;
  readonly B: number;
  readonly mains: readonly [Float64Array, Float64Array];
  readonly pairBinOf: readonly [ArrayLike<number>, ArrayLike<number>];
}

const tolerance = 1e-12;

/** Moves a pair's weighted row and column means into its inputs' main terms until they are all (nearly) zero. */
export function purifyPair(link: PairLink, width: number, maxSweeps = 200): void {
  const { pair, A, B } = link;
  for (let k = 0; k < width; k += 1) {
    for (let sweep = 0; sweep < maxSweeps; sweep += 1) {
      let moved = 0;
      for (const along of [0, 1] as const) {
        const outer = along === 0 ? A : B;
        const inner = along === 0 ? B : A;
        const cell = (o: number, i: number) => (along === 0 ? o * B + i : i * B + o);
        for (let o = 0; o < outer; o += 1) {
          let w = 0;
          let sum = 0;
          for (let i = 0; i < inner; i += 1) {
            const c = cell(o, i);
            w += pair.counts[c]!;
            sum += pair.counts[c]! * pair.values[c * width + k]!;
          }
          if (w === 0) continue;
          const mean = sum / w;
          if (mean === 0) continue;
          for (let i = 0; i < inner; i += 1) pair.values[cell(o, i) * width + k]! -= mean;
          const main = link.mains[along];
          const binOf = link.pairBinOf[along];
          for (let b = 0; b < binOf.length; b += 1) if (binOf[b] === o) main[b * width + k]! += mean;
          moved = Math.max(moved, Math.abs(mean));
        }
      }
      if (moved < tolerance) break;
    }
  }
}

/** Moves each term's weighted mean into the intercept and zeroes the cells without training cases. */
export function centreTerms(terms: readonly WeightedTerm[], intercept: Float64Array, width: number): void {
  for (const term of terms) {
    for (let k = 0; k < width; k += 1) {
      let w = 0;
      let sum = 0;
      for (let c = 0; c < term.counts.length; c += 1) {
        w += term.counts[c]!;
        sum += term.counts[c]! * term.values[c * width + k]!;
      }
      const mean = w > 0 ? sum / w : 0;
      for (let c = 0; c < term.counts.length; c += 1) term.values[c * width + k] = term.counts[c]! > 0 ? term.values[c * width + k]! - mean : 0;
      intercept[k]! += mean;
    }
  }
}
