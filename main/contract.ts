/**
 * The one typed contract between the user interface and the services. Every request/response channel and every
 * event channel is declared here once, with zod schemas; the IPC wrappers, the preload's `window.api`, the loopback
 * web bridge, the CLI and the renderer all derive their types from this file. Access rules live beside each channel
 * so that the dispatcher enforces them for every transport alike.
 */
import { z } from 'zod';

/** The roles a workstation account can hold. */
export const roles = ['expert', 'judge', 'clerk', 'administrator'] as const;
/** A workstation account's role. */
export const RoleSchema = z.enum(roles);
/** A workstation account's role. */
export type Role = z.infer<typeof RoleSchema>;

/** Who may call a channel: anyone (no session), any unlocked session, or only the listed roles. */
export type Access = 'public' | 'session' | readonly Role[];

const id = z.string().uuid();
const isoTime = z.string().datetime();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, underscore or hyphen');
/** Passwords: long enough to resist guessing, short enough to bound scrypt's input. */
const password = z.string().min(10).max(256);
const loginPassword = z.string().min(1).max(256);
const freeText = (max: number) => z.string().trim().max(max);

/** A user as the interface sees it (never the password hash). */
export const UserSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: isoTime,
});
/** A user as the interface sees it. */
export type User = z.infer<typeof UserSchema>;

/** The state of the caller's session. */
export const SessionInfoSchema = z.object({
  user: UserSchema,
  locked: z.boolean(),
  idleLockMs: z.number().int().positive(),
});
/** The state of the caller's session. */
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Kinds of case a workstation handles. */
export const caseTypes = ['criminal', 'civil', 'administrative', 'forensic-examination'] as const;
/** A case's kind. */
export const CaseTypeSchema = z.enum(caseTypes);

/** A case (court or laboratory file). */
export const CaseSchema = z.object({
  id,
  number: z.string(),
  venue: z.string(),
  caseType: CaseTypeSchema,
  parties: z.string(),
  createdAt: isoTime,
  createdBy: z.string(),
  evidenceCount: z.number().int().nonnegative(),
});
/** A case (court or laboratory file). */
export type Case = z.infer<typeof CaseSchema>;

/** Evidence file kinds accepted at intake, decided by magic bytes, never by the file name. */
export const evidenceKinds = ['png', 'jpeg', 'tiff', 'x3p', 'pdf'] as const;
/** An evidence file kind. */
export const EvidenceKindSchema = z.enum(evidenceKinds);
/** An evidence file kind. */
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** One entry in an evidence item's chain of custody. */
export const CustodyEventSchema = z.object({
  id,
  evidenceId: id,
  action: z.string(),
  actor: z.string(),
  actorRole: RoleSchema,
  at: isoTime,
  note: z.string(),
});
/** One entry in an evidence item's chain of custody. */
export type CustodyEvent = z.infer<typeof CustodyEventSchema>;

/** An evidence item: one stored file attached to one case. */
export const EvidenceSchema = z.object({
  id,
  caseId: id,
  sha256: sha256Hex,
  originalName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  kind: EvidenceKindSchema,
  mediaType: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  bitDepth: z.number().int().positive().nullable(),
  addedBy: z.string(),
  addedAt: isoTime,
  hasThumbnail: z.boolean(),
});
/** An evidence item. */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A signed checkpoint as the interface shows it. */
export const CheckpointInfoSchema = z.object({
  id: z.number().int(),
  size: z.number().int().nonnegative(),
  rootBase64: z.string(),
  note: z.string(),
  reason: z.string(),
  keyId: z.string(),
  createdAt: isoTime,
  cosignatures: z.array(z.object({ witness: z.string(), timestamp: z.number().int() })),
});
/** A signed checkpoint as the interface shows it. */
export type CheckpointInfo = z.infer<typeof CheckpointInfoSchema>;

/** The audit log's state: size, signing key (public part), newest checkpoint. */
export const AuditStatusSchema = z.object({
  origin: z.string(),
  size: z.number().int().nonnegative(),
  keyUnlocked: z.boolean(),
  keySealer: z.string().nullable(),
  key: z
    .object({ keyId: z.string(), fingerprint: z.string(), verifierKey: z.string(), pem: z.string(), createdAt: isoTime })
    .nullable(),
  latestCheckpoint: CheckpointInfoSchema.nullable(),
});
/** The audit log's state. */
export type AuditStatus = z.infer<typeof AuditStatusSchema>;

