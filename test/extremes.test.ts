import { expect, html } from '@open-wc/testing';
import '../src/indicator-bar/indicator-bar.js';
import '../src/sozialraum-map/sozialraum-map.js';
import '../src/trend-chart/trend-chart.js';
import '../src/network-graph/network-graph.js';
import { linearScale, tickDecimals } from '../src/core/scale.js';
import { layoutNow, nodeRadius } from '../src/network-graph/layout.js';
import { logTicks } from '../src/trend-chart/layout.js';
import { formatNumber, formatValue } from '../src/core/format.js';
import { $, $$, shadow, widget } from './helpers.js';

/**
 * Extreme numbers (issue "Proof for city IT", fix 3): ±1e308, Number.MAX_VALUE, the smallest
 * subnormal, negative zero, all-equal, single and missing values, huge and zero weights, huge ranks.
 * Every element either draws a sensible chart or names the problem — never "NaN", "Infinity" or
 * "undefined" on screen or in an SVG attribute, never a blank box. All data here is made up.
 */

const MAX = Number.MAX_VALUE;
const BAD = /NaN|Infinity|undefined/;

/** Every text and attribute in the shadow root (and nested shadow roots) that says NaN, Infinity or undefined. */
function badStrings(el: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (BAD.test(node.textContent ?? '')) out.push(`text: ${node.textContent!.trim().slice(0, 120)}`);
      return;
    }
    if (node instanceof Element) {
      for (const a of Array.from(node.attributes)) if (BAD.test(a.value)) out.push(`<${node.localName} ${a.name}="${a.value.slice(0, 120)}">`);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(shadow(el));
  return out;
}

/** A chart drawn (`drawn` items) or a named message; finite, positive SVG sizes; nothing that says NaN. */
function expectSensible(el: Element, drawn: string, what: string): { items: number; message: string } {
  expect(badStrings(el), `${what}: NaN/Infinity/undefined in the shadow root`).to.deep.equal([]);
  for (const svg of $$(el, 'svg')) {
    for (const attr of ['width', 'height']) {
      const v = svg.getAttribute(attr);
      if (v === null || /%$/.test(v)) continue;
      expect(Number.isFinite(Number(v)) && Number(v) > 0, `${what}: <svg ${attr}="${v}">`).to.equal(true);
    }
    const box = svg.getAttribute('viewBox');
    if (box) expect(box.split(/[\s,]+/).every((n) => Number.isFinite(Number(n))), `${what}: viewBox ${box}`).to.equal(true);
  }
  const items = $$(el, drawn).length;
  const message = ($(el, '[role="alert"]') ?? $(el, '.message[role="status"]'))?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  expect(items > 0 || message !== '', `${what}: neither ${drawn} nor a message`).to.equal(true);
  if (items > 0) {
    const chart = $(el, 'svg')!;
    const r = chart.getBoundingClientRect();
    expect(r.width > 0 && r.height > 0, `${what}: the chart takes no room`).to.equal(true);
  }
  return { items, message };
}

/* ------------------------------------------------------------------------------------------------ */

const indicator = (values: Array<number | null>, extra: Record<string, unknown> = {}) => ({
  title: 'Testindikator (erfundene Werte)',
  stichtag: '2020-12',
  source: { title: 'Testdaten (erfunden)' },
  values: values.map((value, i) => ({ area: AREAS[i], value })),
  ...extra,
});
const AREAS = ['Nordmarkt', 'Borsigplatz', 'Hafen', 'Marten', 'Nette', 'Eving', 'Scharnhorst', 'Brackel'];

