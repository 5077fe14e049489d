import { DATE_PATTERN, formatDate, type DateString } from './format.js';
import type { Lang } from './i18n.js';

/**
 * Dates as precise as their sources, on a time axis. "2014" is the whole year 2014, "2011-06" the
 * whole of June 2011, "2014-01-01" one day: each date string stands for a period, never for a
 * moment the source does not name. Times are UTC milliseconds, so no time zone shifts a day.
 */

/** The period a date string stands for: [start, end) in UTC milliseconds; undefined when not a date. */
export function periodOf(s: DateString): [number, number] | undefined {
  const m = DATE_PATTERN.exec(s);
  if (!m) return undefined;
  const y = +m[1];
  if (m[2] === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  const mo = +m[2] - 1;
  if (m[3] === undefined) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1)];
  const start = Date.UTC(y, mo, +m[3]);
  return [start, start + 86_400_000];
}

/** Where a date belongs on a time axis: the middle of its period ("2006" sits at mid-2006, not on 1 January). */
export function timeOf(s: DateString): number {
  const p = periodOf(s);
  return p ? (p[0] + p[1]) / 2 : NaN;
}

/** A dated thing spanning from `start` to `end` (inclusive, each as precise as the source). */
export interface DateSpan {
  start: DateString;
  end?: DateString;
  since?: boolean;
  approximate?: boolean;
}

/** The span as [start, end) milliseconds: from the beginning of `start` to the end of `end` (or of `start`). */
export function spanOf(d: DateSpan): [number, number] | undefined {
  const a = periodOf(d.start);
  const b = d.end ? periodOf(d.end) : a;
  return a && b ? [a[0], Math.max(a[1], b[1])] : undefined;
}

/** True when two spans share at least one day. */
export function spansOverlap(a: DateSpan, b: DateSpan): boolean {
  const x = spanOf(a);
  const y = spanOf(b);
  return !!x && !!y && x[0] < y[1] && y[0] < x[1];
}

const WORDS: Record<Lang, { since: string; approx: string }> = {
  de: { since: 'seit', approx: 'ca.' },
  en: { since: 'since', approx: 'c.' },
};

/**
 * A milestone's date exactly as precise as its source: "seit 2014", "Juni 2011", "2013–2017";
 * periods with a day or month read "01.01.2016 – 31.12.2018". Vague dates get "ca.".
 * English: "since 2014", "June 2011", "2013–2017", "c. 2011".
 */
export function formatSpan(d: DateSpan, locale: string, lang: Lang): string {
  const w = WORDS[lang];
  const start = formatDate(d.start, locale);
  let text: string;
  if (d.end && d.end !== d.start) {
    const end = formatDate(d.end, locale);
    // Years alone are joined tight ("2013–2017"); longer dates get spaces so the dash is not read as part of one.
    text = d.start.length === 4 && d.end.length === 4 ? `${start}–${end}` : `${start} – ${end}`;
  } else if (d.since) {
    text = `${w.since} ${start}`;
  } else {
    text = start;
  }
  return d.approximate ? `${w.approx} ${text}` : text;
}

/** Year ticks for a time axis: every 1, 2, 5, 10 … years so that at most `maxTicks` fit. */
export function yearTicks(t0: number, t1: number, maxTicks: number): number[] {
  const y0 = new Date(t0).getUTCFullYear();
  const y1 = new Date(t1).getUTCFullYear();
  const span = Math.max(1, y1 - y0);
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => span / s <= Math.max(1, maxTicks)) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
    const t = Date.UTC(y, 0, 1);
    if (t >= t0 && t <= t1) ticks.push(t);
  }
  return ticks;
}
