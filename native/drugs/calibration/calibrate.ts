/**
 * Calibrates a photo on its colour reference target: find the target (or take the four clicked corners), sample each
 * patch (trimmed mean of its central part), fit the correction models, keep the one with the lowest
 * leave-one-patch-out ΔE2000, and report every patch's residual. Refuses, naming the file, when there is no target,
 * when patches are clipped (over-exposed) or the photo is too dark, and when the residual is too large to trust.
 */
import { ciede2000 } from '../colour/ciede2000.ts';
import { labToLinearRgb, linearRgbToLab, type Triple } from '../colour/spaces.ts';
import { badInput } from '../../input-error.ts';
import { applyHomography, homographyFromPoints, type Homography, type Point } from '../image/homography.ts';
import type { RgbaImage } from '../image/rgba-image.ts';
import { CORRECTION_KINDS, correctedLab, fitCorrection, leaveOneOutDeltaE, type Correction, type CorrectionKind } from './correction.ts';
import { findCardCandidates } from './detect-target.ts';
import { sampleSquare, type ColourSample } from './sampling.ts';
import { COLORCHECKER_CLASSIC, patchCentre, targetSize, type TargetDescription } from './targets.ts';

/** What calibration may be told. */
export interface CalibrationOptions {
  readonly target?: TargetDescription;
  /** The target's corners as the expert clicked them: its top-left, top-right, bottom-right, bottom-left patch corners of the card. */
  readonly corners?: readonly Point[];
  /** Patches left out of the fit (validation): their residual is reported separately. */
  readonly holdOut?: readonly number[];
  /** Refuse when the mean leave-one-out ΔE2000 of the chosen model is above this. */
  readonly maxMeanDeltaE?: number;
  /** Refuse when more than this fraction of any patch's samples are clipped. */
  readonly maxClippedFraction?: number;
}

/** Defaults, recorded as run parameters. */
export const CALIBRATION_DEFAULTS = {
  /** Above about 5 ΔE2000 the calibration's own error is as large as the spread between neighbouring NIJ colours. */
  maxMeanDeltaE: 5,
  maxClippedFraction: 0.05,
  /** Below this linear level the white patch is too dark to measure colour from (under-exposed). */
  minWhiteLinear: 0.04,
  /** Patch centre sampled, as a fraction of the patch side. */
  sampleFraction: 0.5,
} as const;

/** One patch as measured and corrected. */
export interface PatchReading {
  readonly index: number;
  readonly name: string;
  /** Patch centre in photo pixels. */
  readonly centre: Point;
  /** Side of the sampled square, in photo pixels (approximate, for overlays). */
  readonly sampledSidePx: number;
  readonly referenceLab: Triple;
  /** The camera's colour read as if it were sRGB (what an uncorrected photo shows). */
  readonly rawLab: Triple;
  readonly correctedLab: Triple;
  /** ΔE2000 of the corrected colour to the reference (model fitted on all fit patches). */
  readonly deltaE: number;
  /** ΔE2000 when the patch itself was left out of the fit (null for held-out patches). */
  readonly looDeltaE: number | null;
  readonly heldOut: boolean;
  readonly clippedFraction: number;
}

/** A photo's calibration: where the target is, the correction chosen and how well it fits. */
export interface Calibration {
  readonly targetId: string;
  readonly targetName: string;
  /** The card's corners in photo pixels: target top-left, top-right, bottom-right, bottom-left. */
  readonly corners: readonly Point[];
  readonly cornersFrom: 'detected' | 'given';
  readonly homography: Homography;
  readonly correction: Correction;
  /** Mean leave-one-out ΔE2000 of every model tried. */
  readonly modelErrors: Readonly<Record<CorrectionKind, number | null>>;
  readonly patches: readonly PatchReading[];
  readonly residualMean: number;
  readonly residualMax: number;
  readonly looMean: number;
  /** Mean ΔE2000 on held-out patches (null when none were held out). */
  readonly heldOutMean: number | null;
}

interface Placement {
  readonly corners: readonly Point[];
  readonly homography: Homography;
  readonly samples: readonly ColourSample[];
  readonly score: number;
}

function place(photo: RgbaImage, target: TargetDescription, corners: readonly Point[], fitIndices: readonly number[], referenceLinear: readonly Triple[]): Placement | null {
  const size = targetSize(target);
  const h = homographyFromPoints([{ x: 0, y: 0 }, { x: size.width, y: 0 }, { x: size.width, y: size.height }, { x: 0, y: size.height }], corners);
  if (!h) return null;
  const side = target.patchSize * CALIBRATION_DEFAULTS.sampleFraction;
  const samples = target.patches.map((_, i) => {
    const c = patchCentre(target, i);
    return sampleSquare(photo, h, c.x, c.y, side);
  });
  if (samples.some((s) => s.count === 0)) return null;
  const fit = fitCorrection('linear-3x3', fitIndices.map((i) => samples[i]!.linear), fitIndices.map((i) => referenceLinear[i]!));
  if (!fit) return null;
  const score = fitIndices.reduce((sum, i) => sum + ciede2000(correctedLab(fit, samples[i]!.linear), target.patches[i]!.lab), 0) / fitIndices.length;
  return { corners, homography: h, samples, score };
}

/** Largest mean ΔE2000 (linear fit on all patches) at which a dark region is still taken for the target. */
const TARGET_MATCH_LIMIT = 12;

