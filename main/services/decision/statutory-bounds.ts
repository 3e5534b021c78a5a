/**
 * Statutory bounds as data: the sanctions of each article and part (assets/decision/statutes/*.json), the General
 * Part limits of each punishment, and the leniency caps of art. 55 of the Criminal Code of Kazakhstan, applied to
 * the facts of a case. The answer is the lawful range a prediction is clipped to and drawn against, with every cap
 * that applies cited, and the text of the part (from the code's source file when it is present, else the asset).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StatutoryBounds } from '../../contract/index.ts';
import { DalelError } from '../errors.ts';
import type { Facts } from '../../../models/cases/facts.ts';
import { assetPath, extractArticle, readCodeText } from './statute-text.ts';

const categories = ['criminal-misdemeanour', 'minor', 'medium', 'grave', 'especially-grave'] as const;
/** Offence categories of art. 11 (and the criminal misdemeanour of art. 10). */
export type OffenceCategory = (typeof categories)[number];

const PunishmentSchema = z
  .object({ type: z.string(), min: z.number().nullable(), max: z.number().nullable(), unit: z.string() })
  .strict();
const range = z.tuple([z.number(), z.number()]);
const FractionSchema = z
  .object({ categories: z.array(z.enum(categories)), lifeOrHealth: z.boolean().optional(), fraction: z.number().positive().max(1), item: z.string().optional() })
  .strict();

