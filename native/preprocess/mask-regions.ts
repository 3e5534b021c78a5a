/** Region tools on 0/1 masks (row-major, x fastest): connected components, hole filling and circle fits. */

/** A circle in pixel coordinates of the grid it was found on. */
export interface Circle {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

/** One 4-connected component: its label, size, centroid and whether it touches the grid border. */
export interface Component {
  readonly label: number;
  readonly area: number;
  readonly cx: number;
  readonly cy: number;
  readonly touchesBorder: boolean;
}

/** Labels the 4-connected components of the set pixels (labels from 1; 0 = not set). */
export function labelComponents(mask: Uint8Array, width: number, height: number): { labels: Int32Array; components: Component[] } {
  const labels = new Int32Array(mask.length);
  const queue = new Int32Array(mask.length);
  const components: Component[] = [];
  for (let seed = 0; seed < mask.length; seed++) {
    if (!mask[seed] || labels[seed]) continue;
    const label = components.length + 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    labels[seed] = label;
    let sx = 0;
    let sy = 0;
    let border = false;
    while (head < tail) {
      const i = queue[head++]!;
      const x = i % width;
      const y = (i - x) / width;
      sx += x;
      sy += y;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) border = true;
      const visit = (j: number) => {
        if (mask[j] && !labels[j]) {
          labels[j] = label;
          queue[tail++] = j;
        }
      };
      if (x > 0) visit(i - 1);
      if (x < width - 1) visit(i + 1);
      if (y > 0) visit(i - width);
      if (y < height - 1) visit(i + width);
    }
    components.push({ label, area: tail, cx: sx / tail, cy: sy / tail, touchesBorder: border });
  }
  return { labels, components };
}

/** The mask of one labelled component. */
export function componentMask(labels: Int32Array, label: number): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) if (labels[i] === label) out[i] = 1;
  return out;
}

/** Fills the holes of a mask: every unset region that does not reach the border becomes set. */
export function fillHoles(mask: Uint8Array, width: number, height: number): Uint8Array {
  const inverse = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) inverse[i] = mask[i] ? 0 : 1;
  const { labels, components } = labelComponents(inverse, width, height);
  const outside = new Uint8Array(components.length + 1);
  for (const c of components) if (c.touchesBorder) outside[c.label] = 1;
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] || !outside[labels[i]!] ? 1 : 0;
  return out;
}

/**
 * Least-squares (Kåsa) circle through points, refitted twice without the points farther than 2.5 robust deviations
 * from the circle, so ragged stretches of an edge do not pull it; null with fewer than 3 points.
 */
export function fitCircle(xs: Float64Array, ys: Float64Array): Circle | null {
  let keep = new Uint8Array(xs.length).fill(1);
  let circle: Circle | null = null;
  for (let round = 0; round < 3; round++) {
    // Minimise Σ (x² + y² + D x + E y + F)², centred for conditioning.
    let n = 0, mx = 0, my = 0;
    for (let i = 0; i < xs.length; i++) if (keep[i]) { n++; mx += xs[i]!; my += ys[i]!; }
    if (n < 3) return circle;
    mx /= n;
    my /= n;
    let suu = 0, svv = 0, suv = 0, suuu = 0, svvv = 0, suvv = 0, svuu = 0;
    for (let i = 0; i < xs.length; i++) {
      if (!keep[i]) continue;
      const u = xs[i]! - mx;
      const v = ys[i]! - my;
      suu += u * u; svv += v * v; suv += u * v;
      suuu += u * u * u; svvv += v * v * v; suvv += u * v * v; svuu += v * u * u;
    }
    const det = suu * svv - suv * suv;
    if (Math.abs(det) < 1e-12) return circle;
    const bu = 0.5 * (suuu + suvv);
    const bv = 0.5 * (svvv + svuu);
    const uc = (bu * svv - bv * suv) / det;
    const vc = (suu * bv - suv * bu) / det;
    const r = Math.sqrt(uc * uc + vc * vc + (suu + svv) / n);
    circle = { cx: uc + mx, cy: vc + my, r };
    const residuals: number[] = [];
    for (let i = 0; i < xs.length; i++) if (keep[i]) residuals.push(Math.abs(Math.hypot(xs[i]! - circle.cx, ys[i]! - circle.cy) - r));
    residuals.sort((a, b) => a - b);
    const limit = 2.5 * 1.4826 * Math.max(residuals[residuals.length >> 1]!, 0.5);
    const next = new Uint8Array(xs.length);
    for (let i = 0; i < xs.length; i++) next[i] = keep[i] && Math.abs(Math.hypot(xs[i]! - circle.cx, ys[i]! - circle.cy) - r) <= limit ? 1 : 0;
    keep = next;
  }
  return circle;
}

/** Edge pixels of a mask (set, with an unset 4-neighbour), leaving out those on the grid border (a cut, not an edge). */
export function innerEdge(mask: Uint8Array, width: number, height: number): { xs: Float64Array; ys: Float64Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (mask[i] && (!mask[i - 1] || !mask[i + 1] || !mask[i - width] || !mask[i + width])) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}
