/** The verdict corpus: structured imports of decided cases, their reports and refused rows (administrators). */
import { z } from 'zod';
import { adminOnly, auditors, channel, empty, fileBody, sha256Hex } from './common.ts';

/** Why something was refused: a code the screens translate, with its figures and names. */
export const ReasonSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
/** A translatable reason. */
export type ReasonView = z.infer<typeof ReasonSchema>;

const QuarantinedRowSchema = z.object({ line: z.number().int(), column: z.string().nullable(), reason: z.string(), code: z.string(), params: ReasonSchema.shape.params });

const ImportSummarySchema = z.object({
  id: z.string(),
  caseType: z.string(),
  caseTypeVersion: z.string(),
  fileName: z.string(),
  fileSha256: sha256Hex,
  format: z.enum(['csv', 'jsonl', 'text']),
  rows: z.number().int(),
  accepted: z.number().int(),
  quarantined: z.number().int(),
  duplicates: z.number().int(),
  importedAt: z.string(),
});

/** What an import did: counts and the first refused rows with line, column and reason. */
export const ImportReportSchema = ImportSummarySchema.extend({ problems: z.array(QuarantinedRowSchema) });
/** An import's report. */
export type ImportReportView = z.infer<typeof ImportReportSchema>;

/** The corpus of one case type. */
export const CorpusStatusSchema = z.object({
  caseType: z.string(),
  records: z.number().int(),
  imports: z.number().int(),
  quarantined: z.number().int(),
  lastImportAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
});

/** The corpus channels. */
export const corpusChannels = {
  /** Imports a CSV or JSONL file of decided cases for a case type; bad rows are quarantined, duplicates skipped. */
  'corpus.import': channel(z.object({ caseType: z.string().min(1).max(80), fileName: z.string().min(1).max(255), body: fileBody }).strict(), ImportReportSchema, adminOnly),
  'corpus.status': channel(empty, z.array(CorpusStatusSchema), adminOnly),
  'corpus.imports': channel(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), z.array(ImportSummarySchema), adminOnly),
  'corpus.quarantine': channel(z.object({ importId: z.string().min(1).max(64) }).strict(), z.array(QuarantinedRowSchema), adminOnly),
} as const;

const GateSchema = z.object({
  passed: z.boolean(),
  reasons: z.array(z.string()),
  details: z.array(ReasonSchema),
  comparedWith: z.string().nullable(),
  candidate: z.record(z.string(), z.number()),
  active: z.record(z.string(), z.number()).nullable(),
});

/** A model in the registry: hashes, training data snapshot, case-type version, status and the gate's verdict. */
export const RegisteredModelSchema = z.object({
  sha256: sha256Hex,
  caseType: z.string(),
  caseTypeVersion: z.string(),
  outcome: z.string(),
  status: z.enum(['candidate', 'active', 'retired']),
  statusReason: z.string(),
  statusAt: z.string(),
  trainedAt: z.string(),
  dataSnapshotSha256: z.string().nullable(),
  dataRecords: z.number().int().nullable(),
  origin: z.enum(['retrained', 'installed']),
  gate: GateSchema.nullable(),
});
/** A registered model. */
export type RegisteredModelView = z.infer<typeof RegisteredModelSchema>;

const reason = z.string().trim().min(1).max(500);

/** The registry channels (administrators). */
export const modelRegistryChannels = {
  'models.list': channel(z.object({ caseType: z.string().max(80).optional() }).strict(), z.array(RegisteredModelSchema), adminOnly),
  /** Retrains a case type's models on the corpus; each becomes a candidate with the promotion gate's verdict. */
  'models.retrain': channel(z.object({ caseType: z.string().min(1).max(80), outcome: z.string().max(80).optional() }).strict(), z.array(RegisteredModelSchema), adminOnly),
  'models.promote': channel(z.object({ sha256: z.string().regex(/^[0-9a-f]{8,64}$/), reason }).strict(), RegisteredModelSchema, adminOnly),
  /** How often each case type is retrained on the corpus, in days (absent: only when asked). */
  'models.schedule': channel(empty, z.record(z.string(), z.number().int()), adminOnly),
  'models.setSchedule': channel(z.object({ caseType: z.string().min(1).max(80), everyDays: z.number().int().min(0).max(365) }).strict(), z.record(z.string(), z.number().int()), adminOnly),
  'models.rollback': channel(z.object({ caseType: z.string().min(1).max(80), outcome: z.string().min(1).max(80), reason }).strict(), RegisteredModelSchema, adminOnly),
} as const;

