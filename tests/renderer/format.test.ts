import { describe, expect, it } from 'vitest';
import { createFormatters, hasLocaleData } from '../../renderer/src/common/format.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';
import { measurementText, measurementValueText } from '../../renderer/src/review/finding-text.ts';

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

  it('write measured values with the language’s decimal sign and grouping, as the finding rows show them', () => {
    const ru = createFormatters('ru', 'ru-RU', createI18n('ru').getFixedT('ru'));
    const kk = createFormatters('kk', 'kk-KZ', createI18n('kk').getFixedT('kk'));
    const en = createFormatters('en', 'en-US', createI18n('en').getFixedT('en'));
    const likelihoodRatio = { key: 'handwriting.slr', value: 1995.26234, unit: null, threshold: null };
    expect(measurementValueText(createI18n('ru').getFixedT('ru'), likelihoodRatio, ru).replace(/\s/g, ' ')).toBe('1 995,2623');
    expect(measurementValueText(createI18n('kk').getFixedT('kk'), likelihoodRatio, kk).replace(/\s/g, ' ')).toBe('1 995,2623');
    expect(measurementValueText(createI18n('en').getFixedT('en'), likelihoodRatio, en)).toBe('1,995.2623');
    expect(ru.fixed(0.5, 3)).toBe('0,500');
    expect(en.fixed(0.5, 3)).toBe('0.500');
    expect(ru.significant(0.0213456, 3)).toBe('0,0213');
  });

  it('keep two significant digits of a small measured value, as the summary and the report do', () => {
    const ru = createFormatters('ru', 'ru-RU', createI18n('ru').getFixedT('ru'));
    const en = createFormatters('en', 'en-US', createI18n('en').getFixedT('en'));
    expect(ru.rounded(0.0705, 2)).toBe('0,071');
    expect(en.rounded(1995.26234, 2).replace(/\s/g, ' ')).toBe('1,995.26');
    expect(en.rounded(0.41, 2)).toBe('0.41');
    expect(en.rounded(-0.0001, 0)).toBe('-0.00010');
    expect(ru.rounded(0.07049, 2)).toBe('0,070');
    expect(en.measured(0.0000123)).toBe('0.000012');
    expect(en.measured(4.68751)).toBe('4.6875');
    expect(en.rounded(0, 2)).toBe('0');
  });

  it('write a measurement’s unit and recorded points as the reader’s language does', () => {
    const ru = createFormatters('ru', 'ru-RU', createI18n('ru').getFixedT('ru'));
    const en = createFormatters('en', 'en-US', createI18n('en').getFixedT('en'));
    const tRu = createI18n('ru').getFixedT('ru');
    const tKk = createI18n('kk').getFixedT('kk');
    const lag = { key: 'land.lag', value: 4.6875, unit: 'µm', threshold: null };
    expect(measurementText(tRu, lag, ru)).toMatch(/: 4,6875 мкм$/);
    expect(measurementText(tKk, lag, ru)).toMatch(/ мкм$/);
    expect(measurementText(createI18n('en').getFixedT('en'), lag, en)).toMatch(/: 4\.6875 µm$/);
    expect(measurementText(tRu, { key: 'manual.angle', value: 31.5, unit: '°', threshold: null }, ru)).toMatch(/: 31,5°$/);
    expect(measurementText(tKk, { key: 'drugs.strip.cutoff', value: 50, unit: 'ng/mL', threshold: null }, ru)).toMatch(/: 50 нг\/мл$/);
    expect(measurementText(tRu, { key: 'x.unknown', value: 2, unit: 'furlong', threshold: null }, ru)).toBe('x.unknown: 2 furlong');
    expect(measurementValueText(tRu, { key: 'manual.points', value: '[[10.25,20.5],[30,40]]', unit: 'px', threshold: null }, ru)).toBe('(10,25; 20,5), (30; 40)');
  });

  it('keep one number format per count of digits: each call still gets the digits it asked for', () => {
    const en = createFormatters('en', 'en-US', createI18n('en').getFixedT('en'));
    expect([en.fixed(2, 1), en.fixed(2, 3), en.fixed(2, 1), en.fixed(2, 0)]).toEqual(['2.0', '2.000', '2.0', '2']);
    expect([en.significant(1234.5678, 2), en.significant(1234.5678, 6), en.significant(1234.5678, 2)]).toEqual(['1,200', '1,234.57', '1,200']);
  });

  it('write a calendar day as that day in the reader\'s words, never as "M11" where the locale has no data', () => {
    const en = createFormatters('en', 'en-US', createI18n('en').getFixedT('en'));
    expect(en.day('2022-03-22')).toBe('Mar 22, 2022');
    expect(en.day('2004')).toBe('2004');
    // Kazakh: with the runtime's data a month name, without it (Chromium's ICU) the numeric fallback dateTime uses.
    const kk = createFormatters('kk', 'kk-KZ', createI18n('kk').getFixedT('kk'));
    expect(kk.day('2019-11-09')).not.toMatch(/M\d/);
    expect(kk.day('2019-11-09')).toMatch(/2019/);
  });

  it('detect a runtime without data for a locale', () => {
    expect(hasLocaleData('en-US')).toBe(true);
    expect(typeof hasLocaleData('kk-KZ')).toBe('boolean');
  });
});
