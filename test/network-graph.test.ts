import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/network-graph/network-graph.js';
import type { NetworkGraph } from '../src/network-graph/network-graph.js';
import { exportSvg } from '../src/core/export.js';
import { layoutNow, simulate, sliced, type GraphInput, type Placement } from '../src/network-graph/layout.js';
import { $, $$, alertText, passesThrough, press, settled, shadow, statusText, straightPieces, tableCells, text, widget } from './helpers.js';

const NETWORKS = '/data/networks.json';

interface FileNetwork {
  id: string;
  nodes: Array<{ id: string }>;
  links: unknown[];
}
let file: { networks: FileNetwork[] };
before(async () => {
  file = await (await fetch(NETWORKS)).json();
});

const graph = (template: ReturnType<typeof html>) => widget<NetworkGraph>(template);

/** The nodes drawn (in presenter mode, those of the steps shown). */
const nodes = (el: Element) => $$(el, 'g.node:not(.off)');
const nodeLabels = (el: Element) => nodes(el).map((g) => g.getAttribute('aria-label') ?? '');
const positions = (el: Element) => nodes(el).map((g) => g.getAttribute('transform'));
const live = (el: Element) => text($(el, '.chart [aria-live="polite"]'));
const stepsLive = (el: Element) => text($(el, '.steps-live'));
const activeLabel = (el: Element) => (shadow(el).activeElement as Element | null)?.getAttribute('aria-label') ?? '';
const nodeNamed = (el: Element, name: string) => nodes(el).find((g) => g.getAttribute('aria-label')!.startsWith(`${name},`))!;

async function focusNode(el: NetworkGraph, name: string): Promise<void> {
  nodeNamed(el, name).focus();
  await el.updateComplete;
}

