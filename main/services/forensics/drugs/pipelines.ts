/**
 * The drug-test pipelines run in the analysis process: photo bytes in, a stored-result shape and overlay PNGs out.
 * native/ errors (no target, clipped photo, unknown well…) become BAD_INPUT here, naming the photo.
 */
import { SpotPlateResultSchema, StripResultSchema, type SpotPlateResult, type StripResult } from '../../../contract/index.ts';
import { appVersion } from '../../../../core/version.ts';
import type { Calibration } from '../../../../native/drugs/calibration/calibrate.ts';
import { calibratePhoto } from '../../../../native/drugs/calibration/calibrate.ts';
import { COLORCHECKER_CLASSIC } from '../../../../native/drugs/calibration/targets.ts';
import { decodePhoto } from '../../../../native/drugs/image/rgba-image.ts';
import { drawOverlay } from '../../../../native/drugs/overlay.ts';
import { parseAssignments } from '../../../../native/drugs/spot/assignments.ts';
import { parseColourTable } from '../../../../native/drugs/spot/colour-table.ts';
import { readSpotPlate } from '../../../../native/drugs/spot/read-spot-plate.ts';
import { TOLERANCE_MODEL } from '../../../../native/drugs/spot/tolerance.ts';
import type { PanelDescription } from '../../../../native/drugs/strip/panel.ts';
import { readCassette, STRIP_READING } from '../../../../native/drugs/strip/read-strip.ts';
import { atServiceBoundary } from '../../native-input.ts';
import { badInput } from '../../errors.ts';
import type { OverlayDraft } from '../../findings/finding-draft.ts';
import type { ProgressListener } from '../module.ts';
import { spotMethod, stripMethod } from './kinds.ts';

/** Algorithm names and versions, for provenance. */
export const spotAlgorithm = { name: 'drugs-spot-plate', version: '1.0.0' } as const;
/** Cassette algorithm, for provenance. */
export const stripAlgorithm = { name: 'drugs-lateral-flow', version: '1.0.0' } as const;

/** What a drug-test job receives. */
export interface DrugsPhotoInput {
  readonly name: string;
  readonly sha256: string;
  readonly evidenceId: string | null;
  readonly bytes: Uint8Array;
}

/** The calibration options an expert may give (four clicked corners, a stricter residual limit). */
export interface DrugsCalibrationOptions {
  readonly corners?: ReadonlyArray<{ x: number; y: number }>;
  readonly maxMeanDeltaE?: number;
}

/** Spot-plate payload. */
export interface SpotPayload extends DrugsCalibrationOptions {
  readonly photo: DrugsPhotoInput;
  readonly reagents: string;
  readonly wells?: ReadonlyArray<{ label: string; x: number; y: number; radius: number }>;
  readonly table: { readonly file: string; readonly text: string; readonly sha256: string };
}

/** Cassette payload. */
export interface StripPayload extends DrugsCalibrationOptions {
  readonly photo: DrugsPhotoInput;
  readonly panel: PanelDescription;
}

/** A pipeline's output: the result and its overlays. */
export interface DrugsJobOutput<R> {
  readonly result: R;
  readonly overlays: readonly OverlayDraft[];
}

const software = (): Record<string, string> => ({ dalel: appVersion, node: process.versions.node });

function calibrationRecord(c: Calibration): SpotPlateResult['calibration'] {
  return {
    targetId: c.targetId,
    targetName: c.targetName,
    corners: c.corners.map((p) => ({ x: p.x, y: p.y })),
    cornersFrom: c.cornersFrom,
    model: c.correction.kind,
    modelErrors: { ...c.modelErrors },
    patches: c.patches.map((p) => ({ ...p, centre: { x: p.centre.x, y: p.centre.y }, referenceLab: [...p.referenceLab], rawLab: [...p.rawLab], correctedLab: [...p.correctedLab] })),
    residualMean: c.residualMean,
    residualMax: c.residualMax,
    looMean: c.looMean,
  };
}

function calibrationOptions(payload: DrugsCalibrationOptions): { corners?: Array<{ x: number; y: number }>; maxMeanDeltaE?: number } {
  return { ...(payload.corners ? { corners: [...payload.corners] } : {}), ...(payload.maxMeanDeltaE !== undefined ? { maxMeanDeltaE: payload.maxMeanDeltaE } : {}) };
}

const patchSquares = (c: Calibration) => c.patches.map((p) => ({ x: p.centre.x, y: p.centre.y, side: p.sampledSidePx, ok: p.deltaE <= 2 }));

