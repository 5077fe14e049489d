import { formatNumber, isApproximate } from '../core/format.js';
import { linearScale, tickDecimals } from '../core/scale.js';
import { textWidth, wrapText } from '../core/text-measure.js';
import { boxesMeet, clipSegment, lineAround, type TextBox } from '../core/line-gaps.js';
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
  /** The series' name: `x` where `anchor` puts it, `y` the first line's baseline, `width` its widest line. */
  label?: { x: number; y: number; lines: string[]; anchor: 'start' | 'end'; width: number; key?: boolean };
}

export interface AnnotationBox {
  annotation: Annotation;
  x0: number;
  x1: number;
  /** The event's line from below its badge to the axis, around the series names in the plot. */
  d: string;
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
  /** `d`: the grid line, around the series names in the plot. */
  yTicks: Array<{ y: number; text: string; d: string }>;
  series: SeriesPaths[];
  annotations: AnnotationBox[];
  /** Pixel x of a time, for linked selections drawn later. */
  x: (t: number) => number;
  t0: number;
  t1: number;
  log: boolean;
  /** Narrow: the series names are inside the plot. */
  narrow: boolean;
  /** The unit drawn in the events' row, left of the first badge (fitted charts; else it stands above the chart). */
  unit?: { x: number; y: number };
}

export interface TrendMetrics {
  width: number;
  size: number;
  smallFont: string;
  /** The series names are bold. */
  labelFont: string;
  /** The height to fill (a chart fitted into a slide); else it follows the width. */
  height?: number;
  /** Fitted: the width of the unit's text, to draw it in the events' row where that leaves the badges in place. */
  unitWidth?: number;
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
  // Fitted (a slide, full screen): the height its box leaves (0 too, a box squeezed empty), but never less than
  // a readable chart of six lines — in a box too small for that the chart scrolls inside it (trend-chart.ts,
  // .cramped) instead of running over the events, notes and source below. Else it follows the width; narrow:
  // taller than wide screens need, so that the series can be named inside the plot.
  let height =
    metrics.height !== undefined ? Math.max(Math.floor(metrics.height), 6 * lh) : Math.round(Math.min(Math.max(width * (narrow ? 0.75 : 0.5), (narrow ? 20 : 15) * lh), 26 * lh));

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
  // Events: numbered badges in rows above the plot, as many rows as the events need not to overlap and not
  // to run past the chart's right edge (all 61 milestones at 700 px); counted here with the plot's left edge
  // guessed (the y labels are not measured yet), placed below with the real one.
  const badge = lh * 0.5;
  const rows = annotations.length ? badgeRows(annotations, (t) => small * 3 + ((t - t0) / (t1 - t0)) * (width - small * 3), t0, t1, badge, width).rows : 0;
  const extraRows = Math.max(0, rows - 1) * badge * 2.2;
  // A chart that follows the width grows by its extra rows of badges; a fitted one gives them plot height.
  if (metrics.height === undefined) height += extraRows;
  const plotTop = lh * 0.6 + (rows ? lh * 1.5 + extraRows : 0);
  const plotBottom = height - lh * 1.6;
  let yOf: (v: number) => number;
  let yTicks: Array<{ y: number; text: string; d?: string }>;
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
  // Inside the plot the names are in the regular weight: narrower, they find room more often.
  if (narrow) placeInside(placed.map(({ s }) => ({ s, key: String(model.series.indexOf(s.series) + 1) })), series, { x0, x1: width, y0: plotTop, y1: plotBottom }, lh, small, smallFont);
  else {
    let bottom = -Infinity;
    for (const p of placed) {
      const h = p.lines.length * lh * 0.9;
      const y = Math.max(p.last.y - h / 2 + lh * 0.35, bottom);
      // A little air between two names, so that stacked names do not read as one.
      bottom = y + h + lh * 0.35;
      p.s.label = { x: x1 + small * 0.5, y, lines: p.lines, anchor: 'start', width: p.width };
    }
  }

  // The title beside its badge when it fits before the next badge of its row.
  const badgeSpots = badgeRows(annotations, x, t0, t1, badge, width, rows);
  const boxes = annotations.map<AnnotationBox>((a, i) => {
    const ax0 = x(Math.max(a.t0, t0));
    const ax1 = x(Math.min(a.t1, t1));
    const at = badgeSpots.at[i];
    return { annotation: a, x0: ax0, x1: Math.max(ax1, ax0), bx: at?.x ?? ax0, by: lh * 0.6 + badge + (at?.row ?? 0) * badge * 2.2, inside: !!at, d: '' };
  });
  const shown = boxes.filter((b) => b.inside);
  shown.forEach((b, i) => {
    // Up to the next badge of its row, and never into the series names right of the plot.
    const next = shown.slice(i + 1).find((c) => c.by === b.by)?.bx ?? x1;
    const room = next - (b.bx + badge * 1.4) - small * 0.5;
    // Several rows: the event lines of the upper rows would cross the titles of the lower ones; the list below names them.
    if (!narrow && rows < 2 && room > small * 4) {
      const line = wrapText(b.annotation.title, room, smallFont, 1);
      b.text = line.lines[0];
      b.textX = b.bx + badge * 1.4;
    }
  });

