/**
 * The legal-acts store: codes imported article by article and part by part, each text kept as a dated version, with
 * full-text search over stems (SQLite FTS5; stemmer.ts) in Russian and Kazakh. Citations anywhere in the app open
 * the stored text through getArticle; searchLaws answers free-text and citation queries ("кража", "ст. 188").
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, systemClock, type Clock } from '../clock.ts';
import { sharedLegalDir } from '../decision/statute-text.ts';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { findLegalCode, legalCodes } from './codes.ts';
import { articleOrder, parseCode, type LawLanguage } from './parse-code.ts';
import { queryStems, stemText, words } from './stemmer.ts';

/** One search hit: a part of an article of the current version of a code. */
export interface LawSearchHit {
  readonly code: string;
  readonly article: string;
  /** The part's number, or "" for an article without numbered parts. */
  readonly part: string;
  readonly heading: string;
  readonly text: string;
  /** Higher is better (the negated BM25 rank; citation look-ups score above every text match). */
  readonly score: number;
  readonly version: string;
}

/** An article as stored in one version of a code. */
export interface LawArticle {
  readonly code: string;
  readonly version: string;
  readonly language: LawLanguage;
  readonly article: string;
  readonly heading: string;
  readonly section: string;
  readonly chapter: string;
  readonly parts: { part: string; text: string }[];
  readonly text: string;
}

/** One stored version of a code. */
export interface LawVersion {
  readonly id: number;
  readonly code: string;
  readonly version: string;
  readonly language: LawLanguage;
  readonly sourceName: string;
  readonly sourceSha256: string;
  readonly articles: number;
  readonly importedAt: string;
}

/** What importing a text did: the version it stored (or found already stored, for the same text). */
export interface LawImportResult {
  readonly version: LawVersion;
  readonly parts: number;
  readonly alreadyImported: boolean;
}

/** What to import: a code's text, the date it is the law from, and where it came from. */
export interface LawImportInput {
  readonly code: string;
  readonly version: string;
  readonly text: string;
  readonly sourceName: string;
  readonly language?: LawLanguage;
  readonly actor?: Actor | null;
}

/** Search options: one code only, and how many hits at most (default 20). */
export interface LawSearchOptions {
  readonly code?: string;
  readonly limit?: number;
}

interface VersionRow {
  id: number;
  code: string;
  version: string;
  language: LawLanguage;
  source_name: string;
  source_sha256: string;
  articles: number;
  imported_at: string;
}

