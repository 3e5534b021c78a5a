import { describe, expect, it } from 'vitest';
import { fitPairTree, type Histogram, type TreeSettings } from '../../../models/ebm/shallow-trees.ts';

const settings: TreeSettings = { maxLeaves: 3, minLeafCount: 1, lambda: 0, categorySmoothing: 0, maxDeltaStep: Infinity };

/**
 * A pure interaction on a 6 × 2 grid (cell = a * 2 + b): categories 0, 2 and 4 of the first input pull one way in
 * column 0 and the other in column 1, categories 1, 3 and 5 the opposite. Every category's total is 0, so neither input
 * alone explains anything, and no cut of the categories in code order separates the two kinds.
 */
function interaction(): Histogram {
  const A = 6;
  const G = new Float64Array(A * 2);
  for (let a = 0; a < A; a += 1) {
    const sign = a % 2 === 0 ? 1 : -1;
    G[a * 2] = 10 * sign;
    G[a * 2 + 1] = -10 * sign;
  }
  const C = new Float64Array(A * 2).fill(10);
  return { G, H: C.slice(), C, width: 1 };
}

/** The squared-error loss left after taking the tree's steps: Σ over cells of (G + H·step)² / H, up to a constant. */
function remaining(hist: Histogram, step: Float64Array): number {
  let sum = 0;
  for (let x = 0; x < hist.C.length; x += 1) sum += (hist.G[x]! + hist.H[x]! * step[x]!) ** 2 / hist.H[x]!;
  return sum;
}

describe('pair trees over a categorical input', () => {
  it('cut each side of the ordered input by how the categories pull there, not in the order of their codes', () => {
    const hist = interaction();
    const before = remaining(hist, new Float64Array(12));
    const byCode = new Float64Array(12);
    fitPairTree(hist, 0, 6, 2, settings, byCode);
    const byRatio = new Float64Array(12);
    fitPairTree(hist, 0, 6, 2, settings, byRatio, [true, false]);
    // In code order a side can only split a run of codes off, which leaves most of the pull; ordered by ratio within
    // each column, the even categories and the odd ones fall on either side of one cut and nothing is left.
    expect(remaining(hist, byCode)).toBeGreaterThan(before / 2);
    expect(remaining(hist, byRatio)).toBeCloseTo(0, 9);
    for (let a = 0; a < 6; a += 1) {
      const sign = a % 2 === 0 ? 1 : -1;
      expect(byRatio[a * 2]).toBeCloseTo(-sign, 12);
      expect(byRatio[a * 2 + 1]).toBeCloseTo(sign, 12);
    }
  });

  it('leave a pair of ordered inputs as they were: the same tree whatever order the other pair trees took', () => {
    const hist = interaction();
    const first = new Float64Array(12);
    fitPairTree(hist, 0, 6, 2, settings, first);
    fitPairTree(hist, 0, 6, 2, settings, new Float64Array(12), [true, true]);
    const again = new Float64Array(12);
    fitPairTree(hist, 0, 6, 2, settings, again);
    expect([...again]).toEqual([...first]);
  });

  it('order a categorical first input by its totals over the grid, so that a column of categories can be cut off', () => {
    // Categories 1, 3 and 5 add 6 in column 0 only; 0, 2 and 4 add nothing: the first cut must fall between them.
    const A = 6;
    const G = new Float64Array(A * 2);
    for (let a = 1; a < A; a += 2) G[a * 2] = 6;
    const C = new Float64Array(A * 2).fill(3);
    const hist: Histogram = { G, H: C.slice(), C, width: 1 };
    const step = new Float64Array(12);
    fitPairTree(hist, 0, A, 2, settings, step, [true, false]);
    expect(remaining(hist, step)).toBeCloseTo(0, 9);
    const plain = new Float64Array(12);
    fitPairTree(hist, 0, A, 2, settings, plain);
    expect(remaining(hist, plain)).toBeGreaterThan(1);
  });
});
