import { intlLocale, pickText, type Lang, type Text } from './i18n.js';

/**
 * Number and date formatting in the widget's locale ("39,9 %", "12.040").
 *
 * German and English — the library's two languages — are formatted here directly, exactly as
 * Intl.NumberFormat / Intl.DateTimeFormat format them (test/format.test.ts checks this against Intl
 * for thousands of values). Why not call Intl: the first Intl object in a page initialises ICU,
 * which costs 15–30 ms on a modest machine — the whole render budget of a chart. Any other locale
 * ("fr", "tr", …) goes to Intl, lazily.
 */

export interface ValueFormat {
  /** Unit from the data: "%" is formatted as a percentage, anything else follows the number. */
  unit?: Text;
  /** Fixed number of decimals; without it, up to two as needed. */
  decimals?: number;
}

interface Separators {
  group: string;
  decimal: string;
  /** Between number and percent sign: a no-break space in German, nothing in English. */
  percent: string;
}

/** The separators for a locale we format ourselves, or undefined to use Intl. */
function separators(locale: string): Separators | undefined {
  // intlLocale gives plain "de" and "en" as de-DE and en-GB.
  const tag = intlLocale(locale);
  if (tag === 'de-DE') return { group: '.', decimal: ',', percent: '\u00a0' };
  if (tag === 'en-GB' || tag === 'en-US') return { group: ',', decimal: '.', percent: '' };
  return undefined;
}

/**
 * Round half away from zero on the shortest decimal representation of `value` — what Intl does
 * (1.005 → "1.01", where toFixed says "1.00"). Returns the digits without sign.
 */
function roundDecimal(value: number, minDigits: number, maxDigits: number): { int: string; frac: string } {
  let repr = String(Math.abs(value));
  if (/e/.test(repr)) repr = Math.abs(value).toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  let [int, frac = ''] = repr.split('.');
  if (frac.length > maxDigits) {
    const roundUp = frac.charCodeAt(maxDigits) >= 53; // '5'
    frac = frac.slice(0, maxDigits);
    if (roundUp) {
      const digits = (int + frac).split('').map(Number);
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === 9) digits[i--] = 0;
      if (i < 0) digits.unshift(1);
      else digits[i]++;
      const joined = digits.join('');
      int = joined.slice(0, joined.length - frac.length) || '0';
      frac = joined.slice(joined.length - frac.length);
    }
  }
  frac = frac.replace(/0+$/, '');
  while (frac.length < minDigits) frac += '0';
  return { int, frac };
}

function fastFormat(value: number, sep: Separators, minDigits: number, maxDigits: number): string {
  const { int, frac } = roundDecimal(value, minDigits, maxDigits);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  const zero = /^0*$/.test(int + frac);
  return `${value < 0 && !zero ? '-' : ''}${grouped}${frac ? sep.decimal + frac : ''}`;
}

const intlFormats = new Map<string, Intl.NumberFormat>();

function intlFormat(locale: string, options: Intl.NumberFormatOptions, value: number): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = intlFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), options);
    intlFormats.set(key, f);
  }
  return f.format(value);
}

function digitsOf(decimals: number | undefined): [number, number] {
  return decimals === undefined ? [0, 2] : [decimals, decimals];
}

export function isPercent(unit: Text | undefined): boolean {
  return unit === '%' || (typeof unit === 'object' && unit.de === '%');
}

/**
 * From this magnitude on a number is written with an exponent ("1,8E308", as Intl's scientific
 * notation): a double can be as large as 1.8 × 10³⁰⁸, and written out that is 309 digits — wider than
 * any chart. Digits beyond 2⁵³ ≈ 9 × 10¹⁵ are not even exact.
 */
const SCIENTIFIC_FROM = 1e15;
/** More decimals than data may have (6) ask for an exponent too: only an axis over a tiny span does. */
const MAX_PLAIN_DECIMALS = 6;

/** Needs an exponent: huge, or asked for more decimals than a plain number may have (zero stays "0"). */
function isScientific(value: number, decimals: number | undefined): boolean {
  const abs = Math.abs(value);
  return abs >= SCIENTIFIC_FROM || (decimals !== undefined && decimals > MAX_PLAIN_DECIMALS && abs !== 0);
}

/** Decimals as asked, within what a plain number shows (0 to 6; a zero asked for more shows none). */
const plainDecimals = (decimals: number | undefined): number | undefined =>
  decimals === undefined || Number.isNaN(decimals) ? undefined : decimals > MAX_PLAIN_DECIMALS ? 0 : Math.max(0, Math.round(decimals));

