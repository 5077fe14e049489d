import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { numberAttr } from '../core/attributes.js';
import { DataController, UrlController } from '../core/data-controller.js';
import { dataUrl } from '../core/data-url.js';
import { define } from '../core/define.js';
import { msg } from '../core/i18n.js';
import { Key } from '../core/memo.js';
import { PresenterController, presenterProperties, stepSize } from '../core/presenter-controller.js';
import { asWarning, warning, type Problem } from '../core/problems.js';
import { frameStyles } from '../core/styles.js';
import { WidgetController } from '../core/widget-controller.js';
import { buildTrendModel } from '../trend-chart/model.js';
import { buildKeyFigureModel, figureSentence, figureTable, sourcesText, sparkOf, type FigureView, type KeyFigureModel, type Spark } from './model.js';

/**
 * `<key-figure>`: one sourced number, big — or a row of them. The number stands exactly as its source
 * words it ("über 580.000", "fast 2/3", "13–22 %"), never rounded into false exactness; under it the
 * label, the comparison the source gives, an optional trend line, and the Stand. Screen readers hear one
 * sentence per figure. On a slide, `mode="steps"` reveals a row figure by figure.
 *
 * @fires widget-rendered - after the figures were drawn for new data (detail: { figures })
 * @fires widget-step - `mode="steps"` moved to another step (detail: { current, total, kind })
 * @csspart title, description, chart, source, actions, button, table, message, notes, steps, number, label, sparkline
 * @cssprop --srw-key-figure-size - size of the big number (default: with the figure's width, 1.5em to 3em; in presentation type 2em to 5em)
 */
