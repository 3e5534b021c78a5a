/** The summary of a module no template module is registered for: its measurements listed by key, nothing more. */
import type { SummaryModule } from '../summary-types.ts';

/** A module without its own phrases: the findings are named by module and their measurements listed by key. */
export function genericSummary(module: string): SummaryModule {
  return {
    module,
    phrases: {
      en: { subject: { '*': `Findings of module “${module}”` }, method: {}, measurements: {}, labels: {}, words: {}, limitations: [] },
      ru: { subject: { '*': `Результаты модуля «${module}»` }, method: {}, measurements: {}, labels: {}, words: {}, limitations: [] },
      kk: { subject: { '*': `«${module}» модулінің нәтижелері` }, method: {}, measurements: {}, labels: {}, words: {}, limitations: [] },
    },
  };
}
