/** Cases and evidence intake, with the chain of custody. */
import { z } from 'zod';
import { RoleSchema, bytes, fileBody, caseCreators, caseReaders, channel, expertOnly, freeText, id, isoTime, sha256Hex } from './common.ts';

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

/**
 * What an item is evidence of, declared by the expert at intake (suggested from the file): a module's kind
 * ('ballistics.cartridge-case', 'ballistics.bullet-land', …) or a core one ('document', 'other'). Methods accept only
 * the kinds they were validated on.
 */
export const EvidenceCategorySchema = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/).max(100);
/** Lateral pixel size of a 2D image in µm, declared with it: images carry no scale of their own. */
export const PixelUmSchema = z.number().positive().max(1000);

/**
 * What a custody event records, by action, for the interface to say in the user's language; `note` keeps the same
 * facts as the English sentence the audit entry carries. Events recorded before schema 11 have only the note.
 */
export const CustodyDetailsSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('received'), fileName: z.string(), bytes: z.number().int().nonnegative(), sha256: sha256Hex, category: EvidenceCategorySchema, pixelUm: PixelUmSchema.nullable() }),
  z.object({ action: z.literal('received-again'), fileName: z.string() }),
  z.object({ action: z.literal('kind-declared'), category: EvidenceCategorySchema, pixelUm: PixelUmSchema.nullable(), previousCategory: EvidenceCategorySchema }),
  z.object({ action: z.literal('analysed'), runId: z.string(), method: z.string(), findings: z.number().int().nonnegative() }),
  z.object({ action: z.literal('reported'), fileName: z.string(), sha256: sha256Hex, checkpointSize: z.number().int().positive() }),
]);
/** What a custody event records, by action. */
export type CustodyDetails = z.infer<typeof CustodyDetailsSchema>;

/** One entry in an evidence item's chain of custody. */
export const CustodyEventSchema = z.object({
  id,
  evidenceId: id,
  action: z.string(),
  actor: z.string(),
  actorRole: RoleSchema,
  at: isoTime,
  note: z.string(),
  details: CustodyDetailsSchema.nullable(),
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
  /** The file format, decided from the bytes. */
  kind: EvidenceKindSchema,
  /** What the item is evidence of, as declared (see EvidenceCategorySchema). */
  category: EvidenceCategorySchema,
  /** Declared pixel size of a 2D image (µm), or null. */
  pixelUm: PixelUmSchema.nullable(),
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

/** The cases channels: schemas and who may call each. */
export const casesChannels = {
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
    z
      .object({
        caseId: id,
        fileName: z.string().min(1).max(255),
        bytes: fileBody,
        /** The declared evidence kind; when omitted the kind suggested from the file is recorded. */
        category: EvidenceCategorySchema.optional(),
        pixelUm: PixelUmSchema.optional(),
      })
      .strict(),
    z.object({ evidence: EvidenceSchema, duplicate: z.boolean() }),
    expertOnly,
  ),
  /** The kind suggested for a file before it is stored (the intake dialog offers it for the expert to confirm). */
  'evidence.suggestKind': channel(
    z.object({ fileName: z.string().min(1).max(255), bytes: fileBody }).strict(),
    z.object({ format: EvidenceKindSchema, category: EvidenceCategorySchema, allowed: z.array(EvidenceCategorySchema) }),
    expertOnly,
  ),
  /** Corrects an item's declared kind (and pixel size); audit-logged, refused on a signed case. */
  'evidence.setKind': channel(
    z.object({ evidenceId: id, category: EvidenceCategorySchema, pixelUm: PixelUmSchema.nullable().optional() }).strict(),
    EvidenceSchema,
    expertOnly,
  ),
  'evidence.list': channel(z.object({ caseId: id }).strict(), z.array(EvidenceSchema), caseReaders),
  'evidence.custody': channel(z.object({ evidenceId: id }).strict(), z.array(CustodyEventSchema), caseReaders),
  'evidence.thumbnail': channel(z.object({ evidenceId: id }).strict(), z.object({ png: bytes.nullable() }), caseReaders),
} as const;
