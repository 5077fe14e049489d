import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { stadtbezirkName } from '../core/areas.js';
import { DataController } from '../core/data-controller.js';
import { define } from '../core/define.js';
import { formatDate } from '../core/format.js';
import { msg } from '../core/i18n.js';
import type { Problem } from '../core/problems.js';
import { ResizeController } from '../core/resize-controller.js';
import { frameStyles } from '../core/styles.js';
import { fontOf } from '../core/text-measure.js';
import { ItemFocusController, listKeyTarget } from '../core/item-focus-controller.js';
import { LinkController } from '../core/link-controller.js';
import { Key, Memo } from '../core/memo.js';
import { PresenterController, presenterProperties, stepSize } from '../core/presenter-controller.js';
import { legendItem, renderTooltip, WidgetController } from '../core/widget-controller.js';
import { layoutBars, rowsPerPage, type BarBox, type BarLayout, type RankLayout, type RowBox, type ValueLayout } from './layout.js';
import { barTable, betweenRanksText, modelFromState, rankText, referenceText, rowLabel, valueNotes, valueText, type BarModel } from '../core/indicator-model.js';

/**
 * `<indicator-bar>`: one indicator across areas as ranked horizontal bars, with the city value as a
 * labelled reference line. Rankings without values are drawn as an ordered list with rank numbers —
 * never as bars whose lengths would suggest values the source does not give.
 *
 * @fires widget-rendered - after the chart was drawn for new data or a new size (detail: { rows })
 * @fires sozialraum-select - Enter or a click selected a bar (detail: { id, name, group }); widgets with
 *   the same `group` attribute show the same selection
 * @csspart title, description, chart, source, actions, button, table, message, notes, tooltip, legend
 */
