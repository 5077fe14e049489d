import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseCsv } from './csv.js';
import { dataUrl } from './data-url.js';
import { cancelFirstDrawing, queueFirstDrawing, widgetConnected, widgetCreated } from './draw-queue.js';
import { problem, type Problem } from './problems.js';
import { parseTable, type ParsedTable } from './table-input.js';

/**
 * Finds and loads a widget's data. First match wins:
 *   1. the `data` property (set from JavaScript),
 *   2. an inline `<script type="application/json">` child (one without `data-for`: those belong to a
 *      URL-valued attribute such as `milestones` or `geo`, see UrlController),
 *   3. the `src` attribute (a URL, resolved against the page or the script tag's `data-base`, see data-url.ts),
 *   4. a plain `<table>` child — the no-JavaScript fallback that doubles as data.
 * CSV is a table too: a `<script type="text/csv">` child (after inline JSON, before `src`) or a `src`
 * ending in `.csv` (or answered as text/csv). Every `<table>` or CSV script counts (the network's second
 * one lists its nodes); a table's `source` and `stichtag` attributes come with its state.
 * A pending request is aborted when the element is removed or its source changes; an answer that
 * arrives after a newer request started is dropped, so a late response never overwrites newer data.
 * No request goes anywhere but the configured `src`. Under file:// (a page opened without a server) a
 * failing request says so and names the fixes (inline JSON, `npm run standalone`, a web server).
 */

export type LoadState =
  // Loading has no problems yet: a model builder returns `{ problems: state.problems }` for any state but ready.
  | { status: 'loading'; url?: string; problems: [] }
  | { status: 'ready'; origin: 'property' | 'inline' | 'src'; raw: unknown; url?: string }
  | { status: 'ready'; origin: 'table'; tables: ParsedTable[]; url?: string; source?: string | null; stichtag?: string | null }
  | { status: 'error'; problems: Problem[] };

export interface DataHost extends ReactiveControllerHost, HTMLElement {
  data?: unknown;
  src?: string | null;
}

/**
 * One JSON request at a time: starting another or stopping aborts the running one, and its answer, should
 * it still arrive, is dropped.
 */
class JsonRequest {
  #abort?: AbortController;
  readonly #onState: (state: LoadState) => void;

  constructor(onState: (state: LoadState) => void) {
    this.#onState = onState;
  }

