/** Case documents: the recognised text of evidence documents (OCR), search within a case, and facts proposed from a document. */
import { z } from 'zod';
import { bytes, caseReaders, channel, freeText, id, isoTime, modelReaders, sha256Hex } from './common.ts';

const WordSchema = z.object({
  text: z.string(),
  left: z.number(),
  top: z.number(),
  width: z.number(),
  height: z.number(),
  confidence: z.number(),
  block: z.number().int(),
  paragraph: z.number().int(),
  line: z.number().int(),
});

const PageSchema = z.object({
  page: z.number().int(),
  source: z.enum(['text-layer', 'ocr', 'blank']),
  language: z.enum(['kaz', 'rus', 'eng']).nullable(),
  recognisedWith: z.string().nullable(),
  text: z.string(),
  words: z.array(WordSchema),
  width: z.number(),
  height: z.number(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  skewDegrees: z.number(),
  meanConfidence: z.number(),
  lowConfidenceWords: z.number().int(),
});

/** A stored recognition of an evidence item, with its own hash and the engine's provenance. */
export const DocumentTextSchema = z.object({
  id,
  evidenceId: id,
  caseId: id,
  evidenceSha256: sha256Hex,
  sha256: sha256Hex,
  createdAt: isoTime,
  createdBy: z.string(),
  result: z.object({
    file: z.string(),
    format: z.enum(['png', 'jpeg', 'tiff', 'pdf']),
    pages: z.array(PageSchema),
    provenance: z.object({
      algorithm: z.literal('dalel-ocr'),
      algorithmVersion: z.string(),
      engine: z.object({ engine: z.string(), version: z.string(), languageData: z.array(z.object({ language: z.string(), packageVersion: z.string(), sha256: sha256Hex })) }),
      openCv: z.string(),
      inputSha256: sha256Hex,
      parameters: z.object({ language: z.enum(['kaz', 'rus', 'eng', 'auto']), dpi: z.number(), lowConfidence: z.number() }),
    }),
  }),
});
/** A stored recognition. */
export type DocumentTextView = z.infer<typeof DocumentTextSchema>;

/** A fact proposed from a document: the value, its page, its span in that page's text and the word boxes to highlight. */
export const ProposedFactSchema = z.object({
  field: z.string(),
  value: z.unknown(),
  confidence: z.number(),
  page: z.number().int(),
  span: z.object({ start: z.number().int(), end: z.number().int() }),
  quote: z.string(),
  before: z.string(),
  after: z.string(),
  boxes: z.array(z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() })),
});

/** The answer to a plain-language question: case type, ranked articles, facts read (with spans) and facts missing. */
export const QuestionAnswerSchema = z.object({
  question: z.string(),
  language: z.enum(['kaz', 'rus', 'eng']).nullable(),
  caseType: z.string().nullable(),
  caseTypeConfidence: z.number(),
  lawSource: z.enum(['workstation', 'shared']),
  concepts: z.array(z.object({ id: z.string(), query: z.string(), span: z.object({ start: z.number().int(), end: z.number().int() }) })),
  articles: z.array(z.object({ code: z.string(), article: z.string(), part: z.string(), heading: z.string(), text: z.string(), score: z.number(), foundBy: z.array(z.string()) })),
  facts: z.array(z.object({ field: z.string(), value: z.unknown(), span: z.object({ start: z.number().int(), end: z.number().int() }), confidence: z.number() })),
  missing: z.array(z.string()),
  consultationFacts: z.record(z.string(), z.unknown()).nullable(),
});

/** The case-document channels. */
export const documentsChannels = {
  /** Reads an evidence document's text (OCR or its PDF text layer) and stores it with the item. */
  'documents.recognise': channel(z.object({ evidenceId: id, language: z.enum(['kaz', 'rus', 'eng', 'auto']).default('auto') }).strict(), DocumentTextSchema, ['expert', 'judge'] as const),
  /** Stops a reading of the document in progress (its recognise call then fails as cancelled; nothing is stored). */
  'documents.cancel': channel(z.object({ evidenceId: id }).strict(), z.object({ cancelled: z.boolean() }), ['expert', 'judge'] as const),
  /** The latest stored text of an evidence document, or null. */
  'documents.text': channel(z.object({ evidenceId: id }).strict(), DocumentTextSchema.nullable(), caseReaders),
  /** Pages of a case's recognised documents containing every word of the query (stems matched). */
  'documents.search': channel(
    z.object({ caseId: id, query: freeText(200).min(1) }).strict(),
    z.array(z.object({ evidenceId: id, textId: id, page: z.number().int(), snippet: z.string() })),
    caseReaders,
  ),
  /** A page of a read document as a PNG in the frame its word boxes are in (`width`×`height`), to highlight words on. */
  'documents.pageImage': channel(
    z.object({ evidenceId: id, page: z.number().int().min(1).max(10_000) }).strict(),
    z.object({ evidenceId: id, textSha256: sha256Hex, page: z.number().int(), width: z.number(), height: z.number(), png: bytes }),
    caseReaders,
  ),
  /** The case's evidence items whose text has been recognised (the latest text of each). */
  'documents.list': channel(
    z.object({ caseId: id }).strict(),
    z.array(z.object({ evidenceId: id, fileName: z.string(), textSha256: sha256Hex, pages: z.number().int(), createdAt: isoTime })),
    caseReaders,
  ),
  /** Facts proposed from an evidence document's stored text, each with where it came from; nothing is entered anywhere. */
  'documents.facts': channel(
    z.object({ evidenceId: id, caseType: z.string().max(100) }).strict(),
    z.object({ evidenceId: id, textSha256: sha256Hex, facts: z.array(ProposedFactSchema) }),
    caseReaders,
  ),
  /** A plain-language question answered from the legal-acts store; the consultation is then the usual decision.predict. */
  'questions.ask': channel(z.object({ question: freeText(2000).min(1), language: z.enum(['kaz', 'rus', 'eng']).optional() }).strict(), QuestionAnswerSchema, modelReaders),
} as const;
