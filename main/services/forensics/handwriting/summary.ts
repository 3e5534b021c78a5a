/** Summary phrases (kk, ru, en) of the handwriting module: writer comparisons and page profiles. */
import type { ModulePhrases, SummaryModule } from '../../reports/summary/summary-types.ts';
import { pageProfileMethod, writerComparisonMethod } from './kinds.ts';
import type { HandwritingConclusion } from './verbal-scale.ts';

/** The ENFSI verbal scale's conclusion codes in words (the interface's `conclusions.*` say the same). */
const verbalScale: Readonly<Record<'en' | 'ru' | 'kk', Readonly<Record<HandwritingConclusion, string>>>> = {
  en: {
    'hw-same-very-strong': 'very strong support for the same writer',
    'hw-same-strong': 'strong support for the same writer',
    'hw-same-moderately-strong': 'moderately strong support for the same writer',
    'hw-same-moderate': 'moderate support for the same writer',
    'hw-same-weak': 'weak support for the same writer',
    'hw-neutral': 'no support for either proposition',
    'hw-different-weak': 'weak support for different writers',
    'hw-different-moderate': 'moderate support for different writers',
    'hw-different-moderately-strong': 'moderately strong support for different writers',
    'hw-different-strong': 'strong support for different writers',
    'hw-different-very-strong': 'very strong support for different writers',
    'hw-abstained': 'no likelihood ratio (the system abstained)',
  },
  ru: {
    'hw-same-very-strong': 'очень сильная поддержка версии об одном пишущем',
    'hw-same-strong': 'сильная поддержка версии об одном пишущем',
    'hw-same-moderately-strong': 'умеренно сильная поддержка версии об одном пишущем',
    'hw-same-moderate': 'умеренная поддержка версии об одном пишущем',
    'hw-same-weak': 'слабая поддержка версии об одном пишущем',
    'hw-neutral': 'ни одна из версий не поддерживается',
    'hw-different-weak': 'слабая поддержка версии о разных пишущих',
    'hw-different-moderate': 'умеренная поддержка версии о разных пишущих',
    'hw-different-moderately-strong': 'умеренно сильная поддержка версии о разных пишущих',
    'hw-different-strong': 'сильная поддержка версии о разных пишущих',
    'hw-different-very-strong': 'очень сильная поддержка версии о разных пишущих',
    'hw-abstained': 'отношение правдоподобия не приводится (система воздержалась)',
  },
  kk: {
    'hw-same-very-strong': 'бір жазушы нұсқасын өте күшті қолдау',
    'hw-same-strong': 'бір жазушы нұсқасын күшті қолдау',
    'hw-same-moderately-strong': 'бір жазушы нұсқасын орташа күшті қолдау',
    'hw-same-moderate': 'бір жазушы нұсқасын орташа қолдау',
    'hw-same-weak': 'бір жазушы нұсқасын әлсіз қолдау',
    'hw-neutral': 'ешбір нұсқа қолдау таппайды',
    'hw-different-weak': 'әртүрлі жазушылар нұсқасын әлсіз қолдау',
    'hw-different-moderate': 'әртүрлі жазушылар нұсқасын орташа қолдау',
    'hw-different-moderately-strong': 'әртүрлі жазушылар нұсқасын орташа күшті қолдау',
    'hw-different-strong': 'әртүрлі жазушылар нұсқасын күшті қолдау',
    'hw-different-very-strong': 'әртүрлі жазушылар нұсқасын өте күшті қолдау',
    'hw-abstained': 'шындыққа ұқсастық қатынасы берілмейді (жүйе қалыс қалды)',
  },
};