const valueCases: Array<[string, Array<number | null>]> = [
  ['±1e308', [1e308, -1e308]],
  ['1e308 alone', [1e308]],
  ['MAX_VALUE and a normal value', [MAX, 10]],
  ['-MAX_VALUE and a normal value', [-MAX, 10]],
  ['MAX_VALUE and -MAX_VALUE', [MAX, -MAX, 0]],
  ['huge and normal values, one missing', [1e308, 5, -3, null, 12.5]],
  ['5e-324', [5e-324, 1e-300]],
  ['5e-324 alone', [5e-324]],
  ['negative zero', [-0, 0]],
  ['negative zero and a value', [-0, 5]],
  ['all equal', [7, 7, 7]],
  ['all equal negative', [-7, -7]],
  ['all equal huge', [1e308, 1e308, 1e308]],
  ['a single value', [42]],
  ['all missing', [null, null, null]],
  ['tiny negative', [-5e-324, 3]],
];

describe('extreme values: <indicator-bar>', () => {
  for (const unit of ['%', 'Personen', undefined]) {
    for (const [name, values] of valueCases) {
      it(`${name} (unit ${unit ?? 'none'})`, async () => {
        const data = indicator(values, unit ? { unit } : {});
        const el = await widget(html`<indicator-bar .data=${data} style="width:700px"></indicator-bar>`);
        const { items } = expectSensible(el, 'g.item', name);
        if (values.some((v) => v !== null)) expect(items, name).to.equal(values.length);
      });
    }
  }

  it('±1e308: two bars of equal length either side of zero, an axis in exponent notation', async () => {
    const el = await widget(html`<indicator-bar .data=${indicator([1e308, -1e308], { unit: '%' })} style="width:700px"></indicator-bar>`);
    expectSensible(el, 'g.item', '±1e308');
    const widths = $$(el, 'rect.bar').map((r) => Number(r.getAttribute('width')));
    expect(widths).to.have.length(2);
    expect(widths[0]).to.be.above(100);
    expect(widths[0]).to.be.closeTo(widths[1], 0.5);
    const ticks = $$(el, 'g[aria-hidden] > text').map((t) => t.textContent!.trim());
    expect(ticks).to.include.members(['-1E308\u00a0%', '0\u00a0%', '1E308\u00a0%']);
    expect($$(el, 'g.item').map((g) => g.getAttribute('aria-label'))).to.deep.equal(['Nordmarkt: 1E308\u00a0% (Rang 1 von 2)', 'Borsigplatz: -1E308\u00a0% (Rang 2 von 2)']);
    await expect(el).to.be.accessible();
  });

  it('a reference of 1e308 next to normal values, in English', async () => {
    const data = indicator([3, 4, 5], { unit: '%', references: [{ label: 'Dortmund (erfunden)', value: 1e308 }] });
    const el = await widget(html`<indicator-bar lang="en" .data=${data} style="width:700px"></indicator-bar>`);
    expectSensible(el, 'g.item', 'reference');
    await expect(el).to.be.accessible();
  });

  it('narrow, huge values', async () => {
    const el = await widget(html`<indicator-bar .data=${indicator([MAX, -MAX, 1], { unit: '%' })} style="width:300px"></indicator-bar>`);
    expectSensible(el, 'g.item', 'narrow');
    await expect(el).to.be.accessible();
  });

  it('two series with separate axes, huge in one', async () => {
    const data = {
      title: 'Zwei Reihen (erfundene Werte)',
      stichtag: '2020',
      source: { title: 'Testdaten (erfunden)' },
      series: [
        { id: 'a', label: 'Anzahl (erfunden)', values: [{ area: 'Hafen', value: 1e308 }, { area: 'Nette', value: 2 }] },
        { id: 'b', label: 'Quote (erfunden)', values: [{ area: 'Hafen', value: -MAX }, { area: 'Nette', value: 5e-324 }] },
      ],
    };
    const el = await widget(html`<indicator-bar .data=${data} style="width:700px"></indicator-bar>`);
    expectSensible(el, 'g.item', 'series');
  });

  for (const rank of [1e9, 1e308]) {
    it(`a ranking with rank ${rank}`, async () => {
      const data = {
        title: 'Testrangfolge (erfundene Werte)',
        mode: 'rank',
        stichtag: '2020',
        source: { title: 'Testdaten (erfunden)' },
        values: [{ area: 'Hafen', rank: 1 }, { area: 'Nette', rank }, { area: 'Marten', rank: 2 }],
      };
      const el = await widget(html`<indicator-bar .data=${data} style="width:500px"></indicator-bar>`);
      expectSensible(el, 'g.item', `rank ${rank}`);
      await expect(el).to.be.accessible();
    });
  }
});

