import { expect, waitUntil } from '@open-wc/testing';

/**
 * The layout check (issue 17). The demo page itself — its markup, styles and data, with the widgets from
 * src/ instead of the built file — and a section of fixtures (test/fixtures, the networks the demo does
 * not show), loaded in a frame as wide as a phone, a tablet, a laptop and a slide (320, 375, 560, 768,
 * 1280, 1920 px), light and dark, German and English. In every widget, measured as a reader sees it:
 * - no text box extends outside its widget, nor outside a drawing that cuts it off;
 * - no two text boxes overlap;
 * - no data line, axis, grid or reference line crosses a text box, except where designed (ALLOWED);
 * - every legend swatch stands out from the background (3:1) or has an outline that does;
 * - what a drawing names is named: every map tile (its name, or a short form with a key), every trend
 *   series at its line, every network node, without a name cut short; a value axis has two ticks at
 *   least; a network fits a screen and does not leave its box empty.
 * Text boxes are the line boxes of the shadow DOM's text nodes (SVG text and tspan, HTML text); lines are
 * the segments of SVG lines and line paths; both in screen coordinates (getClientRects, getScreenCTM).
 * Bounded by count: the 20 demo widgets of these six elements and 15 fixtures, 6 widths, 4 combinations
 * (the full matrix, about 20 s on two cores); at most 12 findings reported per widget (and how many more).
 */

type Tag = 'indicator-bar' | 'sozialraum-map' | 'trend-chart' | 'milestone-timeline' | 'network-graph' | 'key-figure';
const TAGS: Tag[] = ['indicator-bar', 'sozialraum-map', 'trend-chart', 'milestone-timeline', 'network-graph', 'key-figure'];
const SVG_NS = 'http://www.w3.org/2000/svg';

interface TextBox {
  text: string;
  /** The lines of one SVG <text> or of one HTML text node are not compared with each other. */
  owner: Node;
  el: Element;
  r: DOMRect;
}

