import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { idList } from '../core/attributes.js';
import { DataController, UrlController } from '../core/data-controller.js';
import { define } from '../core/define.js';
import type { TableModel } from '../core/export.js';
import { formatDate, formatNumber, isValidDate } from '../core/format.js';
import { msg } from '../core/i18n.js';
import { ItemFocusController, listKeyTarget } from '../core/item-focus-controller.js';
import { LinkController, TIME_SELECT_EVENT } from '../core/link-controller.js';
import { PresenterController, presenterProperties } from '../core/presenter-controller.js';
import { Key, Memo } from '../core/memo.js';
import { warning, type Problem } from '../core/problems.js';
import { ResizeController } from '../core/resize-controller.js';
import type { SourceInfo } from '../core/source-line.js';
import { frameStyles } from '../core/styles.js';
import { fontOf, textWidth } from '../core/text-measure.js';
import { formatSpan, spanOf, type DateSpan } from '../core/time.js';
import { renderTooltip, seriesClass, WidgetController } from '../core/widget-controller.js';
import { canUseLog, layoutTrend, type MarkerKind, type PointBox, type TrendLayout } from './layout.js';
import { buildAnnotations, buildTrendModel, type Annotation, type TrendModel, type TrendPoint, type TrendSeries } from './model.js';

/**
 * `<trend-chart>`: time series on a true time axis — residents with Bulgarian or Romanian citizenship
 * by Stichtag. Every sourced value is a marker; the line between two values is no value itself, and
 * where years lie between them it is dashed. Rounded, unverified and derived values have their own
 * marker shapes, explained in the key, the tooltip and the table. Events (milestones) are numbered
 * lines or bands. `group` links it with a `<milestone-timeline>` (and other trend charts) by date.
 *
 * @fires widget-rendered - after the chart was drawn for new data or a new size (detail: { series, points })
 * @fires sozialraum-time-select - Enter or a click selected a data point's date (detail: { id, name, group, start })
 * @csspart title, description, chart, source, actions, button, table, message, notes, tooltip, legend
 */
