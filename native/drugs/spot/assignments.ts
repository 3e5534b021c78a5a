/** The expert's assignment of reagents to wells, written "A1=Marquis,A2=Mecke,A4=Marquis:blank". */
import { badInput } from '../../input-error.ts';
import { reagentId } from './reagents.ts';

/** One well's reagent (and whether the well holds the reagent alone, as the blank for the others). */
export interface WellAssignment {
  readonly label: string;
  readonly reagent: string;
  readonly blank: boolean;
}

/** Parses an assignment list; `source` names where it came from in errors (an option name or a file). */
export function parseAssignments(text: string, source: string): WellAssignment[] {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw badInput(source, 'no-reagents', 'no well is assigned a reagent (write e.g. "A1=Marquis,A2=Mecke")');
  const seen = new Set<string>();
  return items.map((item) => {
    const match = /^([A-Za-z])(\d{1,2})\s*=\s*([^:]+?)\s*(?::\s*(blank))?$/i.exec(item);
    if (!match) throw badInput(source, 'bad-assignment', `"${item}" is not WELL=REAGENT (e.g. A1=Marquis, or A4=Marquis:blank for a blank well)`);
    const label = `${match[1]!.toUpperCase()}${Number(match[2])}`;
    if (seen.has(label)) throw badInput(source, 'bad-assignment', `well ${label} is assigned twice`);
    seen.add(label);
    return { label, reagent: reagentId(match[3]!), blank: match[4] !== undefined };
  });
}
