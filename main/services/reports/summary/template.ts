/** Fills a phrase template: text stays text, `{slot}` becomes the parts a resolver gives for the slot. */
import type { SummaryPart } from './summary-types.ts';

/** Parts for a slot, or null when the slot cannot be filled (the whole sentence is then left out). */
export type SlotResolver = (slot: string) => readonly SummaryPart[] | null;

/** The parts of one filled template, or null when any of its slots cannot be filled. */
export function fillTemplate(template: string, resolve: SlotResolver): SummaryPart[] | null {
  const parts: SummaryPart[] = [];
  const pattern = /\{([^{}]+)\}/g;
  let last = 0;
  for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    const filled = resolve(match[1]!);
    if (!filled) return null;
    parts.push(...filled);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The keys of the measurements a template refers to (`{key}` and `{key#word}`). */
export function slotKeys(template: string): string[] {
  return [...template.matchAll(/\{([^{}#]+)(?:#[^{}]+)?\}/g)].map((m) => m[1]!);
}

/** Joins adjacent plain-text parts, so that the output has one text run between linked numbers. */
export function mergeText(parts: readonly SummaryPart[]): SummaryPart[] {
  const merged: SummaryPart[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    if (previous && !('findingId' in previous) && !('findingId' in part)) merged[merged.length - 1] = { text: previous.text + part.text };
    else merged.push(part);
  }
  return merged.filter((p) => p.text.length > 0);
}
