/**
 * TIFF structure checks from the headers alone: every image directory (the chain and the sub-directories decoders
 * follow) and every tag's values must lie inside the file. Decoders such as UTIF trust the counts they read, so a
 * corrupted count makes them loop billions of times or allocate without bound; these checks run first.
 */

/** A TIFF whose structure is broken: what is wrong, in words. */
export class TiffFormatError extends Error {
  constructor(
    readonly reasonCode: 'truncated' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'TiffFormatError';
  }
}

/** Bytes per value of each TIFF field type (BYTE … DOUBLE, IFD, LONG8, SLONG8, IFD8). */
const typeSizes: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8 };
/** Tags whose values point at further directories that decoders read: SubIFDs, Exif, GPS, Fuji. */
const directoryTags = new Set([330, 34665, 34853, 61440]);
const maxDirectories = 256;
/** The tags whose values are read: size, depth, strips and tiles, and the directory pointers. */
const valueTags = new Set([256, 257, 258, 259, 273, 277, 279, 322, 323, 324, 325, ...directoryTags]);
/** More values than this in one of those tags is not an image (one strip per row of a 4-million-row image). */
const maxValues = 1 << 22;

/** The first directory's SHORT and LONG tags that describe the image, by tag number. */
export type TiffTags = ReadonlyMap<number, readonly number[]>;

/** Checks a TIFF's directories and tag bounds; returns the first directory's SHORT and LONG tag values. */
export function readTiffStructure(bytes: Uint8Array): TiffTags {
  if (bytes.length < 8) throw new TiffFormatError('truncated', 'the file is truncated: the TIFF header is shorter than 8 bytes');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => dv.getUint16(at, little);
  const u32 = (at: number) => dv.getUint32(at, little);
  const pending = [u32(4)];
  const seen = new Set<number>();
  let first: Map<number, number[]> | null = null;
  while (pending.length) {
    const ifd = pending.shift()!;
    if (ifd === 0 || seen.has(ifd)) continue;
    if (seen.size >= maxDirectories) throw new TiffFormatError('corrupt', `the TIFF has more than ${maxDirectories} image directories`);
    seen.add(ifd);
    if (ifd + 2 > bytes.length) throw new TiffFormatError('truncated', 'the file is truncated: the TIFF directory lies past the end');
    const count = u16(ifd);
    const end = ifd + 2 + count * 12;
    if (end > bytes.length) throw new TiffFormatError('truncated', 'the file is truncated inside the TIFF directory');
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i += 1) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      const size = typeSizes[type];
      if (size === undefined) continue; // decoders skip unknown types
      const inline = size * n <= 4;
      const base = inline ? entry + 8 : u32(entry + 8);
      if (base + size * n > bytes.length) throw new TiffFormatError('truncated', `the file is truncated: TIFF tag ${tag} points past the end`);
      if ((type !== 3 && type !== 4 && type !== 13) || !valueTags.has(tag)) continue;
      if (n > maxValues) throw new TiffFormatError('corrupt', `TIFF tag ${tag} claims ${n} values`);
      const values: number[] = [];
      for (let k = 0; k < n; k += 1) values.push(size === 2 ? u16(base + k * 2) : u32(base + k * 4));
      if (directoryTags.has(tag)) pending.push(...values);
      tags.set(tag, values);
    }
    first ??= tags;
    // The next directory's offset; a writer that leaves it out ends the chain here.
    if (end + 4 <= bytes.length) pending.push(u32(end));
  }
  return first ?? new Map();
}

/**
 * Refuses images that would make a decoder produce far more than the file holds: more than four samples per pixel
 * (no scan has them), or uncompressed image data shorter than the image it declares.
 */
export function checkTiffImage(tags: TiffTags): void {
  const samples = tags.get(277)?.[0] ?? 1;
  if (samples < 1 || samples > 4) throw new TiffFormatError('corrupt', `the TIFF declares ${samples} samples per pixel; images have 1 to 4`);
  if ((tags.get(259)?.[0] ?? 1) !== 1) return;
  const width = tags.get(256)?.[0] ?? 0;
  const height = tags.get(257)?.[0] ?? 0;
  const bits = tags.get(258)?.[0] ?? 1;
  const expected = Math.ceil((width * samples * bits) / 8) * height;
  const stored = (tags.get(279) ?? tags.get(325) ?? []).reduce((sum, n) => sum + n, 0);
  if (stored < expected) throw new TiffFormatError('truncated', `the TIFF holds ${stored} bytes of uncompressed image data; its size needs ${expected}`);
}
