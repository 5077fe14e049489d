import { html, nothing, type ReactiveController, type ReactiveControllerHost, type SVGTemplateResult, type TemplateResult } from 'lit';
import { cssomStyle } from './cssom-style.js';
import { downloadBlob, exportSvg, fileName, svgToPng, tableToCsv, type TableModel } from './export.js';
import { langOf, msg, resolveLocale, type Lang } from './i18n.js';
import type { PresenterController } from './presenter-controller.js';
import { problemText, readerReason, type Problem } from './problems.js';
import { renderSourceLine, sourceLineText, type SourceInfo } from './source-line.js';
import { pageTheme, watchPageTheme } from './theme.js';

/**
 * What every widget has around its chart: title, messages, source line, the "Tabelle anzeigen" toggle
 * with an accessible data table, and downloads. Widgets call `render()` with their chart and data.
 */

export interface FrameParts {
  /** The data's title and description; the host's `title` attribute (`chartTitle`) wins over the data's title. */
  about?: { title?: string; description?: string };
  /** Fatal problems (nothing drawn) and warnings (valid part drawn). */
  problems?: Problem[];
  loading?: boolean;
  legend?: TemplateResult | typeof nothing;
  /** The chart, drawn in the `chart` part; undefined: no chart box (e.g. no data yet). */
  chart?: unknown;
  /** More classes for the chart box. */
  chartClass?: string;
  /** How to use the chart from the keyboard: read out with it (`aria-describedby="<id>-hint"`), not shown. */
  hint?: string;
  /** Said by screen readers when it changes (a polite live region in the chart box); undefined: none. */
  announcement?: string;
  notes?: string[];
  source?: SourceInfo;
  /** The data as a table; built only when the reader opens it or downloads CSV. */
  table?: () => TableModel;
  /** More to show with the table, before it (e.g. a network's nodes with their neighbours); built on opening. */
  list?: () => TemplateResult;
  /** Selector of the chart's <svg> in the shadow root, for SVG/PNG download. */
  svg?: string;
  /** Steps, pages, full screen: the step bar above the chart, the full-screen button, their live region. */
  presenter?: PresenterController;
}

export interface WidgetHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The `title` attribute. */
  chartTitle?: string;
}

let uid = 0;

/** The class giving a series (or a node kind) its colour as currentColor: series-1 … series-4 in turn. */
export const seriesClass = (i: number) => `series-${(i % 4) + 1}`;

/**
 * One entry of a legend: its colour box (a shape in the chart's own classes, which SVG and PNG downloads
 * copy as drawn) and its label. One template for every legend entry of every chart.
 */
export const legendItem = (shape: SVGTemplateResult, label: unknown) => html`<li><svg class="swatch" aria-hidden="true">${shape}</svg>${label}</li>`;

/**
 * A chart's tooltip (hidden from screen readers: the item's label says the same): its title, then one
 * line per text, skipping empty ones. Placed `gap` px beside the point `x` it belongs to — to its right
 * in the left 55 % of the chart (at most at `maxLeft`), else to its left — with its top at `top`, or
 * with `above` its bottom.
 */
