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

/** Groups rows by card; a card's label is its first row's ingredient. */
function cardsOf(rows: readonly PadCardRow[], subset: readonly number[]): Map<string, number[]> {
  const cards = new Map<string, number[]>();
  for (const i of subset) {
    const key = rows[i]!.card;
    const list = cards.get(key);
    if (list) list.push(i);
    else cards.set(key, [i]);
  }
  return cards;
}

/** Splits `subset` (row indices) by card: about `fraction` of each ingredient's cards are held out. */
export function splitByCard(rows: readonly PadCardRow[], subset: readonly number[], fraction: number, seed: number): PadSplit {
  const random = seededRandom(seed);
  const cards = cardsOf(rows, subset);
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
  for (const i of subset) (held.has(rows[i]!.card) ? test : train).push(i);
  return { train, test, description: `by card (PAD S#): ${Math.round(fraction * 100)}% of each ingredient's cards held out, seed ${seed}` };
}

/** k folds by card (for cross-validation figures): fold j holds out the j-th share of each ingredient's cards. */
export function cardFolds(rows: readonly PadCardRow[], subset: readonly number[], k: number, seed: number): PadSplit[] {
  const random = seededRandom(seed);
  const cards = cardsOf(rows, subset);
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