interface Segment {
  el: Element;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Lines that may cross a text by design: [widget, the line (selector), the text's element (selector), why].
 * Anything else may not: a line through a word makes it hard to read, halo or not. Empty: every crossing
 * the check found was designed away — grid, zero, reference and event lines and the network's links
 * pause at the labels they would cross (src/core/line-gaps.ts), series names keep clear of data lines.
 */
export const ALLOWED: Array<[Tag, string, string, string]> = [];

/** Lines a reader reads as lines: grid, axes, reference and event lines, data lines, links, area borders. */
const LINE_SELECTOR = 'line, path:is(.line, .link, .grid, .zero, .reference, .axis, .event, .leader, .area, .mesh, .outline, .aktionsraum, .highlight)';

const EPS = 1;
const style = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);

function visible(el: Element): boolean {
  if (el.closest('.later, .off, [hidden], .visually-hidden, .tooltip, defs, clipPath, title, style')) return false;
  const s = style(el);
  return s.display !== 'none' && s.visibility !== 'hidden' && s.opacity !== '0';
}

/** Ancestors inside the shadow root that cut off what extends beyond them, and those that scroll. */
function clips(el: Element, root: ShadowRoot): { hidden: DOMRect[]; scroll: DOMRect[] } {
  const hidden: DOMRect[] = [];
  const scroll: DOMRect[] = [];
  for (let n = el.parentElement; n && n.getRootNode() === root; n = n.parentElement) {
    const s = style(n);
    const o = `${s.overflowX} ${s.overflowY}`;
    if (/auto|scroll/.test(o)) scroll.push(n.getBoundingClientRect());
    // Only the outer <svg> and HTML boxes clip; inner SVG elements report "hidden" without clipping.
    else if (/hidden|clip/.test(o) && (n.namespaceURI !== SVG_NS || n.localName === 'svg')) hidden.push(n.getBoundingClientRect());
  }
  return { hidden, scroll };
}

const inside = (r: DOMRect, box: DOMRect) => r.left >= box.left - EPS && r.right <= box.right + EPS && r.top >= box.top - EPS && r.bottom <= box.bottom + EPS;
const where = (r: DOMRect) => `[${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}]`;
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 38)}…` : s);
/** The part of `r` inside `box` (empty: width or height ≤ 0). */
const clip = (r: DOMRect, box: DOMRect) => {
  const left = Math.max(r.left, box.left);
  const top = Math.max(r.top, box.top);
  return new DOMRect(left, top, Math.min(r.right, box.right) - left, Math.min(r.bottom, box.bottom) - top);
};

function textBoxes(root: ShadowRoot): { boxes: TextBox[]; cut: string[] } {
  const doc = root.ownerDocument;
  const boxes: TextBox[] = [];
  const cut: string[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const el = node.parentElement;
    if (!text.trim() || !el || !visible(el)) continue;
    range.selectNodeContents(node);
    const owner = el.namespaceURI === SVG_NS ? (el.closest('text') ?? el) : node;
    const { hidden, scroll } = clips(el, root);
    for (let r of range.getClientRects()) {
      // What a scroll box hides is not cut off (the reader scrolls to it): only its shown part counts.
      for (const s of scroll) r = clip(r, s);
      if (r.width < 0.5 || r.height < 0.5) continue;
      const box = hidden.find((h) => !inside(r, h));
      if (box) cut.push(`„${short(text.trim())}“ ${where(r)} cut off by its box ${where(box)}`);
      boxes.push({ text: text.trim(), owner, el, r });
    }
  }
  return { boxes, cut };
}

/** Absolute and relative M, L, H, V, Z of a path, as segments; curves and arcs (symbols) are no lines here. */
function pathSegments(d: string): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  let cmd = '';
  let [x, y, sx, sy] = [0, 0, 0, 0];
  for (let i = 0; i < tokens.length; ) {
    if (/[a-zA-Z]/.test(tokens[i])) cmd = tokens[i++];
    const num = () => Number(tokens[i++]);
    const rel = cmd === cmd.toLowerCase();
    const to = (nx: number, ny: number) => {
      out.push([x, y, nx, ny]);
      [x, y] = [nx, ny];
    };
    switch (cmd.toUpperCase()) {
      case 'M': {
        const [a, b] = [num(), num()];
        [x, y] = rel ? [x + a, y + b] : [a, b];
        [sx, sy] = [x, y];
        cmd = rel ? 'l' : 'L';
        break;
      }
      case 'L': {
        const [a, b] = [num(), num()];
        to(rel ? x + a : a, rel ? y + b : b);
        break;
      }
      case 'H': {
        const a = num();
        to(rel ? x + a : a, y);
        break;
      }
      case 'V': {
        const b = num();
        to(x, rel ? y + b : b);
        break;
      }
      case 'Z':
        to(sx, sy);
        break;
      default:
        return out;
    }
  }
  return out;
}

function segments(root: ShadowRoot): Segment[] {
  const out: Segment[] = [];
  for (const el of root.querySelectorAll<SVGGraphicsElement>(LINE_SELECTOR)) {
    if (el.closest('.legend, .swatch, button') || !visible(el)) continue;
    const s = style(el);
    if (s.stroke === 'none' || parseFloat(s.strokeWidth) === 0 || s.strokeOpacity === '0') continue;
    const m = el.getScreenCTM();
    if (!m) continue;
    const raw: Array<[number, number, number, number]> =
      el.localName === 'line'
        ? [[(el as SVGLineElement).x1.baseVal.value, (el as SVGLineElement).y1.baseVal.value, (el as SVGLineElement).x2.baseVal.value, (el as SVGLineElement).y2.baseVal.value]]
        : pathSegments(el.getAttribute('d') ?? '');
    for (const [a, b, c, d] of raw) {
      const p = new DOMPoint(a, b).matrixTransform(m);
      const q = new DOMPoint(c, d).matrixTransform(m);
      out.push({ el, x1: p.x, y1: p.y, x2: q.x, y2: q.y });
    }
  }
  return out;
}

/** Whether the segment passes through the inside of the rectangle (Liang–Barsky clipping). */
function crosses(s: Segment, r: DOMRect, inset = EPS): boolean {
  const [x0, y0, x1, y1] = [r.left + inset, r.top + inset, r.right - inset, r.bottom - inset];
  if (x1 <= x0 || y1 <= y0) return false;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, s.x1 - x0],
    [dx, x1 - s.x1],
    [-dy, s.y1 - y0],
    [dy, y1 - s.y1],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return t1 - t0 > 1e-6;
}

/** WCAG contrast of two computed colours "rgb(r, g, b)". */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

const isColour = (c: string) => /^rgb/.test(c) && !/,\s*0\)$/.test(c);

/** Legend swatches whose colour and outline both stay under 3:1 against the widget's background. */
function weakSwatches(el: HTMLElement, root: ShadowRoot): string[] {
  const background = style(el).backgroundColor;
  const out: string[] = [];
  for (const svg of root.querySelectorAll('.legend svg')) {
    const shapes = [...svg.querySelectorAll('rect, path, line, circle, polygon')].filter(visible);
    if (!shapes.length) continue;
    const best = Math.max(
      0,
      ...shapes.flatMap((s) => {
        const st = style(s);
        const c: number[] = [];
        if (isColour(st.fill) && st.fillOpacity !== '0') c.push(contrast(st.fill, background));
        if (isColour(st.stroke) && parseFloat(st.strokeWidth) >= 1) c.push(contrast(st.stroke, background));
        return c;
      }),
    );
    if (best < 3) out.push(`legend swatch of „${short(svg.closest('li, button')?.textContent?.trim() ?? '')}“ at ${best.toFixed(2)}:1`);
  }
  return out;
}

/** What a drawing names must be named: map tiles, trend series, network nodes (see the file's comment). */
function unnamed(el: HTMLElement, root: ShadowRoot, boxes: TextBox[]): string[] {
  const out: string[] = [];
  const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2];
  const within = ([x, y]: number[], r: DOMRect) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  if (el.localName === 'sozialraum-map') {
    const svg = root.querySelector('svg.map');
    const view = svg?.getBoundingClientRect();
    const numbers = boxes.filter((b) => b.el.closest('text.tile-label'));
    const labels = numbers.map((b) => centre(b.r));
    // A number outside a small area: a line from inside the area that ends at the number.
    const near = (x: number, y: number, r: DOMRect) => x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2;
    for (const leader of segments(root).filter((s) => s.el.matches('.leader'))) if (numbers.some((b) => near(leader.x2, leader.y2, b.r))) labels.push([leader.x1, leader.y1]);
    const tiles = [...root.querySelectorAll('path.area')].filter((t) => view && within(centre(t.getBoundingClientRect()), view));
    const missing = tiles.filter((t) => !labels.some((c) => within(c, t.getBoundingClientRect())));
    if (missing.length) out.push(`${missing.length} of ${tiles.length} map tiles without a name or short form: ${short(missing.map((t) => t.getAttribute('data-id')).join(', '))}`);
  }
  if (el.localName === 'indicator-bar') {
    // An axis is read from two ticks at least: one alone ("0") gives no scale.
    for (const zero of root.querySelectorAll('svg.bars line.zero')) {
      const ticks = zero.parentElement!.querySelectorAll('line.grid').length;
      if (ticks < 2) out.push(`a value axis with ${ticks} tick`);
    }
  }
  if (el.localName === 'trend-chart') {
    for (const line of root.querySelectorAll('svg.trend path.line:not(.gap)')) {
      const group = line.parentElement!;
      if (!group.querySelector('path.line[d]:not([d=""])') && !group.querySelector('path.line.gap[d]:not([d=""])')) continue;
      if (!boxes.some((b) => group.contains(b.el) && b.el.closest('text.end-label'))) out.push(`series „${group.querySelector('[role="list"]')?.getAttribute('aria-label')}“ not named at its line`);
    }
  }
  if (el.localName === 'network-graph') {
    const svg = root.querySelector<SVGSVGElement>('svg.net');
    const nodes = root.querySelectorAll('g.node:not(.off)').length;
    const labels = root.querySelectorAll('text.label').length;
    if (labels < nodes) out.push(`${nodes - labels} of ${nodes} network nodes without a name`);
    const cut = boxes.filter((b) => b.el.closest('text.label') && b.text.endsWith('…'));
    if (cut.length) out.push(`${cut.length} network names cut short: ${short(cut.map((b) => b.text).join(' '))}`);
    if (svg) {
      const box = svg.getBoundingClientRect();
      const screen = Math.max(480, box.width * 1.5);
      if (box.height > screen) out.push(`network drawing ${Math.round(box.height)} px high at ${Math.round(box.width)} px wide (more than ${Math.round(screen)})`);
      // Drawn: symbols, ghosts, links and names; the rest of the box is empty.
      const drawn = [...svg.querySelectorAll('path, text')].filter(visible).map((e) => e.getBoundingClientRect()).filter((r) => r.width || r.height);
      const top = Math.min(...drawn.map((r) => r.top));
      const bottom = Math.max(...drawn.map((r) => r.bottom));
      if (drawn.length && bottom - top < box.height * 0.5) out.push(`network drawing ${Math.round(box.height)} px high, ${Math.round(bottom - top)} px of it drawn`);
    }
  }
  return out;
}

export interface LayoutReport {
  texts: number;
  lines: number;
  problems: string[];
}

/** Everything the check finds wrong in one drawn widget. */
export function checkLayout(el: HTMLElement): LayoutReport {
  const root = el.shadowRoot!;
  const tag = el.localName as Tag;
  const host = el.getBoundingClientRect();
  const { boxes, cut } = textBoxes(root);
  const problems: string[] = [...unnamed(el, root, boxes), ...weakSwatches(el, root), ...cut];
  for (const b of boxes) if (!inside(b.r, host)) problems.push(`„${short(b.text)}“ ${where(b.r)} outside the widget ${where(host)}`);
  // Overlaps: sorted by left edge, each box against those that start before it ends.
  const sorted = [...boxes].sort((a, b) => a.r.left - b.r.left);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].r.left < a.r.right - EPS; j++) {
      const b = sorted[j];
      if (a.owner === b.owner) continue;
      const oy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (oy > EPS) problems.push(`„${short(a.text)}“ ${where(a.r)} overlaps „${short(b.text)}“ ${where(b.r)}`);
    }
  }
  const lines = segments(root);
  for (const s of lines) {
    const allowed = ALLOWED.filter(([t, line]) => t === tag && s.el.matches(line));
    for (const b of boxes) {
      if (!crosses(s, b.r) || allowed.some(([, , text]) => b.el.matches(text))) continue;
      problems.push(`${s.el.localName}.${[...s.el.classList].join('.')} crosses „${short(b.text)}“ ${where(b.r)}`);
    }
  }
  return { texts: boxes.length, lines: lines.length, problems: [...new Set(problems)] };
}

/**
 * Made-up data and the data the demo does not show, for widgets in a section of their own. `data-from`:
 * checked from that page width on — real boundaries below it (the map 240–300 px wide) leave a few of
 * the smallest areas without a number even outside the city (a known limit, see the map's callouts).
 */
const FIXTURES = `
  <h2>Testdaten (erfunden) und weitere Netze</h2>
  <indicator-bar src="/test/fixtures/bars-39-made-up.json" highlight="Nordmarkt, Borsigplatz, Hafen" heading-level="3"></indicator-bar>
  <sozialraum-map src="/test/fixtures/bars-39-made-up.json" highlight="Nordmarkt, Borsigplatz, Hafen" heading-level="3"></sozialraum-map>
  <sozialraum-map src="/data/indicators/sozialraum-rankings-2007.json" indicator="einkommen-2001" geo="/test/fixtures/geo/sozialraeume-made-up-boundaries.topo.json" heading-level="3" data-from="560"></sozialraum-map>
  <indicator-bar src="/data/indicators/arbeitsmarkt-2000-2006.json" indicator="arbeitslosenquote-2006" heading-level="3"></indicator-bar>
  <trend-chart src="/data/eu2-residents.json" scale="log" highlight="nordmarkt" heading-level="3"></trend-chart>
  <trend-chart src="/data/eu2-residents.json" milestones="/data/milestones.json" annotations="all" heading-level="3"></trend-chart>
  <milestone-timeline src="/test/fixtures/milestones-madeup-bad-dates.json" heading-level="3"></milestone-timeline>
  <key-figure src="/test/fixtures/key-figures-made-up.json" heading-level="3"></key-figure>
  <key-figure src="/data/key-figures.json" figure="eu2-einwohner-2014-08" heading-level="3"></key-figure>
  <key-figure src="/data/key-figures.json" heading-level="3"></key-figure>
  ${['jobcenter-politisch-beratend-2007', 'integrierte-projekte-2007', 'gesamtstrategie-handlungsfelder-2021', 'gesamtstrategie-fachgruppen-2022', 'wohnen-mieterinnenbuero-viertelwerk-2022']
    .map((id) => `<network-graph src="/data/networks.json" network="${id}" heading-level="3"></network-graph>`)
    .join('\n')}`;

/**
 * The demo page in a frame: its own markup and styles, the widgets from src/ (not dist/), the fixtures
 * after its last section, with `lang` and `theme` on the root element (every widget follows them, except
 * those the page sets itself: the English section and the dark example).
 */
async function demoFrame(lang: 'de' | 'en', theme: 'light' | 'dark'): Promise<HTMLIFrameElement> {
  const page = await (await fetch('/demo/index.html')).text();
  const markup = page
    .replace('<html lang="de">', `<html lang="${lang}" theme="${theme}">`)
    .replace('<head>', '<head><base href="/demo/">')
    .replace(/<script src="[^"]*sozialraum-widgets\.js" defer><\/script>/, '<script type="module" src="/src/index.ts"></script>')
    .replace('</article>', `${FIXTURES}</article>`);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 320px; height: 900px; border: 0';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.srcdoc = markup;
  });
  await waitUntil(() => widgetsOf(frame).length > 25 && widgetsOf(frame).every(drawn), 'the demo widgets did not draw', { timeout: 20000 });
  return frame;
}

const widgetsOf = (frame: HTMLIFrameElement) => [...(frame.contentDocument?.querySelectorAll<HTMLElement>(TAGS.join(',')) ?? [])];
const drawn = (w: HTMLElement) => !!w.shadowRoot && !w.shadowRoot.querySelector('.loading') && !!w.shadowRoot.querySelector('.chart svg, .chart li, .chart .kf, .message');

async function resize(frame: HTMLIFrameElement, width: number): Promise<void> {
  const win = frame.contentWindow!;
  const nextFrame = () => new Promise((r) => win.requestAnimationFrame(r));
  frame.style.width = `${width}px`;
  await nextFrame();
  await nextFrame();
  await Promise.all(widgetsOf(frame).map((w) => (w as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  await waitUntil(() => widgetsOf(frame).every(drawn), 'the widgets did not draw again', { timeout: 10000 });
  await nextFrame();
}

const name = (w: HTMLElement, i: number) => `#${i + 1} <${w.localName}${['indicator', 'network', 'figure', 'src'].map((a) => (w.hasAttribute(a) ? ` ${a}="${w.getAttribute(a)!.replace(/^.*\//, '')}"` : '')).find(Boolean) ?? ''}>`;

