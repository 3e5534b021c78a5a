import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../native/input-error.ts';
import { ZipWriter } from '../../../native/codecs/zip/zip-write.ts';
import { readX3p } from '../../../native/x3p/x3p-read.ts';
import type { X3pSurface } from '../../../native/x3p/x3p-types.ts';
import { newX3pHeader, writeX3p, x3pMainXml } from '../../../native/x3p/x3p-write.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalel-x3p-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const createHashMd5 = (d: Uint8Array) => createHash('md5').update(d).digest('hex');

function surface(width: number, height: number, fill: (x: number, y: number) => number): X3pSurface {
  const z = new Float64Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) z[y * width + x] = fill(x, y);
  return { header: newX3pHeader(width, height, 6.25e-6), width, height, z, maskPng: null, annotations: {}, warnings: [] };
}

function roundTrip(s: X3pSurface): { bytes: Uint8Array; back: X3pSurface } {
  const path = join(dir, `s${counter++}.x3p`);
  writeX3p(path, s);
  const bytes = new Uint8Array(readFileSync(path));
  return { bytes, back: readX3p('s.x3p', bytes) };
}

/** A zip built from raw parts, for files the writer would never produce. */
function zipOf(parts: Record<string, Uint8Array | string>): Uint8Array {
  const path = join(dir, `z${counter++}.x3p`);
  const zip = new ZipWriter(path);
  for (const [name, data] of Object.entries(parts)) zip.add(name, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  zip.close();
  return new Uint8Array(readFileSync(path));
}

function expectBadInput(run: () => unknown, reasonCode: string, text: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.reasonCode).toBe(reasonCode);
    expect(e.fileName).toBe('bad.x3p');
    expect(e.message).toMatch(/^bad\.x3p: /);
    expect(e.message).toMatch(text);
    return;
  }
  throw new Error('expected a bad-input error');
}

describe('X3P writer and reader', () => {
  it('round-trips float64 heights with NaN, the grid, increments and a correct MD5', () => {
    const s = surface(7, 5, (x, y) => (x === 3 && y === 2 ? NaN : (x * 1e-6 - y * 3.3e-7) / 7));
    const { back } = roundTrip(s);
    expect([back.width, back.height]).toEqual([7, 5]);
    expect(back.header.x.increment).toBe(6.25e-6);
    expect(back.header.z.dataType).toBe('D');
    expect(back.header.md5PointData).toMatch(/^[0-9a-f]{32}$/);
    expect(Array.from(back.z)).toEqual(Array.from(s.z));
    expect(back.warnings).toEqual([]);
  });

  it('round-trips float32 and the integer types, applying increment and offset to integers', () => {
    for (const dataType of ['F', 'L', 'I'] as const) {
      const base = surface(4, 3, (x, y) => x + 10 * y);
      const s: X3pSurface = { ...base, header: { ...base.header, z: { axisType: 'A', dataType, increment: 0.5, offset: -2 } } };
      const { bytes, back } = roundTrip(s);
      expect(back.header.z.dataType, dataType).toBe(dataType);
      expect(Array.from(back.z), dataType).toEqual(Array.from(s.z));
      expect(bytes.length).toBeGreaterThan(0);
    }
  });

  it('keeps a mask.png and Record3 annotations', () => {
    const base = surface(3, 3, () => 1e-6);
    const mask = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const s: X3pSurface = {
      ...base,
      maskPng: mask,
      header: { ...base.header, maskXml: '<Mask><Background>#cd7f32</Background><Annotations><Annotation color="#1f376c">break-off</Annotation></Annotations></Mask>' },
    };
    const { back } = roundTrip(s);
    expect(Array.from(back.maskPng ?? [])).toEqual(Array.from(mask));
    expect(back.annotations).toEqual({ '#1f376c': 'break-off' });
  });

  it('reads a surface in a sub-folder of the zip, and micrometre files', () => {
    const s = surface(2, 2, (x, y) => x + y);
    const header = { ...s.header, x: { ...s.header.x, increment: 1.5625 }, y: { ...s.header.y, increment: 1.5625 } };
    const data = new Uint8Array(new Float64Array(s.z).buffer);
    const md5 = createHashMd5(data);
    const bytes = zipOf({ 'scan/main.xml': x3pMainXml(header, md5), 'scan/bindata/data.bin': data, '__MACOSX/scan/main.xml': 'junk' });
    const back = readX3p('nested.x3p', bytes);
    expect(back.header.unit).toBe('um');
    expect(Array.from(back.z)).toEqual([0, 1, 1, 2]);
  });
});


describe('X3P bad input: a typed error naming the file', () => {
  const good = () => roundTrip(surface(6, 4, (x, y) => x * y * 1e-7)).bytes;

  it('truncated zip', () => {
    const bytes = good();
    expectBadInput(() => readX3p('bad.x3p', bytes.subarray(0, bytes.length - 40)), 'truncated', /zip/);
    expectBadInput(() => readX3p('bad.x3p', bytes.subarray(0, 200)), 'truncated', /zip/);
  });

  it('MD5 mismatch of the point data', () => {
    const s = surface(3, 3, () => 2e-6);
    const data = new Uint8Array(new Float64Array(s.z).buffer);
    const bytes = zipOf({ 'main.xml': x3pMainXml(s.header, '0123456789abcdef0123456789abcdef'), 'bindata/data.bin': data });
    expectBadInput(() => readX3p('bad.x3p', bytes), 'checksum', /MD5 mismatch/);
  });

  it('header/data size mismatch', () => {
    const s = surface(3, 3, () => 2e-6);
    const data = new Uint8Array(new Float64Array(s.z).buffer);
    const header = { ...s.header, sizeX: 4 };
    const bytes = zipOf({ 'main.xml': x3pMainXml(header, createHashMd5(data)), 'bindata/data.bin': data });
    expectBadInput(() => readX3p('bad.x3p', bytes), 'size-mismatch', /72 bytes.*= 96/);
  });

  it('all-NaN surface', () => {
    const s = surface(4, 4, () => NaN);
    const path = join(dir, 'nan.x3p');
    writeX3p(path, s);
    expectBadInput(() => readX3p('bad.x3p', new Uint8Array(readFileSync(path))), 'empty', /no valid point/);
  });

  it('a 100-million-point header is refused before anything is allocated', () => {
    const s = surface(2, 2, () => 0);
    const header = { ...s.header, sizeX: 10_000, sizeY: 10_000 };
    const bytes = zipOf({ 'main.xml': x3pMainXml(header, '0'.repeat(32)), 'bindata/data.bin': new Uint8Array(32) });
    const before = process.memoryUsage().arrayBuffers;
    expectBadInput(() => readX3p('bad.x3p', bytes), 'too-large', /100000000 points/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('a zip without main.xml, and main.xml without Record3', () => {
    expectBadInput(() => readX3p('bad.x3p', zipOf({ 'a.txt': 'x' })), 'unsupported-type', /no main\.xml/);
    expectBadInput(() => readX3p('bad.x3p', zipOf({ 'main.xml': '<ISO5436><Record1></Record1></ISO5436>' })), 'corrupt', /Record3/);
  });
});
