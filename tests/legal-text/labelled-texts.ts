/**
 * A seeded generator of labelled indictments, sentences and civil claims in Russian, Kazakh and English, written
 * from varied templates: each text comes with the facts a reader would take from it, so the extractors' precision
 * and recall can be measured per field.
 */
import { seededRandom } from '../../core/random.ts';
/** Deterministic uniform random numbers in [0, 1): the project's one seeded generator. */
export { seededRandom };

/** A labelled text: the facts it states, by field (several values for checklists). */
export interface LabelledText {
  readonly template: string;
  readonly caseType: 'kz-criminal' | 'kz-civil-contract';
  readonly text: string;
  readonly expected: Readonly<Record<string, readonly (string | number | boolean)[]>>;
}

const ruOnes = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const ruTens = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const ruHundreds = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

function ruBelowThousand(n: number, feminine: boolean): string[] {
  const words: string[] = [];
  if (n >= 100) words.push(ruHundreds[Math.floor(n / 100)]!);
  const rest = n % 100;
  if (rest >= 20) {
    words.push(ruTens[Math.floor(rest / 10)]!);
    if (rest % 10) words.push(ruOnes[rest % 10]!);
  } else if (rest > 0) words.push(ruOnes[rest]!);
  if (feminine && words.length) {
    const last = words[words.length - 1]!;
    if (last === 'один') words[words.length - 1] = 'одна';
    if (last === 'два') words[words.length - 1] = 'две';
  }
  return words;
}

function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod100 = n % 100;
  const mod10 = n % 10;
  if (mod100 >= 11 && mod100 <= 14) return many;
  if (mod10 === 1) return one;
  if (mod10 >= 2 && mod10 <= 4) return few;
  return many;
}

/** A whole number in Russian words (nominative). */
export function ruWords(n: number): string {
  if (n === 0) return 'ноль';
  const words: string[] = [];
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const rest = n % 1000;
  if (millions) words.push(...ruBelowThousand(millions, false), ruPlural(millions, 'миллион', 'миллиона', 'миллионов'));
  if (thousands) words.push(...ruBelowThousand(thousands, true), ruPlural(thousands, 'тысяча', 'тысячи', 'тысяч'));
  if (rest) words.push(...ruBelowThousand(rest, false));
  return words.join(' ');
}

const kkOnes = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const kkTens = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];

function kkBelowThousand(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) {
    if (Math.floor(n / 100) > 1) words.push(kkOnes[Math.floor(n / 100)]!);
    words.push('жүз');
  }
  const rest = n % 100;
  if (rest >= 10) words.push(kkTens[Math.floor(rest / 10)]!);
  if (rest % 10) words.push(kkOnes[rest % 10]!);
  return words;
}

/** A whole number in Kazakh words. */
export function kkWords(n: number): string {
  const words: string[] = [];
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const rest = n % 1000;
  if (millions) words.push(...kkBelowThousand(millions), 'миллион');
  if (thousands) words.push(...kkBelowThousand(thousands), 'мың');
  if (rest) words.push(...kkBelowThousand(rest));
  return words.join(' ');
}

const enOnes = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const pad = (n: number) => String(n).padStart(2, '0');
const ruMonthsGen = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const kkMonthsLoc = ['қаңтарда', 'ақпанда', 'наурызда', 'сәуірде', 'мамырда', 'маусымда', 'шілдеде', 'тамызда', 'қыркүйекте', 'қазанда', 'қарашада', 'желтоқсанда'];
const kkMonthsAttr = ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'];
const kkMonthsTo = ['қаңтарға', 'ақпанға', 'наурызға', 'сәуірге', 'мамырға', 'маусымға', 'шілдеге', 'тамызға', 'қыркүйекке', 'қазанға', 'қарашаға', 'желтоқсанға'];
const enMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}
const iso = (day: Day) => `${day.y}-${pad(day.m)}-${pad(day.d)}`;