  // Fitted: the unit in the events' row, left of the first badge, which it must not move — a line less above
  // the chart. The value labels below it are right-aligned to the plot's edge, so the row's start is free.
  const unitWidth = metrics.unitWidth;
  const unit = unitWidth !== undefined && annotations.length && (!shown.length || unitWidth + small * 0.6 <= shown[0].bx - badge) ? { x: 0, y: lh * 0.6 + badge } : undefined;

  // Grid and event lines pause at the series names inside the plot.
  const names: TextBox[] = narrow ? series.flatMap((s) => (s.label ? [{ x0: s.label.x - 2, y0: s.label.y - lh * 0.75, x1: s.label.x + s.label.width + 2, y1: s.label.y + (s.label.lines.length - 1) * lh * 0.9 + lh * 0.25 }] : [])) : [];
  const badges: TextBox[] = shown.map((c) => ({ x0: c.bx - badge, y0: c.by - badge, x1: c.bx + badge, y1: c.by + badge }));
  for (const b of boxes) b.d = lineAround(b.x0, b.by + badge, b.x0, plotBottom, [...names, ...badges.filter((c) => c.y0 > b.by)], 1);
  return {
    width,
    height,
    plot: { x0, x1, y0: plotTop, y1: plotBottom },
    lineHeight: lh,
    xTicks,
    yTicks: yTicks.map((t) => ({ ...t, d: lineAround(x0, t.y, x1, t.y, names, 0) })),
    series,
    annotations: boxes,
    x,
    t0,
    t1,
    log: options.log,
    narrow,
    unit,
  };
}

/** Values for a log axis exist only above zero. */
export function canUseLog(series: TrendSeries[]): boolean {
  return series.every((s) => s.points.every((p) => p.value > 0));
}

/** The shortest distance between a box and a segment [ax, ay, bx, by] that does not cross it. */
function distance(b: TextBox, [ax, ay, bx, by]: number[]): number {
  const toPoint = (px: number, py: number) => Math.hypot(Math.max(b.x0 - px, 0, px - b.x1), Math.max(b.y0 - py, 0, py - b.y1));
  const toSegment = (px: number, py: number) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
    return Math.hypot(px - ax - t * dx, py - ay - t * dy);
  };
  return Math.min(toPoint(ax, ay), toPoint(bx, by), toSegment(b.x0, b.y0), toSegment(b.x1, b.y0), toSegment(b.x0, b.y1), toSegment(b.x1, b.y1));
}

/**
 * Narrow screens: every series is named inside the plot, next to one of its points — the last one if it
 * can, else an earlier one, in one line or up to three: above it, below it, to its left or right, else
 * anywhere nearer its own line than any other — in a spot that covers no marker, no other name and no
 * series' line: a name must never hide a data point, and a data line through a name makes both hard to
 * read. Grid and event lines pause at the names (see layoutTrend). Where a name finds no room, the
 * series' number in the legend (`key`) stands at its line instead: never colour alone.
 */
