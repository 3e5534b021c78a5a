/**
 * Which of Kazakh, Russian or English a text is written in: Kazakh has letters Russian lacks (ә ғ қ ң ө ұ ү һ і),
 * and a Cyrillic text with a steady share of them is Kazakh; a text mostly in Latin letters is English.
 */

/** A text language as the workstation names it (the OCR data names). */
export type TextLanguage = 'kaz' | 'rus' | 'eng';

const kazakhOnly = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;
const cyrillic = /\p{Script=Cyrillic}/gu;
const latin = /\p{Script=Latin}/gu;
const kazakhWords = /(?<!\p{L})(?:және|бойынша|туралы|үшін|жоқ|мен|бен|деп|болып|болса|ма|ме|неше|жыл\p{L}*|сотта\p{L}*|соты|сотқа|ақы\p{L}*|бермей|төлемей|жатыр)(?!\p{L})/giu;

/** The language of a text with a confidence; null when it has no letters of these scripts. */
export function detectLanguage(text: string): { language: TextLanguage; confidence: number } | null {
  const cyr = text.match(cyrillic)?.length ?? 0;
  const lat = text.match(latin)?.length ?? 0;
  if (cyr + lat === 0) return null;
  if (lat > cyr) return { language: 'eng', confidence: Math.round((lat / (cyr + lat)) * 100) / 100 };
  const kaz = text.match(kazakhOnly)?.length ?? 0;
  const share = kaz / cyr;
  // Kazakh prose has several percent of these letters; a short Kazakh question may have few, so its words count too.
  const words = text.match(kazakhWords)?.length ?? 0;
  if (share >= 0.02 || (kaz > 0 && words > 0) || words >= 2) return { language: 'kaz', confidence: Math.min(0.99, 0.6 + share * 8 + words * 0.05) };
  return { language: 'rus', confidence: Math.min(0.99, 0.7 + (1 - share * 50) * 0.29) };
}
