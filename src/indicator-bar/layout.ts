import { formatNumber, formatValue, isPercent } from '../core/format.js';
import { linearScale, tickDecimals } from '../core/scale.js';
import { msg, pickText, type Lang } from '../core/i18n.js';
import { textWidth, wrapText } from '../core/text-measure.js';
import { isWordedUnit, referenceText, rowLabel, valueText, type BarModel, type BarReference, type BarRow } from '../core/indicator-model.js';

/**
 * Geometry of `<indicator-bar>` for a given width and font: where every label, bar, reference line and
 * tick goes. Sizes are multiples of the font size, so the chart grows with the page's type (slides).
 * Below 26 em the names move above their bars (phones); ranking lists get columns on wide screens.
 */

export interface Metrics {
  width: number;
  /** Font size in px. */
  size: number;
  font: string;
  boldFont: string;
  smallFont: string;
}

export interface BarBox {
  series: number;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  textX: number;
  anchor: 'start' | 'end';
  missing: boolean;
}

export interface RowBox {
  row: BarRow;
  /** Index among the focusable items. */
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  truncated: boolean;
  labelX: number;
  labelY: number;
  bars: BarBox[];
  /** Ranking lists: the rank badge. */
  rankText?: string;
  rankX?: number;
  ariaLabel: string;
}

export interface ReferenceMark {
  ref: BarReference;
  x: number;
  y1: number;
  y2: number;
  /** Narrow layout: the line is drawn only across the bars, not through the names above them. */
  segments?: Array<[number, number]>;
  text: string;
  textX: number;
  textY: number;
  anchor: 'start' | 'end';
}

