import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileSource } from '../../../main/services/intake/byte-source.ts';
import { sniffEvidence } from '../../../main/services/intake/sniff.ts';
import { makeJpeg, makePdf, makeTiff, makeX3p } from '../../helpers/files.ts';
import { makePng, tempDir } from '../../helpers/workstation.ts';

/** The outcome of a sniff: the result, or the refusal's reason code. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { refused: (error as { params?: { reasonCode?: string } }).params?.reasonCode ?? String(error) };
  }
}

describe('intake checks read a staged file in parts exactly as they read bytes in memory', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const png = makePng(33, 21, 4);
  const jpeg = makeJpeg(20, 12);
  const tiff = makeTiff(30, 20, 16);
  const x3p = makeX3p(12, 9);
  const pdf = makePdf();
  const cases: [string, Uint8Array][] = [
    ['a.png', png],
    ['a.jpg', jpeg],
    ['a.tif', tiff],
    ['a.x3p', x3p],
    ['a.pdf', pdf],
    ['cut.png', png.subarray(0, png.length - 5)],
    ['cut.jpg', jpeg.subarray(0, jpeg.length - 2)],
    ['cut.tif', tiff.subarray(0, 6)],
    ['cut.x3p', x3p.subarray(0, x3p.length - 30)],
    ['cut.pdf', pdf.subarray(0, pdf.length - 8)],
    ['renamed.png', jpeg],
    ['empty.pdf', new Uint8Array(0)],
    ['other.bin', new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])],
  ];

  it.each(cases)('%s', (name, bytes) => {
    const path = join(temp.dir, name);
    writeFileSync(path, bytes);
    const source = openFileSource(path);
    try {
      expect(source.size).toBe(bytes.length);
      expect(outcome(() => sniffEvidence(name, source))).toEqual(outcome(() => sniffEvidence(name, bytes)));
    } finally {
      source.close();
    }
  });
});