export class KeyFigure extends LitElement {
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    figure: { type: String },
    group: { type: String },
    sparkline: { type: String },
    chartTitle: { type: String, attribute: 'title' },
    langAttr: { type: String, attribute: 'lang' },
    sourceText: { type: String, attribute: 'source' },
    stichtag: { type: String },
    ...presenterProperties,
  };

  static override styles = [
    frameStyles,
    css`
      /* Columns of one width (a figure in a row of its own keeps it), as many as fit: one at 320 px. */
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
        gap: 1em 1.5em;
      }
      /* Each figure is a container: its number grows with its own width, so a row of four stays readable at 320 px and big at 1920 px. */
      .kf {
        container-type: inline-size;
        /* German compounds ("sozialversicherungspflichtige") can be wider than a column of 11em: hyphenated
           where the browser knows the language's rules, else broken, but never out of the figure's column. */
        overflow-wrap: break-word;
        hyphens: auto;
      }
      .kf p {
        margin: 0.25em 0 0;
      }
      .number {
        font-size: var(--srw-key-figure-size, clamp(1.5em, 15cqi, 3em));
        font-weight: 700;
        line-height: 1.1;
        color: var(--srw-bar);
      }
      /* The marks of derived (*) and unverified ((?)) figures, explained in the notes: not as big as the number. */
      .marks {
        font-size: 0.5em;
      }
      .big .number {
        font-size: var(--srw-key-figure-size, clamp(2em, 15cqi, 5em));
      }
      /* Browsers without container units (Chrome < 105, Safari < 16, Firefox < 110) would drop the size to the text's. */
      @supports not (width: 1cqi) {
        .number {
          font-size: var(--srw-key-figure-size, 2.25em);
        }
        .big .number {
          font-size: var(--srw-key-figure-size, 3.5em);
        }
      }
      .missing {
        font-style: italic;
        color: var(--srw-muted);
      }
      /* Steps: the figure just revealed is highlighted, as the bars are. */
      .current .number {
        color: var(--srw-highlight);
      }
      .label {
        font-weight: 700;
      }
      .comparison,
      .meta {
        font-size: 0.875em;
        color: var(--srw-muted);
      }
      .spark {
        width: min(100%, 10em);
        height: 2em;
        margin-top: 0.35em;
      }
      .spark * {
        fill: none;
        stroke: var(--srw-bar);
        stroke-width: 2;
        stroke-linecap: round;
        vector-effect: non-scaling-stroke;
      }
      .spark .end {
        stroke-width: 7;
      }
      .figures:focus-visible {
        outline: 3px solid var(--srw-focus);
        outline-offset: 4px;
      }
      /* Fitted (a slide, full screen): the figures stand in the middle of the box; where they do not fit, the box scrolls from their top. */
      .fit .figures {
        display: flex;
        overflow: auto;
      }
      .fit .row {
        flex: 1;
        margin: auto 0;
      }
    `,
  ];

  declare src?: string;
  declare data?: unknown;
  /** Id of the figure to show, or several separated by spaces or commas: a row in that order. */
  declare figure?: string;
  /** Show every figure tagged with this group (`groups` in the data file); without figure and group: all. */
  declare group?: string;
  /** URL of a time-series file for the trend lines (default: the file a figure names in `series.src`). */
  declare sparkline?: string;
  declare chartTitle?: string;
  declare langAttr?: string;
  declare sourceText?: string;
  declare stichtag?: string;
  declare mode?: string;
  /** The step shown with `mode="steps"`; 1-based. */
  declare current?: number;
  /** Steps: how many figures each step reveals (default one). */
  declare stepBy?: string;
  declare fit?: boolean;
  declare presentation?: boolean;

  readonly #loader = new DataController(this);
  /**
   * The trend lines' file: the `sparkline` attribute (or an inline `<script type="application/json"
   * data-for="sparkline">`), else the file the first figure with a trend line names — relative to the
   * key-figures file; data in the page: relative to the page (or the script's data-base).
   */
  readonly #sparkLoader = new UrlController(this, 'sparkline', () => {
    const series = this.#model?.figures.find((v) => v.f.series)?.f.series;
    const state = this.#loader.state;
    return series ? dataUrl(series.src, (state.status === 'ready' && state.url) || undefined) : null;
  });
  readonly #frame = new WidgetController(this);
  readonly #presenter = new PresenterController(this, () => this.#frame, {
    says: (n) => {
      const k = stepSize(this.stepBy);
      return (this.#model?.figures ?? []).slice((n - 1) * k, n * k).map((v) => this.#sentence(v)).join(' ');
    },
  });

  #model?: KeyFigureModel;
  #problems: Problem[] = [];
  readonly #modelKey = new Key();
  /** Trend lines by figure id; null while their file loads. */
  #sparks = new Map<string, Spark | null>();
  #sparkProblems: Problem[] = [];
  readonly #sparkKey = new Key();
  /** The step shown (0 without steps). */
  #step = 0;

  constructor() {
    super();
    // The DataController reads a table but no <dl>: an edited list draws anew.
    new MutationObserver(() => this.requestUpdate()).observe(this, { childList: true, subtree: true, characterData: true });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data')) this.#loader.sync();
    const { lang, locale } = this.#frame;
    const state = this.#loader.state;
    // Nothing else names data: a <dl> in the element is the data.
    const list = state.status === 'error' && state.problems[0]?.key === 'p_noData' ? this.querySelector(':scope > dl, :scope > figure > dl') : null;
    if (this.#modelKey.changed([state, list?.textContent, this.figure, this.group, this.sourceText, this.stichtag, this.stepBy, lang, locale])) {
      const { model, problems } = buildKeyFigureModel(state, list, this, lang, locale);
      this.#model = model;
      this.#problems = problems;
      if (model) numberAttr('step-by', this.stepBy, problems, { min: 1, integer: true, expected: 'attr_countFrom1' });
    }
    this.#sparkLoader.sync();
    const sparkState = this.#sparkLoader.state;
    if (this.#sparkKey.changed([this.#model, sparkState, lang, locale])) this.#buildSparks(sparkState);

    const n = this.#model?.figures.length ?? 0;
    const stepping = this.#presenter.stepMode && n > 0;
    const current = this.#presenter.steps(stepping ? Math.ceil(n / stepSize(this.stepBy)) : 0);
    this.#step = stepping ? current : 0;
  }

  /**
   * The trend lines of the figures that ask for one, from the loaded time series (the trend model names
   * the series it lacks); its problems are warnings: the figures stand without.
   */
  #buildSparks(state: UrlController['state']): void {
    const { lang, locale } = this.#frame;
    const wanted = this.#model?.figures.filter((v) => v.f.series) ?? [];
    this.#sparks = new Map();
    this.#sparkProblems = [];
    if (!wanted.length || !state) return;
    const { model: trend, problems } = buildTrendModel(state, { lang, series: wanted.map((v) => v.f.series!.series).join(' ') });
    for (const v of wanted) {
      const series = trend?.series.find((s) => s.id === v.f.series!.series);
      // null while the file loads: the line's room is kept.
      if (series || state.status === 'loading') this.#sparks.set(v.f.id, series ? sparkOf(series.points, lang, locale) : null);
    }
    if (problems.length) this.#sparkProblems = [warning('kf_seriesLoad'), ...problems.map(asWarning)];
  }

  #sentence(v: FigureView): string {
    return figureSentence(v, this.#sparks.get(v.f.id)?.text ?? '', this.#frame.lang);
  }

  override render(): TemplateResult {
    const model = this.#model;
    const { lang, locale } = this.#frame;
    const stepping = this.#presenter.stepMode && !!model;
    return this.#frame.render({
      about: model,
      problems: [...this.#problems, ...this.#sparkProblems],
      loading: this.#loader.state.status === 'loading',
      chart: model && this.#renderFigures(model, stepping),
      hint: stepping ? msg(lang, 'kf_hint') : '',
      notes: model?.notes,
      // The figures' sources and Stand, and the sources of the trend lines drawn.
      source: model && { ...model.source, sources: [...model.source.sources, ...[...this.#sparks.values()].flatMap((s) => s?.sources ?? [])] },
      table: model && (() => figureTable(model, this.chartTitle || model.title, lang, locale)),
      presenter: this.#presenter,
    });
  }

  #renderFigures(model: KeyFigureModel, stepping: boolean): TemplateResult {
    const row = model.figures.length > 1;
    // A tab stop for a slide: the clicker's keys need the focus inside for the steps, and a fitted box
    // whose figures do not fit scrolls from the keyboard.
    const stop = stepping || this.#presenter.fitting;
    const label = [this.chartTitle || model.title, stepping ? this.#presenter.stepText : ''].filter(Boolean).join('. ');
    return html`<div
      class="figures fill"
      role=${stop ? 'group' : nothing}
      aria-label=${stop && label ? label : nothing}
      tabindex=${stop ? 0 : nothing}
      aria-describedby=${stepping ? `${this.#frame.id}-hint` : nothing}
    >
      <div class="row" role=${row ? 'list' : nothing}>${model.figures.map((v, i) => this.#renderFigure(v, i, row, model.ownSources))}</div>
    </div>`;
  }

  #renderFigure(v: FigureView, i: number, row: boolean, ownSources: boolean): TemplateResult {
    const { lang } = this.#frame;
    const spark = this.#sparks.get(v.f.id);
    // Steps: what a later step reveals is not there yet; the figures just revealed are highlighted.
    const ahead = Math.floor(i / stepSize(this.stepBy)) + 1 - this.#step;
    const state = !this.#step ? '' : ahead > 0 ? 'later' : ahead ? '' : 'current';
    // The sentence is what screen readers hear; the parts drawn for the eye say the same and are hidden from them.
    return html`<div class="kf ${state}" role=${row ? 'listitem' : nothing} data-id=${v.f.id}>
      <span class="visually-hidden">${this.#sentence(v)}</span>
      <div aria-hidden="true">
        <p class="number ${v.plain ? '' : 'missing'}" part="number">${v.plain || v.number}<span class="marks">${v.marks}</span></p>
        ${v.label ? html`<p class="label" part="label">${v.label}</p>` : nothing}
        ${v.comparison ? html`<p class="comparison">${v.comparison}</p>` : nothing}
        ${spark === undefined
          ? nothing
          : html`<svg class="spark" part="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none">
              ${spark && svg`<polyline points=${spark.points}></polyline><path class="end" d="M${spark.end.join(' ')}h0"></path>`}
            </svg>`}
        ${v.note ? html`<p class="meta">${v.note}</p>` : nothing}
        <p class="meta">${msg(lang, 'stand')}: ${v.when}${ownSources ? html`<br />${sourcesText(v, lang)}` : nothing}</p>
      </div>
    </div>`;
  }

  override updated(): void {
    if (this.#model) this.#frame.rendered(this.#model, { figures: this.#model.figures.length });
  }
}

define('key-figure', KeyFigure);

declare global {
  interface HTMLElementTagNameMap {
    'key-figure': KeyFigure;
  }
}
