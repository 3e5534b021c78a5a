/**
 * Drug-sample colour tests as a forensic module: reagent spot plates (NIJ Standard-0604.01) and lateral-flow
 * drug-screening cassettes read from colour-calibrated photographs. Presumptive tests: findings say what the colours
 * are consistent with and always advise confirmation, never an identification.
 */
import { z } from 'zod';
import { SpotPlateResultSchema, StripResultSchema } from '../../../contract/index.ts';
import { CALIBRATION_DEFAULTS } from '../../../../native/drugs/calibration/calibrate.ts';
import { parsePanelDescription } from '../../../../native/drugs/strip/panel.ts';
import { atServiceBoundary } from '../../native-input.ts';
import type { EvidenceKindDeclaration, ForensicModule } from '../module.ts';
import { shippedColourTable } from './colour-table-file.ts';
import { spotFindingDrafts, spotMeasurementKeys, stripFindingDrafts, stripMeasurementKeys } from './finding-drafts.ts';
import { padCardKind, padMethod, spotMethod, spotPlateKind, stripKind, stripMethod } from './kinds.ts';
import { padCardMethod, padMeasurementKeys, runPad, type PadPayload } from './pad-method.ts';
import { drugsPipelines, spotAlgorithm, stripAlgorithm, type SpotPayload, type StripPayload } from './pipelines.ts';
import { photoFormats } from './photo-input.ts';
import { photoMethod } from './photo-method.ts';
import { padSummary, spotSummary, stripSummary } from './summaries.ts';

/** Photos are photos of anything: only the expert can say what one shows, so nothing is suggested. */
const kinds: readonly EvidenceKindDeclaration[] = [
  { id: spotPlateKind, formats: photoFormats, imagesNeedPixelSize: false, suggest: () => 0 },
  { id: stripKind, formats: photoFormats, imagesNeedPixelSize: false, suggest: () => 0 },
  { id: padCardKind, formats: photoFormats, imagesNeedPixelSize: false, suggest: () => 0 },
];

const point = z.object({ x: z.number(), y: z.number() });
const calibrationOptions = {
  /** The target card's corners as clicked: its top-left, top-right, bottom-right and bottom-left. */
  corners: z.array(point).length(4).optional(),
  maxMeanDeltaE: z.number().positive().max(20).optional(),
};
const spotOptions = z.object({
  reagents: z.string().min(1).max(2000),
  wells: z.array(z.object({ label: z.string().regex(/^[A-Z]\d{1,2}$/), x: z.number(), y: z.number(), radius: z.number().positive() })).max(400).optional(),
  ...calibrationOptions,
});
const stripOptions = z.object({ panel: z.unknown(), ...calibrationOptions });

const spot = photoMethod({
  id: spotMethod,
  algorithm: spotAlgorithm,
  kind: spotPlateKind,
  methodLabel: 'spot-plate',
  options: spotOptions,
  resultSchema: SpotPlateResultSchema,
  prepare(photo, parsed) {
    const table = shippedColourTable();
    const payload: SpotPayload = { photo, reagents: parsed.reagents, table, ...(parsed.wells ? { wells: parsed.wells } : {}), ...(parsed.corners ? { corners: parsed.corners } : {}), ...(parsed.maxMeanDeltaE ? { maxMeanDeltaE: parsed.maxMeanDeltaE } : {}) };
    return { payload, parameters: { reagents: parsed.reagents, tableSha256: table.sha256, maxMeanDeltaE: parsed.maxMeanDeltaE ?? CALIBRATION_DEFAULTS.maxMeanDeltaE, wellsGiven: parsed.wells?.length ?? 0, cornersGiven: parsed.corners !== undefined } };
  },
  record(result, overlays) {
    const limit = typeof result.provenance.parameters.maxMeanDeltaE === 'number' ? result.provenance.parameters.maxMeanDeltaE : CALIBRATION_DEFAULTS.maxMeanDeltaE;
    return {
      drafts: spotFindingDrafts(result, result.provenance.inputs[0]?.evidenceId ?? null, overlays, limit),
      summary: { outcome: result.outcome, first: result.candidates[0]?.substance ?? '', wells: result.wells.length, calibrationDeltaE: result.calibration.looMean.toFixed(2) },
      warnings: result.calibration.looMean > 3 ? [`${result.name}: the colour calibration residual (${result.calibration.looMean.toFixed(1)} ΔE2000) is high`] : [],
    };
  },
});

const strip = photoMethod({
  id: stripMethod,
  algorithm: stripAlgorithm,
  kind: stripKind,
  methodLabel: 'lateral-flow',
  options: stripOptions,
  resultSchema: StripResultSchema,
  prepare(photo, parsed) {
    const panel = atServiceBoundary(parsePanelDescription)(JSON.stringify(parsed.panel ?? null), 'panel');
    const payload: StripPayload = { photo, panel, ...(parsed.corners ? { corners: parsed.corners } : {}), ...(parsed.maxMeanDeltaE ? { maxMeanDeltaE: parsed.maxMeanDeltaE } : {}) };
    return { payload, parameters: { cassette: panel.name, panels: panel.panels.length, cornersGiven: parsed.corners !== undefined } };
  },
  record: (result, overlays) => ({
    drafts: stripFindingDrafts(result, result.provenance.inputs[0]?.evidenceId ?? null, overlays),
    summary: { cassette: result.cassette, results: result.strips.map((s) => `${s.drug}:${s.result}`).join(',') },
    warnings: result.strips.some((s) => s.result === 'invalid') ? [`${result.name}: a panel has no control line (invalid)`] : [],
  }),
});

/** The drug-test module. */
export const drugsModule: ForensicModule = {
  id: 'drugs',
  evidenceKinds: kinds,
  methods: [spot, strip, padCardMethod],
  // The PAD pipeline is asynchronous (onnxruntime): the runners await what a pipeline returns.
  pipelines: { ...drugsPipelines, [padMethod]: (payload, onProgress) => runPad(payload as PadPayload, onProgress) },
  findingKinds: { [spotMethod]: ['spot-sample', 'spot-well'], [stripMethod]: ['strip-panel'], [padMethod]: ['pad-card'] },
  measurementKeys: { [spotMethod]: spotMeasurementKeys, [stripMethod]: stripMeasurementKeys, [padMethod]: padMeasurementKeys },
  summaries: [spotSummary, stripSummary, padSummary],
};
