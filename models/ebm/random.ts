/** Seeded randomness, so that the same seed gives the same splits and bags on every machine. */

/** A pseudo-random generator in [0, 1) (mulberry32: small, fast, and good enough for shuffling). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