/**
 * The check can fail: a made-up widget with one of each defect (texts overlapping and outside, a grid
 * line through a word, a swatch as pale as the page, a map tile without a name) and the same widget
 * without them.
 */
describe('layout check: finds each kind of defect', () => {
  const probe = (name: string, inner: string) => {
    if (!customElements.get(name)) {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = inner;
          }
        },
      );
    }
    const el = document.createElement(name);
    el.style.cssText = 'display:block;width:300px;font:16px Arial,sans-serif;background:#fff';
    document.body.append(el);
    return el;
  };
  const legend = (fill: string) => `<ul class="legend"><li><svg class="swatch" width="12" height="12"><rect width="12" height="12" fill="${fill}"></rect></svg>Reihe</li></ul>`;

  it('names every defect it is shown, and nothing in a clean drawing', () => {
    const bad = probe(
      'layout-probe-bad',
      `${legend('#f4f4f4')}<div class="chart"><svg width="300" height="120" style="overflow:visible">
        <text x="10" y="30">Nordmarkt</text><text x="40" y="34">Borsigplatz</text>
        <text x="250" y="60">Innenstadt-Nord: 37,8 %</text>
        <line class="grid" x1="20" x2="20" y1="0" y2="120" stroke="#ccc"></line>
      </svg></div>`,
    );
    const good = probe(
      'layout-probe-good',
      `${legend('#1d5a94')}<div class="chart"><svg width="300" height="120">
        <text x="10" y="30">Nordmarkt</text><text x="10" y="60">Borsigplatz</text>
        <line class="grid" x1="200" x2="200" y1="0" y2="120" stroke="#ccc"></line>
      </svg></div>`,
    );
    try {
      const problems = checkLayout(bad).problems.join('\n');
      expect(problems).to.contain('„Nordmarkt“').and.to.contain('overlaps „Borsigplatz“');
      expect(problems).to.match(/„Innenstadt-Nord: 37,8 %“ .* outside the widget/);
      expect(problems).to.match(/line\.grid crosses „Nordmarkt“/);
      expect(problems).to.match(/legend swatch of „Reihe“ at 1\.\d+:1/);
      expect(checkLayout(good)).to.deep.include({ problems: [] });
    } finally {
      bad.remove();
      good.remove();
    }
  });

  it('names map tiles without a name or number', () => {
    const el = document.createElement('sozialraum-map');
    document.body.append(el);
    el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    el.shadowRoot!.innerHTML = `<svg class="map" width="200" height="100">
      <path class="area" data-id="a" d="M0,0H100V100H0Z" fill="#ccc"></path><path class="area" data-id="b" d="M100,0H200V100H100Z" fill="#ccc"></path>
      <text class="tile-label" x="50" y="50" text-anchor="middle">A</text></svg>`;
    try {
      expect(checkLayout(el).problems).to.include('1 of 2 map tiles without a name or short form: b');
    } finally {
      el.remove();
    }
  });
});

