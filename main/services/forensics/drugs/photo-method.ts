/**
 * The shape every drug-test method shares: it reads one photograph declared as its kind, and records the result the
 * pipeline returned (checked against its schema) with the findings drawn from it.
 */
import type { z } from 'zod';
import type { FindingDraft, OverlayDraft } from '../../findings/finding-draft.ts';
import { methodRecord, type ForensicMethod, type MethodRecord, type MethodRecordParts, type PreparedJob } from '../module.ts';
import { checkPhoto } from './photo-input.ts';
import type { DrugsJobOutput, DrugsPhotoInput } from './pipelines.ts';

type StoredResult = MethodRecord['result'] & { readonly provenance: MethodRecord['provenance'] };

/** What one drug-test method declares beyond the shared shape. */
export interface PhotoMethodSpec<O, R extends StoredResult> {
  readonly id: string;
  readonly algorithm: ForensicMethod['algorithm'];
  /** The evidence kind it reads, and how a refusal names the method and the picture ("spot-plate", "colour-test photo"). */
  readonly kind: string;
  readonly methodLabel: string;
  readonly photoNoun?: string;
  readonly options: z.ZodType<O>;
  readonly resultSchema: z.ZodType<R>;
  /** The job payload and recorded parameters for the checked photo. */
  prepare(photo: DrugsPhotoInput, options: O): PreparedJob;
  /** The findings of a result, and what its audit entry and warnings say. */
  record(result: R, overlays: readonly OverlayDraft[]): MethodRecordParts & { readonly drafts: readonly FindingDraft[] };
}

/** A drug-test method that reads one photograph. */
export function photoMethod<O extends Readonly<Record<string, unknown>>, R extends StoredResult>(spec: PhotoMethodSpec<O, R>): ForensicMethod {
  return {
    id: spec.id,
    algorithm: spec.algorithm,
    acceptedKinds: [spec.kind],
    arity: { min: 1, max: 1 },
    options: spec.options,
    resultSchema: spec.resultSchema,
    prepare(inputs, options) {
      const parsed = spec.options.parse(options);
      return spec.prepare(checkPhoto(inputs[0]!, spec.kind, spec.methodLabel, spec.photoNoun), parsed);
    },
    record(output) {
      const out = output as DrugsJobOutput<unknown>;
      const result = spec.resultSchema.parse(out.result);
      const { drafts, ...parts } = spec.record(result, out.overlays);
      return methodRecord(result, drafts, parts);
    },
  };
}
