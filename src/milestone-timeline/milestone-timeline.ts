import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { cssomStyle } from '../core/cssom-style.js';
import { DataController } from '../core/data-controller.js';
import { define } from '../core/define.js';
import { formatNumber } from '../core/format.js';
import { Key } from '../core/memo.js';
import { msg } from '../core/i18n.js';
import { ItemFocusController, listKeyTarget } from '../core/item-focus-controller.js';
import { LinkController, TIME_SELECT_EVENT } from '../core/link-controller.js';
import { PresenterController, presenterProperties } from '../core/presenter-controller.js';
import type { Problem } from '../core/problems.js';
import { ResizeController } from '../core/resize-controller.js';
import type { SourceInfo } from '../core/source-line.js';
import { darkMode, frameStyles } from '../core/styles.js';
import { fittingYearTicks, formatSpan, spanOf, type DateSpan } from '../core/time.js';
import { fontOf, textWidth } from '../core/text-measure.js';
import { WidgetController } from '../core/widget-controller.js';
import {
  categoryFilter,
  filterItems,
  sourceLabel,
  stepByProblems,
  stepsOf,
  timelineFromState,
  timelineSources,
  timelineTable,
  type TimelineItem,
  type TimelineModel,
} from './model.js';

/** From this content width on, milestones are placed on a horizontal time axis. */
export const WIDE_FROM = 720;

/** Detail of `milestone-step`. `current` is 1-based like the attribute, `index` 0-based. */
export interface MilestoneStepDetail {
  current: number;
  index: number;
  total: number;
  /** Ids of the milestones of this step (one, or all of a year with step-by="year"). */
  ids: string[];
  id: string;
  /** The start year of the step's milestones. */
  year: number;
}

/** UI words used in every milestone, looked up once per render. */
interface ItemLabels {
  funding: string;
  conflict: string;
  dateNote: string;
  source: string;
  sources: string;
  selected: string;
  highlighted: string;
}

/** One drawn state of the list, for `widget-rendered`: new data, filter or width. */
interface ListLayout {
  items: TimelineItem[];
  wide: boolean;
}

/**
 * Category colours, light and dark: each ≥ 4.5:1 against the background (#ffffff / #161616), so even a
 * thin mark stands out; the label next to every swatch carries the meaning. Pages can override them
 * as --srw-category-1 … --srw-category-11 (the file's categories in order; unknown ones are grey).
 */
const LIGHT = ['#1d5a94', '#a5520a', '#5b3d99', '#2f7544', '#a3257a', '#00717a', '#6e6500', '#c0392b', '#4b5d73', '#7b4a2a', '#0b7a5e'];
const DARK = ['#7cb4ec', '#f0a35e', '#b9a3ee', '#7fcb95', '#f08ccf', '#5fd0d6', '#d8c85a', '#ff8a7a', '#a9bbd1', '#d6a37c', '#6fdcb8'];
const palette = (colours: string[]) => unsafeCSS(colours.map((c, i) => `--srw-category-${i + 1}:${c};`).join(''));
/** `.c3 { --c: var(--srw-category-3) }`: an item's or a button's category colour. */
const categoryClasses = unsafeCSS(LIGHT.map((_, i) => `.c${i + 1}{--c:var(--srw-category-${i + 1})}`).join(''));

/**
 * `<milestone-timeline>`: dated milestones as an ordered list (`<ol>`) that screen readers read in
 * order — a vertical timeline on narrow screens, a horizontal time axis with the milestones placed by
 * time on wide ones. Dates are exactly as precise as their sources ("seit 2014", "Juni 2011",
 * "2013–2017"); periods are bars, "seit" a bar running out to the right; categories are a colour and
 * always a text label. Presenter mode (`mode="steps"` or `step`) shows one milestone (or one year)
 * after the other, driven by the keys presentation clickers send.
 *
 * @fires widget-rendered - after the list was drawn for new data, filter or width (detail: { milestones })
 * @fires sozialraum-time-select - Enter or a click selected a milestone (detail: { id, name, group, start, end });
 *   widgets with the same `group` (e.g. `<trend-chart>`) highlight that date, and theirs highlight milestones here
 * @fires milestone-step - presenter mode moved to another step (detail: MilestoneStepDetail)
 * @csspart title, description, chart, source, actions, button, table, message, notes, legend
 * @cssprop --srw-category-{1..11} - colours of the file's categories, in their order (light and dark each ≥ 4.5:1)
 * @cssprop --srw-timeline-track - width of the time axis on wide screens (default 36%)
 * @cssprop --srw-timeline-max-height - height from which the list scrolls inside the widget (default 36em; none: all)
 */
