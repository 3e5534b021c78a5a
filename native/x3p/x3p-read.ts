/** Reading ISO 5436-2 (X3P) surface files: zip at root or in one sub-folder, main.xml, point data, MD5 checks. */
import { createHash } from 'node:crypto';
import { badInput } from '../input-error.ts';
import { readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry } from '../codecs/zip/zip-read.ts';
import { parseAnnotations, parseX3pHeader } from './x3p-header.ts';
import { bytesPerPoint, type X3pHeader, type X3pSurface } from './x3p-types.ts';

/** Guards against hostile or mistaken headers: the grid is checked from main.xml before anything is allocated. */
export interface X3pReadLimits {
  /** Largest grid accepted, in points (default 40 million: 320 MB as float64). */
  readonly maxPoints: number;
}

/** The default guard: 40 million points. */
export const defaultX3pLimits: X3pReadLimits = { maxPoints: 40_000_000 };

function entryBytes(fileName: string, bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  try {
    return readZipEntry(bytes, entry, maxBytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw badInput(fileName, error.reasonCode, error.message);
    throw error;
  }
}

const md5Hex = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

/** Finds main.xml at the root or in a sub-folder, ignoring macOS resource forks (__MACOSX/). */
function findMain(fileName: string, entries: readonly ZipEntry[]): ZipEntry {
  const candidates = entries.filter((e) => !e.name.startsWith('__MACOSX/') && (e.name === 'main.xml' || e.name.endsWith('/main.xml')));
  candidates.sort((a, b) => a.name.split('/').length - b.name.split('/').length);
  const main = candidates[0];
  if (!main) throw badInput(fileName, 'unsupported-type', 'the zip archive has no main.xml, so it is not an X3P surface');
  return main;
}

/** Decodes little-endian point data into float64, applying increment and offset to integer types (per ISO 5436-2). */
function decodePoints(header: X3pHeader, data: Uint8Array, count: number): Float64Array {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Float64Array(count);
  const { dataType, increment, offset } = header.z;
  switch (dataType) {
    case 'D':
      for (let i = 0; i < count; i++) out[i] = dv.getFloat64(i * 8, true);
      break;
    case 'F':
      for (let i = 0; i < count; i++) out[i] = dv.getFloat32(i * 4, true);
      break;
    case 'L':
      for (let i = 0; i < count; i++) out[i] = dv.getInt32(i * 4, true) * increment + offset;
      break;
    case 'I':
      for (let i = 0; i < count; i++) out[i] = dv.getInt16(i * 2, true) * increment + offset;
      break;
  }
  return out;
}

/** An X3P file opened and checked: its header, archive layout and point data bytes, verified but not decoded. */
export interface CheckedX3p {
  readonly header: X3pHeader;
  readonly entries: readonly ZipEntry[];
  /** The folder main.xml sits in ('' at the root). */
  readonly base: string;
  readonly data: Uint8Array;
  readonly warnings: readonly string[];
}

/**
 * Opens an X3P file from its bytes and checks it without decoding its points (intake runs this on every scan it
 * stores). Refuses, with an error naming `fileName`: damaged or truncated zips, missing main.xml or point data, grids
 * over `limits.maxPoints` (before anything is inflated), data whose length disagrees with the header, and an MD5
 * mismatch of the point data.
 */
export function checkX3p(fileName: string, bytes: Uint8Array, limits: X3pReadLimits = defaultX3pLimits): CheckedX3p {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw badInput(fileName, error.reasonCode, `the X3P zip cannot be read: ${error.message}`);
    throw error;
  }
  const main = findMain(fileName, entries);
  const base = main.name.slice(0, main.name.length - 'main.xml'.length);
  const mainBytes = entryBytes(fileName, bytes, main, 16 * 1024 * 1024);
  const header = parseX3pHeader(fileName, new TextDecoder().decode(mainBytes));
  if (header.sizeZ !== 1) throw badInput(fileName, 'unsupported', `SizeZ is ${header.sizeZ}; only single-layer surfaces (SizeZ = 1) are supported`);
  const points = header.sizeX * header.sizeY;
  if (points > limits.maxPoints) {
    throw badInput(fileName, 'too-large', `the header declares ${header.sizeX} × ${header.sizeY} = ${points} points, over the limit of ${limits.maxPoints}`);
  }

  const warnings: string[] = [];
  const checksumEntry = entries.find((e) => e.name === `${base}md5checksum.hex`);
  if (checksumEntry) {
    const declared = /[0-9a-fA-F]{32}/.exec(new TextDecoder().decode(entryBytes(fileName, bytes, checksumEntry, 4096)))?.[0];
    // Real files (x3ptools' own samples) edit main.xml after writing md5checksum.hex, so a header mismatch is reported
    // as a warning; the point data, which carries the evidence, is checked strictly below.
    if (declared && declared.toLowerCase() !== md5Hex(mainBytes)) warnings.push('main.xml does not match md5checksum.hex (the header was edited after it was written)');
  }

  const dataName = `${base}${header.pointDataLink.replace(/^\.?\//, '')}`;
  const dataEntry = entries.find((e) => e.name === dataName);
  if (!dataEntry) throw badInput(fileName, 'corrupt', `the point data ${header.pointDataLink} named in main.xml is missing from the archive`);
  const expected = points * bytesPerPoint[header.z.dataType];
  if (dataEntry.uncompressedSize !== expected) {
    throw badInput(
      fileName,
      'size-mismatch',
      `header/data size mismatch: ${header.pointDataLink} holds ${dataEntry.uncompressedSize} bytes, but SizeX × SizeY × ${bytesPerPoint[header.z.dataType]} bytes (${header.z.dataType}) = ${expected}`,
    );
  }
  const data = entryBytes(fileName, bytes, dataEntry, expected);
  if (header.md5PointData && md5Hex(data) !== header.md5PointData) {
    throw badInput(fileName, 'checksum', `MD5 mismatch: ${header.pointDataLink} does not match MD5ChecksumPointData in main.xml (the data was altered or damaged)`);
  }
  return { header, entries, base, data, warnings };
}

/**
 * Reads an X3P file from its bytes: `checkX3p`'s refusals, and a surface with no valid point.
 */
export function readX3p(fileName: string, bytes: Uint8Array, limits: X3pReadLimits = defaultX3pLimits): X3pSurface {
  const { header, entries, base, data, warnings } = checkX3p(fileName, bytes, limits);
  const z = decodePoints(header, data, header.sizeX * header.sizeY);
  if (!z.some((v) => Number.isFinite(v))) throw badInput(fileName, 'empty', 'the surface has no valid point (every height is missing)');

  const maskEntry = entries.find((e) => e.name === `${base}bindata/mask.png`);
  const maskPng = maskEntry ? entryBytes(fileName, bytes, maskEntry, 64 * 1024 * 1024) : null;
  return { header, width: header.sizeX, height: header.sizeY, z, maskPng, annotations: parseAnnotations(header.maskXml), warnings: [...warnings] };
}