export class TrendChart extends LitElement {
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    series: { type: String },
    from: { type: String },
    to: { type: String },
    scale: { type: String },
    annotations: { type: String },
    milestones: { type: String },
    highlight: { type: String },
    chartTitle: { type: String, attribute: 'title' },
    langAttr: { type: String, attribute: 'lang' },
    ...presenterProperties,
    hiddenSeries: { state: true },
    activeIndex: { state: true },
  };

  static override styles = [
    frameStyles,
    css`
      .small,
      .unit,
      .events {
        font-size: 0.875em;
      }
      /* A series name in its line's colour (each ≥ 4.5:1 like text), so name and line read as one. */
      .chart .end-label {
        font-weight: 700;
        fill: currentColor;
      }
      .chart .end-label.inside {
        font-weight: 400;
      }
      /* Lines and markers take the series colour from the group around them. */
      .line {
        stroke: currentColor;
        fill: none;
        stroke-width: 2.5;
        stroke-linejoin: round;
        stroke-linecap: round;
      }
      .line.gap {
        stroke-width: 2;
        stroke-dasharray: 2 5;
      }
      /* The other lines step back; their names stay readable (text needs 4.5:1). */
      .muted-series > :not(text) {
        opacity: 0.35;
      }
      .strong-series .line {
        stroke-width: 4;
      }
      .marker {
        fill: currentColor;
        stroke: currentColor;
        stroke-width: 2;
      }
      .marker.open {
        fill: var(--srw-background);
      }
      .point {
        outline: none;
        cursor: default;
      }
      .hit {
        fill: transparent;
      }
      .grid {
        stroke: var(--srw-grid);
      }
      .axis {
        stroke: var(--srw-muted);
      }
      .event {
        stroke: var(--srw-reference);
        stroke-width: 1.5;
        stroke-dasharray: 4 3;
      }
      .event-band {
        fill: var(--srw-reference);
        fill-opacity: 0.08;
      }
      .badge {
        fill: var(--srw-reference);
      }
      /* More specific than .chart svg text in the frame styles, like the next one. */
      .chart .badge-text {
        fill: var(--srw-background);
        font-weight: 700;
      }
      .chart .selection-text {
        fill: var(--srw-text);
        font-weight: 700;
      }
      .selection {
        stroke: var(--srw-highlight);
        stroke-width: 2;
      }
      .selection-band {
        fill: var(--srw-highlight);
        fill-opacity: 0.14;
      }
      .selected-ring {
        fill: none;
        stroke: var(--srw-highlight);
        stroke-width: 2.5;
      }
      .unit {
        margin: 0 0 0.25em;
      }
      .unit,
      .events .outside {
        color: var(--srw-muted);
      }
      .legend button {
        font: inherit;
        color: inherit;
        background: none;
        border-color: var(--srw-grid);
        padding: 0.15em 0.5em;
      }
      .legend button[aria-pressed='false'] {
        text-decoration: line-through;
        color: var(--srw-muted);
      }
      .legend button:focus-visible {
        outline-offset: 1px;
      }
      .key {
        margin-top: -0.25em;
      }
      .events {
        margin: 0.5em 0 0;
        padding-left: 0;
        list-style: none;
      }
      .events li {
        margin: 0.15em 0;
      }
      /*
       * Fitted into a box (a slide), the chart comes first: the events run on as one paragraph and, like the
       * description, events and notes are cut after two lines (screen readers get all of it).
       */
      .fit .events li {
        display: inline;
        margin-right: 0.75em;
      }
      .fit :is(.events, .notes) {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        overflow: hidden;
      }
      /* Fitted into a box too small even for the smallest chart (layoutTrend): the chart scrolls inside its box. */
      .fit .cramped .fill {
        overflow: hidden auto;
      }
      /* A box that leaves too little for a readable chart (see #tight): description and notes in one line (the events keep two: the chart's numbers point there). */
      .tight ~ .notes,
      figure:has(.tight) > .description {
        -webkit-line-clamp: 1;
      }
      /* The plot: the box the tooltips are placed in, and when fitted the room the chart fills. */
      .plot {
        position: relative;
      }
      .big .line {
        stroke-width: 4;
      }
      .num {
        display: inline-block;
        min-width: 1.5em;
        border-radius: 0.75em;
        text-align: center;
        font-weight: 700;
        background: var(--srw-reference);
        color: var(--srw-background);
        forced-color-adjust: none;
      }
    `,
  ];

  declare src?: string;
  declare data?: unknown;
  declare series?: string;
  declare from?: string;
  declare to?: string;
  declare scale?: string;
  declare annotations?: string;
  declare milestones?: string;
  declare highlight?: string;
  declare chartTitle?: string;
  declare langAttr?: string;
  declare mode?: string;
  declare current?: number;
  declare stepBy?: string;
  declare fit?: boolean;
  declare presentation?: boolean;
  /** Series the reader hid with the legend (ids). */
  declare hiddenSeries: ReadonlySet<string>;
  /** The roving tab stop: index into the drawn points (all shown series, in order). */
  declare activeIndex: number;

  readonly #loader = new DataController(this);
  readonly #milestonesLoader = new UrlController(this, 'milestones');
  readonly #frame = new WidgetController(this);
  readonly #size = new ResizeController(this);
  readonly #link = new LinkController(this, TIME_SELECT_EVENT);
  readonly #itemFocus = new ItemFocusController(this, 'g.point', (index) => (this.activeIndex = index));

  #model?: TrendModel;
  #problems: Problem[] = [];
  #events: Annotation[] = [];
  readonly #modelKey = new Key();
  readonly #layoutMemo = new Memo<TrendLayout>();
  get #layout(): TrendLayout | undefined {
    return this.#layoutMemo.value;
  }
  /** Fitted, and the box leaves too little for the chart: description and notes in one line each. */
  #tight = false;
  readonly #tightKey = new Key();
  /** The drawn points in tab order: series by series, each in time order. */
  #flat: PointBox[] = [];
  #announcement = '';
  readonly #presenter = new PresenterController(this, () => this.#frame, {
    label: (n) => `${this.#years[n - 1] ?? ''}`,
    says: (n) => this.#stepSays(n),
  });
  /** Steps: the years with values, one step each; the step's end (ms) cuts lines, points and events. */
  #years: number[] = [];
  #until = Infinity;

  constructor() {
    super();
    this.hiddenSeries = new Set();
    this.activeIndex = 0;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data')) this.#loader.sync();
    if (changed.has('milestones')) this.#milestonesLoader.sync();
    const { lang, locale } = this.#frame;
    const key = [this.#loader.state, this.#milestonesLoader.state, this.series, this.from, this.to, this.annotations, this.scale, this.highlight, lang];
    if (this.#modelKey.changed(key)) {
      this.#buildModel();
    }
    const visible = this.#visibleSeries();
    const model = this.#model;
    if (model && visible.length && this.#size.width > 0) {
      const { font, size, family } = fontOf(this);
      const log = this.#useLog();
      const height = this.#presenter.fitting ? this.#presenter.fitHeight : undefined;
      // Fitted into a box that leaves less than a readable chart (nine lines of type): the texts around it
      // are cut to one line for as long as the box and the data stay (only on, never off: no resize loop).
      const fitting = this.#presenter.fitting;
      if (this.#tightKey.changed([fitting, this.#size.width, fitting && this.clientHeight, model, this.#events])) this.#tight = false;
      if (height !== undefined && height < 9 * Math.round(size * 1.25)) this.#tight = true;
      const smallFont = `400 ${size * 0.875}px ${family}`;
      // Fitted: the unit may go into the chart's events row (a line more for the chart).
      const unitWidth = this.#presenter.fitting && model.unit ? textWidth(this.#unitText(log), smallFont) : undefined;
      const lkey = [model, this.#events, this.hiddenSeries, this.#size.width, font, log, locale, height, unitWidth];
      const layout = () => layoutTrend(model, visible, this.#events, { width: this.#size.width, size, smallFont, labelFont: `700 ${size * 0.875}px ${family}`, height, unitWidth }, { log, locale });
      if (this.#layoutMemo.update(lkey, layout)) {
        this.#flat = this.#layout!.series.flatMap((s) => s.points);
        if (this.activeIndex >= this.#flat.length) this.activeIndex = 0;
      }
    } else {
      this.#layoutMemo.clear();
      this.#flat = [];
    }
    this.#years = this.#presenter.stepMode ? [...new Set(this.#flat.map((b) => new Date(b.point.t).getUTCFullYear()))].sort((a, b) => a - b) : [];
    const step = this.#presenter.steps(this.#years.length);
    this.#until = this.#years.length ? Date.UTC(this.#years[step - 1] + 1, 0, 1) : Infinity;
    // The tab stop is never a point still to come (hidden points take no focus): the step's latest one instead.
    if (this.#flat[this.activeIndex]?.point.t >= this.#until) {
      const shown = this.#flat.filter((b) => b.point.t < this.#until);
      const latest = shown.reduce<PointBox | undefined>((a, b) => (!a || b.point.t > a.point.t ? b : a), undefined);
      this.activeIndex = latest ? this.#flat.indexOf(latest) : 0;
    }
    // A date chosen in a linked widget is said once, in words, with the values at that date.
    if (this.#link.fromLink && this.#link.detail !== this.#lastLinked) {
      this.#lastLinked = this.#link.detail;
      this.#announceLinked();
    }
  }

  /** "2014: Dortmund 4.000; Nordmarkt …": each series' latest value in the step's year. */
  #stepSays(n: number): string {
    const year = this.#years[n - 1];
    if (year === undefined || !this.#layout) return '';
    const values = this.#layout.series.flatMap((s) => {
      const last = s.points.filter((b) => new Date(b.point.t).getUTCFullYear() === year).pop();
      return last ? [`${s.series.label} ${this.#pointText(last.point)}`] : [];
    });
    return values.join('; ');
  }

  #useLog(): boolean {
    return this.scale === 'log' && !!this.#model && canUseLog(this.#model.series);
  }

  #buildModel(): void {
    const { lang } = this.#frame;
    const { model, problems } = buildTrendModel(this.#loader.state, { series: this.series, from: this.from, to: this.to, lang });
    const ids = idList(this.annotations);
    const all = ids.length === 1 && /^(all|alle)$/i.test(ids[0]);
    // Without `annotations`, a milestones file alone adds no events: it may be there for linking only.
    const events = ids.length ? buildAnnotations(this.#milestonesLoader.state, all ? [] : ids, lang) : undefined;
    this.#events = events?.annotations ?? [];
    this.#model = model;
    this.#problems = [...problems, ...(events?.problems ?? [])];
    if (model && this.scale === 'log' && !canUseLog(model.series)) this.#problems.push(warning('p_logNonPositive'));
    if (model && this.scale && !/^(log|linear)$/.test(this.scale)) this.#problems.push(warning('p_oneOf', 'scale', 'linear, log'));
    if (model && this.highlight && !model.series.some((s) => s.id === this.highlight) && !isValidDate(this.highlight)) {
      this.#problems.push(warning('p_unknownHighlight', this.highlight));
    }
  }

  #visibleSeries(): TrendSeries[] {
    return this.#model ? this.#model.series.filter((s) => !this.hiddenSeries.has(s.id)) : [];
  }

  override render(): TemplateResult {
    const model = this.#model;
    const layout = this.#layout;
    const { lang } = this.#frame;
    const loading = this.#loader.state.status === 'loading' || (!!this.annotations && this.#milestonesLoader.state?.status === 'loading');
    const visible = this.#visibleSeries();
    const notes = model ? [...model.notes, ...visible.filter((s) => s.points.length === 1).map((s) => msg(lang, 'onePoint', s.label))] : [];
    if (model && !visible.length) notes.unshift(msg(lang, 'noSeriesShown'));
    return this.#frame.render({
      about: model,
      problems: this.#problems,
      loading,
      legend: model ? this.#renderLegend(model) : nothing,
      chart:
        model &&
        html`${model.unit && !layout?.unit ? html`<p class="unit" aria-hidden="true">${this.#unitText(!!layout?.log)}</p>` : nothing}
        <div class="plot fill">${layout ? this.#renderChart(model, layout) : nothing}</div>${this.#renderEvents()}`,
      hint: msg(lang, 'trendHint'),
      announcement: this.#announcement,
      notes,
      source: model ? this.#sourceInfo(visible) : undefined,
      table: model ? () => this.#table(visible) : undefined,
      svg: 'svg.trend',
      chartClass: `${this.#tight ? 'tight' : ''} ${layout && (this.#presenter.fitHeight ?? Infinity) < layout.height && this.#presenter.fitting ? 'cramped' : ''}`,
      presenter: this.#presenter,
    });
  }

  /** Every source of the shown points, and the latest Stichtag as "Stand". */
  #sourceInfo(visible: TrendSeries[]): SourceInfo {
    const points = visible.flatMap((s) => s.points);
    const latest = points.reduce<TrendPoint | undefined>((a, p) => (!a || p.t > a.t ? p : a), undefined);
    return { sources: points.flatMap((p) => p.sources), stichtage: latest ? [latest.date] : [] };
  }

  /** "31.12.2018: 9.039 (Bulgarien 3.925, Rumänien 5.114)" — the words a screen reader and the tooltip use. */
  #pointText(p: TrendPoint): string {
    const { lang, locale } = this.#frame;
    const parts = p.parts
      ? (['bg', 'ro'] as const)
          .filter((k) => p.parts![k] !== undefined)
          .map((k) => `${msg(lang, `part_${k}`)} ${formatNumber(p.parts![k]!, locale)}`)
          .join(', ')
      : '';
    return `${formatDate(p.date, locale)}: ${formatNumber(p.value, locale)}${parts ? ` (${parts})` : ''}`;
  }

  /** "Personen", "Personen (logarithmische Skala)": above the chart, or in its events row when fitted. */
  #unitText(log: boolean): string {
    return `${this.#model?.unit ?? ''}${log ? ` (${msg(this.#frame.lang, 'logScale')})` : ''}`;
  }

  #pointLabel(p: TrendPoint, series: TrendSeries): string {
    const { lang } = this.#frame;
    const flags = p.flags.map((f) => msg(lang, `flag_${f}`));
    return [this.#pointText(p), series.label, ...flags].join(', ');
  }

  #renderLegend(model: TrendModel): TemplateResult {
    const { lang } = this.#frame;
    const kinds = new Set(this.#layout?.series.flatMap((s) => s.points.map((p) => p.kind)) ?? []);
    const gaps = this.#layout?.series.some((s) => s.dashed) ?? false;
    const keyItems: Array<[MarkerKind | 'gap', string]> = [];
    // Explained only when some value is not exact ("marker_rounded" …).
    if (kinds.size > +kinds.has('exact')) {
      for (const k of ['exact', 'rounded', 'unverified', 'derived'] as const) {
        if (kinds.has(k)) keyItems.push([k, msg(lang, `marker_${k}`)]);
      }
    }
    if (gaps) keyItems.push(['gap', msg(lang, 'gapLegend')]);
    // A series whose name found no room at its line has its number there (narrow screens): the key is here.
    const keyed = new Set(this.#layout?.series.filter((s) => s.label?.key).map((s) => s.series));
    return html`${model.series.length > 1
        ? html`<div class="legend" part="legend" role="group" aria-label=${msg(lang, 'legendToggle')}>
            ${model.series.map(
              (s, i) => html`<button type="button" aria-pressed=${this.hiddenSeries.has(s.id) ? 'false' : 'true'} @click=${() => this.#toggleSeries(s)}>
                <svg width="22" height="10" aria-hidden="true" class=${seriesClass(s.colour)}><line class="line" x1="1" x2="21" y1="5" y2="5"></line></svg>${keyed.has(s) ? html`<span class="num" aria-hidden="true">${i + 1}</span> ` : nothing}${s.label}
              </button>`,
            )}
          </div>`
        : nothing}${keyItems.length
        ? html`<ul class="legend key" part="legend">
            ${keyItems.map(
              ([k, text]) => html`<li>
                <svg width=${k === 'gap' ? 22 : 12} height="12" aria-hidden="true" class="series-1">${k === 'gap' ? svg`<line class="line gap" x1="1" x2="21" y1="6" y2="6"></line>` : this.#marker(k, 6, 6)}</svg>${text}
              </li>`,
            )}
          </ul>`
        : nothing}`;
  }

  #toggleSeries(s: TrendSeries): void {
    const { lang } = this.#frame;
    const hidden = new Set(this.hiddenSeries);
    if (hidden.has(s.id)) hidden.delete(s.id);
    else hidden.add(s.id);
    this.hiddenSeries = hidden;
    this.#announcement = msg(lang, hidden.has(s.id) ? 'seriesHidden' : 'seriesShown', s.label);
  }

  /** A point's marker: filled circle for a value as the source gives it; open shapes for the doubtful ones. */
  #marker(kind: MarkerKind, x: number, y: number) {
    const r = 4.5;
    return kind === 'unverified'
      ? svg`<path class="marker open" d="M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z"></path>`
      : kind === 'derived'
        ? svg`<rect class="marker open" x=${x - r + 0.5} y=${y - r + 0.5} width=${2 * r - 1} height=${2 * r - 1}></rect>`
        : svg`<circle class=${kind === 'rounded' ? 'marker open' : 'marker'} cx=${x} cy=${y} r=${r}></circle>`;
  }

  /** The selection shown as a band or line: from a linked widget, a click here, or `highlight` with a date. */
  #selectionSpan(): { start: string; end?: string; name: string | null } | undefined {
    const d = this.#link.detail;
    if (d?.start) return { start: d.start, end: d.end, name: d.name };
    if (this.highlight && isValidDate(this.highlight)) return { start: this.highlight, name: null };
    return undefined;
  }

  #renderChart(model: TrendModel, layout: TrendLayout): TemplateResult {
    const { lang, locale } = this.#frame;
    const { plot, lineHeight: lh } = layout;
    const visible = layout.series.map((s) => s.series);
    const dates = visible.flatMap((s) => s.points.map((p) => p.date)).sort();
    const summary = msg(lang, 'trendSummary', visible.length, formatDate(dates[0], locale), formatDate(dates[dates.length - 1], locale));
    const label = [this.chartTitle || model.title, msg(lang, 'lineChart'), summary, model.unit].filter(Boolean).join('. ');
    const emphasis = this.highlight && visible.some((s) => s.id === this.highlight) ? this.highlight : undefined;
    const sel = this.#selectionSpan();
    const selSpan = sel ? spanOf(sel) : undefined;
    const selX0 = selSpan ? layout.x(Math.max(selSpan[0], layout.t0)) : 0;
    const selX1 = selSpan ? layout.x(Math.min(selSpan[1], layout.t1)) : 0;
    const selInside = !!selSpan && selSpan[1] > layout.t0 && selSpan[0] < layout.t1;
    const { focusIndex, focusVisible } = this.#itemFocus;
    const focused = focusIndex !== undefined && focusVisible ? this.#flat[focusIndex] : undefined;
    const selectedPoint = this.#link.selected && !this.#link.fromLink ? this.#flat.find((b) => this.#pointId(b.point) === this.#link.selected) : undefined;
    const tip = this.#itemFocus.tooltipIndex;
    const fs = lh / 1.25;
    let flatIndex = 0;
    // Steps: the lines end at the step's year (a clip to its end), the later points are hidden.
    const stepping = this.#until < Infinity;
    const revealId = `${this.#frame.id}-reveal`;
    const reveal = stepping ? `url(#${revealId})` : nothing;
    const revealX = stepping ? Math.min(plot.x1, layout.x(this.#until)) : 0;
    return html`<svg
        class="trend"
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
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#itemFocus.onPointerLeave}
        @click=${this.#onClick}
      >
        ${stepping ? svg`<clipPath id=${revealId}><rect x="0" y="0" width=${Math.max(0, revealX)} height=${layout.height}></rect></clipPath>` : nothing}
        <g aria-hidden="true">
          ${layout.yTicks.map(
            (t) => svg`<path class="grid" d=${t.d}></path
              ><text class="small muted" x=${plot.x0 - fs * 0.4} y=${t.y} text-anchor="end" dominant-baseline="central">${t.text}</text>`,
          )}
          ${layout.unit ? svg`<text class="small muted" x=${layout.unit.x} y=${layout.unit.y} dominant-baseline="central">${this.#unitText(layout.log)}</text>` : nothing}
          <line class="axis" x1=${plot.x0} x2=${plot.x1} y1=${plot.y1} y2=${plot.y1}></line>
          ${layout.xTicks.map(
            (t) => svg`<line class="axis" x1=${t.x} x2=${t.x} y1=${plot.y1} y2=${plot.y1 + 4}></line
              ><text class="small muted" x=${t.x} y=${plot.y1 + lh} text-anchor="middle">${t.text}</text>`,
          )}
          ${layout.annotations
            .filter((a) => a.inside && a.annotation.t0 < this.#until)
            .map(
              (a) => svg`${a.x1 - a.x0 > 2 ? svg`<rect class="event-band" x=${a.x0} y=${plot.y0} width=${a.x1 - a.x0} height=${plot.y1 - plot.y0}></rect>` : nothing}
                <path class="event" d=${a.d}></path>
                <circle class="badge" cx=${a.bx} cy=${a.by} r=${lh * 0.5}></circle>
                <text class="small badge-text" x=${a.bx} y=${a.by} text-anchor="middle" dominant-baseline="central">${a.annotation.number}</text>
                ${a.text ? svg`<text class="small" x=${a.textX} y=${a.by} dominant-baseline="central">${a.text}</text>` : nothing}`,
            )}
          ${selInside
            ? svg`${selX1 - selX0 > 3 ? svg`<rect class="selection-band" x=${selX0} y=${plot.y0} width=${selX1 - selX0} height=${plot.y1 - plot.y0}></rect>` : nothing}
                <line class="selection" x1=${selX0} x2=${selX0} y1=${plot.y0} y2=${plot.y1}></line>
                ${sel?.name && this.#link.fromLink
                  ? svg`<text class="small selection-text" x=${selX0 < (plot.x0 + plot.x1) / 2 ? selX0 + 4 : selX0 - 4} y=${plot.y0 + lh * 0.8}
                      text-anchor=${selX0 < (plot.x0 + plot.x1) / 2 ? 'start' : 'end'}>${sel.name}</text>`
                  : nothing}`
            : nothing}
        </g>
        ${layout.series.map((s) => {
          const mute = emphasis && s.series.id !== emphasis ? 'muted-series' : emphasis ? 'strong-series' : '';
          return svg`<g class="${mute} ${seriesClass(s.series.colour)}">
            <path class="line" d=${s.solid} aria-hidden="true" clip-path=${reveal}></path>
            <path class="line gap" d=${s.dashed} aria-hidden="true" clip-path=${reveal}></path>
            ${s.label ? svg`<text class="small end-label halo ${layout.narrow ? 'inside' : ''}" x=${s.label.x} y=${s.label.y} text-anchor=${s.label.anchor} aria-hidden="true">${s.label.lines.map((l, i) => svg`<tspan x=${s.label!.x} dy=${i ? lh * 0.9 : 0}>${l}</tspan>`)}</text>` : nothing}
            <g role="list" aria-label=${s.series.label}>
              ${s.points.map((b) => {
                const i = flatIndex++;
                return svg`<g class="point ${b.point.t >= this.#until ? 'later' : ''}" role="listitem" data-index=${i} tabindex=${i === this.activeIndex ? 0 : -1} aria-label=${this.#pointLabel(b.point, s.series)}
                  aria-current=${selectedPoint === b ? 'true' : nothing}><circle class="hit" cx=${b.x} cy=${b.y} r="10"></circle>${this.#marker(b.kind, b.x, b.y)}</g>`;
              })}
            </g>
          </g>`;
        })}
        ${selectedPoint ? svg`<circle class="selected-ring" cx=${selectedPoint.x} cy=${selectedPoint.y} r="8.5"></circle>` : nothing}
        ${focused ? svg`<circle class="focus-ring" cx=${focused.x} cy=${focused.y} r="11"></circle>` : nothing}
      </svg>
      ${tip !== undefined && this.#flat[tip] ? this.#renderTooltip(layout, this.#flat[tip]) : nothing}`;
  }

  /** The events as a numbered list below the chart: the numbers on the chart point here. */
  #renderEvents(): TemplateResult | typeof nothing {
    if (!this.#events.length) return nothing;
    const { lang, locale } = this.#frame;
    const inside = new Set(this.#layout?.annotations.filter((a) => a.inside).map((a) => a.annotation.id));
    return html`<ol class="events" aria-label=${msg(lang, 'events')}>
      ${this.#events.map(
        (a) => html`<li class=${inside.has(a.id) ? '' : 'outside'}>
          <span class="num" aria-hidden="true">${a.number}</span> ${formatSpan(a, locale, lang)}: ${a.title}${inside.has(a.id) ? '' : ` (${msg(lang, 'outsidePeriod')})`}
        </li>`,
      )}
    </ol>`;
  }

  #renderTooltip(layout: TrendLayout, b: PointBox): TemplateResult {
    const { lang } = this.#frame;
    const p = b.point;
    const series = layout.series.find((s) => s.points.includes(b))!.series;
    const sources = [...new Set(p.sources.map((s) => s.publisher ?? s.title))];
    return renderTooltip({ top: b.y + 10, x: b.x, width: layout.width, gap: 14 }, series.label, [
      this.#pointText(p),
      p.dateNote && `${msg(lang, 'date')}: ${p.dateNote}`,
      ...p.flags.map((f) => msg(lang, `flag_${f}`)),
      p.note,
      sources.length > 0 && `${msg(lang, sources.length > 1 ? 'sources' : 'source')}: ${sources.join('; ')}`,
    ]);
  }

  #table(visible: TrendSeries[]): TableModel {
    const { lang, locale } = this.#frame;
    const model = this.#model!;
    const num = (v: number | undefined) => ({ text: v === undefined ? '' : formatNumber(v, locale), raw: v ?? null });
    return {
      caption: this.chartTitle || model.title,
      columns: [
        { label: msg(lang, 'seriesName') },
        { label: msg(lang, 'date') },
        { label: model.unit ? `${msg(lang, 'value')} (${model.unit})` : msg(lang, 'value'), numeric: true },
        { label: msg(lang, 'part_bg'), numeric: true },
        { label: msg(lang, 'part_ro'), numeric: true },
        { label: msg(lang, 'note') },
        { label: msg(lang, 'sources') },
      ],
      rows: visible.flatMap((s) =>
        s.points.map((p) => ({
          cells: [
            { text: s.label },
            { text: formatDate(p.date, locale), raw: p.date },
            num(p.value),
            num(p.parts?.bg),
            num(p.parts?.ro),
            { text: [...p.flags.map((f) => msg(lang, `flag_${f}`)), p.dateNote, p.note].filter(Boolean).join('; ') },
            { text: p.sources.map((src) => [src.publisher, src.title].filter(Boolean).join(': ')).join('; ') },
          ],
        })),
      ),
    };
  }

  #pointId(p: TrendPoint): string {
    return `${this.#model?.series[p.series]?.id ?? p.series}@${p.date}`;
  }

  #onPointerMove = (e: PointerEvent) => {
    const svgEl = e.currentTarget as SVGSVGElement;
    const r = svgEl.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    let best: number | undefined;
    let bestD = 24 * 24;
    this.#flat.forEach((b, i) => {
      const d = (b.x - x) ** 2 + (b.y - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    if (best !== this.#itemFocus.hoverIndex) {
      this.#itemFocus.hoverIndex = best;
      this.requestUpdate();
    }
  };

  #onClick = () => {
    const i = this.#itemFocus.hoverIndex;
    if (i === undefined) return;
    this.activeIndex = i;
    this.#toggleSelection(i);
  };

  #toggleSelection(i: number): void {
    const b = this.#flat[i];
    if (!b) return;
    const series = this.#layout!.series[b.path].series;
    this.#link.toggle(this.#pointId(b.point), `${series.label}, ${formatDate(b.point.date, this.#frame.locale)}`, { start: b.point.date });
    this.#announcement = this.#link.selected ? `${this.#pointLabel(b.point, series)} (${msg(this.#frame.lang, 'selected')})` : '';
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const layout = this.#layout;
    const from = this.#flat[this.activeIndex];
    if (!layout || !from) return;
    // Steps: the arrows, Page and Home/End keys step (PresenterController); Enter and Escape stay the chart's.
    if (this.#presenter.stepMode && !/^(Enter| |Escape)$/.test(e.key)) return;
    const paths = layout.series;
    const si = from.path;
    const points = paths[si].points;
    let target: PointBox | undefined;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        // The next series (down) or the previous one (up), at the point nearest in time.
        const next = paths[(si + (e.key === 'ArrowDown' ? 1 : paths.length - 1)) % paths.length].points;
        target = next.reduce((a, b) => (Math.abs(b.point.t - from.point.t) < Math.abs(a.point.t - from.point.t) ? b : a));
        break;
      }
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
        this.#link.select(null, null);
        this.#announcement = '';
        return;
      default: {
        // Left/Right along the series, Home/End to its ends.
        const i = listKeyTarget(e.key, from.point.index, points.length);
        if (i === undefined) return;
        target = points[i];
      }
    }
    e.preventDefault();
    this.#itemFocus.clearHover();
    const index = this.#flat.indexOf(target);
    this.activeIndex = index;
    void this.#itemFocus.focus(index);
  };

  #lastLinked: unknown;

  override updated(): void {
    if (this.#layout) this.#frame.rendered(this.#layout, { series: this.#layout.series.length, points: this.#flat.length });
  }

  #announceLinked(): void {
    const d = this.#link.detail;
    const span = d?.start ? spanOf(d as DateSpan) : undefined;
    if (!d || !span) return;
    const { lang } = this.#frame;
    const hits = this.#flat.filter((b) => b.point.t >= span[0] && b.point.t < span[1]);
    this.#announcement = `${d.name ?? ''} (${msg(lang, 'selected')})${hits.length ? `: ${hits.map((b) => this.#pointLabel(b.point, this.#layout!.series[b.path].series)).join('; ')}` : ''}`;
  }
}

define('trend-chart', TrendChart);

declare global {
  interface HTMLElementTagNameMap {
    'trend-chart': TrendChart;
  }
}
