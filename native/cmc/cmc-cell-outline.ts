/**
 * Where a CMC cell lies on both surfaces, for drawing: its rectangle on the reference, and on the target the quad the
 * comparison matched it to (shifted by dx/dy in the target rotated by θ, mapped back through that rotation), plus the
 * matrix that draws the target in the reference's frame under one registration. Computed here, next to the rotation
 * the comparison used (native/surface/height-grid `rotate`), so viewers draw polygons and never repeat this maths.
 */

/** A point in grid pixels. */
export interface OutlinePoint {
  readonly x: number;
  readonly y: number;
}

/** A cell's outline on the reference and on the target, corners clockwise from the reference's top-left. */
export interface CellOutline {
  readonly reference: OutlinePoint[];
  readonly target: OutlinePoint[];
}

/** What a cell's outline needs: its rectangle in the reference and its best θ (degrees), dx, dy (pixels). */
export interface CellPlacement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly theta: number;
  readonly dx: number;
  readonly dy: number;
}

/** A registration: rotation θ (degrees) of the target about its centre, then a shift dx/dy (pixels). */
export interface Registration {
  readonly theta: number;
  readonly dx: number;
  readonly dy: number;
}

/** A canvas/affine matrix [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type AffineMatrix = [number, number, number, number, number, number];

/** Where a point of the rotated target lies in the unrotated one: the inverse mapping of height-grid `rotate`. */
function unrotate(p: OutlinePoint, theta: number, targetWidth: number, targetHeight: number): OutlinePoint {
  const t = (theta * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (targetWidth - 1) / 2;
  const cy = (targetHeight - 1) / 2;
  return { x: cos * (p.x - cx) + sin * (p.y - cy) + cx, y: -sin * (p.x - cx) + cos * (p.y - cy) + cy };
}

/** The cell's rectangle on the reference, and its registered quad on a target of the given size. */
export function cellOutline(cell: CellPlacement, targetWidth: number, targetHeight: number): CellOutline {
  const { x, y, width: w, height: h } = cell;
  const reference = [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
  ];
  const target = reference.map((p) => unrotate({ x: p.x + cell.dx, y: p.y + cell.dy }, cell.theta, targetWidth, targetHeight));
  return { reference, target };
}

/**
 * The matrix that draws the target in the reference's pixel frame under one registration (the consensus), so overlay,
 * swipe and difference views compare aligned surfaces. It inverts the map of `cellOutline`'s target quad.
 */
export function alignmentMatrix(registration: Registration, targetWidth: number, targetHeight: number): AffineMatrix {
  const t = (registration.theta * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (targetWidth - 1) / 2;
  const cy = (targetHeight - 1) / 2;
  // q (target) → R(q − c) + c − d, with R the inverse of unrotate's matrix.
  const e = cx - (cos * cx - sin * cy) - registration.dx;
  const f = cy - (sin * cx + cos * cy) - registration.dy;
  return [cos, sin, -sin, cos, e, f];
}
