/**
 * Held-out splits of PAD cards by card: every photo of one card (`PAD S#`; the data hold up to 14 replicate photos
 * of a card, each its own `Image` id) falls on one side, so a test card is never one the model saw photographed
 * again. Cards are drawn per ingredient (stratified), with a fixed seed.
 */
import { seededRandom, shuffledIndices } from '../ebm/random.ts';
import type { PadCardRow } from './pad-data.ts';

export interface PadSplit {
  readonly train: number[];
  readonly test: number[];
  readonly description: string;
}

/**
 * What a split keeps together: `card` (every photo of a card on one side: the honest test) or `image` (each photo on
 * its own, so replicate photos of a test card may be in training: what a split by `Image` id gives on these data).
 */
export type PadSplitUnit = 'card' | 'image';

const unitOf = (row: PadCardRow, unit: PadSplitUnit) => (unit === 'card' ? row.card : `image:${row.image}`);

/** Groups rows by split unit; a group's label is its first row's ingredient. */
function cardsOf(rows: readonly PadCardRow[], subset: readonly number[], unit: PadSplitUnit): Map<string, number[]> {
  const cards = new Map<string, number[]>();
  for (const i of subset) {
    const key = unitOf(rows[i]!, unit);
    const list = cards.get(key);
    if (list) list.push(i);
    else cards.set(key, [i]);
  }
  return cards;
}

/** Splits `subset` (row indices) by card: about `fraction` of each ingredient's cards are held out. */
export function splitByCard(rows: readonly PadCardRow[], subset: readonly number[], fraction: number, seed: number, unit: PadSplitUnit = 'card'): PadSplit {
  const random = seededRandom(seed);
  const cards = cardsOf(rows, subset, unit);
  const byClass = new Map<string, string[]>();
  for (const [card, members] of [...cards].sort(([a], [b]) => a.localeCompare(b))) {
    const label = rows[members[0]!]!.contains ?? '';
    byClass.set(label, [...(byClass.get(label) ?? []), card]);
  }
  const held = new Set<string>();
  for (const label of [...byClass.keys()].sort()) {
    const list = byClass.get(label)!;
    const order = shuffledIndices(list.length, random);
    const take = Math.round(list.length * fraction);
    for (let j = 0; j < take; j += 1) held.add(list[order[j]!]!);
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const i of subset) (held.has(unitOf(rows[i]!, unit)) ? test : train).push(i);
  const description =
    unit === 'card'
      ? `by card (PAD S#): ${Math.round(fraction * 100)}% of each ingredient's cards held out, seed ${seed}`
      : `by image id: ${Math.round(fraction * 100)}% of each ingredient's photos held out, seed ${seed} (replicate photos of a test card may be in training)`;
  return { train, test, description };
}

/** k folds by card (for cross-validation figures): fold j holds out the j-th share of each ingredient's cards. */
export function cardFolds(rows: readonly PadCardRow[], subset: readonly number[], k: number, seed: number): PadSplit[] {
  const random = seededRandom(seed);
  const cards = cardsOf(rows, subset, 'card');
  const byClass = new Map<string, string[]>();
  for (const [card, members] of [...cards].sort(([a], [b]) => a.localeCompare(b))) {
    const label = rows[members[0]!]!.contains ?? '';
    byClass.set(label, [...(byClass.get(label) ?? []), card]);
  }
  const foldOf = new Map<string, number>();
  let next = 0;
  for (const label of [...byClass.keys()].sort()) {
    const list = byClass.get(label)!;
    const order = shuffledIndices(list.length, random);
    for (let j = 0; j < list.length; j += 1) foldOf.set(list[order[j]!]!, (next++) % k);
  }
  return Array.from({ length: k }, (_, j) => {
    const train: number[] = [];
    const test: number[] = [];
    for (const i of subset) (foldOf.get(rows[i]!.card) === j ? test : train).push(i);
    return { train, test, description: `fold ${j + 1} of ${k} by card (seed ${seed})` };
  });
}
