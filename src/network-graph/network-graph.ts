import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { DataController } from '../core/data-controller.js';
import { define } from '../core/define.js';
import type { TableModel } from '../core/export.js';
import { formatNumber } from '../core/format.js';
import { Key } from '../core/memo.js';
import { msg } from '../core/i18n.js';
import './messages.js';
import { ItemFocusController } from '../core/item-focus-controller.js';
import { PresenterController, presenterProperties } from '../core/presenter-controller.js';
import { LinkController, NETWORK_SELECT_EVENT } from '../core/link-controller.js';
import type { Problem } from '../core/problems.js';
import { ResizeController } from '../core/resize-controller.js';
import { frameStyles } from '../core/styles.js';
import { later } from '../core/later.js';
import { fontOf, textWidth, wrapText, type WrappedText } from '../core/text-measure.js';
import { formatSpan } from '../core/time.js';
import { renderTooltip, seriesClass, WidgetController } from '../core/widget-controller.js';
import { boxesMeet, clipSegment, lineAround, type TextBox } from '../core/line-gaps.js';
import { nodeRadius, simulate, sliced, type Box, type Placement, type Sliced } from './layout.js';
import { buildGraph, nodeCount, type GraphModel } from './model.js';

/**
 * Up to this many nodes every label is shown, the layout keeps the labels apart, and every node is an
 * element of its own. Above, labels on focus and zoom only, the symbols are drawn as one path per node
 * kind, and only the node in focus is an element (the list item the keyboard is on).
 */
export const LABELS_UP_TO = 150;

/**
 * The first slice of a layout runs in the render that starts it (ms): a network that is done by then is
 * drawn in that render, with no status first; the render's other work (the model, the drawing) fits beside it.
 */
const FIRST_SLICE = 12;

/** What a layout was made with besides the positions: node radii, names in lines, their font, and the key to a numbered network. */
interface Drawing {
  radii: number[];
  lines: string[][];
  widths: number[];
  font: string;
  /** Line height of the names. */
  lh: number;
  /**
   * Numbers at the nodes, their names listed under the drawing ("1 Stadt Dortmund · 2 …"): where the names
   * would be cut short or the drawing taller than a screen (a phone), this is that list.
   */
  key?: string;
}

/** A name as drawn: its node, its anchor point and how it is anchored there, and its box. */
interface PlacedLabel {
  i: number;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: TextBox;
}

/** Symbol per node kind (style slot): sides, rotation in degrees, inner radius for stars; sides 0 is a circle. */
const SHAPES: Array<[number, number, number?]> = [[0, 0], [4, 45], [3, -90], [4, 0], [3, 90], [6, 0], [5, -90, 0.45], [5, -90], [4, 0, 0.4], [8, 22.5]];

/**
 * The symbol of style slot `k` with radius `r`, in relative path commands from its centre ("m…l…z"):
 * `M${x},${y}` before it puts it anywhere, so many symbols can share one path. Polygons are drawn a
 * little larger so that they look as big as the circle.
 */
export function shape(k: number, r: number): string {
  const [n, rot, inner] = SHAPES[k % SHAPES.length];
  if (!n) return `m${-r},0a${r},${r} 0 1 0 ${2 * r},0a${r},${r} 0 1 0 ${-2 * r},0z`;
  const m = inner ? 2 * n : n;
  const R = r * (n === 3 ? 1.4 : inner ? 1.45 : 1.18);
  let x = 0;
  let y = 0;
  let d = '';
  for (let i = 0; i < m; i++) {
    const a = ((rot + (i * 360) / m) * Math.PI) / 180;
    const q = inner && i % 2 ? R * inner : R;
    const px = round(Math.cos(a) * q);
    const py = round(Math.sin(a) * q);
    d += `${i ? 'l' : 'm'}${round(px - x)},${round(py - y)}`;
    x = px;
    y = py;
  }
  return `${d}z`;
}

/** Dash pattern per link kind (style slot). */
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '1 5', '14 5', '6 2 1 2 1 2'];
const dash = (k: number) => DASHES[k % DASHES.length] || nothing;
const round = (v: number) => Math.round(v * 10) / 10;
/**
 * Whether the segment's bounding box reaches the box grown by `pad`. Where it does not, the segment cannot
 * cross the box, and the exact test (clipSegment) is spared: it runs for every link and every place a name may take.
 */
const reaches = (b: TextBox, x1: number, y1: number, x2: number, y2: number, pad = 0) =>
  !(Math.max(x1, x2) < b.x0 - pad || Math.min(x1, x2) > b.x1 + pad || Math.max(y1, y2) < b.y0 - pad || Math.min(y1, y2) > b.y1 + pad);
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * `<network-graph>`: a network of organisations and bodies — who coordinates, funds, runs or works
 * with whom — as nodes and links. Deterministic force-directed or radial layout (the same data gives
 * the same picture), labels that do not overlap, node kinds by colour and shape, link kinds by dash
 * pattern, node size by weight. Keyboard: arrows move between nodes, Enter selects a node and the
 * arrows then walk its neighbours. Presenter mode (`mode="steps"`) reveals the network ring by ring
 * or kind by kind. The table toggle shows every node with its neighbours and a table of the links.
 *
 * @fires widget-rendered - after the network was laid out and drawn for new data or a new size (detail: { nodes, links })
 * @fires network-select - Enter or a click selected a node (detail: { id, name, group }; id null when cleared)
 * @fires network-step - the presenter moved to another step (detail: { current, index, total, label, ids }: 1-based like the attribute, as `milestone-step`)
 * @csspart title, description, chart, source, actions, button, table, message, notes, tooltip, legend
 */
