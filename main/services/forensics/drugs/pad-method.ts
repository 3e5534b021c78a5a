/**
 * PAD cards as a method of the drug-test module: a card photo read by the PAD service (card located by its fiducials
 * or the expert's corners, 12 × 10 regions sampled, the shipped model's ingredient and Drug % with abstention), turned
 * into a result, a finding with the card overlay, and a summary. The model's hash goes into the provenance.
 */
import { z } from 'zod';
import { PadCardResultSchema, type PadCardResult } from '../../../contract/index.ts';
import { appVersion } from '../../../../core/version.ts';
import { decodePhoto } from '../../../../native/drugs/image/rgba-image.ts';
import { drawOverlay } from '../../../../native/drugs/overlay.ts';
import { atServiceBoundary } from '../../native-input.ts';
import type { FindingDraft, OverlayDraft } from '../../findings/finding-draft.ts';
import type { ProgressListener } from '../module.ts';
import { padCardKind, padMethod } from './kinds.ts';
import { readPadCardPhoto } from './pad/index.ts';
import { photoMethod } from './photo-method.ts';
import type { DrugsJobOutput, DrugsPhotoInput } from './pipelines.ts';

/** Algorithm name and version, for provenance (the model's own hash and version are recorded beside them). */
export const padAlgorithm = { name: 'drugs-pad-card', version: '1.0.0' } as const;

/** Measurement keys of PAD findings. */
export const padMeasurementKeys = ['drugs.pad.predicted', 'drugs.pad.probability', 'drugs.pad.concentration', 'drugs.pad.concentrationProbability', 'drugs.pad.abstains', 'drugs.pad.abstentionReason'] as const;

const padOptions = z.object({ corners: z.array(z.tuple([z.number(), z.number()])).length(4).optional() });

/** PAD payload. */
export interface PadPayload {
  readonly photo: DrugsPhotoInput;
  readonly corners?: Array<[number, number]>;
}

/** Reads a card photo (payload: PadPayload). */
export async function runPad(payload: PadPayload, onProgress: ProgressListener): Promise<DrugsJobOutput<PadCardResult>> {
  const { photo } = payload;
  onProgress(0.05, 'drugs.pad');
  const reading = await readPadCardPhoto(photo.bytes, photo.name, payload.corners);
  const c = reading.classification;
  const result = PadCardResultSchema.parse({
    kind: 'drugs-pad',
    name: photo.name,
    width: reading.width,
    height: reading.height,
    located: reading.located,
    cardCorners: reading.cardCorners,
    regions: reading.regions,
    predicted: c.predicted,
    probabilities: c.probabilities,
    concentration: c.concentration,
    abstention: c.abstention,
    conclusion: c.abstention ? 'abstains' : 'consistent-with',
    provenance: {
      algorithm: padAlgorithm.name,
      version: padAlgorithm.version,
      modelSha256: c.model.hash,
      parameters: { located: reading.located, model: c.model.algorithm, modelVersion: c.model.version },
      inputs: [{ name: photo.name, sha256: photo.sha256, evidenceId: photo.evidenceId }],
      software: { dalel: appVersion, node: process.versions.node },
    },
  });
  const image = atServiceBoundary(decodePhoto)(photo.bytes, photo.name);
  const boxes = result.regions.map((r) => {
    const xs = r.corners.map((p) => p[0]);
    const ys = r.corners.map((p) => p[1]);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys), ok: true };
  });
  const overlay = drawOverlay(image, { squares: [], circles: [], boxes }, []);
  onProgress(1, 'done');
  return { result, overlays: [{ name: 'pad-card.png', mediaType: 'image/png', bytes: overlay }] };
}

const m = (key: string, value: number | string | boolean, unit: string | null = null) => ({ key, value, unit, threshold: null });

/** The PAD finding: the model's answer on one card, with the card overlay. */
export function padFindingDrafts(result: PadCardResult, overlays: readonly OverlayDraft[]): FindingDraft[] {
  const evidenceId = result.provenance.inputs[0]?.evidenceId ?? null;
  const concentration = result.concentration.predicted;
  return [{
    module: padMethod,
    kind: 'pad-card',
    evidenceIds: evidenceId ? [evidenceId] : [],
    measurements: [
      m('drugs.pad.predicted', result.predicted),
      m('drugs.pad.probability', Number((result.probabilities[result.predicted] ?? 0).toFixed(3))),
      ...(concentration !== null ? [m('drugs.pad.concentration', concentration, '%'), m('drugs.pad.concentrationProbability', Number((result.concentration.probabilities[String(concentration)] ?? 0).toFixed(3)))] : []),
      m('drugs.pad.abstains', result.abstention !== null),
      ...(result.abstention ? [m('drugs.pad.abstentionReason', result.abstention.reason)] : []),
    ],
    conclusion: result.conclusion,
    provenance: result.provenance,
    overlays,
  }];
}

/** The PAD card method. */
export const padCardMethod = photoMethod({
  id: padMethod,
  algorithm: padAlgorithm,
  kind: padCardKind,
  methodLabel: 'PAD',
  photoNoun: 'PAD card photo',
  options: padOptions,
  resultSchema: PadCardResultSchema,
  prepare: (photo, parsed) => ({ payload: { photo, ...(parsed.corners ? { corners: parsed.corners } : {}) } satisfies PadPayload, parameters: { cornersGiven: parsed.corners !== undefined } }),
  record: (result, overlays) => ({
    drafts: padFindingDrafts(result, overlays),
    summary: { predicted: result.predicted, conclusion: result.conclusion, concentration: result.concentration.predicted === null ? '' : String(result.concentration.predicted) },
    warnings: result.abstention ? [`${result.name}: the PAD model abstains (${result.abstention.detail})`] : [],
  }),
});
