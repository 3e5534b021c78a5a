/**
 * Bullet comparison by land signatures (CSAFE bulletxtrctr; Hare, Hofmann, Carriquiry 2017): each land's signature
 * at a stable crosscut, every land of A against every land of B (aligned by maximum CCF; CCF, CMS, D, overlap, lag),
 * a land-pair score, and the bullet score along the best land rotation. Pure: no I/O, no OpenCV.
 */
import { badInput } from '../input-error.ts';
import type { X3pSurface } from '../x3p/x3p-types.ts';
import { alignSignatures } from './align.ts';
import { defaultBulletParameters, type BulletParameters } from './bullet-params.ts';
import { distanceD, overlapFraction } from './features.ts';
import { extractLandSignature, signatureAt, type LandSignature } from './land-signature.ts';
import { bestRotation, type Rotation } from './rotation.ts';
import { findStriae, longestMatchRun, matchStriae } from './striae.ts';

/** Name and version of the algorithm, recorded with every result; bump the version when results can change. */
export const bulletAlgorithm = { name: 'bullet-land-signatures', version: '1.0.0' } as const;

/** One land scan of a bullet, with the hash of the file it came from. */
export interface BulletLandInput {
  readonly name: string;
  readonly sha256: string;
  readonly evidenceId: string | null;
  readonly surface: X3pSurface;
}

/** One land of A against one land of B. */
export interface LandPair {
  readonly a: number;
  readonly b: number;
  readonly ccf: number;
  /** Consecutive matching striae (peaks and valleys). */
  readonly cms: number;
  readonly d: number;
  readonly overlap: number;
  /** B's signature is shifted by this much along A's (µm). */
  readonly lagUm: number;
  /** The land-pair score: the CCF of the aligned signatures (Vanderplas et al. 2020 compare it with CMS and RF). */
  readonly score: number;
  /** The aligned signatures (µm, NaN where missing). */
  readonly alignedA: Float64Array;
  readonly alignedB: Float64Array;
}

/** A full bullet comparison: land signatures, every land pair, the best rotation and the conclusion. */
export interface BulletComparison {
  readonly a: readonly BulletLandInput[];
  readonly b: readonly BulletLandInput[];
  readonly signaturesA: readonly LandSignature[];
  readonly signaturesB: readonly LandSignature[];
  readonly stepUm: number;
  readonly landPairs: readonly LandPair[];
  readonly rotation: Rotation;
  readonly bulletScore: number;
  readonly landThreshold: number;
  /** The bullet score against the land threshold; below it the method says nothing stronger than "not identified". */
  readonly conclusion: 'identification' | 'inconclusive-or-elimination';
  readonly parameters: BulletParameters;
  readonly timing: { readonly signaturesMs: number; readonly comparisonsMs: number; readonly totalMs: number };
}

/** Compares two signatures at a common step: alignment and features. */
export function compareSignatures(sigA: Float64Array, sigB: Float64Array, stepUm: number, p: BulletParameters): Omit<LandPair, 'a' | 'b'> | null {
  const al = alignSignatures(sigA, sigB, p.minOverlap);
  if (!al) return null;
  const window = p.striaeSmoothUm / stepUm;
  const cms = longestMatchRun(matchStriae(findStriae(al.a, window), findStriae(al.b, window)));
  return { ccf: al.ccf, cms, d: distanceD(al), overlap: overlapFraction(al), lagUm: al.lag * stepUm, score: al.ccf, alignedA: al.a, alignedB: al.b };
}

/** Compares the lands of bullet A with those of bullet B (each side at least one land). */
export function compareBullets(a: readonly BulletLandInput[], b: readonly BulletLandInput[], params: BulletParameters = defaultBulletParameters): BulletComparison {
  const start = performance.now();
  if (!a.length || !b.length) throw badInput(a.length ? 'bullet B' : 'bullet A', 'empty', 'a bullet comparison needs at least one land scan on each side');
  const signaturesA = a.map((l) => extractLandSignature(l.name, l.surface, params));
  const signaturesB = b.map((l) => extractLandSignature(l.name, l.surface, params));
  const signaturesMs = performance.now() - start;
  const stepUm = params.stepUm ?? Math.max(...signaturesA.map((s) => s.stepUm), ...signaturesB.map((s) => s.stepUm));
  const sigsA = signaturesA.map((s) => signatureAt(s, stepUm));
  const sigsB = signaturesB.map((s) => signatureAt(s, stepUm));
  const landPairs: LandPair[] = [];
  const scores: number[][] = sigsA.map(() => []);
  for (let i = 0; i < sigsA.length; i++) {
    for (let j = 0; j < sigsB.length; j++) {
      const pair = compareSignatures(sigsA[i]!, sigsB[j]!, stepUm, params);
      if (!pair) throw badInput(`${a[i]!.name} / ${b[j]!.name}`, 'too-small', 'the two land signatures are too short to be aligned');
      landPairs.push({ a: i, b: j, ...pair });
      scores[i]![j] = pair.score;
    }
  }
  const n = Math.max(params.landCount ?? 0, a.length, b.length);
  const rotation = bestRotation(scores, n);
  const comparisonsMs = performance.now() - start - signaturesMs;
  return {
    a,
    b,
    signaturesA,
    signaturesB,
    stepUm,
    landPairs,
    rotation,
    bulletScore: rotation.score,
    landThreshold: params.landThreshold,
    conclusion: rotation.score >= params.landThreshold ? 'identification' : 'inconclusive-or-elimination',
    parameters: params,
    timing: { signaturesMs, comparisonsMs, totalMs: performance.now() - start },
  };
}