const comparisonEn: ModulePhrases = {
  subject: { '*': 'Known handwriting and the questioned page' },
  method: {
    '*': [
      'Each page was binarised, thinned to a one-pixel skeleton and cut into graphs (letters or parts of letters) at its nodes and break points; every graph was assigned to the nearest of 40 published cluster templates (CSAFE handwriter), and the share of graphs in each cluster is the writer profile. The known pages were pooled.',
      'A score comparing the two profiles was turned into a likelihood ratio with reference distributions of same-writer and different-writer scores, bounded so that it never claims more than the reference data support.',
    ],
  },
  measurements: {
    '*': [
      'Known writing: {hw.pages.known} {hw.pages.known#page} with {hw.graphs.known} {hw.graphs.known#graph}; questioned page: {hw.graphs.questioned} {hw.graphs.questioned#graph}.',
      'Similarity score {hw.score}; likelihood ratio {lr} (log10 {hw.log10Slr}).',
    ],
  },
  labels: {
    'hw.pages.known': 'known pages',
    'hw.graphs.known': 'graphs in the known writing',
    'hw.graphs.questioned': 'graphs on the questioned page',
    'hw.score': 'similarity score',
    'lr': 'likelihood ratio',
    'hw.log10Slr': 'log10 of the likelihood ratio',
  },
  words: { page: { one: 'page', other: 'pages' }, graph: { one: 'graph', other: 'graphs' } },
  conclusions: verbalScale.en,
  limitations: [
    'The likelihood ratio rests on reference data of Latin-script English writing (CSAFE); for other scripts, very short texts or unusual writing conditions it is withheld or weaker, and the examiner’s own comparison remains decisive.',
  ],
};

const comparisonRu: ModulePhrases = {
  subject: { '*': 'Образцы почерка и исследуемая страница' },
  method: {
    '*': [
      'Каждая страница была бинаризована, утончена до скелета толщиной в один пиксель и разделена на графы (буквы или их части) по узлам и точкам разрыва; каждый граф отнесён к ближайшему из 40 опубликованных шаблонов кластеров (CSAFE handwriter), а доли графов по кластерам составляют профиль пишущего. Страницы образцов объединены.',
      'Оценка сходства двух профилей переведена в отношение правдоподобия по эталонным распределениям оценок для одного и разных пишущих и ограничена так, чтобы не утверждать больше, чем позволяют эталонные данные.',
    ],
  },
  measurements: {
    '*': [
      'Образцы: {hw.pages.known} {hw.pages.known#page}, {hw.graphs.known} {hw.graphs.known#graph}; исследуемая страница: {hw.graphs.questioned} {hw.graphs.questioned#graph}.',
      'Оценка сходства {hw.score}; отношение правдоподобия {lr} (log10 {hw.log10Slr}).',
    ],
  },
  labels: {
    'hw.pages.known': 'страниц образцов',
    'hw.graphs.known': 'графов в образцах',
    'hw.graphs.questioned': 'графов на исследуемой странице',
    'hw.score': 'оценка сходства',
    'lr': 'отношение правдоподобия',
    'hw.log10Slr': 'log10 отношения правдоподобия',
  },
  words: {
    page: { one: 'страница', few: 'страницы', many: 'страниц', other: 'страницы' },
    graph: { one: 'граф', few: 'графа', many: 'графов', other: 'графа' },
  },
  conclusions: verbalScale.ru,
  limitations: [
    'Отношение правдоподобия основано на эталонных данных латинского письма на английском языке (CSAFE); для других систем письма, очень коротких текстов или необычных условий письма оно не приводится или менее надёжно, и решающим остаётся сравнительное исследование эксперта.',
  ],
};

