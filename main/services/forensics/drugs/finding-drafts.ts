/** The drug-test results turned into finding drafts: one per sample and one per tested well; one per cassette panel. */
import type { Measurement, SpotPlateResult, StripResult } from '../../../contract/index.ts';
import type { FindingDraft, OverlayDraft } from '../../findings/finding-draft.ts';
import { spotMethod, stripMethod } from './kinds.ts';

/** Measurement keys of spot-plate findings. */
export const spotMeasurementKeys = [
  'drugs.outcome', 'drugs.candidate.first', 'drugs.candidate.firstScore', 'drugs.candidates.consistent', 'drugs.wells.tested',
  'drugs.calibration.deltaE', 'drugs.calibration.model', 'drugs.mixturePossible',
  'drugs.well.label', 'drugs.well.reagent', 'drugs.well.L', 'drugs.well.a', 'drugs.well.b', 'drugs.well.reacted', 'drugs.well.best', 'drugs.well.bestDeltaE',
] as const;

/** Measurement keys of cassette findings. */
export const stripMeasurementKeys = [
  'drugs.strip.drug', 'drugs.strip.result', 'drugs.strip.controlAbsorbance', 'drugs.strip.testAbsorbance', 'drugs.strip.ratio', 'drugs.strip.cutoff', 'drugs.calibration.deltaE',
] as const;

const m = (key: string, value: number | string | boolean, unit: string | null = null, threshold: Measurement['threshold'] = null): Measurement => ({ key, value, unit, threshold });
const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

/** Spot-plate drafts: the sample (with the overlay) and each tested well. */
export function spotFindingDrafts(result: SpotPlateResult, evidenceId: string | null, overlays: readonly OverlayDraft[], maxMeanDeltaE: number): FindingDraft[] {
  const evidenceIds = evidenceId ? [evidenceId] : [];
  const first = result.candidates[0];
  const tested = result.wells.filter((w) => w.reagent && !w.blank);
  const sample: FindingDraft = {
    module: spotMethod,
    kind: 'spot-sample',
    evidenceIds,
    measurements: [
      m('drugs.outcome', result.outcome),
      ...(first && result.outcome !== 'no-reaction' ? [m('drugs.candidate.first', first.substance), m('drugs.candidate.firstScore', round(first.score))] : []),
      m('drugs.candidates.consistent', result.candidates.filter((c) => c.consistentWithAll).length),
      m('drugs.wells.tested', tested.length),
      m('drugs.calibration.deltaE', round(result.calibration.looMean), 'ΔE00', { value: maxMeanDeltaE, rule: '<=' }),
      m('drugs.calibration.model', result.calibration.model),
      m('drugs.mixturePossible', result.mixturePossible),
    ],
    conclusion: result.outcome,
    provenance: result.provenance,
    overlays,
  };
  const wells = tested.map((w): FindingDraft => {
    const best = w.candidates[0];
    return {
      module: spotMethod,
      kind: 'spot-well',
      evidenceIds,
      measurements: [
        m('drugs.well.label', w.label),
        m('drugs.well.reagent', w.reagent!),
        m('drugs.well.L', round(w.correctedLab[0], 1)),
        m('drugs.well.a', round(w.correctedLab[1], 1)),
        m('drugs.well.b', round(w.correctedLab[2], 1)),
        m('drugs.well.reacted', w.reacted ?? false),
        ...(best ? [m('drugs.well.best', best.substance), m('drugs.well.bestDeltaE', round(best.deltaE), 'ΔE00', { value: round(best.tolerance), rule: '<=' })] : []),
      ],
      conclusion: null,
      provenance: result.provenance,
      overlays: [],
    };
  });
  return [sample, ...wells];
}

/** Cassette drafts: one per panel (the first carries the overlay). */
export function stripFindingDrafts(result: StripResult, evidenceId: string | null, overlays: readonly OverlayDraft[]): FindingDraft[] {
  return result.strips.map((s, i): FindingDraft => ({
    module: stripMethod,
    kind: 'strip-panel',
    evidenceIds: evidenceId ? [evidenceId] : [],
    measurements: [
      m('drugs.strip.drug', s.drug),
      m('drugs.strip.result', s.result),
      m('drugs.strip.controlAbsorbance', round(s.control.absorbance, 3)),
      m('drugs.strip.testAbsorbance', round(s.test.absorbance, 3)),
      ...(s.intensityRatio !== null ? [m('drugs.strip.ratio', round(s.intensityRatio))] : []),
      ...(s.cutoffNgMl !== null ? [m('drugs.strip.cutoff', s.cutoffNgMl, 'ng/mL')] : []),
      m('drugs.calibration.deltaE', round(result.calibration.looMean), 'ΔE00'),
    ],
    conclusion: s.result,
    provenance: result.provenance,
    overlays: i === 0 ? overlays : [],
  }));
}
