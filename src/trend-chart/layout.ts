import { formatNumber, isApproximate } from '../core/format.js';
import { linearScale, tickDecimals } from '../core/scale.js';
import { textWidth, wrapText } from '../core/text-measure.js';
import { yearTicks } from '../core/time.js';
import type { Annotation, Flag, TrendModel, TrendPoint, TrendSeries } from './model.js';

/**
 * Where everything of a trend chart goes, in pixels: a true time axis (dates sit where they belong,
 * however irregular), a value axis from zero (or logarithmic), one path per series split into solid
 * pieces and dashed long gaps, a marker per data point, and the events as numbered lines or bands.
 */

/** Between two points more than this apart nothing was measured for a long time: the line is dashed. */
export const GAP_MS = 400 * 86_400_000;

export type MarkerKind = 'exact' | 'rounded' | 'unverified' | 'derived';

export function markerKind(flags: Flag[]): MarkerKind {
  if (flags.includes('unverified')) return 'unverified';
  if (flags.includes('derived')) return 'derived';
  if (isApproximate(flags)) return 'rounded';
  return 'exact';
}

export interface PointBox {
  point: TrendPoint;
  /** Index of its line in `TrendLayout.series` (the shown series; `point.series` counts all of them). */
  path: number;
  x: number;
  y: number;
  kind: MarkerKind;
}

export interface SeriesPaths {
  series: TrendSeries;
  /** Measured stretches (consecutive points less than a year apart). */
  solid: string;
  /** Long gaps without data. */
  dashed: string;
  points: PointBox[];
  label?: { x: number; y: number; lines: string[]; anchor: 'start' | 'end' };
}

export interface AnnotationBox {
  annotation: Annotation;
  x0: number;
  x1: number;
  /** Centre of the number badge. */
  bx: number;
  by: number;
  /** The event's title next to its badge, where there is room. */
  text?: string;
  textX?: number;
  inside: boolean;
}

export interface TrendLayout {
  width: number;
  height: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
  lineHeight: number;
  xTicks: Array<{ x: number; text: string }>;
  yTicks: Array<{ y: number; text: string }>;
  series: SeriesPaths[];
  annotations: AnnotationBox[];
  /** Pixel x of a time, for linked selections drawn later. */
  x: (t: number) => number;
  t0: number;
  t1: number;
  log: boolean;
}

