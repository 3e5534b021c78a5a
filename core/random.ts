/** Seeded randomness, so that the same seed gives the same splits, bags and synthetic data on every machine. */

/** A pseudo-random generator in [0, 1) (mulberry32: small, fast, and good enough for shuffling and test data). */
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
