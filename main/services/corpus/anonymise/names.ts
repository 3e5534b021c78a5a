/**
 * Personal names in Russian and Kazakh court texts: surname with initials ("Иванов И.И.", "И.И. Иванову"), full
 * names in any case ending ("Серікбаева Нұрлана Асқаровича", "Ахметова Айгүл Серікқызы", "Серікбаев Нұрланның"),
 * and later mentions of a surname already found. Surnames and patronymics are recognised by their suffixes, given
 * names by a list (first-names.ts); a lone capitalised word is a person only after a role word ("подсудимый
 * Иванов") or when its surname was already found. Every mention of one person gets one key, and the role the text
 * gives them at any mention.
 */
import { firstNames } from './first-names.ts';
import type { Detection } from './identifiers.ts';

const upper = 'А-ЯЁӘҒҚҢӨҰҮҺІ';
const lower = 'а-яёәғқңөұүһі';
const token = new RegExp(`(?<![${upper}${lower}A-Za-z])[${upper}](?:\\.|[${lower}]+(?:-[${upper}]?[${lower}]+)?)`, 'gu');

const russianCase = '(?:а|у|ым|ом|е|ой|ою|ых|ыми|ого|ому|им|ую|ая|ий|ый|ой)?';
const kazakhCase = '(?:тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|на|не|ты|ті|ды|ді|ны|ні|та|те|да|де|нда|нде|тан|тен|дан|ден|нан|нен|пен|бен|мен)?';
const surnameRe = new RegExp(`^[${upper}][${lower}]+(?:ов|ев|ёв|ин|ын|ский|цкий|ск|цк|енко|ук|юк|дзе|швили|ян|бай|баев|беков|улин)(?:а)?${russianCase}${kazakhCase}$`, 'u');
const patronymicRe = new RegExp(`^[${upper}][${lower}]+(?:ович|евич|ич|овн|евн|ичн|инич)(?:а|у|ем|ом|е|ы|ой|у|на|ны|не|ну|ной)?$|^[${upper}][${lower}]+(?:ұлы|улы|қызы|кызы)${kazakhCase}$`, 'u');

const caseEndings = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ой', 'ей', 'ою', 'ую', 'ым', 'им', 'ом', 'ем', 'ах', 'ях', 'а', 'у', 'е', 'ы', 'и', 'ю', 'я', 'ның', 'нің', 'тың', 'тің', 'дың', 'дің', 'ға', 'ге', 'қа', 'ке', 'ны', 'ні', 'ты', 'ті', 'ды', 'ді', 'да', 'де', 'та', 'те', 'нан', 'нен', 'дан', 'ден', 'тан', 'тен', 'мен', 'бен', 'пен', 'ға', 'на', 'не'];
const givenNames = new Set(firstNames.map((n) => n.toLowerCase()));

/** Whether a capitalised word is a given name in some case form ("Нұрлана", "Айгүлге", "Ивану"). */
export function isGivenName(word: string): boolean {
  const w = word.toLowerCase();
  if (givenNames.has(w)) return true;
  for (const ending of caseEndings) {
    if (!w.endsWith(ending) || w.length - ending.length < 3) continue;
    const stem = w.slice(0, -ending.length);
    if (givenNames.has(stem) || givenNames.has(`${stem}а`) || givenNames.has(`${stem}я`) || givenNames.has(`${stem}й`) || givenNames.has(`${stem}ь`)) return true;
  }
  return false;
}

