import { describe, expect, it } from 'vitest';
import type { CartridgeComparisonResult } from '../../../../main/contract/index.ts';
import { cmcConclusion } from '../../../../native/cmc/cmc-run.ts';
import { cmcParametersFrom } from '../../../../main/services/forensics/ballistics/cmc-parameters.ts';
import { cartridgeFindingDrafts } from '../../../../main/services/forensics/ballistics/finding-drafts.ts';
import { alignmentMatrix, cellOutline } from '../../../../native/cmc/cmc-cell-outline.ts';
import { defaultCmcParameters } from '../../../../native/cmc/cmc-params.ts';

const placement = { x: 0, y: 0, width: 10, height: 10, theta: 3, dx: 1, dy: -2 };
const cell = (congruent: boolean) => ({ row: 0, col: 0, ...placement, ccf: 0.7, congruent, outline: cellOutline(placement, 100, 100) });
const sha = (c: string) => c.repeat(64);

function fixed(aToB: number, bToA: number): CartridgeComparisonResult {
  const direction = (n: number, theta: number) => ({ cmcCount: n, cellsCompared: 40, consensus: { theta, dx: 4, dy: -2 }, alignment: alignmentMatrix({ theta, dx: 4, dy: -2 }, 100, 100), cells: [cell(true), cell(false)] });
  return {
    kind: 'cartridge-case',
    a: { evidenceId: '11111111-1111-4111-8111-111111111111', name: 'a.x3p', sha256: sha('a'), width: 100, height: 100, pixelUm: 6.25 },
    b: { evidenceId: '22222222-2222-4222-8222-222222222222', name: 'b.x3p', sha256: sha('b'), width: 100, height: 100, pixelUm: 6.25 },
    aToB: direction(aToB, -9),
    bToA: direction(bToA, 9),
    cmcCount: Math.min(aToB, bToA),
    threshold: 6,
    conclusion: cmcConclusion(aToB, bToA, 6),
    provenance: { algorithm: 'congruent-matching-cells', version: '1.0.0', modelSha256: null, parameters: { ...defaultCmcParameters }, inputs: [], software: {} },
    timing: {},
  };
}

describe('CMC findings drafts', () => {
  it('turns a fixed result into one finding with stable measurement keys, thresholds and units', () => {
    const overlay = { name: 'cmc-a-to-b.png', mediaType: 'image/png', bytes: new Uint8Array([1]) };
    const [draft, ...rest] = cartridgeFindingDrafts(fixed(19, 20), [overlay]);
    expect(rest).toEqual([]);
    expect(draft!.module).toBe('ballistics.cartridge-case');
    expect(draft!.kind).toBe('cmc-comparison');
    expect(draft!.evidenceIds).toEqual(['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222']);
    expect(draft!.conclusion).toBe('identification');
    expect(draft!.overlays).toEqual([overlay]);
    const byKey = Object.fromEntries(draft!.measurements.map((m) => [m.key, m]));
    expect(byKey['cmc.count']).toEqual({ key: 'cmc.count', value: 19, unit: null, threshold: { value: 6, rule: '>=' } });
    expect(byKey['cmc.count.aToB']!.value).toBe(19);
    expect(byKey['cmc.count.bToA']!.value).toBe(20);
    expect(byKey['cmc.threshold']!.value).toBe(6);
    expect(byKey['cmc.consensus.theta']).toMatchObject({ value: -9, unit: 'deg' });
    expect(byKey['cmc.consensus.dx']).toMatchObject({ value: 25, unit: 'µm' }); // 4 px × 6.25 µm
    expect(byKey['cmc.param.ccfThreshold']!.value).toBe(0.5);
    expect(new Set(draft!.measurements.map((m) => m.key)).size).toBe(draft!.measurements.length);
  });

  it('is inconclusive below the threshold in either direction, and never an elimination from counts alone', () => {
    expect(cartridgeFindingDrafts(fixed(19, 5), [])[0]!.conclusion).toBe('inconclusive');
    expect(cartridgeFindingDrafts(fixed(0, 0), [])[0]!.conclusion).toBe('inconclusive');
    expect(cmcConclusion(6, 6, 6)).toBe('identification');
  });

  it('reads CMC parameters from a request, refusing unknown names and bad ranges', () => {
    expect(cmcParametersFrom({})).toEqual(defaultCmcParameters);
    expect(cmcParametersFrom({ thetaMin: -6, thetaMax: 6, thetaStep: 3 }).thetas).toEqual([-6, -3, 0, 3, 6]);
    expect(cmcParametersFrom({ cmcThreshold: 8 }).cmcThreshold).toBe(8);
    expect(() => cmcParametersFrom({ cellsX: 2.5 })).toThrow(/cellsX must be an integer/);
    expect(() => cmcParametersFrom({ ccfThreshold: 2 })).toThrow(/between -1 and 1/);
    expect(() => cmcParametersFrom({ thetaMin: 10, thetaMax: 0 })).toThrow(/thetaMax must not be below/);
  });
});