/** One audit entry for the trail viewer; `entry` is the stored canonical JSON text. */
export const AuditEntryViewSchema = z.object({
  seq: z.number().int().nonnegative(),
  at: isoTime,
  actor: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  caseId: z.string().nullable(),
  entry: z.string(),
});
/** One audit entry for the trail viewer. */
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

/** The verdict on an audit bundle. */
export const VerifyReportSchema = z.object({
  valid: z.boolean(),
  problems: z.array(
    z.object({ code: z.string(), message: z.string(), file: z.string().optional(), line: z.number().optional(), seq: z.number().optional() }),
  ),
  passed: z.array(z.string()),
  origin: z.string().nullable(),
  treeSize: z.number().nullable(),
  entries: z.number(),
  keyFingerprint: z.string().nullable(),
  keyTrusted: z.boolean(),
});
/** The verdict on an audit bundle. */
export type VerifyReportView = z.infer<typeof VerifyReportSchema>;

/** Which entries an audit export holds. */
export const ExportScopeSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('all') }).strict(),
  z.object({ scope: z.literal('case'), caseId: z.string().uuid() }).strict(),
  z.object({ scope: z.literal('range'), from: z.string().datetime(), to: z.string().datetime() }).strict(),
]);

/*
 * Decision support (issue 5). The model card (Mitchell et al. 2019) travels with every model: data, held-out
 * validation against a naive baseline, calibration, interval coverage, and a disparity report over protected
 * attributes that are never inputs.
 */
const rate = z.number().min(0).max(1);

/** One group of a protected attribute in the disparity report. */
export const DisparityGroupSchema = z
  .object({
    value: z.string(),
    label: z.string(),
    cases: z.number().int().nonnegative(),
    /** Regression: mean absolute error, mean signed error (predicted − actual), 80% interval coverage. */
    meanAbsoluteError: z.number().optional(),
    meanSignedError: z.number().optional(),
    coverage80: rate.optional(),
    /** Classification: accuracy, and how often each group is predicted vs actually in the positive/top class. */
    accuracy: rate.optional(),
    predictedPositiveRate: rate.optional(),
    actualPositiveRate: rate.optional(),
  })
  .strict();

/** The model card. */
export const ModelCardSchema = z
  .object({
    format: z.literal('dalel-model-card/1'),
    modelSha256: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.string().datetime(),
    caseType: z.object({ id: z.string(), version: z.string(), sha256: z.string(), title: z.string() }).strict(),
    outcome: z.object({ name: z.string(), kind: z.enum(['regression', 'classification']), unit: z.string().optional(), classes: z.array(z.string()).optional() }).strict(),
    synthetic: z.boolean(),
    intendedUse: z.string(),
    data: z
      .object({
        file: z.string(),
        sha256: z.string(),
        description: z.string(),
        records: z.number().int(),
        cases: z.number().int(),
        dropped: z.record(z.string(), z.number().int()),
        period: z.object({ field: z.string().nullable(), from: z.string(), to: z.string() }).strict().nullable(),
      })
      .strict(),
    validation: z
      .object({
        split: z.string(),
        trainingCases: z.number().int(),
        calibrationCases: z.number().int(),
        testCases: z.number().int(),
        regression: z
          .object({
            meanAbsoluteError: z.number(),
            rootMeanSquaredError: z.number(),
            baselines: z.array(z.object({ name: z.string(), meanAbsoluteError: z.number() }).strict()),
            intervals: z.object({ halfWidth80: z.number(), halfWidth95: z.number(), coverage80: rate, coverage95: rate }).strict(),
          })
          .strict()
          .optional(),
        classification: z
          .object({
            accuracy: rate,
            logLoss: z.number(),
            expectedCalibrationError: z.number(),
            baselines: z.array(z.object({ name: z.string(), accuracy: rate }).strict()),
          })
          .strict()
          .optional(),
      })
      .strict(),
    disparity: z.array(z.object({ attribute: z.string(), title: z.string(), groups: z.array(DisparityGroupSchema) }).strict()),
    model: z
      .object({
        kind: z.string(),
        features: z.array(z.object({ name: z.string(), kind: z.string(), bins: z.number().int() }).strict()),
        interactions: z.array(z.string()),
        bags: z.number().int(),
        rounds: z.array(z.object({ main: z.number().int(), pairs: z.number().int() }).strict()),
        trainingSeconds: z.number(),
        options: z.record(z.string(), z.number()),
      })
      .strict(),
    limitations: z.array(z.string()),
  })
  .strict();
