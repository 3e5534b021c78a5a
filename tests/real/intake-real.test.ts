import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffEvidence } from '../../main/services/intake/sniff.ts';
import { makeThumbnail } from '../../main/services/intake/thumbnail.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real intake');

describe.skipIf(!sharedDataDir)('intake of the real public data', () => {
  const dir = (name: string) => join(sharedDataDir ?? '', name);

  it('accepts every X3P scan, at zip root or in a sub-folder, with the grid size from main.xml', () => {
    const files = readdirSync(dir('ballistics')).filter((f) => f.endsWith('.x3p'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const result = sniffEvidence(file, new Uint8Array(readFileSync(join(dir('ballistics'), file))));
      expect(result.kind, file).toBe('x3p');
      expect(result.width, file).toBeGreaterThan(0);
      expect(result.height, file).toBeGreaterThan(0);
    }
    const fadul = sniffEvidence('fadul1.1_processed.x3p', new Uint8Array(readFileSync(join(dir('ballistics'), 'fadul1.1_processed.x3p'))));
    expect([fadul.width, fadul.height]).toEqual([545, 545]);
  });

  it('accepts the scanned handwriting pages and makes thumbnails of them', () => {
    const files = readdirSync(dir('handwriting')).filter((f) => f.endsWith('.png')).slice(0, 3);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(join(dir('handwriting'), file)));
      const result = sniffEvidence(file, bytes);
      expect(result.kind).toBe('png');
      const thumb = makeThumbnail(file, result.kind, bytes, (result.width ?? 0) * (result.height ?? 0));
      expect(thumb?.subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    }
  });
});