const ProposedFactSchema = z.object({ value: z.unknown(), start: z.number().int(), end: z.number().int(), confidence: z.number() });

/** What became of one decision text. */
export const TextImportResultSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  fileSha256: sha256Hex,
  outcome: z.enum(['accepted', 'review', 'duplicate']),
  reviewId: z.string().nullable(),
  reasons: z.array(z.string()),
  details: z.array(ReasonSchema),
  facts: z.record(z.string(), ProposedFactSchema),
});

/** A decision waiting for a clerk: the anonymised text and each proposed value's span and confidence. */
export const ReviewItemSchema = z.object({
  id: z.string(),
  caseType: z.string(),
  fileName: z.string(),
  text: z.string(),
  proposed: z.record(z.string(), ProposedFactSchema),
  court: z.string(),
  reasons: z.array(z.string()),
  details: z.array(ReasonSchema),
  createdAt: z.string(),
});

/** Decision texts and their review (administrators import; clerks review). */
export const corpusTextChannels = {
  'corpus.importText': channel(z.object({ caseType: z.string().min(1).max(80), fileName: z.string().min(1).max(255), body: fileBody }).strict(), TextImportResultSchema, adminOnly),
  'corpus.reviewQueue': channel(empty, z.array(ReviewItemSchema), auditors),
  'corpus.review': channel(
    z
      .object({
        reviewId: z.string().min(1).max(64),
        caseType: z.string().min(1).max(80),
        decision: z.enum(['accepted', 'rejected']),
        facts: z.record(z.string(), z.unknown()).optional(),
        court: z.string().max(300).optional(),
        caseNumber: z.string().max(100).optional(),
      })
      .strict(),
    z.object({ stored: z.boolean() }),
    auditors,
  ),
} as const;

const InboxConfigSchema = z.object({ dir: z.string().min(1).max(1000), caseType: z.string().min(1).max(80), everyMinutes: z.number().int().min(0).max(10_080) });
const InboxFileSchema = z.object({ fileName: z.string(), sha256: sha256Hex, importId: z.string().nullable(), outcome: z.string(), error: z.string().nullable() });

const InboxFileRecordSchema = z.object({
  fileName: z.string(),
  sha256: sha256Hex,
  scannedAt: z.string(),
  importId: z.string().nullable(),
  format: z.enum(['csv', 'jsonl', 'text']).nullable(),
  rows: z.number().int(),
  accepted: z.number().int(),
  quarantined: z.number().int(),
  duplicates: z.number().int(),
  inReview: z.number().int(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  errorParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
/** An inbox file as kept, with its import's counts or its refusal. */
export type InboxFileRecordView = z.infer<typeof InboxFileRecordSchema>;

/** The watched inbox: its folder, case type and schedule, and a scan now (administrators). */
export const corpusInboxChannels = {
  'corpus.inbox': channel(empty, InboxConfigSchema.nullable(), adminOnly),
  'corpus.configureInbox': channel(InboxConfigSchema.strict(), InboxConfigSchema, adminOnly),
  'corpus.scanInbox': channel(empty, z.array(InboxFileSchema), adminOnly),
  /** The files the inbox has read, newest first, with their import reports. */
  'corpus.inboxFiles': channel(z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(), z.array(InboxFileRecordSchema), adminOnly),
} as const;
