import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatNumber } from './format.js';
import { msg, type Lang } from './i18n.js';
import { listKeyTarget } from './item-focus-controller.js';

/**
 * What every element needs on a live slide, built once: steps (`mode="steps"`, `current`) and pages
 * (a `fit` chart too long for its box), the keys presentation clickers send, full screen, fitting the
 * chart into its box (`fit`), and keys that never leak to the deck. Each element only says how many
 * steps it has and what a step shows.
 */

/** The attributes every element takes for slides; spread into its `static properties`. */
export const presenterProperties = {
  mode: { type: String },
  current: { type: Number, reflect: true },
  stepBy: { type: String, attribute: 'step-by' },
  fit: { type: Boolean, reflect: true },
  presentation: { type: Boolean, reflect: true },
} as const;

/** Items revealed per step by a count-valued `step-by` ("3": bars or figures three at a time); one when it is none. */
export function stepSize(stepBy: string | undefined): number {
  const n = Math.round(Number(stepBy));
  return n >= 1 ? n : 1;
}

export interface PresenterHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  mode?: string;
  /** The timeline's and the network's older spelling of `mode="steps"`. */
  step?: boolean;
  current?: number;
  stepBy?: string;
  fit?: boolean;
  presentation?: boolean;
}

export interface StepDetail {
  current: number;
  total: number;
  kind: 'step' | 'page';
}

interface PresenterOptions {
  /** Shown after the counter ("Schritt 2 von 3: 1. Ring"); none when it returns ''. */
  label?: (n: number) => string;
  /** Said to screen readers after the counter when step `n` is reached (what it revealed). */
  says?: (n: number) => string;
  /** A step was taken by a key or button: e.g. move the focus to what it revealed. */
  onStep?: (n: number, byKey: boolean) => void;
  /** The step changed, by any means (not on the first render): e.g. fire the element's own event. */
  onChange?: (n: number) => void;
  /** Full screen began or ended (for any element of the page); the host updates after it. */
  onFullscreenChange?: () => void;
}


/** Enter or Space on these activates them natively: the key is the widget's, though nothing prevents it. */
const ACTIVATED = 'button, a[href], summary, [role="button"]';

export class PresenterController implements ReactiveController {
  /** Fired after a step or page change (bubbles, composed). */
  static readonly EVENT = 'widget-step';

  announcement = '';
  /** Height of the chart box while fitting (`fit` or full screen), else undefined. */
  fitHeight: number | undefined;

  #total = 0;
  #kind: 'step' | 'page' = 'step';
  #seen?: string;
  #event?: StepDetail;
  #fitBox?: Element;
  #fitObserver?: ResizeObserver;
  #frame = 0;
  #hiddenObserver?: MutationObserver;

  readonly #host: PresenterHost;
  readonly #language: () => { lang: Lang; locale: string };
  readonly #options: PresenterOptions;

