/**
 * Dates as a reader in Kazakhstan writes and reads them, whatever the browser's locale: day.month.year and a 24-hour
 * clock. The values behind them are the ones the forms already carry: an ISO day (`2026-12-05`) or a datetime-local
 * wall-clock time (`2026-12-05T14:30`).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// Years a court record can carry: older acts are not imported, and a typo such as 20026 is refused, not stored.
const firstYear = 1800;
const lastYear = 2999;

/** The ISO day of year, month, day, or null when no such day exists (31.02, month 13, year 0026). */
function isoDay(year: number, month: number, day: number): string | null {
  if (year < firstYear || year > lastYear || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? null : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// d.m.yyyy with dots, slashes or hyphens (what is typed here), or yyyy-mm-dd (what is pasted from a file or the CLI).
const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** The ISO day of a typed date (`5.12.2026`, `05/12/2026`, `2026-12-05`), or null when it is not a real day. */
export function parseDayText(text: string): string | null {
  const typed = text.trim();
  const d = dayFirst.exec(typed);
  if (d) return isoDay(Number(d[3]), Number(d[2]), Number(d[1]));
  const y = yearFirst.exec(typed);
  return y ? isoDay(Number(y[1]), Number(y[2]), Number(y[3])) : null;
}

/** `05.12.2026` for the ISO day `2026-12-05`; anything else is returned as it is. */
export function dayText(iso: string): string {
  const y = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return y ? `${y[3]}.${y[2]}.${y[1]}` : iso;
}

/** Where a time typed without its hours falls in the day: its first minute (a start) or its last (an end). */
export type DayAlone = 'start' | 'end';

/**
 * The datetime-local value of a typed time (`5.12.2026 14:30`, `2026-12-05T14:30`), or null when it is not one. A day
 * without a time reads as 00:00 or, for the end of a range, 23:59, so that "to 5.12.2026" includes that day.
 */
export function parseLocalTimeText(text: string, dayAlone: DayAlone = 'start'): string | null {
  const typed = text.trim();
  const split = /^(\S+?)(?:[ T]+(\d{1,2}):(\d{2}))?$/.exec(typed);
  if (!split) return null;
  const day = parseDayText(split[1]!);
  if (day === null) return null;
  if (split[2] === undefined) return `${day}T${dayAlone === 'end' ? '23:59' : '00:00'}`;
  const hours = Number(split[2]);
  const minutes = Number(split[3]);
  return hours > 23 || minutes > 59 ? null : `${day}T${pad(hours)}:${pad(minutes)}`;
}

/** `05.12.2026 14:30` for the datetime-local value `2026-12-05T14:30`; anything else is returned as it is. */
export function localTimeText(value: string): string {
  const t = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return t ? `${dayText(t[1]!)} ${t[2]}` : value;
}
