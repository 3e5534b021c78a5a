import { describe, expect, it } from 'vitest';
import { alignmentMatrix, cellOutline, type OutlinePoint } from '../../../native/cmc/cmc-cell-outline.ts';
import { cmcDirection } from '../../../native/cmc/cmc-compare.ts';
import { defaultCmcParameters } from '../../../native/cmc/cmc-params.ts';
import { matchTemplateCcoeffNormed } from '../../../native/opencv/opencv-adapter.ts';
import { rotate, type HeightGrid } from '../../../native/surface/height-grid.ts';

const apply = ([a, b, c, d, e, f]: readonly number[], q: OutlinePoint) => ({ x: a! * q.x + c! * q.y + e!, y: b! * q.x + d! * q.y + f! });

const expectPoints = (actual: readonly OutlinePoint[], expected: readonly OutlinePoint[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((p, i) => {
    expect(actual[i]!.x).toBeCloseTo(p.x, 9);
    expect(actual[i]!.y).toBeCloseTo(p.y, 9);
  });
};

describe('CMC cell outlines (native, sent to the viewer)', () => {
  it('equal what the renderer drew before (its own copy of the rotation, since deleted), pinned for three cells', () => {
    // Values computed by renderer/src/viewer/cmc-geometry.ts registeredCorners/alignMatrix at the commit before it was
    // removed, for a 545 × 520 target: the viewer must draw the same quads from the service's polygons.
    const cells = [
      { x: 0, y: 0, width: 50, height: 45, theta: -3, dx: 4, dy: -2 },
      { x: 50, y: 0, width: 50, height: 45, theta: 12, dx: -20, dy: 9 },
      { x: 218, y: 327, width: 109, height: 109, theta: -24, dx: -8, dy: 2 },
    ];
    const drawnBefore = [
      [{ x: 18.053137243304036, y: -15.667659611429997 }, { x: 67.98461398103271, y: -13.050861799282814 }, { x: 65.62949595010022, y: 31.887467264673006 }, { x: 15.698019212371548, y: 29.270669452525794 }],
      [{ x: -16.793597927429687, y: 64.78865519407944 }, { x: 32.1137821092606, y: 54.39307065319147 }, { x: 41.46980819605977, y: 98.40971268621271 }, { x: -7.4375718406305396, y: 108.80529722710068 }],
      [{ x: 187.09198493239063, y: 297.77373743546116 }, { x: 286.6684398154341, y: 342.10803153072334 }, { x: 242.3341457201719, y: 441.6844864137669 }, { x: 142.75769083712842, y: 397.35019231850464 }],
    ];
    cells.forEach((cell, i) => {
      const outline = cellOutline(cell, 545, 520);
      expectPoints(outline.target, drawnBefore[i]!);
      expectPoints(outline.reference, [{ x: cell.x, y: cell.y }, { x: cell.x + cell.width, y: cell.y }, { x: cell.x + cell.width, y: cell.y + cell.height }, { x: cell.x, y: cell.y + cell.height }]);
    });
    const alignBefore = [0.9135454576426009, -0.40673664307580015, 0.40673664307580015, 0.9135454576426009, -74.03252335695754, 131.0673206583627];
    alignmentMatrix({ theta: -24, dx: -8, dy: 2 }, 545, 520).forEach((v, i) => expect(v).toBeCloseTo(alignBefore[i]!, 9));
  });

  it('place a cell where the comparison found it, by the same rotation as native/surface rotate()', () => {
    // A target with one marked point; rotate it as the comparison does: a 1×1 cell at the rotated point's location
    // (less the shift) must register on the marked point of the unrotated target.
    const width = 41;
    const height = 31;
    const z = new Float32Array(width * height);
    const mark = { x: 28, y: 9 };
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) z[y * width + x] = -Math.hypot(x - mark.x, y - mark.y);
    const theta = 12;
    const rotated = rotate({ width, height, step: 1e-6, z }, theta);
    let best = { x: 0, y: 0, v: -Infinity };
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (rotated.z[y * width + x]! > best.v) best = { x, y, v: rotated.z[y * width + x]! };
    const dx = 3;
    const dy = -2;
    const [corner] = cellOutline({ x: best.x - dx, y: best.y - dy, width: 0, height: 0, theta, dx, dy }, width, height).target;
    expect(Math.hypot(corner!.x - mark.x, corner!.y - mark.y)).toBeLessThan(1);
  });

  it('the alignment matrix draws the target quad back onto the reference rectangle', () => {
    const registration = { theta: -9, dx: 14, dy: -6 };
    const outline = cellOutline({ x: 100, y: 60, width: 40, height: 30, ...registration }, 545, 520);
    const matrix = alignmentMatrix(registration, 545, 520);
    expectPoints(outline.target.map((q) => apply(matrix, q)), outline.reference);
  });

  it('come with every cell of a comparison, and the alignment with every direction', () => {
    let s = 11;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
    const grid = (shift: number): HeightGrid => {
      const noise = Array.from({ length: 120 * 120 }, rand);
      const z = new Float32Array(80 * 64);
      for (let y = 0; y < 64; y++) for (let x = 0; x < 80; x++) z[y * 80 + x] = noise[(y + 10) * 120 + x + 10 + shift]! + noise[(y + 11) * 120 + x + 10 + shift]!;
      return { width: 80, height: 64, step: 1e-6, z };
    };
    const a = grid(0);
    s = 11;
    const b = grid(3);
    const result = cmcDirection(a, b, { ...defaultCmcParameters, thetas: [-3, 0, 3] }, matchTemplateCcoeffNormed);
    expect(result.cells.length).toBeGreaterThan(0);
    for (const cell of result.cells) expect(cell.outline).toEqual(cellOutline(cell, b.width, b.height));
    expect(result.alignment).toEqual(alignmentMatrix(result.consensus, b.width, b.height));
  });
});