/** Reads a spot plate (payload: SpotPayload). */
export function runSpot(payload: SpotPayload, onProgress: ProgressListener): DrugsJobOutput<SpotPlateResult> {
  const { photo } = payload;
  onProgress(0.02, 'drugs.decode');
  const image = atServiceBoundary(decodePhoto)(photo.bytes, photo.name);
  const table = atServiceBoundary(parseColourTable)(payload.table.text, payload.table.file);
  const assignments = atServiceBoundary(parseAssignments)(payload.reagents, 'reagents');
  const reading = atServiceBoundary(readSpotPlate)(image, photo.name, table, assignments, { ...calibrationOptions(payload), ...(payload.wells ? { wells: payload.wells } : {}) }, (stage, progress) => onProgress(progress, stage));
  const byLabel = new Map(reading.sample.wells.map((w) => [w.label, w]));
  const assignment = new Map(assignments.map((a) => [a.label, a]));
  const result = SpotPlateResultSchema.parse({
    kind: 'drugs-spot',
    name: photo.name,
    width: image.width,
    height: image.height,
    calibration: calibrationRecord(reading.calibration),
    wellsFrom: reading.wellsFrom,
    wells: reading.wells.map((w) => {
      const read = byLabel.get(w.label);
      const a = assignment.get(w.label);
      return {
        label: w.label, x: w.x, y: w.y, radius: w.radius, rawLab: [...w.rawLab], correctedLab: [...w.correctedLab],
        reagent: a?.reagent ?? null, blank: a?.blank ?? false, reacted: read?.reacted ?? null, blankDeltaE: read?.blankDeltaE ?? null,
        candidates: (read?.candidates ?? []).slice(0, 8).map((c) => ({ ...c, expectedLab: [...c.expectedLab] })),
      };
    }),
    candidates: reading.sample.candidates.slice(0, 15).map((c) => ({ ...c, wells: c.wells.map((w) => ({ ...w })) })),
    outcome: reading.sample.outcome,
    conclusion: reading.sample.outcome,
    mixturePossible: reading.sample.mixturePossible,
    advice: [...reading.sample.advice],
    table: { file: payload.table.file, sha256: payload.table.sha256, rows: table.rows.length },
    toleranceModel: { ...TOLERANCE_MODEL },
    provenance: {
      algorithm: spotAlgorithm.name,
      version: spotAlgorithm.version,
      modelSha256: null,
      parameters: { reagents: payload.reagents, target: COLORCHECKER_CLASSIC.id, cornersFrom: reading.calibration.cornersFrom, wellsFrom: reading.wellsFrom, tableSha256: payload.table.sha256, toleranceModel: TOLERANCE_MODEL.id },
      inputs: [{ name: photo.name, sha256: photo.sha256, evidenceId: photo.evidenceId }],
      software: software(),
    },
  });
  const swatches = result.wells.filter((w) => w.reagent && !w.blank).map((w) => [w.rawLab, w.correctedLab, ...(w.candidates[0] ? [w.candidates[0].expectedLab] : [])] as const);
  const overlay = drawOverlay(image, { squares: patchSquares(reading.calibration), circles: reading.wells, boxes: [] }, swatches);
  onProgress(1, 'done');
  return { result, overlays: [{ name: 'spot-plate.png', mediaType: 'image/png', bytes: overlay }] };
}

/** Reads a cassette (payload: StripPayload). */
export function runStrip(payload: StripPayload, onProgress: ProgressListener): DrugsJobOutput<StripResult> {
  const { photo } = payload;
  onProgress(0.02, 'drugs.decode');
  const image = atServiceBoundary(decodePhoto)(photo.bytes, photo.name);
  onProgress(0.1, 'drugs.calibrate');
  const calibration = atServiceBoundary(calibratePhoto)(image, photo.name, calibrationOptions(payload));
  onProgress(0.6, 'drugs.strips');
  const { windows, strips } = readCassette(image, calibration.correction, payload.panel);
  if (windows.length !== payload.panel.panels.length) {
    throw badInput(photo.name, 'windows-mismatch', `${windows.length} read windows were found, the cassette "${payload.panel.name}" has ${payload.panel.panels.length} (photograph the cassette flat and whole, windows upright)`, { found: windows.length, expected: payload.panel.panels.length });
  }
  const result = StripResultSchema.parse({
    kind: 'drugs-strip',
    name: photo.name,
    width: image.width,
    height: image.height,
    cassette: payload.panel.name,
    calibration: calibrationRecord(calibration),
    windowsFound: windows.length,
    conclusion: strips.some((s) => s.result === 'invalid') ? 'invalid' : strips.some((s) => s.result === 'positive') ? 'positive' : 'negative',
    strips: strips.map((s) => ({ ...s, window: { x: s.window.x, y: s.window.y, width: s.window.width, height: s.window.height }, profile: [...s.profile], control: { ...s.control }, test: { ...s.test } })),
    provenance: {
      algorithm: stripAlgorithm.name,
      version: stripAlgorithm.version,
      modelSha256: null,
      parameters: { cassette: payload.panel.name, panels: payload.panel.panels.map((p) => ({ ...p })), reading: { ...STRIP_READING }, target: COLORCHECKER_CLASSIC.id },
      inputs: [{ name: photo.name, sha256: photo.sha256, evidenceId: photo.evidenceId }],
      software: software(),
    },
  });
  const overlay = drawOverlay(image, { squares: patchSquares(calibration), circles: [], boxes: strips.map((s) => ({ ...s.window, ok: s.result !== 'invalid' })) }, []);
  onProgress(1, 'done');
  return { result, overlays: [{ name: 'cassette.png', mediaType: 'image/png', bytes: overlay }] };
}

/** The module's pipelines by job type. */
export const drugsPipelines = {
  [spotMethod]: (payload: unknown, onProgress: ProgressListener) => runSpot(payload as SpotPayload, onProgress),
  [stripMethod]: (payload: unknown, onProgress: ProgressListener) => runStrip(payload as StripPayload, onProgress),
};