/** A surname's key, the same in every case form: lower-cased with case endings (and the feminine -а) taken off. */
export function surnameKey(word: string): string {
  let w = word.toLowerCase();
  for (const ending of ['ның', 'нің', 'тың', 'тің', 'дың', 'дің', 'қа', 'ке', 'ға', 'ге', 'ты', 'ті', 'ны', 'ні', 'та', 'те', 'да', 'де', 'тан', 'тен', 'нан', 'нен', 'пен', 'бен', 'мен']) {
    if (w.endsWith(ending) && /(ов|ев|ин|ын|ова|ева|ина|ына|баев|ский|цкий|ская|цкая|ұлы|улы|қызы|кызы)$/.test(w.slice(0, -ending.length))) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  const m = /^(.+?(?:ов|ев|ёв|ин|ын|ск|цк))(?:а|у|ым|ом|е|ой|ою|ого|ому|ий|ый|ая|ую|им)?$/.exec(w);
  return m ? m[1]! : w;
}

/** The role words that name a party, by the start of their forms; judges are found to keep their names. */
const roleWords: readonly (readonly [RegExp, string])[] = [
  [/^(подсудим|обвиняем|осужд[её]нн|осужденн|сотталуш|айыпталуш|сотталған)/, 'ПОДСУДИМЫЙ'],
  [/^(потерпевш|жәбірленуш)/, 'ПОТЕРПЕВШИЙ'],
  [/^(свидетел|куә)/, 'СВИДЕТЕЛЬ'],
  [/^(истц|истец|талапкер)/, 'ИСТЕЦ'],
  [/^(ответчик|жауапкер)/, 'ОТВЕТЧИК'],
  [/^(адвокат|защитник|қорғауш)/, 'ЗАЩИТНИК'],
  [/^(представител|өкіл)/, 'ПРЕДСТАВИТЕЛЬ'],
  [/^(прокурор|обвинител|айыптауш)/, 'ПРОКУРОР'],
  [/^(секретар|хатшы)/, 'СЕКРЕТАРЬ'],
  [/^(судь[яиеёю]|судей|төраға)/, 'СУДЬЯ'],
];

/** The role a word names, or undefined. */
function roleOf(word: string): string | undefined {
  const w = word.toLowerCase();
  return roleWords.find(([re]) => re.test(w))?.[1];
}

/** Capitalised words that are never names even where they look like surnames or follow a role word. */
const notNames = /^(Республик|Казахстан|Қазақстан|Кодекс|Закон|Суд|Уголовн|Гражданск|Верховн|Конституц|Прокуратур|Министерств|Департамент|Управлени|Алматы|Астан|Шымкент|Караганд|Қарағанд|Актюбин|Ақтөбе|Атырау|Павлодар|Костанай|Қостанай|Семей|Тараз|Октябрьск|Советск|Ленинск|Бостандык|Медеу|Алмалин|Ауэзов|Есиль|Сарыарк|Байконыр|Алатау|Наурызбай|Турксиб|Жетысу|Ғалым|Российск|Московск|Суда|Судом|Приговор|Постановлени|Решени|Согласно|Также|Однако|Данн|Указанн|Таким|Вместе|Кроме|Үкім|Сондай|Показани|Допрошенн|Материал|Личность|Вину|Связь)|^(РК|ҚР|Он|Она|Они|Его|Ее|Её|При|Так|Все|Сот|Осы|Оның|Ол|Бұл)$|(ние|ния|ании|ость|ство|ства|ция|ции|тель|ться|ется|ются)$/u;

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly initial: boolean;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(token)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, initial: m[0].endsWith('.') }));
}

/** Words just before a position (lower-cased), nearest last. */
function wordsBefore(text: string, at: number, count: number): string[] {
  return (text.slice(Math.max(0, at - 80), at).match(/[\p{L}]+/gu) ?? []).slice(-count);
}

/** Finds the personal names of a text, each with its role (when the text gives one) and a key shared by its mentions. */
export function findNames(text: string): Detection[] {
  const all = tokens(text);
  const found: Detection[] = [];
  const roles = new Map<string, string>();
  const keyed = new Map<string, string>();
  // Words of one name stand at most two spaces apart ("И.И.Иванов" has none).
  const adjacent = (a: Token, b: Token) => /^[\s\u00a0]{0,2}$/.test(text.slice(a.end, b.start));
  let i = 0;
  while (i < all.length) {
    // A run of adjacent capitalised words and initials.
    let j = i + 1;
    while (j < all.length && adjacent(all[j - 1]!, all[j]!)) j += 1;
    const run = all.slice(i, j);
    i = j;
    for (const person of peopleIn(run)) {
      const roleHere = roleBefore(text, person.start);
      const key = person.key;
      if (roleHere && !roles.has(key)) roles.set(key, roleHere);
      keyed.set(person.surname, key);
      found.push({ category: 'PERSON', start: person.start, end: person.end, key });
    }
  }
  // Later mentions of a surname already found ("Иванов признал вину"), and lone surnames after a role word.
  const covered = (t: Token) => found.some((d) => t.start >= d.start && t.end <= d.end);
  for (const t of all) {
    if (t.initial || covered(t) || notNames.test(t.text)) continue;
    const key = keyed.get(surnameKey(t.text));
    const role = roleBefore(text, t.start);
    if (key !== undefined && (surnameRe.test(t.text) || isGivenName(t.text) || surnameKey(t.text) !== t.text.toLowerCase())) {
      found.push({ category: 'PERSON', start: t.start, end: t.end, key });
    } else if (role && surnameRe.test(t.text)) {
      const newKey = surnameKey(t.text);
      keyed.set(newKey, newKey);
      roles.set(newKey, role);
      found.push({ category: 'PERSON', start: t.start, end: t.end, key: newKey });
    }
  }
  return found.map((d) => ({ ...d, role: roles.get(d.key!) ?? 'ЛИЦО' })).sort((a, b) => a.start - b.start);
}

