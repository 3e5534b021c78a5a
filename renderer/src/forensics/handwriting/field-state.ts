/**
 * The state of the handwriting methods' Compare-dialog fields, kept as one JSON string (the dialog keeps a string per
 * method): the declared script, the questioned page, and the crop rectangles the expert drew, in page pixels by evidence id.
 */
import { z } from 'zod';
import { HandwritingScriptSchema } from '../../../../main/contract/index.ts';

const CropSchema = z.object({ x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().positive(), height: z.number().int().positive() });
/** A crop rectangle in page pixels. */
export type PageCrop = z.infer<typeof CropSchema>;

// `questionedId`: the page the expert named as questioned; absent, the last item picked is.
const StateSchema = z.object({ script: HandwritingScriptSchema, crops: z.record(z.string(), CropSchema), questionedId: z.string().optional() });
/** What the handwriting fields hold. */
export type HandwritingFieldState = z.infer<typeof StateSchema>;

/** The fields' state as the dialog opens: Latin script, no crops. */
export const initialFieldState: HandwritingFieldState = { script: 'latin', crops: {} };

/** Reads the fields' state back from its string; null when it is not one (it never is unless the code is wrong). */
export function parseFieldState(value: string): HandwritingFieldState | null {
  try {
    const parsed = StateSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The fields' state as the string the dialog keeps. */
export const serialiseFieldState = (state: HandwritingFieldState): string => JSON.stringify(state);

/** Smallest crop side the profile accepts (page pixels), as the method checks. */
export const minimumCropSide = 8;

/** The first crop that is too small or leaves its page, named by the item's file name; null when all fit. */
export function badCrop(state: HandwritingFieldState, items: readonly { id: string; originalName: string; width: number | null; height: number | null }[]): string | null {
  for (const item of items) {
    const crop = state.crops[item.id];
    if (!crop) continue;
    const tooSmall = crop.width < minimumCropSide || crop.height < minimumCropSide;
    const outside = item.width !== null && item.height !== null && (crop.x + crop.width > item.width || crop.y + crop.height > item.height);
    if (tooSmall || outside) return item.originalName;
  }
  return null;
}

/** The questioned page's id: the one the expert named, else the last item picked. */
export function questionedOf(state: HandwritingFieldState, items: readonly { id: string }[]): string | undefined {
  return items.some((item) => item.id === state.questionedId) ? state.questionedId : items[items.length - 1]?.id;
}

/** The items in the order the comparison reads them: the known pages as picked, the questioned page last. */
export function inComparisonOrder<T extends { id: string }>(state: HandwritingFieldState, items: readonly T[]): T[] {
  const questioned = questionedOf(state, items);
  return [...items.filter((item) => item.id !== questioned), ...items.filter((item) => item.id === questioned)];
}
