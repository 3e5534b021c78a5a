/** Findings, their review by experts, the case-level review and sign-off, the summary and the lab report. */
import { z } from 'zod';
import { CaseSchema } from './cases.ts';
import { bytes, caseReaders, channel, expertOnly, freeText, id, isoTime, sha256Hex } from './common.ts';

// ---------------------------------------------------------------------------------------------------------------
// Findings, analysis runs and review (issues 4 and 6). Modules (ballistics today; handwriting and drug tests later)
// produce findings through one interface; experts review them; a case is signed when every finding is decided.

/** Where a finding came from: an algorithm, an algorithm's finding amended by an expert, or an expert's own measurement. */
export const findingOrigins = ['model', 'model-edited', 'manual'] as const;
/** Where a finding came from. */
export const FindingOriginSchema = z.enum(findingOrigins);

/** What produced a result: algorithm, version, model hash, parameters, input hashes and the native software used. */
export const ProvenanceSchema = z.object({
  algorithm: z.string(),
  version: z.string(),
  modelSha256: sha256Hex.nullable(),
  parameters: z.record(z.string(), z.unknown()),
  inputs: z.array(z.object({ name: z.string(), sha256: sha256Hex, evidenceId: id.nullable() })),
  software: z.record(z.string(), z.string()),
});
/** What produced a result. */
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * One number (or label) of a finding. `key` is stable and module-scoped (e.g. 'cmc.count.aToB'): summaries and the
 * interface translate it; a threshold says how the value is judged (value `rule` threshold → criterion met).
 */
export const MeasurementSchema = z.object({
  key: z.string().min(1).max(100),
  value: z.union([z.number(), z.string().max(500), z.boolean()]),
  unit: z.string().max(20).nullable(),
  threshold: z.object({ value: z.number(), rule: z.enum(['>=', '>', '<=', '<']) }).nullable(),
});
/** One number (or label) of a finding. */
export type Measurement = z.infer<typeof MeasurementSchema>;

/** An expert's decision on a finding. */
export const findingDecisions = ['accepted', 'rejected', 'amended'] as const;
/** An expert's decision on a finding. */
export const FindingDecisionSchema = z.enum(findingDecisions);

/** The latest review of a finding: who decided what, why, when, and the audit entry that records it. */
export const FindingReviewSchema = z.object({
  decision: FindingDecisionSchema,
  reason: z.string().nullable(),
  reviewer: z.string(),
  at: isoTime,
  auditSeq: z.number().int().nonnegative(),
});

/** An image attached to a finding (an overlay, a plot), kept in the content-addressed store. */
export const OverlaySchema = z.object({ name: z.string(), sha256: sha256Hex, mediaType: z.string() });

/** A finding: measurements with their conclusion and provenance; amendments are new findings pointing at the old. */
export const FindingSchema = z.object({
  id,
  caseId: id,
  runId: id.nullable(),
  /** The producing module, e.g. 'ballistics.cartridge-case', 'ballistics.bullet', 'manual'. */
  module: z.string(),
  /** The module's kind of finding, e.g. 'cmc-comparison', 'land-pair', 'bullet-pair', 'distance', 'angle'. */
  kind: z.string(),
  evidenceIds: z.array(id),
  measurements: z.array(MeasurementSchema),
  /** On the field's scale, e.g. AFTE 'identification' | 'inconclusive' | 'elimination'; null when none applies. */
  conclusion: z.string().nullable(),
  origin: FindingOriginSchema,
  supersedes: id.nullable(),
  /** Set when a later amendment replaced this finding. */
  supersededBy: id.nullable(),
  provenance: ProvenanceSchema,
  overlays: z.array(OverlaySchema),
  review: FindingReviewSchema.nullable(),
  createdBy: z.string(),
  createdAt: isoTime,
  auditSeq: z.number().int().nonnegative(),
});
/** A finding. */
export type Finding = z.infer<typeof FindingSchema>;

/** The case-level review state machine: draft → in-review → verified → signed. */
export const caseReviewStates = ['draft', 'in-review', 'verified', 'signed'] as const;
/** The case-level review state. */
export const CaseReviewStateSchema = z.enum(caseReviewStates);

