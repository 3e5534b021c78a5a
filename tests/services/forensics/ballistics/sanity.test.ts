import { describe, expect, it } from 'vitest';
import { checkSanity } from '../../../../main/services/forensics/ballistics/sanity.ts';
import type { SurfaceSource } from '../../../../main/services/forensics/ballistics/surface-input.ts';
import type { HeightGrid } from '../../../../native/surface/height-grid.ts';
import { syntheticSurface } from '../../../helpers/surfaces.ts';

const source = (name: string, kind: SurfaceSource['kind'] = 'x3p'): SurfaceSource => ({ name, sha256: 'a'.repeat(64), evidenceId: null, kind, bytes: new Uint8Array() });

/** Keeps only the first `fraction` of the points (the rest missing). */
function keep(grid: HeightGrid, fraction: number): HeightGrid {
  const z = Float32Array.from(grid.z, (v, i) => (i < fraction * grid.z.length ? v : NaN));
  return { ...grid, z };
}

describe('ballistics data sanity checks: refuse or warn, never conclude', () => {
  it('passes a real-looking scan without warnings', () => {
    expect(checkSanity(source('a.x3p'), syntheticSurface(64, 1), 'cartridge-case')).toEqual({ warnings: [] });
  });

  it('warns when few points have a value, and refuses when almost none do', () => {
    expect(checkSanity(source('sparse.x3p'), keep(syntheticSurface(64, 1), 0.15), 'cartridge-case').warnings).toEqual(['sparse.x3p: only 15% of the points have a value']);
    expect(() => checkSanity(source('empty.x3p'), keep(syntheticSurface(64, 1), 0.03), 'cartridge-case')).toThrow(/^empty\.x3p: only 3% of its points have a value; at least 5% are needed/);
  });

  it('refuses an implausible pixel size, a flat topography and a mostly blank image', () => {
    expect(() => checkSanity(source('tiny.x3p'), syntheticSurface(64, 1, { stepUm: 0.01 }), 'bullet-land')).toThrow(/^tiny\.x3p: its pixel size of 0\.0100 µm is outside the 0\.05–50 µm the bullet-land method/);
    const flat: HeightGrid = { width: 32, height: 32, step: 2e-6, z: new Float32Array(1024).fill(3e-6) };
    expect(() => checkSanity(source('flat.x3p'), flat, 'cartridge-case')).toThrow(/^flat\.x3p: its heights span 0\.00 µm/);
    // A page: white paper with a few dark strokes, as an image's intensities (0…1 µm full scale).
    const page: HeightGrid = { width: 32, height: 32, step: 1.6e-6, z: Float32Array.from({ length: 1024 }, (_, i) => (i % 37 === 0 ? 0.1e-6 : 1e-6)) };
    expect(() => checkSanity(source('page.png', 'png'), page, 'cartridge-case')).toThrow(/^page\.png: 97% of it lies on one level \(a flat background such as paper/);
  });
});
