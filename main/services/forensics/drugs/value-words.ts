/**
 * Words (kk/ru/en) for the codes drug-test findings record as text values and conclusions: outcomes, strip results,
 * colour-correction models, reagent ids, the NIJ table's substances, the PAD model's ingredient classes and abstention reasons. The summary and
 * the lab report write these words; a code not listed (a custom table's reagent, a retrained model's class) shows as
 * recorded.
 */
import type { SummaryLanguage } from '../../reports/summary/summary-types.ts';
import { substanceWords } from './substance-words.ts';

type Words = Readonly<Record<string, string>>;
type ByLanguage = Readonly<Record<SummaryLanguage, Words>>;

/** Spot-plate outcomes (also the spot-sample finding's conclusion). */
const outcomes: ByLanguage = {
  en: { 'consistent-with': 'consistent with listed substances (presumptive)', 'no-reaction': 'no reaction', 'mixture-possible': 'mixture possible', unexplained: 'not explained by the table' },
  ru: { 'consistent-with': 'согласуется с веществами таблицы (предварительно)', 'no-reaction': 'нет реакции', 'mixture-possible': 'возможна смесь', unexplained: 'не объясняется таблицей' },
  kk: { 'consistent-with': 'кестедегі заттармен үйлеседі (алдын ала)', 'no-reaction': 'реакция жоқ', 'mixture-possible': 'қоспа болуы мүмкін', unexplained: 'кестемен түсіндірілмейді' },
};

/** Lateral-flow strip results (also the strip finding's conclusion). */
const stripResults: ByLanguage = {
  en: { positive: 'positive screen (presumptive; no test line)', negative: 'negative screen (test line visible)', invalid: 'invalid test (no control line)' },
  ru: { positive: 'положительный скрининг (предварительно; тестовой линии нет)', negative: 'отрицательный скрининг (тестовая линия видна)', invalid: 'недействительный тест (нет контрольной линии)' },
  kk: { positive: 'оң скрининг (алдын ала; тест сызығы жоқ)', negative: 'теріс скрининг (тест сызығы көрінеді)', invalid: 'жарамсыз тест (бақылау сызығы жоқ)' },
};

/** Colour-correction models (native/drugs/calibration/correction.ts CorrectionKind). */
const models: ByLanguage = {
  en: { 'linear-3x3': '3×3 linear', 'affine-3x4': '3×3 linear with offset', 'root-polynomial-2': 'root-polynomial' },
  ru: { 'linear-3x3': 'линейная 3×3', 'affine-3x4': 'линейная 3×3 со смещением', 'root-polynomial-2': 'корне-полиномиальная' },
  kk: { 'linear-3x3': '3×3 сызықтық', 'affine-3x4': 'ығысуы бар 3×3 сызықтық', 'root-polynomial-2': 'түбірлі-көпмүшелік' },
};

/** The twelve NIJ reagents by id (native/drugs/spot/reagents.ts). */
const reagents: ByLanguage = {
  en: {
    'cobalt-thiocyanate': 'Cobalt thiocyanate', 'dille-koppanyi': 'Dille-Koppanyi', 'duquenois-levine': 'Duquenois-Levine', 'ferric-chloride': 'Ferric chloride',
    froehde: 'Froehde', mandelin: 'Mandelin', marquis: 'Marquis', mecke: 'Mecke', 'nitric-acid': 'Nitric acid', simon: "Simon's", zwikker: 'Zwikker', 'p-dmab': 'p-DMAB (Ehrlich)',
  },
  ru: {
    'cobalt-thiocyanate': 'тиоцианат кобальта', 'dille-koppanyi': 'Дилле-Коппаньи', 'duquenois-levine': 'Дюкенуа-Левина', 'ferric-chloride': 'хлорид железа(III)',
    froehde: 'Фрёде', mandelin: 'Манделина', marquis: 'Марки', mecke: 'Мекке', 'nitric-acid': 'азотная кислота', simon: 'Саймона', zwikker: 'Цвиккера', 'p-dmab': 'п-ДМАБ (Эрлиха)',
  },
  kk: {
    'cobalt-thiocyanate': 'кобальт тиоцианаты', 'dille-koppanyi': 'Дилле-Коппаньи', 'duquenois-levine': 'Дюкенуа-Левин', 'ferric-chloride': 'темір(III) хлориді',
    froehde: 'Фрёде', mandelin: 'Манделин', marquis: 'Марки', mecke: 'Мекке', 'nitric-acid': 'азот қышқылы', simon: 'Саймон', zwikker: 'Цвиккер', 'p-dmab': 'п-ДМАБ (Эрлих)',
  },
};

