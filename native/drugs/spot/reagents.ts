/**
 * The twelve NIJ Standard-0604.01 reagents (Appendix A.1–A.12): a stable id for each, the names the colour table and
 * the expert may use for it, and the nominal colour of the reagent alone in a white well (the "no reaction" colour when
 * the plate has no blank well of its own; a measured blank well always replaces it).
 */
import { srgb8ToLab, type Triple } from '../colour/spaces.ts';

/** One reagent: id, display name, and the nominal colour (8-bit sRGB) of the unreacted reagent in a white well. */
export interface Reagent {
  readonly id: string;
  readonly name: string;
  readonly blankSrgb: readonly [number, number, number];
}

/**
 * The NIJ reagents. Blank colours are nominal appearances (colourless reagents show the white plate; cobalt reagents
 * are pale pink, Mandelin, ferric chloride and p-DMAB pale yellow): approximate, which is why a blank well is advised.
 */
export const NIJ_REAGENTS: readonly Reagent[] = [
  { id: 'cobalt-thiocyanate', name: 'Cobalt thiocyanate', blankSrgb: [240, 205, 215] },
  { id: 'dille-koppanyi', name: 'Dille-Koppanyi (modified)', blankSrgb: [238, 212, 222] },
  { id: 'duquenois-levine', name: 'Duquenois-Levine (modified)', blankSrgb: [243, 241, 234] },
  { id: 'ferric-chloride', name: 'Ferric chloride', blankSrgb: [242, 220, 150] },
  { id: 'froehde', name: 'Froehde', blankSrgb: [243, 241, 234] },
  { id: 'mandelin', name: 'Mandelin', blankSrgb: [238, 226, 170] },
  { id: 'marquis', name: 'Marquis', blankSrgb: [243, 241, 234] },
  { id: 'mecke', name: 'Mecke', blankSrgb: [243, 241, 234] },
  { id: 'nitric-acid', name: 'Nitric acid', blankSrgb: [243, 241, 234] },
  { id: 'simon', name: "Simon's (nitroprusside)", blankSrgb: [240, 226, 212] },
  { id: 'zwikker', name: 'Zwikker', blankSrgb: [238, 218, 226] },
  { id: 'p-dmab', name: 'p-DMAB (Ehrlich-type)', blankSrgb: [245, 238, 200] },
];

/** Extra spellings of reagent names (after normalisation) and the id they mean. */
const ALIASES: Readonly<Record<string, string>> = {
  froede: 'froehde', simons: 'simon', 'simon-s': 'simon', nitroprusside: 'simon', ehrlich: 'p-dmab', dmab: 'p-dmab',
  'cobalt-thiocyanate-scott': 'cobalt-thiocyanate', 'scott': 'cobalt-thiocyanate', 'dille-koppanyi-modified': 'dille-koppanyi',
  'duquenois': 'duquenois-levine', 'duquenois-levine-modified': 'duquenois-levine',
};

/** A reagent name reduced to lower-case words joined by '-', without bracketed remarks or possessive 's. */
export function normaliseReagentName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’]s\b/g, 's')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The reagent id a name means (NIJ reagents by any of their spellings; other names become their normalised form). */
export function reagentId(name: string): string {
  const normal = normaliseReagentName(name);
  if (ALIASES[normal]) return ALIASES[normal];
  const known = NIJ_REAGENTS.find((r) => r.id === normal || normaliseReagentName(r.name) === normal);
  return known ? known.id : normal;
}

/** The NIJ reagent with this id, if it is one. */
export function nijReagent(id: string): Reagent | undefined {
  return NIJ_REAGENTS.find((r) => r.id === id);
}

/** The nominal "no reaction" colour (CIELAB) of a reagent; the plate's white for reagents not in the list. */
export function nominalBlankLab(id: string): Triple {
  const rgb = nijReagent(id)?.blankSrgb ?? [243, 241, 234];
  return srgb8ToLab(rgb[0], rgb[1], rgb[2]);
}
