/** The shipped assets that cite articles of the codes: statute assets, procedure rules and case types. */
import { loadCaseTypes } from '../../../models/cases/case-type.ts';
import { loadProcedureBooks } from '../decision/procedural-advice.ts';
import { loadStatuteBook } from '../decision/statutory-bounds.ts';
import type { CitingAssets } from './law-diff.ts';

/** Loads the shipped statute asset, procedure books and case types (on demand: a diff is rare). */
export function shippedCitingAssets(): CitingAssets {
  return { statutes: [loadStatuteBook()], procedures: loadProcedureBooks(), caseTypes: loadCaseTypes() };
}