/** Pairs of drawn labels whose boxes overlap (by more than half a pixel, for rounding). */
function overlappingLabels(el: Element): string[] {
  const boxes = $$(el, 'text.label').map((t) => ({ name: text(t), r: t.getBoundingClientRect() }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r;
      const b = boxes[j].r;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${boxes[i].name} / ${boxes[j].name}`);
    }
  }
  return out;
}

/** Made-up networks (never shipped). */
const madeUp = (nodes: unknown[], links: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'networks',
  title: 'Testnetz (erfunden)',
  sources: [{ id: 'q', title: 'Testquelle' }],
  nodeKinds: [{ id: 'a', label: 'Art A' }, { id: 'b', label: 'Art B' }],
  linkKinds: [{ id: 'k', label: 'Kooperation' }],
  networks: [{ id: 'netz', title: 'Testnetz', year: '2020', sources: ['q'], nodes, links, ...extra }],
});
const node = (id: string, kind = 'a', extra: Record<string, unknown> = {}) => ({ id, label: id.toUpperCase(), kind, ...extra });
const tie = (source: string, target: string, extra: Record<string, unknown> = {}) => ({ source, target, kind: 'k', ...extra });

/** A made-up graph of n nodes and m links, the same every time (a fixed linear congruential sequence). */
function generated(n: number, m: number) {
  let seed = 7;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const ns = Array.from({ length: n }, (_, i) => node(`n${i}`, i % 5 ? 'a' : 'b'));
  const ls: unknown[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number) => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a !== b && !seen.has(key)) seen.add(key), ls.push(tie(`n${a}`, `n${b}`));
  };
  // A tree first, so that everything is connected, then random links.
  for (let i = 1; i < n; i++) add(i, Math.floor(rand() * i));
  while (ls.length < m) add(Math.floor(rand() * n), Math.floor(rand() * n));
  return madeUp(ns, ls);
}

/** As many nodes as get names (LABELS_UP_TO), named like organisations ("Träger 12"): made up. */
function largestNamed() {
  const data = generated(150, 300);
  for (const n of data.networks[0].nodes as Array<{ id: string; label: string }>) n.label = `Träger ${n.id.slice(1)}`;
  return data;
}

describe('<network-graph> with the project data', () => {
  it('draws every network of data/networks.json: every node, a legend, labels that do not overlap', async function () {
    this.timeout(30000);
    for (const net of file.networks) {
      for (const width of [320, 900]) {
        const el = await graph(html`<network-graph src=${NETWORKS} network=${net.id} style="width:${width}px;display:block"></network-graph>`);
        expect(nodes(el), net.id).to.have.length(net.nodes.length);
        expect($$(el, 'text.label'), `${net.id}: every label shown`).to.have.length(net.nodes.length);
        expect(overlappingLabels(el), `${net.id} at ${width} px`).to.deep.equal([]);
        expect(Number($(el, 'svg.net')!.getAttribute('width'))).to.be.at.most(width);
        expect(el.scrollWidth, `${net.id} fits ${width} px`).to.be.at.most(width);
        expect(statusText(el), net.id).to.equal('');
      }
    }
  });

  it('is accessible and says what it shows', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="aktiv-statt-passiv-2013" style="width:800px"></network-graph>`);
    expect($(el, 'svg.net')!.getAttribute('aria-label')).to.equal(
      '„Aktiv statt passiv!“ – Träger und Partner des Modellprojekts Sozialer Arbeitsmarkt (2013–2014). Netzwerkdiagramm: 19 Knoten, 23 Verbindungen',
    );
    expect(nodeLabels(el)).to.include(
      'GrünBau, Freier Träger: 20 Arbeitsplätze, verbunden mit 5: „Aktiv statt passiv!“ (Modellprojekt Sozialer Arbeitsmarkt), lokale Handwerksbetriebe, Stadt Dortmund, DOGEWO 21, Stiftung Soziale Stadt',
    );
    const legend = text($(el, '.legend'));
    for (const kind of ['Freier Träger', 'Verwaltung', 'Projektpartner', 'finanziert', 'Größe: Arbeitsplätze']) expect(legend).to.contain(kind);
    expect(text($(el, '.source'))).to.contain('Stand: 2013–2014');
    await expect(el).to.be.accessible();
  });

  it('sizes nodes by weight and gives each node kind its own shape, not only its own colour', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="aktiv-statt-passiv-2013" style="width:800px"></network-graph>`);
    const size = (name: string) => nodeNamed(el, name).querySelector('path.sym')!.getBoundingClientRect().width;
    expect(size('CJD')).to.be.greaterThan(size('Dobeq'));
    expect(size('Dobeq')).to.be.greaterThan(size('Werkhof'));
    const legendShapes = $$(el, '.legend li svg path.sym').map((p) => p.getAttribute('d'));
    expect(new Set(legendShapes).size).to.equal(legendShapes.length);
  });

  it('places every node at the same coordinates on every load (deterministic layout)', async () => {
    const a = await graph(html`<network-graph src=${NETWORKS} network="gesamtstrategie-fachgruppen-2022" style="width:700px"></network-graph>`);
    const first = positions(a);
    const b = await graph(html`<network-graph src=${NETWORKS} network="gesamtstrategie-fachgruppen-2022" style="width:700px"></network-graph>`);
    expect(positions(b)).to.deep.equal(first);
    const radial = await graph(html`<network-graph src=${NETWORKS} network="gesamtstrategie-fachgruppen-2022" layout="force" style="width:700px"></network-graph>`);
    expect(positions(radial)).to.not.deep.equal(first);
  });

  it('draws a small network in its first render, with no status first (its layout fits in the first slice)', async () => {
    const el = await fixture<NetworkGraph>(html`<network-graph .data=${madeUp([node('a'), node('b'), node('c')], [tie('a', 'b'), tie('b', 'c')])} style="width:800px"></network-graph>`);
    expect(nodes(el)).to.have.length(3);
    expect($$(el, 'text.label')).to.have.length(3);
    expect($(el, '.loading')).to.equal(null);
  });

  it('lays out a larger network in slices: its status first, then the final picture, never a half-settled one; widget-rendered once, after it', async function () {
    this.timeout(10000);
    // 150 named nodes (as many as get names): some 100 ms of layout on a fast machine, which as one task
    // would keep the page from answering.
    const el = await fixture<NetworkGraph>(html`<network-graph .data=${largestNamed()} style="width:700px;display:block"></network-graph>`);
    const computing = 'Anordnung wird berechnet …';
    const final = 'drawn 150 nodes, 150 labels';
    const seen = () => ($(el, 'svg.net') ? `drawn ${nodes(el).length} nodes, ${$$(el, 'text.label').length} labels${$(el, '.loading') ? ', status' : ''}` : text($(el, '.loading[role="status"]')));
    expect(seen()).to.equal(computing);
    // Every change of the shadow DOM, and a timer: between the slices the page gets its turn.
    const changes: string[] = [];
    const turns: string[] = [];
    const observer = new MutationObserver(() => changes.push(seen()));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    const watch = setInterval(() => turns.push(seen()), 0);
    const events: number[] = [];
    el.addEventListener('widget-rendered', () => events.push($$(el, 'text.label').length));
    await oneEvent(el, 'widget-rendered');
    clearInterval(watch);
    observer.disconnect();
    expect(turns.filter((f) => f === computing).length, 'the page ran between the slices').to.be.at.least(1);
    expect([...new Set([...changes, ...turns])].filter((f) => f !== computing && f !== final), 'no half-settled frames').to.deep.equal([]);
    expect(events, 'widget-rendered when the names are drawn').to.deep.equal([150]);
    expect(seen()).to.equal(final);
    expect(overlappingLabels(el)).to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(events, 'and only once').to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('finishes a layout under way at once for printing, with the same picture', async () => {
    const data = largestNamed();
    const template = html`<network-graph .data=${data} style="width:700px;display:block"></network-graph>`;
    const inSlices = await graph(template);
    const printed = await fixture<NetworkGraph>(template);
    expect($(printed, '.loading[role="status"]'), 'still laying out').to.not.equal(null);
    dispatchEvent(new Event('beforeprint'));
    try {
      await printed.updateComplete;
      expect($(printed, '.loading'), 'no status on paper').to.equal(null);
      expect(positions(printed)).to.have.length(150);
      expect(positions(printed)).to.deep.equal(positions(inSlices));
    } finally {
      dispatchEvent(new Event('afterprint'));
    }
  });

  it('keeps the picture while a new width is laid out, with the status beside it, and the focus on its node', async () => {
    const el = await graph(html`<network-graph .data=${largestNamed()} style="width:900px;display:block"></network-graph>`);
    await focusNode(el, 'Träger 7');
    const before = positions(el);
    const during: Array<{ positions: Array<string | null>; width: number }> = [];
    const observer = new MutationObserver(() => {
      if ($(el, '.loading') && $(el, 'svg.net')) during.push({ positions: positions(el), width: $(el, 'svg.net')!.getBoundingClientRect().width });
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true });
    const rendered = oneEvent(el, 'widget-rendered');
    el.style.width = '700px';
    await rendered;
    observer.disconnect();
    await el.updateComplete;
    expect(during.length, 'the status beside the old picture').to.be.at.least(1);
    expect(during[0].positions).to.deep.equal(before);
    expect(during[0].width, 'scaled to the new width').to.be.at.most(700);
    expect($(el, '.loading')).to.equal(null);
    expect(positions(el)).to.not.deep.equal(before);
    expect(activeLabel(el), 'the focus stayed on its node').to.match(/^Träger 7,/);
  });

  it('gives the same coordinates whether the ticks run at once or in chunks', async () => {
    const n = 300;
    const input: GraphInput = {
      boxes: Array.from({ length: n }, (_, i) => ({ w: 10 + (i % 3), h: 10, dy: 0 })),
      links: Array.from({ length: n - 1 }, (_, i) => [i + 1, Math.floor(i / 3)] as const),
      width: 600,
    };
    const once = layoutNow(input);
    const chunked = await new Promise<Placement>((done) => {
      expect(sliced(simulate(input), done, undefined, undefined, 2, 2).value, 'in slices: nothing returned at once').to.equal(undefined);
    });
    const atOnce = sliced(simulate(input), () => expect.fail('no later call'), undefined, undefined, 2, Infinity).value!;
    // Printing: the rest at once, `done` called before finish returns.
    let finished: Placement | undefined;
    sliced(simulate(input), (p) => (finished = p), undefined, undefined, 2, 2).finish();
    for (const p of [atOnce, chunked, finished!]) {
      expect(Array.from(p.x)).to.deep.equal(Array.from(once.x));
      expect(Array.from(p.y)).to.deep.equal(Array.from(once.y));
      expect(p.height).to.equal(once.height);
    }
  });

  it('lists every node with its neighbours and every link in a table behind "Tabelle anzeigen"', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="aktiv-statt-passiv-2013" style="width:700px"></network-graph>`);
    $(el, '.actions button')!.click();
    await el.updateComplete;
    const items = $$(el, '.adjacency > li');
    expect(items).to.have.length(19);
    const gruenbau = items.find((li) => text(li.querySelector('strong')) === 'GrünBau')!;
    expect(text(gruenbau)).to.contain('Freier Träger: 20 Arbeitsplätze');
    expect(Array.from(gruenbau.querySelectorAll('li')).map((li) => text(li))).to.deep.equal([
      'Projektpartner: GrünBau – „Aktiv statt passiv!“ (Modellprojekt Sozialer Arbeitsmarkt) („durchführender Träger“)',
      'Kooperation: GrünBau – lokale Handwerksbetriebe („Sanierung von Problemimmobilien in der Nordstadt (Beispiel GrünBau)“)',
      'Kooperation: GrünBau – Stadt Dortmund („Sanierung von Problemimmobilien in der Nordstadt (Beispiel GrünBau)“)',
      'Kooperation: GrünBau – DOGEWO 21 („Sanierung von Problemimmobilien in der Nordstadt (Beispiel GrünBau)“)',
      'Kooperation: GrünBau – Stiftung Soziale Stadt („Sanierung von Problemimmobilien in der Nordstadt (Beispiel GrünBau)“)',
    ]);
    const rows = tableCells(el);
    expect(rows).to.have.length(23);
    expect(rows).to.deep.include(['Land NRW / ESF', 'finanziert', '„Aktiv statt passiv!“ (Modellprojekt Sozialer Arbeitsmarkt)', 'gerichtet', rows.find((r) => r[0] === 'Land NRW / ESF')![4]]);
    expect(rows.find((r) => r[0] === 'Land NRW / ESF')![4]).to.contain('26 % der Finanzierung');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="aktiv-statt-passiv-2013" lang="en" style="width:700px"></network-graph>`);
    expect(nodeLabels(el)).to.include(
      'GrünBau, Non-governmental organisation: 20 jobs, connected to 5: “Aktiv statt passiv!” (social labour market pilot), local craft businesses, City of Dortmund, DOGEWO 21, Stiftung Soziale Stadt',
    );
    expect($(el, 'svg.net')!.getAttribute('aria-label')).to.contain('Network diagram: 19 nodes, 23 links');
    // Data given as a property is drawn in English from the first frame.
    const first = await fixture<NetworkGraph>(html`<network-graph lang="en" .data=${madeUp([node('a'), node('b')], [tie('a', 'b')])} style="width:400px"></network-graph>`);
    expect(nodeLabels(first)[0]).to.equal('A, Art A, connected to 1: B');
  });

  it('fits 320 px and stays accessible in the dark theme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await graph(html`<network-graph theme="dark" src=${NETWORKS} network="wohnen-mieterinnenbuero-viertelwerk-2022" style="width:320px;display:block"></network-graph>`);
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('<network-graph> keyboard and selection', () => {
  it('is one tab stop; arrows move to the nearest node in that direction', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="jobcenter-kooperation-2007" style="width:800px"></network-graph>`);
    expect(nodes(el).filter((g) => g.getAttribute('tabindex') === '0')).to.have.length(1);
    const hub = nodeNamed(el, 'JobCenter ARGE Dortmund');
    hub.focus();
    await el.updateComplete;
    const x = (g: Element) => g.getBoundingClientRect().x;
    press(el, 'ArrowRight');
    await el.updateComplete;
    const right = shadow(el).activeElement as Element;
    expect(right).to.not.equal(hub);
    expect(x(right)).to.be.greaterThan(x(hub));
    expect(right.getAttribute('tabindex')).to.equal('0');
    expect(hub.getAttribute('tabindex')).to.equal('-1');
    press(el, 'Home');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^JobCenter ARGE Dortmund,/);
    expect($(el, 'circle.ring:not(.hl)'), 'focus ring').to.not.equal(null);
  });

  it('Enter selects a node, highlights its neighbours and announces them; then the arrows walk its neighbours', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="aktiv-statt-passiv-2013" group="n" style="width:800px"></network-graph>`);
    await focusNode(el, 'GrünBau');
    const selected = oneEvent(el, 'network-select');
    press(el, 'Enter');
    expect((await selected).detail).to.include({ id: 'gruenbau', name: 'GrünBau', group: 'n' });
    await el.updateComplete;
    expect(live(el)).to.match(/^GrünBau, Freier Träger: 20 Arbeitsplätze, verbunden mit 5: .* \(ausgewählt\)$/);
    expect(nodeNamed(el, 'GrünBau').getAttribute('aria-current')).to.equal('true');
    // Not a neighbour: dimmed; a neighbour: not.
    expect(nodeNamed(el, 'CJD').classList.contains('dim')).to.equal(true);
    expect(nodeNamed(el, 'DOGEWO 21').classList.contains('dim')).to.equal(false);
    expect($$(el, 'path.link.hl')).to.not.have.length(0);
    const walk: string[] = [];
    for (let i = 0; i < 6; i++) {
      press(el, 'ArrowRight');
      await el.updateComplete;
      walk.push(activeLabel(el).split(',')[0]);
    }
    expect(walk).to.deep.equal(['„Aktiv statt passiv!“ (Modellprojekt Sozialer Arbeitsmarkt)', 'lokale Handwerksbetriebe', 'Stadt Dortmund', 'DOGEWO 21', 'Stiftung Soziale Stadt', '„Aktiv statt passiv!“ (Modellprojekt Sozialer Arbeitsmarkt)']);
    expect(live(el)).to.equal('Nachbar 1 von 5: Projektpartner: GrünBau – „Aktiv statt passiv!“ (Modellprojekt Sozialer Arbeitsmarkt) („durchführender Träger“)');
    press(el, 'ArrowLeft');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^Stiftung Soziale Stadt,/);
    // Enter on a neighbour: walk on from there.
    press(el, 'ArrowLeft');
    press(el, 'ArrowLeft');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^Stadt Dortmund,/);
    press(el, 'Enter');
    await el.updateComplete;
    press(el, 'ArrowRight');
    await el.updateComplete;
    expect(live(el)).to.match(/^Nachbar 1 von 3: Projektpartner: Stadt Dortmund – .*; Stadt Dortmund finanziert /);
    const cleared = oneEvent(el, 'network-select');
    press(el, 'Escape');
    expect((await cleared).detail.id).to.equal(null);
    await el.updateComplete;
    expect(nodes(el).some((g) => g.hasAttribute('aria-current'))).to.equal(false);
    // Still in focus, the project's own neighbours are highlighted: all but GrünBau's partners in the renovation.
    expect(activeLabel(el)).to.match(/^„Aktiv statt passiv!“/);
    expect($$(el, 'g.node.dim').map((g) => g.getAttribute('aria-label')!.split(',')[0])).to.deep.equal(['lokale Handwerksbetriebe', 'DOGEWO 21', 'Stiftung Soziale Stadt']);
  });

  it('shows the node selected in a linked graph of the same group (the same id is the same organisation)', async () => {
    const wrapper = await fixture(html`<div>
      <network-graph group="g" src=${NETWORKS} network="aktiv-statt-passiv-2013" style="width:600px"></network-graph>
      <network-graph group="g" src=${NETWORKS} network="gesamtstrategie-fachgruppen-2022" style="width:600px"></network-graph>
      <network-graph group="other" src=${NETWORKS} network="gesamtstrategie-fachgruppen-2022" style="width:600px"></network-graph>
    </div>`);
    const [a, b, other] = Array.from(wrapper.children) as NetworkGraph[];
    await Promise.all([settled(a), settled(b), settled(other)]);
    await focusNode(a, 'GrünBau');
    press(a, 'Enter');
    await b.updateComplete;
    expect(nodes(b).find((g) => g.getAttribute('aria-current') === 'true')!.getAttribute('aria-label')).to.match(/^GrünBau \(GB\),/);
    expect(live(b)).to.match(/^GrünBau \(GB\), Freier Träger, verbunden mit/);
    expect(nodes(other).some((g) => g.getAttribute('aria-current'))).to.equal(false);
  });

  it('zooms with the buttons and Ctrl + wheel, drags a node, and resets to the computed picture', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="jobcenter-kooperation-2007" style="width:700px"></network-graph>`);
    const before = positions(el);
    const [, plus, reset] = $$(el, '.tools button');
    plus.click();
    await el.updateComplete;
    expect(positions(el)).to.not.deep.equal(before);
    reset.click();
    await el.updateComplete;
    expect(positions(el)).to.deep.equal(before);
    const svgEl = $(el, 'svg.net')!;
    const r = svgEl.getBoundingClientRect();
    svgEl.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, ctrlKey: true, clientX: r.x + 100, clientY: r.y + 100, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(positions(el)).to.not.deep.equal(before);
    reset.click();
    // A plain wheel scrolls the page and does not zoom.
    svgEl.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(positions(el)).to.deep.equal(before);
    // Drag the hub 60 px to the right.
    const hub = nodeNamed(el, 'JobCenter ARGE Dortmund');
    const box = hub.getBoundingClientRect();
    const at = (dx: number) => ({ pointerId: 1, clientX: box.x + box.width / 2 + dx, clientY: box.y + box.height / 2, bubbles: true, composed: true, button: 0 });
    hub.dispatchEvent(new PointerEvent('pointerdown', at(0)));
    svgEl.dispatchEvent(new PointerEvent('pointermove', at(30)));
    svgEl.dispatchEvent(new PointerEvent('pointermove', at(60)));
    svgEl.dispatchEvent(new PointerEvent('pointerup', at(60)));
    await el.updateComplete;
    expect(hub.getBoundingClientRect().x - box.x).to.be.closeTo(60, 1);
    expect(hub.getAttribute('aria-current')).to.equal(null, 'a drag is not a click');
    reset.click();
    await el.updateComplete;
    expect(positions(el)).to.deep.equal(before);
  });

  it('selects a node with a click (again: clears), and a click on the background clears', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="jobcenter-kooperation-2007" style="width:700px"></network-graph>`);
    const svgEl = $(el, 'svg.net')!;
    const click = (target: Element, x: number, y: number) => {
      const at = { pointerId: 1, clientX: x, clientY: y, bubbles: true, composed: true, button: 0 };
      target.dispatchEvent(new PointerEvent('pointerdown', at));
      svgEl.dispatchEvent(new PointerEvent('pointerup', at));
    };
    const hub = nodeNamed(el, 'Frauenhaus');
    const box = hub.getBoundingClientRect();
    click(hub, box.x + box.width / 2, box.y + box.height / 2);
    await el.updateComplete;
    expect(hub.getAttribute('aria-current')).to.equal('true');
    expect(live(el)).to.match(/^Frauenhaus, Einrichtung, verbunden mit 1: JobCenter ARGE Dortmund \(ausgewählt\)$/);
    click(hub, box.x + box.width / 2, box.y + box.height / 2);
    await el.updateComplete;
    expect(hub.hasAttribute('aria-current')).to.equal(false);
    click(hub, box.x + box.width / 2, box.y + box.height / 2);
    const r = svgEl.getBoundingClientRect();
    click(svgEl, r.x + 2, r.y + 2);
    await el.updateComplete;
    expect(hub.hasAttribute('aria-current')).to.equal(false);
  });

  it('zoomed in, the view follows the keyboard focus', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="integrierte-projekte-2007" style="width:600px"></network-graph>`);
    const svgEl = $(el, 'svg.net')!;
    const r = svgEl.getBoundingClientRect();
    const plus = $$(el, '.tools button')[1];
    for (let i = 0; i < 4; i++) plus.click();
    await el.updateComplete;
    const inView = (g: Element) => {
      const b = g.getBoundingClientRect();
      return b.x >= r.x && b.right <= r.right && b.y >= r.y && b.bottom <= r.bottom;
    };
    const far = nodes(el).find((g) => !inView(g))!;
    expect(far, 'a node outside the zoomed view').to.not.equal(undefined);
    far.focus();
    await el.updateComplete;
    expect(inView(far)).to.equal(true);
  });

  it('lays out anew for a new width, and fits it', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="jobcenter-kooperation-2007" style="width:700px;display:block"></network-graph>`);
    const rendered = oneEvent(el, 'widget-rendered');
    el.style.width = '360px';
    await rendered;
    await el.updateComplete;
    expect(Number($(el, 'svg.net')!.getAttribute('width'))).to.equal(360);
    expect(overlappingLabels(el)).to.deep.equal([]);
  });

  it('has no zoom buttons and does not move with static', async () => {
    const el = await graph(html`<network-graph static src=${NETWORKS} network="jobcenter-kooperation-2007" style="width:700px"></network-graph>`);
    expect($(el, '.tools')).to.equal(null);
    const svgEl = $(el, 'svg.net')!;
    const before = positions(el);
    svgEl.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, ctrlKey: true, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(positions(el)).to.deep.equal(before);
  });
});

describe('<network-graph> names readable at every width', () => {
  /** The straight pieces of the drawn links, in the drawing's pixels. */
  const links = (el: Element) => straightPieces(el, 'path.link');
  /** The label's lines, each its own box (a long name's box would cover the gap beside a short line). */
  const lineBoxes = (el: Element) =>
    $$(el, 'text.label').flatMap((t) => {
      const range = document.createRange();
      const svgEl = $(el, 'svg.net')!.getBoundingClientRect();
      return [...t.childNodes].flatMap((n) => {
        range.selectNodeContents(n);
        const r = range.getBoundingClientRect();
        return n.textContent!.trim() && r.width ? [{ text: n.textContent!, box: new DOMRect(r.x - svgEl.x, r.y - svgEl.y, r.width, r.height) }] : [];
      });
    });

  for (const [network, width] of [
    ['aktiv-statt-passiv-2013', 800],
    ['gesamtstrategie-fachgruppen-2022', 912],
    ['integrierte-projekte-2007', 560],
  ] as const) {
    it(`no link runs through a name: ${network}, ${width} px (names beside their nodes, else the link pauses at them)`, async () => {
      const el = await graph(html`<network-graph src=${NETWORKS} network=${network} style=${`width:${width}px;font:17px Arial,sans-serif`}></network-graph>`);
      const boxes = lineBoxes(el);
      expect($$(el, 'text.label')).to.have.length(nodes(el).length, 'every node named');
      const crossed = links(el).flatMap((l) => boxes.filter((b) => passesThrough(l, b.box)).map((b) => b.text));
      expect(crossed).to.deep.equal([]);
    });
  }

  it('on a 320 px phone (240 px) the force network is numbered, a screen high, with its names listed under it', async () => {
    const el = await graph(html`<network-graph src=${NETWORKS} network="gesamtstrategie-fachgruppen-2022" layout="force" style="width:240px;font:17px Arial,sans-serif"></network-graph>`);
    const svgEl = $(el, 'svg.net')!;
    expect(Number(svgEl.getAttribute('height'))).to.be.at.most(480, 'not the 1,270 px tangle');
    const numbers = $$(el, 'text.label').map((t) => text(t));
    expect(numbers).to.have.length(nodes(el).length);
    for (const n of numbers) expect(n).to.match(/^\d+$/);
    const key = text($$(el, '.notes li').find((li) => text(li).startsWith('Nummern im Netz:'))).replace(/\u200b/g, '');
    const first = nodes(el)[0].getAttribute('aria-label')!.split(',')[0];
    expect(key).to.contain(`1 ${first} · 2 `);
    expect(key.split(' · ')).to.have.length(nodes(el).length);
    // Wide, the same network has its names, none cut short.
    el.style.width = '912px';
    await waitUntil(() => $$(el, 'text.label').some((t) => /\D/.test(text(t))), 'names again');
    expect($$(el, 'text.label').filter((t) => text(t).endsWith('…'))).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the stepping network shows the whole network greyed from its first step, not one node in an empty box', async () => {
    const el = await graph(html`<network-graph mode="steps" src=${NETWORKS} network="jobcenter-kooperation-2007" style="width:700px"></network-graph>`);
    expect(nodes(el)).to.have.length(1);
    const svgEl = $(el, 'svg.net') as unknown as SVGSVGElement;
    expect($(el, 'path.ghost'), 'the steps to come, greyed').to.exist;
    const ghost = (shadow(el).querySelector('path.ghost') as SVGGraphicsElement).getBBox();
    expect(ghost.height).to.be.at.least(svgEl.height.baseVal.value * 0.6, 'the greyed network fills the box');
    expect(getComputedStyle(shadow(el).querySelector('path.ghost')!).visibility).to.equal('visible');
    // Next step: its nodes drawn for real, the rest still greyed.
    el.current = 2;
    await el.updateComplete;
    expect(nodes(el).length).to.be.greaterThan(1);
  });
});

describe('<network-graph> presenter mode', () => {
  it('reveals the network ring by ring with PageDown / ArrowRight on the graph, back with PageUp / ArrowLeft', async () => {
    const el = await graph(html`<network-graph mode="steps" src=${NETWORKS} network="integrierte-projekte-2007" style="width:800px"></network-graph>`);
    expect(el.getAttribute('current')).to.equal('1');
    expect(nodes(el)).to.have.length(1);
    expect(text($(el, '.steps'))).to.contain('Schritt 1 von 3: Integrierte Projekte (Projektebene)');
    const svgEl = $(el, 'svg.net')!;
    svgEl.focus();
    const step = oneEvent(el, 'network-step');
    press(el, 'PageDown');
    const { detail } = await step;
    expect(detail).to.include({ current: 2, index: 1, total: 3 });
    expect(detail.ids).to.have.length(5);
    await el.updateComplete;
    expect(el.getAttribute('current')).to.equal('2');
    expect(nodes(el)).to.have.length(6);
    expect(stepsLive(el)).to.equal('Schritt 2 von 3: 1. Ring (Handlungsfeld): Stadtentwicklung, Sozialpolitik, Bildungspolitik, Integrationspolitik, Beschäftigungsförderung');
    press(el, 'ArrowRight');
    await el.updateComplete;
    expect(nodes(el)).to.have.length(28);
    press(el, 'ArrowRight');
    await el.updateComplete;
    expect(el.current).to.equal(3);
    press(el, 'ArrowLeft');
    press(el, 'PageUp');
    await el.updateComplete;
    expect(nodes(el)).to.have.length(1);
    // A focused node that a step back hides hands the focus to the graph: the next key still steps.
    press(el, 'PageDown');
    await el.updateComplete;
    nodes(el)[3].focus();
    press(el, 'PageUp');
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal($(el, 'svg.net'));
    expect(nodes(el)[0].getAttribute('tabindex')).to.equal('0');
    // The SVG download shows what is on screen: the nodes of the steps shown, with their names.
    const { svg: exported } = exportSvg($(el, 'svg.net') as unknown as SVGSVGElement, { title: 'Test', source: 'Quelle', widget: el });
    const doc = new DOMParser().parseFromString(exported, 'image/svg+xml');
    const shownInExport = Array.from(doc.querySelectorAll('g[role="listitem"]')).filter((g) => !/visibility:\s*hidden/.test(g.getAttribute('style') ?? ''));
    expect(shownInExport).to.have.length(1);
    expect(doc.documentElement.textContent).to.contain('Integrierte Projekte');
    // The page can set the step, e.g. for a slide.
    el.current = 2;
    await el.updateComplete;
    expect(nodes(el)).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('steps by kind with step-by="kind" (and the boolean step attribute), and has buttons for the mouse', async () => {
    const el = await graph(html`<network-graph step step-by="kind" src=${NETWORKS} network="jobcenter-politisch-beratend-2007" style="width:700px"></network-graph>`);
    expect(text($(el, '.steps'))).to.contain('Schritt 1 von 2: Verwaltung');
    expect(nodes(el)).to.have.length(3);
    const next = $$(el, '.steps button').find((b) => text(b).startsWith('Weiter'))!;
    next.click();
    await el.updateComplete;
    expect(nodes(el)).to.have.length(9);
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    next.click();
    await el.updateComplete;
    expect(el.current).to.equal(2);
  });
});

describe('<network-graph> bad input and large networks', () => {
  it('names links to unknown nodes, duplicate ids, self-links and missing labels, and draws the valid part', async () => {
    const data = madeUp(
      [node('a'), node('b', 'b'), node('c'), node('b'), { id: 'ohne', kind: 'a' }],
      [tie('a', 'b'), tie('a', 'x'), tie('c', 'c'), tie('a', 'ohne'), tie('b', 'c'), tie('b', 'a')],
    );
    const el = await graph(html`<network-graph .data=${data} style="width:600px"></network-graph>`);
    expect(nodes(el)).to.have.length(3);
    const status = statusText(el);
    expect(status).to.contain('Knoten 4: „b“ kommt doppelt vor; der erste gilt.');
    expect(status).to.contain('Knoten 5 („ohne“) ohne Beschriftung wird nicht gezeigt.');
    expect(status).to.contain('Verbindung 2: Knoten „x“ fehlt; sie wird nicht gezeigt.');
    expect(status).to.contain('Verbindung 3 von „c“ zu sich selbst wird nicht gezeigt.');
    expect(status).to.contain('Verbindung 4: Knoten „ohne“ fehlt; sie wird nicht gezeigt.');
    expect(status).to.contain('Verbindung 6 zwischen „b“ und „a“ kommt doppelt vor; die erste gilt.');
    expect($(el, 'svg.net')!.getAttribute('aria-label')).to.contain('3 Knoten, 2 Verbindungen');
    await expect(el).to.be.accessible();
  });

  it('is an error for an empty network, an unknown network id and a file that is not a networks file', async () => {
    const empty = await graph(html`<network-graph .data=${madeUp([], [])}><p>Ersatz</p></network-graph>`);
    expect(alertText(empty)).to.contain('Das Netzwerk hat keinen Knoten');
    expect(shadow(empty).querySelector('slot')).to.not.equal(null);
    const unknown = await graph(html`<network-graph src=${NETWORKS} network="gibt-es-nicht"></network-graph>`);
    expect(alertText(unknown)).to.contain('Das Netzwerk „gibt-es-nicht“ gibt es in dieser Datei nicht. Verfügbar: jobcenter-politisch-beratend-2007');
    const wrong = await graph(html`<network-graph src="/data/eu2-residents.json"></network-graph>`);
    expect(alertText(wrong)).to.contain('Die Daten enthalten kein Netzwerk');
    await expect(wrong).to.be.accessible();
  });

  it('draws nodes without links with a note, reads one network object as inline JSON, and names a bad layout', async () => {
    const el = await fixture<NetworkGraph>(html`<network-graph layout="kreis" style="width:500px"><script type="application/json">
      {"title": "Inline", "nodes": [{"id": "a", "label": "A", "kind": "x"}, {"id": "b", "label": "B", "kind": "y"}], "links": []}
    </script></network-graph>`);
    await settled(el);
    expect(nodes(el)).to.have.length(2);
    expect(statusText(el)).to.contain('keine gültige Verbindung');
    expect(statusText(el)).to.contain('Attribut „layout“: „kreis“ wird nicht angewendet; möglich sind: force, radial.');
    expect(nodeLabels(el)).to.deep.equal(['A, x, ohne Verbindung', 'B, y, ohne Verbindung']);
  });

  it('lays out 1,000 nodes and 3,000 links in chunks without blocking, labels only on focus', async function () {
    this.timeout(20000);
    const el = await fixture<NetworkGraph>(html`<network-graph .data=${generated(1000, 3000)} style="width:800px"></network-graph>`);
    // The first render only says it is loading: the network is checked and built in a task of its own.
    expect($(el, 'svg.net')).to.equal(null);
    expect(text($(el, '.loading[role="status"]'))).to.equal('Daten werden geladen …');
    const rendered = oneEvent(el, 'widget-rendered');
    await waitUntil(() => $(el, '.loading[role="status"]') || $(el, 'svg.net'), 'started', { timeout: 5000 });
    expect((await rendered).detail).to.deep.equal({ nodes: 1000, links: 3000 });
    await el.updateComplete;
    // Drawn cheaply: the symbols as one path per node kind, the links as one path per kind, no labels;
    // one node element, the tab stop, which says where it stands in the list.
    expect($$(el, 'svg.net path.sym:not(g.node *)')).to.have.length(2);
    expect($$(el, 'svg.net path.link')).to.have.length(1);
    expect($$(el, 'text.label')).to.have.length(0);
    expect(nodes(el)).to.have.length(1);
    const first = nodes(el)[0];
    expect([first.getAttribute('aria-posinset'), first.getAttribute('aria-setsize')]).to.deep.equal(['1', '1000']);
    first.focus();
    await el.updateComplete;
    // The focused node and its neighbours are labelled.
    expect($$(el, 'text.label').length).to.be.greaterThan(1);
    // The arrows move the focus to another node: a new element, in focus, announced by its label.
    press(el, 'ArrowRight');
    await el.updateComplete;
    await el.updateComplete;
    expect(nodes(el)).to.have.length(1);
    expect(shadow(el).activeElement).to.equal(nodes(el)[0]);
    expect(activeLabel(el)).to.match(/^N\d+, Art [AB], verbunden mit /);
    expect(nodes(el)[0].getAttribute('aria-posinset')).to.not.equal('1');
    // The pointer finds a node by its place: hover shows its tooltip, a click selects it.
    const svgEl = $(el, 'svg.net')!;
    const box = nodes(el)[0].getBoundingClientRect();
    const at = { pointerId: 1, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true, composed: true, button: 0 };
    svgEl.dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    expect(text($(el, '.tooltip strong'))).to.equal(activeLabel(el).split(',')[0]);
    svgEl.dispatchEvent(new PointerEvent('pointerdown', at));
    svgEl.dispatchEvent(new PointerEvent('pointerup', at));
    await el.updateComplete;
    expect(live(el)).to.equal(`${activeLabel(el)} (ausgewählt)`);
  });

  it('shows no unsettled frames with prefers-reduced-motion: a status until the final picture', async function () {
    this.timeout(20000);
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await fixture<NetworkGraph>(html`<network-graph .data=${generated(400, 1000)} style="width:700px"></network-graph>`);
      const rendered = oneEvent(el, 'widget-rendered');
      const frames: boolean[] = [];
      const watch = setInterval(() => frames.push(!!$(el, 'svg.net')), 10);
      await rendered;
      clearInterval(watch);
      await el.updateComplete;
      expect(frames.length).to.be.greaterThan(0);
      expect(frames.every((drawn) => !drawn), 'no drawing before the layout is done').to.equal(true);
      expect($(el, 'svg.net g.node')!.getAttribute('aria-setsize')).to.equal('400');
      expect($(el, '.loading')).to.equal(null);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
