/**
 * Summary phrases (kk, ru, en) of the handwriting module: writer comparisons and page profiles. The conclusions are
 * the ENFSI verbal scale's codes in words (the interface's `conclusions.*` say the same).
 */
import type { SummaryModule } from '../../reports/summary/summary-types.ts';
import { modulePhrases } from '../../reports/summary/module-wording.ts';
import { pageProfileMethod, writerComparisonMethod } from './kinds.ts';
import wording from './summary.json' with { type: 'json' };

/** How writer comparisons are summarised. */
export const writerComparisonSummary: SummaryModule = {
  module: writerComparisonMethod,
  fractionDigits: { 'hw.score': 3, lr: 2, 'hw.log10Slr': 2, 'hw.pages.known': 0, 'hw.graphs.known': 0, 'hw.graphs.questioned': 0 },
  phrases: modulePhrases(wording.writerComparisonSummary),
};

/** How page profiles are summarised. */
export const pageProfileSummary: SummaryModule = {
  module: pageProfileMethod,
  fractionDigits: { 'hw.graphs': 0, 'hw.clusters.filled': 0 },
  phrases: modulePhrases(wording.pageProfileSummary),
};
