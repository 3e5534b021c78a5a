/** Summary phrases for an expert's own measurements in the viewer (module 'manual'). */
import type { SummaryModule } from '../summary-types.ts';
import { modulePhrases } from '../module-wording.ts';
import wording from './manual.json' with { type: 'json' };

/** How manual distance and angle measurements are summarised, by the keys the viewer records (measure-panel.tsx). */
export const manualSummary: SummaryModule = {
  module: 'manual',
  fractionDigits: { 'manual.distance': 2, 'manual.angle': 1, 'manual.pixelUm': 2 },
  phrases: modulePhrases(wording),
};
