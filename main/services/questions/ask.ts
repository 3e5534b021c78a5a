/**
 * Plain-language questions: "Из квартиры вынесли ноутбук за 400 000 тенге, какой срок грозит вору?" → the case type,
 * the relevant articles and parts from the legal-acts store with their text, the facts the question states (each
 * with its span, for the judge to confirm), and the facts still needed before a consultation can run. Retrieval is
 * lexical and transparent: everyday words are translated into the codes' terms (legal-concepts.ts), each term is
 * searched with stemming in the store, and the rankings are fused (reciprocal rank); a citation in the question
 * ("ст. 188") goes first.
 */
import { loadCaseTypes, findCaseType, type CaseType } from '../../../models/cases/case-type.ts';
import type { FactValue } from '../../../models/cases/facts.ts';
import { loadStatuteBook, type StatuteBook } from '../decision/statutory-bounds.ts';
import type { LawSearchHit, LawStore } from '../laws/law-store.ts';
import { extractFacts, guessCaseType, type ExtractorCaseType } from '../legal-text/extract-facts.ts';
import { fact, type ExtractedFact } from '../legal-text/extracted-fact.ts';
import { detectLanguage, type TextLanguage } from '../legal-text/language.ts';
import { legalConcepts, type LegalConcept } from './legal-concepts.ts';

/** One ranked article (the best-matching part of it). */
export interface RankedArticle extends Omit<LawSearchHit, 'version'> {
  /** The legal terms that found it (concept ids, "citation", or "words"). */
  readonly foundBy: readonly string[];
}

/** The answer to a question, before any consultation. */
export interface QuestionAnswer {
  readonly question: string;
  readonly language: TextLanguage | null;
  readonly caseType: ExtractorCaseType | null;
  readonly caseTypeConfidence: number;
  readonly concepts: readonly { readonly id: string; readonly query: string; readonly span: { start: number; end: number } }[];
  readonly articles: readonly RankedArticle[];
  readonly facts: readonly ExtractedFact[];
  /** The case type's inputs the question does not state (the consultation form's questions still to answer). */
  readonly missing: readonly string[];
  /** The facts as the consultation would take them: the inputs read, the unknown nullable ones as null. */
  readonly consultationFacts: Readonly<Record<string, FactValue>> | null;
}

const rrf = 1;
/** Russian words that carry no legal meaning in a question. */
const stopWords = new Set('что как какой какая какое какие ли если мне меня мой моя мое мои его ее её их он она они мы вы я ты это этот эта эти был была были было будет есть нет не ни за на в во с со к ко по из от до для о об про у же бы то или и а но грозит будет может можно ли сколько чем когда где кто суд суда суде тенге'.split(' '));

function contentWords(question: string): string[] {
  return (question.toLowerCase().match(/\p{Script=Cyrillic}{4,}/gu) ?? []).filter((w) => !stopWords.has(w));
}

function articleKey(hit: { code: string; article: string }): string {
  return `${hit.code}:${hit.article}`;
}