  /** Reports 'loading' at once and the file's state when it has arrived. */
  start(url: string, shown: string): void {
    this.stop();
    const abort = (this.#abort = new AbortController());
    this.#onState({ status: 'loading', url, problems: [] });
    void fetchJson(url, shown, abort.signal).then((state) => {
      if (!state || abort !== this.#abort) return;
      this.#abort = undefined;
      this.#onState(state);
    });
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }
}

export class DataController implements ReactiveController {
  state: LoadState = { status: 'loading', problems: [] };
  #key: unknown = undefined;
  // The file's answer is drawn like data in the page (see #deliver); 'loading' is shown at once.
  readonly #request = new JsonRequest((state) => (state.status === 'loading' ? this.#set(state) : this.#deliver(() => state)));
  #observer?: MutationObserver;
  /** The widget has shown its data or a message: later data is drawn without waiting for a turn. */
  #drawn = false;

  readonly #host: DataHost;

  constructor(host: DataHost) {
    this.#host = host;
    host.addController(this);
    widgetCreated();
  }

  hostConnected(): void {
    widgetConnected();
    // Editors' tools and scripts may change the inline JSON or table after upgrade.
    this.#observer = new MutationObserver(() => this.sync());
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true, attributeFilter: ['source', 'stichtag'] });
    this.#key = undefined;
    this.sync();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#request.stop();
    clearTimeout(this.#task);
    cancelFirstDrawing(this.#host);
    this.#key = undefined;
  }

  /** Re-read the source; cheap when nothing changed. Call after `data` or `src` changed. */
  sync(): void {
    if (!this.#host.isConnected) return;
    const host = this.#host;
    const script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]:not([data-for])');
    const tables = [...host.querySelectorAll<HTMLTableElement>(':scope > table, :scope > figure > table')];
    const csv = [...host.querySelectorAll(':scope > script[type="text/csv"]')].map((s) => s.textContent ?? '');
    // Upgraded while the parser is still inside this element (a script without defer placed before the
    // widget): its <script> or <table> may be only half there yet, so children are read once it has passed.
    const parsing = document.readyState === 'loading';
    const childrenPending = parsing && !parsedPast(host);
    let key: unknown;
    let next: () => void;
    if (host.data !== undefined && host.data !== null) {
      key = host.data;
      next = () => this.#set({ status: 'ready', origin: 'property', raw: host.data });
    } else if (script && !childrenPending) {
      const text = script.textContent ?? '';
      key = `inline:${text}`;
      next = () => this.#deliver(() => parseJson(text, 'inline'));
    } else if (csv.length && !childrenPending) {
      key = `csv:${csv.join('\0')}`;
      next = () => this.#deliver(() => ({ status: 'ready', origin: 'table', tables: csv.map(parseCsv) }));
    } else if (host.src) {
      const url = dataUrl(host.src);
      key = `src:${url}`;
      next = () => this.#request.start(url, host.src!);
    } else if (tables.length && !childrenPending) {
      // The text is the key: an edited cell (CMS preview, script) redraws the chart.
      key = `table:${tables.map((t) => t.textContent).join('\0')}`;
      next = () => this.#deliver(() => ({ status: 'ready', origin: 'table', tables: tables.map(parseTable) }));
    } else if (parsing) {
      // The children may come yet: look again when the page is parsed.
      key = 'parsing';
      next = () => {
        this.#set({ status: 'loading', problems: [] });
        document.addEventListener('DOMContentLoaded', () => this.sync(), { once: true });
      };
    } else {
      key = 'none';
      next = () => this.#set({ status: 'error', problems: [problem('p_noData')] });
    }
    if (key === this.#key) {
      const s = this.state;
      // Only `source` or `stichtag` changed: the same table with the new attributes, without loading again.
      if (s.status === 'ready' && s.origin === 'table' && `${s.source}\0${s.stichtag}` !== `${host.getAttribute('source')}\0${host.getAttribute('stichtag')}`) this.#set(s);
      return;
    }
    this.#key = key;
    this.#request.stop();
    clearTimeout(this.#task);
    cancelFirstDrawing(host);
    next();
  }

  #task = 0;

  /**
   * Data read or loaded: the first time, drawn when the widget's turn comes (see draw-queue.ts: one
   * widget per frame, those near the screen first), reading and parsing included; afterwards (an
   * edited table, a new `src`) as soon as possible.
   */
  #deliver(make: () => LoadState): void {
    if (this.#drawn) this.#soon(() => this.#set(make()));
    else queueFirstDrawing(this.#host, () => this.#set(make()));
  }

  /**
   * New data after the first drawing (an edited table, a new `src`): the first widget of a task is drawn
   * at once, every further one in a task of its own, so that a script changing many widgets at once does
   * not make one long task.
   */
  #soon(draw: () => void): void {
    if (drawnInThisTask) {
      this.#task = window.setTimeout(draw);
      return;
    }
    drawnInThisTask = true;
    setTimeout(() => (drawnInThisTask = false));
    draw();
  }

  #set(state: LoadState): void {
    // A table has no fields for its source and Stichtag: the host's attributes name them.
    if (state.status === 'ready' && state.origin === 'table') state = { ...state, source: this.#host.getAttribute('source'), stichtag: this.#host.getAttribute('stichtag') };
    this.state = state;
    if (state.status !== 'loading') this.#drawn = true;
    this.#host.requestUpdate();
  }
}

/** A widget with data in the page was drawn in the current task (see DataController's soon). */
let drawnInThisTask = false;

/** True once the HTML parser has moved past `node`: it or an ancestor already has a next sibling. */
function parsedPast(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return true;
  return false;
}

interface Answer {
  ok: boolean;
  status: number;
  type: string;
  text: string;
}

/**
 * Requests under way, by URL: widgets loading the same file at the same time (a page of several charts
 * of one file) share one request — each request started costs the page's first task time. The request
 * is aborted when every widget waiting for it has stopped waiting.
 */
const underWay = new Map<string, { waiting: number; abort: AbortController; answer: Promise<Answer> }>();

function request(url: string, signal: AbortSignal): Promise<Answer> {
  const entry = underWay.get(url) ?? startRequest(url);
  entry.waiting++;
  signal.addEventListener(
    'abort',
    () => {
      if (--entry.waiting) return;
      entry.abort.abort();
      if (underWay.get(url) === entry) underWay.delete(url);
    },
    { once: true },
  );
  return entry.answer;
}

function startRequest(url: string) {
  const abort = new AbortController();
  const answer = fetch(url, { signal: abort.signal, credentials: 'same-origin' }).then(async (r) => ({ ok: r.ok, status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() }));
  const entry = { waiting: 0, abort, answer };
  const done = () => underWay.get(url) === entry && underWay.delete(url);
  answer.then(done, done);
  underWay.set(url, entry);
  return entry;
}

/** GET a JSON (or CSV) file; the problems name the URL as the editor wrote it. Undefined when aborted. */
export async function fetchJson(url: string, shown: string, signal: AbortSignal): Promise<LoadState | undefined> {
  try {
    const response = await request(url, signal);
    if (signal.aborted) return undefined;
    if (!response.ok) return { status: 'error', problems: [problem('p_http', response.status, shown)] };
    const { text } = response;
    if (/\.csv([?#]|$)/i.test(url) || /csv/i.test(response.type)) return { status: 'ready', origin: 'table', tables: [parseCsv(text)], url };
    return parseJson(text, 'src', url);
  } catch {
    if (signal.aborted) return undefined;
    return { status: 'error', problems: [networkProblem(url, shown)] };
  }
}

/**
 * Why a request failed without an answer. Browsers refuse to fetch file: URLs, and a page opened from
 * disk (file://) cannot fetch its neighbours either: that case gets its own message naming the fixes.
 * A file on another host needs that host's permission (CORS); the browser does not tell the page why
 * such a request failed, so the message names the other host and that header.
 */
export function networkProblem(url: string, shown: string, pageProtocol = location.protocol, pageOrigin = location.origin): Problem {
  if (pageProtocol === 'file:' || /^file:/i.test(url)) return problem('p_fileProtocol', shown);
  return problem('p_network', shown, otherOrigin(url, pageOrigin));
}

/** The origin of `url` when it is an http(s) address on another origin than the page; '' otherwise. */
function otherOrigin(url: string, pageOrigin: string): string {
  try {
    const { origin, protocol } = new URL(url);
    return /^https?:$/.test(protocol) && origin !== pageOrigin ? origin : '';
  } catch {
    return '';
  }
}

/**
 * Loads the JSON file named by one URL-valued attribute (e.g. the map's `geo`), with the same guards.
 * A child `<script type="application/json" data-for="geo">` (data-for = the attribute's name) comes
 * first: the page then needs no second file (a deck opened from a USB stick, file://). It is re-read
 * when it changes.
 */
export class UrlController implements ReactiveController {
  state: LoadState | undefined;
  /** What the state was made from: the inline text, the resolved URL, 'parsing' or '' (nothing). */
  #key: string | undefined;
  #observer?: MutationObserver;
  readonly #request = new JsonRequest((state) => this.#set(state));

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #attribute: string;

  readonly #fallback?: () => string | null;

  /** `fallback`: the URL to load when the attribute is not set (a file the data names, e.g. key figures' trend lines). */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    attribute: string,
    fallback?: () => string | null,
  ) {
    this.#host = host;
    this.#attribute = attribute;
    this.#fallback = fallback;
    host.addController(this);
  }

  hostConnected(): void {
    // As DataController: editors' tools and scripts may change the inline JSON after upgrade.
    this.#observer = new MutationObserver(() => this.sync());
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true, attributeFilter: ['data-for', 'type'] });
    this.#key = undefined;
    this.sync();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#request.stop();
    this.#key = undefined;
  }

  /** Call when the attribute may have changed; cheap when nothing did. */
  sync(): void {
    const host = this.#host;
    if (!host.isConnected) return;
    const script = host.querySelector<HTMLScriptElement>(`:scope > script[type="application/json"][data-for="${this.#attribute}"]`);
    const shown = host.getAttribute(this.#attribute) ?? this.#fallback?.() ?? null;
    // Upgraded while the parser is still inside the element: the script's text may be only half there.
    const parsing = document.readyState === 'loading' && !parsedPast(host);
    const key = script ? (parsing ? 'parsing' : `inline:${script.textContent}`) : shown ? `src:${dataUrl(shown)}` : '';
    if (key === this.#key) return;
    this.#key = key;
    this.#request.stop();
    if (key === 'parsing') {
      this.#set({ status: 'loading', problems: [] });
      document.addEventListener('DOMContentLoaded', () => this.sync(), { once: true });
    } else if (script) this.#set(parseJson(script.textContent ?? '', 'inline'));
    else if (shown) this.#request.start(key.slice(4), shown);
    else this.#set(undefined);
  }

  #set(state: LoadState | undefined): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

function parseJson(text: string, origin: 'inline' | 'src', url?: string): LoadState {
  try {
    return { status: 'ready', origin, raw: JSON.parse(text), url };
  } catch (e) {
    if (!text.trim()) return { status: 'error', problems: [problem('p_jsonEmpty')] };
    // Chromium and Firefox name the character position; line and column are what an editor can find.
    const pos = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    if (!pos) return { status: 'error', problems: [problem('p_json', 0, 0)] };
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    return { status: 'error', problems: [problem('p_json', line, Number(pos[1]) - before.lastIndexOf('\n'))] };
  }
}
