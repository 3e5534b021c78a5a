/**
 * Procedural advice as rules-as-data (assets/decision/procedure/*.json): each rule's condition is evaluated on the
 * facts of a case, and a rule that fires names the step with the articles it comes from and their text (from the
 * codes in the shared legal folder when present, else the text stored in the asset). No rule says how to decide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProceduralAdvice } from '../../contract/index.ts';
import { DalelError } from '../errors.ts';
import type { Facts } from '../../../models/cases/facts.ts';
import { assetPath, extractArticle, readCodeText, type ArticleText } from './statute-text.ts';

/** A condition over the facts. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { always: true }
  | { field: string; lte?: number | { mrp: number }; gt?: number | { mrp: number }; is?: string | number | boolean; includesAny?: string[] };

const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema) }).strict(),
    z.object({ any: z.array(ConditionSchema) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    z.object({ always: z.literal(true) }).strict(),
    z
      .object({
        field: z.string(),
        lte: z.union([z.number(), z.object({ mrp: z.number() }).strict()]).optional(),
        gt: z.union([z.number(), z.object({ mrp: z.number() }).strict()]).optional(),
        is: z.union([z.string(), z.number(), z.boolean()]).optional(),
        includesAny: z.array(z.string()).optional(),
      })
      .strict(),
  ]),
);

const CitationSchema = z.object({ code: z.string(), article: z.string(), part: z.string().optional(), text: z.string() }).strict();

/** A procedure asset. */
export const ProcedureBookSchema = z
  .object({
    format: z.literal('dalel-procedure/1'),
    title: z.string(),
    description: z.string(),
    codes: z.record(z.string(), z.object({ title: z.string(), file: z.string() }).strict()),
    constants: z.object({ mrpKzt: z.object({ value: z.number().positive(), year: z.number().int(), source: z.string() }).strict() }).strict(),
    rules: z.array(
      z.object({ id: z.string(), caseTypes: z.array(z.string()), title: z.string(), text: z.string(), when: ConditionSchema, citations: z.array(CitationSchema).min(1) }).strict(),
    ),
  })
  .strict();
/** A procedure asset. */
export type ProcedureBook = z.infer<typeof ProcedureBookSchema>;

/** The shipped procedure assets. */
export function defaultProcedureDir(): string {
  return assetPath('procedure/');
}

/** Reads and checks the procedure assets of a folder. */
export function loadProcedureBooks(dir: string = defaultProcedureDir()): ProcedureBook[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = ProcedureBookSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new DalelError('INTERNAL', `${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Whether a condition holds for the facts; an unknown (missing) fact never satisfies a test. */
export function holds(condition: Condition, facts: Facts, mrpKzt: number): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts, mrpKzt));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts, mrpKzt));
  if ('not' in condition) return !holds(condition.not, facts, mrpKzt);
  if ('always' in condition) return true;
  const value = facts[condition.field];
  if (value === null || value === undefined) return false;
  const amount = (limit: number | { mrp: number }) => (typeof limit === 'number' ? limit : limit.mrp * mrpKzt);
  if (condition.lte !== undefined && !(typeof value === 'number' && value <= amount(condition.lte))) return false;
  if (condition.gt !== undefined && !(typeof value === 'number' && value > amount(condition.gt))) return false;
  if (condition.is !== undefined && value !== condition.is) return false;
  if (condition.includesAny !== undefined && !(Array.isArray(value) && condition.includesAny.some((i) => value.includes(i)))) return false;
  return true;
}

/** The citation as courts write it: "ч. 1 ст. 267-2 ГПК РК". */
export function citationLabel(c: { code: string; article: string; part?: string }): string {
  return `${c.part ? `ч. ${c.part} ` : ''}ст. ${c.article} ${c.code}`;
}

/** Evaluates procedure rules on facts. */
export class ProceduralAdviceService {
  private readonly sources = new Map<string, string | null>();
  private readonly articles = new Map<string, ArticleText | null>();

  constructor(
    readonly books: readonly ProcedureBook[],
    private readonly legalDir: string | null = null,
  ) {}

  /** Opens the shipped rules, reading article texts from the legal folder when present. */
  static open(legalDir: string | null, dir?: string): ProceduralAdviceService {
    return new ProceduralAdviceService(loadProcedureBooks(dir), legalDir);
  }

  private text(book: ProcedureBook, c: z.infer<typeof CitationSchema>): string {
    const file = book.codes[c.code]?.file;
    if (!file || !this.legalDir) return c.text;
    if (!this.sources.has(file)) this.sources.set(file, readCodeText(this.legalDir, file));
    const source = this.sources.get(file);
    if (!source) return c.text;
    const key = `${file}#${c.article}`;
    if (!this.articles.has(key)) this.articles.set(key, extractArticle(source, c.article));
    const article = this.articles.get(key);
    return (c.part ? article?.parts[c.part] : article?.whole) ?? c.text;
  }

  /** The steps whose conditions hold for a case of this type. */
  advise(caseTypeId: string, facts: Facts): ProceduralAdvice[] {
    return this.books.flatMap((book) =>
      book.rules
        .filter((rule) => rule.caseTypes.includes(caseTypeId) && holds(rule.when, facts, book.constants.mrpKzt.value))
        .map((rule) => ({
          rule: rule.id,
          title: rule.title,
          text: rule.text,
          citations: rule.citations.map((c) => ({ code: c.code, article: citationLabel(c), number: c.article, part: c.part ?? null, text: this.text(book, c) })),
        })),
    );
  }
}

/** Fills the citation texts of a procedure asset from the codes' source texts (scripts/extract-statutes.ts). */
export function fillProcedureTexts(book: ProcedureBook, sourceOf: (file: string) => string | null): ProcedureBook {
  const copy = structuredClone(book);
  for (const rule of copy.rules) {
    for (const c of rule.citations) {
      const file = copy.codes[c.code]?.file;
      const source = file ? sourceOf(file) : null;
      if (!source) throw new Error(`${c.code}: no source text (${file ?? 'unknown code'})`);
      const article = extractArticle(source, c.article);
      const text = c.part ? article?.parts[c.part] : article?.whole;
      if (!text) throw new Error(`${citationLabel(c)}: not found in ${file}`);
      c.text = text;
    }
  }
  return copy;
}
