import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { newX3pHeader, x3pMainXml } from '../../native/x3p/x3p-write.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A structurally valid PNG whose header claims `width`×`height` but carries almost no data: a decompression bomb. */
export function pngBombHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(1024))),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** A baseline JPEG of a gradient. */
export function makeJpeg(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i += 1) data.writeUInt32BE((((i % 256) << 24) | 0x8040ff) >>> 0, i * 4);
  return new Uint8Array(jpeg.encode({ data, width, height }, 90).data);
}

/** A minimal uncompressed greyscale TIFF (little-endian, one strip) with 8- or 16-bit samples. */
export function makeTiff(width: number, height: number, bits: 8 | 16): Uint8Array {
  const pixelBytes = (width * height * bits) / 8;
  const entries: Array<[number, number, number]> = [
    [256, 4, width],
    [257, 4, height],
    [258, 3, bits],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 0], // strip offset, patched below
    [277, 3, 1],
    [278, 4, height],
    [279, 4, pixelBytes],
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataOffset = 8 + ifdSize;
  const out = Buffer.alloc(dataOffset + pixelBytes);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  out.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(1, at + 4);
    const v = tag === 273 ? dataOffset : value;
    if (type === 3) out.writeUInt16LE(v, at + 8);
    else out.writeUInt32LE(v, at + 8);
  });
  for (let i = 0; i < width * height; i += 1) {
    if (bits === 8) out[dataOffset + i] = i % 256;
    else out.writeUInt16LE((i * 97) % 65536, dataOffset + i * 2);
  }
  return new Uint8Array(out);
}

/** A zip archive of stored (uncompressed) entries, enough to build X3P containers for tests. */
export function makeZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A complete X3P of a `sizeX`×`sizeY` grid of heights (a gentle slope, float64 metres, 1 µm apart), at the zip root
 * or in `folder`: main.xml as the writer makes it, its point data and that data's MD5. `claimOnly` writes 16 bytes of
 * data instead, for a header that claims a grid too large to build.
 */
export function makeX3p(sizeX: number, sizeY: number, folder = '', claimOnly = false): Uint8Array {
  const bytes = claimOnly ? new Uint8Array(16) : new Uint8Array(new Float64Array(sizeX * sizeY).map((_, i) => (i % sizeX) * 1e-7).buffer);
  const xml = x3pMainXml(newX3pHeader(sizeX, sizeY, 1e-6), createHash('md5').update(bytes).digest('hex'));
  return makeZip({ [`${folder}main.xml`]: xml, [`${folder}bindata/data.bin`]: bytes });
}

/** A tiny but complete PDF. */
export function makePdf(): Uint8Array {
  return new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'));
}
