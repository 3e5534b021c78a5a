import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCartridgeCases, type CmcInput } from '../../native/cmc/cmc-run.ts';
import { defaultCmcParameters } from '../../native/cmc/cmc-params.ts';
import { gridFromX3p, mirrorX } from '../../native/surface/height-grid.ts';
import { readX3p } from '../../native/x3p/x3p-read.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real ballistics CMC');

function input(file: string): CmcInput {
  const bytes = new Uint8Array(readFileSync(join(sharedDataDir ?? '', 'ballistics', file)));
  return { name: file, sha256: createHash('sha256').update(bytes).digest('hex'), grid: gridFromX3p(readX3p(file, bytes)) };
}

// Thresholds from the literature (Song 2013; cmcR's defaults), not fitted to these files: identification at ≥ 6 CMCs.
describe.skipIf(!sharedDataDir)('CMC on the Fadul cartridge cases (cmcR reports 19 and 20 CMCs for the processed pair)', () => {
  it('processed fadul1.1 vs fadul1.2, a known match: ≥ 6 CMCs in each direction', () => {
    const result = compareCartridgeCases(input('fadul1.1_processed.x3p'), input('fadul1.2_processed.x3p'));
    console.log(`fadul1.1 vs 1.2 processed: ${result.aToB.cmcCount} / ${result.bToA.cmcCount} CMCs, consensus θ ${result.aToB.consensus.theta}° / ${result.bToA.consensus.theta}°`);
    expect(result.aToB.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.bToA.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.conclusion).toBe('identification');
    // The two directions are inverse registrations: opposite consensus rotations.
    expect(Math.abs(result.aToB.consensus.theta + result.bToA.consensus.theta)).toBeLessThanOrEqual(defaultCmcParameters.thetaThreshold);
    expect(result.provenance.parameters).toEqual(defaultCmcParameters);
    expect(Object.values(result.provenance.inputs)).toHaveLength(2);
    expect(result.aToB.cells.every((c) => c.ccf <= 1.0001 && c.width > 0)).toBe(true);
    // The outlines the viewer draws: a congruent cell's quad on B, brought back by the consensus alignment, lands on
    // its rectangle on A up to the registration tolerances (translation, and rotation about the grid centre).
    const { alignment } = result.aToB;
    const centroid = (points: readonly { x: number; y: number }[]) => ({ x: points.reduce((t, p) => t + p.x, 0) / points.length, y: points.reduce((t, p) => t + p.y, 0) / points.length });
    const b = input('fadul1.2_processed.x3p').grid;
    for (const cell of result.aToB.cells.filter((c) => c.congruent)) {
      const q = centroid(cell.outline.target);
      const back = { x: alignment[0] * q.x + alignment[2] * q.y + alignment[4], y: alignment[1] * q.x + alignment[3] * q.y + alignment[5] };
      const p = centroid(cell.outline.reference);
      const radius = Math.hypot(p.x - (b.width - 1) / 2, p.y - (b.height - 1) / 2);
      const tolerance = Math.SQRT2 * defaultCmcParameters.translationThreshold + radius * 2 * Math.sin((defaultCmcParameters.thetaThreshold * Math.PI) / 360) + 1;
      expect(Math.hypot(back.x - p.x, back.y - p.y)).toBeLessThanOrEqual(tolerance);
    }
  });

  it('fadul1.1 vs the mirror image of fadul1.2, a known non-match: < 6 CMCs', () => {
    const b = input('fadul1.2_processed.x3p');
    const result = compareCartridgeCases(input('fadul1.1_processed.x3p'), { ...b, name: 'mirror of fadul1.2', grid: mirrorX(b.grid) });
    console.log(`fadul1.1 vs mirror of 1.2: ${result.aToB.cmcCount} / ${result.bToA.cmcCount} CMCs`);
    expect(result.cmcCount).toBeLessThan(6);
    expect(result.conclusion).toBe('inconclusive');
  });
});
