import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { gridFromImage, sniffImageFormat } from '../../../native/surface/image-grid.ts';

/** A minimal uncompressed little-endian grey TIFF with 16-bit samples. */
function tiff16(width: number, height: number, values: readonly number[]): Uint8Array {
  const tags: [number, number, number][] = [
    [256, 3, width],
    [257, 3, height],
    [258, 3, 16],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 0], // strip offset, patched below
    [277, 3, 1],
    [278, 3, height],
    [279, 4, width * height * 2],
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  const dataAt = 8 + ifdSize;
  const out = new DataView(new ArrayBuffer(dataAt + width * height * 2));
  out.setUint8(0, 0x49);
  out.setUint8(1, 0x49);
  out.setUint16(2, 42, true);
  out.setUint32(4, 8, true);
  out.setUint16(8, tags.length, true);
  tags.forEach(([tag, type, value], k) => {
    const at = 10 + 12 * k;
    out.setUint16(at, tag, true);
    out.setUint16(at + 2, type, true);
    out.setUint32(at + 4, 1, true);
    if (type === 3) out.setUint16(at + 8, value, true);
    else out.setUint32(at + 8, tag === 273 ? dataAt : value, true);
  });
  values.forEach((v, i) => out.setUint16(dataAt + 2 * i, v, true));
  return new Uint8Array(out.buffer);
}

describe('2D images as intensity maps', () => {
  it('reads an 8-bit RGBA PNG: luma as height, transparent pixels missing, step from the given pixel size', () => {
    const png = new PNG({ width: 3, height: 1 });
    png.data = Buffer.from([255, 255, 255, 255, 0, 0, 0, 255, 100, 100, 100, 0]);
    const image = gridFromImage('face.png', new Uint8Array(PNG.sync.write(png)), { pixelSizeUm: 2.5 });
    expect(image.format).toBe('png');
    expect(image.grid.step).toBeCloseTo(2.5e-6, 15);
    expect(image.grid.z[0]).toBeCloseTo(1e-6, 9);
    expect(image.grid.z[1]).toBe(0);
    expect(image.grid.z[2]).toBeNaN();
  });

  it('keeps the full precision of a 16-bit grey PNG', () => {
    const png = new PNG({ width: 2, height: 1, bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    png.data = Buffer.from(new Uint16Array([1, 65535]).buffer);
    const bytes = PNG.sync.write(png, { bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    const image = gridFromImage('face16.png', new Uint8Array(bytes), { pixelSizeUm: 1, fullScaleM: 65535 });
    expect(image.bitDepth).toBe(16);
    expect(image.channels).toBe('grey');
    expect(Array.from(image.grid.z)).toEqual([1, 65535]);
  });

  it('reads 16-bit grey TIFF samples exactly and 8-bit RGBA TIFFs through RGBA', () => {
    const image = gridFromImage('face.tif', tiff16(3, 2, [0, 1, 2, 300, 40000, 65535]), { pixelSizeUm: 3.125, fullScaleM: 65535 });
    expect(image.format).toBe('tiff');
    expect([image.grid.width, image.grid.height, image.bitDepth]).toEqual([3, 2, 16]);
    expect(Array.from(image.grid.z)).toEqual([0, 1, 2, 300, 40000, 65535]);
    const rgba = UTIF.encodeImage(new Uint8Array([51, 51, 51, 255, 204, 204, 204, 255]), 2, 1);
    const eight = gridFromImage('face8.tif', new Uint8Array(rgba), { pixelSizeUm: 1, fullScaleM: 255 });
    expect(eight.grid.z[0]).toBeCloseTo(51, 3);
    expect(eight.grid.z[1]).toBeCloseTo(204, 3);
  });

  it('reads a JPEG (lossy: grey levels within a few steps)', () => {
    const data = new Uint8Array(16 * 16 * 4);
    for (let i = 0; i < 256; i++) data.set([128, 128, 128, 255], 4 * i);
    const bytes = jpeg.encode({ data, width: 16, height: 16 }, 95).data;
    const image = gridFromImage('face.jpg', new Uint8Array(bytes), { pixelSizeUm: 1, fullScaleM: 255 });
    expect(image.format).toBe('jpeg');
    for (const v of image.grid.z) expect(Math.abs(v - 128)).toBeLessThan(3);
  });

  it('refuses unknown formats, corrupt data, huge images and a missing pixel size, naming the file', () => {
    expect(sniffImageFormat(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(() => gridFromImage('notes.txt', new TextEncoder().encode('hello'), { pixelSizeUm: 1 })).toThrow(/notes\.txt: not a PNG, TIFF or JPEG/);
    const png = new PNG({ width: 4, height: 4 });
    const bytes = new Uint8Array(PNG.sync.write(png));
    expect(() => gridFromImage('cut.png', bytes.subarray(0, 40), { pixelSizeUm: 1 })).toThrow(/cut\.png: the PNG image cannot be decoded/);
    expect(() => gridFromImage('big.png', bytes, { pixelSizeUm: 1, maxPixels: 10 })).toThrow(/big\.png: 4×4 pixels/);
    expect(() => gridFromImage('face.png', bytes, { pixelSizeUm: 0 })).toThrow(/pixel size/);
  });
});
