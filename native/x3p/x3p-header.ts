/** Parsing main.xml of an X3P file. The documents are small and flat, so a tolerant tag reader is enough. */
import { badInput } from '../input-error.ts';
import type { X3pAxis, X3pDataType, X3pHeader, X3pUnit } from './x3p-types.ts';

/** The text of the first `<tag>…</tag>` (namespace prefixes ignored), or null; `<tag/>` gives ''. */
export function tagText(xml: string, tag: string): string | null {
  const m = new RegExp(`<(?:\\w+:)?${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`).exec(xml);
  if (!m) return null;
  return (m[1] ?? '').trim();
}

/** The whole first `<tag …>…</tag>` element, or null. */
function element(xml: string, tag: string): string | null {
  const m = new RegExp(`<(?:\\w+:)?${tag}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${tag}>)`).exec(xml);
  return m ? m[0] : null;
}

function parseAxis(fileName: string, xml: string, name: 'CX' | 'CY' | 'CZ'): X3pAxis {
  const body = tagText(xml, name);
  if (body === null) throw badInput(fileName, 'corrupt', `main.xml has no ${name} axis in Record1`);
  const axisType = (tagText(body, 'AxisType') ?? 'I') as X3pAxis['axisType'];
  const dataTypeText = tagText(body, 'DataType') ?? 'D';
  if (!['I', 'L', 'F', 'D'].includes(dataTypeText)) {
    throw badInput(fileName, 'corrupt', `main.xml axis ${name} has unknown DataType "${dataTypeText}" (expected I, L, F or D)`);
  }
  // An empty <Offset/> or <Increment/> is common in real files; the standard's defaults are 0 and 1.
  const numberOr = (text: string | null, fallback: number) => (text === null || text === '' ? fallback : Number(text));
  const increment = numberOr(tagText(body, 'Increment'), 1);
  const offset = numberOr(tagText(body, 'Offset'), 0);
  if (!Number.isFinite(increment) || !Number.isFinite(offset) || (axisType === 'I' && increment <= 0)) {
    throw badInput(fileName, 'corrupt', `main.xml axis ${name} has an invalid Increment or Offset`);
  }
  if (axisType !== 'I' && axisType !== 'A' && axisType !== 'R') {
    throw badInput(fileName, 'corrupt', `main.xml axis ${name} has unknown AxisType "${String(axisType)}"`);
  }
  return { axisType, dataType: dataTypeText as X3pDataType, increment, offset };
}

/**
 * Metres per the standard, but some instruments write micrometres. No scanner of tool marks has a lateral step of a
 * millimetre or more, so an increment ≥ 1e-3 can only be a micrometre value.
 */
export function inferUnit(lateralIncrement: number): X3pUnit {
  return lateralIncrement >= 1e-3 ? 'um' : 'm';
}

/** Parses main.xml into a header, with errors that name the file and the field at fault. */
export function parseX3pHeader(fileName: string, xml: string): X3pHeader {
  const record1 = tagText(xml, 'Record1');
  const record3 = tagText(xml, 'Record3');
  if (record1 === null || record3 === null) throw badInput(fileName, 'corrupt', 'main.xml lacks Record1 or Record3, so it is not an ISO 5436-2 surface');
  const x = parseAxis(fileName, record1, 'CX');
  const y = parseAxis(fileName, record1, 'CY');
  const z = parseAxis(fileName, record1, 'CZ');
  const size = (axis: string) => {
    const text = tagText(record3, `Size${axis}`);
    const n = text === null ? NaN : Number(text);
    if (!Number.isInteger(n) || n < 1) throw badInput(fileName, 'corrupt', `main.xml gives no valid Size${axis} in Record3`);
    return n;
  };
  const pointDataLink = tagText(record3, 'PointDataLink');
  if (!pointDataLink) throw badInput(fileName, 'corrupt', 'main.xml has no PointDataLink (the file lists no point data)');
  const md5 = tagText(record3, 'MD5ChecksumPointData');
  return {
    featureType: tagText(record1, 'FeatureType') ?? 'SUR',
    x,
    y,
    z,
    sizeX: size('X'),
    sizeY: size('Y'),
    sizeZ: size('Z'),
    pointDataLink,
    md5PointData: md5 ? md5.toLowerCase() : null,
    record2Xml: element(xml, 'Record2'),
    maskXml: element(record3, 'Mask'),
    unit: inferUnit(x.increment),
  };
}

/** Annotation colour → label from a Record3 `<Mask>` element (labels without text are skipped). */
export function parseAnnotations(maskXml: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!maskXml) return out;
  for (const m of maskXml.matchAll(/<Annotation\s+color="([^"]+)"\s*>([^<]*)<\/Annotation>/g)) {
    const colour = m[1];
    const label = m[2]?.trim();
    if (colour && label) out[colour] = label;
  }
  return out;
}