describe('extreme values: <sozialraum-map>', () => {
  for (const classify of ['quantile', 'equal']) {
    for (const [name, values] of valueCases) {
      it(`${name} (${classify})`, async () => {
        const el = await widget(html`<sozialraum-map .data=${indicator(values, { unit: '%' })} classify=${classify} style="width:600px"></sozialraum-map>`);
        expectSensible(el, 'path.area', name);
      });
    }
  }

  it('equal intervals from -1e308 to 1e308: four classes with finite bounds', async () => {
    const el = await widget(html`<sozialraum-map classify="equal" classes="4" .data=${indicator([1e308, -1e308, 4, 5], { unit: '%' })} style="width:600px"></sozialraum-map>`);
    expectSensible(el, 'path.area', 'equal');
    const legend = $$(el, '.legend li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(legend.slice(0, 4)).to.deep.equal(['-1E308 % – unter -5E307 %', '-5E307 % – unter 0 %', '0 % – unter 5E307 %', '5E307 % und mehr']);
  });

  it('diverging around a huge city value, in English', async () => {
    const data = indicator([1e308, -1e308, 4, 5], { references: [{ label: 'Dortmund (erfunden)', value: MAX }] });
    const el = await widget(html`<sozialraum-map lang="en" palette="diverging" .data=${data} style="width:600px"></sozialraum-map>`);
    expectSensible(el, 'path.area', 'diverging');
    await expect(el).to.be.accessible();
  });

  it('breaks at 1e308', async () => {
    const el = await widget(html`<sozialraum-map breaks="0,1e308" .data=${indicator([MAX, -MAX, 4])} style="width:600px"></sozialraum-map>`);
    expectSensible(el, 'path.area', 'breaks');
  });

  it('a ranking with rank 1e9', async () => {
    const data = {
      title: 'Testrangfolge (erfundene Werte)',
      mode: 'rank',
      stichtag: '2020',
      source: { title: 'Testdaten (erfunden)' },
      values: [{ area: 'Hafen', rank: 1 }, { area: 'Nette', rank: 1e9 }],
    };
    const el = await widget(html`<sozialraum-map .data=${data} style="width:600px"></sozialraum-map>`);
    expectSensible(el, 'path.area', 'rank');
  });
});

/* ------------------------------------------------------------------------------------------------ */

const timeseries = (series: unknown[]) => ({
  kind: 'timeseries',
  title: 'Testreihe (erfundene Werte)',
  unit: 'Personen',
  sources: [{ id: 'q', title: 'Testquelle (erfunden)' }],
  series,
});
const pt = (date: string, value: number) => ({ date, value, sources: ['q'] });
const years = (values: number[]) => values.map((v, i) => pt(String(2010 + i), v));

const trendCases: Array<[string, number[]]> = [
  ['1e308', [1e308, 1]],
  ['MAX_VALUE', [MAX, 2, 3]],
  ['-MAX_VALUE', [-MAX, 2]],
  ['MAX_VALUE and -MAX_VALUE', [MAX, -MAX]],
  ['±1e308', [1e308, -1e308, 0]],
  ['5e-324', [5e-324, 1e-310]],
  ['negative zero', [-0, -0]],
  ['all equal', [7, 7, 7]],
  ['all equal huge', [MAX, MAX]],
  ['all equal negative', [-3, -3]],
  ['a single value', [42]],
  ['a single huge value', [1e308]],
];

describe('extreme values: <trend-chart>', () => {
  for (const scale of ['linear', 'log']) {
    for (const [name, values] of trendCases) {
      it(`${name} (${scale})`, async () => {
        const data = timeseries([{ id: 'a', label: 'Reihe A (erfunden)', points: years(values) }]);
        const el = await widget(html`<trend-chart .data=${data} scale=${scale} style="width:600px"></trend-chart>`);
        const { items } = expectSensible(el, 'g.point', name);
        expect(items, name).to.equal(values.length);
      });
    }
  }

  it('MAX_VALUE and -MAX_VALUE: an axis from -1E308 to 1E308, the two points at top and bottom', async () => {
    const el = await widget(html`<trend-chart .data=${timeseries([{ id: 'a', label: 'Reihe A (erfunden)', points: years([MAX, -MAX]) }])} style="width:600px"></trend-chart>`);
    expectSensible(el, 'g.point', 'MAX');
    const texts = $$(el, 'text').map((t) => t.textContent!.trim());
    expect(texts).to.include.members(['-1E308', '0', '1E308']);
    const [top, bottom] = $$(el, 'g.point circle.hit').map((c) => Number(c.getAttribute('cy')));
    expect(bottom - top).to.be.above(100);
  });

  it('1e-310 on a log axis: decades in exponent notation, not "0"', async () => {
    const el = await widget(html`<trend-chart scale="log" .data=${timeseries([{ id: 'a', label: 'Reihe A (erfunden)', points: years([5e-324, 1e-310]) }])} style="width:600px"></trend-chart>`);
    expectSensible(el, 'g.point', 'log tiny');
    const texts = $$(el, 'text').map((t) => t.textContent!.trim());
    expect(texts).to.include.members(['1E-322', '1E-310']);
    expect(texts).to.not.include('0');
  });

  it('two series, one huge, in English', async () => {
    const data = timeseries([
      { id: 'a', label: 'Series A (made up)', points: years([1e308, MAX]) },
      { id: 'b', label: 'Series B (made up)', points: years([1, 2, 3]) },
    ]);
    const el = await widget(html`<trend-chart lang="en" .data=${data} style="width:600px"></trend-chart>`);
    expectSensible(el, 'g.point', 'two series');
    await expect(el).to.be.accessible();
  });

  it('narrow, huge values', async () => {
    const data = timeseries([{ id: 'a', label: 'Reihe A (erfunden)', points: years([MAX, -MAX, 1]) }]);
    const el = await widget(html`<trend-chart .data=${data} style="width:320px"></trend-chart>`);
    expectSensible(el, 'g.point', 'narrow');
  });

  it('no points at all', async () => {
    const el = await widget(html`<trend-chart .data=${timeseries([{ id: 'a', label: 'Leer (erfunden)', points: [] }])} style="width:600px"></trend-chart>`);
    expectSensible(el, 'g.point', 'no points');
  });
});

/* ------------------------------------------------------------------------------------------------ */

const network = (nodes: unknown[], links: unknown[]) => ({
  kind: 'networks',
  title: 'Testnetz (erfunden)',
  sources: [{ id: 'q', title: 'Testquelle (erfunden)' }],
  nodeKinds: [{ id: 'a', label: 'Art A' }],
  linkKinds: [{ id: 'k', label: 'Kooperation' }],
  networks: [{ id: 'netz', title: 'Testnetz (erfunden)', year: '2020', sources: ['q'], nodes, links }],
});
const node = (id: string, weight?: number) => ({ id, label: `Träger ${id} (erfunden)`, kind: 'a', ...(weight === undefined ? {} : { weight, weightLabel: 'Arbeitsplätze' }) });
const tie = (source: string, target: string, weight?: number) => ({ source, target, kind: 'k', ...(weight === undefined ? {} : { weight }) });

const weightCases: Array<[string, Array<number | undefined>]> = [
  ['one weight 1e308', [1e308, 3, undefined]],
  ['MAX_VALUE twice', [MAX, MAX, 1]],
  ['all MAX_VALUE', [MAX, MAX, MAX]],
  ['weight 0 everywhere', [0, 0, 0]],
  ['weight 0 and huge', [0, MAX, 0]],
  ['5e-324', [5e-324, 0, 5e-324]],
  ['negative zero', [-0, 1, 2]],
  ['a single node, huge', [1e308]],
  ['all equal', [4, 4, 4]],
];

describe('extreme values: <network-graph>', () => {
  for (const [name, weights] of weightCases) {
    it(name, async () => {
      const ids = weights.map((_, i) => `n${i}`);
      const links = ids.slice(1).map((id, i) => tie(ids[i], id, i ? MAX : 1e308));
      const el = await widget(html`<network-graph .data=${network(weights.map((w, i) => node(ids[i], w)), links)} style="width:600px;display:block"></network-graph>`);
      const { items } = expectSensible(el, 'g.node', name);
      expect(items, name).to.equal(weights.length);
    });
  }

  it('huge weights, many nodes (unlabelled), in English', async () => {
    const ns = Array.from({ length: 60 }, (_, i) => node(`n${i}`, i % 3 ? MAX : i));
    const ls = ns.slice(1).map((n, i) => tie(`n${i}`, n.id));
    const el = await widget(html`<network-graph lang="en" static .data=${network(ns, ls)} style="width:600px;display:block"></network-graph>`);
    await new Promise((r) => setTimeout(r, 1500));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expectSensible(el, 'g.node', 'many');
    await expect(el).to.be.accessible();
  });

  it('one huge weight, German, accessible', async () => {
    const el = await widget(html`<network-graph .data=${network([node('a', 1e308), node('b', 2)], [tie('a', 'b')])} style="width:600px;display:block"></network-graph>`);
    expectSensible(el, 'g.node', 'accessible');
    await expect(el).to.be.accessible();
  });
});

/* ------------------------------------------------------------------------------------------------ */

describe('extreme values: scale and format', () => {
  it('a linear scale over the whole range of doubles is finite, with a handful of ticks', () => {
    for (const [a, b] of [[-MAX, MAX], [0, MAX], [-MAX, 0], [5e-324, 5e-324], [-0, 0], [1e308, 1e308], [0, 5e-324]] as Array<[number, number]>) {
      const x = linearScale([a, b], [0, 500], 5);
      expect(x.domain.every(Number.isFinite), `${a}…${b} domain`).to.equal(true);
      expect(x.domain[1] > x.domain[0], `${a}…${b} domain order`).to.equal(true);
      for (const v of [a, b, 0]) expect(Number.isFinite(x(v)), `${a}…${b}: x(${v})`).to.equal(true);
      const ticks = x.ticks(5);
      expect(ticks.length, `${a}…${b} ticks`).to.be.within(2, 12);
      expect(ticks.every(Number.isFinite)).to.equal(true);
    }
  });

  it('node radii stay between r0 and r0 × √6 for any weight; the layout of a box of any size is finite', () => {
    expect(nodeRadius(10, 1e308, 1e308)).to.be.closeTo(10 * Math.sqrt(6), 1e-9);
    expect(nodeRadius(10, MAX, MAX)).to.be.closeTo(10 * Math.sqrt(6), 1e-9);
    expect(nodeRadius(10, 0, MAX)).to.equal(10);
    expect(nodeRadius(10, 0, 0)).to.equal(10);
    expect(nodeRadius(10, 5e-324, 5e-324)).to.be.closeTo(10 * Math.sqrt(6), 1e-9);
    expect(nodeRadius(10, undefined, 5)).to.equal(10);
    expect(nodeRadius(10, 20, 20)).to.equal(10 * Math.sqrt(1 + (5 * 20) / 20));
    const p = layoutNow({ boxes: [{ w: Infinity, h: Infinity, dy: NaN }, { w: 40, h: 30, dy: 5 }], links: [[0, 1]], width: 600 });
    expect(Number.isFinite(p.height) && p.height > 0).to.equal(true);
    expect([...p.x, ...p.y].every(Number.isFinite)).to.equal(true);
  });

  it('log ticks over 632 decades: a few decades, none beyond the doubles', () => {
    const t = logTicks(5e-324, MAX, 12);
    expect(t.length).to.be.within(2, 12);
    expect(t.every((v) => v > 0 && Number.isFinite(v))).to.equal(true);
    expect(logTicks(2000, 5000)).to.deep.equal([2000, 3000, 4000, 5000]);
    expect(logTicks(500, 20000)).to.deep.equal([500, 1000, 2000, 5000, 10000, 20000]);
    expect(tickDecimals(0)).to.equal(0);
    expect(tickDecimals(0.5)).to.equal(1);
    expect(tickDecimals(1e-300)).to.equal(20);
  });

  it('formats huge and tiny numbers compactly, never "Infinity"', () => {
    expect(formatNumber(1e308, 'de')).to.equal('1E308');
    expect(formatNumber(MAX, 'de')).to.equal('1,8E308');
    expect(formatNumber(MAX, 'en')).to.equal('1.8E308');
    expect(formatValue(-MAX, 'de', 'de', { unit: '%' })).to.equal('-1,8E308\u00a0%');
    expect(formatValue(-MAX, 'en', 'en', { unit: '%', decimals: 1 })).to.equal('-1.8E308%');
    expect(formatValue(1e308, 'de', 'de', { unit: 'Personen' })).to.equal('1E308\u00a0Personen');
    expect(formatNumber(9.999e20, 'de')).to.equal('1E21');
    expect(formatNumber(1e-322, 'de', 8)).to.equal('1E-322');
    expect(formatNumber(0, 'de', 8)).to.equal('0');
    // Other locales: Intl's scientific notation.
    expect(formatNumber(MAX, 'fr')).to.equal(new Intl.NumberFormat('fr', { notation: 'scientific', maximumFractionDigits: 2 }).format(MAX));
    expect(formatNumber(Infinity, 'de')).to.equal('–');
    expect(formatNumber(NaN, 'en')).to.equal('–');
    expect(formatNumber(5e-324, 'de')).to.equal('0');
    expect(formatNumber(-0, 'de')).to.equal('0');
    expect(formatNumber(1234567, 'de')).to.equal('1.234.567');
  });
});

describe('extreme values: not numbers at all', () => {
  it('NaN through the data property is named (German and English); ±Infinity never reaches the page', async () => {
    const de = await widget(html`<indicator-bar .data=${indicator([NaN, 3], { unit: '%' })} style="width:600px"></indicator-bar>`);
    expect(expectSensible(de, 'g.item', 'NaN').message).to.contain("values[0].value");
    const en = await widget(html`<indicator-bar lang="en" .data=${indicator([NaN, 3], { unit: '%' })} style="width:600px"></indicator-bar>`);
    expect(expectSensible(en, 'g.item', 'NaN, English').message).to.match(/values\[0\]\.value.*number/);
    // JSON cannot hold Infinity; the data property can (the schema lets it through, see the report).
    for (const values of [[Infinity, 3], [-Infinity, 3]]) {
      const el = await widget(html`<indicator-bar .data=${indicator(values, { unit: '%' })} style="width:600px"></indicator-bar>`);
      expectSensible(el, 'g.item', String(values));
    }
  });

  it('a number of 400 digits in a table is named as not a number, the other rows are drawn', async () => {
    const el = await widget(html`<indicator-bar source="Testtabelle (erfundene Werte)" style="width:600px">
      <table>
        <tr><th>Sozialraum</th><th>Wert (erfunden)</th></tr>
        <tr><td>Hafen</td><td>${'9'.repeat(400)}</td></tr>
        <tr><td>Nette</td><td>12</td></tr>
      </table>
    </indicator-bar>`);
    const { message } = expectSensible(el, 'g.item', 'table');
    expect(message).to.contain('Zeile 1, Spalte 2');
    expect($$(el, 'g.item').map((g) => g.getAttribute('aria-label'))).to.include('Nette: 12 (Rang 1 von 1)');
    await expect(el).to.be.accessible();
  });
});
