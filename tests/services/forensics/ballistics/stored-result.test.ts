import { describe, expect, it } from 'vitest';
import type { CartridgeComparisonResult } from '../../../../main/contract/index.ts';
import { StoredCartridgeResultSchema } from '../../../../main/services/forensics/ballistics/stored-result.ts';
import { alignmentMatrix, cellOutline } from '../../../../native/cmc/cmc-cell-outline.ts';
import { defaultCmcParameters } from '../../../../native/cmc/cmc-params.ts';

const ref = (name: string, width: number, height: number) => ({ evidenceId: null, name, sha256: name[0]!.repeat(64), width, height, pixelUm: 3.125 });
const a = ref('a.x3p', 545, 520);
const b = ref('b.x3p', 500, 610);
const placements = [
  { row: 0, col: 0, x: 0, y: 0, width: 60, height: 60, theta: -24, dx: -8, dy: 2, ccf: 0.7, congruent: true },
  { row: 0, col: 1, x: 60, y: 0, width: 60, height: 60, theta: 9, dx: 30, dy: -11, ccf: 0.3, congruent: false },
];

/** A cartridge result as stored before cells carried outlines: no `outline`, no `alignment`. */
const legacy = {
  kind: 'cartridge-case',
  a,
  b,
  aToB: { cmcCount: 1, cellsCompared: 2, consensus: { theta: -24, dx: -8, dy: 2 }, cells: placements },
  bToA: { cmcCount: 1, cellsCompared: 2, consensus: { theta: 24, dx: 8, dy: -2 }, cells: placements },
  cmcCount: 1,
  threshold: 6,
  conclusion: 'inconclusive',
  provenance: { algorithm: 'congruent-matching-cells', version: '1.0.0', modelSha256: null, parameters: { ...defaultCmcParameters }, inputs: [], software: {} },
  timing: {},
};

describe('reading stored comparison results', () => {
  it('completes a result stored before outlines with the native ones, each direction against its own target', () => {
    const read = StoredCartridgeResultSchema.parse(JSON.parse(JSON.stringify(legacy))) as CartridgeComparisonResult;
    // A's cells are found in B, B's in A: the targets differ in size, so a mix-up would show.
    read.aToB.cells.forEach((cell, i) => expect(cell.outline).toEqual(cellOutline(placements[i]!, b.width, b.height)));
    read.bToA.cells.forEach((cell, i) => expect(cell.outline).toEqual(cellOutline(placements[i]!, a.width, a.height)));
    expect(read.aToB.alignment).toEqual(alignmentMatrix(legacy.aToB.consensus, b.width, b.height));
    expect(read.bToA.alignment).toEqual(alignmentMatrix(legacy.bToA.consensus, a.width, a.height));
  });

  it('passes a current result through as stored, outlines included', () => {
    const outline = { reference: [{ x: 1, y: 2 }, { x: 3, y: 2 }, { x: 3, y: 4 }, { x: 1, y: 4 }], target: [{ x: 5, y: 6 }, { x: 7, y: 6 }, { x: 7, y: 8 }, { x: 5, y: 8 }] };
    const current = {
      ...legacy,
      aToB: { ...legacy.aToB, alignment: [1, 0, 0, 1, 2, 3], cells: placements.map((c) => ({ ...c, outline })) },
      bToA: { ...legacy.bToA, alignment: [1, 0, 0, 1, -2, -3], cells: placements.map((c) => ({ ...c, outline })) },
    };
    expect(StoredCartridgeResultSchema.parse(JSON.parse(JSON.stringify(current)))).toEqual(current);
  });

  it('refuses a stored blob that is not a comparison result', () => {
    expect(() => StoredCartridgeResultSchema.parse({ kind: 'cartridge-case', a })).toThrow();
  });
});
