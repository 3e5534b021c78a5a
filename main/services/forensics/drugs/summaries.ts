/** Summary phrases (kk/ru/en) of spot-plate and cassette findings; every number is a measurement the finding carries. */
import type { ModulePhrases, SummaryLanguage, SummaryModule } from '../../reports/summary/summary-types.ts';
import { spotMethod, stripMethod } from './kinds.ts';
import { drugsConclusions, padValueWords, spotValueWords, stripValueWords } from './value-words.ts';

const spotEn: ModulePhrases = {
  subject: { 'spot-sample': 'The sample tested on the spot plate', 'spot-well': 'A well of the spot plate', '*': 'The spot-plate test' },
  method: {
    '*': [
      'The photograph was colour-corrected on the reference target in it (mean leave-one-patch-out residual {drugs.calibration.deltaE}, model {drugs.calibration.model}); each well’s corrected colour was compared by CIEDE2000 with the colours of NIJ Standard-0604.01 Table 1 for its reagent, within tolerances derived from the replicate variation reported by Elkins et al. (2017).',
    ],
  },
  measurements: {
    'spot-sample': ['Outcome: {drugs.outcome}; the colours are most consistent with {drugs.candidate.first} (score {drugs.candidate.firstScore}); {drugs.candidates.consistent} {drugs.candidates.consistent#substance} consistent with all {drugs.wells.tested} tested {drugs.wells.tested#well}.'],
    'spot-well': ['Well {drugs.well.label} ({drugs.well.reagent}): corrected colour L* {drugs.well.L}, a* {drugs.well.a}, b* {drugs.well.b}; nearest listed colour: {drugs.well.best} at {drugs.well.bestDeltaE} (CIEDE2000).'],
  },
  labels: {
    'drugs.outcome': 'outcome', 'drugs.candidate.first': 'first candidate', 'drugs.candidate.firstScore': 'first candidate score',
    'drugs.candidates.consistent': 'consistent substances', 'drugs.wells.tested': 'tested wells', 'drugs.calibration.deltaE': 'calibration residual',
    'drugs.calibration.model': 'colour correction model', 'drugs.mixturePossible': 'mixture possible', 'drugs.well.label': 'well', 'drugs.well.reagent': 'reagent',
    'drugs.well.L': 'L*', 'drugs.well.a': 'a*', 'drugs.well.b': 'b*', 'drugs.well.reacted': 'reaction seen', 'drugs.well.best': 'nearest substance', 'drugs.well.bestDeltaE': 'ΔE2000 to nearest',
  },
  words: { substance: { one: 'substance is', other: 'substances are' }, well: { one: 'well', other: 'wells' } },
  limitations: [
    'Colour tests are presumptive: they can suggest or exclude substances but never identify one; every result must be confirmed by a second, specific technique (GC-MS).',
    'Table colours are ISCC-NBS centroids, not photographs of reactions; reagent age, amount and timing change colours.',
  ],
  values: spotValueWords('en'),
  conclusion: drugsConclusions.spot('en'),
};

