import { quantileSorted } from 'd3-array';
import { schemeBlues, schemeRdBu } from 'd3-scale-chromatic';
import { breakParts } from '../core/attributes.js';
import { formatNumber, formatValue } from '../core/format.js';
import type { BarModel, BarRow } from '../core/indicator-model.js';
import { msg, type Lang } from '../core/i18n.js';

/**
 * Colour classes of the choropleth. Values: quantile, equal-interval or the city's own breaks
 * (`breaks="10,20,30"`), sequential (ColorBrewer Blues) or diverging around the city value (RdBu);
 * both palettes are safe for colour-blind readers. Rankings: groups of ranks ("Rang 1–8"), never
 * values. Missing values get no class (drawn with a pattern, "keine Angabe").
 */

export interface ColourClass {
  color: string;
  label: string;
}

export interface Classification {
  classes: ColourClass[];
  /** Class index of a row, or -1 for "keine Angabe". */
  classOf(row: BarRow): number;
  /** What the legend says the classes are ("Rangklassen", "Klassen nach Quantilen" …). */
  title: string;
}

export interface ClassOptions {
  classes?: number | null;
  method?: string | null;
  breaks?: string | null;
  palette?: string | null;
  lang: Lang;
  locale: string;
}

/**
 * d3's quantile interpolates as a + (b − a) × t; between −1e308 and 1e308 the difference overflows to
 * Infinity. There the weighted mean a × (1 − t) + b × t, which stays between a and b, takes over.
 */
function quantile(sorted: number[], p: number): number | undefined {
  const q = quantileSorted(sorted, p);
  if (q === undefined || Number.isFinite(q)) return q;
  const i = (sorted.length - 1) * p;
  const i0 = Math.floor(i);
  const t = i - i0;
  const [a, b] = [sorted[i0], sorted[Math.min(sorted.length - 1, i0 + 1)]];
  return a * (1 - t) + b * t;
}

/** k colours from light to dark; ColorBrewer has schemes for 3 to 9 classes. */
function sequential(k: number): string[] {
  if (k >= 3) return [...schemeBlues[Math.min(9, k)]];
  const s = schemeBlues[3];
  return k === 1 ? [s[2]] : [s[0], s[2]];
}

