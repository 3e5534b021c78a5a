import { describe, expect, it } from 'vitest';
import { createFormatters, hasLocaleData } from '../../renderer/src/common/format.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';

describe('formatters', () => {
  it('write sizes with translated units', () => {
    const en = createFormatters('en', 'en-US', createI18n('en').getFixedT('en'));
    expect(en.size(378)).toBe('378 B');
    expect(en.size(1536)).toBe('1.5 KB');
    expect(en.size(5 * 1024 ** 2)).toBe('5 MB');
    expect(en.exactBytes(1234567)).toBe('1,234,567 bytes');
    const kk = createFormatters('kk', 'kk-KZ', createI18n('kk').getFixedT('kk'));
    expect(kk.size(378)).toBe('378 Б');
    expect(kk.size(1536)).toMatch(/^1,5 КБ$/);
  });

  it('write dates in the locale, and leave an unparseable timestamp as it is', () => {
    const ru = createFormatters('ru', 'ru-RU', createI18n('ru').getFixedT('ru'));
    expect(ru.dateTime('2026-03-05T10:07:00.000Z')).toMatch(/2026/);
    expect(ru.dateTime('not a date')).toBe('not a date');
  });

  it('detect a runtime without data for a locale', () => {
    expect(hasLocaleData('en-US')).toBe(true);
    expect(typeof hasLocaleData('kk-KZ')).toBe('boolean');
  });
});
