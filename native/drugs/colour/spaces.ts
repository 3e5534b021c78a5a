/**
 * Colour space conversions for the drug-test module: sRGB (IEC 61966-2-1) ↔ linear RGB ↔ CIE XYZ ↔ CIELAB, all with
 * the D65 white. Every colour comparison in the module happens in CIELAB, so this is the one place the constants live.
 * RGB components are 0…1 (not 0…255) so that corrected colours outside the gamut are kept rather than clipped.
 */

/** A colour as three numbers (R,G,B, X,Y,Z or L*,a*,b*, by context). */
export type Triple = readonly [number, number, number];

/** The CIE 1931 2° D65 white point (Y = 1), as used by the sRGB standard. */
export const D65_WHITE: Triple = [0.95047, 1, 1.08883];

/** Linear sRGB → XYZ (D65), the IEC 61966-2-1 matrix. */
const RGB_TO_XYZ = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
] as const;

/** XYZ (D65) → linear sRGB: the exact inverse of RGB_TO_XYZ (the published 7-digit inverse would not round-trip). */
const XYZ_TO_RGB = invert3(RGB_TO_XYZ);

function invert3(m: readonly (readonly number[])[]): number[][] {
  const [a, b, c] = m[0]!;
  const [d, e, f] = m[1]!;
  const [g, h, i] = m[2]!;
  const A = e! * i! - f! * h!;
  const B = f! * g! - d! * i!;
  const C = d! * h! - e! * g!;
  const det = a! * A + b! * B + c! * C;
  return [
    [A / det, (c! * h! - b! * i!) / det, (b! * f! - c! * e!) / det],
    [B / det, (a! * i! - c! * g!) / det, (c! * d! - a! * f!) / det],
    [C / det, (b! * g! - a! * h!) / det, (a! * e! - b! * d!) / det],
  ];
}

/** One sRGB component (0…1, gamma-encoded) to linear light. Negative inputs mirror, so the curve stays monotone. */
export function srgbToLinear(value: number): number {
  const magnitude = Math.abs(value);
  const linear = magnitude <= 0.04045 ? magnitude / 12.92 : ((magnitude + 0.055) / 1.055) ** 2.4;
  return value < 0 ? -linear : linear;
}

/** One linear-light component to gamma-encoded sRGB (0…1 for in-gamut input). */
export function linearToSrgb(value: number): number {
  const magnitude = Math.abs(value);
  const encoded = magnitude <= 0.0031308 ? magnitude * 12.92 : 1.055 * magnitude ** (1 / 2.4) - 0.055;
  return value < 0 ? -encoded : encoded;
}

function multiply(matrix: readonly (readonly number[])[], v: Triple): Triple {
  return [
    matrix[0]![0]! * v[0] + matrix[0]![1]! * v[1] + matrix[0]![2]! * v[2],
    matrix[1]![0]! * v[0] + matrix[1]![1]! * v[1] + matrix[1]![2]! * v[2],
    matrix[2]![0]! * v[0] + matrix[2]![1]! * v[1] + matrix[2]![2]! * v[2],
  ];
}

/** Linear RGB (0…1) → XYZ (D65, Y of white = 1). */
export function linearRgbToXyz(rgb: Triple): Triple {
  return multiply(RGB_TO_XYZ, rgb);
}

/** XYZ (D65, Y of white = 1) → linear RGB. */
export function xyzToLinearRgb(xyz: Triple): Triple {
  return multiply(XYZ_TO_RGB, xyz);
}

const EPSILON = 216 / 24389;
const KAPPA = 24389 / 27;

function labF(t: number): number {
  return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

function labFInverse(f: number): number {
  const cube = f * f * f;
  return cube > EPSILON ? cube : (116 * f - 16) / KAPPA;
}

/** XYZ → CIELAB relative to a white (D65 by default), with the exact CIE ε and κ. */
export function xyzToLab(xyz: Triple, white: Triple = D65_WHITE): Triple {
  const fx = labF(xyz[0] / white[0]);
  const fy = labF(xyz[1] / white[1]);
  const fz = labF(xyz[2] / white[2]);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIELAB → XYZ relative to a white (D65 by default). */
export function labToXyz(lab: Triple, white: Triple = D65_WHITE): Triple {
  const fy = (lab[0] + 16) / 116;
  const fx = fy + lab[1] / 500;
  const fz = fy - lab[2] / 200;
  return [labFInverse(fx) * white[0], labFInverse(fy) * white[1], labFInverse(fz) * white[2]];
}

/** Gamma-encoded sRGB (0…1 each) → CIELAB (D65). */
export function srgbToLab(rgb: Triple): Triple {
  return linearRgbToLab([srgbToLinear(rgb[0]), srgbToLinear(rgb[1]), srgbToLinear(rgb[2])]);
}

/** Linear RGB (0…1 each) → CIELAB (D65). */
export function linearRgbToLab(rgb: Triple): Triple {
  return xyzToLab(linearRgbToXyz(rgb));
}

/** CIELAB (D65) → linear RGB, unclipped (out-of-gamut colours give components outside 0…1). */
export function labToLinearRgb(lab: Triple): Triple {
  return xyzToLinearRgb(labToXyz(lab));
}

/** CIELAB (D65) → gamma-encoded sRGB, unclipped. */
export function labToSrgb(lab: Triple): Triple {
  const linear = labToLinearRgb(lab);
  return [linearToSrgb(linear[0]), linearToSrgb(linear[1]), linearToSrgb(linear[2])];
}

/** 8-bit sRGB (0…255 each) → CIELAB (D65). */
export function srgb8ToLab(r: number, g: number, b: number): Triple {
  return srgbToLab([r / 255, g / 255, b / 255]);
}

/** CIELAB → 8-bit sRGB, clipped into the gamut and rounded (for swatches and overlays only). */
export function labToSrgb8(lab: Triple): Triple {
  const rgb = labToSrgb(lab);
  const to8 = (v: number): number => Math.round(Math.min(1, Math.max(0, v)) * 255);
  return [to8(rgb[0]), to8(rgb[1]), to8(rgb[2])];
}

/** '#RRGGBB' of a CIELAB colour (clipped into the sRGB gamut). */
export function labToHex(lab: Triple): string {
  return `#${labToSrgb8(lab).map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** CIE76 ΔE*ab: plain Euclidean distance in CIELAB (kept for reporting beside ΔE2000, never for decisions). */
export function deltaE76(a: Triple, b: Triple): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
