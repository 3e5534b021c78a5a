/**
 * Phrases every summary shares, per language: headings, threshold verdicts, review notes, the AFTE range of
 * conclusions for toolmarks and the ENFSI verbal scale for likelihood ratios. Slots in braces are filled by the
 * generator with linked numbers or fixed words; nothing here is composed at run time.
 */
import type { SummaryLanguage } from './summary-types.ts';

/** Strength words of the ENFSI verbal scale (ENFSI Guideline for Evaluative Reporting, 2015), weakest first. */
export const enfsiStrengths = ['weak', 'moderate', 'moderately-strong', 'strong', 'very-strong', 'extremely-strong'] as const;
/** One step of the ENFSI verbal scale. */
export type EnfsiStrength = (typeof enfsiStrengths)[number];

/** The shared phrases of one language. */
export interface CommonPhrases {
  readonly headings: Readonly<Record<'method' | 'measurements' | 'scores' | 'limitations' | 'conclusion', string>>;
  /** `{label}: {value} ({rule} {threshold}: {verdict}).` */
  readonly score: string;
  readonly criterionMet: string;
  readonly criterionNotMet: string;
  /** A measurement no module sentence names: `{label}: {value}.` */
  readonly listed: string;
  /** `{subject}.` opening a finding's sentences. */
  readonly subject: string;
  readonly reviewAccepted: string;
  readonly reviewAmended: string;
  readonly reviewUnreviewed: string;
  readonly manualByExpert: string;
  /** `{subject}: …` for a rejected finding. */
  readonly rejected: string;
  readonly limitationGeneral: string;
  readonly limitationUnreviewed: string;
  /** `{subject} … {label}.` on the AFTE range of conclusions. */
  readonly afte: string;
  readonly afteLabels: Readonly<Record<string, string>>;
  /** `{subject}: {label}.` for a conclusion on the module's own scale (ModulePhrases.conclusions). */
  readonly moduleConclusion: string;
  /** `{subject} … {lr} … {strength} … {proposition}.` on the ENFSI verbal scale. */
  readonly enfsi: string;
  /** `{subject} … {lr} …` when the ratio is exactly one. */
  readonly enfsiNeutral: string;
  readonly enfsiStrengths: Readonly<Record<EnfsiStrength, string>>;
  readonly propositionSame: string;
  readonly propositionDifferent: string;
  readonly noConclusion: string;
}

