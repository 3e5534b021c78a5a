/**
 * A labelled anonymisation test set made by a seeded generator: court-text sentences in Russian and Kazakh built
 * from varied templates, with personal data of every category inserted at known offsets. Surnames are made from
 * roots and suffixes (no list the detector could share), a third of the given names are outside the detector's
 * list, and each text also holds look-alikes that must stay (case numbers, sums, article citations, 12-digit
 * numbers with a wrong checksum, court names, judges' names).
 */
import { validIinBin, type PiiCategory } from '../../main/services/corpus/anonymise/identifiers.ts';
import { seededRandom as rng } from '../../core/random.ts';

/** A span the anonymiser must replace (or, for kind 'keep', must leave). */
export interface LabelledSpan {
  readonly category: PiiCategory;
  readonly start: number;
  readonly end: number;
  readonly kind: 'replace' | 'keep';
}

/** One generated document with its labelled spans. */
export interface LabelledText {
  readonly text: string;
  readonly spans: LabelledSpan[];
}

type Part = string | { category: PiiCategory; text: string; kind?: 'replace' | 'keep' };

const surnameRoots = ['Серік', 'Нұрлан', 'Жұмаш', 'Тұрсын', 'Ахмет', 'Бекмұхамед', 'Сейіт', 'Қасым', 'Омар', 'Есім', 'Толеу', 'Жаксылык', 'Кенжеб', 'Мырзахмет', 'Садык', 'Абдрахман', 'Иван', 'Петр', 'Смирн', 'Кузнец', 'Соколь', 'Лебед', 'Козл', 'Новик', 'Морозь', 'Волк', 'Зайц', 'Павл', 'Семен', 'Голуб', 'Виноград', 'Богдан', 'Тарас', 'Федот', 'Ким', 'Пак', 'Цой', 'Юсуп', 'Рахим', 'Гарип'];
const surnameSuffixes = ['ов', 'ев', 'баев', 'беков', 'ин', 'ский'];
// Two thirds from the detector's list, a third outside it (Назгүл, Ерасыл, Тимофей's rarer peers…).
const givenMale = ['Нұрлан', 'Ерлан', 'Асқар', 'Бауыржан', 'Дамир', 'Сергей', 'Андрей', 'Дмитрий', 'Олжас', 'Марат', 'Ерасыл', 'Бекарыс', 'Ильяс', 'Азамат', 'Тимур', 'Жандарбек', 'Глеб', 'Ерсін'];
const givenFemale = ['Айгүл', 'Динара', 'Мария', 'Елена', 'Асель', 'Ольга', 'Жанар', 'Назгүл', 'Аида', 'Перизат', 'Инкар', 'Мөлдір', 'Светлана', 'Жулдыз'];
const fathers = ['Асқар', 'Серік', 'Болат', 'Иван', 'Петр', 'Марат', 'Ерлан', 'Қайрат', 'Бақыт', 'Нұрлан', 'Виктор', 'Тимур'];
const streets = ['Абая', 'Сатпаева', 'Толе би', 'Гоголя', 'Жандосова', 'Кунаева', 'Республики', 'Ленина', 'Райымбека', 'Байтурсынова'];
const courts = ['Бостандыкский районный суд г. Алматы', 'Специализированный межрайонный суд по уголовным делам г. Астаны', 'Есильский районный суд г. Астаны', 'Алматы қаласы Бостандық аудандық соты'];

type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'pre';

interface PersonName {
  readonly surname: string;
  readonly given: string;
  readonly father: string;
  readonly female: boolean;
}

function declineSurname(p: PersonName, c: Case): string {
  const base = p.surname;
  if (base.endsWith('ский')) {
    const stem = base.slice(0, -2);
    const endings = p.female ? { nom: 'ая', gen: 'ой', dat: 'ой', acc: 'ую', ins: 'ой', pre: 'ой' } : { nom: 'ий', gen: 'ого', dat: 'ому', acc: 'ого', ins: 'им', pre: 'ом' };
    return stem + endings[c];
  }
  const endings = p.female ? { nom: 'а', gen: 'ой', dat: 'ой', acc: 'у', ins: 'ой', pre: 'ой' } : { nom: '', gen: 'а', dat: 'у', acc: 'а', ins: 'ым', pre: 'е' };
  return base + endings[c];
}

function declineGiven(name: string, female: boolean, c: Case): string {
  if (female) {
    if (!/[ая]$/.test(name)) return name;
    const stem = name.slice(0, -1);
    const soft = /[гкхжшщчи]$/.test(stem) || name.endsWith('я');
    return stem + { nom: name.slice(-1), gen: soft ? 'и' : 'ы', dat: 'е', acc: name.endsWith('я') ? 'ю' : 'у', ins: name.endsWith('я') ? 'ей' : 'ой', pre: 'е' }[c];
  }
  if (name.endsWith('й')) return name.slice(0, -1) + { nom: 'й', gen: 'я', dat: 'ю', acc: 'я', ins: 'ем', pre: 'е' }[c];
  return name + { nom: '', gen: 'а', dat: 'у', acc: 'а', ins: 'ом', pre: 'е' }[c];
}

