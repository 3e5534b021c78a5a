import { describe, expect, it } from 'vitest';
import { dayText, localTimeText, parseDayText, parseLocalTimeText } from '../../../renderer/src/common/date-text.ts';

describe('dates as the reader writes them', () => {
  it('reads day.month.year with dots, slashes or hyphens, and the ISO day, as the ISO day', () => {
    expect(parseDayText('05.12.2026')).toBe('2026-12-05');
    expect(parseDayText(' 5.6.2026 ')).toBe('2026-06-05');
    expect(parseDayText('05/06/2026')).toBe('2026-06-05');
    expect(parseDayText('5-6-2026')).toBe('2026-06-05');
    expect(parseDayText('2026-06-05')).toBe('2026-06-05');
  });

  it('refuses what is not a real day: 31 February, month 13, a two-digit year, a typo in the year, words', () => {
    for (const text of ['31.02.2026', '29.02.2025', '01.13.2026', '00.01.2026', '05.12.26', '05.12.20026', '05.12.0026', 'вчера', '', '2026-02-30']) {
      expect(parseDayText(text), text).toBeNull();
    }
    expect(parseDayText('29.02.2024')).toBe('2024-02-29');
  });

  it('writes an ISO day as dd.mm.yyyy and leaves anything else as it is', () => {
    expect(dayText('2026-12-05')).toBe('05.12.2026');
    expect(dayText('')).toBe('');
  });

  it('reads a time on a 24-hour clock; a day alone is its first minute, or its last for the end of a range', () => {
    expect(parseLocalTimeText('05.12.2026 14:30')).toBe('2026-12-05T14:30');
    expect(parseLocalTimeText('5.12.2026 9:05')).toBe('2026-12-05T09:05');
    expect(parseLocalTimeText('2026-12-05T14:30')).toBe('2026-12-05T14:30');
    expect(parseLocalTimeText('05.12.2026')).toBe('2026-12-05T00:00');
    expect(parseLocalTimeText('05.12.2026', 'end')).toBe('2026-12-05T23:59');
    for (const text of ['05.12.2026 24:00', '05.12.2026 12:60', '05.12.2026 2:30 PM', '31.04.2026 10:00', '14:30']) {
      expect(parseLocalTimeText(text), text).toBeNull();
    }
    expect(localTimeText('2026-12-05T14:30')).toBe('05.12.2026 14:30');
  });
});
