/**
 * Same-writer and different-writer document pairs, and splits of a profile set by writer (never by document, so a
 * writer's pages are never on both sides of a split).
 */
import { seededRandom, shuffledIndices } from '../ebm/random.ts';
import type { WriterProfile } from './profiles.ts';

/** Two documents (indices into a profile list) and whether one writer wrote both. */
export interface ProfilePair {
  readonly i: number;
  readonly j: number;
  readonly same: boolean;
}

/** Writers in order of first appearance. */
export function writersOf(profiles: readonly WriterProfile[]): string[] {
  return [...new Set(profiles.map((p) => p.writer))];
}

/** Splits the profiles by writer: about `fraction` of the writers (seeded shuffle) go to the first part. */
export function splitByWriter(profiles: readonly WriterProfile[], fraction: number, seed: number): [WriterProfile[], WriterProfile[]] {
  const writers = writersOf(profiles).sort();
  const order = shuffledIndices(writers.length, seededRandom(seed));
  const cut = Math.round(writers.length * fraction);
  const first = new Set(Array.from(order.subarray(0, cut), (k) => writers[k]!));
  return [profiles.filter((p) => first.has(p.writer)), profiles.filter((p) => !first.has(p.writer))];
}

/** Every pair of documents (i < j): same-writer and different-writer alike. */
export function allPairs(profiles: readonly WriterProfile[]): ProfilePair[] {
  const pairs: ProfilePair[] = [];
  for (let i = 0; i < profiles.length; i += 1) {
    for (let j = i + 1; j < profiles.length; j += 1) pairs.push({ i, j, same: profiles[i]!.writer === profiles[j]!.writer });
  }
  return pairs;
}

/** Every same-writer pair and a seeded sample of at most `maxDifferent` different-writer pairs. */
export function trainingPairs(profiles: readonly WriterProfile[], maxDifferent: number, seed: number): ProfilePair[] {
  const pairs = allPairs(profiles);
  const same = pairs.filter((p) => p.same);
  const different = pairs.filter((p) => !p.same);
  if (different.length <= maxDifferent) return [...same, ...different];
  const order = shuffledIndices(different.length, seededRandom(seed));
  const chosen = Array.from(order.subarray(0, maxDifferent)).sort((a, b) => a - b);
  return [...same, ...chosen.map((k) => different[k]!)];
}
