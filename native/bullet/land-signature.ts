/** One land scan to its signature: stable crosscut, grooves, curvature removal and smoothing (bulletxtrctr). */
import { badInput } from '../input-error.ts';
import type { X3pSurface } from '../x3p/x3p-types.ts';
import type { BulletParameters } from './bullet-params.ts';
import { optimizeCrosscut, type Crosscut } from './crosscut.ts';
import { locateGrooves } from './grooves.ts';
import { landProfiles, presentCount, presentRange, resample } from './land-profile.ts';
import { landSignature } from './signature.ts';

/** A land's signature (µm, NaN where missing, missing ends trimmed) and how it was taken. */
export interface LandSignature {
  readonly stepUm: number;
  readonly values: Float64Array;
  readonly crosscut: Crosscut;
  /** The land engraved area kept, in µm along the profile, and whether each groove was found. */
  readonly grooves: { readonly leftUm: number; readonly rightUm: number; readonly leftFound: boolean; readonly rightFound: boolean };
  readonly profileAxis: 'x' | 'y';
  readonly heelAtEnd: boolean;
}

/** Extracts the signature of one land scan; `name` names the file in errors. */
export function extractLandSignature(name: string, surface: X3pSurface, p: BulletParameters): LandSignature {
  const land = landProfiles(surface, p.profileAxis);
  if (land.count < 2 || land.length < 10) throw badInput(name, 'too-small', `the land scan is ${surface.width} × ${surface.height} points, too small for a crosscut`);
  const crosscut = optimizeCrosscut(land, p);
  const profile = land.profile(crosscut.index);
  if (presentCount(profile) < 10) throw badInput(name, 'empty', `the crosscut at ${crosscut.heightUm.toFixed(0)} µm has almost no valid point`);
  const pts = (um: number) => um / land.stepUm;
  const grooves = locateGrooves(profile, pts(p.grooveSmoothUm), Math.round(pts(p.grooveAdjustUm)), pts(p.grooveCutoffUm));
  const full = landSignature(profile, grooves.left, grooves.right, p.curvatureSpan, p.smoothingSpan);
  const [a, b] = presentRange(full);
  return {
    stepUm: land.stepUm,
    values: full.slice(a, b),
    crosscut,
    grooves: { leftUm: grooves.left * land.stepUm, rightUm: grooves.right * land.stepUm, leftFound: grooves.leftFound, rightFound: grooves.rightFound },
    profileAxis: land.profileAxis,
    heelAtEnd: land.heelAtEnd,
  };
}

/** The signature resampled to a common step. */
export function signatureAt(sig: LandSignature, stepUm: number): Float64Array {
  return resample({ stepUm: sig.stepUm, values: sig.values }, stepUm).values;
}