  constructor(host: PresenterHost, language: () => { lang: Lang; locale: string }, options: PresenterOptions = {}) {
    this.#host = host;
    this.#language = language;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Added on connection, after the element's own constructor listeners: those see a key first.
    this.#host.addEventListener('keydown', this.#onKeyDown);
    this.#host.addEventListener('focusin', this.#watchVisibility);
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
    addEventListener('beforeprint', this.#onPrint);
    addEventListener('afterprint', this.#onPrint);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeyDown);
    this.#host.removeEventListener('focusin', this.#watchVisibility);
    removeEventListener('beforeprint', this.#onPrint);
    removeEventListener('afterprint', this.#onPrint);
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#fitObserver?.disconnect();
    this.#fitBox = undefined;
    this.#hiddenObserver?.disconnect();
    this.#hiddenObserver = undefined;
    cancelAnimationFrame(this.#frame);
  }

  /**
   * Printing: the complete chart at its natural size, not the step or page on screen (paper has no keys).
   * Lit draws it in the microtasks after `beforeprint`, before the page is laid out for print.
   */
  #printing = false;
  #onPrint = (e: Event) => {
    this.#printing = e.type === 'beforeprint';
    this.#host.requestUpdate();
  };

  /** Between `beforeprint` and `afterprint`: whatever is still being computed must be finished now. */
  get printing(): boolean {
    return this.#printing;
  }

  /** Step mode: `mode="steps"` (or the older boolean `step`); never in print. */
  get stepMode(): boolean {
    return !this.#printing && (!!this.#host.step || (this.#host.mode ?? '').trim().toLowerCase() === 'steps');
  }

  get fullscreen(): boolean {
    return document.fullscreenElement === this.#host;
  }

  /** Presentation type: `presentation`, or full screen. */
  get big(): boolean {
    return !!this.#host.presentation || this.fullscreen;
  }

  /** The chart is laid out into its box: `fit`, or full screen; never in print. */
  get fitting(): boolean {
    return !this.#printing && (!!this.#host.fit || this.fullscreen);
  }

  /** The step (or page) shown, 1-based. */
  get current(): number {
    return this.#host.current ?? 1;
  }

  get total(): number {
    return this.#total;
  }

  /**
   * Call in willUpdate once the element knows its steps (or pages): clamps `current`, and when it
   * changed since the last render, announces it and fires `widget-step` after the update.
   * `total` 0: nothing to step through.
   */
  steps(total: number, kind: 'step' | 'page' = 'step'): number {
    this.#total = total;
    this.#kind = kind;
    const host = this.#host;
    if (!total) {
      this.#seen = undefined;
      return 1;
    }
    const wanted = Math.round(Number(host.current));
    const current = Math.max(1, Math.min(total, Number.isFinite(wanted) ? wanted : 1));
    if (current !== host.current) host.current = current;
    const key = `${kind}${current}/${total}`;
    if (key !== this.#seen) {
      const first = this.#seen === undefined;
      this.#seen = key;
      if (!first) {
        const says = this.#options.says?.(current) || this.#options.label?.(current);
        this.announcement = `${this.#counter(current)}${says ? `: ${says}` : ''}`;
        this.#event = { current, total, kind };
        this.#options.onChange?.(current);
      }
    }
    return current;
  }

  /** Go to step `n` (clamped); true when it moved. */
  goTo(n: number, byKey = false): boolean {
    const next = Math.max(1, Math.min(this.#total, n));
    if (!this.#total || next === this.current) return false;
    this.#host.current = next;
    this.#options.onStep?.(next, byKey);
    return true;
  }

  /** What the keyboard can do on a slide, for the chart's description. */
  get hint(): string {
    const { lang } = this.#language();
    const host = this.#host;
    return [this.#total > 1 || this.stepMode ? msg(lang, 'stepHint') : '', host.presentation || host.fit ? msg(lang, 'presenterHint') : '']
      .filter(Boolean)
      .join(' ');
  }

  #counter(n: number): string {
    const { lang, locale } = this.#language();
    return msg(lang, this.#kind, formatNumber(n, locale), formatNumber(this.#total, locale));
  }

  /** "Schritt 2 von 3: 1. Ring (Handlungsfeld)": the counter with what the step shows, as the step bar says it. */
  get stepText(): string {
    const label = this.#options.label?.(this.current);
    return `${this.#counter(this.current)}${label ? `: ${label}` : ''}`;
  }

  /** The step bar: back, "Schritt 2 von 5", next. Shown in step mode, and for pages when there are several. */
  renderSteps(): TemplateResult | typeof nothing {
    const total = this.#total;
    if (!total || (this.#kind === 'page' ? total < 2 : !this.stepMode)) return nothing;
    const { lang } = this.#language();
    const c = this.current;
    return html`<div class="steps" part="steps" role="group" aria-label=${msg(lang, this.#kind === 'page' ? 'pages' : 'steps')}>
      <button type="button" part="button" class="step-prev" aria-disabled=${c <= 1 ? 'true' : 'false'} @click=${() => this.goTo(c - 1)}>
        <span aria-hidden="true">←</span> ${msg(lang, 'prev')}
      </button>
      <span class="step-count">${this.stepText}</span>
      <button type="button" part="button" class="step-next" aria-disabled=${c >= total ? 'true' : 'false'} @click=${() => this.goTo(c + 1)}>
        ${msg(lang, 'next')} <span aria-hidden="true">→</span>
      </button>
    </div>`;
  }

  /** Full screen on and off; nothing where the page cannot have it (an iframe without allowfullscreen). */
  get canFullscreen(): boolean {
    return typeof this.#host.requestFullscreen === 'function' && document.fullscreenEnabled !== false;
  }

  renderFullscreenButton(): TemplateResult | typeof nothing {
    if (!this.canFullscreen) return nothing;
    const { lang } = this.#language();
    return html`<button type="button" part="button" class="fullscreen" @click=${this.toggleFullscreen}>${msg(lang, this.fullscreen ? 'exitFullscreen' : 'fullscreen')}</button>`;
  }

  /** Steps, pages and full screen said to screen readers; always in the page, so the first change is heard. */
  renderLive(): TemplateResult {
    return html`<div class="visually-hidden steps-live" aria-live="polite">${this.announcement}</div>`;
  }

  toggleFullscreen = async (): Promise<void> => {
    try {
      if (this.fullscreen) await document.exitFullscreen();
      else await this.#host.requestFullscreen();
    } catch {
      // Refused (an iframe without allowfullscreen, a browser setting): say so instead of doing nothing.
      this.announcement = msg(this.#language().lang, 'noFullscreen');
      this.#host.requestUpdate();
    }
  };

  hostUpdated(): void {
    this.#observeFitBox();
    if (this.#event) {
      const detail = this.#event;
      this.#event = undefined;
      this.#host.dispatchEvent(new CustomEvent<StepDetail>(PresenterController.EVENT, { bubbles: true, composed: true, detail }));
    }
  }

  /** While fitting, the chart box's height (or that of its part marked .fill) is the chart's room. */
  #observeFitBox(): void {
    const root = this.#host.renderRoot;
    const box = this.fitting ? (root.querySelector('.chart .fill') ?? root.querySelector('.chart') ?? undefined) : undefined;
    if (box === this.#fitBox) return;
    this.#fitObserver?.disconnect();
    this.#fitBox = box;
    if (!box) {
      if (this.fitHeight !== undefined) {
        this.fitHeight = undefined;
        this.#host.requestUpdate();
      }
      return;
    }
    this.#fitObserver ??= new ResizeObserver((entries) => {
      const height = Math.floor(entries[entries.length - 1].contentRect.height);
      if (height === this.fitHeight) return;
      this.fitHeight = height;
      // Next frame, as the ResizeController does: no resize loop within one frame.
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
    });
    this.#fitObserver.observe(box);
  }

  #onFullscreenChange = () => {
    this.#options.onFullscreenChange?.();
    this.#host.requestUpdate();
  };

  /**
   * Keys while the focus is in the widget. The element's own handlers ran first (inside the shadow
   * root, or on the host before this listener); a key any of them handled is stopped here, so a deck
   * (reveal.js, Shower …) listening on the document never sees it. Keys nobody handled pass untouched —
   * also "next" at the last step, so a clicker goes on with the deck.
   */
  #onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (!e.defaultPrevented) this.#handle(e);
    const target = e.composedPath()[0];
    const activates = (e.key === 'Enter' || e.key === ' ') && target instanceof Element && target.matches(ACTIVATED);
    if (e.defaultPrevented || activates) e.stopPropagation();
  };

  #handle(e: KeyboardEvent): void {
    const { key } = e;
    const target = e.composedPath()[0];
    const onControl = target instanceof Element && target.matches(ACTIVATED);
    if (this.#total > 1 && !(key === ' ' && onControl)) {
      // The list keys (steps counted from 0 there), Page Up/Down as the arrows, Space as next.
      const c = this.current - 1;
      const to = key === ' ' ? Math.min(this.#total - 1, c + 1) : listKeyTarget(key.replace('Page', 'Arrow'), c, this.#total);
      // Home and End are always the widget's (a deck would jump to its first or last slide).
      if (to !== undefined && (this.goTo(to + 1, true) || key === 'Home' || key === 'End')) return e.preventDefault();
    }
    if ((key === 'f' || key === 'F') && this.canFullscreen) {
      e.preventDefault();
      void this.toggleFullscreen();
    } else if (key === 'Escape') {
      // Escape gives the keys back to the page: the focus leaves the widget.
      e.preventDefault();
      this.#blur();
    }
  }

  #blur(): void {
    const root = this.#host.renderRoot as ShadowRoot;
    (root.activeElement as HTMLElement | null)?.blur();
    if (document.activeElement === this.#host) this.#host.blur();
  }

  /**
   * While the focus is inside, watch the page: when a deck hides the slide this widget is on (`hidden`,
   * `aria-hidden`, `inert`, or no longer displayed), the focus leaves it instead of staying on a hidden
   * slide. The watch ends with the first change after the focus has gone.
   */
  #watchVisibility = () => {
    this.#hiddenObserver ??= new MutationObserver(() => {
      const host = this.#host;
      if (host.matches(':focus-within')) {
        if (host.closest('[hidden], [aria-hidden="true"], [inert]') || !host.getClientRects().length || getComputedStyle(host).visibility === 'hidden') this.#blur();
      } else {
        this.#hiddenObserver!.disconnect();
        this.#hiddenObserver = undefined;
      }
    });
    this.#hiddenObserver.observe(document.documentElement, { subtree: true, attributeFilter: ['hidden', 'aria-hidden', 'inert', 'class', 'style'] });
  };
}
