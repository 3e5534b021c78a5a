import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binCount, binIndex, categoricalEdges, categoryKey } from '../../models/gam/features.ts';
import { categoryList, coarserEdges, quantileEdges } from '../../models/ebm/binning.ts';

describe('bins', () => {
  it('gives each of few distinct values its own bin, cut halfway between neighbours', () => {
    expect(quantileEdges([3, 1, 2, 2, NaN, 1], 10)).toEqual([1.5, 2.5]);
    expect(quantileEdges([NaN, NaN], 10)).toEqual([]);
    expect(quantileEdges([5, 5, 5], 10)).toEqual([]);
  });

  it('cuts many values into at most maxBins bins of about equal counts', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => i);
    const edges = quantileEdges(values, 10);
    expect(edges).toHaveLength(9);
    const counts = new Array(binCount(edges)).fill(0);
    for (const v of values) counts[binIndex(edges, v)] += 1;
    expect(counts[0]).toBe(0);
    for (const c of counts.slice(1)) expect(c).toBe(1000);
  });

  it('lets a heavy value absorb the cuts that fall inside it', () => {
    const values = [...new Array(900).fill(0), ...Array.from({ length: 100 }, (_, i) => i + 1)];
    const edges = quantileEdges(values, 10);
    expect(edges[0]).toBe(0.5);
    expect(edges.length).toBeLessThanOrEqual(9);
  });

  it('always returns strictly increasing edges, no more than maxBins - 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (values, maxBins) => {
        const edges = quantileEdges(values, maxBins);
        expect(edges.length).toBeLessThanOrEqual(maxBins - 1);
        for (let i = 1; i < edges.length; i += 1) expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
      }),
    );
  });

  it('puts a value equal to an edge in the lower bin, NaN in bin 0', () => {
    const edges = [1, 2, 3];
    expect([NaN, -5, 1, 1.0001, 2, 3, 3.5].map((x) => binIndex(edges, x))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(binCount(edges)).toBe(5);
  });

  it('gives categories codes by frequency, "other" (-1) its own bin, and folds rare categories', () => {
    const { categories, rare } = categoryList(['b', 'a', 'b', 'c', null, 'b', 'a', 'd'], 2, 10);
    expect(categories).toEqual(['b', 'a']);
    expect(rare).toEqual(['c', 'd']);
    const edges = categoricalEdges(categories.length);
    expect([NaN, -1, 0, 1].map((code) => binIndex(edges, code))).toEqual([0, 1, 2, 3]);
    expect(categoryList(['x', 'y', 'z'], 1, 2).categories).toHaveLength(2);
  });

  it('reads numbers and numeric text as the same category', () => {
    expect([1, 1.0, '1', '1.0', ' 7', 'abc', true, null].map((v) => categoryKey(v))).toEqual(['1', '1', '1', '1', '7', 'abc', 'true', null]);
  });

  it('coarsens bins for pairs with a subset of the main edges', () => {
    const edges = Array.from({ length: 99 }, (_, i) => i + 0.5);
    const counts = [0, ...new Array(100).fill(10)];
    const coarse = coarserEdges(edges, counts, 8);
    expect(coarse.length).toBeLessThanOrEqual(7);
    for (const e of coarse) expect(edges).toContain(e);
    expect(coarserEdges([1, 2], [0, 5, 5, 5], 8)).toEqual([1, 2]);
  });
});
