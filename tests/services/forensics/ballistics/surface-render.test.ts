import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderX3p, renderX3pCached } from '../../../../main/services/forensics/ballistics/surface-render.ts';
import { syntheticSurface, x3pOf } from '../../../helpers/surfaces.ts';

describe('drawn surfaces for the viewer', () => {
  it('are remembered by SHA-256 and style: the bytes are read once per style, and the image is the one drawn afresh', () => {
    const bytes = x3pOf(syntheticSurface(64, 3));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let reads = 0;
    const read = () => {
      reads += 1;
      return bytes;
    };
    const first = renderX3pCached('a.x3p', sha256, read, 'relief');
    expect(renderX3pCached('a.x3p', sha256, read, 'relief')).toBe(first);
    expect(reads).toBe(1);
    const colour = renderX3pCached('a.x3p', sha256, read, 'false-colour');
    expect(reads).toBe(2);
    expect(colour.png).not.toEqual(first.png);
    expect(first).toEqual(renderX3p('a.x3p', bytes, 'relief'));
  });

  it('forgets the least recently used surface once full', () => {
    const bytes = x3pOf(syntheticSurface(32, 5));
    let reads = 0;
    const read = () => {
      reads += 1;
      return bytes;
    };
    renderX3pCached('keep.x3p', 'k'.repeat(64), read, 'relief');
    for (let i = 0; i < 20; i++) {
      renderX3pCached(`s${i}.x3p`, String(i).padStart(64, '0'), read, 'relief');
      renderX3pCached('keep.x3p', 'k'.repeat(64), read, 'relief');
    }
    expect(reads).toBe(21);
    renderX3pCached('s0.x3p', '0'.padStart(64, '0'), read, 'relief');
    expect(reads).toBe(22);
  });
});