/** The model card. */
export type ModelCard = z.infer<typeof ModelCardSchema>;

/** One fact of a case: a number, a category, a flag, a checklist, or null when unknown. */
export const FactValueSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(100)]);
/** The facts of one case by field name (validated again against the model's case-type schema). */
export const FactsSchema = z.record(z.string().max(100), FactValueSchema).refine((facts) => Object.keys(facts).length <= 200, 'too many facts');

/** Why a prediction is referred to human review. */
export const AbstentionReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('interval-too-wide'), width: z.number(), range: z.tuple([z.number(), z.number()]), limit: z.number() }),
  z.object({ code: z.literal('outside-training-range'), feature: z.string(), value: z.number(), min: z.number(), max: z.number() }),
  z.object({ code: z.literal('unseen-category'), feature: z.string(), value: z.string() }),
  z.object({ code: z.literal('unseen-missing'), feature: z.string() }),
  z.object({ code: z.literal('low-confidence'), probability: z.number(), threshold: z.number() }),
]);
/** Why a prediction is referred to human review. */
export type AbstentionReason = z.infer<typeof AbstentionReasonSchema>;

/**
 * A prediction with its exact explanation: score = intercept + Σ contributions (per score: one for regression and
 * binary models, whose score is the positive class's log-odds; one per class for multiclass models).
 */
export const DecisionOutputSchema = z.object({
  outcome: z.string(),
  kind: z.enum(['regression', 'classification']),
  unit: z.string().optional(),
  /** True when the model was trained on generated cases: the interface must say so with the prediction. */
  synthetic: z.boolean(),
  score: z.array(z.number()),
  intercept: z.array(z.number()),
  contributions: z.array(
    z.object({
      term: z.string(),
      inputs: z.array(z.object({ feature: z.string(), value: FactValueSchema })),
      values: z.array(z.number()),
    }),
  ),
  /** Regression: the predicted value (the score, clipped to the outcome's bounds) and conformal intervals. */
  value: z.number().optional(),
  interval80: z.tuple([z.number(), z.number()]).optional(),
  interval95: z.tuple([z.number(), z.number()]).optional(),
  /** Classification: every class's probability, and the most probable class. */
  probabilities: z.array(z.object({ value: z.string(), label: z.string(), probability: z.number() })).optional(),
  predictedClass: z.string().optional(),
  abstention: z.object({ refer: z.boolean(), reasons: z.array(AbstentionReasonSchema) }),
});
/** A prediction with its exact explanation. */
export type DecisionOutput = z.infer<typeof DecisionOutputSchema>;

/** An installed decision model as the interface lists it. */
export const DecisionModelSchema = z.object({
  sha256: sha256Hex,
  caseType: z.string(),
  caseTypeVersion: z.string(),
  outcome: z.string(),
  synthetic: z.boolean(),
  card: ModelCardSchema,
});
/** An installed decision model. */
export type DecisionModel = z.infer<typeof DecisionModelSchema>;


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

/** The state of an analysis run. */
export const analysisRunStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** Ballistics analyses an expert can start on evidence items. */
export const analysisModules = ['ballistics.cartridge-case', 'ballistics.bullet'] as const;
/** A ballistics analysis module. */
export const AnalysisModuleSchema = z.enum(analysisModules);

/** One run of an analysis module on evidence items, with its progress and the findings it produced. */
export const AnalysisRunSchema = z.object({
  id,
  caseId: id,
  module: AnalysisModuleSchema,
  evidenceIds: z.array(id),
  parameters: z.record(z.string(), z.unknown()),
  state: z.enum(analysisRunStates),
  progress: z.number().min(0).max(1),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedBy: z.string(),
  startedAt: isoTime,
  finishedAt: isoTime.nullable(),
  findingIds: z.array(id),
  /** SHA-256 of the full result (JSON in the content store) that the comparison viewer draws. */
  resultSha256: sha256Hex.nullable(),
});
/** One run of an analysis module. */
export type AnalysisRun = z.infer<typeof AnalysisRunSchema>;

