/** Summary phrases for cartridge-case comparisons by Congruent Matching Cells (module 'ballistics.cartridge-case'). */
import type { SummaryModule } from '../../reports/summary/summary-types.ts';
import { modulePhrases } from '../../reports/summary/module-wording.ts';
// In Kazakh a noun after a numeral stays singular, so `words.cell` has one form there.
import wording from './summary-cartridge-case.json' with { type: 'json' };

/** How CMC comparisons of breech-face impressions are summarised. */
export const cartridgeCaseSummary: SummaryModule = {
  module: 'ballistics.cartridge-case',
  fractionDigits: { 'cmc.consensus.theta': 1, 'cmc.consensus.dx': 1, 'cmc.consensus.dy': 1, 'cmc.consensus.theta.bToA': 1, 'cmc.pixelUm': 2 },
  phrases: modulePhrases(wording),
};
