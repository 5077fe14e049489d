import { intlLocale, pickText, type Lang, type Text } from './i18n.js';

/**
 * Number and date formatting through Intl, in the widget's locale ("39,9 %", "12.040").
 * Formatters are cached: constructing Intl objects is the expensive part.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, f);
  }
  return f;
}

export interface ValueFormat {
  /** Unit from the data: "%" is formatted as a percentage, anything else follows the number. */
  unit?: Text;
  /** Fixed number of decimals; without it, up to two as needed. */
  decimals?: number;
}

export function isPercent(unit: Text | undefined): boolean {
  return unit === '%' || (typeof unit === 'object' && unit.de === '%');
}

/** "39,9 %" / "39.9%", "12.040 Arbeitsplätze", "1,5 Mio. €". */
export function formatValue(value: number, locale: string, lang: Lang, fmt: ValueFormat = {}): string {
  const digits =
    fmt.decimals !== undefined
      ? { minimumFractionDigits: fmt.decimals, maximumFractionDigits: fmt.decimals }
      : { maximumFractionDigits: 2 };
  if (isPercent(fmt.unit)) {
    // Intl's percent style multiplies by 100; our data is already in percent.
    return numberFormat(locale, { style: 'percent', ...digits }).format(value / 100);
  }
  const number = numberFormat(locale, digits).format(value);
  const unit = pickText(fmt.unit, lang);
  return unit ? `${number}\u00a0${unit}` : number;
}

/** A plain number in the locale, e.g. for axis ticks and rank numbers. */
export function formatNumber(value: number, locale: string, decimals?: number): string {
  return numberFormat(
    locale,
    decimals === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
  ).format(value);
}

/** Parse "39,9 %", "12.040" (de) or "12,040.5" (en) as typed in a table; undefined when it is not a number. */
export function parseLocaleNumber(text: string, locale: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f%€]/g, '').replace(/[−–]/g, '-');
  if (!cleaned) return undefined;
  const decimalComma = !/^en\b/i.test(locale);
  const normalised = decimalComma ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** A date as precise as the source gives it: "2001", "2020-12" or "2020-12-31". */
export type DateString = string;

export const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `s` is such a date and names a real day or month ("2021-02-30" is not). */
export function isValidDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(+y, +mo - 1, +d));
    return date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d;
  }
  return true;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', ...options });
    dateFormats.set(key, f);
  }
  return f;
}

/** "2001", "Dezember 2020" / "December 2020", "31.12.2023" / "31 December 2023" — never more precise than the source. */
export function formatDate(s: DateString, locale: string): string {
  const m = DATE_PATTERN.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  if (mo === undefined) return y;
  const date = new Date(Date.UTC(+y, +mo - 1, d === undefined ? 1 : +d));
  if (d === undefined) return dateFormat(locale, { year: 'numeric', month: 'long' }).format(date);
  const numeric = !/^en\b/i.test(locale);
  return dateFormat(locale, numeric ? { year: 'numeric', month: '2-digit', day: '2-digit' } : { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}