/** A statute asset: sanctions per article and part, General Part limits, art. 55 rules, texts. */
export const StatuteBookSchema = z
  .object({
    format: z.literal('dalel-statutes/1'),
    code: z.string(),
    title: z.string(),
    /** The case types whose facts name articles of this code. */
    caseTypes: z.array(z.string()),
    source: z.object({ file: z.string(), sha256: z.string() }).strict(),
    description: z.string(),
    general: z.record(z.string(), z.object({ unit: z.string(), misdemeanour: range, crime: range, citation: z.string() }).strict()),
    leniency: z
      .object({
        article: z.string(),
        rules: z.array(
          z
            .object({ id: z.string(), part: z.string(), citation: z.string(), when: z.enum(['mitigating-no-aggravating', 'procedural-agreement']), reason: z.string(), fractions: z.array(FractionSchema) })
            .strict(),
        ),
        belowMinimum: z.object({ citation: z.string(), reason: z.string() }).strict(),
        noImprisonment: z.object({ citation: z.string(), categories: z.array(z.enum(categories)), when: z.literal('damage-compensated'), reason: z.string() }).strict(),
      })
      .strict(),
    generalTexts: z.record(z.string(), z.string()),
    articles: z.record(
      z.string(),
      z
        .object({
          title: z.string(),
          intent: z.enum(['intentional', 'negligent']),
          lifeOrHealth: z.boolean(),
          parts: z.record(
            z.string(),
            z.object({ category: z.enum(categories), punishments: z.array(PunishmentSchema).min(1), text: z.string(), note: z.string().optional() }).strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();
/** A statute asset. */
export type StatuteBook = z.infer<typeof StatuteBookSchema>;

/** The shipped Criminal Code asset. */
export function defaultStatuteFile(): string {
  return assetPath('statutes/kz-criminal-code.v1.json');
}

/** Reads and checks a statute asset. */
export function loadStatuteBook(file: string = defaultStatuteFile()): StatuteBook {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DalelError('INTERNAL', `${file}: cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = StatuteBookSchema.safeParse(json);
  if (!parsed.success) throw new DalelError('INTERNAL', `${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Punishment types from most to least severe (art. 40), for the default range and for "suspended". */
const severity = ['imprisonment', 'restriction-of-freedom', 'arrest', 'community-service', 'correctional-work', 'fine'];

/** The case-type outcome units and the punishment types measured in them. */
const typesOfUnit: Readonly<Record<string, readonly string[]>> = {
  months: ['imprisonment', 'restriction-of-freedom'],
  MRP: ['fine', 'correctional-work'],
  hours: ['community-service'],
  days: ['arrest'],
};

/** The circumstances of a case that bear on its bounds (kz-criminal fields). */
export interface BoundsFacts {
  readonly article: string;
  readonly part: string;
  readonly mitigating: readonly string[];
  readonly aggravating: readonly string[];
  readonly recidivism: string | null;
  readonly proceduralAgreement: boolean;
  readonly damageCompensated: string | null;
  readonly damageMrp: number | null;
  /** The punishment the range is for (a case-type class); absent: the most severe in the sanction. */
  readonly punishment?: string | null;
}

/** Reads the circumstances from kz-criminal facts; null when the facts name no article. */
export function boundsFacts(facts: Facts): BoundsFacts | null {
  const article = facts.article;
  const part = facts.part;
  if ((typeof article !== 'string' && typeof article !== 'number') || (typeof part !== 'string' && typeof part !== 'number')) return null;
  const list = (v: Facts[string] | undefined) => (Array.isArray(v) ? v : []);
  return {
    article: String(article),
    part: String(part),
    mitigating: list(facts.mitigating),
    aggravating: list(facts.aggravating),
    recidivism: typeof facts.recidivism === 'string' ? facts.recidivism : null,
    proceduralAgreement: facts.proceduralAgreement === true,
    damageCompensated: typeof facts.damageCompensated === 'string' ? facts.damageCompensated : null,
    damageMrp: typeof facts.damageMrp === 'number' ? facts.damageMrp : null,
    punishment: typeof facts.punishment === 'string' ? facts.punishment : null,
  };
}

/** The punishment types a range is drawn over: the one named (a suspended term is a term), else the severest's unit. */
function typesFor(punishment: string | null, punishments: StatutoryBounds['punishments']): readonly string[] {
  if (punishment === 'suspended') return typesOfUnit.months!;
  if (punishment) return [punishment];
  const severest = severity.find((t) => punishments.some((p) => p.type === t && p.unit !== 'multiple-of-stolen'));
  const unit = punishments.find((p) => p.type === severest)?.unit;
  return unit ? (typesOfUnit[unit] ?? []) : [];
}

/** The smallest minimum and largest maximum over punishments of the given types (one unit). */
function rangeOver(punishments: StatutoryBounds['punishments'], types: readonly string[]): StatutoryBounds['lawfulRange'] {
  const chosen = punishments.filter((p) => types.includes(p.type) && p.min !== null && p.max !== null && p.unit !== 'multiple-of-stolen');
  if (chosen.length === 0) return null;
  return { min: Math.min(...chosen.map((p) => p.min!)), max: Math.max(...chosen.map((p) => p.max!)), unit: chosen[0]!.unit };
}

/** The citation of a part, as courts write it ("ч. 2 ст. 188 УК РК"). */
function citationOf(article: string, part: string): string {
  return `ч. ${part} ст. ${article} УК РК`;
}

/** Computes statutory bounds from a statute book; part texts come from the code's source file when the legal folder has it. */
export class StatutoryBoundsService {
  private codeText: string | null | undefined;
  private articleTexts = new Map<string, ReturnType<typeof extractArticle>>();

  constructor(
    readonly book: StatuteBook,
    private readonly legalDir: string | null = null,
  ) {}

  /** Opens the shipped asset; the code's text (1.6 MB) is read only when a part's text is first shown. */
  static open(legalDir: string | null, file?: string): StatutoryBoundsService {
    return new StatutoryBoundsService(loadStatuteBook(file), legalDir);
  }

  /** Whether the text shown comes from the source file (else from the asset). */
  get textFromSource(): boolean {
    return this.legalDir !== null && existsSync(join(this.legalDir, this.book.source.file));
  }

  private partText(article: string, part: string, fallback: string): string {
    if (this.codeText === undefined) this.codeText = readCodeText(this.legalDir, this.book.source.file);
    if (this.codeText === null) return fallback;
    if (!this.articleTexts.has(article)) this.articleTexts.set(article, extractArticle(this.codeText, article));
    return this.articleTexts.get(article)?.parts[part] ?? fallback;
  }

  /** The sanction's punishments in their units, General Part limits filled in, scaled by `fraction` when capped. */
  private limits(part: StatuteBook['articles'][string]['parts'][string], input: BoundsFacts, fraction: number, belowMinimum: boolean, excludePrison: boolean): StatutoryBounds['punishments'] {
    const crime = part.category === 'criminal-misdemeanour' ? 'misdemeanour' : 'crime';
    return part.punishments
      .filter((p) => !(excludePrison && p.type === 'imprisonment'))
      .map((p) => {
        // A fine as a multiple of the stolen property is a range in MRP only when the damage is known.
        const multiple = p.unit === 'multiple-of-stolen';
        if (multiple && input.damageMrp === null) return { ...p };
        const scale = multiple ? input.damageMrp! : 1;
        const general = this.book.general[p.type]?.[crime];
        const statedMin = p.min === null ? null : p.min * scale;
        const statedMax = p.max === null ? (general?.[1] ?? null) : p.max * scale;
        const max = statedMax === null ? null : statedMax * fraction;
        // Art. 55 part 6: with the caps of parts 2 or 3 the term may go below the lower limit of the sanction.
        let min = belowMinimum || statedMin === null ? (multiple ? 0 : (general?.[0] ?? 0)) : statedMin;
        if (max !== null && min > max) min = max;
        return { type: p.type, min, max, unit: multiple ? 'MRP' : p.unit };
      });
  }

  /** The bounds for the facts; null when the asset has no such article (the judge then sees no range). */
  bounds(input: BoundsFacts): StatutoryBounds | null {
    const article = this.book.articles[input.article];
    const part = article?.parts[input.part];
    if (!article || !part) return null;
    const caps: StatutoryBounds['caps'] = [];
    const noAggravating = input.aggravating.length === 0 && (input.recidivism === null || input.recidivism === 'none');
    const applies = (when: 'mitigating-no-aggravating' | 'procedural-agreement') =>
      when === 'procedural-agreement' ? input.proceduralAgreement : input.mitigating.length > 0 && noAggravating;
    // Part 1: no imprisonment for a crime of small or medium gravity when the damage was voluntarily compensated,
    // where the article or part provides a main punishment milder than imprisonment.
    const noPrison = this.book.leniency.noImprisonment;
    const lighterThanPrison = part.punishments.some((p) => p.type !== 'imprisonment');
    const excludePrison = noPrison.categories.includes(part.category) && input.damageCompensated === 'full' && lighterThanPrison && part.punishments.some((p) => p.type === 'imprisonment');
    if (excludePrison) {
      caps.push({ citation: `п. 1 ${noPrison.citation}`, part: '1', item: '1', circumstance: 'damage-compensated', facts: ['damageCompensated'], effect: 'no-imprisonment', fraction: null, reason: noPrison.reason });
    }
    for (const rule of this.book.leniency.rules) {
      if (!applies(rule.when)) continue;
      const match = rule.fractions.find((f) => f.categories.includes(part.category) && (f.lifeOrHealth === undefined || f.lifeOrHealth === article.lifeOrHealth));
      if (match) {
        caps.push({
          citation: match.item ? `п. ${match.item} ${rule.citation}` : rule.citation,
          part: rule.part,
          item: match.item ?? null,
          circumstance: rule.when,
          facts: rule.when === 'procedural-agreement' ? ['proceduralAgreement'] : [...input.mitigating],
          effect: 'maximum-fraction',
          fraction: match.fraction,
          reason: rule.reason,
        });
      }
    }
    const fractions = caps.flatMap((c) => (c.fraction === null ? [] : [c.fraction]));
    const fraction = Math.min(1, ...fractions);
    const belowMinimum = fractions.length > 0;
    if (belowMinimum) {
      const below = this.book.leniency.belowMinimum;
      const trigger = caps.find((c) => c.effect === 'maximum-fraction')!;
      caps.push({ citation: below.citation, part: '6', item: null, circumstance: trigger.circumstance, facts: trigger.facts, effect: 'below-minimum', fraction: null, reason: below.reason });
    }
    const stated = this.limits(part, input, 1, false, false);
    const punishments = this.limits(part, input, fraction, belowMinimum, excludePrison);
    const types = typesFor(input.punishment ?? null, stated);
    return {
      article: input.article,
      part: input.part,
      citation: citationOf(input.article, input.part),
      text: this.partText(input.article, input.part, part.text),
      stated: { punishments: stated, lawfulRange: rangeOver(stated, types) },
      punishments,
      lawfulRange: rangeOver(punishments, typesFor(input.punishment ?? null, punishments)),
      caps,
    };
  }

  /** Whether the asset holds an article (and, when given, its part). */
  has(article: string, part?: string): boolean {
    const entry = this.book.articles[article];
    return entry !== undefined && (part === undefined || entry.parts[part] !== undefined);
  }

  /** The lawful range in a unit (an outcome's unit: months, MRP, hours), or null when the sanction has none. */
  rangeFor(input: BoundsFacts, unit: string): StatutoryBounds['lawfulRange'] {
    const all = this.bounds({ ...input, punishment: null });
    return all ? rangeOver(all.punishments, typesOfUnit[unit] ?? []) : null;
  }
  /** SHA-256 of the asset's content, for provenance. */
  get sha256(): string {
    return createHash('sha256').update(JSON.stringify(this.book)).digest('hex');
  }
}