const spotRu: ModulePhrases = {
  subject: { 'spot-sample': 'Образец, исследованный на капельной пластине', 'spot-well': 'Лунка капельной пластины', '*': 'Капельная цветная проба' },
  method: {
    '*': [
      'Цвета фотоснимка скорректированы по эталонной мишени на нём (средняя невязка при исключении поля {drugs.calibration.deltaE}, модель {drugs.calibration.model}); скорректированный цвет каждой лунки сравнён по CIEDE2000 с цветами таблицы 1 стандарта NIJ 0604.01 для её реактива с допусками, выведенными из разброса повторных проб по Elkins и соавт. (2017).',
    ],
  },
  measurements: {
    'spot-sample': ['Итог: {drugs.outcome}; цвета наиболее согласуются с веществом {drugs.candidate.first} (оценка {drugs.candidate.firstScore}); со всеми {drugs.wells.tested} {drugs.wells.tested#well} согласуются {drugs.candidates.consistent} {drugs.candidates.consistent#substance}.'],
    'spot-well': ['Лунка {drugs.well.label} ({drugs.well.reagent}): скорректированный цвет L* {drugs.well.L}, a* {drugs.well.a}, b* {drugs.well.b}; ближайший табличный цвет: {drugs.well.best}, {drugs.well.bestDeltaE} (CIEDE2000).'],
  },
  labels: {
    'drugs.outcome': 'итог', 'drugs.candidate.first': 'первый кандидат', 'drugs.candidate.firstScore': 'оценка первого кандидата',
    'drugs.candidates.consistent': 'согласующиеся вещества', 'drugs.wells.tested': 'исследованные лунки', 'drugs.calibration.deltaE': 'невязка калибровки',
    'drugs.calibration.model': 'модель цветокоррекции', 'drugs.mixturePossible': 'возможна смесь', 'drugs.well.label': 'лунка', 'drugs.well.reagent': 'реактив',
    'drugs.well.L': 'L*', 'drugs.well.a': 'a*', 'drugs.well.b': 'b*', 'drugs.well.reacted': 'реакция видна', 'drugs.well.best': 'ближайшее вещество', 'drugs.well.bestDeltaE': 'ΔE2000 до ближайшего',
  },
  words: {
    substance: { one: 'вещество', few: 'вещества', many: 'веществ', other: 'вещества' },
    well: { one: 'лункой', few: 'лунками', many: 'лунками', other: 'лунками' },
  },
  limitations: [
    'Цветные пробы предварительные: они могут указать на вещество или исключить его, но не идентифицируют его; каждый результат подлежит подтверждению вторым, специфичным методом (ГХ-МС).',
    'Табличные цвета — центроиды ISCC-NBS, а не снимки реакций; возраст реактива, количество и время меняют цвет.',
  ],
  values: spotValueWords('ru'),
  conclusion: drugsConclusions.spot('ru'),
};

const spotKk: ModulePhrases = {
  subject: { 'spot-sample': 'Тамшы пластинасында зерттелген үлгі', 'spot-well': 'Тамшы пластинасының ұяшығы', '*': 'Тамшы түсті сынамасы' },
  method: {
    '*': [
      'Фотосурет түстері ондағы эталондық нысана бойынша түзетілді (бір өрісті алып тастағандағы орташа қалдық {drugs.calibration.deltaE}, модель {drugs.calibration.model}); әр ұяшықтың түзетілген түсі оның реактиві үшін NIJ 0604.01 стандартының 1-кестесіндегі түстермен CIEDE2000 бойынша салыстырылды, рұқсат шектері Elkins және әріптестері (2017) келтірген қайталама сынамалардың шашырауынан алынды.',
    ],
  },
  measurements: {
    'spot-sample': ['Қорытынды: {drugs.outcome}; түстер ең алдымен {drugs.candidate.first} затымен үйлеседі (баға {drugs.candidate.firstScore}); зерттелген {drugs.wells.tested} ұяшықтың бәрімен {drugs.candidates.consistent} зат үйлеседі.'],
    'spot-well': ['{drugs.well.label} ұяшығы ({drugs.well.reagent}): түзетілген түс L* {drugs.well.L}, a* {drugs.well.a}, b* {drugs.well.b}; ең жақын кесте түсі: {drugs.well.best}, {drugs.well.bestDeltaE} (CIEDE2000).'],
  },
  labels: {
    'drugs.outcome': 'қорытынды', 'drugs.candidate.first': 'бірінші үміткер', 'drugs.candidate.firstScore': 'бірінші үміткердің бағасы',
    'drugs.candidates.consistent': 'үйлесетін заттар', 'drugs.wells.tested': 'зерттелген ұяшықтар', 'drugs.calibration.deltaE': 'калибрлеу қалдығы',
    'drugs.calibration.model': 'түс түзету моделі', 'drugs.mixturePossible': 'қоспа болуы мүмкін', 'drugs.well.label': 'ұяшық', 'drugs.well.reagent': 'реактив',
    'drugs.well.L': 'L*', 'drugs.well.a': 'a*', 'drugs.well.b': 'b*', 'drugs.well.reacted': 'реакция байқалды', 'drugs.well.best': 'ең жақын зат', 'drugs.well.bestDeltaE': 'ең жақынға дейінгі ΔE2000',
  },
  words: {},
  limitations: [
    'Түсті сынамалар алдын ала сынамалар: олар затты болжай алады немесе жоққа шығара алады, бірақ оны сәйкестендірмейді; әр нәтиже екінші, арнайы әдіспен (ГХ-МС) расталуы тиіс.',
    'Кесте түстері — ISCC-NBS центроидтары, реакциялардың суреттері емес; реактивтің жасы, мөлшері мен уақыты түсті өзгертеді.',
  ],
  values: spotValueWords('kk'),
  conclusion: drugsConclusions.spot('kk'),
};