/** "1,8E308" / "1.8E308", "-5E-324": as Intl.NumberFormat with `notation: 'scientific'`, up to two decimals. */
function scientific(value: number, locale: string): string {
  const sep = separators(locale);
  if (!sep) return intlFormat(locale, { notation: 'scientific', maximumFractionDigits: 2 }, value);
  // From the shortest exact writing (the subnormal nearest 1e-322 is "1e-322", not "9.88e-323"),
  // rounded to two decimals, carrying into the exponent (9.999e20 → 1E21).
  const [m, e] = Math.abs(value).toExponential().split('e');
  let { int, frac } = roundDecimal(Number(m), 0, 2);
  let exponent = Number(e);
  if (int === '10') [int, frac, exponent] = ['1', '', exponent + 1];
  return `${value < 0 ? '-' : ''}${int}${frac ? sep.decimal + frac : ''}E${exponent}`;
}

/** Non-finite numbers never reach the page: a formatter says "–" rather than "NaN" or "Infinity". */
const NOT_A_NUMBER = '–';

/** A plain number in the locale, e.g. for axis ticks and rank numbers. */
export function formatNumber(value: number, locale: string, decimals?: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  if (isScientific(value, decimals)) return scientific(value, locale);
  const [min, max] = digitsOf(plainDecimals(decimals));
  const sep = separators(locale);
  return sep ? fastFormat(value, sep, min, max) : intlFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max }, value);
}

/** "39,9 %" / "39.9%", "12.040 Arbeitsplätze", "1,5 Mio. €". */
export function formatValue(value: number, locale: string, lang: Lang, fmt: ValueFormat = {}): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const [min, max] = digitsOf(plainDecimals(fmt.decimals));
  if (isPercent(fmt.unit) && !isScientific(value, fmt.decimals)) {
    const sep = separators(locale);
    // Intl's percent style multiplies by 100; our data is already in percent.
    return sep
      ? `${fastFormat(value, sep, min, max)}${sep.percent}%`
      : intlFormat(locale, { style: 'percent', minimumFractionDigits: min, maximumFractionDigits: max }, value / 100);
  }
  const number = formatNumber(value, locale, fmt.decimals);
  if (isPercent(fmt.unit)) return `${number}${separators(locale)?.percent ?? '\u00a0'}%`;
  const unit = pickText(fmt.unit, lang);
  return unit ? `${number}\u00a0${unit}` : number;
}

/** What a number typed in a table says, beyond its value. */
export interface NumberReading {
  /** The number; for an ambiguous string ("12,040") the reading in the widget's language. */
  value: number;
  /** Digits after the decimal mark as read ("39,90" → 2, "12.040" in German → 0). */
  decimals: number;
  /** The decimal mark the string itself proves ("39,9" and "1.234,5" → ","; "1,234,567" → "."), if it does. */
  mark?: ',' | '.';
  /**
   * One separator followed by exactly three digits after one to three leading digits ("12,040",
   * "12.040"): thousands grouping or a decimal mark. The value then follows the widget's language;
   * `grouped` and `decimal` are both readings.
   */
  ambiguous?: { grouped: number; decimal: number };
}

/** The decimal mark of the widget's language: "." in English, "," in German (and any other language). */
export const decimalMarkOf = (locale: string): ',' | '.' => (/^en\b/i.test(locale) ? '.' : ',');

/**
 * Read a number as typed in a table — "39,9 %", "1.234,5", "12,040.5", "−3,2", "1 234,5" — in German
 * and English alike; undefined when it is not a number (missing-value words like "–" or "k. A." are
 * checked before, by isMissingCell).
 *
 * The rule: a separator is a thousands separator only where it can be one — grouping puts exactly three
 * digits after every separator and one to three digits, not starting with 0, before the first.
 *  - Point and comma both: the last one is the decimal mark (once, after all others), the other groups:
 *    "1,234.5" and "1.234,5" are 1234.5 in either language.
 *  - One kind, twice or more: grouping ("1.234.567", "1,234,567"); not a number if the groups are wrong.
 *  - One kind, once, and it cannot be grouping (not exactly three digits after it, as in "39,9",
 *    "39.95", "1,5"; or a leading 0 or more than three digits before it, as in "0,040", "1234,567"):
 *    the decimal mark, in either language. So "39,9" is 39.9 with lang="en" too.
 *  - Spaces (also no-break and narrow no-break) between digits group thousands ("1 234,5"); the point
 *    or comma then is the decimal mark.
 *  - Only one separator with exactly three digits after one to three leading digits ("12,040",
 *    "12.040") is truly ambiguous; there — and only there — the language decides: German reads
 *    "12.040" as 12040 and "12,040" as 12.04, English "12,040" as 12040 and "12.040" as 12.04. The
 *    reading says so (`ambiguous`), so that a table whose other numbers show the other decimal mark
 *    can name the cell instead of guessing (indicatorFromTable).
 * A trailing separator without digits ("1." as a German ordinal rank) is ignored.
 */
