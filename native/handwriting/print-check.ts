/**
 * A check that a page is handwriting and not machine print: printed characters sit exactly on their line's baseline,
 * handwritten ones wander. On CSAFE pages 6–58 % of the characters (ink components) have their bottom within one pixel
 * of their line's most common bottom row; on rendered print pages (Times, Helvetica, Courier at 72–200 dpi) 85–93 %.
 */

/** Share of a line's components whose bottom lies within one pixel of the line's modal bottom, and how many counted. */
export interface BaselineAlignment {
  readonly share: number;
  readonly counted: number;
}

/** Above this share of characters on the baseline, a page is taken for print (print measured ≥ 0.85, handwriting ≤ 0.58). */
export const PRINT_BASELINE_SHARE = 0.75;
/** Fewer characters than this on lines of five or more tell nothing either way. */
export const PRINT_MIN_COMPONENTS = 40;

interface Component {
  readonly top: number;
  readonly bottom: number;
}

/** Ink components (eight-connected, more than five pixels) of a column-major ink mask, as their row spans. */
function inkComponents(ink: Uint8Array, rows: number): Component[] {
  const seen = new Uint8Array(ink.length);
  const out: Component[] = [];
  const offsets = [-1, 1, -rows, rows, -rows - 1, -rows + 1, rows - 1, rows + 1];
  const stack: number[] = [];
  for (let i = 0; i < ink.length; i++) {
    if (!ink[i] || seen[i]) continue;
    seen[i] = 1;
    stack.push(i);
    let top = Infinity;
    let bottom = -Infinity;
    let n = 0;
    while (stack.length > 0) {
      const q = stack.pop()!;
      n++;
      const r = q % rows;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      for (const o of offsets) {
        const z = q + o;
        if (z >= 0 && z < ink.length && ink[z] && !seen[z]) {
          seen[z] = 1;
          stack.push(z);
        }
      }
    }
    if (n > 5) out.push({ top, bottom });
  }
  return out;
}

/** How well the page's characters line up on baselines (the ink mask is column-major with `rows` rows). */
export function baselineAlignment(ink: Uint8Array, rows: number): BaselineAlignment {
  const components = inkComponents(ink, rows);
  if (components.length === 0) return { share: 0, counted: 0 };
  const heights = components.map((c) => c.bottom - c.top + 1).sort((a, b) => a - b);
  const medianHeight = heights[Math.floor(heights.length / 2)]!;
  // Lines: components in order of their vertical centre, a new line where the centre jumps by most of a letter height.
  const byCentre = [...components].sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const lines: Component[][] = [];
  for (const c of byCentre) {
    const line = lines[lines.length - 1];
    const previous = line?.[line.length - 1];
    if (line && previous && Math.abs((c.top + c.bottom) / 2 - (previous.top + previous.bottom) / 2) < 0.8 * medianHeight) line.push(c);
    else lines.push([c]);
  }
  let aligned = 0;
  let counted = 0;
  for (const line of lines) {
    if (line.length < 5) continue;
    const votes = new Map<number, number>();
    for (const c of line) votes.set(c.bottom, (votes.get(c.bottom) ?? 0) + 1);
    let mode = 0;
    let best = -1;
    for (const [row, count] of votes) {
      if (count > best) {
        best = count;
        mode = row;
      }
    }
    for (const c of line) {
      counted++;
      if (Math.abs(c.bottom - mode) <= 1) aligned++;
    }
  }
  return { share: counted > 0 ? aligned / counted : 0, counted };
}