/** The role word among the three words before a position, if any. */
function roleBefore(text: string, at: number): string | undefined {
  for (const word of wordsBefore(text, at, 3).reverse()) {
    const role = roleOf(word);
    if (role) return role;
  }
  return undefined;
}

interface Person {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly surname: string;
}

/** The people named in one run of adjacent capitalised words and initials. */
function peopleIn(run: readonly Token[]): Person[] {
  // Role words and institution words break a run: "Потерпевший Иванов" names Иванов only.
  const kind = (t: Token) =>
    t.initial ? 'I' : roleOf(t.text) || notNames.test(t.text) ? 'X' : patronymicRe.test(t.text) ? 'P' : isGivenName(t.text) ? 'G' : surnameRe.test(t.text) ? 'S' : t.text.length >= 3 ? 'W' : 'X';
  const kinds = run.map(kind);
  const people: Person[] = [];
  let k = 0;
  while (k < run.length) {
    const here = kinds[k]!;
    if (here === 'X') {
      k += 1;
      continue;
    }
    // Initials then a surname-like word: "И. И. Иванов", "И.И. Иванову".
    if (here === 'I') {
      let e = k;
      while (e + 1 < run.length && kinds[e + 1] === 'I') e += 1;
      const after = kinds[e + 1];
      if (after === 'S' || (after !== undefined && after !== 'X' && e > k)) {
        people.push(person(run[k]!, run[e + 1]!, run[e + 1]!.text, run[k]!.text));
        k = e + 2;
      } else k = e + 1;
      continue;
    }
    // A word then initials: "Иванов И.И.", "Иванова М.".
    if (kinds[k + 1] === 'I' && here !== 'P') {
      let e = k + 1;
      while (e + 1 < run.length && kinds[e + 1] === 'I') e += 1;
      people.push(person(run[k]!, run[e]!, run[k]!.text, run[k + 1]!.text));
      k = e + 1;
      continue;
    }
    // A word followed by a word with initials: the initials go with the second ("Показания Петрова И.И.").
    if (kinds[k + 2] === 'I' && kinds[k + 1] !== 'I') {
      k += 1;
      continue;
    }
    // Full names: up to three name words.
    let e = k;
    while (e + 1 < run.length && e - k < 2 && ['S', 'G', 'P', 'W'].includes(kinds[e + 1]!)) e += 1;
    const slice = kinds.slice(k, e + 1);
    const pattern = slice.join('');
    // Accepted shapes: a patronymic after one or two name words; a surname with a given or unknown name either side; two given names.
    const m = /^(?:[SGW][SGW]?P|S[GW]|[GW]S|W?G|GG)/.exec(pattern);
    if (m && m[0].length >= 2) {
      const len = m[0].length;
      const words = run.slice(k, k + len);
      const surnameAt = slice.slice(0, len).findIndex((x) => x === 'S' || x === 'W');
      const givenAt = slice.slice(0, len).findIndex((x) => x === 'G');
      people.push(person(words[0]!, words[len - 1]!, words[surnameAt >= 0 ? surnameAt : 0]!.text, givenAt >= 0 ? words[givenAt]!.text : (words[1]?.text ?? '')));
      k += len;
      continue;
    }
    k += 1;
  }
  return people;
}

function person(first: Token, last: Token, surname: string, given: string): Person {
  const s = surnameKey(surname);
  return { start: first.start, end: last.end, key: `${s}|${given.charAt(0).toLowerCase()}`, surname: s };
}
