/** Summary phrases for bullet comparisons by land-engraved-area signatures (module 'ballistics.bullet'). */
import type { SummaryModule } from '../../reports/summary/summary-types.ts';

/** How bullet and land-pair comparisons are summarised. */
export const bulletSummary: SummaryModule = {
  module: 'ballistics.bullet',
  fractionDigits: { 'land.ccf': 3, 'land.score': 3, 'bullet.score': 3, 'bullet.landThreshold': 3 },
  phrases: {
    en: {
      subject: { 'bullet-pair': 'Bullets A and B (land engraved areas)', 'land-pair': 'A land pair of bullets A and B', '*': 'Bullets A and B' },
      method: {
        '*': [
          'Striation signatures of the land engraved areas were extracted from the three-dimensional scans, aligned land by land and compared by cross-correlation (CCF) and consecutively matching striae (CMS); the bullet score is the mean land score over the best rotation of lands.',
          'A land pair counts as matching from a land score of {bullet.landThreshold}.',
        ],
      },
      measurements: {
        'bullet-pair': ['Bullet score: {bullet.score}.'],
        'land-pair': ['Cross-correlation {land.ccf}, {land.cms} consecutively matching {land.cms#stria}, land score {land.score}.'],
      },
      labels: {
        'bullet.score': 'bullet score',
        'bullet.landThreshold': 'land score threshold',
        'land.ccf': 'cross-correlation',
        'land.cms': 'consecutively matching striae',
        'land.score': 'land score',
        'bullet.rotation.offset': 'land rotation offset',
        'bullet.lands.a': 'lands of bullet A',
        'bullet.lands.b': 'lands of bullet B',
        'bullet.landMatches': 'matching land pairs',
        'land.d': 'mean distance between signatures',
        'land.overlap': 'signature overlap',
        'land.lag': 'signature lag',
        'land.a': 'land of bullet A',
        'land.b': 'land of bullet B',
      },
      words: { stria: { one: 'stria', other: 'striae' } },
      limitations: [
        'Bullet scores depend on the scan quality and on damage to the land engraved areas; a low score on damaged lands does not exclude a common source.',
      ],
    },
    ru: {
      subject: { 'bullet-pair': 'Пули A и B (следы полей нарезов)', 'land-pair': 'Пара следов полей нарезов пуль A и B', '*': 'Пули A и B' },
      method: {
        '*': [
          'Профили трасс в следах полей нарезов получены из трёхмерных сканов, совмещены поле к полю и сравнены по взаимной корреляции (CCF) и числу последовательно совпадающих трасс (CMS); оценка пуль — средняя оценка пар полей при наилучшем совмещении полей.',
          'Пара полей считается совпадающей начиная с оценки {bullet.landThreshold}.',
        ],
      },
      measurements: {
        'bullet-pair': ['Оценка пуль: {bullet.score}.'],
        'land-pair': ['Взаимная корреляция {land.ccf}, {land.cms} {land.cms#stria} подряд, оценка пары полей {land.score}.'],
      },
      labels: {
        'bullet.score': 'оценка пуль',
        'bullet.landThreshold': 'порог оценки пары полей',
        'land.ccf': 'взаимная корреляция',
        'land.cms': 'последовательно совпадающие трассы',
        'land.score': 'оценка пары полей',
        'bullet.rotation.offset': 'сдвиг поворота полей',
        'bullet.lands.a': 'поля пули A',
        'bullet.lands.b': 'поля пули B',
        'bullet.landMatches': 'совпадающие пары полей',
        'land.d': 'среднее расстояние между сигнатурами',
        'land.overlap': 'перекрытие сигнатур',
        'land.lag': 'сдвиг сигнатур',
        'land.a': 'поле пули A',
        'land.b': 'поле пули B',
      },
      words: { stria: { one: 'совпадающая трасса', few: 'совпадающие трассы', many: 'совпадающих трасс', other: 'совпадающей трассы' } },
      limitations: [
        'Оценки пуль зависят от качества сканирования и повреждений следов полей нарезов; низкая оценка на повреждённых полях не исключает общего источника.',
      ],
    },
    kk: {
      subject: { 'bullet-pair': 'A және B оқтары (ойық өрістерінің іздері)', 'land-pair': 'A және B оқтарының ойық өрістері іздерінің жұбы', '*': 'A және B оқтары' },
      method: {
        '*': [
          'Ойық өрістері іздерінің трасса профильдері үш өлшемді сканерлерден алынып, өріс бойынша беттестірілді және өзара корреляция (CCF) мен қатарынан сәйкес келетін трассалар (CMS) бойынша салыстырылды; оқтар бағасы — өрістердің ең жақсы беттестіруіндегі өріс жұптары бағаларының орташасы.',
          'Өріс жұбы {bullet.landThreshold} бағасынан бастап сәйкес деп саналады.',
        ],
      },
      measurements: {
        'bullet-pair': ['Оқтар бағасы: {bullet.score}.'],
        'land-pair': ['Өзара корреляция {land.ccf}, қатарынан сәйкес келетін {land.cms} {land.cms#stria}, өріс жұбының бағасы {land.score}.'],
      },
      labels: {
        'bullet.score': 'оқтар бағасы',
        'bullet.landThreshold': 'өріс жұбы бағасының шегі',
        'land.ccf': 'өзара корреляция',
        'land.cms': 'қатарынан сәйкес келетін трассалар',
        'land.score': 'өріс жұбының бағасы',
        'bullet.rotation.offset': 'өрістер бұрылысының ығысуы',
        'bullet.lands.a': 'A оғының өрістері',
        'bullet.lands.b': 'B оғының өрістері',
        'bullet.landMatches': 'сәйкес өріс жұптары',
        'land.d': 'сигнатуралар арасындағы орташа қашықтық',
        'land.overlap': 'сигнатуралардың қабаттасуы',
        'land.lag': 'сигнатуралардың ығысуы',
        'land.a': 'A оғының жиегі',
        'land.b': 'B оғының жиегі',
      },
      words: { stria: { other: 'трасса' } },
      limitations: [
        'Оқтар бағасы сканерлеу сапасына және ойық өрістері іздерінің зақымдануына байланысты; зақымдалған өрістердегі төмен баға ортақ шығу көзін жоққа шығармайды.',
      ],
    },
  },
};