/** A processed surface as the viewer draws it: its grid size and lateral resolution. */
export const SurfaceRefSchema = z.object({
  evidenceId: id.nullable(),
  name: z.string(),
  sha256: sha256Hex,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  pixelUm: z.number().positive(),
});

/** One CMC cell's registration (cell rectangle in the reference grid; θ in degrees, dx/dy in pixels). */
export const CmcCellSchema = z.object({
  row: z.number().int(),
  col: z.number().int(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  theta: z.number(),
  dx: z.number(),
  dy: z.number(),
  ccf: z.number(),
  congruent: z.boolean(),
});

/** One direction of a CMC comparison. */
export const CmcDirectionSchema = z.object({
  cmcCount: z.number().int().nonnegative(),
  cellsCompared: z.number().int().nonnegative(),
  consensus: z.object({ theta: z.number(), dx: z.number(), dy: z.number() }),
  cells: z.array(CmcCellSchema),
});

/** A cartridge-case comparison's full result, as stored (JSON blob) and drawn by the viewer. */
export const CartridgeComparisonResultSchema = z.object({
  kind: z.literal('cartridge-case'),
  a: SurfaceRefSchema,
  b: SurfaceRefSchema,
  aToB: CmcDirectionSchema,
  bToA: CmcDirectionSchema,
  cmcCount: z.number().int().nonnegative(),
  threshold: z.number().int().positive(),
  conclusion: z.string(),
  provenance: ProvenanceSchema,
  timing: z.record(z.string(), z.number()),
});
/** A cartridge-case comparison's full result. */
export type CartridgeComparisonResult = z.infer<typeof CartridgeComparisonResultSchema>;

/** One land-to-land comparison of two bullets. */
export const LandPairSchema = z.object({
  a: z.number().int().nonnegative(),
  b: z.number().int().nonnegative(),
  ccf: z.number(),
  cms: z.number().int().nonnegative(),
  d: z.number(),
  overlap: z.number(),
  lagUm: z.number(),
  score: z.number(),
});

/** A bullet comparison's full result: every land pair, the best land rotation, and the aligned signatures. */
export const BulletComparisonResultSchema = z.object({
  kind: z.literal('bullet'),
  /** Land scans of each bullet, in land order. */
  a: z.array(SurfaceRefSchema),
  b: z.array(SurfaceRefSchema),
  landPairs: z.array(LandPairSchema),
  /** Best rotation: land i of A is compared with land (i + offset) mod n of B. */
  rotation: z.object({ offset: z.number().int(), pairs: z.array(z.tuple([z.number().int(), z.number().int()])) }),
  bulletScore: z.number(),
  landThreshold: z.number(),
  conclusion: z.string(),
  /** Signatures in µm at a common step, already aligned (B shifted by the pair's lag), one per rotation pair. */
  signatures: z.array(z.object({ a: z.number().int(), b: z.number().int(), stepUm: z.number().positive(), sigA: z.array(z.number().nullable()), sigB: z.array(z.number().nullable()) })),
  provenance: ProvenanceSchema,
  timing: z.record(z.string(), z.number()),
});
/** A bullet comparison's full result. */
export type BulletComparisonResult = z.infer<typeof BulletComparisonResultSchema>;

/** How a height map is drawn. */
export const surfaceStyles = ['relief', 'false-colour'] as const;

/** A rendered height map with what a scale bar needs. */
export const SurfaceImageSchema = z.object({
  png: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  pixelUm: z.number().positive(),
  zMinUm: z.number(),
  zMaxUm: z.number(),
});

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

/** A reference-library scan with its metadata. */
export const LibraryReferenceSchema = z.object({
  id,
  name: z.string(),
  sha256: sha256Hex,
  firearmMake: z.string(),
  firearmModel: z.string(),
  calibre: z.string(),
  caseNumber: z.string(),
  notes: z.string(),
  addedBy: z.string(),
  addedAt: isoTime,
});
/** A reference-library scan. */
export type LibraryReference = z.infer<typeof LibraryReferenceSchema>;

/** One ranked candidate of a library search. */
export const LibraryHitSchema = z.object({
  reference: LibraryReferenceSchema,
  prefilterScore: z.number(),
  cmcCount: z.number().int().nonnegative().nullable(),
  rank: z.number().int().positive(),
});

// ---------------------------------------------------------------------------------------------------------------
// Judge decision support beyond the prediction itself (issue 5).

/** The lawful range for an article and part, with the caps that apply and the article's text. */
export const StatutoryBoundsSchema = z.object({
  article: z.string(),
  part: z.string().nullable(),
  citation: z.string(),
  text: z.string(),
  punishments: z.array(z.object({ type: z.string(), min: z.number().nullable(), max: z.number().nullable(), unit: z.string() })),
  /** The range the prediction is clipped to and drawn against, after caps (e.g. art. 55 ⅔ of the maximum). */
  lawfulRange: z.object({ min: z.number(), max: z.number(), unit: z.string() }).nullable(),
  caps: z.array(z.object({ citation: z.string(), fraction: z.number(), reason: z.string() })),
});
/** The lawful range for an article and part. */
export type StatutoryBounds = z.infer<typeof StatutoryBoundsSchema>;

/** One past case similar to the consulted one, with a feature-by-feature comparison. */
export const PrecedentSchema = z.object({
  caseRef: z.string(),
  distance: z.number().nonnegative(),
  outcome: z.object({ value: z.number().nullable(), class: z.string().nullable(), label: z.string() }),
  decidedAt: z.string().nullable(),
  comparison: z.array(z.object({ feature: z.string(), label: z.string(), query: FactValueSchema, precedent: FactValueSchema, same: z.boolean() })),
});
/** One similar past case. */
export type Precedent = z.infer<typeof PrecedentSchema>;

/** A procedural step suggested by a rule, each citing the article it comes from with the article's text. */
export const ProceduralAdviceSchema = z.object({
  rule: z.string(),
  title: z.string(),
  text: z.string(),
  citations: z.array(z.object({ code: z.string(), article: z.string(), text: z.string() })),
});
/** A procedural step suggested by a rule. */
export type ProceduralAdvice = z.infer<typeof ProceduralAdviceSchema>;

/** A final verdict as entered by a judge or clerk, compared with the consultation before it. */
export const VerdictSchema = z.object({
  id,
  caseId: id,
  consultationSeq: z.number().int().nonnegative().nullable(),
  caseType: z.string(),
  article: z.string().nullable(),
  outcome: z.object({ value: z.number().nullable(), class: z.string().nullable() }),
  decidedAt: isoTime,
  enteredBy: z.string(),
  discrepancy: z
    .object({
      kind: z.enum(['outside-interval', 'different-class']),
      predicted: z.object({ value: z.number().nullable(), interval: z.tuple([z.number(), z.number()]).nullable(), class: z.string().nullable() }),
    })
    .nullable(),
  auditSeq: z.number().int().nonnegative(),
});
/** A final verdict. */
export type Verdict = z.infer<typeof VerdictSchema>;

/** One row of the discrepancy dashboard: per article and month, never per judge. */
export const DiscrepancyRowSchema = z.object({
  article: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  verdicts: z.number().int().nonnegative(),
  discrepancies: z.number().int().nonnegative(),
});

/** A notice to the judge who consulted the model that the final verdict fell outside the prediction. */
export const DiscrepancyNoticeSchema = z.object({
  id,
  verdictId: id,
  caseId: id,
  caseNumber: z.string(),
  createdAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
});

/** A consultation's answer: the prediction, the model that made it, and the audit entry that records it. */
export const ConsultationSchema = DecisionOutputSchema.extend({
  model: z.object({ sha256: sha256Hex, caseType: z.string(), caseTypeVersion: z.string() }),
  auditSeq: z.number().int().nonnegative(),
  /** The lawful range (criminal case types with statutory bounds), null otherwise. */
  bounds: StatutoryBoundsSchema.nullable(),
  precedents: z.array(PrecedentSchema),
  advice: z.array(ProceduralAdviceSchema),
});
/** A consultation's answer. */
export type Consultation = z.infer<typeof ConsultationSchema>;

/** Most cases one batch call may hold. */
export const maxBatchCases = 5000;

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/** Declares one request/response channel. */
function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, access: Access) {
  return { request, response, access } as const;
}