/** The shipped PAD model's identity classes (`Contains` of pad_cards_train.csv). */
const padIngredients: ByLanguage = {
  en: {
    albendazole: 'albendazole', amoxicillin: 'amoxicillin', ampicillin: 'ampicillin', azithromycin: 'azithromycin', 'benzyl-penicillin': 'benzylpenicillin',
    blank: 'a blank card (no sample)', ceftriaxone: 'ceftriaxone', chloroquine: 'chloroquine', ciprofloxacin: 'ciprofloxacin', doxycycline: 'doxycycline',
    epinephrine: 'epinephrine', ethambutol: 'ethambutol', 'ferrous-sulfate': 'ferrous sulfate', hydroxychloroquine: 'hydroxychloroquine', isoniazid: 'isoniazid',
    lactose: 'lactose', 'promethazine-hydrochloride': 'promethazine hydrochloride', pyrazinamide: 'pyrazinamide', rifampicin: 'rifampicin',
    ripe: 'RIPE (rifampicin, isoniazid, pyrazinamide, ethambutol)', sulfamethoxazole: 'sulfamethoxazole', 'swiped-but-not-run': 'a card swiped with the sample but not run',
    tetracycline: 'tetracycline',
  },
  ru: {
    albendazole: 'альбендазол', amoxicillin: 'амоксициллин', ampicillin: 'ампициллин', azithromycin: 'азитромицин', 'benzyl-penicillin': 'бензилпенициллин',
    blank: 'пустая карта (без образца)', ceftriaxone: 'цефтриаксон', chloroquine: 'хлорохин', ciprofloxacin: 'ципрофлоксацин', doxycycline: 'доксициклин',
    epinephrine: 'эпинефрин', ethambutol: 'этамбутол', 'ferrous-sulfate': 'сульфат железа(II)', hydroxychloroquine: 'гидроксихлорохин', isoniazid: 'изониазид',
    lactose: 'лактоза', 'promethazine-hydrochloride': 'прометазина гидрохлорид', pyrazinamide: 'пиразинамид', rifampicin: 'рифампицин',
    ripe: 'RIPE (рифампицин, изониазид, пиразинамид, этамбутол)', sulfamethoxazole: 'сульфаметоксазол', 'swiped-but-not-run': 'карта с нанесённым образцом, не проявленная',
    tetracycline: 'тетрациклин',
  },
  kk: {
    albendazole: 'альбендазол', amoxicillin: 'амоксициллин', ampicillin: 'ампициллин', azithromycin: 'азитромицин', 'benzyl-penicillin': 'бензилпенициллин',
    blank: 'бос карта (үлгісіз)', ceftriaxone: 'цефтриаксон', chloroquine: 'хлорохин', ciprofloxacin: 'ципрофлоксацин', doxycycline: 'доксициклин',
    epinephrine: 'эпинефрин', ethambutol: 'этамбутол', 'ferrous-sulfate': 'темір(II) сульфаты', hydroxychloroquine: 'гидроксихлорохин', isoniazid: 'изониазид',
    lactose: 'лактоза', 'promethazine-hydrochloride': 'прометазин гидрохлориді', pyrazinamide: 'пиразинамид', rifampicin: 'рифампицин',
    ripe: 'RIPE (рифампицин, изониазид, пиразинамид, этамбутол)', sulfamethoxazole: 'сульфаметоксазол', 'swiped-but-not-run': 'үлгі жағылған, бірақ іске қосылмаған карта',
    tetracycline: 'тетрациклин',
  },
};

/** Why the PAD model abstains (PadCardResult.abstention.reason). */
const padAbstention: ByLanguage = {
  en: { 'out-of-distribution': 'the card is unlike the cards the model was trained on', ambiguous: 'two ingredients are too close to tell apart' },
  ru: { 'out-of-distribution': 'карта не похожа на карты, на которых модель обучена', ambiguous: 'два вещества слишком близки, чтобы их различить' },
  kk: { 'out-of-distribution': 'карта модель оқытылған карталарға ұқсамайды', ambiguous: 'екі зат ажырату үшін тым жақын' },
};

/** PAD card conclusions. */
const padConclusions: ByLanguage = {
  en: { 'consistent-with': 'the colours are consistent with the model’s ingredient (presumptive)', abstains: 'the model abstains' },
  ru: { 'consistent-with': 'цвета согласуются с веществом, указанным моделью (предварительно)', abstains: 'модель воздерживается от ответа' },
  kk: { 'consistent-with': 'түстер модель көрсеткен затпен үйлеседі (алдын ала)', abstains: 'модель жауап бермейді' },
};

/** `{subject}: {label}.` — a drug-test conclusion is a presumptive result, stated as such. */
const conclusionTemplate: Readonly<Record<SummaryLanguage, string>> = {
  en: '{subject}: {label}.',
  ru: '{subject}: {label}.',
  kk: '{subject}: {label}.',
};

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
