/** Plane projective maps (homographies) from four point pairs, on [x, y] points (the PAD card's convention). */
import { applyHomography, homographyFromPoints, type Homography } from '../image/homography.ts';

export type Point = readonly [number, number];
export type { Homography };

/** The homography taking `from[i]` to `to[i]` (four pairs); null when degenerate. */
export function homographyFrom(from: readonly Point[], to: readonly Point[]): Homography | null {
  const asPoint = ([x, y]: Point) => ({ x, y });
  return homographyFromPoints(from.map(asPoint), to.map(asPoint));
}

/** Applies a homography to a point. */
export function project(h: Homography, x: number, y: number): [number, number] {
  const p = applyHomography(h, x, y);
  return [p.x, p.y];
}

/** Whether four points (in order) form a convex quadrilateral with positive area. */
export function isConvexQuad(points: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i += 1) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % 4]!;
    const [cx, cy] = points[(i + 2) % 4]!;
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    if (Math.abs(cross) < 1e-9) return false;
    const s = Math.sign(cross);
    if (sign !== 0 && s !== sign) return false;
    sign = s;
  }
  return true;
}
