/** Types of an ISO 5436-2 (X3P) surface as Dalel holds it in memory. */

/** X3P point data types: 16-bit int, 32-bit int, float32, float64 (ISO 5436-2 Record1 DataType). */
export type X3pDataType = 'I' | 'L' | 'F' | 'D';

/** One axis of Record1: incremental (I) or absolute (A) coordinates, its data type, increment and offset. */
export interface X3pAxis {
  readonly axisType: 'I' | 'A' | 'R';
  readonly dataType: X3pDataType;
  readonly increment: number;
  readonly offset: number;
}

/** Lateral unit of a file: metres is the standard; some real files carry micrometres (inferred from the increment). */
export type X3pUnit = 'm' | 'um';

/** The parsed main.xml: what the reader needs, plus the untouched Record2 so the writer can keep it. */
export interface X3pHeader {
  readonly featureType: string;
  readonly x: X3pAxis;
  readonly y: X3pAxis;
  readonly z: X3pAxis;
  readonly sizeX: number;
  readonly sizeY: number;
  readonly sizeZ: number;
  readonly pointDataLink: string;
  readonly md5PointData: string | null;
  /** Record2 (date, creator, instrument) verbatim, or null when the file has none. */
  readonly record2Xml: string | null;
  /** Record3 `<Mask>` element verbatim (background colour, annotations), or null. */
  readonly maskXml: string | null;
  readonly unit: X3pUnit;
}

/** A height map: `z` in file units (see header.unit), row-major with x fastest; NaN marks a missing point. */
export interface X3pSurface {
  readonly header: X3pHeader;
  readonly width: number;
  readonly height: number;
  readonly z: Float64Array;
  /** bindata/mask.png bytes when the file has one (kept as is; x3ptools colours regions by annotation). */
  readonly maskPng: Uint8Array | null;
  /** Annotation colour → label, from Record3's Mask element. */
  readonly annotations: Readonly<Record<string, string>>;
  /** Non-fatal findings about the file (e.g. a stale md5checksum.hex), for the expert to see. */
  readonly warnings: readonly string[];
}

/** Bytes per point of each X3P data type. */
export const bytesPerPoint: Readonly<Record<X3pDataType, number>> = { I: 2, L: 4, F: 4, D: 8 };
