import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { accuracy } from '../../models/ebm/metrics.ts';
import { trainCaseType, type CaseTypeTraining } from '../../models/ebm/train-case-type.ts';
import { targetValues } from '../../models/ebm/train.ts';
import { peerOnCases, sklearnAvailability } from '../../models/peers/sklearn-peer.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real decision SCDB');
const sklearn = sklearnAvailability();
if (sharedDataDir && !sklearn.available) console.log(`[real decision SCDB] scikit-learn comparison skipped: ${sklearn.reason}`);

// Issue 5 thresholds: trained on terms ≤ 1994, tested on 1995–2004; accuracy above the majority baseline and
// within 2 points of scikit-learn (HistGradientBoostingClassifier) on the same split.
describe.skipIf(!sharedDataDir)('SCDB case outcomes, temporal split at the 1995 term', () => {
  let trained: CaseTypeTraining;
  beforeAll(() => {
    const caseType = findCaseType(loadCaseTypes(), 'scdb-outcome');
    trained = trainCaseType({ caseType, file: join(sharedDataDir ?? '', 'legal', 'scdb_justice_docket_1946_2004.csv.gz') });
    const c = trained.card.validation.classification!;
    console.log(`[real decision SCDB] accuracy ${(c.accuracy * 100).toFixed(2)}%, ${c.baselines[0]!.name} ${(c.baselines[0]!.accuracy * 100).toFixed(2)}%, log loss ${c.logLoss.toFixed(4)}, ECE ${c.expectedCalibrationError.toFixed(4)}`);
  }, 120_000);

  it('has one row per docket, trained on terms up to 1994 and tested on 1995–2004', () => {
    const dockets = trained.data.rows.map((r) => r.facts.docketId);
    expect(new Set(dockets).size).toBe(dockets.length);
    expect(trained.data.records).toBeGreaterThan(dockets.length * 8);
    expect(Math.max(...trained.train.map((r) => r.time as number))).toBe(1994);
    expect(Math.min(...trained.test.map((r) => r.time as number))).toBe(1995);
    expect(Math.max(...trained.test.map((r) => r.time as number))).toBe(2004);
    expect(trained.card.data.period).toEqual({ field: 'term', from: '1946', to: '2004' });
  });

  it('is more accurate on later terms than always predicting the majority class', () => {
    const c = trained.card.validation.classification!;
    expect(c.accuracy).toBeGreaterThan(c.baselines[0]!.accuracy);
  });

  it('reports its calibration on the held-out terms', () => {
    const c = trained.card.validation.classification!;
    expect(c.expectedCalibrationError).toBeGreaterThanOrEqual(0);
    expect(c.expectedCalibrationError).toBeLessThan(1);
  });

  it.skipIf(!sklearn.available)('is no more than 2 points less accurate than scikit-learn HistGradientBoostingClassifier on the same split', () => {
    const peer = peerOnCases(trained.model, trained.train, trained.test, 1);
    const peerAccuracy = accuracy(peer.predictions, targetValues(trained.model.outcome, trained.test.map((r) => r.target)));
    const ours = trained.card.validation.classification!.accuracy;
    console.log(`[real decision SCDB] scikit-learn ${peer.sklearn} accuracy ${(peerAccuracy * 100).toFixed(2)}%; ours − peer ${((ours - peerAccuracy) * 100).toFixed(2)} points`);
    expect(ours).toBeGreaterThanOrEqual(peerAccuracy - 0.02);
  }, 120_000);
});