const expertOnly = ['expert'] as const satisfies readonly Role[];
const caseReaders = ['expert', 'judge', 'clerk'] as const satisfies readonly Role[];
const caseCreators = ['expert', 'judge'] as const satisfies readonly Role[];
const adminOnly = ['administrator'] as const satisfies readonly Role[];
const auditors = ['clerk', 'administrator'] as const satisfies readonly Role[];
const isoFilter = z.string().datetime().optional();
const judgesOnly = ['judge'] as const satisfies readonly Role[];
const modelReaders = ['judge', 'clerk', 'administrator'] as const satisfies readonly Role[];
const verdictEnterers = ['judge', 'clerk'] as const satisfies readonly Role[];

/** Every request/response channel, its schemas and who may call it. */
export const requestChannels = {
  'workstation.info': channel(
    empty,
    z.object({ version: z.string(), workstationId: z.string(), needsSetup: z.boolean() }),
    'public',
  ),
  'auth.status': channel(empty, z.object({ needsSetup: z.boolean(), session: SessionInfoSchema.nullable() }), 'public'),
  'auth.setupAdmin': channel(
    z.object({ username, displayName: freeText(120).min(1), password }).strict(),
    SessionInfoSchema,
    'public',
  ),
  'auth.login': channel(z.object({ username: z.string().trim().min(1).max(64), password: loginPassword }).strict(), SessionInfoSchema, 'public'),
  /** Unlocking is allowed on a locked session, which is why it is 'public' and checks the session itself. */
  'auth.unlock': channel(z.object({ password: loginPassword }).strict(), SessionInfoSchema, 'public'),
  'auth.logout': channel(empty, ok, 'public'),
  'auth.reauthenticate': channel(z.object({ password: loginPassword }).strict(), z.object({ validUntil: isoTime }), 'session'),
  'auth.changePassword': channel(
    z.object({ currentPassword: loginPassword, newPassword: password }).strict(),
    ok,
    'session',
  ),
  'users.list': channel(empty, z.array(UserSchema), adminOnly),
  'users.add': channel(
    z.object({ username, displayName: freeText(120).min(1), role: RoleSchema, password }).strict(),
    UserSchema,
    adminOnly,
  ),
  'users.setDisabled': channel(z.object({ userId: id, disabled: z.boolean() }).strict(), UserSchema, adminOnly),
  'cases.create': channel(
    z
      .object({
        number: freeText(64).min(1),
        venue: freeText(200).min(1),
        caseType: CaseTypeSchema,
        parties: freeText(2000),
      })
      .strict(),
    CaseSchema,
    caseCreators,
  ),
  'cases.list': channel(z.object({ query: freeText(200).optional() }).strict(), z.array(CaseSchema), caseReaders),
  'cases.get': channel(z.object({ caseId: id }).strict(), CaseSchema, caseReaders),
  'evidence.add': channel(
    z.object({ caseId: id, fileName: z.string().min(1).max(255), bytes }).strict(),
    z.object({ evidence: EvidenceSchema, duplicate: z.boolean() }),
    expertOnly,
  ),
  'evidence.list': channel(z.object({ caseId: id }).strict(), z.array(EvidenceSchema), caseReaders),
  'evidence.custody': channel(z.object({ evidenceId: id }).strict(), z.array(CustodyEventSchema), caseReaders),
  'evidence.thumbnail': channel(z.object({ evidenceId: id }).strict(), z.object({ png: bytes.nullable() }), caseReaders),
  'audit.status': channel(empty, AuditStatusSchema, 'session'),
  'audit.unlockKey': channel(z.object({ passphrase: z.string().min(1).max(1024) }).strict(), AuditStatusSchema, auditors),
  'audit.rotateKey': channel(z.object({ newPassphrase: z.string().min(1).max(1024).optional() }).strict(), AuditStatusSchema, adminOnly),
  'audit.entries': channel(
    z
      .object({
        caseId: id.optional(),
        actor: freeText(64).optional(),
        action: freeText(64).optional(),
        from: isoFilter,
        to: isoFilter,
        afterSeq: z.number().int().min(-1).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    z.object({ entries: z.array(AuditEntryViewSchema), size: z.number().int() }),
    auditors,
  ),
  'audit.proof': channel(
    z.object({ seq: z.number().int().nonnegative() }).strict(),
    z.object({ seq: z.number().int(), entry: z.string(), leafHash: z.string(), treeSize: z.number().int(), tlogProof: z.string() }),
    auditors,
  ),
  'audit.checkpoint': channel(empty, CheckpointInfoSchema, auditors),
  'audit.checkpoints': channel(empty, z.array(CheckpointInfoSchema), 'session'),
  'audit.export': channel(
    ExportScopeSchema,
    z.object({ name: z.string(), entries: z.number().int(), zipBytes: z.number().int(), checkpoint: CheckpointInfoSchema }),
    auditors,
  ),
  'audit.download': channel(z.object({ name: z.string().regex(/^dalel-audit-[a-z]+-\d{8}T\d{6}Z-\d+$/) }).strict(), z.object({ zip: bytes }), auditors),
  'audit.verify': channel(
    z
      .object({
        fileName: z.string().min(1).max(255),
        zip: bytes,
        trustedKeys: z.array(z.string().max(300)).max(20).optional(),
        trustedCheckpoint: z.string().max(10_000).optional(),
      })
      .strict(),
    VerifyReportSchema,
    auditors,
  ),
  'audit.importCosignature': channel(
    z.object({ note: z.string().min(1).max(20_000), witnessKey: z.string().min(1).max(300) }).strict(),
    z.object({ checkpointId: z.number().int(), witness: z.string(), timestamp: z.number().int() }),
    auditors,
  ),
  'decision.models': channel(empty, z.array(DecisionModelSchema), modelReaders),
  /** A judge's consultation: logged with the facts' hash, the model's hash and the output, every time. */
  'decision.predict': channel(
    z.object({ modelSha256: sha256Hex, facts: FactsSchema, caseId: id.optional() }).strict(),
    ConsultationSchema,
    judgesOnly,
  ),
  /** Many cases at once (one audit entry for the batch, with the hashes of all inputs and outputs). */
  'decision.predictBatch': channel(
    z.object({ modelSha256: sha256Hex, cases: z.array(FactsSchema).min(1).max(maxBatchCases) }).strict(),
    z.object({
      results: z.array(z.union([z.object({ ok: z.literal(true), output: DecisionOutputSchema }), z.object({ ok: z.literal(false), field: z.string(), message: z.string() })])),
      model: z.object({ sha256: sha256Hex, caseType: z.string(), caseTypeVersion: z.string() }),
      auditSeq: z.number().int().nonnegative(),
    }),
    judgesOnly,
  ),

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
  /** Starts an analysis off the main thread; progress arrives as 'analysis.progress' events. */
  'analysis.start': channel(
    z
      .object({
        caseId: id,
        module: AnalysisModuleSchema,
        /** Cartridge cases: [A, B]. Bullets: A's lands then B's lands, split by `bulletASize`. */
        evidenceIds: z.array(id).min(2).max(20),
        bulletASize: z.number().int().positive().optional(),
        /** Pixel size for 2D images (µm), asked from the user: images carry no lateral scale. */
        pixelUm: z.record(id, z.number().positive().max(1000)).optional(),
        parameters: z.record(z.string(), z.number()).optional(),
      })
      .strict(),
    AnalysisRunSchema,
    expertOnly,
  ),
  'analysis.cancel': channel(z.object({ runId: id }).strict(), AnalysisRunSchema, expertOnly),
  'analysis.list': channel(z.object({ caseId: id }).strict(), z.array(AnalysisRunSchema), caseReaders),
  'analysis.result': channel(
    z.object({ runId: id }).strict(),
    z.discriminatedUnion('kind', [CartridgeComparisonResultSchema, BulletComparisonResultSchema]),
    caseReaders,
  ),
  /** A processed surface of a run drawn as relief or false colour (what the CMC cells refer to). */
  'analysis.surface': channel(
    z.object({ runId: id, surface: z.number().int().nonnegative(), style: z.enum(surfaceStyles) }).strict(),
    SurfaceImageSchema,
    caseReaders,
  ),
  /** An evidence item's height map or image drawn for the viewer, before any processing. */
  'evidence.surface': channel(z.object({ evidenceId: id, style: z.enum(surfaceStyles) }).strict(), SurfaceImageSchema, caseReaders),
  'library.add': channel(
    z
      .object({
        fileName: z.string().min(1).max(255),
        bytes,
        firearmMake: freeText(120),
        firearmModel: freeText(120),
        calibre: freeText(60),
        caseNumber: freeText(64),
        notes: freeText(2000),
      })
      .strict(),
    LibraryReferenceSchema,
    expertOnly,
  ),
  'library.list': channel(z.object({ query: freeText(200).optional() }).strict(), z.array(LibraryReferenceSchema), expertOnly),
  'library.search': channel(
    z.object({ evidenceId: id, top: z.number().int().min(1).max(100).optional() }).strict(),
    z.object({ hits: z.array(LibraryHitSchema), searched: z.number().int(), timing: z.record(z.string(), z.number()) }),
    expertOnly,
  ),
  /** Statutory bounds for an article and part with the circumstances given (art. 55 caps). */
  'decision.bounds': channel(z.object({ caseType: z.string().max(100), facts: FactsSchema }).strict(), StatutoryBoundsSchema.nullable(), modelReaders),
  /** The final verdict, entered by the judge or the clerk; a discrepancy is recorded when it leaves the prediction. */
  'verdicts.record': channel(
    z
      .object({
        caseId: id,
        consultationSeq: z.number().int().nonnegative().optional(),
        caseType: z.string().max(100),
        article: z.string().max(20).optional(),
        outcome: z.object({ value: z.number().nullable(), class: z.string().max(100).nullable() }).strict(),
        decidedAt: isoTime,
      })
      .strict(),
    VerdictSchema,
    verdictEnterers,
  ),
  'verdicts.list': channel(z.object({ caseId: id.optional() }).strict(), z.array(VerdictSchema), modelReaders),
  /** Verdicts and discrepancies by article and month; never by judge. */
  'verdicts.dashboard': channel(
    z.object({ from: isoFilter, to: isoFilter, caseType: z.string().max(100).optional() }).strict(),
    z.array(DiscrepancyRowSchema),
    modelReaders,
  ),
  /** Notices for the signed-in judge: verdicts that fell outside what the judge was shown. */
  'verdicts.notices': channel(empty, z.array(DiscrepancyNoticeSchema), judgesOnly),
  'verdicts.acknowledge': channel(z.object({ noticeId: id }).strict(), DiscrepancyNoticeSchema, judgesOnly),
} as const;

/** Every event channel pushed from the services to the interface. */
export const eventChannels = {
  'session.changed': z.object({ session: SessionInfoSchema.nullable() }),
  'audit.exportProgress': z.object({ done: z.number().int(), total: z.number().int() }),
  'analysis.progress': z.object({ runId: id, caseId: id, state: z.enum(analysisRunStates), progress: z.number().min(0).max(1), stage: z.string() }),
} as const;

/** A request/response channel name. */
export type RequestChannel = keyof typeof requestChannels;
/** An event channel name. */
export type EventChannel = keyof typeof eventChannels;
/** The payload a caller sends on a channel (before parsing: defaults may still be absent). */
export type RequestOf<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['request']>;
/** The payload a handler receives on a channel (after parsing). */
export type ParsedRequestOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['request']>;
/** What a channel answers. */
export type ResponseOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['response']>;
/** What an event carries. */
export type EventOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

/** Error codes every transport can return; the interface translates them. */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'KEY_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_INPUT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'SETUP_DONE',
  'INTERNAL',
] as const;
/** An error code. */
export type ErrorCode = (typeof errorCodes)[number];

/** The error part of a result envelope: a code, an English message, and parameters for translation. */
export const ErrorInfoSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
/** The error part of a result envelope. */
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** The envelope every transport answers with: handlers never throw across a process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The API object that the preload exposes as `window.api` and that the web bridge client imitates. */
export interface DalelApi {
  invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

/** True when a string names a request channel. */
export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestChannels, name);
}

/** True when a string names an event channel. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventChannels, name);
}
