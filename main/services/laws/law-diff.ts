/**
 * Compares two versions of a code article by article, and flags what in the app cites a changed article: the
 * statutory bounds (statute assets), the procedural-advice rules and the case types' checklists. The statute
 * assets' part texts are also checked against the newer text, so that a sanction written by hand is reviewed when
 * the norm it was written from changes.
 */
import type { CaseType } from '../../../models/cases/case-type.ts';
import type { ProcedureBook } from '../decision/procedural-advice.ts';
import type { StatuteBook } from '../decision/statutory-bounds.ts';
import { DalelError } from '../errors.ts';
import { codeByAbbreviation, legalCodes } from './codes.ts';
import type { LawStore, LawVersion } from './law-store.ts';
import { articleOrder } from './parse-code.ts';

/** An article whose heading or text differs between the versions, with the parts that differ. */
export interface ChangedArticle {
  readonly article: string;
  readonly heading: string;
  readonly headingChanged: boolean;
  /** Parts added, removed or reworded ("" for an article without numbered parts). */
  readonly parts: string[];
}

/** Something in the app that cites a changed (or removed) article and should be reviewed. */
export interface ReviewFlag {
  readonly kind: 'statutory-bounds' | 'statute-text' | 'procedure-rule' | 'case-type-checklist';
  /** What is flagged: the asset and the entry in it ("kz-criminal-code: art. 188", a rule id, "kz-criminal.mitigating"). */
  readonly subject: string;
  readonly article: string;
  readonly reason: string;
  /** The reason as a code the screens translate, with its names and figures. */
  readonly code: FlagCode;
  readonly params: Readonly<Record<string, string>>;
}

/** Why an entry is flagged: its sanctions, General Part limits or leniency caps were written from the article, a rule or checklist cites it, or its stored part text differs from the new version. */
export type FlagCode = 'sanctions' | 'general-part' | 'general-limits' | 'leniency' | 'procedure-cites' | 'checklist-items' | 'asset-part-missing' | 'asset-text-differs';

/** The article-by-article difference between two versions of a code, and what to review. */
export interface LawDiff {
  readonly code: string;
  readonly from: string;
  readonly to: string;
  readonly added: string[];
  readonly removed: string[];
  readonly changed: ChangedArticle[];
  readonly unchanged: number;
  readonly flags: ReviewFlag[];
}

/** What the flags are computed against: the shipped statute assets, procedure books and case types. */
export interface CitingAssets {
  readonly statutes: readonly StatuteBook[];
  readonly procedures: readonly ProcedureBook[];
  readonly caseTypes: readonly CaseType[];
}

const byArticle = (a: string, b: string) => articleOrder(a) - articleOrder(b);

/** Diffs two stored versions of a code (default: the two latest) and flags what cites the changed articles. */
export function diffLaws(store: LawStore, code: string, assets: CitingAssets, options: { from?: string; to?: string } = {}): LawDiff {
  const versions = store.versions(code).filter((v) => v.language === 'ru');
  const pick = (version: string | undefined, fallback: LawVersion | undefined, which: string): LawVersion => {
    const found = version ? versions.find((v) => v.version === version) : fallback;
    if (!found) throw new DalelError('NOT_FOUND', version ? `${code}: no version ${version} is stored` : `${code}: ${which} version needed (stored: ${versions.map((v) => v.version).join(', ') || 'none'})`);
    return found;
  };
  const to = pick(options.to, versions[0], 'a newer');
  const from = pick(options.from, versions.find((v) => v.version < to.version), 'an older');
  const older = store.articleHashes(from);
  const newer = store.articleHashes(to);
  const added = [...newer.keys()].filter((a) => !older.has(a)).sort(byArticle);
  const removed = [...older.keys()].filter((a) => !newer.has(a)).sort(byArticle);
  const changed: ChangedArticle[] = [];
  for (const [article, now] of newer) {
    const before = older.get(article);
    if (!before || before.sha256 === now.sha256) continue;
    const a = store.getArticle(code, article, { version: from.version })!;
    const b = store.getArticle(code, article, { version: to.version })!;
    const partsBefore = new Map(a.parts.map((p) => [p.part, p.text]));
    const partsAfter = new Map(b.parts.map((p) => [p.part, p.text]));
    const parts = [...new Set([...partsBefore.keys(), ...partsAfter.keys()])].filter((p) => partsBefore.get(p) !== partsAfter.get(p));
    changed.push({ article, heading: now.heading, headingChanged: before.heading !== now.heading, parts });
  }
  changed.sort((x, y) => byArticle(x.article, y.article));
  const touched = new Set([...removed, ...changed.map((c) => c.article)]);
  const flags = [...citationFlags(code, touched, assets), ...statuteTextFlags(store, code, to, assets.statutes)];
  return { code, from: from.version, to: to.version, added, removed, changed, unchanged: newer.size - added.length - changed.length, flags };
}