export class NetworkGraph extends LitElement {
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    network: { type: String },
    layout: { type: String },
    static: { type: Boolean },
    ...presenterProperties,
    step: { type: Boolean },
    chartTitle: { type: String, attribute: 'title' },
    langAttr: { type: String, attribute: 'lang' },
    activeIndex: { state: true },
    view: { state: true },
  };

  static override styles = [
    frameStyles,
    css`
      .stage {
        position: relative;
      }
      .chart svg.net {
        margin-inline: auto;
        touch-action: pan-x pan-y;
        overflow: hidden;
        user-select: none;
      }
      /* The picture for the old width while the new one is computed: no wider than the new width. */
      .chart svg.net.busy {
        max-width: 100%;
        height: auto;
      }
      /* Zoomed in, one finger pans the network, not the page. */
      .chart svg.net.zoomed {
        touch-action: none;
      }
      svg.net:focus-visible {
        outline: 3px solid var(--srw-focus);
      }
      .link {
        fill: none;
        stroke: var(--srw-border);
        stroke-width: 1.25;
      }
      .arrow {
        fill: var(--srw-border);
      }
      .ring {
        fill: none;
        stroke: var(--srw-focus);
        stroke-width: 3;
      }
      .link.hl,
      .ring.hl {
        stroke: var(--srw-highlight);
        stroke-width: 2.5;
      }
      .arrow.hl {
        fill: var(--srw-highlight);
      }
      .dim {
        opacity: 0.2;
      }
      /* Names step back in the muted text colour, not in opacity: they stay readable (≥ 4.5:1). */
      .chart svg text.label.dim {
        opacity: 1;
        fill: var(--srw-muted);
      }
      /* Not yet shown in presenter mode; visibility too, for the SVG and PNG downloads (they copy it, not display). */
      .off {
        display: none;
        visibility: hidden;
      }
      .sym {
        fill: currentColor;
        stroke: var(--srw-background);
        stroke-width: 1.5;
      }
      /* Steps: the nodes and links still to come, greyed, so that the drawing's shape is there from the start. */
      .ghost {
        fill: none;
        stroke: var(--srw-grid);
        stroke-width: 1.25;
      }
      .node {
        outline: none;
        cursor: pointer;
        touch-action: none;
      }
      .chart svg .label {
        font-size: 0.8em;
      }
      .chart svg .strong,
      .list-title {
        font-weight: 700;
        margin: 0;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
        margin-bottom: 0.35em;
      }
      .zoom {
        margin-left: auto;
      }
      .adjacency,
      .list-title {
        font-size: 0.875em;
      }
      .adjacency,
      .adjacency ul {
        padding-left: 1.25em;
      }
    `,
  ];

  declare src?: string;
  declare data?: unknown;
  declare network?: string;
  declare layout?: string;
  declare static?: boolean;
  declare mode?: string;
  /** Presenter mode, as `mode="steps"` (the same as on `<milestone-timeline>`). */
  declare step?: boolean;
  /** Presenter steps by `ring` (around the hub; the default where there is one) or by `kind`. */
  declare stepBy?: string;
  /** Presenter mode: how many steps are shown (1 = the first group only). */
  declare current?: number;
  declare fit?: boolean;
  declare presentation?: boolean;
  declare chartTitle?: string;
  declare langAttr?: string;
  /** The roving tab stop: index of the node that Tab reaches. */
  declare activeIndex: number;
  /** Zoom and pan: screen = layout × k + t. */
  declare view: { k: number; tx: number; ty: number };

  readonly #loader = new DataController(this);
  readonly #frame = new WidgetController(this);
  readonly #size = new ResizeController(this);
  readonly #link = new LinkController(this, NETWORK_SELECT_EVENT);
  readonly #itemFocus = new ItemFocusController(this, 'g.node', (i) => this.#focused(i));
  readonly #presenter = new PresenterController(this, () => this.#frame, {
    label: (n) => this.#groups?.[n - 1]?.label ?? '',
    says: (n) => {
      const group = this.#groups?.[n - 1];
      return group ? `${group.label}: ${group.nodes.map((i) => this.#model!.nodes[i].label).join(', ')}` : '';
    },
    onStep: () => {
      // A focused node that this step hides hands the focus to the graph, so the next key still steps.
      if ((this.renderRoot as ShadowRoot).activeElement?.matches('g.node') && !this.#shown(this.activeIndex)) {
        void this.updateComplete.then(() => this.renderRoot.querySelector<SVGElement>('svg.net')?.focus());
      }
    },
    onChange: (n) => {
      const { label, nodes } = this.#groups![n - 1];
      const ids = nodes.map((i) => this.#model!.nodes[i].id);
      this.#stepEvent = { current: n, index: n - 1, total: this.#groups!.length, label, ids };
    },
  });
  #stepEvent?: { current: number; index: number; total: number; label: string; ids: string[] };

  #model?: GraphModel;
  #problems?: Problem[];
  readonly #modelKey = new Key();
  /** What each node says to a screen reader (and the tooltip), built when first needed: see `text`. */
  #texts!: string[];
  /** Presenter steps: their labels and, per node, the step that shows it. */
  #groups?: Array<{ label: string; nodes: number[] }>;
  #groupOf!: number[];
  /** The layout as computed; `pos` are the drawn positions (nodes can be dragged). */
  #placement?: Placement;
  #pos?: { x: Float64Array; y: Float64Array };
  #settled?: boolean;
  readonly #layoutKey = new Key();
  #job = 0;
  /** What the drawn layout was made with: node radii, names in lines, the key to a numbered network. */
  #drawing!: Drawing;
  /** A layout is under way (the picture shown, if any, is for an earlier width or font). */
  #busy?: boolean;
  #layoutJob?: Sliced<[Placement, Drawing]>;
  /** The names placed last, and for what: the same picture places them the same (see #placeLabels). */
  #labelMemo?: [key: string, drawing: Drawing, placed: PlacedLabel[]];
  #announcement?: string;
  #lastLinked: unknown;
  /**
   * Flipped whenever the keyboard moves to another node: the node list is then drawn with or without
   * a wrapping group, so Lit makes a new element for the one node of a large network (see renderGraph).
   */
  #moved?: boolean;
  #pointers = new Map<number, [number, number]>();
  #gesture?: { i: number; x: number; y: number; moved: boolean; d?: number; k?: number };

  constructor() {
    super();
    this.activeIndex = 0;
    this.view = { k: 1, tx: 0, ty: 0 };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data')) this.#loader.sync();
    const { lang } = this.#frame;
    const key = [this.#loader.state, this.network, this.layout, this.mode, this.step, this.stepBy, lang];
    if (this.#modelKey.changed(key)) {
      const build = () => {
        ({ model: this.#model, problems: this.#problems } = buildGraph(this.#loader.state, { network: this.network, layout: this.layout, stepBy: this.stepBy, lang }));
        this.#texts = [];
        this.activeIndex = 0;
        // The picture of the old model goes (a new width keeps the old picture until the new one is there).
        this.#placement = this.#pos = undefined;
        this.#buildGroups();
      };
      // A large network is checked and built in a task of its own, so that the page's first task
      // (script, upgrade, first render) stays short; meanwhile the widget says it is loading.
      if (nodeCount(this.#loader.state, this.network) <= LABELS_UP_TO) build();
      else {
        this.#model = this.#problems = this.#groups = undefined;
        later(() => {
          if (!this.#modelKey.is(key)) return;
          build();
          this.requestUpdate();
        });
      }
    }
    this.#presenter.steps(this.#groups?.length ?? 0);
    if (this.#groups && !this.#shown(this.activeIndex)) this.activeIndex = this.#groups[0].nodes[0];
    if (!this.#model || !this.#size.width) {
      this.#layoutKey.clear();
      this.#placement = this.#pos = undefined;
      // A layout under way is of no use any more.
      this.#job++;
      this.#busy = false;
    } else {
      // The font only with a model: reading it in the loading state made the page's style (and, with a
      // key figure's container query on the page, its layout) in the task that upgrades every widget.
      const { font, size, family } = fontOf(this);
      const fitHeight = this.#presenter.fitting ? this.#presenter.fitHeight : undefined;
      if (this.#layoutKey.changed([this.#model, this.#size.width, font, fitHeight])) this.#startLayout(this.#model, this.#size.width, size, family, fitHeight);
    }
    // Paper gets the final picture: a layout still under way is finished now, before the page is laid out for print.
    if (this.#presenter.printing) this.#layoutJob?.finish();
    if (this.#link.fromLink && this.#link.detail !== this.#lastLinked) {
      this.#lastLinked = this.#link.detail;
      const i = this.#centre;
      if (i >= 0) this.#announcement = `${this.#text(i)} (${msg(lang, 'selected')})`;
    }
  }

  /** Presenter steps: the rings around the hub (hub, partners, projects …), or the node kinds. */
  #buildGroups(): void {
    const m = this.#model;
    this.#groups = undefined;
    if (!m || !this.#presenter.stepMode) return;
    const { lang } = this.#frame;
    const byRing = m.hub !== undefined && this.stepBy !== 'kind';
    const far = Math.max(...m.nodes.map((n) => n.ring)) + 1;
    const keyOf = m.nodes.map((n) => (byRing ? (n.ring < 0 ? far : n.ring) : n.kind.k));
    const keys = [...new Set(keyOf)].sort((a, b) => a - b);
    this.#groupOf = keyOf.map((k) => keys.indexOf(k));
    this.#groups = keys.map((key, g) => {
      const nodes = m.nodes.flatMap((_, i) => (this.#groupOf[i] === g ? [i] : []));
      const kinds = [...new Set(nodes.map((i) => m.nodes[i].kind.label))].join(', ');
      const label = !byRing ? kinds : key === far ? msg(lang, 'net_outside') : key ? `${msg(lang, 'net_ring', key)} (${kinds})` : m.nodes[m.hub!].label;
      return { label, nodes };
    });
  }


  #shown(i: number): boolean {
    return !this.#groups || !this.#presenter.stepMode || this.#groupOf[i] < this.current!;
  }

  /** The selected node (here or in a linked widget), or -1. */
  get #centre(): number {
    const id = this.#link.selected;
    return id && this.#model ? this.#model.nodes.findIndex((n) => n.id === id) : -1;
  }

  /**
   * Node sizes, label lines and the boxes the layout keeps apart, then the layout: all one piece of work
   * that yields after each name and each step of the simulation, run in slices (see `sliced`). A small
   * network is done within the first slice and drawn at once; a larger one says it is being computed
   * (the picture it had stays while a new width is laid out) and is drawn when it is done, never half
   * settled — except a network too large for names, whose nodes are shown settling where motion is allowed.
   */
  #startLayout(m: GraphModel, width: number, size: number, family: string, height?: number): void {
    const labelled = m.nodes.length <= LABELS_UP_TO;
    const r0 = size * (labelled ? 0.42 : 0.3);
    const font = `400 ${size * 0.8}px ${family}`;
    const lh = size * 0.96;
    const maxW = Math.min(width - 12, clamp(width / 3.2, 90, 150));
    // Names in up to three lines, as wide as their longest word where that is wider (not "Trägerversa…");
    // a long one wider, in four, a very long one in six.
    const wrap = (label: string, w: number, lines: number) => wrapText(label, Math.min(width - 12, Math.max(w, ...label.split(/[\s/-]/).map((word) => textWidth(word, font) + 2))), font, lines);
    // Names, or numbers with the names listed under the drawing (`key`): where a name would be cut short,
    // or the named network be taller than a screen (1.5 × its width, at least 480 px: a phone's).
    const screen = Math.max(480, width * 1.5);
    const links = m.links.map((l): [number, number] => [l.s, l.t]);
    const rings = m.radial ? m.nodes.map((n) => n.ring) : undefined;
    let drawing: Drawing;
    /** Lays the network out with its names (`named`) or numbered; the compact one takes a screen's height: room for the numbers around a crowded middle. */
    const layout = (named?: WrappedText[]) => {
      const compact = !named;
      // A zero-width space after each slash lets a long name break on a phone.
      const key = compact && labelled ? m.nodes.map((n, i) => `${i + 1} ${n.label.replace(/\//g, '/\u200b')}`).join(' · ') : undefined;
      // Numbered, the symbols are smaller too: a phone has room for a few dozen small ones.
      const radii = m.nodes.map((n) => nodeRadius(compact && labelled ? r0 * 0.75 : r0, n.weight, m.maxWeight));
      drawing = { radii, lines: [], widths: [], font, lh, key };
      const boxes = m.nodes.map((_, i): Box => {
        const r = radii[i];
        if (!labelled) return { w: 2 * r + 4, h: 2 * r + 4, dy: 0 };
        const { lines, width } = named ? named[i] : { lines: [String(i + 1)], width: textWidth(String(i + 1), font) };
        drawing.lines[i] = lines;
        drawing.widths[i] = width;
        const h = 2 * r + 6 + lines.length * lh;
        return { w: Math.max(2 * r, width) + 6, h, dy: h / 2 - r - 2 };
      });
      return simulate({ boxes, links, width, height: compact && labelled ? screen : height, rings });
    };
    function* steps(): Generator<Placement | undefined, [Placement, Drawing]> {
      const named: WrappedText[] = [];
      // Each name a step: the names of a network with many long ones add up.
      for (const n of labelled ? m.nodes : []) {
        named.push([[1.6, 4], [2.2, 6]].reduce((w, [k, lines]) => (w.truncated ? wrap(n.label, maxW * k, lines) : w), wrap(n.label, maxW, 3)));
        yield;
      }
      const compact = !height && named.some((w) => w.truncated);
      let p = yield* layout(compact || !labelled ? undefined : named);
      if (labelled && !compact && !height && p.height > screen) p = yield* layout();
      return [p, drawing];
    }
    const job = ++this.#job;
    this.#busy = true;
    this.view = { k: 1, tx: 0, ty: 0 };
    if (!this.#placement) this.#settled = false;
    // With motion allowed, the nodes of a network too large for names are shown settling (a few frames a
    // second, drawn plainly); with prefers-reduced-motion or `static`, only the final picture.
    const animate = !labelled && !this.static && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.#layoutJob = sliced(
      steps(),
      ([p, d]) => {
        this.#placed(p, d);
        // The names are placed in this task and the picture drawn in the next (#placeLabels keeps what it
        // placed), so that neither grows long; meanwhile the status stays.
        if (labelled) this.#renderGraph(m, p, this.#pos!);
        later(() => this.requestUpdate());
      },
      animate
        ? (p) => {
            this.#drawing = drawing;
            this.#placement = this.#pos = p;
            this.#settled = false;
            this.requestUpdate();
          }
        : undefined,
      () => job !== this.#job,
      20,
      FIRST_SLICE,
    );
    if (this.#layoutJob.value) this.#placed(...this.#layoutJob.value);
  }

  /** The final picture: of a layout just done (`d`), or the computed one again (reset). */
  #placed(p: Placement, d?: Drawing): void {
    if (d) {
      this.#drawing = d;
      this.#busy = false;
    }
    this.#placement = p;
    this.#pos = { x: p.x.slice(), y: p.y.slice() };
    this.#settled = true;
  }

  override updated(): void {
    const m = this.#model;
    if (this.#settled && m) this.#frame.rendered(this.#placement, { nodes: m.nodes.length, links: m.links.length });
    if (this.#stepEvent) {
      const detail = this.#stepEvent;
      this.#stepEvent = undefined;
      this.dispatchEvent(new CustomEvent('network-step', { bubbles: true, composed: true, detail }));
    }
  }

  /** "Freier Träger: 20 Arbeitsplätze": a node's kind and weight. */
  #about(i: number): string {
    const n = this.#model!.nodes[i];
    return `${n.kind.label}${n.weight !== undefined ? `: ${formatNumber(n.weight, this.#frame.locale)}${n.unit ? ` ${n.unit}` : ''}` : ''}`;
  }

  /** "GrünBau, Freier Träger: 20 Arbeitsplätze, verbunden mit 3: ISB, Stadt Dortmund, Jobcenter Dortmund". */
  #text(i: number): string {
    if (!this.#texts[i]) {
      const m = this.#model!;
      const { lang } = this.#frame;
      const others = this.#neighbours(i, true);
      const names = others.slice(0, 8).map((j) => m.nodes[j].label);
      if (others.length > 8) names.push(msg(lang, 'net_more', others.length - 8));
      this.#texts[i] = `${m.nodes[i].label}, ${this.#about(i)}, ${others.length ? msg(lang, 'net_connected', others.length, names.join(', ')) : msg(lang, 'net_alone')}`;
    }
    return this.#texts[i];
  }

  /** A node's neighbours, each once, in the order of the links; only those shown unless `all`. */
  #neighbours(i: number, all = false): number[] {
    return [...new Set(this.#model!.nodes[i].nb.map((x) => x.n))].filter((j) => all || this.#shown(j));
  }

  /** "Stadt Dortmund koordiniert Fachgruppe Bildung" (directed) or "Kooperation: ISB – Jobcenter" ("(Erbpacht)" with the source's words). */
  #relation(l: number): string {
    const m = this.#model!;
    const { s, t, kind, directed, label } = m.links[l];
    const [a, b] = [m.nodes[s].label, m.nodes[t].label];
    const text = directed ? `${a} ${kind.label} ${b}` : `${kind.label}: ${a} – ${b}`;
    return label ? `${text} („${label}“)` : text;
  }

  override render(): TemplateResult {
    const m = this.#model;
    const { lang, locale } = this.#frame;
    const key = this.#placement && this.#drawing.key;
    return this.#frame.render({
      about: m,
      problems: this.#problems,
      loading: !this.#problems || this.#loader.state.status === 'loading',
      legend: m ? this.#renderLegend(m) : nothing,
      chart:
        m &&
        html`${this.#renderTools()}
        ${this.#placement && this.#pos ? this.#renderGraph(m, this.#placement, this.#pos) : html`<p class="loading" role="status">${msg(lang, 'net_computing')}</p>`}`,
      hint: msg(lang, 'net_hint'),
      presenter: this.#presenter,
      announcement: this.#announcement ?? '',
      // The names of the numbered nodes: also in the SVG and PNG downloads, which copy the notes.
      notes: m && key ? [...m.notes, msg(lang, 'net_key', key)] : m?.notes,
      source: m && { sources: m.sources, stichtage: m.year ? [formatSpan({ start: m.year, end: m.until }, locale, lang)] : [], stichtagNote: m.dateNote },
      table: m && (() => this.#table(m)),
      list: m && (() => this.#adjacency(m)),
      svg: 'svg.net',
    });
  }

  #renderLegend(m: GraphModel): TemplateResult {
    return html`<ul class="legend" part="legend">
      ${m.nodeKinds.map((k) => html`<li><svg width="14" height="14" aria-hidden="true" class=${seriesClass(k.k)}><path class="sym" d="M7,7${shape(k.k, 5.5)}"></path></svg>${k.label}</li>`)}
      ${m.linkKinds.map(
        (k) => html`<li>
          <svg width="28" height="10" aria-hidden="true"><path class="link" d="M1,5H26" stroke-dasharray=${dash(k.k)}></path>${m.links.some((l) => l.kind === k && l.directed) ? svg`<path class="arrow" d="M28,5L20,1.5L20,8.5Z"></path>` : nothing}</svg>${k.label}
        </li>`,
      )}
      ${m.weightUnit
        ? html`<li><svg width="24" height="14" aria-hidden="true"><circle class="sym" cx="4" cy="9" r="3.5"></circle><circle class="sym" cx="16" cy="7" r="7"></circle></svg>${msg(this.#frame.lang, 'net_size', m.weightUnit)}</li>`
        : nothing}
    </ul>`;
  }

  /** Zoom buttons (not with `static`); the steps are the frame's (PresenterController). */
  #renderTools(): TemplateResult | typeof nothing {
    const { lang } = this.#frame;
    if (this.static) return nothing;
    return html`<div class="tools">
      <span class="zoom">
        <button type="button" aria-label=${msg(lang, 'net_zoomOut')} @click=${() => this.#zoomBy(1 / 1.5)}>−</button>
        <button type="button" aria-label=${msg(lang, 'net_zoomIn')} @click=${() => this.#zoomBy(1.5)}>+</button>
        <button type="button" @click=${this.#reset}>${msg(lang, 'net_reset')}</button>
      </span>
    </div>`;
  }

  #renderGraph(m: GraphModel, p: Placement, pos: { x: Float64Array; y: Float64Array }): TemplateResult {
    const { lang } = this.#frame;
    const { k, tx, ty } = this.view;
    const { width: W, height: H } = p;
    const sx = (i: number) => round(pos.x[i] * k + tx);
    const sy = (i: number) => round(pos.y[i] * k + ty);
    const centre = this.#centre;
    const { focusIndex, focusVisible, hoverIndex } = this.#itemFocus;
    // Highlighted: the selected node, else the one under the pointer or in focus, and its neighbours.
    const hl = centre >= 0 ? centre : (hoverIndex ?? focusIndex ?? -1);
    const near = new Set(hl >= 0 ? [hl, ...this.#neighbours(hl)] : []);
    const dim = (i: number) => (hl >= 0 && !near.has(i) ? 'dim' : '');
    const large = m.nodes.length > LABELS_UP_TO;
    const settled = this.#settled;

    // One path per kind and state (normal, dimmed, highlighted): the links ("l"), their arrowheads at
    // the target's edge ("a") and, in large networks and while settling, the symbols ("s"). Steps: what
    // is still to come, greyed ("g"), so that the first step is not one node in an empty box.
    const paths = new Map<string, string>();
    const add = (key: string, d: string) => paths.set(key, (paths.get(key) ?? '') + d);
    const visible = m.nodes.flatMap((_, i) => (this.#shown(i) ? [i] : []));
    const shown = m.links.filter((l) => this.#shown(l.s) && this.#shown(l.t));
    // The names first, beside their nodes where no link crosses them; the links then pause at them.
    const labels = settled ? this.#placeLabels(visible, sx, sy, near, W, H, shown.map((l) => [sx(l.s), sy(l.s), sx(l.t), sy(l.t)])) : [];
    const boxes = labels.map((b) => b.box);
    for (const l of m.links) {
      const [x1, y1, x2, y2] = [sx(l.s), sy(l.s), sx(l.t), sy(l.t)];
      if (!shown.includes(l)) {
        add('g', `M${x1},${y1}L${x2},${y2}`);
        continue;
      }
      const state = hl < 0 ? '' : l.s === hl || l.t === hl ? 'hl' : 'dim';
      add(`l${l.kind.k} ${state}`, lineAround(x1, y1, x2, y2, boxes.filter((b) => reaches(b, x1, y1, x2, y2, 1)), 1));
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (l.directed && len) {
        // A point `a` back along the link from the target and `b` to its side.
        const at = (a: number, b = 0) => `${round(x2 - ((x2 - x1) * a - (y2 - y1) * b) / len)},${round(y2 - ((y2 - y1) * a + (x2 - x1) * b) / len)}`;
        const tip = this.#drawing.radii[l.t] + 2;
        add(`a ${state}`, `M${at(tip)}L${at(tip + 8, 3.5)}L${at(tip + 8, -3.5)}Z`);
      }
    }
    m.nodes.forEach((node, i) => {
      const symbol = `M${sx(i)},${sy(i)}${shape(node.kind.k, this.#drawing.radii[i])}`;
      if (!this.#shown(i)) add('g', symbol);
      else if (large || !settled) add(`s${node.kind.k} ${dim(i)}`, symbol);
    });
    const label = `${this.chartTitle || m.title}. ${msg(lang, 'net_chart')}: ${msg(lang, 'net_summary', visible.length, shown.length)}${this.#groups ? `. ${this.#presenter.stepText}` : ''}`;
    const ring = (i: number | undefined, r: number, cls = 'ring') =>
      i !== undefined && i >= 0 && this.#shown(i) ? svg`<circle class=${cls} cx=${sx(i)} cy=${sy(i)} r=${this.#drawing.radii[i] + r}></circle>` : nothing;
    const tip = this.#itemFocus.tooltipIndex;
    const n = m.nodes.length;
    // Fitted into a box (a slide) that the layout still overflows: drawn smaller, as a whole.
    const fitH = this.#presenter.fitting ? this.#presenter.fitHeight : undefined;
    const scale = fitH && fitH < H ? Math.max(0.3, fitH / H) : 1;
    // Fitted, the network takes the room below the zoom buttons (.fill), drawn smaller and centred if it must.
    return html`<div class="stage fill"><svg
        class="net ${!this.static && k > 1 ? 'zoomed' : ''} ${this.#busy ? 'busy' : ''}"
        width=${round(W * scale)}
        height=${round(H * scale)}
        viewBox="0 0 ${W} ${H}"
        role="group"
        tabindex=${this.#groups ? 0 : -1}
        aria-label=${label}
        aria-describedby="${this.#frame.id}-hint"
        @keydown=${this.#onKeyDown}
        @focusin=${this.#itemFocus.onFocusIn}
        @focusout=${this.#itemFocus.onFocusOut}
        @pointerleave=${this.#itemFocus.onPointerLeave}
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerUp}
        @wheel=${this.#onWheel}
      >
        <g aria-hidden="true">
          ${[...paths].map(([key, d]) => {
            const [kind, state] = key.split(' ');
            const slot = +kind.slice(1);
            return kind[0] === 'l'
              ? svg`<path class="link ${state}" stroke-dasharray=${dash(slot)} d=${d}></path>`
              : svg`<path class="${kind[0] === 'a' ? 'arrow' : kind[0] === 'g' ? 'ghost' : `sym ${seriesClass(slot)}`} ${state}" d=${d}></path>`;
          })}
        </g>
        ${settled
          ? svg`<g role="list">
                ${((items: unknown) => (large && this.#moved ? svg`<g>${items}</g>` : items))(
                  // The nodes as a list a screen reader can walk, each with its symbol; in a large network only
                  // the one the keyboard is on, a new element for each (see `moved`), so that focus moves and
                  // is announced. Hidden steps have display:none: the elements keep their places, and with them the focus.
                  (large ? [this.activeIndex] : m.nodes.map((_, i) => i)).map(
                    (i) => svg`<g class="node ${seriesClass(m.nodes[i].kind.k)} ${this.#shown(i) ? dim(i) : 'off'}" role="listitem" data-index=${i} tabindex=${i === this.activeIndex ? 0 : -1}
                      aria-label=${this.#text(i)} aria-current=${i === centre || nothing} aria-setsize=${large ? n : nothing} aria-posinset=${large ? i + 1 : nothing}
                      transform="translate(${sx(i)},${sy(i)})"><path class="sym" d="M0,0${shape(m.nodes[i].kind.k, this.#drawing.radii[i])}"></path></g>`,
                  ),
                )}
              </g>
              <g aria-hidden="true">
                ${labels.map(
                  ({ i, x, y, anchor }) =>
                    svg`<text class="label halo ${dim(i)} ${i === hl ? 'strong' : ''}" x=${x} y=${y} text-anchor=${anchor}>${this.#drawing.lines[i].map(
                      (line, n) => svg`<tspan x=${x} dy=${n ? this.#drawing.lh : 0}>${line}</tspan>`,
                    )}</text>`,
                )}
                ${ring(centre, 4, 'ring hl')} ${ring(focusVisible ? focusIndex : -1, 6)}
              </g>`
          : nothing}
      </svg>
      ${settled && !this.#busy ? nothing : html`<p class="loading" role="status">${msg(lang, 'net_computing')}</p>`}
      ${tip !== undefined && this.#shown(tip) && !this.#gesture ? this.#renderTooltip(m, tip, sx(tip), sy(tip), W) : nothing}</div>`;
  }

  /** The shown node whose symbol is at (or within a few pixels of) the pointer, nearest first; -1 for none. */
  #nodeAt(e: MouseEvent): number {
    const [x, y] = this.#local(e);
    const { k, tx, ty } = this.view;
    let best = -1;
    let min = Infinity;
    this.#drawing.radii.forEach((r, i) => {
      const d = Math.hypot(this.#pos!.x[i] * k + tx - x, this.#pos!.y[i] * k + ty - y);
      if (d < r + 6 && d < min && this.#shown(i)) {
        min = d;
        best = i;
      }
    });
    return best;
  }

  /**
   * The labels to draw, in screen space, none over another nor over a node: the highlighted node and its
   * neighbours first, then — in small networks always, in large ones when zoomed in — every node in view.
   * Each below its node as laid out, else above it, beside it or at a corner: the first place no link
   * crosses, else the one fewest cross (those links pause at the label, see renderGraph). `links`: the
   * drawn links as [x1, y1, x2, y2].
   */
  #placeLabels(visible: number[], sx: (i: number) => number, sy: (i: number) => number, near: Set<number>, W: number, H: number, links: number[][]): PlacedLabel[] {
    // What the places depend on: the same picture gets the names placed last time (the first render after
    // a layout finds them placed in the task before, see #startLayout).
    const key = `${W} ${H} ${this.view.k} ${visible.map((i) => `${i},${sx(i)},${sy(i)}`)} ${[...near]} ${links}`;
    const memo = this.#labelMemo;
    if (memo?.[0] === key && memo[1] === this.#drawing) return memo[2];
    const { radii, lh } = this.#drawing;
    const all = radii.length <= LABELS_UP_TO || this.view.k >= 2;
    const placed: PlacedLabel[] = [];
    // A symbol is about a circle: a box meets it where it comes nearer its middle than its radius.
    // (Farther than that along x or y alone is farther in all: most symbols are ruled out without Math.hypot.)
    const vx = visible.map(sx);
    const vy = visible.map(sy);
    const onSymbol = (b: TextBox, own: number) =>
      visible.some((j, v) => {
        const r = radii[j] + 1;
        const dx = Math.max(b.x0 - vx[v], 0, vx[v] - b.x1);
        const dy = Math.max(b.y0 - vy[v], 0, vy[v] - b.y1);
        return j !== own && dx < r && dy < r && Math.hypot(dx, dy) < r;
      });
    // Each node's places: below (as laid out), above, right, left, the four corners, below and above
    // from its middle to either side, a little farther below, above, right and left, then on its symbol.
    const options = [...new Set([...near, ...(all ? visible : [])])].flatMap((i) => {
      const x = sx(i);
      const y = sy(i);
      const r = radii[i];
      if (!this.#shown(i) || x < -50 || x > W + 50 || y < -20 || y > H + 20) return [];
      if (!this.#drawing.lines[i]) {
        const wrapped = wrapText(this.#model!.nodes[i].label, 150, this.#drawing.font, 2);
        this.#drawing.lines[i] = wrapped.lines;
        this.#drawing.widths[i] = wrapped.width;
      }
      const w = this.#drawing.widths[i] + 4;
      const h = this.#drawing.lines[i].length * lh;
      const c = r * 0.75;
      // [left, top, anchor]
      const places = (
        [
          [x - w / 2, y + r + 2, 'middle'],
          [x - w / 2, y - r - 2 - h, 'middle'],
          [x + r + 3, y - h / 2, 'start'],
          [x - r - 3 - w, y - h / 2, 'end'],
          [x + c, y + c, 'start'],
          [x - c - w, y + c, 'end'],
          [x + c, y - c - h, 'start'],
          [x - c - w, y - c - h, 'end'],
          [x - 2, y + r + 2, 'start'],
          [x + 2 - w, y + r + 2, 'end'],
          [x - 2, y - r - 2 - h, 'start'],
          [x + 2 - w, y - r - 2 - h, 'end'],
          [x - w / 2, y + r + 2 + lh / 2, 'middle'],
          [x - w / 2, y - r - 2 - h - lh / 2, 'middle'],
          [x + r + 3 + lh / 2, y - h / 2, 'start'],
          [x - r - 3 - w - lh / 2, y - h / 2, 'end'],
          // Last: on its own symbol, the halo keeping it readable.
          [x - w / 2, y - h / 2, 'middle'],
        ] as const
      ).map(([left, top, anchor]) => ({
        i,
        x: anchor === 'start' ? left + 2 : anchor === 'end' ? left + w - 2 : x,
        y: top + lh * 0.85 - 2,
        anchor,
        box: { x0: left, y0: top, x1: left + w, y1: top + h },
      }));
      return [places.filter(({ box }, k) => box.x0 >= 0 && box.y0 >= 0 && box.x1 <= W && box.y1 <= H && !onSymbol(box, k === 16 ? i : -1))];
    });
    // The place below each node is kept for it (the layout made room there) until its label is placed.
    const below = options.map((places) => places[0]);
    const done = new Set<number>();
    const take = (place: PlacedLabel | undefined) => {
      if (!place || placed.length > 300) return;
      placed.push(place);
      done.add(place.i);
    };
    let keep = true;
    const free = (place: PlacedLabel) => !placed.some((p) => boxesMeet(p.box, place.box)) && !(keep && below.some((b) => b && b.i !== place.i && !done.has(b.i) && boxesMeet(b.box, place.box)));
    // How many links cross a place (counted once, when first asked; not in a large network, whose names
    // show on demand: there the links only pause at them).
    const counted = new Map<TextBox, number>();
    const crossings = ({ box }: { box: TextBox }) =>
      radii.length > LABELS_UP_TO ? 0 : (counted.get(box) ?? counted.set(box, links.filter((l) => reaches(box, l[0], l[1], l[2], l[3]) && clipSegment(box, l[0], l[1], l[2], l[3])).length).get(box)!);
    // Every node's first choice before any node's second: a label moved aside does not take the place
    // another node's label has below it. Then, for those left, the free place fewest links cross.
    for (let k = 0; k < 17; k++) {
      for (const places of options) {
        const p = places[k];
        if (p && !done.has(p.i) && free(p) && !crossings(p)) take(p);
      }
    }
    // (The places kept below the other nodes last: where the layout could not part two nodes.)
    for (keep of [true, false]) for (const places of options) if (places[0] && !done.has(places[0].i)) take(places.filter(free).sort((a, b) => crossings(a) - crossings(b))[0]);
    this.#labelMemo = [key, this.#drawing, placed];
    return placed;
  }

  #renderTooltip(m: GraphModel, i: number, x: number, y: number, W: number): TemplateResult {
    const n = m.nodes[i];
    // Above the node, so that it covers neither the node's label nor its neighbours below.
    return renderTooltip({ top: y - this.#drawing.radii[i] - 6, x, width: W, gap: 8, above: true }, n.label, [
      this.#text(i).slice(n.label.length + 2) /* what follows the name: kind, weight, neighbours */,
      n.note,
    ]);
  }

  /** The links as a table (also the CSV download). */
  #table(m: GraphModel): TableModel {
    const { lang } = this.#frame;
    return {
      caption: `${msg(lang, 'net_links')}: ${this.chartTitle || m.title}`,
      columns: (['net_from', 'net_kind', 'net_to', 'net_direction', 'note'] as const).map((key) => ({ label: msg(lang, key) })),
      rows: m.links.map((l) => ({
        cells: [m.nodes[l.s].label, l.kind.label, m.nodes[l.t].label, msg(lang, l.directed ? 'net_directed' : 'net_undirected'), [l.label, l.note].filter(Boolean).join('; ')].map((text) => ({ text })),
      })),
    };
  }

  /** Every node with what it is and its links: the graph as a list a screen reader can walk. */
  #adjacency(m: GraphModel): TemplateResult {
    const id = `${this.#frame.id}-adjacency`;
    return html`<p class="list-title" id=${id}>${msg(this.#frame.lang, 'net_adjacency')}</p>
      <ul class="adjacency" aria-labelledby=${id}>
        ${m.nodes.map(
          (n, i) => html`<li>
            <strong>${n.label}</strong>, ${this.#about(i)}${n.note ? ` (${n.note})` : ''}
            ${n.nb.length ? html`<ul>${n.nb.map((x) => html`<li>${this.#relation(x.l)}</li>`)}</ul>` : html` – ${msg(this.#frame.lang, 'net_alone')}`}
          </li>`,
        )}
      </ul>`;
  }

  /** Select a node (its neighbours are highlighted, linked widgets told), or with -1 clear. */
  #select(i: number): void {
    const n = this.#model!.nodes[i];
    this.#link.select(n?.id ?? null, n?.label ?? null);
    this.#announcement = n ? `${this.#text(i)} (${msg(this.#frame.lang, 'selected')})` : '';
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const m = this.#model!;
    const pos = this.#pos!;
    const g = this.#groups;
    const { key } = e;
    const onNode = !!(e.target as Element).closest?.('g.node');
    // Steps: the arrows, Page and Home/End keys step, on a node too, as on every element (PresenterController);
    // Enter and Escape stay the graph's.
    if (!onNode || (g && /^(Page|Arrow|Home|End)/.test(key))) return;
    const i = this.activeIndex;
    const c = this.#centre;
    if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      return this.#select(i === c ? -1 : i);
    }
    // Escape clears a selection; with none it is left to the PresenterController (keys back to the page).
    if (key === 'Escape') {
      if (c >= 0) {
        e.preventDefault();
        this.#select(-1);
      }
      return;
    }
    const dir = ({ ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] } as Record<string, number[]>)[key];
    const end = key === 'Home' ? 0 : key === 'End' ? 1 : -1;
    if (!dir && end < 0) return;
    e.preventDefault();
    this.#itemFocus.clearHover();
    let target: number | undefined;
    if (c >= 0) {
      // A node is selected: the arrows walk its neighbours, one by one in the order of the links.
      const nb = this.#neighbours(c);
      const forward = key === 'ArrowRight' || key === 'ArrowDown';
      const at = nb.indexOf(i);
      const next = end >= 0 ? end * (nb.length - 1) : at < 0 ? (forward ? 0 : nb.length - 1) : (at + (forward ? 1 : nb.length - 1)) % nb.length;
      target = nb[next];
      if (target === undefined) return;
      const rel = m.nodes[c].nb.filter((x) => x.n === target).map((x) => this.#relation(x.l)).join('; ');
      this.#announcement = msg(this.#frame.lang, 'net_neighbour', next + 1, nb.length, rel);
    } else if (!dir) {
      const visible = m.nodes.flatMap((_, j) => (this.#shown(j) ? [j] : []));
      target = visible[end * (visible.length - 1)];
    } else {
      // The nearest node in that direction, preferring those straight ahead.
      let best = Infinity;
      for (let j = 0; j < m.nodes.length; j++) {
        const dx = pos.x[j] - pos.x[i];
        const dy = pos.y[j] - pos.y[i];
        const ahead = dx * dir[0] + dy * dir[1];
        const cost = ahead + 3 * Math.abs(dx * dir[1] - dy * dir[0]);
        if (j !== i && ahead > 0 && this.#shown(j) && cost < best) {
          best = cost;
          target = j;
        }
      }
    }
    if (target === undefined) return;
    this.activeIndex = target;
    this.#moved = !this.#moved;
    void this.#itemFocus.focus(target);
  };

  /** A node got focus: it is the tab stop now, and zoomed in, the view follows it. */
  #focused(i: number): void {
    this.activeIndex = i;
    const { k, tx, ty } = this.view;
    const p = this.#placement;
    if (!p || !this.#pos || k === 1) return;
    const x = this.#pos.x[i] * k;
    const y = this.#pos.y[i] * k;
    if (x + tx < 20 || y + ty < 20 || x + tx > p.width - 20 || y + ty > p.height - 20) this.#setView(k, p.width / 2 - x, p.height / 2 - y);
  }

  #setView(k: number, tx: number, ty: number): void {
    const p = this.#placement;
    if (!p) return;
    k = clamp(k, 1, 8);
    this.view = { k, tx: clamp(tx, p.width * (1 - k), 0), ty: clamp(ty, p.height * (1 - k), 0) };
  }

  /** Zoom about a point of the view (the middle by default), keeping it where it is. */
  #zoomBy(f: number, at?: [number, number]): void {
    const p = this.#placement;
    if (!p) return;
    const { k, tx, ty } = this.view;
    const [cx, cy] = at ?? [p.width / 2, p.height / 2];
    const k1 = clamp(k * f, 1, 8);
    this.#setView(k1, cx - ((cx - tx) * k1) / k, cy - ((cy - ty) * k1) / k);
  }

  /** Back to the computed picture: no zoom, every dragged node in its place. */
  #reset = () => {
    this.view = { k: 1, tx: 0, ty: 0 };
    if (this.#settled) this.#placed(this.#placement!);
  };

  #local(e: MouseEvent): [number, number] {
    const r = (e.currentTarget as Element).getBoundingClientRect();
    // In layout units: a fitted network may be drawn smaller than laid out.
    const k = r.width ? this.#placement!.width / r.width : 1;
    return [(e.clientX - r.left) * k, (e.clientY - r.top) * k];
  }

  #onPointerDown = (e: PointerEvent) => {
    if (e.button > 0 || !this.#settled) return;
    const p = this.#local(e);
    try {
      // Moves outside the drawing still belong to the drag; a pointer that is already gone cannot be captured.
      (e.currentTarget as Element).setPointerCapture(e.pointerId);
    } catch {
      /* nothing to capture */
    }
    this.#pointers.set(e.pointerId, p);
    const [a, b] = [...this.#pointers.values()];
    this.#gesture = b
      ? { i: -1, x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2, moved: true, d: Math.hypot(a[0] - b[0], a[1] - b[1]), k: this.view.k }
      : { i: this.#nodeAt(e), x: p[0], y: p[1], moved: false };
  };

  #onPointerMove = (e: PointerEvent) => {
    const last = this.#pointers.get(e.pointerId);
    const g = this.#gesture;
    if (!this.#settled) return;
    if (!g) {
      // Hover: the node under the pointer shows its neighbours and its tooltip.
      const i = this.#nodeAt(e);
      if (i !== (this.#itemFocus.hoverIndex ?? -1)) {
        this.#itemFocus.hoverIndex = i < 0 ? undefined : i;
        this.requestUpdate();
      }
      return;
    }
    if (!last) return;
    const p = this.#local(e);
    this.#pointers.set(e.pointerId, p);
    if (this.static) return;
    const [a, b] = [...this.#pointers.values()];
    if (b && g.d) return this.#zoomBy((g.k! * Math.hypot(a[0] - b[0], a[1] - b[1])) / g.d / this.view.k, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    if (!g.moved && Math.hypot(p[0] - g.x, p[1] - g.y) < 4) return;
    g.moved = true;
    const { k, tx, ty } = this.view;
    if (g.i < 0) return this.#setView(k, tx + p[0] - last[0], ty + p[1] - last[1]);
    // Drag a node: it follows the pointer (inside the picture).
    this.#pos!.x[g.i] = (clamp(p[0], 0, this.#placement!.width) - tx) / k;
    this.#pos!.y[g.i] = (clamp(p[1], 0, this.#placement!.height) - ty) / k;
    this.requestUpdate();
  };

  #onPointerUp = (e: PointerEvent) => {
    if (!this.#pointers.delete(e.pointerId)) return;
    const g = this.#gesture;
    const rest = [...this.#pointers.values()][0];
    // One finger of a pinch lifted: the other one pans on from where it is.
    this.#gesture = rest && { i: -1, x: rest[0], y: rest[1], moved: true };
    if (g && !g.moved && e.type === 'pointerup') this.#select(g.i !== this.#centre ? g.i : -1);
    this.requestUpdate();
  };

  /** Ctrl (or ⌘) + wheel and touchpad pinch zoom; the plain wheel scrolls the page as everywhere else. */
  #onWheel = (e: WheelEvent) => {
    if (this.static || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    this.#zoomBy(Math.exp(-e.deltaY * 0.002), this.#local(e));
  };
}

define('network-graph', NetworkGraph);

declare global {
  interface HTMLElementTagNameMap {
    'network-graph': NetworkGraph;
  }
}