class Writer {
  constructor(private readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  day(year: number): Day {
    return { y: year, m: this.int(1, 12), d: this.int(1, 28) };
  }
  money(lo: number, hi: number): number {
    return this.int(lo / 1000, hi / 1000) * 1000;
  }
  ruDate(day: Day): string {
    return this.pick([`${pad(day.d)}.${pad(day.m)}.${day.y}`, `${day.d} ${ruMonthsGen[day.m - 1]} ${day.y} года`, `«${day.d}» ${ruMonthsGen[day.m - 1]} ${day.y} г.`]);
  }
  ruMoney(n: number): string {
    return this.pick([`${group(n)} тенге`, `${group(n)} (${ruWords(n)}) тенге`, `${n} тг.`]);
  }
  kkMoney(n: number): string {
    return this.pick([`${group(n)} теңге`, `${group(n)} (${kkWords(n)}) теңге`]);
  }
  ruTerm(months: number): string {
    const y = Math.floor(months / 12);
    const m = months % 12;
    const years = y ? this.pick([`${y} (${ruWords(y)}) ${ruPlural(y, 'год', 'года', 'лет')}`, `${y} ${ruPlural(y, 'год', 'года', 'лет')}`]) : '';
    const mons = m ? `${m} (${ruWords(m)}) ${ruPlural(m, 'месяц', 'месяца', 'месяцев')}` : '';
    return [years, mons].filter(Boolean).join(' ');
  }
  kkTerm(months: number): string {
    const y = Math.floor(months / 12);
    const m = months % 12;
    const words = this.chance(0.5);
    const years = y ? (words ? `${kkWords(y)} жыл` : `${y} (${kkWords(y)}) жыл`) : '';
    const mons = m ? (words ? `${kkWords(m)} ай` : `${m} (${kkWords(m)}) ай`) : '';
    return [years, mons].filter(Boolean).join(' ');
  }
}

const offences: ReadonlyArray<{ article: string; parts: number[]; ru: string; kk: string; en: string }> = [
  { article: '188', parts: [1, 2, 3], ru: 'кража', kk: 'ұрлық', en: 'theft' },
  { article: '190', parts: [1, 2, 3], ru: 'мошенничество', kk: 'алаяқтық', en: 'fraud' },
  { article: '191', parts: [1, 2], ru: 'грабеж', kk: 'тонау', en: 'robbery' },
  { article: '192', parts: [1, 2], ru: 'разбой', kk: 'қарақшылық', en: 'armed robbery' },
  { article: '189', parts: [1, 2], ru: 'присвоение или растрата вверенного чужого имущества', kk: 'сеніп тапсырылған бөтен мүлікті иемденіп алу', en: 'embezzlement' },
];

type Expected = Record<string, (string | number | boolean)[]>;

function criminalRu(w: Writer, sentence: boolean): LabelledText {
  const offence = w.pick(offences);
  const part = w.pick(offence.parts);
  const paragraph = part > 1 && w.chance(0.5) ? w.int(1, 4) : null;
  const damage = w.money(30_000, 3_000_000);
  const year = w.int(2021, 2025);
  const when = w.day(year);
  const priors = w.pick([0, 0, 1, 2, 3]);
  const plea = w.chance(0.7);
  const compensation = w.pick(['full', 'partial', 'none'] as const);
  const reconciled = w.chance(0.3);
  const agreement = !reconciled && w.chance(0.25);
  const expected: Expected = { article: [offence.article], part: [part], damageKzt: [damage], priorConvictions: [priors], guiltyPlea: [plea], damageCompensated: [compensation] };
  if (paragraph !== null) expected.paragraph = [String(paragraph)];
  const cite = w.pick([
    `${paragraph ? `п. ${paragraph} ` : ''}ч. ${part} ст. ${offence.article} УК РК`,
    `${paragraph ? `пунктом ${paragraph} ` : ''}частью ${part} статьи ${offence.article} Уголовного кодекса Республики Казахстан`,
    `${paragraph ? `п.${paragraph} ` : ''}ч.${part} ст.${offence.article} УК`,
  ]);
  const priorsText =
    priors === 0
      ? w.pick(['ранее не судимый', 'ранее не судим', 'не имеющий судимости'])
      : priors === 1
        ? w.pick(['ранее судимый 15.02.2019 по ч. 1 ст. 188 УК РК к штрафу', 'ранее однажды судимый'])
        : w.pick([`ранее ${['', '', 'дважды', 'трижды'][priors]} судимый`, `имеющий ${priors} непогашенные судимости`]);
  const pleaText = plea ? w.pick(['Вину в совершении преступления признал полностью', 'Подсудимый вину признал', 'Обвиняемый полностью признал свою вину']) : w.pick(['Вину не признал', 'Подсудимый вину в предъявленном обвинении не признал']);
  const compText = { full: w.pick(['Ущерб возмещен в полном объеме', 'Причиненный ущерб полностью возместил']), partial: w.pick(['Ущерб возмещен частично', 'Частично возместил причиненный ущерб']), none: w.pick(['Ущерб не возмещен', 'Причиненный ущерб потерпевшему не возмещен']) }[compensation];
  const reconText = reconciled ? ' Потерпевший заявил ходатайство о примирении с подсудимым.' : '';
  const agreementText = agreement ? ' С обвиняемым заключено процессуальное соглашение о признании вины.' : '';
  if (reconciled) expected.reconciliation = [true];
  if (agreement) expected.proceduralAgreement = [true];
  const recid = priors >= 2 && w.chance(0.5) ? w.pick(['recidivism', 'dangerous'] as const) : null;
  const recidText = recid ? ` Обстоятельством, отягчающим ответственность, признается ${recid === 'dangerous' ? 'опасный рецидив' : 'рецидив преступлений'}.` : '';
  if (recid) expected.recidivism = [recid];
  // Circumstances of art. 53 and 54 in the courts' words, listed in the order the extractor's items run.
  const mitigation = w.chance(0.4)
    ? w.pick([
        { text: ' Обстоятельствами, смягчающими наказание, суд признает чистосердечное раскаяние и наличие малолетнего ребенка.', items: ['53.1.4', '53.1.11'] },
        { text: ' Смягчающим обстоятельством является явка с повинной.', items: ['53.1.11'] },
        { text: ' Подсудимый добровольно возместил ущерб и активно способствовал раскрытию преступления.', items: ['53.1.6', '53.1.11'] },
      ])
    : null;
  const drunk = w.chance(0.2);
  if (mitigation) expected.mitigating = mitigation.items;
  if (drunk) expected.aggravating = ['54.1.12'];
  const circumstancesText = `${mitigation?.text ?? ''}${drunk ? ' Преступление совершено в состоянии алкогольного опьянения.' : ''}`;
  const story = w.pick([
    `${w.ruDate(when)} около ${w.int(1, 23)} часов, находясь по адресу: г. Алматы, ул. Абая, д. ${w.int(1, 200)}, тайно похитил имущество потерпевшего стоимостью ${w.ruMoney(damage)}, причинив ему ущерб на указанную сумму`,
    `${w.ruDate(when)} путем обмана завладел денежными средствами потерпевшей, причинив ей материальный ущерб на общую сумму ${w.ruMoney(damage)}`,
    `в период с ${w.ruDate(when)} совершил хищение, причинив потерпевшему ущерб в размере ${w.ruMoney(damage)}`,
  ]);
  const head = sentence ? 'ПРИГОВОР ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН\nСпециализированный межрайонный суд по уголовным делам города Алматы, рассмотрев уголовное дело в отношении' : 'ОБВИНИТЕЛЬНЫЙ АКТ\nпо уголовному делу в отношении';
  let text = `${head} Ахметова Б.С., ${w.int(1, 28)}.0${w.int(1, 9)}.19${w.int(70, 99)} года рождения, ${priorsText}, обвиняемого в совершении уголовного правонарушения, предусмотренного ${cite}.\nУстановлено: ${story}. ${pleaText}. ${compText}.${reconText}${agreementText}${recidText}${circumstancesText}\n`;
  if (sentence) {
    const kind = w.pick(['imprisonment', 'fine', 'suspended', 'restriction-of-freedom'] as const);
    expected.punishment = [kind];
    if (kind === 'fine') {
      const mrp = w.int(50, 2000);
      expected.fineMrp = [mrp];
      text += `ПРИГОВОРИЛ: признать Ахметова Б.С. виновным и назначить ему наказание в виде штрафа в размере ${w.pick([`${mrp} МРП`, `${mrp} (${ruWords(mrp)}) месячных расчетных показателей`])}.`;
    } else {
      const months = w.int(1, 8) * 12 + w.pick([0, 0, 6, 3]);
      expected.termMonths = [months];
      const what = kind === 'restriction-of-freedom' ? 'ограничения свободы' : 'лишения свободы';
      const tail = kind === 'suspended' ? ', которое в соответствии со ст. 63 УК РК считать условным' : ' с отбыванием в учреждении уголовно-исполнительной системы средней безопасности';
      text += `ПРИГОВОРИЛ: признать Ахметова Б.С. виновным в совершении преступления, предусмотренного ${cite}, и назначить наказание в виде ${what} сроком на ${w.ruTerm(months)}${tail}.`;
    }
    text += `\n${w.ruDate({ y: year + 1, m: w.int(1, 12), d: w.int(1, 28) })}`;
  } else {
    text += `Обвинительный акт составлен ${w.ruDate({ y: year, m: when.m, d: when.d })}.`;
  }
  return { template: sentence ? 'criminal-sentence-ru' : 'criminal-indictment-ru', caseType: 'kz-criminal', text, expected };
}

function criminalKk(w: Writer, sentence: boolean): LabelledText {
  const offence = w.pick(offences);
  const part = w.pick(offence.parts);
  const damage = w.money(30_000, 3_000_000);
  const year = w.int(2021, 2025);
  const when = w.day(year);
  const priors = w.pick([0, 0, 1, 2]);
  const plea = w.chance(0.7);
  const compensation = w.pick(['full', 'partial', 'none'] as const);
  const reconciled = w.chance(0.3);
  const expected: Expected = { article: [offence.article], part: [part], damageKzt: [damage], priorConvictions: [priors], guiltyPlea: [plea], damageCompensated: [compensation] };
  const cite = w.pick([`ҚР ҚК-нің ${offence.article}-бабының ${part}-бөлігі`, `Қазақстан Республикасы Қылмыстық кодексінің ${offence.article}-бабы ${part}-бөлігі`, `ҚК ${offence.article}-баптың ${part}-бөлігі`]);
  const priorsText = priors === 0 ? w.pick(['бұрын сотталмаған', 'соттылығы жоқ']) : priors === 1 ? 'бұрын сотталған' : `бұрын ${kkWords(priors)} рет сотталған`;
  const pleaText = plea ? w.pick(['Сотталушы кінәсін толық мойындады', 'Айыпталушы кінәсін мойындады']) : w.pick(['Сотталушы кінәсін мойындамады', 'Айыпталушы кінәсін мойындамай, айыптауды жоққа шығарды']);
  const compText = { full: 'Келтірілген залал толық өтелді', partial: 'Залал ішінара өтелді', none: 'Залал өтелмеген' }[compensation];
  if (reconciled) expected.reconciliation = [true];
  const dateText = w.pick([`${year} жылғы ${when.d} ${kkMonthsLoc[when.m - 1]}`, `${pad(when.d)}.${pad(when.m)}.${year} ж.`]);
  const mitigation = w.chance(0.4) ? w.pick([
    { text: ' Жазаны жеңілдететін мән-жайлар ретінде шын өкінуі және жас балаларының болуы ескерілді.', items: ['53.1.4', '53.1.11'] },
    { text: ' Сотталушы қылмыстың ашылуына белсенді жәрдемдесті.', items: ['53.1.11'] },
  ]) : null;
  const drunk = w.chance(0.2);
  if (mitigation) expected.mitigating = mitigation.items;
  if (drunk) expected.aggravating = ['54.1.12'];
  let text = `${sentence ? 'ҮКІМ\nАлматы қаласының қылмыстық істер жөніндегі мамандандырылған ауданаралық соты' : 'АЙЫПТАУ АКТІСІ'}\n${priorsText} Серікбаев Н.Қ. ${cite} бойынша ${offence.kk} жасағаны үшін айыпталады. Ол ${dateText} жәбірленушінің ${w.kkMoney(damage)} тұратын мүлкін ұрлап, жәбірленушіге ${w.pick(['залал', 'материалдық залал'])} келтірді. ${pleaText}. ${compText}.${reconciled ? ' Сотталушы жәбірленушімен татуласты.' : ''}${mitigation?.text ?? ''}${drunk ? ' Қылмысты мас күйінде жасады.' : ''}\n`;
  if (sentence) {
    const kind = w.pick(['imprisonment', 'fine', 'suspended'] as const);
    expected.punishment = [kind];
    if (kind === 'fine') {
      const mrp = w.int(50, 1000);
      expected.fineMrp = [mrp];
      text += `Сот Серікбаев Н.Қ.-ға ${mrp} АЕК мөлшерінде айыппұл түріндегі жаза тағайындады.`;
    } else {
      const months = w.int(1, 7) * 12 + w.pick([0, 6]);
      expected.termMonths = [months];
      text += kind === 'suspended'
        ? `Сот оған ${w.kkTerm(months)} мерзімге бас бостандығынан айыру жазасын тағайындап, оны шартты түрде деп есептеді.`
        : `Сот оған ${w.kkTerm(months)} мерзімге бас бостандығынан айыру түріндегі жаза тағайындады.`;
    }
  }
  return { template: sentence ? 'criminal-sentence-kk' : 'criminal-indictment-kk', caseType: 'kz-criminal', text, expected };
}

function criminalEn(w: Writer): LabelledText {
  const offence = w.pick(offences);
  const part = w.pick(offence.parts);
  const damage = w.money(50_000, 2_000_000);
  const priors = w.pick([0, 1, 2]);
  const plea = w.chance(0.6);
  const expected: Expected = { article: [offence.article], part: [part], damageKzt: [damage], priorConvictions: [priors], guiltyPlea: [plea] };
  const when = w.day(w.int(2022, 2025));
  const cite = w.pick([`Article ${offence.article}(${part}) of the Criminal Code`, `part ${part} of Article ${offence.article} of the Criminal Code of the Republic of Kazakhstan`]);
  const priorsText = priors === 0 ? 'has no previous convictions' : `has ${enOnes[priors]} previous conviction${priors > 1 ? 's' : ''}`;
  const text = `INDICTMENT\nThe accused, who ${priorsText}, is charged with ${offence.en} under ${cite}. On ${when.d} ${enMonths[when.m - 1]} ${when.y} he took property worth KZT ${group(damage)}, causing damage in that amount. He ${plea ? 'pleaded guilty' : 'pleaded not guilty'}.`;
  return { template: 'criminal-indictment-en', caseType: 'kz-criminal', text, expected };
}

const docRu: Readonly<Record<string, string>> = { contract: 'копия договора', invoice: 'счета-фактуры', 'acceptance-act': 'акты приема-передачи товара', 'payment-order': 'платежное поручение', 'reconciliation-act': 'акт сверки взаиморасчетов', 'claim-letter': 'претензия от', correspondence: 'переписка сторон' };
const docKk: Readonly<Record<string, string>> = { invoice: 'шот-фактуралар', 'acceptance-act': 'қабылдау-тапсыру актісі', 'payment-order': 'төлем тапсырмасы', 'reconciliation-act': 'салыстыру актісі', 'claim-letter': 'талап-хат', correspondence: 'хат алмасу' };
const docEn: Readonly<Record<string, string>> = { invoice: 'invoices', 'acceptance-act': 'acceptance certificates', 'payment-order': 'payment order', 'reconciliation-act': 'reconciliation statement', 'claim-letter': 'demand letter', correspondence: 'correspondence' };

function attachments(w: Writer, names: Readonly<Record<string, string>>): string[] {
  return Object.keys(names).filter((k) => k !== 'contract' && w.chance(0.5));
}

function civilRu(w: Writer): LabelledText {
  const claim = w.money(200_000, 30_000_000);
  const penalty = w.chance(0.6) ? w.money(10_000, claim / 5) : null;
  const contract = w.day(w.int(2019, 2023));
  const due = { y: contract.y + 1, m: w.int(1, 12), d: w.int(1, 28) };
  const filed = { y: due.y + w.int(0, 2), m: w.int(1, 12), d: w.int(1, 28) };
  const filedDay = iso(filed) > iso(due) ? filed : { ...due, y: due.y + 1 };
  const docs = attachments(w, docRu);
  const simplified = w.chance(0.3);
  const limitation = w.chance(0.3);
  const kind = w.pick(['поставки', 'подряда', 'оказания услуг', 'займа']);
  // The claim is written as the debt and its penalty, as those with their total, or as a sum that includes the penalty;
  // the schema's claim is the whole sum in every case.
  const phrasing = penalty ? w.pick(['separate', 'total', 'included'] as const) : 'separate';
  const expected: Expected = {
    claimAmountKzt: [claim + (penalty ?? 0)],
    contractDate: [iso(contract)],
    breachDate: [iso(due)],
    monthsSinceBreach: [(filedDay.y - due.y) * 12 + (filedDay.m - due.m) - (filedDay.d < due.d ? 1 : 0)],
    documents: ['contract', ...docs],
  };
  if (penalty) expected.penaltyClaimedKzt = [penalty];
  if (simplified) expected.simplifiedProcedure = [true];
  if (limitation) expected.limitationInvoked = [true];
  // What the defence did after the claim: asked to reduce the penalty, paid part of the debt.
  const reduction = penalty !== null && w.chance(0.4);
  const paid = w.chance(0.3) ? w.money(10_000, claim / 2) : null;
  if (reduction) expected.penaltyReductionRequested = [true];
  if (paid) expected.paidAfterClaimKzt = [paid];
  const header = w.pick(['В Специализированный межэкономический суд города Астаны', 'В Медеуский районный суд города Алматы']);
  const text = [
    `${header}\nИстец: ТОО «Тау-Сервис»\nОтветчик: ТОО «Береке Трейд»\nИСКОВОЕ ЗАЯВЛЕНИЕ о взыскании задолженности`,
    `Между истцом и ответчиком заключен договор ${kind} № ${w.int(1, 300)} от ${w.ruDate(contract)}. По условиям договора ответчик обязался произвести оплату до ${w.ruDate(due)}, однако обязательство не исполнил.`,
    `Истец направил ответчику претензию, оставленную без ответа. ${limitation ? 'Ответчик в отзыве заявил о пропуске срока исковой давности. ' : ''}`,
    phrasing === 'included'
      ? `На основании ст. 272 и ст. 353 ГК РК прошу взыскать с ответчика задолженность в размере ${w.ruMoney(claim + penalty!)}, в том числе неустойку в размере ${w.ruMoney(penalty!)}, и расходы по оплате государственной пошлины в размере ${group(w.money(10_000, 90_000))} тенге.`
      : `На основании ст. 272 и ст. 353 ГК РК прошу взыскать с ответчика сумму основного долга в размере ${w.ruMoney(claim)}${penalty ? `, а также неустойку в размере ${w.ruMoney(penalty)}` : ''}${phrasing === 'total' ? `, всего ${w.ruMoney(claim + penalty!)}` : ''}, и расходы по оплате государственной пошлины в размере ${group(w.money(10_000, 90_000))} тенге.`,
    simplified ? 'Прошу рассмотреть дело в порядке упрощенного (письменного) производства.' : '',
    reduction ? 'В отзыве на иск ответчик просил уменьшить неустойку по ст. 297 ГК РК как несоразмерную.' : '',
    paid ? `После подачи иска ответчик частично погасил долг, перечислив ${w.ruMoney(paid)}.` : '',
    `Приложение: ${['contract', ...docs].map((d) => docRu[d]).join('; ')}.`,
    `Дата: ${w.ruDate(filedDay)}`,
  ].filter(Boolean).join('\n');
  // "претензию" in the body names a claim letter whether or not it is attached.
  if (!docs.includes('claim-letter')) expected.documents = [...expected.documents!, 'claim-letter'];
  return { template: 'civil-claim-ru', caseType: 'kz-civil-contract', text, expected };
}

function civilKk(w: Writer): LabelledText {
  const claim = w.money(200_000, 20_000_000);
  const penalty = w.chance(0.5) ? w.money(10_000, claim / 5) : null;
  const contract = w.day(w.int(2019, 2023));
  const due = { y: contract.y + 1, m: w.int(1, 12), d: w.int(1, 28) };
  const filed = { y: due.y + 1, m: w.int(1, 12), d: w.int(1, 28) };
  const docs = attachments(w, docKk);
  const total = penalty !== null && w.chance(0.5);
  const expected: Expected = {
    claimAmountKzt: [claim + (penalty ?? 0)],
    contractDate: [iso(contract)],
    breachDate: [iso(due)],
    monthsSinceBreach: [(filed.y - due.y) * 12 + (filed.m - due.m) - (filed.d < due.d ? 1 : 0)],
    documents: ['contract', ...docs],
  };
  if (penalty) expected.penaltyClaimedKzt = [penalty];
  const text = [
    'Астана қаласының мамандандырылған ауданаралық экономикалық сотына\nТалап қоюшы: «Нұр Құрылыс» ЖШС\nЖауапкер: «Алтын Дән» ЖШС\nТАЛАП ҚОЮ АРЫЗЫ',
    `Тараптар арасында ${contract.y} жылғы ${contract.d} ${kkMonthsAttr[contract.m - 1]} № ${w.int(1, 99)} жеткізу шарты жасалды. Жауапкер төлемді ${due.y} жылғы ${due.d} ${kkMonthsTo[due.m - 1]} дейін төлеуге міндеттенді, бірақ міндеттемені орындамады.`,
    `Жауапкерден негізгі қарыз ${w.kkMoney(claim)}${penalty ? ` және тұрақсыздық айыбы ${w.kkMoney(penalty)}` : ''}${total ? `, барлығы ${w.kkMoney(claim + penalty!)}` : ''} өндіріп беруді сұраймын.`,
    docs.length ? `Қосымша: ${docs.map((d) => docKk[d]).join(', ')}.` : '',
    `${filed.y} жылғы ${filed.d} ${kkMonthsLoc[filed.m - 1]}`,
  ].filter(Boolean).join('\n');
  return { template: 'civil-claim-kk', caseType: 'kz-civil-contract', text, expected };
}

function civilEn(w: Writer): LabelledText {
  const claim = w.money(200_000, 20_000_000);
  const contract = w.day(w.int(2019, 2023));
  const due = { y: contract.y + 1, m: w.int(1, 12), d: w.int(1, 28) };
  const filed = { y: due.y + 1, m: w.int(1, 12), d: w.int(1, 28) };
  const docs = attachments(w, docEn);
  const expected: Expected = {
    claimAmountKzt: [claim],
    contractDate: [iso(contract)],
    breachDate: [iso(due)],
    monthsSinceBreach: [(filed.y - due.y) * 12 + (filed.m - due.m) - (filed.d < due.d ? 1 : 0)],
    documents: ['contract', ...docs],
  };
  const text = [
    'STATEMENT OF CLAIM\nClaimant: Steppe Logistics LLP\nRespondent: Orda Foods LLP',
    `Under the supply contract No. ${w.int(1, 99)} dated ${enMonths[contract.m - 1]} ${contract.d}, ${contract.y} the respondent had to pay no later than ${due.d} ${enMonths[due.m - 1]} ${due.y}, but did not pay.`,
    `The claimant asks the court to recover the principal debt of KZT ${group(claim)} from the respondent.`,
    docs.length ? `Attached: ${docs.map((d) => docEn[d]).join(', ')}.` : '',
    `Dated ${filed.d} ${enMonths[filed.m - 1]} ${filed.y}`,
  ].filter(Boolean).join('\n');
  return { template: 'civil-claim-en', caseType: 'kz-civil-contract', text, expected };
}

/** The labelled set: `count` texts from all templates in turn, reproducible from the seed. */
export function labelledTexts(seed = 16, count = 80): LabelledText[] {
  const w = new Writer(seededRandom(seed));
  const makers: ReadonlyArray<() => LabelledText> = [
    () => criminalRu(w, false),
    () => criminalRu(w, true),
    () => criminalKk(w, false),
    () => criminalKk(w, true),
    () => criminalEn(w),
    () => civilRu(w),
    () => civilKk(w),
    () => civilEn(w),
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}