function placeInside(
  placed: Array<{ s: SeriesPaths; key: string }>,
  series: SeriesPaths[],
  plot: TextBox,
  lh: number,
  small: number,
  font: string,
): void {
  // Markers have a radius of 4.5 px and a stroke.
  const taken: TextBox[] = series.flatMap((s) => s.points).map(({ x, y }) => ({ x0: x - 7, y0: y - 7, x1: x + 7, y1: y + 7 }));
  const stretches = (s: SeriesPaths) => s.points.map((b, i) => [s.points[Math.max(0, i - 1)].x, s.points[Math.max(0, i - 1)].y, b.x, b.y]);
  const lines = series.flatMap(stretches);
  const free = (b: TextBox) =>
    b.x0 >= plot.x0 && b.x1 <= plot.x1 && b.y0 >= plot.y0 && b.y1 <= plot.y1 && !taken.some((t) => boxesMeet(b, t)) && !lines.some(([ax, ay, bx, by]) => clipSegment(b, ax, ay, bx, by));
  const room = plot.x1 - plot.x0 - 4;
  type Spot = { b: TextBox; text: string[]; w: number };
  /** Every free spot for one of the texts of series `s`, best first (at most 40). */
  const spotsFor = (s: SeriesPaths, wraps: Array<{ lines: string[]; width: number }>) => {
    const out: Spot[] = [];
    // Its points from the last, then the middles of its stretches.
    const near = [...s.points].reverse().concat(s.points.slice(1).map((b, i) => ({ ...b, x: (b.x + s.points[i].x) / 2, y: (b.y + s.points[i].y) / 2 })));
    const own = stretches(s);
    const others = series.filter((o) => o !== s).flatMap(stretches);
    for (const { lines: text, width: w } of wraps) {
      const h = text.length * lh * 0.9;
      for (const { x, y } of near) {
        // [left, top] of each spot; 9 px: the marker's 7 and 2 for the air around the name.
        for (const [left, top] of [
          [x - w + small * 0.6, y - 9 - h],
          [x - w + small * 0.6, y + 9],
          [x - w / 2, y - 9 - h],
          [x - w / 2, y + 9],
          [x - 9 - w, y - h / 2],
          [x + 9, y - h / 2],
          [x - small * 0.6, y - 9 - h],
          [x - small * 0.6, y + 9],
        ]) {
          // Pushed inside the plot where it would stick out at a side.
          const l = Math.max(plot.x0 + 2, Math.min(plot.x1 - 2 - w, left));
          const b = { x0: l - 2, y0: top - 2, x1: l + w + 2, y1: top + h + 2 };
          if (out.length < 40 && free(b)) out.push({ b, text, w });
        }
      }
      // Else anywhere nearer its own line than any other, within a line's height of it (searched only
      // around the line, and only while fewer than ten spots are known).
      if (out.length >= 10) continue;
      const found: Array<Spot & { d: number }> = [];
      const xs = s.points.map((p) => p.x);
      const ys = s.points.map((p) => p.y);
      for (let top = Math.max(plot.y0, Math.min(...ys) - lh - h - 4); top + h + 4 <= Math.min(plot.y1, Math.max(...ys) + lh + h + 4); top += 4) {
        for (let left = Math.max(plot.x0 + 2, Math.min(...xs) - lh - w); left + w + 2 <= Math.min(plot.x1, Math.max(...xs) + lh + w); left += 4) {
          const b = { x0: left - 2, y0: top, x1: left + w + 2, y1: top + h + 4 };
          const d = Math.min(...own.map((l) => distance(b, l)));
          if (d <= lh && free(b) && d < Math.min(Infinity, ...others.map((l) => distance(b, l)))) found.push({ b, text, w, d });
        }
      }
      out.push(...found.sort((a, b) => a.d - b.d).slice(0, 40 - out.length));
    }
    return out;
  };
  // The name in one line, else in two or three narrower ones ("Stadtbezirk / Innenstadt- / Nord").
  const spots = placed.map(({ s }) =>
    spotsFor(
      s,
      [room, room * 0.6, room * 0.45, 0]
        .map((w) => wrapText(s.series.label, Math.max(w, small * 4), font, 3))
        .filter((w, i, all) => !w.truncated && all.findIndex((o) => o.lines.join() === w.lines.join()) === i),
    ),
  );
  // The spots that name the most series without two names meeting; of those, the earliest spots
  // (searched depth first, at most 20,000 steps: the first choices are the greedy ones).
  let best: Array<Spot | undefined> = [];
  let bestCount = -1;
  let budget = 20_000;
  const search = (k: number, chosen: Array<Spot | undefined>, count: number) => {
    if (count + placed.length - k <= bestCount || budget-- < 0) return;
    if (k === placed.length) {
      best = chosen;
      bestCount = count;
      return;
    }
    for (const spot of spots[k]) {
      if (chosen.some((c) => c && boxesMeet(c.b, spot.b))) continue;
      search(k + 1, [...chosen, spot], count + 1);
    }
    search(k + 1, [...chosen, undefined], count);
  };
  search(0, [], 0);
  placed.forEach(({ s, key }, k) => {
    const spot = best[k] ?? spotsFor(s, [{ lines: [key], width: textWidth(key, font) }]).find((o) => !best.some((c) => c && boxesMeet(c.b, o.b)));
    if (!spot) return;
    best[k] = spot;
    s.label = { x: spot.b.x0 + 2, y: spot.b.y0 + 2 + lh * 0.7, lines: spot.text, anchor: 'start', width: spot.w, key: !!spot.text.length && spot.text[0] === key && s.series.label !== key };
  });
}

/**
 * Rows of event badges: each badge at its event's x, shifted right by at most two badges where the row is
 * taken, else in the next row; never past the chart's right edge. With `most` rows (the count the plot's top
 * was laid out for) a badge that finds no place goes where its row ends soonest.
 */
function badgeRows(events: Annotation[], x: (t: number) => number, t0: number, t1: number, badge: number, width: number, most = Infinity) {
  const step = badge * 2.2;
  const ends: number[] = [];
  const at = events.map((a) => {
    if (!(a.t1 > t0 && a.t0 < t1)) return undefined;
    const want = Math.min(x(Math.max(a.t0, t0)), width - badge);
    const spot = (row: number) => Math.max(want, (ends[row] ?? -Infinity) + step);
    let row = ends.findIndex((_, r) => spot(r) <= Math.min(want + step * 2, width - badge));
    if (row < 0) row = ends.length < most ? ends.length : ends.indexOf(Math.min(...ends));
    const bx = Math.min(spot(row), width - badge);
    ends[row] = bx;
    return { x: bx, row };
  });
  return { at, rows: ends.length };
}