export function readLocaleNumber(text: string, locale: string): NumberReading | undefined {
  // A number of more than 308 digits is read as Infinity: not a number a chart can show.
  const reading = readNumberText(text, locale);
  return reading && Number.isFinite(reading.value) ? reading : undefined;
}

function readNumberText(text: string, locale: string): NumberReading | undefined {
  // Percent and euro signs anywhere; Unicode minus, en dash and figure dash as minus signs.
  const m = /^([-+]?)\s*(\d[\d\s.,]*|[.,]\d+)$/.exec(text.replace(/[%€]/g, '').replace(/[\u2212\u2012\u2013]/g, '-').trim());
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const spaced = m[2].trim();
  const body = spaced.replace(/\s+/g, '');
  const number = (int: string, frac: string) => sign * Number(`${int || '0'}.${frac || '0'}`);
  const seps = body.replace(/\d/g, '');
  const langMark = decimalMarkOf(locale);

  if (/\d\s+\d/.test(spaced)) {
    // Grouped with spaces: groups of three, then at most one decimal mark.
    const g = /^(\d{1,3}(?:\s+\d{3})+)(?:([.,])(\d*))?$/.exec(spaced);
    if (!g || /^0/.test(g[1])) return undefined;
    const frac = g[3] ?? '';
    return { value: number(g[1].replace(/\s+/g, ''), frac), decimals: frac.length, mark: frac ? (g[2] as ',' | '.') : undefined };
  }
  if (/\s/.test(spaced)) return undefined;
  if (!seps) return { value: number(body, ''), decimals: 0 };

  const last = seps[seps.length - 1] as ',' | '.';
  const other = last === ',' ? '.' : ',';
  const grouped = (int: string, sep: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${sep}\\d{3})+$`).test(int);
  if (seps.includes(other)) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const at = body.lastIndexOf(last);
    const int = body.slice(0, at);
    const frac = body.slice(at + 1);
    if (int.includes(last) || !grouped(int, other) || !/^\d*$/.test(frac)) return undefined;
    return { value: number(int.split(other).join(''), frac), decimals: frac.length, mark: last };
  }
  if (seps.length > 1) {
    // One mark, twice or more: thousands grouping; the decimal mark would be the other one.
    if (!grouped(body, last)) return undefined;
    return { value: number(body.split(last).join(''), ''), decimals: 0, mark: other };
  }
  const [int, frac] = body.split(last);
  if (!frac) return int ? { value: number(int, ''), decimals: 0 } : undefined; // "1." — a trailing mark
  if (frac.length !== 3 || !grouped(`${int}${last}${frac}`, last)) return { value: number(int, frac), decimals: frac.length, mark: last };
  // Truly ambiguous: "12,040" / "12.040". The widget's language decides.
  const reading = { grouped: number(int + frac, ''), decimal: number(int, frac) };
  return last === langMark ? { value: reading.decimal, decimals: 3, ambiguous: reading } : { value: reading.grouped, decimals: 0, ambiguous: reading };
}

/** Parse "39,9 %", "12.040" (de) or "12,040.5" (en) as typed in a table; undefined when it is not a number (see readLocaleNumber). */
export function parseLocaleNumber(text: string, locale: string): number | undefined {
  return readLocaleNumber(text, locale)?.value;
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

const MONTHS: Record<Lang, string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const intlDates = new Map<string, Intl.DateTimeFormat>();

/**
 * "2001", "Dezember 2020" / "December 2020", "31.12.2023" / "31 December 2023" — never more precise
 * than the source. German and British English as Intl writes them; other locales through Intl.
 */
export function formatDate(s: DateString, locale: string): string {
  const m = DATE_PATTERN.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  if (mo === undefined) return y;
  const tag = intlLocale(locale);
  const lang: Lang | undefined = tag === 'de-DE' ? 'de' : tag === 'en-GB' ? 'en' : undefined;
  if (lang) {
    const month = MONTHS[lang][+mo - 1];
    if (d === undefined) return `${month} ${y}`;
    return lang === 'de' ? `${d}.${mo}.${y}` : `${+d} ${month} ${y}`;
  }
  const options: Intl.DateTimeFormatOptions =
    d === undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'long', day: 'numeric' };
  const key = `${tag}|${d === undefined}`;
  let f = intlDates.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options });
    intlDates.set(key, f);
  }
  return f.format(new Date(Date.UTC(+y, +mo - 1, d === undefined ? 1 : +d)));
}

/** Rounded ("rund") and approximate values share one look: the ≈ mark in text, the open marker in the trend chart. */
export const isApproximate = (flags: readonly string[]): boolean => flags.includes('rounded') || flags.includes('approximate');
