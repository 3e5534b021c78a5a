import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { browserLanguages } from '../i18n/i18n.ts';
import { shownFractionDigits } from '../../../main/contract/index.ts';
import { formattingLocale, isLanguage, numericFallbackLocales, type Language } from '../i18n/languages.ts';

/** Locale-aware formatting of the values the interface shows. */
export interface Formatters {
  readonly locale: string;
  /** A timestamp as date and time in the user's locale and time zone. */
  dateTime(iso: string): string;
  /** A calendar day ("2022-03-22") in the user's locale, as that day wherever the reader is; anything else unchanged. */
  day(isoDay: string): string;
  /** A file size in the largest fitting unit (bytes, KB, MB, GB, TB). */
  size(bytes: number): string;
  /** An exact byte count ("1 234 567 bytes"). */
  exactBytes(bytes: number): string;
  /** A whole number with the locale's grouping. */
  integer(value: number): string;
  /** A measured value with up to four decimals (more for a small one, to keep two significant digits), in the locale's grouping and decimal sign. */
  measured(value: number): string;
  /** A value rounded to at most `digits` decimals (trailing zeros dropped; more for a small value, to keep two significant digits), as the report's summary writes measurements. */
  rounded(value: number, digits: number): string;
  /** A value with exactly `digits` decimals, in the locale's grouping and decimal sign (what toFixed gives in English). */
  fixed(value: number, digits: number): string;
  /** A value to `digits` significant digits, in the locale's decimal sign. */
  significant(value: number, digits: number): string;
}

const unitKeys = ['units.kilobytes', 'units.megabytes', 'units.gigabytes', 'units.terabytes'] as const;

/** True when the runtime's ICU has real data for a locale (without it, month names come out as "M11"). */
export function hasLocaleData(locale: string): boolean {
  const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2020, 10, 15)));
  return !/^M\d+$/.test(month);
}

/**
 * Formatters for one language and locale tag. Unit names come from the translations (ICU's unit names are missing
 * for some languages); where the locale's ICU data is missing altogether, dates are written numerically and
 * numbers grouped the way a locale with the same conventions does it.
 */
export function createFormatters(language: Language, locale: string, t: TFunction): Formatters {
  const complete = hasLocaleData(locale);
  const numberLocale = complete ? locale : numericFallbackLocales[language];
  const dateTime = complete
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : new Intl.DateTimeFormat(numberLocale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const day = complete
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    : new Intl.DateTimeFormat(numberLocale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const integer = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 });
  // Tables call fixed() and significant() once per cell; building an Intl.NumberFormat costs far more than using one.
  const fixedByDigits = new Map<number, Intl.NumberFormat>();
  const significantByDigits = new Map<number, Intl.NumberFormat>();
  const roundedByDigits = new Map<number, Intl.NumberFormat>();
  const cached = (cache: Map<number, Intl.NumberFormat>, digits: number, options: Intl.NumberFormatOptions) => {
    let format = cache.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(numberLocale, options);
      cache.set(digits, format);
    }
    return format;
  };
  const rounded = (value: number, declared: number) => {
    const digits = shownFractionDigits(value, declared);
    // A small value keeps its two significant digits, trailing zero included (0.07049 is "0.070"), as the summary writes it.
    const options = digits > declared ? { cache: fixedByDigits, minimumFractionDigits: digits } : { cache: roundedByDigits, minimumFractionDigits: 0 };
    const text = cached(options.cache, digits, { minimumFractionDigits: options.minimumFractionDigits, maximumFractionDigits: digits }).format(value);
    // A small negative value rounds to "-0"; the measurement reads as zero.
    return /^[-−]0([.,]0*)?$/.test(text) ? text.slice(1) : text;
  };
  return {
    locale,
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
    },
    day: (isoDay) => (/^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? day.format(new Date(`${isoDay}T00:00:00Z`)) : isoDay),
    size: (value) => {
      if (value < 1024) return t('units.bytes', { value: integer.format(value) });
      let scaled = value / 1024;
      let unit = 0;
      while (scaled >= 1024 && unit < unitKeys.length - 1) {
        scaled /= 1024;
        unit += 1;
      }
      return t(unitKeys[unit] ?? 'units.terabytes', { value: decimal.format(scaled) });
    },
    exactBytes: (value) => t('units.exactBytes', { value: integer.format(value) }),
    integer: (value) => integer.format(value),
    measured: (value) => rounded(value, 4),
    rounded: (value, digits) => rounded(value, digits),
    fixed: (value, digits) => cached(fixedByDigits, digits, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    significant: (value, digits) => cached(significantByDigits, digits, { maximumSignificantDigits: digits }).format(value),
  };
}

/** Formatters following the interface language (and the browser's region when it speaks that language). */
export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'kk';
  return useMemo(() => createFormatters(language, formattingLocale(language, browserLanguages()), t), [language, t]);
}