/** Fuses ranked hit lists (reciprocal rank), keeping each article's best part. */
function fuse(lists: ReadonlyArray<{ by: string; weight: number; hits: readonly LawSearchHit[] }>): RankedArticle[] {
  const merged = new Map<string, { hit: LawSearchHit; score: number; foundBy: Set<string> }>();
  for (const { by, weight, hits } of lists) {
    const seen = new Set<string>();
    let rank = 0;
    for (const hit of hits) {
      const key = articleKey(hit);
      if (seen.has(key)) continue;
      seen.add(key);
      rank += 1;
      const entry = merged.get(key) ?? { hit, score: 0, foundBy: new Set<string>() };
      entry.score += weight / (rrf + rank);
      entry.foundBy.add(by);
      merged.set(key, entry);
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.score - a.score)
    .map(({ hit, score, foundBy }) => ({ code: hit.code, article: hit.article, part: hit.part, heading: hit.heading, text: hit.text, score: Math.round(score * 1000) / 1000, foundBy: [...foundBy] }));
}

/** The inputs of a case type a consultation needs: non-nullable features must be known; the others may be null. */
function required(caseType: CaseType): { name: string; nullable: boolean }[] {
  return caseType.fields.filter((f) => f.role.role === 'feature').map((f) => ({ name: f.name, nullable: f.nullable }));
}

/** Options: the expert's language (else detected), how many articles, and the case types and statute book to use. */
export interface AskOptions {
  readonly language?: TextLanguage;
  readonly limit?: number;
  readonly caseTypes?: readonly CaseType[];
  readonly statutes?: StatuteBook;
  readonly today?: Date;
}

/** Answers a plain-language question from the legal-acts store and the shared fact extractors. */
export function askQuestion(question: string, store: LawStore, options: AskOptions = {}): QuestionAnswer {
  const language = options.language ?? detectLanguage(question)?.language ?? null;
  const concepts: Array<{ concept: LegalConcept; span: { start: number; end: number } }> = [];
  for (const concept of legalConcepts) {
    const m = concept.cues.exec(question);
    if (m) concepts.push({ concept, span: { start: m.index, end: m.index + m[0].length } });
  }
  // The case type: the concepts' votes (the first, most specific concept counts double), else the extractors' guess.
  const votes = new Map<ExtractorCaseType, number>();
  concepts.forEach(({ concept }, i) => votes.set(concept.caseType, (votes.get(concept.caseType) ?? 0) + (i === 0 ? 2 : 1)));
  const guessed = guessCaseType(question);
  if (guessed) votes.set(guessed.caseType, (votes.get(guessed.caseType) ?? 0) + guessed.confidence);
  const total = [...votes.values()].reduce((a, b) => a + b, 0);
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const caseType = ranked[0]?.[0] ?? null;
  const caseTypeConfidence = total > 0 ? Math.round(((ranked[0]?.[1] ?? 0) / total) * 100) / 100 : 0;

  const facts = extractFacts(question, caseType ?? undefined, { today: options.today });
  const lists: Array<{ by: string; weight: number; hits: readonly LawSearchHit[] }> = [];
  for (const citation of facts.filter((f): f is Extract<ExtractedFact, { field: 'citation' }> => f.field === 'citation')) {
    const code = citation.value.code ?? (caseType === 'kz-civil-contract' ? 'civil' : 'criminal');
    const query = citation.value.part ? `ч. ${citation.value.part} ст. ${citation.value.article}` : `ст. ${citation.value.article}`;
    lists.push({ by: 'citation', weight: 3, hits: store.searchLaws(query, { code, limit: 10 }) });
  }
  for (const { concept } of concepts) {
    // Concepts of the other case type still search, at a lower weight: a question may mix both.
    const weight = concept.caseType === caseType ? 1 : 0.3;
    lists.push({ by: concept.id, weight, hits: store.searchLaws(concept.query, { code: concept.code, limit: 30 }) });
  }
  if (language === 'rus') {
    const codes = caseType === 'kz-civil-contract' ? ['civil', 'civil-procedure'] : ['criminal'];
    for (const word of contentWords(question)) {
      for (const code of codes) lists.push({ by: 'words', weight: 0.15, hits: store.searchLaws(word, { code, limit: 10 }) });
    }
  }
  const articles = fuse(lists).slice(0, options.limit ?? 5);

  // The charge: an article cited in the question, else the best-ranked Special Part article found by a concept.
  const proposed = [...facts];
  const caseTypes = options.caseTypes ?? loadCaseTypes();
  if (caseType === 'kz-criminal') {
    const statutes = options.statutes ?? loadStatuteBook();
    if (!proposed.some((f) => f.field === 'article')) {
      const top = articles.find((a) => a.code === 'criminal' && !a.foundBy.every((b) => b === 'words'));
      const cue = concepts.find(({ concept }) => top?.foundBy.includes(concept.id));
      if (top && cue) {
        proposed.push(fact('article', top.article, cue.span, Math.min(0.8, top.score)));
        // Without a part named, the basic part (1) is proposed; the judge confirms or changes it.
        if (!proposed.some((f) => f.field === 'part')) proposed.push(fact('part', 1, cue.span, 0.5));
      }
    }
    const article = proposed.find((f) => f.field === 'article')?.value as string | undefined;
    const part = proposed.find((f) => f.field === 'part')?.value as number | undefined;
    const category = article && part ? statutes.articles[article]?.parts[String(part)]?.category : undefined;
    const articleFact = proposed.find((f) => f.field === 'article');
    if (category && articleFact && !proposed.some((f) => f.field === 'offenceCategory')) proposed.push(fact('offenceCategory', category, articleFact.span, articleFact.confidence));
  }

  let missing: string[] = [];
  let consultationFacts: Record<string, FactValue> | null = null;
  if (caseType) {
    const type = findCaseType(caseTypes, caseType);
    const inputs = required(type);
    const known = new Map<string, FactValue>();
    for (const f of proposed) {
      if (!inputs.some((i) => i.name === f.field) || known.has(f.field)) continue;
      known.set(f.field, f.field === 'documents' ? proposed.filter((d) => d.field === 'documents').map((d) => d.value as string) : (f.value as FactValue));
    }
    missing = inputs.filter((i) => !known.has(i.name)).map((i) => i.name);
    if (inputs.filter((i) => !i.nullable).every((i) => known.has(i.name))) {
      consultationFacts = Object.fromEntries(inputs.map((i) => [i.name, known.get(i.name) ?? null]));
    }
  }
  return {
    question,
    language,
    caseType,
    caseTypeConfidence,
    concepts: concepts.map(({ concept, span }) => ({ id: concept.id, query: concept.query, span })),
    articles,
    facts: proposed,
    missing,
    consultationFacts,
  };
}
