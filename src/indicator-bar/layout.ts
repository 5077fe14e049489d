import { formatNumber, formatValue, isPercent } from '../core/format.js';
import { linearScale, tickDecimals } from '../core/scale.js';
import { msg, pickText, type Lang } from '../core/i18n.js';
import { textWidth, wrapText } from '../core/text-measure.js';
import { lineAround, textBox, type TextBox } from '../core/line-gaps.js';
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
  /** The line from its label down to the axis, around the texts it would cross (see line-gaps.ts). */
  d: string;
  /** One line, or two where it is wider than the chart. */
  lines: string[];
  textX: number;
  textY: number;
  anchor: 'start' | 'end';
}

export interface Tick {
  x: number;
  /** The grid line, around the texts it would cross. */
  d: string;
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
  /** The zero line, around the texts it would cross. */
  zeroD: string;
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
  /** What rank 1 and the last rank mean, wrapped to the width. */
  hints: Array<{ x: number; y: number; lines: string[] }>;
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

/**
 * A value label is drawn bold when its row is emphasised (highlighted, or the newest in steps), and the lines
 * that go around it must clear it either way. Its box is its regular width with room for bold (bold text runs
 * up to ~15 % wider in common fonts; digits mostly not at all) instead of a measurement in the bold font,
 * whose first use loads a font face of its own: 1–5 ms for every bar chart, most with no bold value at all.
 */
const BOLD_ROOM = 1.15;

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

    // Reference labels each get their own line(s) above the bars; their order and side are chosen so
    // that as few labels as possible lie across the line of a reference drawn above them.
    const refMarks = placeReferences(refs, (v) => x(v), W, fs, (ref) => referenceText(model, ref, lang, locale), m.smallFont).map((p) => {
      const mark = { ...p, d: '', y1: y + lh * 0.2, textY: y + lh * 0.7 };
      y += p.lines.length * lh * 0.95;
      return mark;
    });
    if (refs.length) y += fs * 0.3;

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
    // Every text of the panel, for the lines to go around: names, value labels, reference labels.
    const sfs = fs * 0.875;
    const texts: TextBox[] = [];
    for (const r of rows) {
      const font = r.row.highlighted ? m.boldFont : m.font;
      r.lines.forEach((line, k) => texts.push(textBox(r.labelX, r.labelY + k * lh, textWidth(line, font), fs, narrow ? 'start' : 'end')));
      for (const b of r.bars) texts.push(textBox(b.textX, b.y + b.h / 2, textWidth(b.text, m.smallFont) * BOLD_ROOM, sfs, b.anchor, true));
    }
    for (const mark of refMarks) mark.lines.forEach((line, k) => texts.push(textBox(mark.textX, mark.textY + k * lh * 0.95, textWidth(line, m.smallFont), sfs, mark.anchor)));
    for (const mark of refMarks) mark.d = lineAround(mark.x, mark.y1, mark.x, axisY, texts);
    const percent = isPercent(model.unit);
    const tickText = (t: number, decimals: number) => (percent ? formatValue(t, locale, lang, { unit: '%', decimals }) : formatNumber(t, locale, decimals));
    // Fewer ticks until their labels fit side by side ("-400.000" is wider than "40 %"); at least two,
    // the outermost, where even two of the regular ones do not fit (a single "0" gives no scale).
    let ticks: number[] = [];
    let decimals = 0;
    const fit = (candidate: number[]) => {
      decimals = tickDecimals(candidate.length > 1 ? Math.abs(candidate[1] - candidate[0]) : 1);
      const widest = Math.max(...candidate.map((t) => textWidth(tickText(t, decimals), m.smallFont)));
      return candidate.length > 1 && candidate.every((t, i) => !i || Math.abs(x(t) - x(candidate[i - 1])) >= widest + fs * 0.8);
    };
    let fits = false;
    for (let count = tickCount; count >= 1 && !fits; count--) fits = fit((ticks = x.ticks(count)));
    if (!fits) {
      const all = x.ticks(tickCount);
      if (all.length > 1) ticks = [all[0], all[all.length - 1]];
    }
    // The decimals of the ticks drawn.
    fit(ticks);
    panels.push({
      title,
      titleY,
      plotX0,
      plotX1,
      zeroX,
      zeroD: lineAround(zeroX, gridTop, zeroX, axisY, texts),
      gridTop,
      axisY,
      ticks: ticks.map((t) => {
        const text = tickText(t, decimals);
        const half = textWidth(text, m.smallFont) / 2;
        const tx = x(t);
        // Labels at the edges are aligned inwards instead of being cut off.
        const anchor: Tick['anchor'] = tx - half < 0 ? 'start' : tx + half > W ? 'end' : 'middle';
        return { x: tx, d: lineAround(tx, gridTop, tx, axisY, texts), text, anchor, textX: anchor === 'start' ? Math.max(0, tx - 2) : anchor === 'end' ? Math.min(W, tx + 2) : tx };
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
  // "Rang 1: schwächste Einkommensrelation": wrapped to the width (a phone is narrower than the sentence).
  const hint = (rank: number, text: string) => wrapText(`${msg(lang, 'rank')} ${formatNumber(rank, locale)}: ${text}`, W, m.smallFont, 3).lines;
  let top = 0;
  if (model.rankOrder && inline) {
    const first = model.sort === 'desc' ? model.rankOrder.first : model.rankOrder.last;
    const lines = hint(model.sort === 'desc' ? 1 : model.ranked, first);
    hints.push({ x: 0, y: lh * 0.8, lines });
    top = lh * (1.2 + (lines.length - 1) * 0.95);
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
    const lines = hint(model.sort === 'desc' ? model.ranked : 1, last);
    hints.push({ x: 0, y: height + lh * 0.9, lines });
    height += lh * (1.3 + (lines.length - 1) * 0.95);
  }
  return { kind: 'rank', width: W, height: Math.ceil(height), lineHeight: lh, items, dividers, hints };
}

interface PlacedReference {
  ref: BarReference;
  x: number;
  lines: string[];
  textX: number;
  anchor: 'start' | 'end';
}

/**
 * Order and side for reference labels: the i-th label sits below the ones before it and the lines of
 * those references run down through it, so a label should not span their x (where it must, the line
 * pauses at it). Beside its own line where it fits, to the right or left; else across it, inside the
 * chart (its line starts below it), in two lines if it is wider than the chart. A handful of references
 * → try all orders.
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
    if (rx + fs * 0.3 + tw <= width) sides.push({ ref, x: rx, lines: [text], textX: rx + fs * 0.3, anchor: 'start' });
    if (rx - fs * 0.3 - tw >= 0) sides.push({ ref, x: rx, lines: [text], textX: rx - fs * 0.3, anchor: 'end' });
    if (!sides.length) {
      const { lines, width: w } = wrapText(text, width, font, 2);
      sides.push({ ref, x: rx, lines, textX: Math.max(0, Math.min(width - w, rx - w / 2)), anchor: 'start' });
    }
    return sides.map((p) => {
      const w = Math.max(...p.lines.map((l) => textWidth(l, font)));
      return { p, from: p.anchor === 'start' ? p.textX : p.textX - w, to: p.anchor === 'start' ? p.textX + w : p.textX };
    });
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
