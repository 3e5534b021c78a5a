/**
 * Zhang–Suen thinning of a column-major ink mask to a one-pixel skeleton (the thinning handwriter uses). The mask must
 * have a one-pixel paper frame. Returns the skeleton's pixel indices in increasing (column-major) order.
 */

/** Thins `ink` (rows × cols, 1 = ink) in place and returns the skeleton pixels, sorted. */
export function thinZhangSuen(ink: Uint8Array, rows: number, cols: number): Int32Array {
  const n = rows;
  let candidates: number[] = [];
  for (let c = 1; c < cols - 1; c++) for (let r = 1; r < rows - 1; r++) if (ink[c * n + r]) candidates.push(c * n + r);
  // Clockwise from the pixel above: up, up-right, right, down-right, down, down-left, left, up-left.
  const offsets = [-1, n - 1, n, n + 1, 1, 1 - n, -n, -n - 1];
  const pass = (second: boolean): number => {
    const toClear: number[] = [];
    for (const p of candidates) {
      if (!ink[p]) continue;
      let inkCount = 0;
      let transitions = 0;
      for (let k = 0; k < 8; k++) {
        const here = ink[p + offsets[k]!]!;
        const next = ink[p + offsets[(k + 1) % 8]!]!;
        if (here) inkCount++;
        if (!here && next) transitions++;
      }
      if (transitions !== 1 || inkCount < 2 || inkCount > 6) continue;
      const up = ink[p - 1]!;
      const right = ink[p + n]!;
      const down = ink[p + 1]!;
      const left = ink[p - n]!;
      if (!second) {
        if (up && right && down) continue;
        if (right && down && left) continue;
      } else {
        if (up && right && left) continue;
        if (up && down && left) continue;
      }
      toClear.push(p);
    }
    for (const p of toClear) ink[p] = 0;
    return toClear.length;
  };
  for (;;) {
    const changed = pass(false) + pass(true);
    candidates = candidates.filter((p) => ink[p] === 1);
    if (changed === 0) break;
  }
  return Int32Array.from(candidates);
}
