import { describe, expect, it } from 'vitest';
import { resampleGrey } from '../../../native/handwriting/page-image.ts';
import { MAX_SCALE, REFERENCE_PAGE_WIDTH, referenceScale } from '../../../native/handwriting/profile.ts';

describe('page scale for the cluster template', () => {
  it('leaves scans at reference resolution alone and scales reduced whole pages up to the reference width', () => {
    expect(referenceScale(REFERENCE_PAGE_WIDTH)).toBe(1);
    expect(referenceScale(1400)).toBe(1);
    expect(612 * referenceScale(612)).toBeCloseTo(REFERENCE_PAGE_WIDTH, 9);
    expect(referenceScale(100)).toBe(MAX_SCALE);
  });

  it('resamples a grey page bilinearly: size times the factor, flat areas kept, an edge kept in place', () => {
    const width = 4;
    const height = 2;
    const grey = Float32Array.from([1, 1, 0, 0, 1, 1, 0, 0]);
    const out = resampleGrey({ width, height, grey }, 3);
    expect([out.width, out.height]).toEqual([12, 6]);
    const row = Array.from(out.grey.subarray(0, 12));
    expect(row.slice(0, 4).every((v) => v === 1)).toBe(true);
    expect(row.slice(8).every((v) => v === 0)).toBe(true);
    expect(row[5]! + row[6]!).toBeCloseTo(1, 6);
  });
});