const toVersion = (r: VersionRow): LawVersion => ({
  id: r.id,
  code: r.code,
  version: r.version,
  language: r.language,
  sourceName: r.source_name,
  sourceSha256: r.source_sha256,
  articles: r.articles,
  importedAt: r.imported_at,
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// "188", "ст. 188", "статья 188", "ст.188 УК", "188-бап", "п. 2 ч. 2 ст. 188": the article (and part) cited.
const citationQuery = /^\s*(?:(?:п\.?\s*\d+\s*)?(?:ч\.?|часть)\s*(\d+(?:-\d+)?)\s*)?(?:ст\.?|статья|статьи)?\s*(\d+(?:-\d+)*)(?:-бап(?:тың)?)?(?:\s*(?:(\d+(?:-\d+)?)-бөлігі))?\s*(?:[А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]{1,6}\.?\s*(?:РК|ҚР)?)?\s*$/u;

/** The legal-acts store over a workstation database. */
export class LawStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
    private readonly audit: AuditLog | null = null,
  ) {}

  /** A store in memory holding the shared codes (../shared/data/legal) as version "shared"; for tools and tests. */
  static withSharedCodes(codes: readonly string[] = legalCodes.map((c) => c.id)): LawStore {
    const store = new LawStore(openDatabase(':memory:'));
    const dir = sharedLegalDir();
    if (!dir) throw new DalelError('NOT_FOUND', 'The shared legal texts (../shared/data/legal) are not present.');
    for (const id of codes) {
      const code = findLegalCode(id);
      if (!code) throw new DalelError('VALIDATION', `Unknown code ${id}`);
      store.importCode({ code: id, version: 'shared', text: readFileSync(join(dir, code.sharedFile), 'utf8'), sourceName: code.sharedFile });
    }
    return store;
  }

  /** Imports a code's text as a version; the same text again is a no-op, a different text under a stored version is refused. */
  importCode(input: LawImportInput): LawImportResult {
    const language = input.language ?? 'ru';
    if (!findLegalCode(input.code)) throw new DalelError('VALIDATION', `Unknown code "${input.code}" (known: ${legalCodes.map((c) => c.id).join(', ')})`);
    if (!/^\d{4}-\d{2}-\d{2}$|^shared$/.test(input.version)) throw new DalelError('VALIDATION', `Version "${input.version}" is not a date (YYYY-MM-DD)`);
    const sourceSha256 = sha256(input.text);
    const existing = this.db.prepare('SELECT * FROM law_versions WHERE code = ? AND language = ? AND version = ?').get(input.code, language, input.version) as VersionRow | undefined;
    if (existing) {
      if (existing.source_sha256 !== sourceSha256) {
        throw new DalelError('CONFLICT', `${input.sourceName}: ${input.code} version ${input.version} is already stored from a different text (${existing.source_name}); import it under a new date`, {
          reasonCode: 'law-version-exists',
          code: input.code,
          version: input.version,
          stored: existing.source_name,
        });
      }
      return { version: toVersion(existing), parts: this.partCount(existing.id), alreadyImported: true };
    }
    const articles = parseCode(input.text, language);
    if (articles.length === 0) {
      throw new DalelError('BAD_INPUT', `${input.sourceName}: no articles found (expected lines like "Статья 1. …" or "1-бап. …")`, { file: input.sourceName, reasonCode: 'no-articles' });
    }
    const at = isoAt(this.clock.now());
    let parts = 0;
    const store = this.db.transaction(() => {
      const versionId = Number(
        this.db
          .prepare('INSERT INTO law_versions (code, version, language, source_name, source_sha256, articles, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.code, input.version, language, input.sourceName, sourceSha256, articles.length, at, input.actor?.userId ?? null).lastInsertRowid,
      );
      const insertArticle = this.db.prepare(
        'INSERT INTO law_articles (version_id, article, sort_key, heading, section, chapter, text, text_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const insertPart = this.db.prepare('INSERT INTO law_parts (article_id, part, text) VALUES (?, ?, ?)');
      const insertFts = this.db.prepare('INSERT INTO law_fts (rowid, stems) VALUES (?, ?)');
      for (const a of articles) {
        const articleId = Number(
          insertArticle.run(versionId, a.article, articleOrder(a.article), a.heading, a.section, a.chapter, a.text, sha256(`${a.heading}\n${a.text}`)).lastInsertRowid,
        );
        for (const p of a.parts) {
          const partId = Number(insertPart.run(articleId, p.part, p.text).lastInsertRowid);
          // The heading is indexed with every part, so that a word of the heading finds the article's parts.
          insertFts.run(partId, stemText(`${a.heading} ${p.text}`, language));
          parts += 1;
        }
      }
      this.audit?.append({
        action: 'laws.imported',
        actor: input.actor ?? null,
        inputs: { source: sourceSha256 },
        details: { code: input.code, version: input.version, language, source: input.sourceName, articles: articles.length, parts },
      });
      return versionId;
    });
    const versionId = store.immediate();
    const row = this.db.prepare('SELECT * FROM law_versions WHERE id = ?').get(versionId) as VersionRow;
    return { version: toVersion(row), parts, alreadyImported: false };
  }

  /** The stored versions, newest first (of one code, or of all). */
  versions(code?: string): LawVersion[] {
    const rows = (
      code
        ? this.db.prepare('SELECT * FROM law_versions WHERE code = ? ORDER BY version DESC, id DESC').all(code)
        : this.db.prepare('SELECT * FROM law_versions ORDER BY code, version DESC, id DESC').all()
    ) as VersionRow[];
    return rows.map(toVersion);
  }

  /** The current version of a code in a language: the latest date. */
  currentVersion(code: string, language: LawLanguage = 'ru'): LawVersion | null {
    const row = this.db.prepare('SELECT * FROM law_versions WHERE code = ? AND language = ? ORDER BY version DESC, id DESC LIMIT 1').get(code, language) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  /** One version of a code by its date, or null. */
  version(code: string, version: string, language: LawLanguage = 'ru'): LawVersion | null {
    const row = this.db.prepare('SELECT * FROM law_versions WHERE code = ? AND language = ? AND version = ?').get(code, language, version) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  /** An article of a code (the current version unless one is named), or null when that version has no such article. */
  getArticle(code: string, article: string, options: { version?: string; language?: LawLanguage } = {}): LawArticle | null {
    const language = options.language ?? 'ru';
    const version = options.version ? this.version(code, options.version, language) : this.currentVersion(code, language);
    if (!version) return null;
    return this.articleIn(version, article);
  }

  /** Every article of one version, in order. */
  articlesOf(version: LawVersion): LawArticle[] {
    const rows = this.db.prepare('SELECT article FROM law_articles WHERE version_id = ? ORDER BY sort_key').all(version.id) as { article: string }[];
    return rows.map((r) => this.articleIn(version, r.article)!);
  }

  /** The text hashes of one version's articles (heading and text), by article number. */
  articleHashes(version: LawVersion): Map<string, { sha256: string; heading: string }> {
    const rows = this.db.prepare('SELECT article, heading, text_sha256 FROM law_articles WHERE version_id = ? ORDER BY sort_key').all(version.id) as {
      article: string;
      heading: string;
      text_sha256: string;
    }[];
    return new Map(rows.map((r) => [r.article, { sha256: r.text_sha256, heading: r.heading }]));
  }

  /** Searches the current versions: a citation ("ст. 188", "188") opens that article; other words match by stem. */
  searchLaws(query: string, options: LawSearchOptions = {}): LawSearchHit[] {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const current = this.currentVersions(options.code);
    if (current.length === 0) return [];
    const citation = citationQuery.exec(query);
    if (citation && /\d/.test(query)) {
      const article = citation[2]!;
      const part = citation[1] ?? citation[3];
      const hits: LawSearchHit[] = [];
      for (const version of current) {
        const found = this.articleIn(version, article);
        if (!found) continue;
        const parts = part ? found.parts.filter((p) => p.part === part) : found.parts;
        for (const p of parts.length > 0 ? parts : found.parts) hits.push({ code: version.code, article, part: p.part, heading: found.heading, text: p.text, score: 1000, version: version.version });
      }
      if (hits.length > 0) return hits.slice(0, limit);
    }
    const terms = words(query).filter((w) => w.length > 1 || /\d/.test(w));
    if (terms.length === 0) return [];
    const match = terms.map((w) => `(${queryStems(w).map((s) => `"${s.replace(/"/g, '""')}"`).join(' OR ')})`).join(' AND ');
    const ids = current.map((v) => v.id);
    const rows = this.db
      .prepare(
        `SELECT v.code, v.version, a.article, a.heading, p.part, p.text, bm25(law_fts) AS rank
           FROM law_fts JOIN law_parts p ON p.id = law_fts.rowid
           JOIN law_articles a ON a.id = p.article_id JOIN law_versions v ON v.id = a.version_id
          WHERE law_fts MATCH ? AND a.version_id IN (${ids.map(() => '?').join(',')})
          ORDER BY rank LIMIT ?`,
      )
      .all(match, ...ids, limit) as { code: string; version: string; article: string; heading: string; part: string; text: string; rank: number }[];
    return rows.map((r) => ({ code: r.code, article: r.article, part: r.part, heading: r.heading, text: r.text, score: -r.rank, version: r.version }));
  }

  private currentVersions(code?: string): LawVersion[] {
    const codes = code ? [code] : [...new Set(this.versions().map((v) => v.code))];
    return codes.flatMap((c) => (['ru', 'kk'] as const).map((lang) => this.currentVersion(c, lang))).filter((v): v is LawVersion => v !== null);
  }

  private articleIn(version: LawVersion, article: string): LawArticle | null {
    const row = this.db.prepare('SELECT id, heading, section, chapter, text FROM law_articles WHERE version_id = ? AND article = ?').get(version.id, article) as
      | { id: number; heading: string; section: string; chapter: string; text: string }
      | undefined;
    if (!row) return null;
    const parts = this.db.prepare('SELECT part, text FROM law_parts WHERE article_id = ? ORDER BY id').all(row.id) as { part: string; text: string }[];
    return { code: version.code, version: version.version, language: version.language, article, heading: row.heading, section: row.section, chapter: row.chapter, parts, text: row.text };
  }

  private partCount(versionId: number): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM law_parts p JOIN law_articles a ON a.id = p.article_id WHERE a.version_id = ?').get(versionId) as { n: number }).n;
  }
}
