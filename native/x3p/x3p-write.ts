/** Writing ISO 5436-2 (X3P) files that Dalel and x3ptools can read back: main.xml, bindata/data.bin, MD5 files. */
import { createHash } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { ZipWriter } from '../codecs/zip/zip-write.ts';
import { bytesPerPoint, type X3pAxis, type X3pHeader, type X3pSurface } from './x3p-types.ts';

const md5Hex = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

function encodePoints(header: X3pHeader, z: Float64Array): Uint8Array {
  const { dataType, increment, offset } = header.z;
  const out = new Uint8Array(z.length * bytesPerPoint[dataType]);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    if (dataType === 'D') dv.setFloat64(i * 8, v, true);
    else if (dataType === 'F') dv.setFloat32(i * 4, v, true);
    else if (dataType === 'L') dv.setInt32(i * 4, Math.round((v - offset) / increment), true);
    else dv.setInt16(i * 2, Math.round((v - offset) / increment), true);
  }
  return out;
}

// 17 significant digits so that a float64 increment reads back identical.
const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(17).replace(/\.?0+(e|$)/, '$1'));
const axisXml = (name: string, a: X3pAxis) =>
  `<${name}><AxisType>${a.axisType}</AxisType><DataType>${a.dataType}</DataType><Increment>${num(a.increment)}</Increment><Offset>${num(a.offset)}</Offset></${name}>`;

/** The main.xml text for a header (Record2 and the Mask element are carried over verbatim when present). */
export function x3pMainXml(header: X3pHeader, dataMd5: string): string {
  const record2 =
    header.record2Xml ??
    `<Record2><Date>${new Date().toISOString().slice(0, 19)}</Date><Creator>Dalel</Creator><Instrument><Manufacturer>unknown</Manufacturer><Model>unknown</Model><Serial>unknown</Serial><Version>unknown</Version></Instrument><CalibrationDate>unknown</CalibrationDate><ProbingSystem><Type>NonContacting</Type><Identification>unknown</Identification></ProbingSystem><Comment>written by Dalel</Comment></Record2>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<p:ISO5436_2 xmlns:p="http://www.opengps.eu/2008/ISO5436_2">',
    `<Record1><Revision>ISO5436 - 2000</Revision><FeatureType>${header.featureType}</FeatureType><Axes>${axisXml('CX', header.x)}${axisXml('CY', header.y)}${axisXml('CZ', header.z)}</Axes></Record1>`,
    record2,
    `<Record3><MatrixDimension><SizeX>${header.sizeX}</SizeX><SizeY>${header.sizeY}</SizeY><SizeZ>1</SizeZ></MatrixDimension><DataLink><PointDataLink>bindata/data.bin</PointDataLink><MD5ChecksumPointData>${dataMd5.toUpperCase()}</MD5ChecksumPointData></DataLink>${header.maskXml ?? ''}</Record3>`,
    '<Record4><ChecksumFile>md5checksum.hex</ChecksumFile></Record4>',
    '</p:ISO5436_2>',
    '',
  ].join('\n');
}

/** The header for a new surface of `width` × `height` float64 heights in metres with the given lateral step. */
export function newX3pHeader(width: number, height: number, stepMetres: number): X3pHeader {
  const lateral: X3pAxis = { axisType: 'I', dataType: 'D', increment: stepMetres, offset: 0 };
  return {
    featureType: 'SUR',
    x: lateral,
    y: lateral,
    z: { axisType: 'A', dataType: 'D', increment: 1, offset: 0 },
    sizeX: width,
    sizeY: height,
    sizeZ: 1,
    pointDataLink: 'bindata/data.bin',
    md5PointData: null,
    record2Xml: null,
    maskXml: null,
    unit: 'm',
  };
}

/**
 * Writes a surface as an X3P file at the zip root. It goes to a temporary name first and is renamed into place, so
 * a failure never leaves a half-written file under `path`.
 */
export function writeX3p(path: string, surface: X3pSurface): void {
  const header: X3pHeader = { ...surface.header, sizeX: surface.width, sizeY: surface.height, pointDataLink: 'bindata/data.bin' };
  const data = encodePoints(header, surface.z);
  const dataMd5 = md5Hex(data);
  const mainXml = new TextEncoder().encode(x3pMainXml(header, dataMd5));
  const temp = `${path}.${process.pid}.${Date.now()}.partial`;
  try {
    const zip = new ZipWriter(temp);
    zip.add('main.xml', mainXml);
    zip.add('md5checksum.hex', new TextEncoder().encode(`${md5Hex(mainXml)} *main.xml\n`));
    zip.add('bindata/data.bin', data);
    if (surface.maskPng) zip.add('bindata/mask.png', surface.maskPng, false);
    zip.close();
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}.directory`, { force: true });
    throw error;
  }
}