/** Calibrates one photo (see the file comment); `fileName` names the photo in refusals. */
export function calibratePhoto(photo: RgbaImage, fileName: string, options: CalibrationOptions = {}): Calibration {
  const target = options.target ?? COLORCHECKER_CLASSIC;
  const maxMean = options.maxMeanDeltaE ?? CALIBRATION_DEFAULTS.maxMeanDeltaE;
  const maxClipped = options.maxClippedFraction ?? CALIBRATION_DEFAULTS.maxClippedFraction;
  const held = new Set(options.holdOut ?? []);
  const fitIndices = target.patches.map((_, i) => i).filter((i) => !held.has(i));
  const referenceLinear = target.patches.map((p) => labToLinearRgb(p.lab));
  const referenceLab = target.patches.map((p) => p.lab);

  let best: Placement | null = null;
  if (options.corners) {
    if (options.corners.length !== 4) throw badInput(fileName, 'target-corners', 'exactly four target corners are needed');
    best = place(photo, target, options.corners, fitIndices, referenceLinear);
  } else {
    for (const candidate of findCardCandidates(photo)) {
      const c = candidate.corners;
      for (let turn = 0; turn < 4; turn += 1) {
        const rotated = [c[turn % 4]!, c[(turn + 1) % 4]!, c[(turn + 2) % 4]!, c[(turn + 3) % 4]!];
        const placement = place(photo, target, rotated, fitIndices, referenceLinear);
        if (placement && (!best || placement.score < best.score)) best = placement;
      }
    }
  }
  if (!best || best.score > TARGET_MATCH_LIMIT) {
    throw badInput(fileName, 'target-not-found', `no ${target.name} was found in the photo (photograph the target beside the sample, or click its four corners)`);
  }

  const clipped = best.samples.map((s, i) => ({ s, i })).filter(({ s }) => s.clippedFraction > maxClipped);
  if (clipped.length > 0) {
    const names = clipped.map(({ i }) => target.patches[i]!.name).join(', ');
    throw badInput(fileName, 'photo-clipped', `the photo is over-exposed: target patches ${names} are clipped (lower the exposure and photograph again)`, { patches: names });
  }
  const brightest = fitIndices.reduce((max, i) => Math.max(max, best.samples[i]!.linear[1]), 0);
  if (brightest < CALIBRATION_DEFAULTS.minWhiteLinear) {
    throw badInput(fileName, 'photo-underexposed', 'the photo is too dark to measure colours (raise the exposure or the light and photograph again)');
  }

  const measured = fitIndices.map((i) => best.samples[i]!.linear);
  const targets = fitIndices.map((i) => referenceLinear[i]!);
  const labs = fitIndices.map((i) => referenceLab[i]!);
  const modelErrors = {} as Record<CorrectionKind, number | null>;
  let chosen: { kind: CorrectionKind; loo: number[] } | null = null;
  for (const kind of CORRECTION_KINDS) {
    const loo = leaveOneOutDeltaE(kind, measured, targets, labs);
    const mean = loo ? loo.reduce((s, v) => s + v, 0) / loo.length : null;
    modelErrors[kind] = mean;
    if (loo && mean !== null && (!chosen || mean < chosen.loo.reduce((s, v) => s + v, 0) / chosen.loo.length)) chosen = { kind, loo };
  }
  const correction = chosen ? fitCorrection(chosen.kind, measured, targets) : null;
  if (!chosen || !correction) throw badInput(fileName, 'calibration-failed', 'the target patches do not determine a colour correction');

  const size = targetSize(target);
  const sidePx = Math.hypot(best.corners[1]!.x - best.corners[0]!.x, best.corners[1]!.y - best.corners[0]!.y) / size.width * target.patchSize * CALIBRATION_DEFAULTS.sampleFraction;
  const patches: PatchReading[] = target.patches.map((patch, i) => {
    const sample = best.samples[i]!;
    const corrected = correctedLab(correction, sample.linear);
    const fitPosition = fitIndices.indexOf(i);
    const c = patchCentre(target, i);
    return {
      index: i,
      name: patch.name,
      centre: applyHomography(best.homography, c.x, c.y),
      sampledSidePx: sidePx,
      referenceLab: patch.lab,
      rawLab: linearRgbToLab(sample.linear),
      correctedLab: corrected,
      deltaE: ciede2000(corrected, patch.lab),
      looDeltaE: fitPosition >= 0 ? chosen.loo[fitPosition]! : null,
      heldOut: held.has(i),
      clippedFraction: sample.clippedFraction,
    };
  });
  const fitted = patches.filter((p) => !p.heldOut);
  const heldOut = patches.filter((p) => p.heldOut);
  const looMean = chosen.loo.reduce((s, v) => s + v, 0) / chosen.loo.length;
  if (looMean > maxMean) {
    throw badInput(fileName, 'calibration-residual', `the colour correction is not trustworthy: mean residual ${looMean.toFixed(1)} ΔE2000 on the target patches is above ${maxMean} (check the target is flat, evenly lit and in focus)`, { residual: Number(looMean.toFixed(2)) });
  }
  return {
    targetId: target.id,
    targetName: target.name,
    corners: best.corners,
    cornersFrom: options.corners ? 'given' : 'detected',
    homography: best.homography,
    correction,
    modelErrors,
    patches,
    residualMean: fitted.reduce((s, p) => s + p.deltaE, 0) / fitted.length,
    residualMax: fitted.reduce((m, p) => Math.max(m, p.deltaE), 0),
    looMean,
    heldOutMean: heldOut.length > 0 ? heldOut.reduce((s, p) => s + p.deltaE, 0) / heldOut.length : null,
  };
}
