/**
 * Words (kk/ru/en) for the codes drug-test findings record as text values and conclusions. The summary and the lab
 * report write these words; a code not listed (a custom table's reagent, a retrained model's class) shows as recorded.
 * The tables are in value-words.json:
 * - outcomes: spot-plate outcomes (also the spot-sample finding's conclusion);
 * - stripResults: lateral-flow strip results (also the strip finding's conclusion);
 * - models: colour-correction models (native/drugs/calibration/correction.ts CorrectionKind);
 * - reagents: the twelve NIJ reagents by id (native/drugs/spot/reagents.ts);
 * - padIngredients: the shipped PAD model's identity classes (`Contains` of pad_cards_train.csv);
 * - padAbstention: why the PAD model abstains (PadCardResult.abstention.reason);
 * - padConclusions: PAD card conclusions;
 * - conclusionTemplate: `{subject}: {label}.`, since a drug-test conclusion is a presumptive result, stated as such.
 * The NIJ table's substance names come from substance-words.ts.
 */
import type { SummaryLanguage } from '../../reports/summary/summary-types.ts';
import { substanceWords } from './substance-words.ts';
import tables from './value-words.json' with { type: 'json' };

type Words = Readonly<Record<string, string>>;
type ByLanguage<T = Words> = Readonly<Record<SummaryLanguage, T>>;

const { outcomes, stripResults, models, reagents, padIngredients, padAbstention, padConclusions, conclusionTemplate }: Readonly<Record<
  'outcomes' | 'stripResults' | 'models' | 'reagents' | 'padIngredients' | 'padAbstention' | 'padConclusions', ByLanguage
> & { conclusionTemplate: ByLanguage<string> }> = tables;

/** Value words of spot-plate findings in one language. */
export const spotValueWords = (language: SummaryLanguage) => ({
  'drugs.outcome': outcomes[language],
  'drugs.calibration.model': models[language],
  'drugs.well.reagent': reagents[language],
  'drugs.candidate.first': substanceWords[language],
  'drugs.well.best': substanceWords[language],
});
/** Value words of cassette findings in one language. */
export const stripValueWords = (language: SummaryLanguage) => ({ 'drugs.strip.result': stripResults[language] });
/** Value words of PAD findings in one language. */
export const padValueWords = (language: SummaryLanguage) => ({ 'drugs.pad.predicted': padIngredients[language], 'drugs.pad.abstentionReason': padAbstention[language] });

/** The conclusion scale of each drug-test module in one language. */
export const drugsConclusions = {
  spot: (language: SummaryLanguage) => ({ template: conclusionTemplate[language], labels: outcomes[language] }),
  strip: (language: SummaryLanguage) => ({ template: conclusionTemplate[language], labels: stripResults[language] }),
  pad: (language: SummaryLanguage) => ({ template: conclusionTemplate[language], labels: padConclusions[language] }),
};

/** The codes each table covers, for tests that every code has a word in every language. */
export const drugsValueCodes = {
  outcomes: Object.keys(outcomes.en), stripResults: Object.keys(stripResults.en), models: Object.keys(models.en), reagents: Object.keys(reagents.en),
  substances: Object.keys(substanceWords.en), padIngredients: Object.keys(padIngredients.en), padAbstention: Object.keys(padAbstention.en), padConclusions: Object.keys(padConclusions.en),
};