/** The code id a statute asset is about (by its source file). */
function statuteCode(book: StatuteBook): string | undefined {
  return legalCodes.find((c) => c.sharedFile === book.source.file)?.id;
}

/** Article numbers cited in a citation string ("ч. 2 ст. 55 УК РК", "ст. 41 ч. 2 УК РК"). */
function citedArticles(citation: string): string[] {
  return [...citation.matchAll(/ст\.\s*(\d+(?:-\d+)*)/g)].map((m) => m[1]!);
}

function citationFlags(code: string, touched: ReadonlySet<string>, assets: CitingAssets): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const flag = (kind: ReviewFlag['kind'], subject: string, article: string, reason: string, code: FlagCode, params: Record<string, string> = {}) => {
    if (touched.has(article)) flags.push({ kind, subject, article, reason, code, params: { article, ...params } });
  };
  const caseTypesOfCode = new Set<string>();
  for (const book of assets.statutes) {
    if (statuteCode(book) !== code) continue;
    book.caseTypes.forEach((t) => caseTypesOfCode.add(t));
    for (const article of Object.keys(book.articles)) flag('statutory-bounds', `${book.code}: art. ${article}`, article, `the sanctions of art. ${article} were written from its text`, 'sanctions');
    for (const article of Object.keys(book.generalTexts)) flag('statutory-bounds', `${book.code}: General Part art. ${article}`, article, `the General Part limits cite art. ${article}`, 'general-part');
    for (const [type, general] of Object.entries(book.general)) {
      for (const article of citedArticles(general.citation)) flag('statutory-bounds', `${book.code}: ${type} limits`, article, `cites ${general.citation}`, 'general-limits', { citation: general.citation, punishment: type });
    }
    flag('statutory-bounds', `${book.code}: leniency rules`, book.leniency.article, `the caps of art. ${book.leniency.article} are applied`, 'leniency');
  }
  for (const book of assets.procedures) {
    for (const rule of book.rules) {
      for (const c of rule.citations) {
        if (codeByAbbreviation(c.code)?.id === code) {
          const citation = `${c.part ? `ч. ${c.part} ` : ''}ст. ${c.article} ${c.code}`;
          flag('procedure-rule', rule.id, c.article, `cites ${citation}`, 'procedure-cites', { citation, rule: rule.id });
        }
      }
    }
  }
  for (const caseType of assets.caseTypes) {
    if (!caseTypesOfCode.has(caseType.id)) continue;
    for (const field of caseType.fields.filter((f) => f.role.role === 'feature' && f.items.length > 0)) {
      const articles = new Set(field.items.map((item) => /^(\d+(?:-\d+)?)\./.exec(item)?.[1]).filter((a): a is string => a !== undefined));
      for (const article of articles) flag('case-type-checklist', `${caseType.id}.${field.name}`, article, `its items are the points of art. ${article}`, 'checklist-items', { caseType: caseType.id, field: field.name });
    }
  }
  return flags;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function statuteTextFlags(store: LawStore, code: string, to: LawVersion, statutes: readonly StatuteBook[]): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  for (const book of statutes.filter((b) => statuteCode(b) === code)) {
    for (const [article, entry] of Object.entries(book.articles)) {
      const stored = store.getArticle(code, article, { version: to.version });
      for (const [part, { text }] of Object.entries(entry.parts)) {
        const current = stored?.parts.find((p) => p.part === part)?.text;
        const subject = `${book.code}: art. ${article} part ${part}`;
        const params = { article, part, version: to.version };
        if (current === undefined) flags.push({ kind: 'statute-text', subject, article, reason: `version ${to.version} has no such part`, code: 'asset-part-missing', params });
        else if (normalise(current) !== normalise(text)) flags.push({ kind: 'statute-text', subject, article, reason: `the asset's text differs from version ${to.version}`, code: 'asset-text-differs', params });
      }
    }
  }
  return flags;
}