export function classify(model: BarModel, opts: ClassOptions): Classification {
  const { lang, locale } = opts;
  const last = model.series.length - 1;
  const requested = Math.round(Number(opts.classes) || 5);
  if (model.mode === 'rank') {
    const total = model.ranked;
    const k = Math.max(1, Math.min(requested, 9, total));
    const size = Math.ceil(total / k);
    const groups = Math.ceil(total / size);
    // Darkest at the end the data emphasises (by default rank 1: e.g. the weakest income relation).
    const colors = sequential(Math.max(groups, 3)).slice(-groups);
    const emphasisLast = model.rankEmphasis === 'last';
    const classes = Array.from({ length: groups }, (_, i) => {
      const from = i * size + 1;
      const to = Math.min(total, (i + 1) * size);
      const color = emphasisLast ? colors[i] : colors[groups - 1 - i];
      const ranks = from === to ? formatNumber(from, locale) : `${formatNumber(from, locale)}–${formatNumber(to, locale)}`;
      return { color, label: `${msg(lang, 'rank')} ${ranks}` };
    });
    return {
      classes,
      title: msg(lang, 'rankClasses'),
      classOf: (row) => (row.rank === undefined ? -1 : Math.min(groups - 1, Math.floor((row.rank - 1) / size))),
    };
  }

  const values = model.rows
    .map((r) => r.values[last].value)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const fmt = (v: number) => formatValue(v, locale, lang, { unit: model.unit, decimals: model.decimals });
  if (!values.length) return { classes: [], title: '', classOf: () => -1 };
  const distinct = [...new Set(values)].length;
  const reference = model.references.find((r) => r.value !== undefined)?.value;
  const diverging = opts.palette === 'diverging' && reference !== undefined;

  let thresholds: number[];
  let title: string;
  const explicit = parseBreaks(opts.breaks);
  // No more values than classes (the three Nordstadt areas of a rate): each value is its own class and the
  // legend shows the values themselves, not computed breaks that no source gives (unless equal intervals are asked for).
  const equal = opts.method === 'equal' || opts.method === 'equal-interval';
  const few = !explicit.length && !diverging && !equal && distinct <= Math.min(requested, 9) ? [...new Set(values)] : undefined;
  if (explicit.length) {
    thresholds = [...new Set(explicit)].sort((a, b) => a - b);
    title = msg(lang, 'classesBreaks');
  } else if (diverging) {
    // As many classes below as above the city value, each side split by its own quantiles.
    const half = Math.max(1, Math.floor(Math.min(requested, 8) / 2));
    const below = values.filter((v) => v < reference);
    const above = values.filter((v) => v >= reference);
    const cut = (xs: number[]) => Array.from({ length: half - 1 }, (_, i) => quantile(xs, (i + 1) / half)!).filter((x) => x !== undefined);
    // The city value is a class boundary only when there are areas on both sides of it.
    thresholds = [...(below.length ? cut(below) : []), ...(below.length && above.length ? [reference] : []), ...(above.length ? cut(above) : [])];
    thresholds = [...new Set(thresholds)].sort((a, b) => a - b);
    title = msg(lang, 'classesDiverging');
  } else if (few) {
    thresholds = few.slice(1);
    title = msg(lang, 'classesValues');
  } else if (equal) {
    const k = Math.max(1, Math.min(requested, 9, distinct));
    const [lo, hi] = [values[0], values[values.length - 1]];
    // (hi − lo) × 2 overflows from 1e308 on; hi / k − lo / k does not.
    const at = (i: number) => lo + ((hi - lo) * i) / k;
    thresholds = Array.from({ length: k - 1 }, (_, i) => (Number.isFinite(at(i + 1)) ? at(i + 1) : lo + (hi / k - lo / k) * (i + 1)));
    title = msg(lang, 'classesEqual');
  } else {
    const k = Math.max(1, Math.min(requested, 9, distinct));
    thresholds = [...new Set(Array.from({ length: k - 1 }, (_, i) => quantile(values, (i + 1) / k)!))];
    title = msg(lang, 'classesQuantile');
  }

  const k = thresholds.length + 1;
  let colors: string[];
  if (diverging) {
    const lowest = values[0];
    const below = lowest < reference! ? thresholds.filter((t) => t <= reference!).length : 0;
    const above = k - below;
    const m = Math.max(below, above, 2);
    const scheme = schemeRdBu[Math.min(11, 2 * m)];
    // RdBu runs red → blue; below the city value blue, above red, the city value between them.
    const blues = scheme.slice(scheme.length / 2).slice(0, below).reverse();
    const reds = scheme.slice(0, scheme.length / 2).reverse().slice(0, above);
    colors = [...blues, ...reds];
  } else {
    colors = sequential(k);
  }
  const min = values[0];
  const max = values[values.length - 1];
  const classes = colors.map((color, i) => {
    const to = i === k - 1 ? max : thresholds[i];
    // An empty first class (the city's breaks can start above every value) reads "unter …".
    const from = i === 0 ? (min < to || k === 1 ? min : undefined) : thresholds[i - 1];
    if (few) return { color, label: fmt(few[i]) };
    if (from === undefined) return { color, label: msg(lang, 'below', fmt(to)) };
    const label = i === k - 1 ? msg(lang, 'classFrom', fmt(from)) : `${fmt(from)} – ${msg(lang, 'below', fmt(to))}`;
    return { color, label: from === to ? fmt(from) : label };
  });
  return {
    classes,
    title,
    classOf: (row) => {
      const v = row.values[last].value;
      // The thresholds are sorted: the class is how many lie at or below the value (d3's bisectRight,
      // whose general bisector is more than this one count needs).
      return v === null ? -1 : Math.min(k - 1, thresholds.filter((t) => t <= v).length);
    },
  };
}

/**
 * `breaks="10,20,30"` (commas between numbers, point for decimals) or `breaks="35; 39,5"` /
 * `breaks="35, 39,5"` (semicolons or comma-and-space between numbers, German decimal comma).
 */
export function parseBreaks(text: string | null | undefined): number[] {
  return breakParts(text).map(Number).filter(Number.isFinite);
}

/** Relative luminance (WCAG) of a "#rrggbb" colour, as the palettes give them; undefined for anything else. */
export function luminance(fill: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return undefined;
  const channel = (x: string) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/** Black or white, whichever reads better on a class colour (WCAG contrast). */
export function textColourOn(fill: string): string {
  const l = luminance(fill);
  if (l === undefined) return '#000000';
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
