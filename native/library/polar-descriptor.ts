/**
 * The reference-library prefilter: a rotation-tolerant polar descriptor of a surface on a coarse grid, compared by the
 * best circular shift. It ranks a library cheaply so that the full CMC comparison runs on a few candidates only.
 *
 * How: the surface is box-averaged to a 25 µm grid; rings of fixed physical radius (75 µm apart) around the centroid of
 * its valid points are sampled at 64 angles; each ring loses its mean (radial form and levelling differences) and the
 * whole is scaled to unit norm. Two descriptors are compared by the largest dot product over the 64 circular shifts
 * (a rotation in 5.6° steps) and, for the questioned scan only, over nine centre offsets (±50 µm), which absorbs the
 * centroid moving when a scan is cropped. Unlike a power spectrum or ring-FFT magnitudes it keeps the angular phase,
 * so a mirror image does not score as its original.
 */
import type { HeightGrid } from '../surface/height-grid.ts';

/** Settings of the descriptor; stored descriptors are only comparable when made with the same version. */
export const polarDescriptorSpec = {
  version: 'polar-ring-1',
  coarseUm: 25,
  ringStepUm: 75,
  rings: 22,
  angles: 64,
  /** Questioned-scan centre offsets tried, in coarse pixels. */
  centreOffsets: [-2, 0, 2],
} as const;

/** A surface's descriptor: rings × angles values (unit norm; missing samples are 0). */
export type PolarDescriptor = Float32Array;

interface Coarse {
  readonly width: number;
  readonly height: number;
  readonly z: Float32Array;
  readonly cx: number;
  readonly cy: number;
}

/** Box-averages to the coarse step; a coarse cell with fewer than half of its points present is missing. */
function coarsen(grid: HeightGrid): Coarse {
  const factor = Math.max(1, Math.round((polarDescriptorSpec.coarseUm * 1e-6) / grid.step));
  const width = Math.max(1, Math.floor(grid.width / factor));
  const height = Math.max(1, Math.floor(grid.height / factor));
  const z = new Float32Array(width * height).fill(NaN);
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let j = 0; j < factor; j++) {
        const row = (y * factor + j) * grid.width + x * factor;
        for (let i = 0; i < factor; i++) {
          const v = grid.z[row + i]!;
          if (v === v) {
            sum += v;
            count++;
          }
        }
      }
      if (count * 2 >= factor * factor) {
        z[y * width + x] = sum / count;
        sx += x;
        sy += y;
        n++;
      }
    }
  }
  return { width, height, z, cx: n ? sx / n : (width - 1) / 2, cy: n ? sy / n : (height - 1) / 2 };
}

function sample(c: Coarse, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= c.width || y0 + 1 >= c.height) return NaN;
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * c.width + x0;
  return (c.z[i]! * (1 - fx) + c.z[i + 1]! * fx) * (1 - fy) + (c.z[i + c.width]! * (1 - fx) + c.z[i + c.width + 1]! * fx) * fy;
}

function polar(c: Coarse, cx: number, cy: number): PolarDescriptor {
  const { rings, angles, ringStepUm, coarseUm } = polarDescriptorSpec;
  const out = new Float32Array(rings * angles);
  const step = ringStepUm / coarseUm;
  let norm = 0;
  for (let k = 0; k < rings; k++) {
    const r = (k + 0.5) * step;
    let sum = 0;
    let n = 0;
    const ring = new Float64Array(angles);
    for (let a = 0; a < angles; a++) {
      const t = (2 * Math.PI * a) / angles;
      const v = sample(c, cx + r * Math.cos(t), cy + r * Math.sin(t));
      ring[a] = v;
      if (v === v) {
        sum += v;
        n++;
      }
    }
    // A ring mostly missing (the firing-pin hole, the edge of the scan) says nothing reliable about rotation.
    if (n < angles / 4) continue;
    const mean = sum / n;
    for (let a = 0; a < angles; a++) {
      const v = ring[a]!;
      const d = v === v ? v - mean : 0;
      out[k * angles + a] = d;
      norm += d * d;
    }
  }
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i]! *= s;
  return out;
}

/** The descriptor stored with a reference scan (centred on its valid points). */
export function polarDescriptor(grid: HeightGrid): PolarDescriptor {
  const c = coarsen(grid);
  return polar(c, c.cx, c.cy);
}

/** The questioned scan's descriptors, one per centre offset (translation tolerance is paid once, on this side). */
export function questionedDescriptors(grid: HeightGrid): PolarDescriptor[] {
  const c = coarsen(grid);
  const offsets = polarDescriptorSpec.centreOffsets;
  return offsets.flatMap((dy) => offsets.map((dx) => polar(c, c.cx + dx, c.cy + dy)));
}

/** Best normalised correlation of any questioned descriptor with a reference over all circular (rotation) shifts. */
export function prefilterScore(questioned: readonly PolarDescriptor[], reference: PolarDescriptor): number {
  const { rings, angles } = polarDescriptorSpec;
  let best = -Infinity;
  for (const q of questioned) {
    for (let s = 0; s < angles; s++) {
      let dot = 0;
      for (let k = 0; k < rings; k++) {
        const base = k * angles;
        for (let a = 0; a < angles; a++) {
          const b = a + s;
          dot += q[base + a]! * reference[base + (b >= angles ? b - angles : b)]!;
        }
      }
      if (dot > best) best = dot;
    }
  }
  return best;
}

/** A descriptor as stored (float32 little-endian bytes). */
export function descriptorBytes(d: PolarDescriptor): Uint8Array {
  const out = new Uint8Array(d.length * 4);
  const dv = new DataView(out.buffer);
  d.forEach((v, i) => dv.setFloat32(i * 4, v, true));
  return out;
}

/** A stored descriptor read back. */
export function descriptorFromBytes(bytes: Uint8Array): PolarDescriptor {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = dv.getFloat32(i * 4, true);
  return out;
}
