/**
 * The ENFSI verbal scale for evaluative reporting, as finding conclusion codes: the likelihood ratio's order of
 * magnitude says how strongly the findings support one proposition over the other (1–10 weak, 10–100 moderate,
 * 100–1 000 moderately strong, 1 000–10 000 strong, above 10 000 very strong; the same for the reciprocal).
 */

/** Conclusion codes of a handwriting comparison (translated by the interface under `conclusions.*`). */
export const handwritingConclusions = [
  'hw-same-very-strong',
  'hw-same-strong',
  'hw-same-moderately-strong',
  'hw-same-moderate',
  'hw-same-weak',
  'hw-neutral',
  'hw-different-weak',
  'hw-different-moderate',
  'hw-different-moderately-strong',
  'hw-different-strong',
  'hw-different-very-strong',
  'hw-abstained',
] as const;
/** A handwriting conclusion code. */
export type HandwritingConclusion = (typeof handwritingConclusions)[number];

/** The verbal-scale conclusion for log10 of a likelihood ratio (null: the comparison abstained). */
export function verbalConclusion(log10Slr: number | null): HandwritingConclusion {
  if (log10Slr === null || !Number.isFinite(log10Slr)) return 'hw-abstained';
  if (log10Slr === 0) return 'hw-neutral';
  const side = log10Slr > 0 ? 'same' : 'different';
  const m = Math.abs(log10Slr);
  const strength = m < 1 ? 'weak' : m < 2 ? 'moderate' : m < 3 ? 'moderately-strong' : m < 4 ? 'strong' : 'very-strong';
  return `hw-${side}-${strength}` as HandwritingConclusion;
}
