/**
 * CIEDE2000 colour difference (CIE 142-2001), written after Sharma, Wu & Dalal (2005), "The CIEDE2000
 * color-difference formula: implementation notes, supplementary test data, and mathematical observations",
 * Color Res. Appl. 30(1):21–30; the unit test checks it on that paper's 34 test pairs to 1e-4.
 */
import type { Triple } from './spaces.ts';

const DEG = Math.PI / 180;
const POW25_7 = 25 ** 7;

/** Hue angle in degrees, 0…360; 0 for a colour with no chroma (the paper's convention). */
function hueDegrees(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a) / DEG;
  return h < 0 ? h + 360 : h;
}

/** Parametric weights kL, kC, kH (all 1 for the reference conditions). */
export interface Ciede2000Weights {
  readonly kL: number;
  readonly kC: number;
  readonly kH: number;
}

const REFERENCE: Ciede2000Weights = { kL: 1, kC: 1, kH: 1 };

/** ΔE00 between two CIELAB colours. Symmetric, 0 for identical colours. */
export function ciede2000(lab1: Triple, lab2: Triple, weights: Ciede2000Weights = REFERENCE): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const meanC = (C1 + C2) / 2;
  const meanC7 = meanC ** 7;
  const G = 0.5 * (1 - Math.sqrt(meanC7 / (meanC7 + POW25_7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const h1p = hueDegrees(b1, a1p);
  const h2p = hueDegrees(b2, a2p);

  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * DEG);

  const meanLp = (L1 + L2) / 2;
  const meanCp = (C1p + C2p) / 2;
  let meanHp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) meanHp = (h1p + h2p) / 2;
    else if (h1p + h2p < 360) meanHp = (h1p + h2p + 360) / 2;
    else meanHp = (h1p + h2p - 360) / 2;
  }

  const T = 1
    - 0.17 * Math.cos((meanHp - 30) * DEG)
    + 0.24 * Math.cos(2 * meanHp * DEG)
    + 0.32 * Math.cos((3 * meanHp + 6) * DEG)
    - 0.2 * Math.cos((4 * meanHp - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((meanHp - 275) / 25) ** 2));
  const meanCp7 = meanCp ** 7;
  const RC = 2 * Math.sqrt(meanCp7 / (meanCp7 + POW25_7));
  const lTerm = (meanLp - 50) ** 2;
  const SL = 1 + (0.015 * lTerm) / Math.sqrt(20 + lTerm);
  const SC = 1 + 0.045 * meanCp;
  const SH = 1 + 0.015 * meanCp * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;

  const l = dLp / (weights.kL * SL);
  const c = dCp / (weights.kC * SC);
  const h = dHp / (weights.kH * SH);
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}