export interface Tick {
  x: number;
  text: string;
  textX: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface Panel {
  title?: string;
  titleY: number;
  plotX0: number;
  plotX1: number;
  zeroX: number;
  gridTop: number;
  axisY: number;
  ticks: Tick[];
  /** A worded unit ("Beschäftigte") left off the bar labels is named once under the axis. */
  unit?: { text: string; x: number; y: number };
  refs: ReferenceMark[];
  rows: RowBox[];
}

export interface ValueLayout {
  kind: 'value';
  width: number;
  height: number;
  lineHeight: number;
  narrow: boolean;
  panels: Panel[];
  items: RowBox[];
}

export interface Divider {
  ref: BarReference;
  x: number;
  y: number;
  w: number;
  text: string;
  textW: number;
}

export interface RankLayout {
  kind: 'rank';
  width: number;
  height: number;
  lineHeight: number;
  items: RowBox[];
  dividers: Divider[];
  hints: Array<{ x: number; y: number; text: string }>;
}

export type BarLayout = ValueLayout | RankLayout;

const NARROW_EM = 26;

/**
 * Lay out `model.shown`. `scaleRows`: the rows that set the axis, the label column and the rank badges'
 * width — all of them when `shown` is one page of several, so that every page has the same axis.
 */
export function layoutBars(model: BarModel, m: Metrics, lang: Lang, locale: string, scaleRows = model.shown): BarLayout {
  return model.mode === 'rank' ? layoutRank(model, m, lang, locale, scaleRows) : layoutValue(model, m, lang, locale, scaleRows);
}

/**
 * A chart too tall for `height` (a slide) in pages: how many rows a page holds, so that each page's
 * layout fits. Undefined when the whole chart fits.
 */
export function rowsPerPage(model: BarModel, m: Metrics, lang: Lang, locale: string, full: BarLayout, height: number): number | undefined {
  const n = model.shown.length;
  if (full.height <= height || n < 3) return undefined;
  const fits = (size: number) => layoutBars({ ...model, shown: model.shown.slice(0, size) }, m, lang, locale, model.shown).height <= height;
  // The most rows that fit, searched from the top: rows differ in height (one or two lines), and from
  // 17 rows a ranking takes two columns, so fewer rows do not always mean a lower chart. In a very small
  // box a page holds one row (the widget scrolls if even that does not fit).
  let size = n - 1;
  while (size > 1 && !fits(size)) size--;
  // Pages of even length: 39 rows in three pages of 13, not 18 + 18 + 3.
  return Math.ceil(n / Math.ceil(n / size));
}

function layoutValue(model: BarModel, m: Metrics, lang: Lang, locale: string, scaleRows: BarRow[]): ValueLayout {
  const { width: W, size: fs } = m;
  const lh = fs * 1.25;
  const narrow = W < fs * NARROW_EM;
  const rowGap = fs * 0.45;
  const labelMax = narrow ? W : Math.min(W * 0.4, fs * 22);
  const wrap = (row: BarRow) => wrapText(row.name, labelMax, row.highlighted ? m.boldFont : m.font, 2);
  const wrapped = model.shown.map(wrap);
  const labelW = narrow ? 0 : Math.max(0, ...(scaleRows === model.shown ? wrapped : scaleRows.map(wrap)).map((w) => w.width));
  const wordedUnit = isWordedUnit(model, lang) ? pickText(model.unit, lang) : undefined;
  const groups = model.separateAxes ? model.series.map((_, i) => [i]) : [model.series.map((_, i) => i)];
  const withValue = model.references.filter((r) => r.value !== undefined);

  const panels: Panel[] = [];
  const items: RowBox[] = [];
  let y = 0;
  for (const seriesIdx of groups) {
    let title: string | undefined;
    let titleY = 0;
    if (model.separateAxes) {
      title = model.series[seriesIdx[0]].label;
      titleY = y + lh * 0.9;
      y += lh * 1.3;
    }
    // With separate axes each panel draws the references of its own series (a city row of that series);
    // the indicator's own references are stated in the notes instead.
    const refs = model.separateAxes ? withValue.filter((r) => r.series === seriesIdx[0]) : withValue;
    const values = scaleRows.flatMap((r) => seriesIdx.map((i) => r.values[i]));
    const numbers = values.filter((v) => v.value !== null).map((v) => v.value!);
    const refValues = refs.map((r) => r.value!);
    const lo = Math.min(0, ...numbers, ...refValues);
    const hi = Math.max(0, ...numbers, ...refValues);
    const valueW = Math.max(fs, ...values.filter((v) => v.value !== null).map((v) => textWidth(valueText(model, v, lang, locale, true), m.smallFont))) + fs * 0.4;
    const plotX0 = narrow ? 0 : labelW + fs * 0.75;
    const plotX1 = Math.max(plotX0 + fs * 4, W - valueW);
    const tickCount = Math.max(2, Math.floor((plotX1 - plotX0) / (fs * 5)));
    const x = linearScale([lo, hi > lo ? hi : lo + 1], [plotX0 + (lo < 0 ? valueW : 0), plotX1], tickCount);
    const zeroX = x(0);

    // Reference labels each get their own line above the bars; their order and side are chosen so
    // that no label is crossed by the line of a reference drawn above it.
    const refTop = y;
    const refMarks: ReferenceMark[] = placeReferences(refs, (v) => x(v), W, fs, (ref) => referenceText(model, ref, lang, locale), m.smallFont).map((p, i) => ({
      ...p,
      y1: refTop + (i + 1) * lh * 0.95 - lh * 0.75,
      y2: 0,
      textY: refTop + (i + 1) * lh * 0.95 - lh * 0.25,
    }));
    y += refs.length * lh * 0.95 + (refs.length ? fs * 0.3 : 0);

    const gridTop = y;
    const barH = seriesIdx.length === 1 ? fs * 1.1 : fs * 0.8;
    const barGap = fs * 0.15;
    const barsH = seriesIdx.length * barH + (seriesIdx.length - 1) * barGap;
    const rows: RowBox[] = model.shown.map((row, r) => {
      const { lines, truncated } = wrapped[r];
      const labelH = lines.length * lh;
      const h = narrow ? labelH + fs * 0.15 + barsH : Math.max(labelH, barsH);
      const top = y;
      const barsTop = narrow ? top + labelH + fs * 0.15 : top + (h - barsH) / 2;
      const labelTop = narrow ? top : top + (h - labelH) / 2;
      const bars: BarBox[] = seriesIdx.map((si, k) => {
        const v = row.values[si];
        const by = barsTop + k * (barH + barGap);
        if (v.value === null) {
          return { series: si, x: zeroX, y: by, w: 0, h: barH, text: msg(lang, 'noValue'), textX: zeroX + fs * 0.3, anchor: 'start', missing: true };
        }
        const vx = x(v.value);
        const negative = v.value < 0;
        return {
          series: si,
          x: Math.min(vx, zeroX),
          y: by,
          w: Math.abs(vx - zeroX),
          h: barH,
          text: valueText(model, v, lang, locale, true),
          textX: negative ? vx - fs * 0.3 : vx + fs * 0.3,
          anchor: negative ? 'end' : 'start',
          missing: false,
        };
      });
      y += h + rowGap;
      const box: RowBox = {
        row,
        index: items.length,
        x: 0,
        y: top - rowGap / 2,
        w: W,
        h: h + rowGap,
        lines,
        truncated,
        labelX: narrow ? 0 : labelW,
        labelY: labelTop + lh * 0.78,
        bars,
        ariaLabel: rowLabel(model, row, lang, locale, model.separateAxes ? seriesIdx : undefined),
      };
      items.push(box);
      return box;
    });
    const axisY = y - rowGap / 2;
    for (const mark of refMarks) {
      mark.y2 = axisY;
      if (narrow) {
        const first = rows[0]?.bars[0];
        mark.segments = [[mark.y1, first ? first.y - fs * 0.1 : axisY], ...rows.map((r): [number, number] => {
          const top = r.bars[0].y - fs * 0.1;
          const last = r.bars[r.bars.length - 1];
          return [top, last.y + last.h + fs * 0.1];
        })];
        // Below the last bar down to the axis.
        const last = rows[rows.length - 1]?.bars.at(-1);
        if (last) mark.segments.push([last.y + last.h + fs * 0.1, axisY]);
      }
    }
    const percent = isPercent(model.unit);
    const tickText = (t: number, decimals: number) => (percent ? formatValue(t, locale, lang, { unit: '%', decimals }) : formatNumber(t, locale, decimals));
    // Fewer ticks until their labels fit side by side ("-400.000" is wider than "40 %").
    let ticks: number[] = [];
    let decimals = 0;
    for (let count = tickCount; count >= 1; count--) {
      ticks = x.ticks(count);
      decimals = tickDecimals(ticks.length > 1 ? ticks[1] - ticks[0] : 1);
      const widest = Math.max(...ticks.map((t) => textWidth(tickText(t, decimals), m.smallFont)));
      if (ticks.length < 2 || Math.abs(x(ticks[1]) - x(ticks[0])) >= widest + fs * 0.8) break;
    }
    panels.push({
      title,
      titleY,
      plotX0,
      plotX1,
      zeroX,
      gridTop,
      axisY,
      ticks: ticks.map((t) => {
        const text = tickText(t, decimals);
        const half = textWidth(text, m.smallFont) / 2;
        const tx = x(t);
        // Labels at the edges are aligned inwards instead of being cut off.
        const anchor: Tick['anchor'] = tx - half < 0 ? 'start' : tx + half > W ? 'end' : 'middle';
        return { x: tx, text, anchor, textX: anchor === 'start' ? Math.max(0, tx - 2) : anchor === 'end' ? Math.min(W, tx + 2) : tx };
      }),
      unit: wordedUnit ? { text: wordedUnit, x: plotX1, y: axisY + lh * 2.1 } : undefined,
      refs: refMarks,
      rows,
    });
    y = axisY + lh * (wordedUnit ? 2.4 : 1.3) + (model.separateAxes ? fs * 0.6 : 0);
  }
  return { kind: 'value', width: W, height: Math.ceil(y), lineHeight: lh, narrow, panels, items };
}

function layoutRank(model: BarModel, m: Metrics, lang: Lang, locale: string, scaleRows: BarRow[]): RankLayout {
  const { width: W, size: fs } = m;
  const lh = fs * 1.25;
  const inline = model.sort === 'desc' || model.sort === 'asc';
  // The city's place among the ranks, as a labelled divider at the right position.
  const dividerRefs = inline ? model.references.filter((r) => r.afterRank !== undefined) : [];
  type Entry = { row: BarRow } | { ref: BarReference };
  const entries: Entry[] = [];
  const placed = new Set<BarReference>();
  model.shown.forEach((row) => {
    for (const ref of dividerRefs) {
      if (placed.has(ref) || row.rank === undefined) continue;
      const before = model.sort === 'desc' ? row.rank > ref.afterRank! : row.rank <= ref.afterRank!;
      if (before) {
        entries.push({ ref });
        placed.add(ref);
      }
    }
    entries.push({ row });
  });
  // A divider right after the last shown row only when the list is complete (otherwise it is in the notes).
  if (model.shown.length === model.rows.length) {
    for (const ref of dividerRefs) if (!placed.has(ref)) entries.push({ ref });
  }

  const columns = model.shown.length > 16 ? (W >= fs * 66 ? 3 : W >= fs * 44 ? 2 : 1) : 1;
  const gap = fs * 1.5;
  const colW = (W - (columns - 1) * gap) / columns;
  const maxRank = Math.max(1, ...scaleRows.map((r) => r.rank ?? 0));
  const rankW = textWidth(formatNumber(maxRank, locale), m.boldFont) + fs * 0.8;
  const nameX = rankW + fs * 0.5;
  const nameMax = colW - nameX;
  const rowGap = fs * 0.3;

  const hints: RankLayout['hints'] = [];
  let top = 0;
  if (model.rankOrder && inline) {
    const first = model.sort === 'desc' ? model.rankOrder.first : model.rankOrder.last;
    const rank = model.sort === 'desc' ? 1 : model.ranked;
    hints.push({ x: 0, y: lh * 0.8, text: `${msg(lang, 'rank')} ${formatNumber(rank, locale)}: ${first}` });
    top = lh * 1.2;
  }

  const sized = entries.map((e) => {
    if ('row' in e) {
      const wrapped = wrapText(e.row.name, nameMax, e.row.highlighted ? m.boldFont : m.font, 2);
      return { e, wrapped, h: wrapped.lines.length * lh + rowGap };
    }
    return { e, wrapped: undefined, h: lh * 1.6 };
  });
  const total = sized.reduce((s, x) => s + x.h, 0);
  const target = total / columns;
  const items: RowBox[] = [];
  const dividers: Divider[] = [];
  let col = 0;
  let y = top;
  let used = 0;
  let height = top;
  for (const s of sized) {
    if (col < columns - 1 && used > 0 && used + s.h / 2 > target * (col + 1)) {
      col++;
      y = top;
    }
    const x = col * (colW + gap);
    if ('row' in s.e) {
      const row = s.e.row;
      items.push({
        row,
        index: items.length,
        x,
        y,
        w: colW,
        h: s.h,
        lines: s.wrapped!.lines,
        truncated: s.wrapped!.truncated,
        labelX: x + nameX,
        labelY: y + rowGap / 2 + lh * 0.78,
        bars: [],
        rankText: row.rank !== undefined ? formatNumber(row.rank, locale) : '–',
        rankX: x,
        ariaLabel: rowLabel(model, row, lang, locale),
      });
    } else {
      const text = referenceText(model, s.e.ref, lang, locale);
      dividers.push({ ref: s.e.ref, x, y: y + s.h / 2, w: colW, text, textW: textWidth(text, m.smallFont.replace(/^400/, '700')) });
    }
    y += s.h;
    used += s.h;
    height = Math.max(height, y);
  }
  if (model.rankOrder && inline && model.shown.length === model.rows.length) {
    const last = model.sort === 'desc' ? model.rankOrder.last : model.rankOrder.first;
    const rank = model.sort === 'desc' ? model.ranked : 1;
    hints.push({ x: 0, y: height + lh * 0.9, text: `${msg(lang, 'rank')} ${formatNumber(rank, locale)}: ${last}` });
    height += lh * 1.3;
  }
  return { kind: 'rank', width: W, height: Math.ceil(height), lineHeight: lh, items, dividers, hints };
}

interface PlacedReference {
  ref: BarReference;
  x: number;
  text: string;
  textX: number;
  anchor: 'start' | 'end';
}

/**
 * Order and side for reference labels: the i-th label sits on line i and the lines of references above
 * it run through that line, so a label must not span their x. A handful of references → try all orders.
 */
function placeReferences(
  refs: BarReference[],
  x: (v: number) => number,
  width: number,
  fs: number,
  textOf: (r: BarReference) => string,
  font: string,
): PlacedReference[] {
  const options = refs.map((ref) => {
    const rx = x(ref.value!);
    const text = textOf(ref);
    const tw = textWidth(text, font);
    const sides: PlacedReference[] = [];
    if (rx + fs * 0.3 + tw <= width) sides.push({ ref, x: rx, text, textX: rx + fs * 0.3, anchor: 'start' });
    if (rx - fs * 0.3 - tw >= 0 || !sides.length) sides.push({ ref, x: rx, text, textX: rx - fs * 0.3, anchor: 'end' });
    return sides.map((p) => ({ p, from: p.anchor === 'start' ? p.textX : p.textX - tw, to: p.anchor === 'start' ? p.textX + tw : p.textX }));
  });
  let best: PlacedReference[] = [];
  let bestCost = Infinity;
  const visit = (chosen: typeof options[number], remaining: number[], cost: number) => {
    if (cost >= bestCost) return;
    if (!remaining.length) {
      bestCost = cost;
      best = chosen.map((c) => c.p);
      return;
    }
    for (const i of remaining) {
      for (const option of options[i]) {
        const crossings = chosen.filter((c) => c.p.x >= option.from - 2 && c.p.x <= option.to + 2).length;
        visit([...chosen, option], remaining.filter((j) => j !== i), cost + crossings * 10 + (option.p.anchor === 'end' ? 1 : 0));
      }
    }
  };
  if (refs.length <= 5) visit([], refs.map((_, i) => i), 0);
  else best = options.map((o) => o[0].p);
  return best;
}
