/** The legal-acts store: codes by version, article texts for citations, full-text search, and updates diffed. */
import { z } from 'zod';
import { adminOnly, channel, fileBody, freeText, sha256Hex } from './common.ts';

/** Every code the legal-acts store knows (main/services/laws/codes.ts has their titles and citations). */
export const legalCodeIds = ['criminal', 'criminal-procedure', 'civil', 'civil-procedure', 'administrative-offenses', 'constitution'] as const;

const codeId = z.string().regex(/^[a-z-]{3,40}$/, 'a code id such as criminal or civil-procedure');
const articleNumber = z.string().regex(/^\d{1,4}(-\d{1,3}){0,2}$/, 'an article number such as 188 or 120-1');
const versionDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$|^shared$/, 'a date YYYY-MM-DD');
const language = z.enum(['ru', 'kk']);

/** One search hit: a part of an article of the current version of a code. */
export const LawSearchHitSchema = z.object({
  code: z.string(),
  article: z.string(),
  part: z.string(),
  heading: z.string(),
  text: z.string(),
  score: z.number(),
  version: z.string(),
});
/** One search hit. */
export type LawSearchHitView = z.infer<typeof LawSearchHitSchema>;

/** An article as stored in one version of a code. */
export const LawArticleSchema = z.object({
  code: z.string(),
  version: z.string(),
  language,
  article: z.string(),
  heading: z.string(),
  section: z.string(),
  chapter: z.string(),
  parts: z.array(z.object({ part: z.string(), text: z.string() })),
  text: z.string(),
});
/** An article as stored. */
export type LawArticleView = z.infer<typeof LawArticleSchema>;

/** One stored version of a code. */
export const LawVersionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.string(),
  language,
  sourceName: z.string(),
  sourceSha256: sha256Hex,
  articles: z.number().int(),
  importedAt: z.string(),
});

/** What an import of a code's text did: the version stored, its parts of articles, and whether it was there already. */
export const LawImportSchema = z.object({ version: LawVersionSchema, parts: z.number().int(), alreadyImported: z.boolean() });
/** What an import of a code's text did. */
export type LawImportView = z.infer<typeof LawImportSchema>;

/** The article-by-article difference of two versions, with what in the app cites a changed article. */
export const LawDiffSchema = z.object({
  code: z.string(),
  from: z.string(),
  to: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ article: z.string(), heading: z.string(), headingChanged: z.boolean(), parts: z.array(z.string()) })),
  unchanged: z.number().int(),
  flags: z.array(
    z.object({
      kind: z.enum(['statutory-bounds', 'statute-text', 'procedure-rule', 'case-type-checklist']),
      subject: z.string(),
      article: z.string(),
      reason: z.string(),
      code: z.enum(['sanctions', 'general-part', 'general-limits', 'leniency', 'procedure-cites', 'checklist-items', 'asset-part-missing', 'asset-text-differs']),
      params: z.record(z.string(), z.string()),
    }),
  ),
});
/** A diff of two versions of a code. */
export type LawDiffView = z.infer<typeof LawDiffSchema>;

/** The legal-acts channels: the codes are public law, so anyone reads and searches them; administrators import and diff. */
export const lawsChannels = {
  'laws.search': channel(
    z.object({ query: freeText(200).min(1), code: codeId.optional(), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    z.array(LawSearchHitSchema),
    'public',
  ),
  /** The stored text of a cited article (the current version unless one is named). */
  'laws.article': channel(z.object({ code: codeId, article: articleNumber, version: versionDate.optional(), language: language.default('ru') }).strict(), LawArticleSchema, 'public'),
  'laws.versions': channel(z.object({ code: codeId.optional() }).strict(), z.array(LawVersionSchema), 'public'),
  /** Imports a newer text of a code (UTF-8); the same text again changes nothing. */
  'laws.import': channel(
    z.object({ code: codeId, version: versionDate, language: language.default('ru'), fileName: z.string().min(1).max(255), body: fileBody }).strict(),
    LawImportSchema,
    adminOnly,
  ),
  /** The article-by-article difference of two versions (default: the two latest), with review flags. */
  'laws.diff': channel(z.object({ code: codeId, from: versionDate.optional(), to: versionDate.optional() }).strict(), LawDiffSchema, adminOnly),
} as const;
