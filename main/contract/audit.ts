/** The signed audit log: status, trail, checkpoints, exports and bundle verification. */
import { z } from 'zod';
import { adminOnly, auditors, bytes, fileBody, channel, empty, freeText, id, isoFilter, isoTime } from './common.ts';

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
  /** The log's origin: the name of the active signing key (fixed when the key was created or rotated). */
  origin: z.string(),
  /** The origin the next key will have (differs from `origin` after the workstation was renamed, until a rotation). */
  nextOrigin: z.string().optional(),
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
  /** The acting user's display name (null for the workstation itself, or an account that no longer exists). */
  actorName: z.string().nullable().optional(),
  /** What the entry is about, in words: the case's number, the evidence file's name, the account concerned. */
  caseNumber: z.string().nullable().optional(),
  evidenceName: z.string().nullable().optional(),
  subjectUserName: z.string().nullable().optional(),
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
  /** The selected entries: all but the closing entry that records the export itself (null when it is missing). */
  selectedEntries: z.number().nullable().optional(),
  keyFingerprint: z.string().nullable(),
  keyTrusted: z.boolean(),
});
/** The verdict on an audit bundle. */
export type VerifyReportView = z.infer<typeof VerifyReportSchema>;

/** The log's retention facts for administrators: size, growth per month, the oldest witnessed checkpoint. */
export const RetentionSchema = z.object({
  entries: z.number().int().nonnegative(),
  databaseBytes: z.number().int().nonnegative(),
  entryBytesEstimate: z.number().int().nonnegative(),
  firstEntryAt: isoTime.nullable(),
  lastEntryAt: isoTime.nullable(),
  months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), entries: z.number().int().nonnegative() })),
  oldestWitnessed: z.object({ checkpointId: z.number().int(), size: z.number().int(), createdAt: isoTime, witness: z.string(), witnessedAt: isoTime }).nullable(),
  oldestCheckpoint: z.object({ checkpointId: z.number().int(), size: z.number().int(), createdAt: isoTime }).nullable(),
});
/** The log's retention facts. */
export type RetentionView = z.infer<typeof RetentionSchema>;

/** The language of the clerk's trail.pdf in an export: the exporting user's interface language. */
const trailLanguage = z.enum(['kk', 'ru', 'en']).optional();

/** Which entries an audit export holds, and the language its trail.pdf is written in. */
export const ExportScopeSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('all'), language: trailLanguage }).strict(),
  z.object({ scope: z.literal('case'), caseId: z.string().uuid(), language: trailLanguage }).strict(),
  z.object({ scope: z.literal('range'), from: z.string().datetime(), to: z.string().datetime(), language: trailLanguage }).strict(),
]);

/** The audit channels: schemas and who may call each. */
export const auditChannels = {
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
        zip: fileBody,
        trustedKeys: z.array(z.string().max(300)).max(20).optional(),
        trustedCheckpoint: z.string().max(10_000).optional(),
      })
      .strict(),
    VerifyReportSchema,
    auditors,
  ),
  'audit.retention': channel(empty, RetentionSchema, adminOnly),
  'audit.importCosignature': channel(
    z.object({ note: z.string().min(1).max(20_000), witnessKey: z.string().min(1).max(300) }).strict(),
    z.object({ checkpointId: z.number().int(), witness: z.string(), timestamp: z.number().int() }),
    auditors,
  ),
} as const;
