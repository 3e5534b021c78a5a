import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DalelError } from '../../core/errors.ts';
import { sniffEvidence } from '../../main/services/intake/sniff.ts';
import { makeThumbnail } from '../../main/services/intake/thumbnail.ts';
import { parseCsvBytes } from '../../models/cases/csv.ts';
import { readZipDirectory, readZipEntry, ZipFormatError } from '../../native/codecs/zip/zip-read.ts';
import { InputError } from '../../native/input-error.ts';
import { gridFromImage } from '../../native/surface/image-grid.ts';
import { readX3p } from '../../native/x3p/x3p-read.ts';
import { newX3pHeader, writeX3p } from '../../native/x3p/x3p-write.ts';
import { makeJpeg, makePdf, makeTiff, makeX3p } from '../helpers/files.ts';
import { makePng, tempDir } from '../helpers/workstation.ts';

/*
 * Issue 11: random, truncated and corrupted bytes through every sniffer and reader never crash with anything but the
 * typed input error naming the file (which the services turn into BAD_INPUT), so no bad file ever reads as INTERNAL.
 */
const name = 'evidence.bin';
const runs = { numRuns: 250, seed: Number(process.env.DALEL_PROPERTY_SEED ?? 20261202) };

/** Runs `read`; anything thrown must be one of the typed input errors, naming the file where the error has one. */
function typedOrFine(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (error instanceof DalelError) {
      expect(error.code, error.message).toBe('BAD_INPUT');
      expect(error.params.file).toBe(name);
    } else if (error instanceof InputError) {
      expect(error.fileName).toBe(name);
    } else if (!(error instanceof ZipFormatError)) {
      throw new Error(`untyped ${(error as Error)?.name}: ${(error as Error)?.message}`, { cause: error });
    }
  }
}

/** A valid file changed: cut short, bytes overwritten, or random bytes after its first `keep` bytes. */
function mutations(seed: Uint8Array, keep: number): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.nat({ max: seed.length }).map((n) => seed.slice(0, n)),
    fc.array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((changes) => {
      const copy = seed.slice();
      for (const [at, value] of changes) copy[at] = value;
      return copy;
    }),
    fc.uint8Array({ maxLength: 512 }).map((tail) => new Uint8Array([...seed.subarray(0, keep), ...tail])),
  );
}

/** The intake path of EvidenceService.add: sniff, then the thumbnail that decodes the pixels. */
function intake(bytes: Uint8Array): void {
  const sniffed = sniffEvidence(name, bytes);
  makeThumbnail(name, sniffed.kind, bytes, sniffed.width !== null && sniffed.height !== null ? sniffed.width * sniffed.height : null);
}

describe('malformed input never crashes a reader', () => {
  const work = tempDir('dalel-property-');
  let realX3p: Uint8Array;
  beforeAll(() => {
    const path = join(work.dir, 'surface.x3p');
    const z = Float64Array.from({ length: 12 }, (_, i) => (i === 5 ? Number.NaN : i * 1e-7));
    writeX3p(path, { header: newX3pHeader(4, 3, 1e-6), width: 4, height: 3, z, maskPng: null, annotations: {}, warnings: [] });
    realX3p = new Uint8Array(readFileSync(path));
  });
  afterAll(() => work.cleanup());

  const images = (): Array<[string, Uint8Array, number]> => [
    ['png', makePng(6, 5, 1), 8],
    ['png16', makePng(6, 5, 2, 16), 8],
    ['jpeg', makeJpeg(8, 8), 3],
    ['tiff8', makeTiff(6, 5, 8), 4],
    ['tiff16', makeTiff(6, 5, 16), 4],
  ];

  it('random bytes of any length, after any accepted signature, through intake', () => {
    const signatures = [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], [0x50, 0x4b, 0x03, 0x04], [0x25, 0x50, 0x44, 0x46, 0x2d], []];
    fc.assert(
      fc.property(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 600 }), (signature, rest) => typedOrFine(() => intake(new Uint8Array([...signature, ...rest])))),
      runs,
    );
  });

  for (const [kind, index] of [['png', 0], ['png16', 1], ['jpeg', 2], ['tiff8', 3], ['tiff16', 4]] as const) {
    it(`${kind}: truncated and corrupted files through intake and the image reader`, () => {
      const [, seed, keep] = images()[index]!;
      fc.assert(
        fc.property(mutations(seed, keep), (bytes) => {
          typedOrFine(() => intake(bytes));
          typedOrFine(() => gridFromImage(name, bytes, { pixelSizeUm: 1, maxPixels: 1_000_000 }));
        }),
        runs,
      );
    });
  }

  it('X3P and zip: truncated and corrupted archives through intake, the zip reader and the X3P reader', () => {
    for (const seed of [realX3p, makeX3p(4, 3)]) {
      fc.assert(
        fc.property(mutations(seed, 4), (bytes) => {
          typedOrFine(() => intake(bytes));
          typedOrFine(() => readX3p(name, bytes));
          typedOrFine(() => readZipDirectory(bytes).forEach((entry) => readZipEntry(bytes, entry, 1 << 20)));
        }),
        runs,
      );
    }
  });

  it('PDF: truncated and corrupted files through intake', () => {
    fc.assert(fc.property(mutations(makePdf(), 5), (bytes) => typedOrFine(() => intake(bytes))), runs);
  });

  it('CSV: random text and bytes (plain and gzip-looking) through the case-data reader', () => {
    const csvText = fc.array(fc.constantFrom('a', 'b', '1', ',', '"', '\n', '\r', ' ', 'ä', '\ufeff'), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          csvText.map((text) => new Uint8Array(Buffer.from(text))),
          fc.uint8Array({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }).map((rest) => new Uint8Array([0x1f, 0x8b, ...rest])),
        ),
        (bytes) => typedOrFine(() => parseCsvBytes(bytes, name)),
      ),
      runs,
    );
  });
});
