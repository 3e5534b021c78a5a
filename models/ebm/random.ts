/** Seeded randomness, so that the same seed gives the same splits and bags on every machine. */
import { seededRandom } from '../../core/random.ts';
/** Deterministic uniform random numbers in [0, 1): the project's one seeded generator. */
export { seededRandom };

/** 0 … n-1 in a random order (Fisher–Yates). */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Splits indices at random into a first part of about `fraction` of them and the rest (each part sorted). */
export function randomSplit(indices: ArrayLike<number>, fraction: number, random: () => number): [Uint32Array, Uint32Array] {
  const order = shuffledIndices(indices.length, random);
  const cut = Math.round(indices.length * fraction);
  const first = Uint32Array.from(order.subarray(0, cut), (i) => indices[i]!).sort();
  const rest = Uint32Array.from(order.subarray(cut), (i) => indices[i]!).sort();
  return [first, rest];
}