export interface TrendMetrics {
  width: number;
  size: number;
  smallFont: string;
  /** The series names are bold. */
  labelFont: string;
  /** The height to fill (a chart fitted into a slide); else it follows the width. */
  height?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** m × 10^e, read as a decimal: exact where it can be, 0 below the smallest double, Infinity above the largest. */
const decimal = (m: number, e: number) => Number(`${m}e${e}`);

/**
 * Ticks of a log axis from `lo` to `hi` (both > 0): the 1, 2, 5 of each decade, every whole multiple
 * when less than a decade is shown, and only every so many decades when more than `most` ticks would
 * not fit (5e-324 to 1.8E308 are 632 decades).
 */
export function logTicks(lo: number, hi: number, most = Infinity, multiples = [1, 2, 5]): number[] {
  const e0 = Math.floor(Math.log10(lo));
  const e1 = Math.ceil(Math.log10(hi));
  const limit = Math.max(2, Math.min(most, 1000));
  // Decades only, and every `stride`-th of them, when there are more than fit.
  const stride = multiples.length > 1 ? 1 : Math.max(1, Math.ceil((e1 - e0 + 1) / limit));
  const out: number[] = [];
  for (let e = Math.ceil(e0 / stride) * stride; e <= e1 && out.length <= limit * 9; e += stride) {
    for (const m of multiples) {
      const v = decimal(m, e);
      if (v > 0 && Number.isFinite(v) && v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  if (out.length > limit && multiples.length > 1) return logTicks(lo, hi, most, [1]);
  // Less than a decade shown: every whole multiple, so the axis still has something to read by.
  if (out.length < 4 && multiples.length > 1 && multiples.length < 9) return logTicks(lo, hi, most, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  return out;
}

/**
 * The nearest 1, 2, 5 × 10ⁿ around the data, not whole decades: 2.600–4.750 gets 2.000–5.000. Never
 * beyond the doubles: below 5e-324 the data's own minimum, above Number.MAX_VALUE its maximum.
 */
function logDomain(min: number, max: number): [number, number] {
  const candidates = (v: number) => [1, 2, 5, 10].map((m) => decimal(m, Math.floor(Math.log10(v))));
  const below = candidates(min).filter((x) => x > 0 && x <= min);
  const above = candidates(max).filter((x) => Number.isFinite(x) && x >= max);
  return [below.length ? Math.max(...below) : min, above.length ? Math.min(...above) : max];
}

/** Tick text: as many decimals as the ticks need to differ (beyond six, formatNumber uses an exponent). */
function tickText(v: number, step: number, locale: string): string {
  return step < 0.01 ? formatNumber(v, locale, tickDecimals(step)) : formatNumber(v, locale);
}

export function layoutTrend(
  model: TrendModel,
  visible: TrendSeries[],
  annotations: Annotation[],
  metrics: TrendMetrics,
  options: { log: boolean; locale: string },
): TrendLayout {
  const { width, size, smallFont, labelFont } = metrics;
  const lh = Math.round(size * 1.25);
  const small = size * 0.875;
  const narrow = width < 480;
  const height = metrics.height ? Math.round(Math.max(metrics.height, 8 * lh)) : Math.round(Math.min(Math.max(width * (narrow ? 0.75 : 0.5), 15 * lh), 26 * lh));

  // Time domain: the chosen period, else the data's (with its points' whole periods) and the events.
  const points = visible.flatMap((s) => s.points);
  let t0 = model.from ?? Math.min(...points.map((p) => p.t));
  let t1 = model.to ?? Math.max(...points.map((p) => p.t));
  if (model.from === undefined) t0 = Math.min(t0, ...annotations.map((a) => a.t0));
  if (model.to === undefined) t1 = Math.max(t1, ...annotations.map((a) => a.t0));
  if (!(t1 > t0)) {
    // One date only: show the year around it.
    t0 -= 183 * 86_400_000;
    t1 += 183 * 86_400_000;
  }
  // A little air on both sides so markers at the ends are not cut in half.
  const pad = (t1 - t0) * 0.03;
  t0 -= pad;
  t1 += pad;

  // Values: from zero (counts), or logarithmic over the data's decades.
  const values = points.map((p) => p.value);
  const vmax = Math.max(...values, 0);
  const vmin = Math.min(...values, 0);
  const plotTop = lh * 0.6 + (annotations.length ? lh * 1.5 : 0);
  const plotBottom = height - lh * 1.6;
  let yOf: (v: number) => number;
  let yTicks: Array<{ y: number; text: string }>;
  if (options.log) {
    const [lo, hi] = logDomain(Math.min(...values), Math.max(...values));
    const [l0, l1] = [Math.log10(lo), Math.log10(hi)];
    const k = (plotTop - plotBottom) / (l1 - l0 || 1);
    yOf = (v) => plotBottom + (Math.log10(v) - l0) * k;
    yTicks = logTicks(lo, hi, Math.floor((plotBottom - plotTop) / lh)).map((v) => ({ y: round(yOf(v)), text: tickText(v, v, options.locale) }));
  } else {
    const count = Math.max(2, Math.floor((plotBottom - plotTop) / (lh * 2.2)));
    const y = linearScale([vmin, vmax || 1], [plotBottom, plotTop], count);
    yOf = y;
    const ticks = y.ticks(count);
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    yTicks = ticks.map((v) => ({ y: round(yOf(v)), text: tickText(v, step, options.locale) }));
  }
  const yLabelW = Math.max(...yTicks.map((t) => textWidth(t.text, smallFont)), 0);

  // Series names at the end of their lines (colour is never the only key), where there is room.
  const labelRoom = narrow ? 0 : Math.min(width * 0.22, Math.max(...visible.map((s) => textWidth(s.label, labelFont))) + small);
  const x0 = Math.ceil(yLabelW + small * 0.6);
  const x1 = Math.floor(width - Math.max(labelRoom, small * 1.2));
  const k = (x1 - x0) / (t1 - t0);
  const x = (t: number) => round(x0 + (t - t0) * k);

  const yearW = textWidth('2020', smallFont) + small * 1.5;
  const xTicks = yearTicks(t0, t1, Math.floor((x1 - x0) / yearW)).map((t) => ({ x: x(t), text: String(new Date(t).getUTCFullYear()) }));

  const series = visible.map<SeriesPaths>((s, path) => {
    let solid = '';
    let dashed = '';
    const boxes = s.points.map((p) => ({ point: p, path, x: x(p.t), y: round(yOf(p.value)), kind: markerKind(p.flags) }));
    for (let i = 1; i < boxes.length; i++) {
      const a = boxes[i - 1];
      const b = boxes[i];
      const seg = `M${a.x},${a.y}L${b.x},${b.y}`;
      if (b.point.t - a.point.t > GAP_MS) dashed += seg;
      else solid += seg;
    }
    return { series: s, solid, dashed, points: boxes };
  });

  // Series names at the end of their lines. Wide: beside the last point, in a margin of their own,
  // pushed apart vertically so they do not overlap. Narrow: inside the plot, where they must not hide data.
  const placed = series
    .filter((s) => s.points.length)
    .map((s) => {
      const last = s.points[s.points.length - 1];
      const room = narrow ? Math.max(last.x - x0 - small, small * 6) : labelRoom - small * 0.4;
      // The margin is narrow: up to three lines there ("Stadtbezirk / Innenstadt- / Nord"), two in the plot.
      const { lines, width } = wrapText(s.series.label, room, labelFont, narrow ? 2 : 3);
      return { s, last, lines, width };
    })
    .sort((a, b) => a.last.y - b.last.y);
  if (narrow) placeInside(placed, series, { x0, x1: width, y0: plotTop, y1: plotBottom }, lh, small);
  else {
    let bottom = -Infinity;
    for (const p of placed) {
      const h = p.lines.length * lh * 0.9;
      const y = Math.max(p.last.y - h / 2 + lh * 0.35, bottom);
      // A little air between two names, so that stacked names do not read as one.
      bottom = y + h + lh * 0.35;
      p.s.label = { x: x1 + small * 0.5, y, lines: p.lines, anchor: 'start' };
    }
  }

  // Events: numbered badges in a row above the plot; the title beside the badge when it fits before the next one.
  const badge = lh * 0.5;
  const boxes = annotations.map<AnnotationBox>((a) => {
    const inside = a.t1 > t0 && a.t0 < t1;
    const ax0 = x(Math.max(a.t0, t0));
    const ax1 = x(Math.min(a.t1, t1));
    return { annotation: a, x0: ax0, x1: Math.max(ax1, ax0), bx: ax0, by: lh * 0.6 + badge, inside };
  });
  const shown = boxes.filter((b) => b.inside);
  // Badges must not overlap: shift right where two events are close.
  for (let i = 1; i < shown.length; i++) shown[i].bx = Math.max(shown[i].bx, shown[i - 1].bx + badge * 2.2);
  shown.forEach((b, i) => {
    const next = shown[i + 1]?.bx ?? width;
    const room = next - (b.bx + badge * 1.4) - small * 0.5;
    if (!narrow && room > small * 4) {
      const line = wrapText(b.annotation.title, room, smallFont, 1);
      b.text = line.lines[0];
      b.textX = b.bx + badge * 1.4;
    }
  });

  return {
    width,
    height,
    plot: { x0, x1, y0: plotTop, y1: plotBottom },
    lineHeight: lh,
    xTicks,
    yTicks,
    series,
    annotations: boxes,
    x,
    t0,
    t1,
    log: options.log,
  };
}

/** Values for a log axis exist only above zero. */
export function canUseLog(series: TrendSeries[]): boolean {
  return series.every((s) => s.points.every((p) => p.value > 0));
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Narrow screens: each series name goes inside the plot near its line's last point, right-aligned —
 * above it, below it or to its left, else above or below it at the plot's right edge — in the first
 * spot that covers no marker and no other name (a line may run behind it: the halo keeps it readable).
 * A name with no such spot is left out: a name must never hide a data point, and the legend above the
 * chart names every series.
 */
function placeInside(
  placed: Array<{ s: SeriesPaths; last: PointBox; lines: string[]; width: number }>,
  series: SeriesPaths[],
  plot: Box,
  lh: number,
  small: number,
): void {
  // Markers have a radius of 4.5 px and a stroke; a placed name joins them as something to avoid.
  const taken: Box[] = series.flatMap((s) => s.points).map(({ x, y }) => ({ x0: x - 7, y0: y - 7, x1: x + 7, y1: y + 7 }));
  for (const p of placed) {
    const h = p.lines.length * lh * 0.9;
    const { x, y } = p.last;
    // [right edge, top] of each spot; 9 px: the marker's 7 and 2 for the halo around the name.
    const spots = [
      [x - small * 0.6, y - 9 - h],
      [x - small * 0.6, y + 9],
      [x - 9, y - h / 2],
      [plot.x1 - 2, y - 9 - h],
      [plot.x1 - 2, y + 9],
    ];
    const box = spots
      .map(([right, top]) => ({ x0: right - p.width - 2, y0: top - 2, x1: right + 2, y1: top + h + 2 }))
      .find((b) => b.x0 >= plot.x0 && b.x1 <= plot.x1 && b.y0 >= plot.y0 && b.y1 <= plot.y1 && !taken.some((t) => overlaps(b, t)));
    if (!box) continue;
    taken.push(box);
    p.s.label = { x: box.x1 - 2, y: box.y0 + 2 + lh * 0.7, lines: p.lines, anchor: 'end' };
  }
}
