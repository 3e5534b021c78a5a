/**
 * Colour correction from camera linear RGB to reference linear sRGB: a 3×3 linear map, the same with an offset (3×4,
 * for flare), or Finlayson's degree-2
 * root-polynomial map (Finlayson, Mackiewicz & Hurlbert 2015: terms r, g, b, √rg, √gb, √rb, exposure invariant).
 * Which one a photo gets is chosen by leave-one-patch-out ΔE2000, so the extra freedom of the root-polynomial map is
 * used only when it predicts patches it did not see better.
 */
import { ciede2000 } from '../colour/ciede2000.ts';
import { linearRgbToLab, type Triple } from '../colour/spaces.ts';
import { solveLinear } from '../image/homography.ts';

/** The correction models offered. */
export type CorrectionKind = 'linear-3x3' | 'affine-3x4' | 'root-polynomial-2';

/** Every model, in the order tried (the simpler first wins ties). */
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['linear-3x3', 'affine-3x4', 'root-polynomial-2'];

/** A fitted correction: `weights[c]` are the coefficients of output channel c on the model's terms. */
export interface Correction {
  readonly kind: CorrectionKind;
  readonly weights: readonly (readonly number[])[];
}

/** The model's terms of one camera colour (linear RGB). */
export function correctionTerms(kind: CorrectionKind, rgb: Triple): number[] {
  const [r, g, b] = rgb;
  if (kind === 'linear-3x3') return [r, g, b];
  // The constant term absorbs veiling glare (flare), which lifts dark colours in every photo of a glossy plate.
  if (kind === 'affine-3x4') return [r, g, b, 1];
  const pos = (v: number): number => Math.max(0, v);
  return [r, g, b, Math.sqrt(pos(r * g)), Math.sqrt(pos(g * b)), Math.sqrt(pos(r * b))];
}

/** Least-squares fit of a correction (tiny ridge so near-collinear patch sets stay solvable). */
export function fitCorrection(kind: CorrectionKind, measured: readonly Triple[], reference: readonly Triple[]): Correction | null {
  const terms = measured.map((rgb) => correctionTerms(kind, rgb));
  const n = terms[0]?.length ?? 0;
  if (terms.length < n + 1) return null;
  const normal = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const t of terms) for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) normal[i]![j]! += t[i]! * t[j]!;
  const trace = normal.reduce((sum, row, i) => sum + row[i]!, 0);
  for (let i = 0; i < n; i += 1) normal[i]![i]! += 1e-9 * trace;
  const weights: number[][] = [];
  for (let c = 0; c < 3; c += 1) {
    const rhs = new Array<number>(n).fill(0);
    terms.forEach((t, k) => { for (let i = 0; i < n; i += 1) rhs[i]! += t[i]! * reference[k]![c]!; });
    const solution = solveLinear(normal.map((row) => [...row]), rhs);
    if (!solution) return null;
    weights.push(solution);
  }
  return { kind, weights };
}

/** Applies a correction to one camera linear RGB colour (result unclipped). */
export function applyCorrection(correction: Correction, rgb: Triple): Triple {
  const t = correctionTerms(correction.kind, rgb);
  const out = correction.weights.map((w) => w.reduce((sum, wi, i) => sum + wi * t[i]!, 0));
  return [out[0]!, out[1]!, out[2]!];
}

/** Corrected CIELAB of one camera linear RGB colour. */
export function correctedLab(correction: Correction, rgb: Triple): Triple {
  return linearRgbToLab(applyCorrection(correction, rgb));
}

/** ΔE2000 of each patch predicted by a model fitted on all the other patches. */
export function leaveOneOutDeltaE(kind: CorrectionKind, measured: readonly Triple[], referenceLinear: readonly Triple[], referenceLab: readonly Triple[]): number[] | null {
  const errors: number[] = [];
  for (let i = 0; i < measured.length; i += 1) {
    const others = measured.filter((_, k) => k !== i);
    const targets = referenceLinear.filter((_, k) => k !== i);
    const fit = fitCorrection(kind, others, targets);
    if (!fit) return null;
    errors.push(ciede2000(correctedLab(fit, measured[i]!), referenceLab[i]!));
  }
  return errors;
}
