/**
 * Phrase rules shared by the fact extractors: a rule is a pattern, the value it means and a confidence; the first
 * rule (in the order given, most specific first) that matches anywhere decides the value, and its match is the span.
 */
import { fact, type ExtractedFact, type FactField, type FactFieldValues } from './extracted-fact.ts';

/** A phrase and the value it stands for. */
export interface Cue<F extends FactField> {
  readonly pattern: RegExp;
  readonly value: FactFieldValues[F];
  readonly confidence: number;
}

/** The first cue that matches, as a fact of `field`; null when none does. */
export function firstCue<F extends FactField>(text: string, field: F, cues: readonly Cue<F>[]): ExtractedFact | null {
  for (const cue of cues) {
    const re = new RegExp(cue.pattern.source, cue.pattern.flags.includes('g') ? cue.pattern.flags : `${cue.pattern.flags}g`);
    const match = re.exec(text);
    if (match) return fact(field, cue.value, { start: match.index, end: match.index + match[0].length }, cue.confidence);
  }
  return null;
}

/** A sentence end: a full stop before a capital letter or a line break, a semicolon, or a blank line. */
const sentenceEnd = /\.\s+(?=\p{Lu})|\.\n|;|\n\s*\n/gu;

/** The text of the clause before a position: back to the previous sentence end, at most `limit` characters. */
export function clauseBefore(text: string, position: number, limit = 160): string {
  const window = text.slice(Math.max(0, position - limit), position);
  let cut = -1;
  for (const m of window.matchAll(sentenceEnd)) cut = m.index + m[0].length;
  return cut >= 0 ? window.slice(cut) : window;
}

/** The text of the clause after a position, up to the next sentence end, at most `limit` characters. */
export function clauseAfter(text: string, position: number, limit = 160): string {
  const window = text.slice(position, position + limit);
  const m = new RegExp(sentenceEnd.source, 'u').exec(window);
  return m ? window.slice(0, m.index) : window;
}
