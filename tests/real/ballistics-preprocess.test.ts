import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCartridgeCases, type CmcInput } from '../../native/cmc/cmc-run.ts';
import { prepareCartridgeCase, type PreparedCartridgeCase } from '../../native/preprocess/prepare.ts';
import { defaultCartridgePreprocess } from '../../native/preprocess/preprocess-params.ts';
import { gridFromX3p } from '../../native/surface/height-grid.ts';
import { readX3p } from '../../native/x3p/x3p-read.ts';
import type { X3pSurface } from '../../native/x3p/x3p-types.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real cartridge-case preprocessing');

function load(file: string): { surface: X3pSurface; sha256: string } {
  const bytes = new Uint8Array(readFileSync(join(sharedDataDir ?? '', 'ballistics', file)));
  return { surface: readX3p(file, bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

const cache = new Map<string, { prepared: PreparedCartridgeCase; input: CmcInput }>();

/** Reads and prepares a scan once; the common step is read from the processed Fadul scan, not assumed. */
function prepared(file: string): { prepared: PreparedCartridgeCase; input: CmcInput } {
  const hit = cache.get(file);
  if (hit) return hit;
  const targetStepUm = gridFromX3p(load('fadul1.1_processed.x3p').surface).step * 1e6;
  const { surface, sha256 } = load(file);
  const result = prepareCartridgeCase(surface, { ...defaultCartridgePreprocess, targetStepUm });
  const entry = { prepared: result, input: { name: file, sha256, grid: result.grid } };
  cache.set(file, entry);
  return entry;
}

const lands = [1, 2, 3, 4, 5].map((l) => `Hamby252_Barrel1_Bullet1_Land${l}.x3p`).concat([4, 5].map((l) => `Hamby252_Barrel1_Bullet2_Land${l}.x3p`));

// CMC thresholds are cmcR's defaults (Song 2013), untouched here; only the preprocessing is under test.
describe.skipIf(!sharedDataDir)('cartridge-case preprocessing on the Fadul and Hamby scans', () => {
  it('raw fadul1.1 vs raw fadul1.2 through automatic preprocessing: ≥ 6 CMCs in each direction', () => {
    const a = prepared('fadul1.1_raw.x3p');
    const b = prepared('fadul1.2_raw.x3p');
    for (const side of [a, b]) {
      expect(side.prepared.classification.kind).toBe('raw');
      expect(side.prepared.steps.map((s) => s.step)).toEqual(['breech-face', 'level', 'outliers', 'band-pass', 'resample', 'crop']);
      const face = side.prepared.steps[0]!.findings as { exterior: unknown; firingPin: unknown };
      expect(face.exterior).not.toBeNull();
      expect(face.firingPin).not.toBeNull();
      expect(side.prepared.grid.step).toBeCloseTo(6.25e-6, 12);
    }
    const result = compareCartridgeCases(a.input, b.input);
    console.log(
      `fadul1.1 vs 1.2 raw, preprocessed: ${result.aToB.cmcCount} / ${result.bToA.cmcCount} CMCs, consensus θ ${result.aToB.consensus.theta}° / ${result.bToA.consensus.theta}°; ` +
        `grids ${a.input.grid.width}×${a.input.grid.height} and ${b.input.grid.width}×${b.input.grid.height}`,
    );
    expect(result.aToB.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.bToA.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.conclusion).toBe('identification');
  }, 600_000);

  it('processed scans are recognised and passed through untouched', () => {
    for (const file of ['fadul1.1_processed.x3p', 'fadul1.2_processed.x3p']) {
      const { surface } = load(file);
      const result = prepareCartridgeCase(surface);
      expect(result.classification.kind).toBe('processed');
      expect(result.steps).toEqual([]);
      expect(result.grid.z).toEqual(gridFromX3p(surface).z);
    }
  }, 120_000);

  it('each processed Fadul scan vs each Hamby bullet land on the same grid, known non-matches: < 6 CMCs', () => {
    const counts: string[] = [];
    for (const fadul of ['fadul1.1_processed.x3p', 'fadul1.2_processed.x3p']) {
      const a = prepared(fadul);
      for (const land of lands) {
        const b = prepared(land);
        expect(b.input.grid.step).toBeCloseTo(a.input.grid.step, 12);
        const result = compareCartridgeCases(a.input, b.input);
        counts.push(`${fadul.slice(0, 8)} vs ${land.replace('Hamby252_Barrel1_', '').replace('.x3p', '')}: ${result.aToB.cmcCount}/${result.bToA.cmcCount}`);
        expect(result.cmcCount).toBeLessThan(6);
        expect(result.conclusion).toBe('inconclusive');
      }
    }
    console.log(`Fadul vs Hamby lands (CMCs each direction): ${counts.join('; ')}`);
  }, 1_200_000);
});
