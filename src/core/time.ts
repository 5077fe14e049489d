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

/** 1 January of year `y`, UTC (Date.UTC would read the years 0–99 as 1900–1999). */
const januaryFirst = (y: number) => new Date(0).setUTCFullYear(y, 0, 1);

/**
 * Year ticks for a time axis: 1 January of every 1, 2, 5, 10, 20, 50, 100 … years, with the smallest
 * of these steps whose labels fit — at most `maxTicks` of them, the number of year labels that fit side
 * by side, each with its gap — and two at least where there is room for two: over 2005–2027 with room
 * for two, "2010" and "2020" (the next step, 20 years, would leave "2020" alone). The labels are
 * counted, not the span divided by the step: 2005–2027 is 2.2 decades, yet only two decade labels.
 */
export function yearTicks(t0: number, t1: number, maxTicks: number): number[] {
  if (!Number.isFinite(t0) || !Number.isFinite(t1) || t1 < t0) return [];
  const room = Math.max(1, Math.floor(maxTicks) || 1);
  // The whole years on the axis: from the first 1 January at or after t0 to the last one at or before t1.
  const y0 = new Date(t0).getUTCFullYear();
  const first = januaryFirst(y0) < t0 ? y0 + 1 : y0;
  const last = new Date(t1).getUTCFullYear();
  if (last < first) return [];
  const ticksOf = (step: number, from: number, to: number) => {
    const out: number[] = [];
    for (let y = from; y <= to; y += step) out.push(januaryFirst(y));
    return out;
  };
  let finer: [number, number] | undefined;
  for (let decade = 1; ; decade *= 10) {
    for (const step of [decade, 2 * decade, 5 * decade]) {
      const from = Math.ceil(first / step) * step;
      const to = Math.floor(last / step) * step;
      const count = to < from ? 0 : (to - from) / step + 1;
      if (count <= room) {
        // Room for two, but this step leaves one (or none): the first and last tick of the finer step,
        // which had three or more — two steps of it apart at least, far enough for two labels.
        if (count < 2 && room >= 2 && finer) return [januaryFirst(finer[0]), januaryFirst(finer[1])];
        return ticksOf(step, from, to);
      }
      finer = [from, to];
    }
  }
}

/**
 * Year ticks for an axis `width` px wide whose labels, `label` px each, stand centred over their ticks
 * but anchored inward at the axis' ends (so none leaves it): the smallest step whose labels keep `gap`
 * px apart as drawn — an end label pushed inward needs more room from its neighbour than a centred one.
 */
export function fittingYearTicks(t0: number, t1: number, width: number, label: number, gap: number): number[] {
  if (!(t1 > t0) || !(width > label)) return yearTicks(t0, t1, 1);
  for (let room = Math.floor((width + gap) / (label + gap)); room > 1; room--) {
    const ticks = yearTicks(t0, t1, room);
    const lefts = ticks.map((t) => Math.max(0, Math.min(width - label, ((t - t0) / (t1 - t0)) * width - label / 2)));
    if (lefts.every((left, i) => i === 0 || left - lefts[i - 1] >= label + gap - 0.01)) return ticks;
  }
  return yearTicks(t0, t1, 1);
}
