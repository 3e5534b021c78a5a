import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256OfBytes } from '../../core/canonical-json.ts';
import { readCsvFile } from '../../models/cases/csv.ts';
import { exportScoreOnnx } from '../../models/handwriting/onnx-export.ts';
import { allPairs, splitByWriter, writersOf } from '../../models/handwriting/pairs.ts';
import { featureCount, pairSide } from '../../models/handwriting/features.ts';
import { pairFeatureRows, pairMargins } from '../../models/handwriting/scoring.ts';
import { openScoreRunner } from '../../main/services/forensics/handwriting/comparison/score-runner.ts';
import type { WriterProfile } from '../../models/handwriting/profiles.ts';
import { cllr, misleadingRates, tippettPoints } from '../../models/handwriting/slr.ts';
import { defaultHandwritingSettings, readProfileFile, subsampleCounts, trainScoreModel, type HandwritingCard } from '../../models/handwriting/train.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { compareWriterProfiles, handwritingSetFor, scoreProfilePairs, type HandwritingSet } from '../../main/services/forensics/handwriting/comparison/index.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real handwriting model');
const dir = join(sharedDataDir ?? '', 'handwriting', 'handwriterRF');

// Issue 12 acceptance: on CSAFE writers used neither in training nor in the reference set, full-page prompts (pLND,
// pWOZ), different-writer SLR > 1 in at most 4 % and same-writer SLR < 1 in at most 8.5 % of pairs (handwriterRF
// published 4.2 % / 8.9 %), with Cllr and Tippett data; all through the shipped set and the service's ONNX path.
describe.skipIf(!sharedDataDir)('shipped Latin handwriting set on held-out CSAFE writers', () => {
  let set: HandwritingSet;
  let card: HandwritingCard;
  let train: { profiles: WriterProfile[]; sha256: string };
  let reference: WriterProfile[];
  let evaluation: WriterProfile[];
  let same: number[];
  let different: number[];

  beforeAll(async () => {
    set = handwritingSetFor('latin')!;
    card = set.card as unknown as HandwritingCard;
    train = readProfileFile(join(dir, 'cluster_fill_rates_train.csv'));
    const validation = readProfileFile(join(dir, 'cluster_fill_rates_validation.csv'));
    expect(validation.sha256).toBe(set.reference.source.sha256);
    const prompts = set.reference.source.prompts!;
    [reference, evaluation] = splitByWriter(validation.profiles.filter((p) => prompts.includes(p.doc)), defaultHandwritingSettings.referenceFraction, set.reference.source.seed);
    const pairs = allPairs(evaluation);
    const scored = await scoreProfilePairs(set, evaluation, pairs);
    same = [];
    different = [];
    scored.forEach((s, r) => {
      if (s.log10Slr === null) return; // a page below the floor: the module abstains, and the pair is not counted
      (pairs[r]!.same ? same : different).push(s.log10Slr);
    });
    const rates = misleadingRates(same, different);
    console.log(
      `[real handwriting model] ${writersOf(evaluation).length} held-out writers, ${evaluation.length} pages: same-writer SLR<1 ${(rates.sameBelowOne * 100).toFixed(2)} % of ${same.length}, different-writer SLR>1 ${(rates.differentAboveOne * 100).toFixed(2)} % of ${different.length}, Cllr ${cllr(same, different).toFixed(3)}; abstained on ${scored.length - same.length - different.length} pairs (floor ${set.reference.minGraphs} graphs)`,
    );
  }, 120_000);

  it('was trained on the CSAFE training file, and retraining gives the same ONNX bytes', () => {
    expect(set.model.training.sha256).toBe(train.sha256);
    const again = trainScoreModel(train.profiles, { file: join(dir, 'cluster_fill_rates_train.csv'), sha256: train.sha256 }, defaultHandwritingSettings);
    expect(sha256OfBytes(exportScoreOnnx(again))).toBe(set.modelSha256);
  }, 60_000);

  it('scores real pairs the same through ONNX as through the TypeScript model, to 1e-6', async () => {
    const pairs = allPairs(evaluation).slice(0, 5000);
    const runner = await openScoreRunner(set.onnx, featureCount);
    const out = await runner.run(pairFeatureRows(evaluation.map((p) => pairSide(p.counts, set.model.twoLevel)), pairs), pairs.length);
    const margins = pairMargins(set.model, evaluation.map((p) => p.counts), pairs);
    let worst = 0;
    margins.forEach((m, r) => (worst = Math.max(worst, Math.abs(m - out.margin[r]!))));
    expect(worst).toBeLessThan(1e-6);
  });

  it('keeps training, reference and evaluation writers apart, and only full-page prompts', () => {
    const trainWriters = new Set(writersOf(train.profiles));
    const referenceWriters = new Set(writersOf(reference));
    expect(reference.length).toBe(set.reference.source.documents);
    expect(writersOf(evaluation).some((w) => trainWriters.has(w) || referenceWriters.has(w))).toBe(false);
    expect([...referenceWriters].some((w) => trainWriters.has(w))).toBe(false);
    expect(new Set(evaluation.map((p) => p.doc))).toEqual(new Set(['pLND', 'pWOZ']));
  });

  it('gives misleading evidence for different writers in at most 4 % and for the same writer in at most 8.5 % of pairs', () => {
    const rates = misleadingRates(same, different);
    expect(same.length).toBeGreaterThan(300);
    expect(different.length).toBeGreaterThan(30_000);
    expect(rates.differentAboveOne).toBeLessThanOrEqual(0.04);
    expect(rates.sameBelowOne).toBeLessThanOrEqual(0.085);
    expect(cllr(same, different)).toBeLessThan(0.3);
  });

  it('carries the same figures and Tippett points in its model card', () => {
    const rates = misleadingRates(same, different);
    expect(card.evaluation.sameBelowOne).toBeCloseTo(rates.sameBelowOne, 9);
    expect(card.evaluation.differentAboveOne).toBeCloseTo(rates.differentAboveOne, 9);
    expect(card.evaluation.cllr).toBeCloseTo(cllr(same, different), 6);
    expect(card.evaluation.tippett).toEqual(tippettPoints(same, different));
    expect(card.training.sha256).toBe(train.sha256);
  });

  it('holds the same limits when two known pages are pooled against one questioned page', () => {
    const pooled = card.evaluation.pooledKnown;
    console.log(`[real handwriting model] 2 known pages pooled: same-writer SLR<1 ${(pooled.sameBelowOne * 100).toFixed(2)} % of ${pooled.samePairs}, different-writer SLR>1 ${(pooled.differentAboveOne * 100).toFixed(2)} % of ${pooled.differentPairs}, Cllr ${pooled.cllr.toFixed(3)}`);
    expect(pooled.samePairs).toBeGreaterThan(100);
    expect(pooled.differentAboveOne).toBeLessThanOrEqual(0.04);
    expect(pooled.sameBelowOne).toBeLessThanOrEqual(0.085);
  });

  it('abstains on a short writing of a held-out page, and gives an SLR for the full page', async () => {
    const [a, b] = evaluation.filter((p) => p.writer === evaluation[0]!.writer);
    const short = { counts: subsampleCounts(b!.counts, 50, seededRandom(4)) };
    const cut = await compareWriterProfiles([a!], short, 'latin');
    expect(cut.abstention?.reason).toBe('too-few-graphs');
    const whole = await compareWriterProfiles([a!], b!, 'latin');
    expect(whole.log10Slr).not.toBeNull();
    expect(readFileSync(join(set.dir, 'reference.json')).length).toBeGreaterThan(0);
  });

  it("supports one writer for the R package's own profiles of two w0238 pages, and different writers against w0016", async () => {
    // cluster_fill_counts_w0238.csv: handwriter's counts for the pages the pipeline's fidelity test uses (columns: the clusters that occur).
    const table = readCsvFile(join(dir, 'cluster_fill_counts_w0238.csv'));
    const [r02, r03] = table.rows.map((row) => {
      const counts = new Array<number>(40).fill(0);
      table.header.forEach((column, k) => {
        if (/^\d+$/.test(column)) counts[Number(column) - 1] = Number(row[k]);
      });
      return { counts };
    });
    const sameWriter = await compareWriterProfiles([r02!], r03!, 'latin');
    expect(sameWriter.abstention).toBeNull();
    expect(sameWriter.log10Slr).toBeGreaterThan(0);
    const w0016 = readProfileFile(join(dir, 'cluster_fill_rates_validation.csv')).profiles.filter((p) => p.writer === 'w0016');
    for (const page of w0016) {
      const other = await compareWriterProfiles([r02!, r03!], page, 'latin');
      expect(other.log10Slr).toBeLessThan(0);
    }
    console.log(`[real handwriting model] R's w0238 r02 vs r03: log10 SLR ${sameWriter.log10Slr!.toFixed(2)} (${sameWriter.verbal})`);
  });
});
