import { describe, expect, it } from 'vitest';
import { boostStage, type BagCases, type StageTerm } from '../../../models/ebm/booster.ts';
import { lossFor } from '../../../models/ebm/losses.ts';
import { defaultEbmOptions } from '../../../models/ebm/train.ts';

/**
 * Three classes; earlier terms have ruled class 0 out (−30 logits) in cells 0–2 of a pair-like term, where one
 * fitted case is nevertheless of class 0: the Newton step there is ~1/p = e³⁰ logits, as on the punishment demo
 * cases, whose pair terms grew to ±10⁹.
 */
function ruledOutCase(): { cases: BagCases; terms: StageTerm[] } {
  const K = 3;
  const cellsFit: number[] = [];
  const fitY: number[] = [];
  for (let cell = 0; cell < 6; cell += 1) {
    for (let i = 0; i < 40; i += 1) {
      cellsFit.push(cell);
      // Cells 0–2: classes 1 and 2 only, save one case of class 0 in cell 1; cells 3–5: all three classes.
      fitY.push(cell < 3 ? (cell === 1 && i === 0 ? 0 : 1 + (i % 2)) : i % 3);
    }
  }
  const fitScore = Float64Array.from({ length: cellsFit.length * K }, (_, j) => (j % K === 0 && cellsFit[Math.floor(j / K)]! < 3 ? -30 : 0));
  const valCells = [0, 2, 3, 4, 5, 3];
  const valY = [1, 2, 0, 1, 2, 0];
  const valScore = Float64Array.from({ length: valCells.length * K }, (_, j) => (j % K === 0 && valCells[Math.floor(j / K)]! < 3 ? -30 : 0));
  return {
    cases: { fitY: Float64Array.from(fitY), valY: Float64Array.from(valY), fitScore, valScore },
    terms: [{ cells: 6, shape: { kind: 'pair', A: 2, B: 3, categorical: [false, false] }, fit: Uint16Array.from(cellsFit), val: Uint16Array.from(valCells) }],
  };
}

function boost(maxDeltaStep: number) {
  const { cases, terms } = ruledOutCase();
  const loss = lossFor('classification', 3);
  const before = loss.meanLoss(cases.fitScore, cases.fitY);
  const stage = boostStage(cases, terms, loss, { ...defaultEbmOptions, maxRounds: 200, patience: 200, tolerance: 0, maxDeltaStep });
  return { stage, before, after: loss.meanLoss(cases.fitScore, cases.fitY), largest: Math.max(...stage.values[0]!.map(Math.abs)) };
}

describe('boosting where a class is nearly impossible', () => {
  it('without a cap on the leaf step, one case of a ruled-out class throws the term to astronomic logits', () => {
    expect(boost(Infinity).largest).toBeGreaterThan(1e6);
  });

  it('with the default cap every leaf stays on the scale of the evidence, and the fit still improves', () => {
    const { largest, before, after, stage } = boost(defaultEbmOptions.maxDeltaStep);
    expect(largest).toBeLessThanOrEqual(50);
    expect(after).toBeLessThan(before);
    expect(stage.bestLoss).toBeLessThan(1.1);
  });
});
