/**
 * Phrases every summary shares, per language: headings, threshold verdicts, review notes, the AFTE range of
 * conclusions for toolmarks and the ENFSI verbal scale for likelihood ratios. Slots in braces are filled by the
 * generator with linked numbers or fixed words; nothing here is composed at run time. The wording itself is in
 * common-phrases.json, checked against CommonPhrases when the code compiles.
 */
import type { SummaryLanguage } from './summary-types.ts';
import phrasesByLanguage from './common-phrases.json' with { type: 'json' };

/** Strength words of the ENFSI verbal scale (ENFSI Guideline for Evaluative Reporting, 2015), weakest first. */
export const enfsiStrengths = ['weak', 'moderate', 'moderately-strong', 'strong', 'very-strong', 'extremely-strong'] as const;
/** One step of the ENFSI verbal scale. */
export type EnfsiStrength = (typeof enfsiStrengths)[number];

/** The shared phrases of one language. */
export interface CommonPhrases {
  readonly headings: Readonly<Record<'method' | 'measurements' | 'scores' | 'limitations' | 'conclusion', string>>;
  /** `{label}: {value} ({rule} {threshold}: {verdict}).` */
  readonly score: string;
  readonly criterionMet: string;
  readonly criterionNotMet: string;
  /** A measurement no module sentence names: `{label}: {value}.` */
  readonly listed: string;
  /** `{subject}.` opening a finding's sentences. */
  readonly subject: string;
  readonly reviewAccepted: string;
  readonly reviewAmended: string;
  readonly reviewUnreviewed: string;
  readonly manualByExpert: string;
  /** `{subject}: …` for a rejected finding. */
  readonly rejected: string;
  readonly limitationGeneral: string;
  readonly limitationUnreviewed: string;
  /** `{subject} … {label}.` on the AFTE range of conclusions. */
  readonly afte: string;
  readonly afteLabels: Readonly<Record<string, string>>;
  /** `{subject}: {label}.` for a conclusion on the module's own scale (ModulePhrases.conclusions). */
  readonly moduleConclusion: string;
  /** `{subject} … {lr} … {strength} … {proposition}.` on the ENFSI verbal scale. */
  readonly enfsi: string;
  /** `{subject} … {lr} …` when the ratio is exactly one. */
  readonly enfsiNeutral: string;
  readonly enfsiStrengths: Readonly<Record<EnfsiStrength, string>>;
  readonly propositionSame: string;
  readonly propositionDifferent: string;
  readonly noConclusion: string;
}

/** Shared phrases by language. */
export const commonPhrases: Readonly<Record<SummaryLanguage, CommonPhrases>> = phrasesByLanguage;

/** The ENFSI step for a likelihood ratio of at least one (the generator inverts ratios below one): null at exactly one. */
export function enfsiStrength(ratio: number): EnfsiStrength | null {
  if (ratio <= 1) return null;
  if (ratio < 10) return 'weak';
  if (ratio < 100) return 'moderate';
  if (ratio < 1_000) return 'moderately-strong';
  if (ratio < 10_000) return 'strong';
  if (ratio < 1_000_000) return 'very-strong';
  return 'extremely-strong';
}
