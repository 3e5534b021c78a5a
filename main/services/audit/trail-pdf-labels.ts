/**
 * The fixed wording of the clerk's trail.pdf that the trail screen has no words for (the title, the header lines, the
 * summary of a large export), in each language. Action names, roles and column titles come from the interface's own
 * tables (trail-words.ts).
 */
import type { TrailLanguage } from './trail-words.ts';

/** The PDF's own wording in one language. */
export interface TrailPdfLabels {
  readonly title: string;
  readonly selection: string;
  readonly scopeRange: (from: string, to: string) => string;
  readonly entryCount: (count: number) => string;
  readonly listedSummary: (latest: number) => string;
  readonly listedFirst: (listed: number) => string;
  readonly checkpoint: string;
  readonly fingerprint: string;
  readonly hashes: string;
  readonly input: string;
  readonly output: string;
  readonly entry: string;
  readonly supersedes: (seq: number) => string;
  readonly summary: string;
  readonly firstEntry: string;
  readonly lastEntry: string;
  readonly byAction: string;
  readonly byMonth: string;
  readonly latest: (count: number) => string;
  readonly page: (page: number, pages: number) => string;
}

/** Russian nouns after a number: 1 запись, 2 записи, 5 записей, 21 запись. */
function russianEntries(count: number): string {
  const ten = count % 10;
  const hundred = count % 100;
  if (ten === 1 && hundred !== 11) return 'запись';
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return 'записи';
  return 'записей';
}

/** «Последние N записей», or «Последняя запись» for one. */
function russianLatest(count: number): string {
  return count === 1 ? 'Последняя запись' : `Последние ${count} ${russianEntries(count)}`;
}

/** The PDF's wording by language. */
export const trailPdfLabels: Readonly<Record<TrailLanguage, TrailPdfLabels>> = {
  en: {
    title: 'Audit trail',
    selection: 'Selection',
    scopeRange: (from, to) => `from ${from} to ${to}`,
    entryCount: (count) => `${count} ${count === 1 ? 'entry' : 'entries'}`,
    listedSummary: (latest) => `a summary and the latest ${latest} are shown here; entries.jsonl and entries.csv hold every entry`,
    listedFirst: (listed) => `the first ${listed} are listed here; entries.jsonl and entries.csv hold every entry`,
    checkpoint: 'Signed checkpoint',
    fingerprint: 'Signing key fingerprint (SHA-256)',
    hashes: 'Hashes (SHA-256)',
    input: 'input',
    output: 'output',
    entry: 'entry',
    supersedes: (seq) => `supersedes entry ${seq}`,
    summary: 'Summary',
    firstEntry: 'First entry',
    lastEntry: 'Last entry',
    byAction: 'Entries by action',
    byMonth: 'Entries by month (UTC)',
    latest: (count) => `Latest ${count} ${count === 1 ? 'entry' : 'entries'}`,
    page: (page, pages) => `page ${page} of ${pages}`,
  },
  kk: {
    title: 'Аудит журналы',
    selection: 'Іріктеу',
    scopeRange: (from, to) => `${from} бастап ${to} дейін`,
    entryCount: (count) => `${count} жазба`,
    listedSummary: (latest) => `мұнда қорытынды мен соңғы ${latest} жазба көрсетілген; барлық жазба entries.jsonl және entries.csv файлдарында`,
    listedFirst: (listed) => `мұнда алғашқы ${listed} жазба көрсетілген; барлық жазба entries.jsonl және entries.csv файлдарында`,
    checkpoint: 'Қол қойылған бақылау нүктесі',
    fingerprint: 'Қолтаңба кілтінің саусақ ізі (SHA-256)',
    hashes: 'Хэштер (SHA-256)',
    input: 'кіріс',
    output: 'шығыс',
    entry: 'жазба',
    supersedes: (seq) => `№ ${seq} жазбаның орнына`,
    summary: 'Қорытынды',
    firstEntry: 'Алғашқы жазба',
    lastEntry: 'Соңғы жазба',
    byAction: 'Әрекеттер бойынша жазбалар',
    byMonth: 'Айлар бойынша жазбалар (UTC)',
    latest: (count) => `Соңғы ${count} жазба`,
    page: (page, pages) => `${pages} беттің ${page}-беті`,
  },
  ru: {
    title: 'Журнал аудита',
    selection: 'Выборка',
    scopeRange: (from, to) => `с ${from} по ${to}`,
    entryCount: (count) => `${count} ${russianEntries(count)}`,
    listedSummary: (latest) => `здесь показаны сводка и ${russianLatest(latest).toLowerCase()}; все записи — в файлах entries.jsonl и entries.csv`,
    listedFirst: (listed) => `здесь перечислены первые ${listed} ${russianEntries(listed)}; все записи — в файлах entries.jsonl и entries.csv`,
    checkpoint: 'Подписанная контрольная точка',
    fingerprint: 'Отпечаток ключа подписи (SHA-256)',
    hashes: 'Хеши (SHA-256)',
    input: 'вход',
    output: 'выход',
    entry: 'запись',
    supersedes: (seq) => `заменяет запись № ${seq}`,
    summary: 'Сводка',
    firstEntry: 'Первая запись',
    lastEntry: 'Последняя запись',
    byAction: 'Записи по действиям',
    byMonth: 'Записи по месяцам (UTC)',
    latest: russianLatest,
    page: (page, pages) => `страница ${page} из ${pages}`,
  },
};
