import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeHandwritingSkeleton, encodeHandwritingSkeleton, HandwritingProfileResultSchema, type HandwritingProfileResult } from '../../main/contract/index.ts';
import { DalelError } from '../../main/services/errors.ts';
import { handwritingModule } from '../../main/services/forensics/handwriting/handwriting-module.ts';
import { handwritingPageKind, pageProfileMethod, writerComparisonMethod } from '../../main/services/forensics/handwriting/kinds.ts';
import type { MethodInput } from '../../main/services/forensics/module.ts';

/** A synthetic page: white paper with zig-zag "words" of one-pixel-thick strokes, one every 40 pixels. */
function zigzagPage(width: number, height: number, words: number): { bytes: Uint8Array; ink: (x: number, y: number) => boolean } {
  const png = new PNG({ width, height });
  png.data.fill(255);
  const strokes = Array.from({ length: words }, (_, i) => [
    [20 + 40 * i, 40, 30 + 40 * i, 20],
    [30 + 40 * i, 20, 40 + 40 * i, 40],
    [40 + 40 * i, 40, 50 + 40 * i, 22],
  ]).flat();
  for (const [x0, y0, x1, y1] of strokes) {
    const steps = Math.max(Math.abs(x1! - x0!), Math.abs(y1! - y0!)) * 2;
    for (let s = 0; s <= steps; s++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = Math.round(x0! + ((x1! - x0!) * s) / steps + dx);
          const y = Math.round(y0! + ((y1! - y0!) * s) / steps + dy);
          if (x >= 0 && y >= 0 && x < width && y < height) png.data.fill(0, 4 * (y * width + x), 4 * (y * width + x) + 3);
        }
      }
    }
  }
  return { bytes: new Uint8Array(PNG.sync.write(png)), ink: (x, y) => png.data[4 * (y * width + x)] === 0 };
}

const evidenceId = '44444444-4444-4444-8444-444444444441';
const input = (name: string, bytes: Uint8Array, id: string | null = null): MethodInput => ({ name, sha256: 'a'.repeat(64), evidenceId: id, format: 'png', category: handwritingPageKind, pixelUm: null, bytes });
const method = (id: string) => handwritingModule.methods.find((m) => m.id === id)!;

function profile(items: MethodInput[], options: Record<string, unknown>): { result: HandwritingProfileResult; parameters: Readonly<Record<string, unknown>> } {
  const m = method(pageProfileMethod);
  const prepared = m.prepare(items, options);
  const record = m.record(handwritingModule.pipelines[pageProfileMethod]!(prepared.payload, () => undefined));
  return { result: HandwritingProfileResultSchema.parse(record.result), parameters: prepared.parameters };
}

describe('handwriting crop and skeleton', () => {
  const page = zigzagPage(300, 70, 6);
  const crop = { x: 0, y: 0, width: 100, height: 70 };

  it('a crop drawn on a page (by evidence id) reaches the profile: fewer graphs, all inside it, the crop recorded', () => {
    const whole = profile([input('zigzag.png', page.bytes, evidenceId)], {}).result.pages[0]!;
    const { result, parameters } = profile([input('zigzag.png', page.bytes, evidenceId)], { crops: { [evidenceId]: crop } });
    const cropped = result.pages[0]!;
    expect(cropped.graphCount).toBeGreaterThan(0);
    expect(cropped.graphCount).toBeLessThan(whole.graphCount);
    for (const g of cropped.graphs) expect(g.bbox[0] + g.bbox[2]).toBeLessThanOrEqual(crop.x + crop.width);
    expect(parameters).toMatchObject({ crops: [{ name: 'zigzag.png', evidenceId, ...crop }] });
    expect(result.provenance.parameters).toMatchObject({ binarisation: 'otsu', crops: [{ name: 'zigzag.png', evidenceId, ...crop }] });
  });

  // The profile may resample a small page, so page coordinates are fractional: allow the rounding's pixel.
  it('keeps each graph’s skeleton: pixels inside its box, on the ink', () => {
    const pageResult = profile([input('zigzag.png', page.bytes)], {}).result.pages[0]!;
    let pixels = 0;
    for (const g of pageResult.graphs) {
      const xy = decodeHandwritingSkeleton(g);
      expect(xy.length).toBeGreaterThan(0);
      for (let k = 0; k < xy.length; k += 2) {
        expect(xy[k]).toBeGreaterThanOrEqual(g.bbox[0] - 1);
        expect(xy[k]).toBeLessThanOrEqual(g.bbox[0] + g.bbox[2] + 1);
        expect(xy[k + 1]).toBeGreaterThanOrEqual(g.bbox[1] - 1);
        expect(xy[k + 1]).toBeLessThanOrEqual(g.bbox[1] + g.bbox[3] + 1);
        const [x, y] = [Math.round(xy[k]!), Math.round(xy[k + 1]!)];
        expect([0, 1, -1].some((d) => page.ink(x + d, y) || page.ink(x, y + d))).toBe(true);
        pixels++;
      }
    }
    expect(pixels).toBeGreaterThan(50);
  });

  it('refuses a crop outside the page, or one for a page not in the run, naming the file', () => {
    const outside = () => method(pageProfileMethod).prepare([input('zigzag.png', page.bytes)], { crops: { 'zigzag.png': { x: 250, y: 0, width: 100, height: 70 } } });
    expect(outside).toThrow(DalelError);
    expect(outside).toThrow(/zigzag\.png.*300×70 page/);
    const tiny = () => method(pageProfileMethod).prepare([input('zigzag.png', page.bytes)], { crops: { 'zigzag.png': { x: 0, y: 0, width: 4, height: 70 } } });
    expect(tiny).toThrow(/smaller than 8×8/);
    const stray = () =>
      method(writerComparisonMethod).prepare([input('k.png', page.bytes), input('q.png', page.bytes)], { crops: { 'other.png': crop } });
    expect(stray).toThrow(/other\.png.*not one of the pages/);
  });

  it('packs skeleton pixels relative to the box and reads them back; a result stored without them stays valid', () => {
    const wide = { cluster: 3, bbox: [100, 200, 300, 5] as [number, number, number, number] };
    const skeleton = encodeHandwritingSkeleton([100, 200, 399, 204, 250, 201], wide.bbox);
    expect(atob(skeleton)).toHaveLength(12);
    expect(decodeHandwritingSkeleton({ ...wide, skeleton })).toEqual([100, 200, 399, 204, 250, 201]);
    // A box of at most 255 pixels a side takes one byte per offset.
    const small = { cluster: 5, bbox: [10.5, 20.25, 255, 40] as [number, number, number, number] };
    const packed = encodeHandwritingSkeleton([10.5, 20.25, 265.5, 60.25], small.bbox);
    expect(atob(packed)).toHaveLength(4);
    expect(decodeHandwritingSkeleton({ ...small, skeleton: packed })).toEqual([10.5, 20.25, 265.5, 60.25]);
    expect(decodeHandwritingSkeleton(wide)).toEqual([]);
  });
});