const stripPhrases = (
  language: SummaryLanguage, subject: string, method: string, measured: readonly string[], labels: Record<string, string>, limitation: string,
): ModulePhrases => ({
  subject: { '*': subject }, method: { '*': [method] }, measurements: { 'strip-panel': measured }, labels, words: {}, limitations: [limitation],
  values: stripValueWords(language), conclusion: drugsConclusions.strip(language),
});

const stripKeys = ['drugs.strip.drug', 'drugs.strip.result', 'drugs.strip.controlAbsorbance', 'drugs.strip.testAbsorbance', 'drugs.strip.ratio', 'drugs.strip.cutoff', 'drugs.calibration.deltaE'];
const zipLabels = (words: string[]): Record<string, string> => Object.fromEntries(stripKeys.map((k, i) => [k, words[i]!]));

/** Spot-plate summaries. */
export const spotSummary: SummaryModule = {
  module: spotMethod,
  fractionDigits: { 'drugs.calibration.deltaE': 2, 'drugs.candidate.firstScore': 2, 'drugs.well.L': 1, 'drugs.well.a': 1, 'drugs.well.b': 1, 'drugs.well.bestDeltaE': 2 },
  phrases: { en: spotEn, ru: spotRu, kk: spotKk },
};

/** Cassette summaries. */
export const stripSummary: SummaryModule = {
  module: stripMethod,
  fractionDigits: { 'drugs.strip.controlAbsorbance': 3, 'drugs.strip.testAbsorbance': 3, 'drugs.strip.ratio': 2, 'drugs.strip.cutoff': 0, 'drugs.calibration.deltaE': 2 },
  phrases: {
    en: stripPhrases(
      'en',
      'A panel of the drug-screening cassette',
      'The photograph was colour-corrected on its reference target; each read window’s green absorbance profile along the strip located the control and test lines.',
      ['{drugs.strip.drug}: {drugs.strip.result}; control line absorbance {drugs.strip.controlAbsorbance}, test line {drugs.strip.testAbsorbance}.', 'Cut-off: {drugs.strip.cutoff}.', 'Test/control ratio: {drugs.strip.ratio}.'],
      zipLabels(['drug', 'result', 'control line absorbance', 'test line absorbance', 'test/control ratio', 'cut-off', 'calibration residual']),
      'Immunoassay screens are presumptive and cross-react with related compounds; a positive screen must be confirmed by GC-MS or LC-MS/MS.',
    ),
    ru: stripPhrases(
      'ru',
      'Полоска тест-кассеты на наркотики',
      'Цвета фотоснимка скорректированы по эталонной мишени; по профилю поглощения в зелёном канале вдоль окна каждой полоски найдены контрольная и тестовая линии.',
      ['{drugs.strip.drug}: {drugs.strip.result}; поглощение контрольной линии {drugs.strip.controlAbsorbance}, тестовой {drugs.strip.testAbsorbance}.', 'Порог: {drugs.strip.cutoff}.', 'Отношение тест/контроль: {drugs.strip.ratio}.'],
      zipLabels(['вещество', 'результат', 'поглощение контрольной линии', 'поглощение тестовой линии', 'отношение тест/контроль', 'порог', 'невязка калибровки']),
      'Иммунохроматографические тесты предварительные и дают перекрёстные реакции с родственными соединениями; положительный результат подтверждается ГХ-МС или ЖХ-МС/МС.',
    ),
    kk: stripPhrases(
      'kk',
      'Есірткіге арналған тест-кассетаның жолағы',
      'Фотосурет түстері эталондық нысана бойынша түзетілді; әр жолақ терезесінің бойындағы жасыл арнадағы жұтылу профилі арқылы бақылау және тест сызықтары табылды.',
      ['{drugs.strip.drug}: {drugs.strip.result}; бақылау сызығының жұтылуы {drugs.strip.controlAbsorbance}, тест сызығының {drugs.strip.testAbsorbance}.', 'Шегі: {drugs.strip.cutoff}.', 'Тест/бақылау қатынасы: {drugs.strip.ratio}.'],
      zipLabels(['зат', 'нәтиже', 'бақылау сызығының жұтылуы', 'тест сызығының жұтылуы', 'тест/бақылау қатынасы', 'шегі', 'калибрлеу қалдығы']),
      'Иммунохроматографиялық тесттер алдын ала тесттер және туыстас қосылыстармен айқас әрекеттеседі; оң нәтиже ГХ-МС немесе СХ-МС/МС әдісімен расталуы тиіс.',
    ),
  },
};

