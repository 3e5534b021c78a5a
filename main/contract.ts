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
} as const;

/** Every event channel pushed from the services to the interface. */
export const eventChannels = {
  'session.changed': z.object({ session: SessionInfoSchema.nullable() }),
  'audit.exportProgress': z.object({ done: z.number().int(), total: z.number().int() }),
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
