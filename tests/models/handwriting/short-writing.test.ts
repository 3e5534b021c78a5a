import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../models/ebm/random.ts';
import { graphFloor, subsampleCounts } from '../../../models/handwriting/train.ts';

const figures = (graphs: number, sameBelowOne: number, differentAboveOne: number) => ({ graphs, samePairs: 100, differentPairs: 1000, sameBelowOne, differentAboveOne, cllr: 0.3 });

describe('short writing', () => {
  it('draws n graphs of a page without replacement', () => {
    const counts = [5, 0, 3, 12];
    const cut = subsampleCounts(counts, 10, seededRandom(1));
    expect(cut.reduce((a, b) => a + b, 0)).toBe(10);
    cut.forEach((c, k) => expect(c).toBeLessThanOrEqual(counts[k]!));
    expect(subsampleCounts(counts, 50, seededRandom(2))).toEqual(counts);
  });

  it('sets the floor at the least graph count from which on both rates stay within the tolerance', () => {
    const full = figures(0, 0.06, 0.03);
    const grid = [figures(50, 0.4, 0.02), figures(100, 0.09, 0.04), figures(150, 0.07, 0.04), figures(200, 0.075, 0.035), figures(300, 0.06, 0.03)];
    expect(graphFloor(full, grid, 0.02)).toBe(150);
    // A rate that breaks the tolerance again further up moves the floor above it.
    expect(graphFloor(full, [...grid.slice(0, 3), figures(200, 0.09, 0.03), grid[4]!], 0.02)).toBe(300);
  });
});