/** Shared phrases by language. */
export const commonPhrases: Readonly<Record<SummaryLanguage, CommonPhrases>> = {
  en: {
    headings: { method: 'Method and parameters', measurements: 'Measurements', scores: 'Scores against thresholds', limitations: 'Limitations', conclusion: 'Conclusion' },
    score: '{label}: {value} ({rule} {threshold}: {verdict}).',
    criterionMet: 'criterion met',
    criterionNotMet: 'criterion not met',
    listed: '{label}: {value}.',
    subject: '{subject}.',
    reviewAccepted: 'Accepted by the expert.',
    reviewAmended: 'This finding was amended by the expert; the original finding is kept in the record.',
    reviewUnreviewed: 'Not yet reviewed by an expert.',
    manualByExpert: 'Measured by the expert.',
    rejected: '{subject}: rejected by the expert and not used for the conclusion.',
    limitationGeneral: 'This summary is generated from the recorded measurements by fixed templates; it does not replace the examiner’s opinion.',
    limitationUnreviewed: 'Findings not yet reviewed by an expert are preliminary.',
    afte: '{subject}: on the AFTE range of conclusions, {label}.',
    afteLabels: { identification: 'identification', inconclusive: 'inconclusive', elimination: 'elimination', unsuitable: 'unsuitable for comparison' },
    moduleConclusion: '{subject}: {label}.',
    enfsi: '{subject}: the likelihood ratio is {lr}; on the ENFSI verbal scale the findings provide {strength} support for the proposition of {proposition}.',
    enfsiNeutral: '{subject}: the likelihood ratio is {lr}; the findings support neither proposition.',
    enfsiStrengths: { weak: 'weak', moderate: 'moderate', 'moderately-strong': 'moderately strong', strong: 'strong', 'very-strong': 'very strong', 'extremely-strong': 'extremely strong' },
    propositionSame: 'a common source',
    propositionDifferent: 'different sources',
    noConclusion: 'No finding in use carries a conclusion.',
  },
  ru: {
    headings: { method: 'Метод и параметры', measurements: 'Измерения', scores: 'Оценки относительно пороговых значений', limitations: 'Ограничения', conclusion: 'Вывод' },
    score: '{label}: {value} ({rule} {threshold}: {verdict}).',
    criterionMet: 'критерий выполнен',
    criterionNotMet: 'критерий не выполнен',
    listed: '{label}: {value}.',
    subject: '{subject}.',
    reviewAccepted: 'Принято экспертом.',
    reviewAmended: 'Этот результат изменён экспертом; исходный результат сохранён в материалах дела.',
    reviewUnreviewed: 'Ещё не проверено экспертом.',
    manualByExpert: 'Измерено экспертом.',
    rejected: '{subject}: отклонено экспертом и не используется в выводе.',
    limitationGeneral: 'Сводка составлена по зафиксированным измерениям по неизменным шаблонам и не заменяет мнения эксперта.',
    limitationUnreviewed: 'Результаты, ещё не проверенные экспертом, являются предварительными.',
    afte: '{subject}: по шкале выводов AFTE — {label}.',
    afteLabels: { identification: 'идентификация', inconclusive: 'неопределённый результат', elimination: 'исключение', unsuitable: 'непригодно для сравнения' },
    moduleConclusion: '{subject}: {label}.',
    enfsi: '{subject}: отношение правдоподобия равно {lr}; по вербальной шкале ENFSI результаты дают {strength} поддержку гипотезе {proposition}.',
    enfsiNeutral: '{subject}: отношение правдоподобия равно {lr}; результаты не поддерживают ни одну из гипотез.',
    enfsiStrengths: { weak: 'слабую', moderate: 'умеренную', 'moderately-strong': 'умеренно сильную', strong: 'сильную', 'very-strong': 'очень сильную', 'extremely-strong': 'чрезвычайно сильную' },
    propositionSame: 'об общем источнике',
    propositionDifferent: 'о разных источниках',
    noConclusion: 'Ни один используемый результат не содержит вывода.',
  },
  kk: {
    headings: { method: 'Әдіс және параметрлер', measurements: 'Өлшемдер', scores: 'Шекті мәндермен салыстыру', limitations: 'Шектеулер', conclusion: 'Қорытынды' },
    score: '{label}: {value} ({rule} {threshold}: {verdict}).',
    criterionMet: 'өлшемшарт орындалды',
    criterionNotMet: 'өлшемшарт орындалмады',
    listed: '{label}: {value}.',
    subject: '{subject}.',
    reviewAccepted: 'Сарапшы қабылдады.',
    reviewAmended: 'Бұл нәтижені сарапшы түзеткен; бастапқы нәтиже іс материалдарында сақталған.',
    reviewUnreviewed: 'Сарапшы әлі тексермеген.',
    manualByExpert: 'Сарапшы өлшеген.',
    rejected: '{subject}: сарапшы қабылдамады, қорытындыда пайдаланылмайды.',
    limitationGeneral: 'Бұл түйіндеме тіркелген өлшемдерден тұрақты үлгілер бойынша жасалған және сарапшының пікірін алмастырмайды.',
    limitationUnreviewed: 'Сарапшы әлі тексермеген нәтижелер алдын ала нәтижелер болып табылады.',
    afte: '{subject}: AFTE қорытындылар шкаласы бойынша — {label}.',
    afteLabels: { identification: 'сәйкестендіру', inconclusive: 'анықталмаған нәтиже', elimination: 'жоққа шығару', unsuitable: 'салыстыруға жарамсыз' },
    moduleConclusion: '{subject}: {label}.',
    enfsi: '{subject}: шындыққа ұқсастық қатынасы {lr}; ENFSI вербалды шкаласы бойынша нәтижелер {proposition} туралы болжамды {strength} қолдайды.',
    enfsiNeutral: '{subject}: шындыққа ұқсастық қатынасы {lr}; нәтижелер ешбір болжамды қолдамайды.',
    enfsiStrengths: { weak: 'әлсіз', moderate: 'орташа', 'moderately-strong': 'орташадан күштірек', strong: 'күшті', 'very-strong': 'өте күшті', 'extremely-strong': 'аса күшті' },
    propositionSame: 'ортақ шығу көзі',
    propositionDifferent: 'әртүрлі шығу көздері',
    noConclusion: 'Пайдаланылатын нәтижелердің ешқайсысында қорытынды жоқ.',
  },
};

/** The ENFSI step for a likelihood ratio of at least one (the generator inverts ratios below one): null at exactly one. */
export function enfsiStrength(ratio: number): EnfsiStrength | null {
  if (ratio <= 1) return null;
  if (ratio < 10) return 'weak';
  if (ratio < 100) return 'moderate';
  if (ratio < 1_000) return 'moderately-strong';
  if (ratio < 10_000) return 'strong';
  if (ratio < 1_000_000) return 'very-strong';
  return 'extremely-strong';
}