const padPhrases = (language: SummaryLanguage, subject: string, method: string, measured: readonly string[], abstains: string, labels: readonly string[], limitation: string): ModulePhrases => ({
  subject: { '*': subject },
  method: { '*': [method] },
  measurements: { 'pad-card': [...measured, abstains] },
  labels: Object.fromEntries(['drugs.pad.predicted', 'drugs.pad.probability', 'drugs.pad.concentration', 'drugs.pad.concentrationProbability', 'drugs.pad.abstains', 'drugs.pad.abstentionReason'].map((k, i) => [k, labels[i]!])),
  words: {},
  limitations: [limitation],
  values: padValueWords(language),
  conclusion: drugsConclusions.pad(language),
});

/** PAD card summaries. */
export const padSummary: SummaryModule = {
  module: 'drugs.pad',
  fractionDigits: { 'drugs.pad.probability': 2, 'drugs.pad.concentration': 0, 'drugs.pad.concentrationProbability': 2 },
  phrases: {
    en: padPhrases(
      'en',
      'The paper analytical card',
      'The card was located in the photograph, the mean colour of each of its 12 × 10 regions measured, and the PAD model (Notre Dame card design) estimated the ingredient and its proportion, abstaining when the card lies outside its training data or two ingredients are close.',
      ['The colours are most consistent with {drugs.pad.predicted} (probability {drugs.pad.probability}).', 'Estimated drug proportion: about {drugs.pad.concentration} (probability {drugs.pad.concentrationProbability}).'],
      'Model abstains: {drugs.pad.abstentionReason}.',
      ['ingredient', 'probability', 'drug proportion', 'proportion probability', 'model abstains', 'reason for abstaining'],
      'PAD cards are presumptive screens trained on a fixed set of ingredients; any result must be confirmed by GC-MS.',
    ),
    ru: padPhrases(
      'ru',
      'Бумажная аналитическая карта',
      'Карта найдена на снимке, измерен средний цвет каждой из её 12 × 10 областей, и модель PAD (карта Нотр-Дам) оценила действующее вещество и его долю, воздерживаясь от ответа, если карта вне обучающих данных или два вещества близки.',
      ['Цвета наиболее согласуются с веществом {drugs.pad.predicted} (вероятность {drugs.pad.probability}).', 'Оценённая доля вещества: около {drugs.pad.concentration} (вероятность {drugs.pad.concentrationProbability}).'],
      'Модель воздерживается: {drugs.pad.abstentionReason}.',
      ['вещество', 'вероятность', 'доля вещества', 'вероятность доли', 'модель воздерживается', 'причина воздержания'],
      'Карты PAD — предварительный скрининг, обученный на ограниченном наборе веществ; любой результат подтверждается методом ГХ-МС.',
    ),
    kk: padPhrases(
      'kk',
      'Қағаз аналитикалық карта',
      'Карта суреттен табылды, оның 12 × 10 аймағының әрқайсысының орташа түсі өлшенді, ал PAD моделі (Нотр-Дам картасы) белсенді затты және оның үлесін бағалады; карта оқыту деректерінен тыс болса немесе екі зат жақын болса, модель жауап бермейді.',
      ['Түстер ең алдымен {drugs.pad.predicted} затымен үйлеседі (ықтималдығы {drugs.pad.probability}).', 'Заттың бағаланған үлесі: шамамен {drugs.pad.concentration} (ықтималдығы {drugs.pad.concentrationProbability}).'],
      'Модель жауап бермейді: {drugs.pad.abstentionReason}.',
      ['зат', 'ықтималдық', 'заттың үлесі', 'үлестің ықтималдығы', 'модель жауап бермейді', 'жауап бермеу себебі'],
      'PAD карталары — шектеулі заттар жиынында оқытылған алдын ала скрининг; кез келген нәтиже ГХ-МС әдісімен расталуы тиіс.',
    ),
  },
};
