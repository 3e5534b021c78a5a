/** Summary phrases (kk/ru/en) of spot-plate, cassette and PAD findings; every number is a measurement the finding carries. */
import type { SummaryModule } from '../../reports/summary/summary-types.ts';
import { modulePhrases } from '../../reports/summary/module-wording.ts';
import { spotMethod, stripMethod } from './kinds.ts';
import { drugsConclusions, padValueWords, spotValueWords, stripValueWords } from './value-words.ts';
import wording from './summaries.json' with { type: 'json' };

/** Spot-plate summaries. */
export const spotSummary: SummaryModule = {
  module: spotMethod,
  fractionDigits: { 'drugs.calibration.deltaE': 2, 'drugs.candidate.firstScore': 2, 'drugs.well.L': 1, 'drugs.well.a': 1, 'drugs.well.b': 1, 'drugs.well.bestDeltaE': 2 },
  phrases: modulePhrases(wording.spotSummary, (language) => ({ values: spotValueWords(language), conclusion: drugsConclusions.spot(language) })),
};

/** Cassette summaries. */
export const stripSummary: SummaryModule = {
  module: stripMethod,
  fractionDigits: { 'drugs.strip.controlAbsorbance': 3, 'drugs.strip.testAbsorbance': 3, 'drugs.strip.ratio': 2, 'drugs.strip.cutoff': 0, 'drugs.calibration.deltaE': 2 },
  phrases: modulePhrases(wording.stripSummary, (language) => ({ values: stripValueWords(language), conclusion: drugsConclusions.strip(language) })),
};

/** PAD card summaries. */
export const padSummary: SummaryModule = {
  module: 'drugs.pad',
  fractionDigits: { 'drugs.pad.probability': 2, 'drugs.pad.concentration': 0, 'drugs.pad.concentrationProbability': 2 },
  phrases: modulePhrases(wording.padSummary, (language) => ({ values: padValueWords(language), conclusion: drugsConclusions.pad(language) })),
};