const comparisonKk: ModulePhrases = {
  subject: { '*': 'Қолжазба үлгілері және зерттелетін бет' },
  method: {
    '*': [
      'Әр бет бинарланды, бір пиксельдік қаңқаға дейін жіңішкертілді және түйіндер мен үзілу нүктелері бойынша графтарға (әріптерге немесе олардың бөліктеріне) бөлінді; әр граф жарияланған 40 кластер үлгісінің (CSAFE handwriter) ең жақынына жатқызылды, ал графтардың кластерлер бойынша үлестері жазушының профилін құрайды. Үлгі беттері біріктірілді.',
      'Екі профильдің ұқсастық бағасы бір жазушы мен әртүрлі жазушылар бағаларының эталондық үлестірімдері бойынша шындыққа ұқсастық қатынасына айналдырылды және эталондық деректер көтере алатыннан артық тұжырым жасамайтындай шектелді.',
    ],
  },
  measurements: {
    '*': [
      'Үлгілер: {hw.pages.known} бет, {hw.graphs.known} граф; зерттелетін бет: {hw.graphs.questioned} граф.',
      'Ұқсастық бағасы {hw.score}; шындыққа ұқсастық қатынасы {lr} (log10 {hw.log10Slr}).',
    ],
  },
  labels: {
    'hw.pages.known': 'үлгі беттері',
    'hw.graphs.known': 'үлгілердегі графтар',
    'hw.graphs.questioned': 'зерттелетін беттегі графтар',
    'hw.score': 'ұқсастық бағасы',
    'lr': 'шындыққа ұқсастық қатынасы',
    'hw.log10Slr': 'шындыққа ұқсастық қатынасының log10 мәні',
  },
  words: {},
  conclusions: verbalScale.kk,
  limitations: [
    'Шындыққа ұқсастық қатынасы ағылшын тіліндегі латын жазуының эталондық деректеріне (CSAFE) негізделген; басқа жазу жүйелері, өте қысқа мәтіндер немесе әдеттен тыс жазу жағдайлары үшін ол берілмейді немесе әлсізірек, және сарапшының өз салыстыруы шешуші болып қала береді.',
  ],
};

/** How writer comparisons are summarised. */
export const writerComparisonSummary: SummaryModule = {
  module: writerComparisonMethod,
  fractionDigits: { 'hw.score': 3, lr: 2, 'hw.log10Slr': 2, 'hw.pages.known': 0, 'hw.graphs.known': 0, 'hw.graphs.questioned': 0 },
  phrases: { en: comparisonEn, ru: comparisonRu, kk: comparisonKk },
};

/** How page profiles are summarised. */
export const pageProfileSummary: SummaryModule = {
  module: pageProfileMethod,
  fractionDigits: { 'hw.graphs': 0, 'hw.clusters.filled': 0 },
  phrases: {
    en: {
      subject: { '*': 'Handwriting page' },
      method: { '*': ['The page was binarised, thinned and cut into graphs, each assigned to the nearest of 40 cluster templates (CSAFE handwriter).'] },
      measurements: { '*': ['{hw.graphs} graphs, filling {hw.clusters.filled} of the 40 clusters.'] },
      labels: { 'hw.graphs': 'graphs', 'hw.clusters.filled': 'clusters filled' },
      words: {},
      limitations: ['A profile describes the page; on its own it says nothing about who wrote it.'],
    },
    ru: {
      subject: { '*': 'Страница рукописного текста' },
      method: { '*': ['Страница была бинаризована, утончена и разделена на графы, каждый из которых отнесён к ближайшему из 40 шаблонов кластеров (CSAFE handwriter).'] },
      measurements: { '*': ['Графов: {hw.graphs}; заполнено кластеров из 40: {hw.clusters.filled}.'] },
      labels: { 'hw.graphs': 'графов', 'hw.clusters.filled': 'заполнено кластеров' },
      words: {},
      limitations: ['Профиль описывает страницу; сам по себе он ничего не говорит о том, кто её написал.'],
    },
    kk: {
      subject: { '*': 'Қолжазба беті' },
      method: { '*': ['Бет бинарланды, жіңішкертілді және графтарға бөлінді, әр граф 40 кластер үлгісінің (CSAFE handwriter) ең жақынына жатқызылды.'] },
      measurements: { '*': ['Графтар саны: {hw.graphs}; 40 кластердің {hw.clusters.filled} толтырылды.'] },
      labels: { 'hw.graphs': 'графтар', 'hw.clusters.filled': 'толтырылған кластерлер' },
      words: {},
      limitations: ['Профиль бетті сипаттайды; өздігінен ол оны кім жазғанын айтпайды.'],
    },
  },
};
