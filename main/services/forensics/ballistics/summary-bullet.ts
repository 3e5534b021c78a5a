/** Summary phrases for bullet comparisons by land-engraved-area signatures (module 'ballistics.bullet'). */
import type { SummaryModule } from '../../reports/summary/summary-types.ts';
import { modulePhrases } from '../../reports/summary/module-wording.ts';
// In Kazakh a noun after a numeral stays singular, so `words.stria` has one form there.
import wording from './summary-bullet.json' with { type: 'json' };

/** How bullet and land-pair comparisons are summarised. */
export const bulletSummary: SummaryModule = {
  module: 'ballistics.bullet',
  fractionDigits: { 'land.ccf': 3, 'land.score': 3, 'bullet.score': 3, 'bullet.landThreshold': 3 },
  phrases: modulePhrases(wording),
};
