import { describe, expect, it } from 'vitest';
import { againstNominal, wilsonRange } from '../../../renderer/src/decision/binomial-range.ts';

describe('how sure a share measured on a group is', () => {
  it('is the Wilson score interval, which stays inside 0–100 % at the ends', () => {
    // Textbook values: 5 of 10 gives 23.66–76.34 %; 0 of 10 gives 0–27.75 % (z² / (n + z²)).
    const half = wilsonRange(0.5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonRange(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    expect(wilsonRange(1, 10)!.high).toBe(1);
    expect(wilsonRange(0.8, 0)).toBeNull();
  });

  it('tells a group covered less than 80 % beyond chance from one whose shortfall its size explains', () => {
    // USSC 1.4.0's test split: women 76.6 % of 993; a small group 88.6 % of 44 and 72.4 % of 76.
    expect(againstNominal(0.766, 993, 0.8)).toBe('below');
    expect(wilsonRange(0.766, 993)!.high).toBeLessThan(0.8);
    expect(againstNominal(0.886, 44, 0.8)).toBe('consistent');
    expect(againstNominal(0.724, 76, 0.8)).toBe('consistent');
    expect(againstNominal(0.797, 9053, 0.8)).toBe('consistent');
    expect(againstNominal(0.9, 2000, 0.8)).toBe('above');
  });
});