/** What a signature means (21 CFR 11.50): recorded with the signer and the time. */
export const signatureMeanings = ['reviewed', 'technical-review', 'approved'] as const;

/** A signature on a case's findings. */
export const SignatureSchema = z.object({
  userId: id,
  username: z.string(),
  displayName: z.string(),
  meaning: z.enum(signatureMeanings),
  at: isoTime,
  auditSeq: z.number().int().nonnegative(),
  /** False once the case was reopened after this signature: kept on record, but it no longer signs the current findings. */
  current: z.boolean(),
});

/** A case's review: state, progress, whether a second expert's technical review is required, and signatures. */
export const CaseReviewSchema = z.object({
  caseId: id,
  state: CaseReviewStateSchema,
  technicalReviewRequired: z.boolean(),
  findingsTotal: z.number().int().nonnegative(),
  findingsDecided: z.number().int().nonnegative(),
  signatures: z.array(SignatureSchema),
  updatedAt: isoTime,
});
/** A case's review. */
export type CaseReview = z.infer<typeof CaseReviewSchema>;

/** The findings channels: schemas and who may call each. */
export const findingsChannels = {
  /** Findings of a case (amended originals included, marked by supersededBy), oldest first. */
  'findings.list': channel(z.object({ caseId: id }).strict(), z.array(FindingSchema), caseReaders),
  /** Accept, reject (reason required) or amend (reason and new measurements/conclusion required) one finding. */
  'findings.review': channel(
    z
      .object({
        findingId: id,
        decision: FindingDecisionSchema,
        reason: freeText(2000).optional(),
        amended: z.object({ measurements: z.array(MeasurementSchema).min(1).max(200), conclusion: z.string().max(100).nullable() }).strict().optional(),
      })
      .strict(),
    z.object({ finding: FindingSchema, amendment: FindingSchema.nullable(), review: CaseReviewSchema }),
    expertOnly,
  ),
  /** An expert's own measurement in the viewer (distance, angle) recorded as a manual finding. */
  'findings.addManual': channel(
    z
      .object({
        caseId: id,
        kind: z.enum(['distance', 'angle', 'note']),
        evidenceIds: z.array(id).min(1).max(10),
        measurements: z.array(MeasurementSchema).min(1).max(50),
        conclusion: z.string().max(100).nullable(),
      })
      .strict(),
    FindingSchema,
    expertOnly,
  ),
  'review.get': channel(z.object({ caseId: id }).strict(), CaseReviewSchema, caseReaders),
  /** Moves the case's review: submit (draft → in-review), verify, sign (needs a recent re-authentication), reopen. */
  'review.transition': channel(
    z
      .object({
        caseId: id,
        action: z.enum(['submit', 'require-technical-review', 'verify', 'sign', 'reopen']),
        meaning: z.enum(signatureMeanings).optional(),
        reason: freeText(2000).optional(),
      })
      .strict(),
    CaseReviewSchema,
    expertOnly,
  ),
  /** Cases with findings awaiting review, with progress, for the expert's queue. */
  'review.queue': channel(
    z.object({ state: CaseReviewStateSchema.optional(), query: freeText(200).optional() }).strict(),
    z.array(z.object({ case: CaseSchema, review: CaseReviewSchema })),
    expertOnly,
  ),
  /** The lab report as PDF; exporting is audit-logged and appended to each evidence item's custody. */
  'report.export': channel(
    z.object({ caseId: id, language: z.enum(['kk', 'ru', 'en']) }).strict(),
    z.object({ fileName: z.string(), pdf: bytes, sha256: sha256Hex, auditSeq: z.number().int().nonnegative() }),
    caseReaders,
  ),
  /** The deterministic AI summary of a case's findings in one language; every number names its finding. */
  'summary.get': channel(
    z.object({ caseId: id, language: z.enum(['kk', 'ru', 'en']) }).strict(),
    z.object({
      paragraphs: z.array(
        z.object({
          heading: z.string(),
          parts: z.array(z.union([z.object({ text: z.string() }).strict(), z.object({ text: z.string(), findingId: id, measurementKey: z.string() }).strict()])),
        }),
      ),
      conclusion: z.string(),
    }),
    caseReaders,
  ),
} as const;
