/** A point in image pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What a CMC cell's registration needs: its rectangle in the reference and its best θ (degrees), dx, dy (pixels). */
export interface CellPlacement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly theta: number;
  readonly dx: number;
  readonly dy: number;
}

/**
 * Where a point of the rotated target lies in the unrotated target: the same inverse mapping as native/surface
 * height-grid `rotate` (rotation by θ about the grid centre), which is how the comparison found the cell.
 */
function unrotate(p: Point, theta: number, targetWidth: number, targetHeight: number): Point {
  const t = (theta * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (targetWidth - 1) / 2;
  const cy = (targetHeight - 1) / 2;
  return { x: cos * (p.x - cx) + sin * (p.y - cy) + cx, y: -sin * (p.x - cx) + cos * (p.y - cy) + cy };
}

/** The reference cell's corners (clockwise from top-left). */
export function cellCorners(cell: CellPlacement): readonly Point[] {
  const { x, y, width: w, height: h } = cell;
  return [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
  ];
}

/**
 * The cell's registered position on the target: the comparison matched it at (x + dx, y + dy) in the target rotated
 * by θ, so each corner is shifted there and mapped back through the rotation.
 */
export function registeredCorners(cell: CellPlacement, targetWidth: number, targetHeight: number): readonly Point[] {
  return cellCorners(cell).map((p) => unrotate({ x: p.x + cell.dx, y: p.y + cell.dy }, cell.theta, targetWidth, targetHeight));
}

/**
 * The canvas matrix [a, b, c, d, e, f] that draws the target in the reference's pixel frame under one registration
 * (the consensus), so overlay, swipe and difference compare aligned surfaces. It inverts `registeredCorners`' map.
 */
export function alignMatrix(reg: { readonly theta: number; readonly dx: number; readonly dy: number }, targetWidth: number, targetHeight: number): readonly [number, number, number, number, number, number] {
  const t = (reg.theta * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (targetWidth - 1) / 2;
  const cy = (targetHeight - 1) / 2;
  // q (target) → R(q − c) + c − d, with R the inverse of unrotate's matrix.
  const e = cx - (cos * cx - sin * cy) - reg.dx;
  const f = cy - (sin * cx + cos * cy) - reg.dy;
  return [cos, sin, -sin, cos, e, f];
}

/** True when a point lies inside a polygon (even-odd rule), for hovering over a rotated cell. */
export function insidePolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
