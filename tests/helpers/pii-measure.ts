/** Recall per category and precision of the anonymiser on a labelled corpus (tests/helpers/pii-corpus.ts). */
import { detect } from '../../main/services/corpus/anonymise/anonymise.ts';
import type { PiiCategory } from '../../main/services/corpus/anonymise/identifiers.ts';
import type { LabelledText } from './pii-corpus.ts';

/** Found/total per category, and the detections that match no labelled span. */
export interface PiiScores {
  readonly recall: Record<string, { found: number; total: number; rate: number }>;
  readonly precision: Record<string, { correct: number; detected: number; rate: number }>;
  readonly misses: string[];
  readonly falsePositives: string[];
}

/** Scores detections: a labelled span is found when one detection of its category covers it; a detection is correct when it lies within a span to replace of its category. */
export function scoreAnonymiser(corpus: readonly LabelledText[]): PiiScores {
  const recall: Record<string, { found: number; total: number; rate: number }> = {};
  const precision: Record<string, { correct: number; detected: number; rate: number }> = {};
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const doc of corpus) {
    const found = detect(doc.text);
    for (const span of doc.spans.filter((s) => s.kind === 'replace')) {
      const r = (recall[span.category] ??= { found: 0, total: 0, rate: 0 });
      r.total += 1;
      if (found.some((d) => d.category === span.category && d.start <= span.start && d.end >= span.end)) r.found += 1;
      else misses.push(`${span.category}: ${doc.text.slice(span.start, span.end)} | …${doc.text.slice(Math.max(0, span.start - 40), span.end + 20)}…`);
    }
    for (const d of found) {
      const p = (precision[d.category] ??= { correct: 0, detected: 0, rate: 0 });
      p.detected += 1;
      const ok = doc.spans.some((s) => s.kind === 'replace' && s.category === d.category && d.start >= s.start && d.end <= s.end);
      if (ok) p.correct += 1;
      else falsePositives.push(`${d.category}: ${doc.text.slice(d.start, d.end)} | …${doc.text.slice(Math.max(0, d.start - 40), d.end + 20)}…`);
    }
  }
  for (const r of Object.values(recall)) r.rate = r.found / r.total;
  for (const p of Object.values(precision)) p.rate = p.correct / p.detected;
  return { recall, precision, misses, falsePositives };
}

/** The categories of the acceptance thresholds. */
export const strictCategories: readonly PiiCategory[] = ['IIN', 'PHONE', 'IBAN', 'EMAIL'];