export class MilestoneTimeline extends LitElement {
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    chartTitle: { type: String, attribute: 'title' },
    langAttr: { type: String, attribute: 'lang' },
    categories: { type: String },
    from: { type: String },
    to: { type: String },
    ...presenterProperties,
    step: { type: Boolean },
    activeIndex: { state: true },
  };

  /**
   * Narrow: a vertical line with a dot per milestone; a period also gets a small bar on the whole time
   * span, between the date line and the title. Wide: the time axis on the left (year lines behind the
   * rows, marks at the ends kept whole), the text on the right, one row per milestone in time order.
   * Presenter mode: earlier steps are quieter (muted text, still ≥ 4.5:1) and shrink to date and
   * title, so the current one stays in view. Full screen scales the whole widget for the room.
   */
  static override styles = [
    frameStyles,
    css`
      :host {
        ${palette(LIGHT)}
        --srw-timeline-track: 36%;
      }
      ${darkMode(palette(DARK))}
      /* Fitted (a slide, full screen): the milestones scroll inside the box (.rows is the .fill), the axis stays;
         the step counter says where the presenter is, the count of milestones is the table's. */
      .fit .count {
        display: none;
      }
      .c0 {
        --c: var(--srw-muted);
      }
      ${categoryClasses}
      @media (forced-colors: active) {
        .cat::before,
        [data-category]::before,
        .mark,
        .narrow .item::before {
          forced-color-adjust: none;
        }
        .item,
        .filter button {
          --c: CanvasText;
        }
      }
      .filter {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35em;
        margin: 0 0 0.35em;
      }
      .filter button[aria-pressed='true'] {
        background: var(--srw-text);
        color: var(--srw-background);
        border-color: var(--srw-text);
      }
      .filter button[aria-pressed='true']::before {
        box-shadow: 0 0 0 1px var(--srw-background);
      }
      .count {
        margin: 0 0 0.5em;
      }
      .count,
      .cat,
      .meta,
      .src,
      .conflict {
        font-size: 0.875em;
      }
      .count,
      .meta,
      .src,
      .empty,
      .past .body {
        color: var(--srw-muted);
      }
      .rows {
        position: relative;
        /* About a screen: 61 milestones would otherwise make the widget sixteen screens long in an article. */
        max-height: var(--srw-timeline-max-height, 36em);
        overflow-y: auto;
        padding: 4px;
        /* Room for focus rings at the scroll box's edges; only above and below outside the box, which
           sideways would widen the page by 4 px. */
        margin: -4px 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .item {
        position: relative;
        outline: none;
        border-radius: var(--srw-radius);
        cursor: default;
      }
      .item:focus-visible {
        outline: 3px solid var(--srw-focus);
        outline-offset: 2px;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0 0.75em;
      }
      .date {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .cat::before,
      [data-category]::before,
      .narrow .item::before {
        content: '';
        background: var(--c);
      }
      .cat::before,
      [data-category]::before {
        display: inline-block;
        width: 0.8em;
        height: 0.8em;
        margin-right: 0.35em;
        vertical-align: -0.05em;
        border-radius: 2px;
      }
      .name {
        font-weight: 700;
        line-height: 1.3;
        margin: 0.1em 0;
      }
      .body p {
        margin: 0.2em 0 0;
      }
      .body p:empty {
        display: none;
      }
      .src a {
        color: inherit;
      }
      .conflict {
        border-left: 3px solid var(--srw-highlight);
        padding-left: 0.5em;
      }
      .track,
      .ticks,
      .lines {
        position: relative;
        margin: 0 0.5em;
      }
      .mark {
        position: absolute;
        background: var(--c);
        border-radius: 999px;
        min-width: 0.6em;
      }
      .point .mark {
        width: 0.85em;
        transform: translateX(-50%);
      }
      .since .mark {
        border-radius: 999px 0 0 999px;
        background: linear-gradient(90deg, var(--c), var(--c) 55%, transparent);
      }
      .narrow ol {
        border-left: 2px solid var(--srw-border);
        margin-left: 0.55em;
      }
      .narrow .item {
        display: flex;
        flex-direction: column;
        padding: 0.35em 0.5em 0.85em 1.2em;
      }
      .narrow .item::before {
        position: absolute;
        left: calc(-0.5em - 1px);
        top: 0.55em;
        width: 1em;
        height: 1em;
        border-radius: 50%;
        box-shadow: 0 0 0 2px var(--srw-background);
      }
      .approx .mark,
      .narrow .approx::before {
        background: var(--srw-background);
        border: 2px dashed var(--c);
      }
      .since.approx .mark {
        background: linear-gradient(90deg, var(--srw-background), transparent);
      }
      .narrow .body {
        display: contents;
      }
      .narrow .head {
        order: -2;
      }
      .narrow .track {
        order: -1;
        height: 0.5em;
        max-width: 18em;
        margin: 0.2em 0 0.25em;
        border-radius: 999px;
        background: var(--srw-grid);
      }
      .narrow .mark {
        top: 0;
        bottom: 0;
      }
      .wide .axis,
      .wide .item,
      .grid {
        display: grid;
        grid-template-columns: var(--srw-timeline-track) minmax(0, 1fr);
        column-gap: 1.25em;
        padding-right: 0.5em;
      }
      .wide .axis {
        position: sticky;
        top: 0;
        z-index: 1;
        background: var(--srw-background);
        height: 1.2em;
        color: var(--srw-muted);
        border-bottom: 1px solid var(--srw-border);
        /* Inset like the rows' content below (their 4 px room for focus rings), so years meet their lines. */
        margin: 0 4px 0.25em;
      }
      /* Small type on the labels only: the axis keeps the rows' em, so its margins put years over their lines.
         Each year is centred over its line (--x), but the first and last never leave the track: at its ends
         they are anchored inward, as the bar chart's axis does. A year is four digits, 4ch in tabular figures. */
      .tick {
        font-size: 0.8em;
        position: absolute;
        left: clamp(0px, calc(var(--x) - 2ch), calc(100% - 4ch));
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .grid {
        position: absolute;
        inset: 4px;
        pointer-events: none;
      }
      .lines span {
        position: absolute;
        top: 0;
        bottom: 0;
        border-left: 1px solid var(--srw-grid);
      }
      .wide .item {
        padding: 0.45em 0.5em 0.55em 0;
      }
      .wide .mark {
        top: 0.35em;
        height: 0.85em;
      }
      .past p,
      .narrow .point .track,
      .narrow .past .track {
        display: none;
      }
      .wide .past {
        padding-block: 0.15em;
      }
      .past .mark,
      .narrow .past::before {
        opacity: 0.5;
      }
      .current .name {
        font-size: 1.2em;
      }
      .current {
        box-shadow: inset 4px 0 0 var(--c);
      }
      .marked {
        box-shadow: inset 0 0 0 2px var(--srw-highlight);
        background: var(--srw-warning-background);
      }
      .marked .mark {
        box-shadow: 0 0 0 2px var(--srw-background), 0 0 0 4px var(--srw-highlight);
      }
      .empty {
        font-style: italic;
      }
      /* Print: every milestone (the list does not scroll on paper). */
      @media print {
        .rows {
          max-height: none;
          overflow: visible;
        }
      }
    `,
  ];

  declare src?: string;
  declare data?: unknown;
  declare chartTitle?: string;
  declare langAttr?: string;
  declare categories?: string;
  declare from?: string;
  declare to?: string;
  declare mode?: string;
  declare step: boolean;
  declare stepBy?: string;
  /** Presenter mode: the step shown, 1-based; clamped to the steps there are. */
  declare current?: number;
  declare fit?: boolean;
  declare presentation?: boolean;
  declare activeIndex: number;

  readonly #loader = new DataController(this);
  readonly #frame = new WidgetController(this);
  readonly #size = new ResizeController(this);
  readonly #link = new LinkController(this, TIME_SELECT_EVENT);
  readonly #itemFocus = new ItemFocusController(this, 'li.item', (index) => (this.activeIndex = index));
  readonly #presenter = new PresenterController(this, () => this.#frame, {
    says: (n) => (this.#steps[n - 1] ?? []).map((it) => `${it.dateText}: ${it.title}`).join('; '),
    onStep: (n, byKey) => {
      // The focus follows the step when it is in the list (or nowhere in particular); a focused button keeps it.
      const focused = this.shadowRoot?.activeElement;
      this.#showStep(n, byKey && (!focused || !focused.matches('button')));
    },
    onChange: (n) => {
      const step = this.#steps[n - 1];
      if (step) this.#stepEvent = { current: n, index: n - 1, total: this.#steps.length, ids: step.map((it) => it.id), id: step[0].id, year: step[0].year };
    },
    // Into or out of full screen the box changes size: the current step is scrolled into view again.
    onFullscreenChange: () => (this.#scrollToCurrent = true),
  });

  #model?: TimelineModel;
  #modelProblems: Problem[] = [];
  readonly #modelKey = new Key();
  #filter: Set<string> | null = null;
  #filterProblems: Problem[] = [];
  readonly #filterKey = new Key();
  /** The milestones after the category filter (all steps). */
  #shown: TimelineItem[] = [];
  #steps: TimelineItem[][] = [];
  #layout?: ListLayout;
  #sourceInfo?: SourceInfo;
  /** Ids marked because a linked widget selected a date that overlaps them. */
  #linked = new Set<string>();
  #linkDetail: unknown = null;
  #linkedFor?: TimelineItem[];
  #scrollToLinked = false;
  #scrollToCurrent = false;
  #stepEvent?: MilestoneStepDetail;
  #countChanged = false;
  #announcement = '';

  constructor() {
    super();
    this.step = false;
    this.activeIndex = 0;
    this.addEventListener('keydown', this.#onHostKeyDown);
  }

  /** Presenter mode: `mode="steps"` or the boolean `step` attribute. */
  get presenting(): boolean {
    return this.#presenter.stepMode;
  }

  get #stepUnit(): 'milestone' | 'year' {
    return /^(year|years|jahr|jahre)$/i.test((this.stepBy ?? '').trim()) ? 'year' : 'milestone';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data')) this.#loader.sync();
    const { lang, locale } = this.#frame;
    const key = [this.#loader.state, this.from, this.to, lang, locale];
    if (this.#modelKey.changed(key)) {
      const { model, problems } = timelineFromState(this.#loader.state, { lang, locale, from: this.from, to: this.to });
      this.#model = model;
      this.#modelProblems = problems;
    }
    const model = this.#model;
    // The `categories` attribute sets the filter; the buttons change it from there.
    if (model && this.#filterKey.changed([model, this.categories])) {
      const { filter, problems } = categoryFilter(model, this.categories, lang);
      this.#filter = filter;
      this.#filterProblems = problems;
      this.#layout = undefined;
    }
    // The width only with a model: asking for it lays out the page (see ResizeController.width).
    const wide = !!model && this.#size.width >= WIDE_FROM;
    if (!model) {
      this.#layout = undefined;
      this.#shown = [];
    } else if (!this.#layout || this.#layout.wide !== wide || this.#layout.items !== model.items) {
      this.#shown = filterItems(model.items, this.#filter);
      this.#sourceInfo = timelineSources(this.#shown);
      this.#layout = { items: model.items, wide };
    }
    this.#steps = this.presenting ? stepsOf(this.#shown, this.#stepUnit) : [];
    this.#presenter.steps(this.#steps.length);
    this.#updateLinked();
    if (this.#countChanged) {
      this.#countChanged = false;
      this.#announcement = msg(lang, 'tl_count', formatNumber(this.#shown.length, locale), formatNumber(model?.items.length ?? 0, locale));
    }
    const visible = this.#visibleItems();
    if (this.activeIndex >= visible.length) this.activeIndex = Math.max(0, visible.length - 1);
  }

  /** Milestones in the list: all shown, or in presenter mode those up to the current step. */
  #visibleItems(): TimelineItem[] {
    if (!this.presenting) return this.#shown;
    return this.#steps.slice(0, this.current ?? 1).flat();
  }

  /** Marks from a linked widget: every milestone whose date overlaps the selected date or period. */
  #updateLinked(): void {
    const detail = this.#link.fromLink ? this.#link.detail : null;
    if (detail === this.#linkDetail && this.#linkedFor === this.#shown) return;
    const fresh = detail !== this.#linkDetail;
    this.#linkDetail = detail;
    this.#linkedFor = this.#shown;
    this.#linked = new Set();
    const span = detail?.start ? spanOf(detail as DateSpan) : undefined;
    if (span) for (const it of this.#shown) if (it.start < span[1] && span[0] < it.end) this.#linked.add(it.id);
    if (!fresh) return;
    if (detail?.start && span) {
      const { lang, locale } = this.#frame;
      const titles = this.#shown.filter((it) => this.#linked.has(it.id)).map((it) => `${it.dateText}: ${it.title}`);
      const period = formatSpan({ start: detail.start, end: detail.end }, locale, lang);
      this.#announcement = `${msg(lang, 'tl_matches', titles.length, period)}${titles.length ? `: ${titles.slice(0, 3).join('; ')}${titles.length > 3 ? ' …' : ''}` : ''}`;
      this.#scrollToLinked = this.#linked.size > 0;
    }
  }

  override render(): TemplateResult {
    const model = this.#model;
    const { lang, locale } = this.#frame;
    const title = this.chartTitle || model?.title;
    return this.#frame.render({
      about: model,
      problems: [...this.#modelProblems, ...this.#filterProblems, ...stepByProblems(this.stepBy)],
      loading: this.#loader.state.status === 'loading',
      legend: model ? this.#renderControls(model) : nothing,
      chart: model && this.#renderChart(model),
      chartClass: `timeline ${this.#layout?.wide ? 'wide' : 'narrow'}`,
      hint: msg(lang, 'tl_hint'),
      announcement: this.#announcement,
      presenter: this.#presenter,
      source: model ? this.#sourceInfo : undefined,
      table: model ? () => timelineTable(title ?? '', this.#shown, lang, locale) : undefined,
    });
  }

  #renderControls(model: TimelineModel): TemplateResult {
    const { lang, locale } = this.#frame;
    const filter = this.#filter;
    const total = model.items.length;
    return html`${model.categories.length > 1
        ? html`<div class="filter" part="legend" role="group" aria-label=${msg(lang, 'tl_filter')}>
            <button type="button" part="button" aria-pressed=${filter ? 'false' : 'true'} @click=${this.#onFilterClick}>${msg(lang, 'tl_all')}</button>
            ${model.categories.map(
              (c) => html`<button type="button" part="button" class="c${c.colour}" data-category=${c.id} title=${c.description || nothing}
                aria-pressed=${filter?.has(c.id) ? 'true' : 'false'} @click=${this.#onFilterClick}
                >${c.label} (${formatNumber(c.count, locale)})</button>`,
            )}
          </div>`
        : nothing}
      <p class="count">${msg(lang, 'tl_count', formatNumber(this.#shown.length, locale), formatNumber(total, locale))}</p>`;
  }

  #renderChart(model: TimelineModel): TemplateResult {
    const { lang } = this.#frame;
    const wide = this.#layout?.wide ?? false;
    const items = this.#visibleItems();
    const id = this.#frame.id;
    let ticks: TemplateResult | typeof nothing = nothing;
    let grid: TemplateResult | typeof nothing = nothing;
    if (wide) {
      const [t0, t1] = model.domain;
      const { size: em, family } = fontOf(this);
      // The track: 36 % of the axis (its insets: 4 px each side, 0.5 em on the right), less the ticks' 0.5 em each side.
      const track = (this.#size.width - 8 - em * 0.5) * 0.36 - em;
      // Year labels in 0.8 em type, half an em apart at least; in a presenter's large type fewer fit.
      const label = textWidth('2020', `${em * 0.8}px ${family}`);
      const years = fittingYearTicks(t0, t1, track, label, em * 0.5).map((t) => ({ x: ((t - t0) / (t1 - t0)) * 100, year: new Date(t).getUTCFullYear() }));
      ticks = html`<div class="axis" aria-hidden="true"
        ><div class="ticks">${years.map((y) => html`<span class="tick" style=${cssomStyle({ '--x': `${y.x}%` })}>${y.year}</span>`)}</div></div
      >`;
      grid = html`<div class="grid" aria-hidden="true"><div class="lines">${years.map((y) => html`<span style=${cssomStyle({ left: `${y.x}%` })}></span>`)}</div></div>`;
    }
    const labels: ItemLabels = {
      funding: msg(lang, 'tl_funding'),
      conflict: `${msg(lang, 'tl_conflict')}:`,
      dateNote: msg(lang, 'tl_dateNote'),
      source: msg(lang, 'source'),
      sources: msg(lang, 'sources'),
      selected: msg(lang, 'selected'),
      highlighted: msg(lang, 'tl_highlighted'),
    };
    return html`${ticks}
      <div class="rows fill" tabindex="-1">
        ${grid}
        <ol
          aria-label=${this.chartTitle || model.title || msg(lang, 'tl_list')}
          aria-describedby="${id}-hint"
          @keydown=${this.#onListKeyDown}
          @click=${this.#onClick}
          @focusin=${this.#itemFocus.onFocusIn}
        >
          ${items.map((it, i) => this.#renderItem(it, i, labels))}
        </ol>
      </div>
      ${items.length ? nothing : html`<p class="empty">${msg(lang, 'tl_empty')}</p>`}`;
  }

  /**
   * One milestone as one flat template: optional parts are hidden, not nested templates, and only a
   * second or further source is a small template of its own — the first render's cost grows with the
   * number of template instances, and a list of 61 milestones with their sources would otherwise make
   * over 500.
   */
  #renderItem(it: TimelineItem, i: number, labels: ItemLabels): TemplateResult {
    const active = i === this.activeIndex;
    const selected = !this.#link.fromLink && this.#link.selected === it.id;
    const marked = selected || this.#linked.has(it.id);
    let stepClass = '';
    if (this.presenting) stepClass = this.#steps[(this.current ?? 1) - 1]?.includes(it) ? 'current' : 'past';
    // Placed through the CSSOM (cssomStyle): a strict Content-Security-Policy (style-src 'self') blocks style attributes.
    const style = it.kind === 'point' ? { left: `${it.xm}%` } : { left: `${it.x0}%`, width: `${it.x1 - it.x0}%` };
    const state = selected ? labels.selected : marked ? labels.highlighted : '';
    const tab = active ? 0 : -1;
    // Only the active milestone's links are in the tab order: Tab from it reaches them. A source without
    // a web address is plain text (no <a> without href: not a link, not focusable, nothing for a screen
    // reader or Lighthouse to take for a broken link). Plain text is a string in a child part, not a
    // template: a source without address costs no template instance.
    const source = (s: TimelineItem['sources'][number], sep: string) =>
      s.url ? html`${sep}<a href=${s.url} rel="noopener noreferrer" tabindex=${tab} .textContent=${sourceLabel(s)}></a>` : `${sep}${sourceLabel(s)}`;
    const [first, ...more] = it.sources;
    // Texts go in as properties (.textContent), not as child parts: no marker comments, fewer nodes;
    // an empty paragraph is hidden by CSS (:empty), not by another binding.
    return html`<li class="item c${it.category.colour} ${it.kind} ${it.approximate ? 'approx' : ''} ${marked ? 'marked' : ''} ${stepClass}"
      data-index=${i} data-id=${it.id} tabindex=${tab} aria-label=${`${it.dateText}, ${it.category.label}: ${it.title}${state ? ` (${state})` : ''}`}
      aria-current=${stepClass === 'current' ? 'step' : marked ? 'true' : nothing}
      ><div class="track" aria-hidden="true"><span class="mark" style=${cssomStyle(style)}></span></div
      ><div class="body"
        ><div class="head"
          ><span class="date" .textContent=${it.dateText}></span
          ><span class="cat" .textContent=${it.category.label}></span></div
        ><div class="name" .textContent=${it.title}></div
        ><p class="desc" .textContent=${it.description}></p
        ><p class="meta" .textContent=${it.funding.length ? `${labels.funding}: ${it.funding.join(', ')}` : ''}></p
        ><p class="conflict" .textContent=${it.conflict ? `${labels.conflict} ${it.conflict}` : ''}></p
        ><p class="meta" .textContent=${it.dateNote ? `${labels.dateNote}: ${it.dateNote}` : ''}></p
        ><p class="src"
          >${it.sources.length > 1 ? labels.sources : labels.source}: ${first ? source(first, '') : ''}${more.map((s) => source(s, '; '))}</p
        ></div
      ></li
    >`;
  }

  #onFilterClick = (e: Event) => {
    const model = this.#model;
    if (!model) return;
    const id = (e.currentTarget as HTMLElement).getAttribute('data-category');
    let next: Set<string> | null;
    if (id === null) next = null;
    else {
      next = new Set(this.#filter ?? []);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      if (!next.size || model.categories.every((c) => next!.has(c.id))) next = null;
    }
    this.#filter = next;
    this.#layout = undefined;
    this.activeIndex = 0;
    this.#countChanged = true;
    this.requestUpdate();
  };

  /** Select the milestone (again: clear), so linked widgets highlight its date. */
  #toggleSelection(index: number): void {
    const it = this.#visibleItems()[index];
    if (!it) return;
    this.#link.toggle(it.id, it.title, it.date.end ? { start: it.date.start, end: it.date.end } : { start: it.date.start });
    this.#linked = new Set();
    const { lang } = this.#frame;
    this.#announcement = this.#link.selected === it.id ? `${it.dateText}: ${it.title} (${msg(lang, 'selected')})` : '';
  }

  #onClick = (e: MouseEvent) => {
    if ((e.target as Element).closest('a[href]')) return;
    const index = this.#itemFocus.itemOf(e);
    if (index === undefined) return;
    this.activeIndex = index;
    this.#toggleSelection(index);
  };

  /** Keys on the list: move between milestones, select. In presenter mode arrows step instead, Escape is the host's (see onHostKeyDown). */
  #onListKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const count = this.#visibleItems().length;
    if (!count) return;
    const onItem = (e.target as Element).matches('li.item');
    switch (e.key) {
      case 'Enter':
      case ' ':
        // On a source link Enter follows the link.
        if (!onItem) return;
        e.preventDefault();
        this.#toggleSelection(this.activeIndex);
        return;
    }
    if (this.presenting) return;
    const next = listKeyTarget(e.key, this.activeIndex, count);
    if (next === undefined) return;
    e.preventDefault();
    this.activeIndex = next;
    void this.#itemFocus.focus(next);
  };

  #clearSelection(): void {
    this.#link.select(null, null);
    this.#linked = new Set();
    this.#linkDetail = null;
    this.#announcement = '';
    this.requestUpdate();
  }

  /** Escape clears the selection wherever the focus is in the widget; with none, it gives the keys back to the page (PresenterController). */
  #onHostKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && (this.#link.selected !== null || this.#linked.size)) {
      e.preventDefault();
      this.#clearSelection();
    }
  };

  /** Show step `n`'s first milestone as the active one; `focusItem`: move the focus to it. */
  #showStep(n: number, focusItem: boolean): void {
    const first = this.#steps.slice(0, n - 1).reduce((sum, s) => sum + s.length, 0);
    this.activeIndex = first;
    if (focusItem) void this.#itemFocus.focus(first);
  }

  override updated(): void {
    if (this.#layout) this.#frame.rendered(this.#layout, { milestones: this.#visibleItems().length });
    if (this.#stepEvent || this.#scrollToCurrent) {
      this.#scrollToCurrent = false;
      // The current step's milestones end the list: bring its last one into view.
      this.#scrollWithin(this.renderRoot.querySelector<HTMLElement>('li.item.current:last-child'));
    }
    if (this.#stepEvent) {
      const detail = this.#stepEvent;
      this.#stepEvent = undefined;
      this.dispatchEvent(new CustomEvent<MilestoneStepDetail>('milestone-step', { bubbles: true, composed: true, detail }));
    }
    if (this.#scrollToLinked) {
      this.#scrollToLinked = false;
      this.#scrollWithin(this.renderRoot.querySelector<HTMLElement>('li.item.marked'));
    }
  }

  /**
   * Bring a milestone into view inside the widget's own scrolling box (a set maximum height, or the
   * widget in full screen) — never by scrolling the page, which would pull the reader away from the
   * chart they clicked.
   */
  #scrollWithin(target: HTMLElement | null): void {
    if (!target) return;
    const boxes = [this.renderRoot.querySelector<HTMLElement>('.rows'), document.fullscreenElement === this ? this : null];
    for (const box of boxes) {
      if (!box || box.scrollHeight <= box.clientHeight + 1) continue;
      const b = box.getBoundingClientRect();
      const t = target.getBoundingClientRect();
      // As little as needed: the milestone's end into view, but never its start out of view.
      if (t.bottom > b.bottom) box.scrollTop += Math.min(t.bottom - b.bottom + 16, t.top - b.top - 8);
      else if (t.top < b.top) box.scrollTop -= b.top - t.top + 8;
      return;
    }
  }
}

define('milestone-timeline', MilestoneTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'milestone-timeline': MilestoneTimeline;
  }
}
