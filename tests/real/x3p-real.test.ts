import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readX3p } from '../../native/x3p/x3p-read.ts';
import { writeX3p } from '../../native/x3p/x3p-write.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real X3P');

describe.skipIf(!sharedDataDir)('X3P reader and writer on every real scan in ../shared/data/ballistics', () => {
  const dir = join(sharedDataDir ?? '', 'ballistics');
  const out = mkdtempSync(join(tmpdir(), 'dalel-x3p-real-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const files = sharedDataDir ? readdirSync(dir).filter((f) => f.endsWith('.x3p')) : [];

  it.each(files)('%s reads, has valid points, and round-trips through the writer unchanged', (file) => {
    const s = readX3p(file, new Uint8Array(readFileSync(join(dir, file))));
    expect(s.z.length).toBe(s.width * s.height);
    expect(s.z.some(Number.isFinite)).toBe(true);
    writeX3p(join(out, file), s);
    const back = readX3p(file, new Uint8Array(readFileSync(join(out, file))));
    expect(back.warnings).toEqual([]);
    expect([back.width, back.height, back.header.z.dataType, back.header.x.increment, back.header.y.increment]).toEqual([
      s.width,
      s.height,
      s.header.z.dataType,
      s.header.x.increment,
      s.header.y.increment,
    ]);
    expect(Buffer.from(back.z.buffer).equals(Buffer.from(s.z.buffer))).toBe(true);
    expect(back.maskPng === null).toBe(s.maskPng === null);
  });

  it('knows the grids, units, types and extras of the documented files', () => {
    const read = (f: string) => readX3p(f, new Uint8Array(readFileSync(join(dir, f))));
    const fadul = read('fadul1.1_processed.x3p');
    expect([fadul.width, fadul.height, fadul.header.x.increment, fadul.header.unit]).toEqual([545, 545, 6.25e-6, 'm']);
    const land = read('x3ptools-sample-land.x3p'); // nested folder, mask and annotations
    expect(land.maskPng).not.toBeNull();
    expect(Object.values(land.annotations)).toContain('right groove');
    expect(read('x3ptools-pyramid.x3p').header.z.dataType).toBe('F');
    expect(read('x3ptools-csafe-logo.x3p').warnings[0]).toMatch(/md5checksum\.hex/);
  });
});