export class IndicatorBar extends LitElement {
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    indicator: { type: String },
    sort: { type: String },
    top: { type: Number },
    highlight: { type: String },
    chartTitle: { type: String, attribute: 'title' },
    langAttr: { type: String, attribute: 'lang' },
    sourceText: { type: String, attribute: 'source' },
    stichtag: { type: String },
    ...presenterProperties,
    activeIndex: { state: true },
  };

  static override styles = [
    frameStyles,
    css`
      .bar {
        fill: var(--srw-bar);
      }
      .bar.highlighted {
        fill: var(--srw-highlight);
      }
      .s0 {
        fill: var(--srw-series-1);
      }
      .s1 {
        fill: var(--srw-series-2);
      }
      .s2 {
        fill: var(--srw-series-3);
      }
      .s3 {
        fill: var(--srw-series-4);
      }
      .mark {
        fill: var(--srw-highlight);
      }
      .small {
        font-size: 0.875em;
      }
      .strong {
        font-weight: 700;
      }
      text.missing {
        font-style: italic;
        fill: var(--srw-missing);
      }
      .grid {
        stroke: var(--srw-grid);
        stroke-width: 1;
      }
      .zero {
        stroke: var(--srw-muted);
        stroke-width: 1;
      }
      .reference {
        stroke: var(--srw-reference);
        stroke-width: 1.5;
        stroke-dasharray: 5 3;
      }
      .badge {
        fill: var(--srw-bar);
      }
      .badge.highlighted {
        fill: var(--srw-highlight);
      }
      /* More specific than the frame's ".chart svg text": the rank number is the data. */
      .chart svg text.badge-text {
        fill: var(--srw-background);
        font-weight: 700;
      }
      .hit {
        fill: transparent;
      }
      .item {
        cursor: default;
        outline: none;
      }
      .item.hovered .hit {
        fill: var(--srw-grid);
        fill-opacity: 0.45;
      }
      .selected-frame {
        fill: none;
        stroke: var(--srw-highlight);
        stroke-width: 2;
      }
      .big .reference {
        stroke-width: 3;
      }
      .big :is(.grid, .zero) {
        stroke-width: 1.5;
      }
    `,
  ];

  declare src?: string;
  declare data?: unknown;
  declare indicator?: string;
  declare sort?: string;
  declare top?: number;
  declare highlight?: string;
  declare chartTitle?: string;
  declare langAttr?: string;
  declare sourceText?: string;
  declare stichtag?: string;
  declare mode?: string;
  /** The step (`mode="steps"`) or, when a fitted chart has pages, the page shown; 1-based. */
  declare current?: number;
  /** Steps: how many bars each step reveals (default 1). */
  declare stepBy?: string;
  declare fit?: boolean;
  declare presentation?: boolean;
  declare activeIndex: number;

  readonly #loader = new DataController(this);
  readonly #frame = new WidgetController(this);
  readonly #size = new ResizeController(this);
  readonly #link = new LinkController(this);
  readonly #itemFocus = new ItemFocusController(this, 'g.item', (index) => (this.activeIndex = index));
  readonly #presenter = new PresenterController(this, () => this.#frame, {
    says: (n) => this.#stepSays(n),
    onStep: (n, byKey) => {
      // The focus follows a step taken from a bar (not from a button), to the bar it revealed.
      const focused = this.shadowRoot?.activeElement;
      this.#follow = { back: n < (this.current ?? 1), focus: byKey && !!focused?.matches('g.item') };
    },
  });
  /** After a step or page change: which bar becomes active (the newest, or on a page the first or last), and focus it. */
  #follow?: { back: boolean; focus: boolean };
  /** The whole chart laid out, and how many rows a page holds when it does not fit its box. */
  readonly #pagesMemo = new Memo<{ full: BarLayout; size?: number }>();
  /** The model as drawn: with a linked selection outside `top` added. */
  readonly #shownMemo = new Memo<BarModel>();
  /** Rows revealed by the steps (all without steps). */
  #revealed = 0;
  #rowIndex = new Map<unknown, number>();

  #model?: BarModel;
  #problems: Problem[] = [];
  readonly #modelKey = new Key();
  readonly #layoutMemo = new Memo<BarLayout>();
  get #layout(): BarLayout | undefined {
    return this.#layoutMemo.value;
  }

  constructor() {
    super();
    this.activeIndex = 0;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data')) this.#loader.sync();
    const { lang, locale } = this.#frame;
    const state = this.#loader.state;
    const key = [state, this.indicator, this.sort, this.top, this.highlight, this.chartTitle, this.sourceText, this.stichtag, lang, locale];
    if (this.#modelKey.changed(key)) {
      this.#buildModel();
    }
    const built = this.#model;
    if (built && this.#size.width > 0) {
      // A selection from a linked widget (a tile on the map) that `top` leaves out is drawn below the rows
      // shown, with its rank: the reader sees what was selected instead of nothing.
      const selected = this.#link.selected;
      const outside = selected && !built.shown.some((r) => r.key === selected) ? built.rows.find((r) => r.key === selected) : undefined;
      this.#shownMemo.update([built, outside], () => (outside ? { ...built, shown: [...built.shown, outside] } : built));
      const model = this.#shownMemo.value!;
      const metrics = this.#metrics();
      const fitHeight = this.#presenter.fitting ? this.#presenter.fitHeight : undefined;
      this.#pagesMemo.update([model, metrics.width, metrics.font, fitHeight], () => {
        this.#rowIndex = new Map(model.shown.map((row, i) => [row, i]));
        const full = layoutBars(model, metrics, lang, locale);
        return { full, size: fitHeight ? rowsPerPage(model, metrics, lang, locale, full, fitHeight) : undefined };
      });
      const { full, size } = this.#pagesMemo.value!;
      const n = model.shown.length;
      const stepping = this.#presenter.stepMode;
      const pages = size ? Math.ceil(n / size) : 1;
      const current = this.#presenter.steps(stepping ? Math.ceil(n / this.#stepSize) : pages > 1 ? pages : 0, stepping ? 'step' : 'page');
      this.#revealed = stepping ? Math.min(n, current * this.#stepSize) : n;
      // With steps, the page is the one with the newest bar.
      const page = !size ? 0 : stepping ? Math.floor((this.#revealed - 1) / size) : current - 1;
      const changed = this.#layoutMemo.update([full, page], () =>
        size ? layoutBars({ ...model, shown: model.shown.slice(page * size, (page + 1) * size) }, metrics, lang, locale, model.shown) : full,
      );
      const items = this.#layout!.items;
      const newest = Math.max(0, items.findIndex((b) => this.#indexOf(b) === this.#revealed - 1));
      const follow = this.#follow;
      this.#follow = undefined;
      if (follow) this.activeIndex = stepping ? newest : follow.back ? items.length - 1 : 0;
      else if (changed && this.activeIndex >= items.length) this.activeIndex = 0;
      // The tab stop is never a bar still to come (hidden bars take no focus).
      if (stepping && this.#later(items[this.activeIndex])) this.activeIndex = newest;
      if (follow?.focus) void this.#itemFocus.focus(this.activeIndex);
    } else {
      this.#layoutMemo.clear();
      this.#pagesMemo.clear();
    }
  }

  /** Steps: bars revealed per step, `step-by="3"` (default one). */
  get #stepSize(): number {
    return stepSize(this.stepBy);
  }

  /** A drawn row's place in the whole list (pages and separate axes draw rows more than once or not at all). */
  #indexOf(box: RowBox): number {
    return this.#rowIndex.get(box.row) ?? -1;
  }

  /** Still hidden by the steps. */
  #later(box: RowBox | undefined): boolean {
    return !!box && this.#indexOf(box) >= this.#revealed;
  }

  /** Drawn strong: highlighted areas, and in steps the bar just revealed (the highlight moves with the steps). */
  #emphasised(box: RowBox): boolean {
    return box.row.highlighted || (this.#presenter.stepMode && this.#indexOf(box) === this.#revealed - 1);
  }

  /** What a step revealed, in words (a page is said by its number; its bars are read as they get focus). */
  #stepSays(n: number): string {
    const model = this.#model;
    if (!model || !this.#presenter.stepMode) return '';
    const { lang, locale } = this.#frame;
    const k = this.#stepSize;
    return model.shown.slice((n - 1) * k, n * k).map((row) => rowLabel(model, row, lang, locale)).join('; ');
  }

  #buildModel(): void {
    const { lang, locale } = this.#frame;
    const { model, problems } = modelFromState(this.#loader.state, {
      indicator: this.indicator,
      sort: this.sort,
      top: this.top,
      // Lit reads top=":" as NaN (and "1e999" as Infinity): the message quoted „NaN“, not what the editor wrote.
      topText: this.top === undefined || this.top === null || Number.isFinite(this.top) ? undefined : this.getAttribute('top'),
      highlight: this.highlight,
      lang,
      locale,
      title: this.chartTitle,
      source: this.sourceText,
      stichtag: this.stichtag,
    });
    this.#model = model;
    this.#problems = problems;
  }

  #metrics() {
    const { font, size, family } = fontOf(this);
    return {
      width: this.#size.width,
      size,
      font,
      boldFont: `700 ${size}px ${family}`,
      smallFont: `400 ${size * 0.875}px ${family}`,
    };
  }

  override render(): TemplateResult {
    const model = this.#model;
    const layout = this.#layout;
    const { lang, locale } = this.#frame;
    const loading = this.#loader.state.status === 'loading';
    const notes = model ? [...model.notes, ...this.#unplacedReferenceNotes()] : [];
    return this.#frame.render({
      about: model,
      problems: this.#problems,
      loading,
      legend: model && model.mode === 'value' && model.series.length > 1 && !model.separateAxes ? this.#renderLegend(model) : nothing,
      chart: model && (layout ? this.#renderChart(model, layout) : nothing),
      hint: msg(lang, 'keyboardHint'),
      notes,
      source: model?.source,
      table: model ? () => barTable(model, lang, locale) : undefined,
      svg: 'svg.bars',
      presenter: this.#presenter,
    });
  }

  /** A city reference that falls outside the rows shown (e.g. with `top`) is stated in words instead. */
  #unplacedReferenceNotes(): string[] {
    const model = this.#model;
    const layout = this.#layout;
    if (!model || layout?.kind !== 'rank') return [];
    const { lang, locale } = this.#frame;
    return model.references
      .filter((r) => r.afterRank !== undefined && !layout.dividers.some((d) => d.ref === r))
      .map((r) => `${r.label}${r.value !== undefined ? ` (${valueText(model, { value: r.value, flags: r.flags }, lang, locale)})` : ''}: ${betweenRanksText(r.afterRank!, lang, locale)}`);
  }

  #renderLegend(model: BarModel): TemplateResult {
    return html`<ul class="legend" part="legend">
      ${model.series.map((s, i) => legendItem(svg`<rect class="s${i % 4}" width="100%" height="100%"></rect>`, s.label))}
    </ul>`;
  }

  #renderChart(model: BarModel, layout: BarLayout): TemplateResult {
    const { lang, locale } = this.#frame;
    const kind = msg(lang, model.mode === 'rank' ? 'rankChart' : 'barChart');
    const refs = model.references
      .map((r) => {
        const text = referenceText(model, r, lang, locale);
        // The divider is drawn for the eye; in words it says where the city stands among the ranks.
        return r.afterRank !== undefined ? `${text}, ${betweenRanksText(r.afterRank, lang, locale)}` : text;
      })
      .join('; ');
    const label = [this.chartTitle || model.title, kind, refs ? `${msg(lang, 'reference')}: ${refs}` : ''].filter(Boolean).join('. ');
    const tooltipRow = this.#itemFocus.tooltipIndex;
    return html`<svg
        class="bars"
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        role="group"
        tabindex="-1"
        aria-label=${label}
        aria-describedby="${this.#frame.id}-hint"
        @keydown=${this.#onKeyDown}
        @focusin=${this.#itemFocus.onFocusIn}
        @focusout=${this.#itemFocus.onFocusOut}
        @pointerover=${this.#itemFocus.onPointerOver}
        @click=${this.#onClick}
        @pointerleave=${this.#itemFocus.onPointerLeave}
      >
        ${layout.kind === 'value' ? this.#renderValue(model, layout) : this.#renderRank(layout)}
      </svg>
      ${tooltipRow !== undefined && layout.items[tooltipRow] ? this.#renderTooltip(model, layout, layout.items[tooltipRow]) : nothing}`;
  }

  /**
   * One row as one flat template (no nested templates for the common single-series case): a chart is
   * mostly rows, and Lit's cost on first render grows with the number of template instances.
   */
  #renderItem(box: RowBox, lineHeight: number, content: TemplateResult | typeof nothing): TemplateResult {
    const anchor = box.labelX > 0 && box.bars.length ? 'end' : 'start';
    return svg`<g class="item ${this.#itemFocus.hoverIndex === box.index ? 'hovered' : ''} ${this.#later(box) ? 'later' : ''}" role="listitem" data-index=${box.index} data-key=${box.row.key}
      tabindex=${box.index === this.activeIndex ? 0 : -1} aria-label=${box.ariaLabel} aria-current=${box.row.key === this.#link.selected ? 'true' : nothing}
      ><rect class="hit" x=${box.x} y=${box.y} width=${box.w} height=${box.h} rx="3"></rect
      ><text class=${this.#emphasised(box) ? 'strong' : ''} x=${box.labelX} y=${box.labelY} text-anchor=${anchor}
        >${box.lines[0]}${box.lines.length > 1 ? svg`<tspan x=${box.labelX} dy=${lineHeight}>${box.lines[1]}</tspan>` : nothing}${box.truncated ? svg`<title>${box.row.name}</title>` : nothing}</text
      >${content}</g>`;
  }

  /**
   * The selection frame (also when selected in a linked widget) and the focus ring, drawn only when
   * focus came from the keyboard: one rectangle each, on top of the rows.
   */
  #renderFocusRing(layout: BarLayout) {
    const selected = this.#link.selected ? layout.items.find((b) => b.row.key === this.#link.selected) : undefined;
    const { focusIndex, focusVisible } = this.#itemFocus;
    const focused = focusIndex !== undefined && focusVisible ? layout.items[focusIndex] : undefined;
    const frame = (box: RowBox, cls: string, inset: number) =>
      svg`<rect class=${cls} x=${box.x + inset} y=${box.y + inset} width=${Math.max(0, box.w - 2 * inset)} height=${Math.max(0, box.h - 2 * inset)} rx="3"></rect>`;
    return svg`${selected ? frame(selected, 'selected-frame', 0.5) : nothing}${focused ? frame(focused, 'focus-ring', 1.5) : nothing}`;
  }

  #renderValue(model: BarModel, layout: ValueLayout) {
    const lh = layout.lineHeight;
    const multi = model.series.length > 1 && !model.separateAxes;
    const bar = (b: BarBox, highlighted: boolean) =>
      svg`<rect class="bar ${multi ? `s${b.series % 4}` : ''} ${highlighted && !multi ? 'highlighted' : ''}" x=${b.x} y=${b.y} width=${b.w} height=${b.h}
        visibility=${b.missing ? 'hidden' : 'visible'}></rect
        ><text class="small ${b.missing ? 'missing' : ''} ${highlighted ? 'strong' : ''}" x=${b.textX} y=${b.y + b.h / 2} dominant-baseline="central" text-anchor=${b.anchor}>${b.text}</text>`;
    return svg`${layout.panels.map(
      (panel) => svg`
      ${panel.title ? svg`<text class="strong" x="0" y=${panel.titleY}>${panel.title}</text>` : nothing}
      <g aria-hidden="true">
        ${panel.ticks.map(
          (t) => svg`<path class="grid" d=${t.d}></path
            ><text class="small muted" x=${t.textX} y=${panel.axisY + lh} text-anchor=${t.anchor}>${t.text}</text>`,
        )}
        ${panel.unit ? svg`<text class="small muted" x=${panel.unit.x} y=${panel.unit.y} text-anchor="end">${panel.unit.text}</text>` : nothing}
        <path class="zero" d=${panel.zeroD}></path>
      </g>
      <g role="list" aria-label=${panel.title ?? model.title}>
        ${panel.rows.map((box) =>
          this.#renderItem(
            box,
            lh,
            box.bars.length === 1
              ? bar(box.bars[0], this.#emphasised(box))
              : svg`${this.#emphasised(box) ? svg`<rect class="mark" x=${panel.plotX0 - 6} y=${box.bars[0].y} width="3" height=${box.bars[box.bars.length - 1].y + box.bars[0].h - box.bars[0].y}></rect>` : nothing}${box.bars.map((b) => bar(b, this.#emphasised(box)))}`,
          ),
        )}
      </g>
      <g aria-hidden="true">
        ${panel.refs.map(
          (r) => svg`<path class="reference" d=${r.d}></path><text class="small" x=${r.textX} y=${r.textY} text-anchor=${r.anchor}
              >${r.lines.map((line, i) => (i ? svg`<tspan x=${r.textX} dy=${lh * 0.95}>${line}</tspan>` : line))}</text>`,
        )}
      </g>`,
    )}${this.#renderFocusRing(layout)}`;
  }

  #renderRank(layout: RankLayout) {
    const lh = layout.lineHeight;
    const fs = lh / 1.25;
    return svg`
      <g aria-hidden="true">
        ${layout.hints.map((h) => svg`<text class="small muted" x=${h.x} y=${h.y}>${h.lines.map((line, i) => (i ? svg`<tspan x=${h.x} dy=${lh * 0.95}>${line}</tspan>` : line))}</text>`)}
        ${layout.dividers.map(
          (d) => svg`<line class="reference" x1=${Math.min(d.x + d.textW + fs * 0.6, d.x + d.w)} x2=${d.x + d.w} y1=${d.y} y2=${d.y}></line
            ><text class="small strong" x=${d.x} y=${d.y} dominant-baseline="central">${d.text}</text>`,
        )}
      </g>
      <g role="list" aria-label=${this.#model?.title ?? ''}>
        ${layout.items.map((box) => {
          const rankW = box.labelX - box.rankX! - fs * 0.5;
          const top = box.labelY - lh * 0.85;
          return this.#renderItem(
            box,
            lh,
            svg`<rect class="badge ${this.#emphasised(box) ? 'highlighted' : ''}" x=${box.rankX} y=${top} width=${rankW} height=${lh * 1.05} rx="3"></rect
              ><text class="badge-text" x=${box.rankX! + rankW / 2} y=${top + lh * 0.525} text-anchor="middle" dominant-baseline="central">${box.rankText}</text>`,
          );
        })}
      </g>
      ${this.#renderFocusRing(layout)}`;
  }

  /** Clicks are handled once for the whole chart instead of once per row. */
  #onClick = (e: MouseEvent) => {
    const index = this.#itemFocus.itemOf(e);
    if (index === undefined) return;
    this.activeIndex = index;
    this.#toggleSelection(index);
  };

  /** Select the row's area (again: clear), and so highlight it in linked widgets. */
  #toggleSelection(index: number): void {
    const row = this.#layout?.items[index]?.row;
    if (row) this.#link.toggle(row.key, row.name);
  }

  #renderTooltip(model: BarModel, layout: BarLayout, box: RowBox): TemplateResult {
    const { lang, locale } = this.#frame;
    const row = box.row;
    const W = layout.width;
    const anchorX = box.bars.length ? Math.max(...box.bars.map((b) => (b.anchor === 'start' ? b.x + b.w : b.x))) : box.labelX;
    const stadtbezirk = stadtbezirkName(row.area);
    const stand = model.source.stichtage.map((d) => formatDate(d, locale)).join(', ');
    return renderTooltip({ top: box.y + box.h, x: anchorX, width: W, gap: 12, maxLeft: W - 40 }, row.name, [
      stadtbezirk && `${msg(lang, 'stadtbezirk')} ${stadtbezirk}`,
      ...(model.mode === 'value' ? model.series.map((s, i) => `${model.series.length > 1 ? `${s.label}: ` : ''}${valueText(model, row.values[i], lang, locale)}`) : []),
      rankText(model, row, lang, locale),
      ...valueNotes(row.values, lang),
      stand && `${msg(lang, 'stand')}: ${stand}`,
    ]);
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const count = this.#layout?.items.length ?? 0;
    if (!count) return;
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.#toggleSelection(this.activeIndex);
        return;
      case 'Escape':
        this.#itemFocus.clearHover();
        // A selection is cleared first; without one, Escape gives the keys back to the page (PresenterController).
        if (this.#link.selected === null) return;
        e.preventDefault();
        this.#itemFocus.onFocusOut();
        this.#link.select(null, null);
        return;
    }
    // Steps: the arrows step (PresenterController); pages: past a page's first or last bar they turn the page.
    if (this.#presenter.stepMode) return;
    const next = listKeyTarget(e.key, this.activeIndex, count);
    if (next === undefined || (next === this.activeIndex && this.#presenter.total > 1 && /^Arrow/.test(e.key))) return;
    e.preventDefault();
    this.#itemFocus.clearHover();
    this.activeIndex = next;
    void this.#itemFocus.focus(next);
  };

  override updated(): void {
    if (this.#layout) this.#frame.rendered(this.#layout, { rows: this.#layout.items.length });
  }
}

define('indicator-bar', IndicatorBar);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-bar': IndicatorBar;
  }
}
