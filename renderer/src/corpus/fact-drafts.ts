/** A proposed fact as the clerk edits it: text for strings and numbers, a switch for yes/no, the rest kept as read. */
export type FactDraft =
  | { readonly kind: 'text'; readonly original: string; readonly text: string }
  | { readonly kind: 'number'; readonly original: number; readonly text: string }
  | { readonly kind: 'flag'; readonly original: boolean; readonly value: boolean }
  | { readonly kind: 'fixed'; readonly original: unknown };

/** The editable draft of a value read from a decision text. */
export function draftOf(value: unknown): FactDraft {
  if (typeof value === 'string') return { kind: 'text', original: value, text: value };
  if (typeof value === 'number') return { kind: 'number', original: value, text: String(value) };
  if (typeof value === 'boolean') return { kind: 'flag', original: value, value };
  return { kind: 'fixed', original: value };
}

/** A draft's problem as a translation key, or null; only numbers can be mistyped. */
export function draftProblem(draft: FactDraft): string | null {
  if (draft.kind !== 'number') return null;
  const text = draft.text.trim().replace(',', '.');
  return text !== '' && Number.isFinite(Number(text)) ? null : 'corpus.review.notNumber';
}

/** The value a draft stands for now (the clerk's correction, or the proposal unchanged). */
export function draftValue(draft: FactDraft): unknown {
  switch (draft.kind) {
    case 'text':
      return draft.text.trim();
    case 'number':
      return Number(draft.text.trim().replace(',', '.'));
    case 'flag':
      return draft.value;
    case 'fixed':
      return draft.original;
  }
}

/** True when the clerk changed the proposed value. */
export function draftCorrected(draft: FactDraft): boolean {
  return draft.kind !== 'fixed' && draftValue(draft) !== draft.original;
}