export function renderTooltip(
  place: { top: number; x: number; width: number; gap: number; maxLeft?: number; above?: boolean },
  title: string,
  lines: Array<string | false | undefined>,
): TemplateResult {
  const { top, x, width, gap } = place;
  // Placed through the CSSOM (cssomStyle): a strict Content-Security-Policy (style-src 'self') blocks style attributes.
  const position = {
    top: `${top}px`,
    transform: place.above ? 'translateY(-100%)' : undefined,
    ...(x < width * 0.55 ? { left: `${Math.min(x + gap, place.maxLeft ?? Infinity)}px` } : { right: `${width - x + gap}px` }),
  };
  return html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${cssomStyle(position)}>
    <strong>${title}</strong> ${lines.filter(Boolean).map((line) => html`<div>${line}</div> `)}
  </div>`;
}

export class WidgetController implements ReactiveController {
  tableOpen = false;
  readonly id = `srw${++uid}`;
  #logged = new Set<string>();
  #parts: FrameParts = {};
  /** The title shown, also the name of downloaded files. */
  #title?: string;

  readonly #host: WidgetHost;

  constructor(host: WidgetHost) {
    this.#host = host;
    host.addController(this);
  }

  #resolved?: { locale: string; lang: Lang };

  /**
   * The widget's locale and language, read from the page on first use in each update and kept until
   * it ends. Lit runs a controller's hostUpdate only after the host's willUpdate, where the widgets
   * build their models: a value set in hostUpdate built a model given as a property in German first,
   * although the page said lang="en". (Reading the page on every use cost ~10 ms for 39 bars.)
   */
  get #page(): { locale: string; lang: Lang } {
    if (!this.#resolved) {
      const locale = resolveLocale(this.#host);
      this.#resolved = { locale, lang: langOf(locale) };
    }
    return this.#resolved;
  }

  get locale(): string {
    return this.#page.locale;
  }

  get lang(): Lang {
    return this.#page.lang;
  }

  #unwatchTheme?: () => void;

  /** Light or dark as the page around it (see theme.ts), kept as the host's `data-srw-theme` for the styles. */
  #checkTheme = () => {
    const host = this.#host;
    const theme = pageTheme(host);
    if (host.getAttribute('data-srw-theme') !== theme) host.setAttribute('data-srw-theme', theme);
  };

  /** The theme was looked at for the first chart: see render. */
  #themed = false;

  hostConnected(): void {
    this.#unwatchTheme = watchPageTheme(this.#checkTheme);
  }

  hostDisconnected(): void {
    this.#unwatchTheme?.();
  }

  hostUpdated(): void {
    this.#resolved = undefined;
  }

  /** The title is a heading of level 2 unless the page says otherwise (`heading-level="3"`, or "0" for none). */
  get #headingLevel(): number {
    const level = Number(this.#host.getAttribute('heading-level') ?? 2);
    return Number.isInteger(level) && level >= 0 && level <= 6 ? level : 2;
  }

  /** Log each distinct set of problems once, so the console names what is wrong without repeating itself. */
  #log(problems: Problem[]): void {
    if (!problems.length) return;
    const text = problems.map((p) => problemText(p, this.lang)).join(' ');
    if (this.#logged.has(text)) return;
    this.#logged.add(text);
    const fatal = problems.some((p) => p.severity === 'error');
    (fatal ? console.error : console.warn)(`sozialraum-widgets <${this.#host.localName}>: ${text}`, this.#host);
  }

  /** The full source list is drawn once the reader first opens it (see renderSourceLine). */
  #sourceList = {
    shown: false,
    show: () => {
      if (this.#sourceList.shown) return;
      this.#sourceList.shown = true;
      this.#host.requestUpdate();
    },
  };

  #toggleTable = () => {
    this.tableOpen = !this.tableOpen;
    this.#host.requestUpdate();
  };

  /** Download the data (CSV), or the chart as drawn (SVG, PNG). */
  async #download(format: 'CSV' | 'SVG' | 'PNG'): Promise<void> {
    const { table, source } = this.#parts;
    if (format === 'CSV') {
      if (!table) return;
      const csv = tableToCsv(table(), this.lang, source ? sourceLineText(source, this.lang, this.locale) : '');
      return downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName(this.#title ?? '', 'csv'));
    }
    const out = this.#exportSvg();
    if (!out) return;
    try {
      const file = format === 'SVG' ? new Blob([out.svg], { type: 'image/svg+xml' }) : await svgToPng(out.svg, out.width, out.height);
      downloadBlob(file, fileName(this.#title ?? '', format.toLowerCase()));
    } catch {
      // The PNG is drawn from a data: image, which a page's Content-Security-Policy may forbid (img-src): say so.
      this.#downloadProblem = msg(this.lang, 'noPng');
      this.#host.requestUpdate();
    }
  }

  #downloadProblem = '';

  #exportSvg() {
    const { svg: selector, about, source } = this.#parts;
    const svg = selector && this.#host.renderRoot.querySelector<SVGSVGElement>(selector);
    if (!svg) return undefined;
    return exportSvg(svg, {
      title: this.#title ?? '',
      subtitle: about?.description,
      source: source ? sourceLineText(source, this.lang, this.locale, true) : '',
      widget: this.#host,
    });
  }

  #renderedKey: unknown;

  /**
   * Fire `widget-rendered` (bubbles, composed) once per drawn layout: new data or a new size. Call
   * from the host's `updated()` with the layout it drew.
   */
  rendered(layout: unknown, detail: Record<string, unknown>): void {
    if (!layout || layout === this.#renderedKey) return;
    this.#renderedKey = layout;
    this.#host.dispatchEvent(new CustomEvent('widget-rendered', { bubbles: true, composed: true, detail }));
  }

  render(parts: FrameParts): TemplateResult {
    this.#parts = parts;
    const { lang, id } = this;
    const problems = parts.problems ?? [];
    this.#log(problems);
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warning');
    const ready = !parts.loading && !errors.length;
    // The first chart is drawn in the page's theme at once: set in the next frame (see watchPageTheme), the
    // theme would style the new chart a second time before its first paint. The page's style is up to date
    // here (the chart's width was just measured), so looking at it costs little.
    if (ready && !this.#themed) {
      this.#themed = true;
      this.#checkTheme();
    }
    const hasSvg = ready && !!parts.svg;
    const title = (this.#title = this.#host.chartTitle || parts.about?.title);
    const description = parts.about?.description;
    const presenter = parts.presenter;
    // title="" stops the host's own title attribute (used as the chart title) from showing a native tooltip everywhere.
    return html`<div class="wrap ${presenter?.fitting ? 'fit' : ''} ${presenter?.big ? 'big' : ''}" title="" aria-busy=${parts.loading ? 'true' : 'false'}>
      <figure part="figure" aria-labelledby=${title ? `${id}-title` : nothing}>
        ${title
          ? html`<div class="title" part="title" id="${id}-title" role=${this.#headingLevel ? 'heading' : nothing} aria-level=${this.#headingLevel || nothing}>${title}</div>`
          : nothing}
        ${description && ready ? html`<p class="description" part="description">${description}</p>` : nothing}
        ${parts.loading ? html`<div class="loading" role="status">${msg(lang, 'loading')}</div>` : nothing}
        ${errors.length ? this.#renderMessages([...errors, ...warnings], 'error') : nothing}
        ${ready && warnings.length ? this.#renderMessages(warnings, 'warning') : nothing}
        ${ready ? html`${parts.legend ?? nothing}${presenter?.renderSteps() ?? nothing}${parts.chart === undefined ? nothing : this.#renderChartBox(parts)}` : nothing}
        ${ready && parts.notes?.length ? html`<ul class="notes" part="notes">${parts.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
        ${ready && parts.source
          ? html`<figcaption class="source" part="source">${renderSourceLine(parts.source, lang, this.locale, this.#sourceList, presenter?.fitting)}</figcaption>`
          : nothing}
      </figure>
      ${errors.length || parts.loading ? html`<div class="fallback"><slot></slot></div>` : nothing}
      ${ready && parts.table
        ? html`<div class="actions" part="actions">
              <button type="button" part="button" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="${id}-table" @click=${this.#toggleTable}>
                ${msg(lang, this.tableOpen ? 'hideTable' : 'showTable')}
              </button>
              ${(hasSvg ? (['CSV', 'SVG', 'PNG'] as const) : (['CSV'] as const)).map(
                (format) => html`<button type="button" part="button" aria-label=${msg(lang, 'downloadAs', format)} @click=${() => this.#download(format)}>${format}</button> `,
              )}
              ${presenter?.renderFullscreenButton() ?? nothing}
              <span class="download-problem" role="status">${this.#downloadProblem}</span>
            </div>
            <div class="table-wrap" part="table" id="${id}-table" role="group" aria-labelledby="${id}-cap" tabindex="0" ?hidden=${!this.tableOpen}>${this.tableOpen ? html`${parts.list?.() ?? nothing}${this.#renderTable(parts.table())}` : nothing}</div>`
        : nothing}
      ${presenter?.renderLive() ?? nothing}
    </div>`;
  }

  #renderChartBox(parts: FrameParts): TemplateResult {
    return html`<div class="chart ${parts.chartClass ?? ''}" part="chart">
      ${parts.chart}
      ${parts.hint ? html`<span class="visually-hidden" id="${this.id}-hint">${parts.hint}${parts.presenter?.hint ? ` ${parts.presenter.hint}` : ''}</span>` : nothing}
      ${parts.announcement === undefined ? nothing : html`<div class="visually-hidden" aria-live="polite">${parts.announcement}</div>`}
    </div>`;
  }

  /**
   * Warnings (the valid part is drawn) are listed as they are: a reader needs to know that values are
   * missing. Errors speak to the reader of a public page: one plain reason for the first problem, and
   * the technical list for editors in a closed <details> (also in the console, see #log), warnings
   * included, as they may explain the error (no entries left: every area name unknown). A closed
   * details' content is not in the accessibility tree, so the alert says the reader's sentence and the
   * summary, not the list; on paper the details are left out.
   */
  #renderMessages(problems: Problem[], kind: 'error' | 'warning'): TemplateResult {
    const { lang } = this;
    const shown = problems.slice(0, 8);
    const list = html`<ul>
      ${shown.map((p) => html`<li>${problemText(p, lang)}</li>`)}
      ${problems.length > shown.length ? html`<li>${msg(lang, 'moreProblems', problems.length - shown.length)}</li>` : nothing}
    </ul>`;
    return html`<div class="message ${kind}" part="message" role=${kind === 'error' ? 'alert' : 'status'}>
      <strong>${msg(lang, kind === 'error' ? 'errorTitle' : 'warningTitle')}</strong>
      ${kind === 'error' ? html`${msg(lang, readerReason(problems[0]))} <details><summary>${msg(lang, 'editorDetails')}</summary> ${list}</details>` : list}
    </div>`;
  }

  #renderTable(table: TableModel): TemplateResult {
    return html`<table>
      <caption id="${this.id}-cap">${table.caption}</caption>
      <thead>
        <tr>
          ${table.columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (r) => html`<tr class=${r.className ?? ''}>
            ${r.cells.map((c, i) =>
              i === 0 ? html`<th scope="row">${c.text}</th>` : html`<td class=${table.columns[i]?.numeric ? 'num' : ''}>${c.text}</td>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
