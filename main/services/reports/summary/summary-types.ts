/**
 * Shapes of the deterministic summary: the 'summary.get' response, and the data a module supplies so that its findings
 * can be summarised (phrases per language, measurement labels, plural words, limitations).
 */
import type { Finding, ResponseOf } from '../../../contract/index.ts';

/** Languages the summary is written in. */
export const summaryLanguages = ['kk', 'ru', 'en'] as const;
/** A summary language. */
export type SummaryLanguage = (typeof summaryLanguages)[number];

/** The summary as 'summary.get' returns it. */
export type Summary = ResponseOf<'summary.get'>;
/** One paragraph of the summary. */
export type SummaryParagraph = Summary['paragraphs'][number];
/** One run of text, or a number linked to the finding and measurement it comes from. */
export type SummaryPart = SummaryParagraph['parts'][number];

/** Word forms by plural category (Intl.PluralRules): 'other' is required, the rest as the language needs. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/**
 * A module's phrases in one language. Templates are plain text with placeholders: `{key}` inserts the value of the
 * finding's measurement `key` as a linked number, `{key#word}` the form of `words[word]` that agrees with that value.
 * A sentence whose measurements are missing from a finding is left out, so nothing is ever guessed.
 */
export interface ModulePhrases {
  /** What the module's findings are about, by finding kind ('*' for any kind). */
  readonly subject: Readonly<Record<string, string>>;
  /** Method and parameters, by finding kind ('*' for any kind). */
  readonly method: Readonly<Record<string, readonly string[]>>;
  /** The measurements, by finding kind ('*' for any kind); measurements no sentence names are listed by label. */
  readonly measurements: Readonly<Record<string, readonly string[]>>;
  /** Human names of measurement keys. */
  readonly labels: Readonly<Record<string, string>>;
  /** Words that agree with numbers. */
  readonly words: Readonly<Record<string, PluralForms>>;
  /** What the method cannot tell, stated once per module present in the case. */
  readonly limitations: readonly string[];
  /** The module's own conclusion codes in words (e.g. a verbal scale); codes not here are read on the AFTE range. */
  readonly conclusions?: Readonly<Record<string, string>>;
  /** Words for coded text values, by measurement key then code (e.g. a result 'positive'); codes not listed show as recorded. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * The module's own scale of conclusions: `template` with `{subject}` and `{label}`, and a word for each conclusion
   * code. Without it a conclusion is written on the AFTE range (the toolmark modules).
   */
  readonly conclusion?: { readonly template: string; readonly labels: Readonly<Record<string, string>> };
}

/** Fraction digits of a measurement whose module declares none for its key: the summary's and the finding cards' alike. */
export const defaultFractionDigits = 3;

/** How a module's findings are summarised; handwriting or drug tests plug in by registering one of these. */
export interface SummaryModule {
  /** The finding's `module` this applies to, e.g. 'ballistics.cartridge-case'. */
  readonly module: string;
  /** Fraction digits shown per measurement key (default `defaultFractionDigits`). */
  readonly fractionDigits?: Readonly<Record<string, number>>;
  readonly phrases: Readonly<Record<SummaryLanguage, ModulePhrases>>;
}

/** A finding together with the original it amends, when it is an amendment. */
export interface SummarisedFinding {
  readonly finding: Finding;
  readonly original: Finding | null;
}