const WIDTHS = [320, 375, 560, 768, 1280, 1920];
const COMBINATIONS: Array<['de' | 'en', 'light' | 'dark']> = [
  ['de', 'light'],
  ['de', 'dark'],
  ['en', 'light'],
  ['en', 'dark'],
];

for (const [lang, theme] of COMBINATIONS) {
  describe(`layout check: the demo page and the fixtures, ${lang}, ${theme}`, function () {
    this.timeout(30000);
    let frame: HTMLIFrameElement;
    before(async () => {
      frame = await demoFrame(lang, theme);
    });
    after(() => frame.remove());
    for (const width of WIDTHS) {
      it(`at ${width} px: texts inside and apart, lines clear of texts, swatches that show, everything named`, async () => {
        await resize(frame, width);
        const widgets = widgetsOf(frame);
        const findings: string[] = [];
        let texts = 0;
        widgets.forEach((w, i) => {
          if (Number(w.dataset.from ?? 0) > width) return;
          const report = checkLayout(w);
          texts += report.texts;
          if (report.problems.length) {
            findings.push(`${name(w, i)}: ${report.problems.slice(0, 12).join('; ')}${report.problems.length > 12 ? ` … and ${report.problems.length - 12} more` : ''}`);
          }
        });
        expect(widgets.length).to.be.greaterThan(25);
        expect(texts, 'text boxes measured').to.be.greaterThan(1000);
        expect(findings, `\n${findings.join('\n')}\n`).to.deep.equal([]);
      });
    }
  });
}