function patronymic(p: PersonName, c: Case, kazakh: boolean): string {
  if (kazakh) return p.father + (p.female ? 'қызы' : 'ұлы');
  const stem = p.father + (/[йь]$/.test(p.father) ? '' : 'о');
  const base = p.female ? `${stem}вн` : `${stem}вич`;
  return base + (p.female ? { nom: 'а', gen: 'ы', dat: 'е', acc: 'у', ins: 'ой', pre: 'е' } : { nom: '', gen: 'а', dat: 'у', acc: 'а', ins: 'ем', pre: 'е' })[c];
}

function iin(r: () => number): string {
  for (;;) {
    const y = Math.floor(r() * 100);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const body = `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${3 + Math.floor(r() * 4)}${String(Math.floor(r() * 10000)).padStart(4, '0')}`;
    for (let c = 0; c < 10; c += 1) if (validIinBin(body + c)) return body + c;
  }
}

function invalidTwelveDigits(r: () => number): string {
  for (;;) {
    const n = String(100000000000 + Math.floor(r() * 899999999999));
    if (!validIinBin(n)) return n;
  }
}

/** Makes `count` labelled documents from the seed. */
export function labelledCorpus(seed: number, count: number): LabelledText[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const newPerson = (): PersonName => {
    const female = r() < 0.45;
    const root = pick(surnameRoots);
    const suffix = pick(surnameSuffixes);
    return { surname: root + suffix, given: pick(female ? givenFemale : givenMale), father: pick(fathers), female };
  };
  const phone = () =>
    pick([
      () => `+7 7${digits(2)} ${digits(3)} ${digits(2)} ${digits(2)}`,
      () => `8 (7${digits(2)}) ${digits(3)}-${digits(2)}-${digits(2)}`,
      () => `87${digits(9)}`,
      () => `+77${digits(9)}`,
      () => `+7 (7${digits(2)}) ${digits(3)}-${digits(2)}-${digits(2)}`,
      () => `8 7${digits(2)} ${digits(3)} ${digits(4).slice(0, 2)} ${digits(2)}`,
      () => `8-7${digits(2)}-${digits(3)}-${digits(2)}-${digits(2)}`,
      () => `+7-7${digits(2)}-${digits(3)}-${digits(2)}-${digits(2)}`,
    ])();
  const email = () => `${pick(['nurlan', 'aigul.s', 'ivanov_85', 'd.petrova', 'serik1990', 'k.omarov'])}${digits(2)}@${pick(['mail.ru', 'gmail.com', 'mail.kz', 'inbox.kz', 'yandex.kz'])}`;
  const iban = () => {
    const raw = `KZ${digits(2)}${digits(3)}${Array.from({ length: 13 }, () => pick([...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ'])).join('')}`;
    return r() < 0.5 ? raw : raw.match(/.{1,4}/g)!.join(' ');
  };
  const plate = () => {
    const letters = Array.from({ length: 3 }, () => pick([...'ABCEHKMOPTXYZ'])).join('');
    const region = String(1 + Math.floor(r() * 18)).padStart(2, '0');
    return pick([`${digits(3)}${letters}${region}`, `${digits(3)} ${letters} ${region}`, `${digits(3)} ${letters.slice(0, 2)} ${region}`]);
  };
  const date = () => `${String(1 + Math.floor(r() * 28)).padStart(2, '0')}.${String(1 + Math.floor(r() * 12)).padStart(2, '0')}.${1950 + Math.floor(r() * 55)}`;
  const wordDate = () => `${1 + Math.floor(r() * 28)} ${pick(['января', 'марта', 'мая', 'июля', 'октября', 'декабря'])} ${1950 + Math.floor(r() * 55)}`;
  const address = (): string =>
    pick([
      () => `ул. ${pick(streets)}, д. ${1 + Math.floor(r() * 200)}, кв. ${1 + Math.floor(r() * 150)}`,
      () => `улица ${pick(streets)} ${1 + Math.floor(r() * 200)}-${1 + Math.floor(r() * 150)}`,
      () => `мкр. Самал-${1 + Math.floor(r() * 3)}, дом ${1 + Math.floor(r() * 90)}, кв. ${1 + Math.floor(r() * 99)}`,
      () => `проспект ${pick(streets)}, ${1 + Math.floor(r() * 200)}`,
    ])();
  const kzAddress = () => `${pick(['Абай', 'Сәтбаев', 'Төле би', 'Жамбыл'])} көшесі, ${1 + Math.floor(r() * 200)}-үй, ${1 + Math.floor(r() * 150)}-пәтер`;

  const out: LabelledText[] = [];
  for (let n = 0; n < count; n += 1) {
    const kazakh = r() < 0.3;
    const defendant = newPerson();
    const victim = newPerson();
    const witness = newPerson();
    const judge = newPerson();
    const P = (p: PersonName, c: Case, form: 'full' | 'initials' | 'initials-first' | 'surname' | 'given-surname'): Part => {
      const initials = `${p.given[0]}.${p.father[0]}.`;
      const text =
        form === 'full'
          ? `${declineSurname(p, c)} ${declineGiven(p.given, p.female, c)} ${patronymic(p, c, kazakh || r() < 0.3)}`
          : form === 'initials'
            ? `${declineSurname(p, c)} ${initials}`
            : form === 'initials-first'
              ? `${initials} ${declineSurname(p, c)}`
              : form === 'given-surname'
                ? `${declineGiven(p.given, p.female, c)} ${declineSurname(p, c)}`
                : declineSurname(p, c);
      return { category: 'PERSON', text };
    };
    const J = (p: PersonName): Part => ({ category: 'PERSON', text: `${declineSurname(p, 'nom')} ${p.given[0]}.${p.father[0]}.`, kind: 'keep' });
    const X = (category: PiiCategory, text: string): Part => ({ category, text });
    const caseNo = `№ 1-${100 + Math.floor(r() * 900)}/${2020 + Math.floor(r() * 6)}`;
    const sum = `${1 + Math.floor(r() * 900)} ${digits(3)} тенге`;
    const sentences: Part[][] = kazakh
      ? [
          [`${pick(courts)}, төрағалық етуші судья `, J(judge), `, ${caseNo} қылмыстық істі қарап, `],
          ['сотталушы ', { category: 'PERSON', text: `${defendant.surname} ${defendant.given} ${patronymic(defendant, 'nom', true)}` }, ', ', X('BIRTHDATE', date()), ' жылы туған, ЖСН ', X('IIN', iin(r)), ', мекенжайы: ', X('ADDRESS', kzAddress()), ', тел.: ', X('PHONE', phone()), '.'],
          ['Жәбірленуші ', { category: 'PERSON', text: `${victim.surname} ${victim.given}` }, ' ', sum, ' залал келтірілгенін көрсетті, шот ', X('IBAN', iban()), '.'],
          ['Куә ', P(witness, 'nom', 'initials'), ' электрондық пошта ', X('EMAIL', email()), ' арқылы хабарласты; жеке куәлік № ', X('DOCUMENT', `0${digits(8)}`), '.'],
          ['ҚК-нің 188-бабының 2-бөлігі бойынша, іс нөмірі ', invalidTwelveDigits(r), ', ', X('PLATE', plate()), ' мемлекеттік нөмірлі көлік.'],
          [{ category: 'PERSON', text: `${defendant.surname}${pick(['тың', 'қа', 'ты', 'пен'])}` }, ' кінәсі дәлелденді; «Береке Құрылыс» ЖШС ', `${date()} ж. оқиға болды, `, { category: 'PERSON', text: `${victim.given} ${victim.surname}` }, ' ', `${sum} талап етті.`],
        ]
      : [
          [`${pick(courts)} в составе председательствующего судьи `, J(judge), `, рассмотрев уголовное дело ${caseNo} в отношении `, P(defendant, 'gen', 'full'), ', ', X('BIRTHDATE', pick([date, wordDate])()), ' года рождения, ИИН ', X('IIN', iin(r)), ', проживающего по адресу: г. Алматы, ', X('ADDRESS', address()), ','],
          ['Подсудимый ', P(defendant, 'nom', 'surname'), ' вину признал. Потерпевш', victim.female ? 'ая ' : 'ий ', P(victim, 'nom', pick(['initials', 'full', 'given-surname'] as const)), ' пояснил', victim.female ? 'а' : '', `, что ущерб составил ${sum}, перечисленных на счёт `, X('IBAN', iban()), '.'],
          ['Допрошенный в качестве свидетеля ', P(witness, 'nom', pick(['initials', 'initials-first', 'full'] as const)), ' показал, что видел автомашину с госномером ', X('PLATE', plate()), ', связь с ним по телефону ', X('PHONE', phone()), ' и e-mail ', X('EMAIL', email()), '.'],
          ['Личность подсудимого установлена по удостоверению личности № ', X('DOCUMENT', `0${digits(8)}`), `; по ч. 2 ст. 188 УК РК, номер дела ${invalidTwelveDigits(r)}.`],
          ['Показания ', P(victim, 'gen', 'initials'), ' согласуются с показаниями ', P(witness, 'gen', 'surname'), ' и с материалами дела; суд приговорил ', P(defendant, 'acc', 'initials'), '.'],
          [P(witness, 'nom', 'initials'), ` пояснил, что ${date()} около 14 часов встретился с `, P(defendant, 'ins', pick(['initials', 'surname'] as const)), ' у здания АО «Народный банк Казахстана»; Верховный Суд Республики Казахстан, тел. ', X('PHONE', phone()), ', гражданин ', P(newPerson(), 'nom', pick(['full', 'initials'] as const)), ' — владелец ТОО «Алма Строй».'],
        ];
    let text = '';
    const spans: LabelledSpan[] = [];
    for (const sentence of sentences) {
      for (const part of sentence) {
        if (typeof part === 'string') text += part;
        else {
          spans.push({ category: part.category, start: text.length, end: text.length + part.text.length, kind: part.kind ?? 'replace' });
          text += part.text;
        }
      }
      text += ' ';
    }
    out.push({ text: text.trimEnd(), spans });
  }
  return out;
}
