import { describe, expect, it } from 'vitest';
import { writtenRegion } from '../../../renderer/src/forensics/handwriting/written-region.ts';

const graph = (x: number, y: number, width: number, height: number) => ({ bbox: [x, y, width, height] as [number, number, number, number], cluster: 0, skeleton: undefined });

describe('the part of a handwriting page the viewer shows', () => {
  it('is the box around the writing with a small margin, not the mostly empty sheet', () => {
    // Five lines of writing across the top fifth of a 612 × 673 page.
    const region = writtenRegion({ width: 612, height: 673, graphs: [graph(40, 10, 30, 20), graph(500, 100, 60, 25)] });
    // Margin: 4 % of the written area's longer side (520 px) = 21 px.
    expect(region).toEqual({ x: 19, y: 0, width: 581 - 19, height: 146 });
  });

  it('stays inside the page and is the whole page when nothing was found on it', () => {
    expect(writtenRegion({ width: 100, height: 80, graphs: [graph(0, 0, 100, 80)] })).toEqual({ x: 0, y: 0, width: 100, height: 80 });
    expect(writtenRegion({ width: 100, height: 80, graphs: [] })).toEqual({ x: 0, y: 0, width: 100, height: 80 });
  });
});
