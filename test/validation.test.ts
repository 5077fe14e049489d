import { expect, fixture, html } from '@open-wc/testing';
import '../src/indicator-bar/indicator-bar.js';
import '../src/milestone-timeline/milestone-timeline.js';
import '../src/network-graph/network-graph.js';
import '../src/sozialraum-map/sozialraum-map.js';
import '../src/trend-chart/trend-chart.js';
import { mapAttributeProblems, numberAttr, oneOfAttr } from '../src/core/attributes.js';
import type { LoadState } from '../src/core/data-controller.js';
import { problemText, type Problem } from '../src/core/problems.js';
import { dropBadSourceLinks } from '../src/core/schema.js';
import { stepByProblems } from '../src/milestone-timeline/model.js';
import { buildGraph } from '../src/network-graph/model.js';
import { $, $$, alertText, settled, shadow, statusText, widget } from './helpers.js';

/**
 * Findings of the security test ("Proof for city IT"): network files validated against their schema
 * field by field, every bad attribute value named, one rule for source links that are not web
 * addresses (dropped with a warning, the chart drawn), and the reasons when no point of a series is valid.
 * All data here is made up (never shipped).
 */

const texts = (problems: Problem[], lang: 'de' | 'en' = 'de') => problems.map((p) => problemText(p, lang));
const links = (el: Element) => $$(el, 'figcaption a, .all-sources a, a[href]').map((a) => a.getAttribute('href') ?? '');
const ready = (raw: unknown): LoadState => ({ status: 'ready', origin: 'inline', raw }) as unknown as LoadState;

const network = (nodes: unknown[], links: unknown[], extra: Record<string, unknown> = {}, file: Record<string, unknown> = {}) => ({
  kind: 'networks',
  title: 'Testnetz (erfunden)',
  sources: [{ id: 'q', title: 'Testquelle' }],
  nodeKinds: [{ id: 'a', label: 'Art A' }],
  linkKinds: [{ id: 'k', label: 'Kooperation' }],
  networks: [{ id: 'netz', title: 'Testnetz', year: '2020', sources: ['q'], nodes, links, ...extra }],
  ...file,
});
const node = (id: string, extra: Record<string, unknown> = {}) => ({ id, label: id.toUpperCase(), kind: 'a', ...extra });
const tie = (source: string, target: string, extra: Record<string, unknown> = {}) => ({ source, target, kind: 'k', ...extra });

describe('network files are validated against their schema (finding 5)', () => {
  it('names bad weights and a bad "directed" per field, and draws the nodes and links without them', async () => {
    const data = network([node('a', { weight: '20' }), node('b', { weight: -1 }), node('c')], [tie('a', 'b', { directed: 'yes' }), tie('b', 'c', { weight: 'viel' })]);
    const el = await widget(html`<network-graph .data=${data} style="width:600px"></network-graph>`);
    expect($$(el, 'g.node')).to.have.length(3);
    expect($$(el, 'path.link, line.link, .link').length).to.be.greaterThan(0);
    const status = statusText(el);
    expect(status).to.contain("Feld 'networks[0].nodes[0].weight' muss eine Zahl sein.");
    expect(status).to.contain("Feld 'networks[0].nodes[1].weight' muss mindestens 0 sein.");
    expect(status).to.contain("Feld 'networks[0].links[0].directed' muss true oder false sein.");
    expect(status).to.contain("Feld 'networks[0].links[1].weight' muss eine Zahl sein.");
    // Drawn without the bad field: the link is undirected, the node has no size.
    const { model } = buildGraph(ready(data), { lang: 'de' });
    expect(model!.links[0].directed).to.equal(false);
    expect(model!.nodes[0].weight).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('leaves out a node whose kind is unusable, naming the field and the node', () => {
    const { model, problems } = buildGraph(ready(network([node('a'), node('b', { kind: 5 }), node('c')], [tie('a', 'c'), tie('a', 'b')])), { lang: 'de' });
    expect(model!.nodes.map((n) => n.id)).to.deep.equal(['a', 'c']);
    expect(problems.every((p) => p.severity === 'warning')).to.equal(true);
    expect(texts(problems)).to.include("Feld 'networks[0].nodes[1].kind' muss ein Text sein.");
    expect(texts(problems)).to.include('Nicht gezeigt wegen fehlerhafter Angaben: networks[0].nodes[1] („b“).');
    expect(texts(problems, 'en')).to.include("Field 'networks[0].nodes[1].kind' must be a text.");
  });

  it('fails like the other elements on a bad field of the network or the file: title 5 is an error naming the field', async () => {
    const el = await widget(html`<network-graph .data=${network([node('a'), node('b')], [tie('a', 'b')], { title: 5 })}><p>Ersatz</p></network-graph>`);
    expect(alertText(el)).to.contain("Feld 'networks[0].title' muss ein Text oder ein Objekt");
    expect(shadow(el).querySelector('slot')).to.not.equal(null);
    const file = buildGraph(ready(network([node('a'), node('b')], [tie('a', 'b')], {}, { title: 5 })), { lang: 'en' });
    expect(file.model).to.equal(undefined);
    expect(texts(file.problems, 'en')[0]).to.match(/^Field 'title' must be a text/);
    const order = buildGraph(ready(network([node('a'), node('b')], [tie('a', 'b')], { year: '2020', until: '2019' })), { lang: 'de' });
    expect(texts(order.problems)).to.include("Feld 'networks[0].until': Das Ende (2019) liegt vor dem Beginn (2020).");
  });

  it('checks a single network object too, and names an unknown field as a possible typo', () => {
    const { model, problems } = buildGraph(ready({ title: 'Inline', nodes: [node('a', { wieght: 3 }), node('b')], links: [tie('a', 'b')] }), { lang: 'de' });
    expect(model!.nodes).to.have.length(2);
    expect(texts(problems)).to.include("Feld 'nodes[0].wieght' ist unbekannt (Tippfehler?).");
  });

  it('the project file passes without a word', () => {
    // The same check on the data that ships (fetched synchronously is not possible: the file is checked in the node tests).
    const { problems } = buildGraph(ready(network([node('a', { weight: 3, weightLabel: 'Stellen' }), node('b')], [tie('a', 'b', { directed: true, weight: 2 })])), { lang: 'de' });
    expect(problems).to.deep.equal([]);
  });
});

describe('invalid attribute values are named (finding 6)', () => {
  const bars = { title: 'Test (erfunden)', level: 'category', source: { title: 'Q' }, values: [{ label: 'A', value: 3 }, { label: 'B', value: 1 }, { label: 'C', value: 2 }] };

  it('<indicator-bar>: sort="bogus" and top="-3" are named with their value; the chart is drawn with the defaults', async () => {
    const el = await widget(html`<indicator-bar .data=${bars} sort="bogus" top="-3" style="width:500px"></indicator-bar>`);
    const status = statusText(el);
    expect(status).to.contain('Attribut „sort“: „bogus“ wird nicht angewendet; möglich sind: desc, asc, name, none.');
    expect(status).to.contain('Attribut „top“: „-3“ wird nicht angewendet; erwartet: eine Zahl ab 1.');
    expect($$(el, 'g.bar, .bar').length).to.be.greaterThan(0);
    const en = await widget(html`<indicator-bar lang="en" .data=${bars} sort="Name" top="2" style="width:500px"></indicator-bar>`);
    expect(statusText(en)).to.not.contain('Attribute');
  });

  it('<sozialraum-map> attributes: breaks, classes, classify, palette, show-aktionsraeume, step-by', () => {
    expect(texts(mapAttributeProblems({ breaks: 'a,,;;', classes: 0 }))).to.deep.equal([
      'Attribut „breaks“: „a,,;;“ wird nicht angewendet; erwartet: Zahlen wie „10, 20, 30“ oder „35; 39,5“.',
      'Attribut „classes“: „0“ wird nicht angewendet; erwartet: eine ganze Zahl von 1 bis 9.',
    ]);
    // Only the parts that are no numbers are named; the numbers are used.
    expect(texts(mapAttributeProblems({ breaks: '10; x; 39,5' }))).to.deep.equal(['Attribut „breaks“: „x“ wird nicht angewendet; erwartet: Zahlen wie „10, 20, 30“ oder „35; 39,5“.']);
    expect(texts(mapAttributeProblems({ classify: 'jenks', palette: 'rainbow', showAktionsraeume: '2015', stepBy: 'bogus', classes: '12' }), 'en')).to.deep.equal([
      'Attribute “classes”: “12” is not applied; expected: a whole number from 1 to 9.',
      'Attribute “classify”: “jenks” is not applied; possible values: quantile, equal.',
      'Attribute “palette”: “rainbow” is not applied; possible values: sequential, diverging.',
      'Attribute “show-aktionsraeume”: “2015” is not applied; possible values: 2021, 2008.',
      'Attribute “step-by”: “bogus” is not applied; possible values: class, highlight.',
    ]);
    // Valid values (and absent ones, and the bare show-aktionsraeume) say nothing.
    expect(mapAttributeProblems({ breaks: '35; 39,5', classes: 4, classify: 'Equal', palette: 'diverging', showAktionsraeume: '', stepBy: 'class' })).to.deep.equal([]);
    expect(mapAttributeProblems({ breaks: '10,20,30', classes: null, showAktionsraeume: null })).to.deep.equal([]);
  });

  it('<network-graph>: layout and step-by name their value', async () => {
    const el = await widget(html`<network-graph layout="kreis" .data=${network([node('a'), node('b')], [tie('a', 'b')])} style="width:500px"></network-graph>`);
    expect(statusText(el)).to.contain('Attribut „layout“: „kreis“ wird nicht angewendet; möglich sind: force, radial.');
    const { problems } = buildGraph(ready(network([node('a'), node('b')], [tie('a', 'b')])), { stepBy: 'art', lang: 'de' });
    expect(texts(problems)).to.deep.equal(['Attribut „step-by“: „art“ wird nicht angewendet; möglich sind: ring, kind.']);
  });

  it('<milestone-timeline>: step-by; and the helpers', () => {
    expect(texts(stepByProblems('monat'))).to.deep.equal(['Attribut „step-by“: „monat“ wird nicht angewendet; möglich sind: milestone, year.']);
    expect(stepByProblems('Jahr')).to.deep.equal([]);
    const problems: Problem[] = [];
    expect(oneOfAttr('x', ' A ', ['a'], problems)).to.equal(true);
    expect(numberAttr('top', NaN, problems, { min: 1, expected: 'attr_countFrom1' })).to.equal(false);
    expect(numberAttr('top', '2', problems, { min: 1, expected: 'attr_countFrom1' })).to.equal(true);
    expect(problems).to.have.length(1);
  });
});

describe('source links that are not web addresses: dropped with a warning, the chart drawn (finding 7)', () => {
  const BAD = 'javascript:alert(document.domain)';
  const indicator = (source: unknown) => ({ title: 'Test (erfunden)', level: 'sozialraum', source, values: [{ area: 'Nordmarkt', value: 3 }, { area: 'Hafen', value: 1 }, { area: 'Borsigplatz', value: 2 }] });

  it('dropBadSourceLinks removes url and viaUrl of sources only, names field, source and value, and leaves the input alone', () => {
    const raw = { sources: [{ id: 'q', title: 'Quelle Q', url: 'ftp://example.org/x', viaUrl: 'https://example.org/' }, { id: 'r', title: 'R', url: 'data:text/html,<script>alert(1)</script>' }], series: [{ sources: ['q'] }], url: 'javascript:void 0' };
    const { value, problems } = dropBadSourceLinks(raw);
    expect(texts(problems)).to.deep.equal([
      "Feld 'sources[0].url' der Quelle „Quelle Q“: „ftp://example.org/x“ ist keine Adresse, die mit http:// oder https:// beginnt; die Quelle wird ohne Link gezeigt.",
      "Feld 'sources[1].url' der Quelle „R“: „data:text/html,<script>alert(1)</script>“ ist keine Adresse, die mit http:// oder https:// beginnt; die Quelle wird ohne Link gezeigt.",
    ]);
    expect(texts(problems, 'en')[0]).to.equal("Field 'sources[0].url' of the source “Quelle Q”: “ftp://example.org/x” is not an address starting with http:// or https://; the source is shown without a link.");
    const out = value as typeof raw;
    expect(out.sources[0]).to.deep.equal({ id: 'q', title: 'Quelle Q', viaUrl: 'https://example.org/' });
    // Not a source: left to the schema. The input is unchanged.
    expect(out.url).to.equal('javascript:void 0');
    expect(raw.sources[0].url).to.equal('ftp://example.org/x');
    expect(dropBadSourceLinks(raw.series).value).to.equal(raw.series);
  });

  it('<indicator-bar> draws, warns and shows the source without a link', async () => {
    const el = await widget(html`<indicator-bar .data=${indicator({ title: 'Quelle mit Skript', url: BAD })} style="width:500px"></indicator-bar>`);
    expect(alertText(el)).to.equal('');
    expect(statusText(el)).to.contain(`Feld 'source.url' der Quelle „Quelle mit Skript“: „${BAD}“ ist keine Adresse`);
    expect(shadow(el).querySelector('figcaption')!.textContent).to.contain('Quelle mit Skript');
    expect(links(el).filter((h) => !/^https?:/.test(h))).to.deep.equal([]);
  });

  it('<sozialraum-map> the same', async () => {
    const el = await widget(html`<sozialraum-map .data=${indicator([{ title: 'Gute Quelle', url: 'https://example.org/' }, { title: 'Datenquelle', viaUrl: 'data:text/html,x' }])} style="width:500px"></sozialraum-map>`);
    expect(alertText(el)).to.equal('');
    expect(statusText(el)).to.contain("Feld 'source[1].viaUrl' der Quelle „Datenquelle“: „data:text/html,x“");
    expect(links(el)).to.deep.equal(['https://example.org/']);
  });

  it('<trend-chart> the same', async () => {
    const data = { kind: 'timeseries', title: 'Test (erfunden)', sources: [{ id: 'q', title: 'Testquelle', url: 'ftp://example.org/daten.csv' }], series: [{ id: 'a', label: 'A', points: [{ date: '2020', value: 1, sources: ['q'] }, { date: '2021', value: 2, sources: ['q'] }] }] };
    const el = await widget(html`<trend-chart .data=${data} style="width:500px"></trend-chart>`);
    expect(alertText(el)).to.equal('');
    expect(statusText(el)).to.contain("Feld 'sources[0].url' der Quelle „Testquelle“: „ftp://example.org/daten.csv“");
    expect($$(el, 'g.point')).to.have.length(2);
    expect(links(el)).to.deep.equal([]);
  });

  it('<milestone-timeline> keeps the source (as text) and names the link', async () => {
    const data = {
      kind: 'milestones',
      title: 'Test (erfunden)',
      categories: [{ id: 'c', label: 'Kategorie' }],
      sources: [{ id: 'q', title: 'Testquelle', url: BAD }],
      milestones: [{ id: 'm', title: 'Ereignis', date: { start: '2020' }, category: 'c', sources: ['q'] }],
    };
    const el = await widget(html`<milestone-timeline .data=${data} style="width:600px"></milestone-timeline>`, 'ol');
    const status = statusText(el);
    expect(status).to.contain(`Feld 'sources[0].url' der Quelle „Testquelle“: „${BAD}“`);
    // Not "unknown source": the source itself is still there.
    expect(status).to.not.contain('fehlen in der Liste');
    expect(links(el).filter((h) => !/^https?:/.test(h))).to.deep.equal([]);
  });

  it('<network-graph> the same', async () => {
    const data = network([node('a'), node('b')], [tie('a', 'b')], {}, { sources: [{ id: 'q', title: 'Testquelle', url: 'javascript:x' }] });
    const el = await widget(html`<network-graph .data=${data} style="width:500px"></network-graph>`);
    expect(alertText(el)).to.equal('');
    expect(statusText(el)).to.contain("Feld 'sources[0].url' der Quelle „Testquelle“: „javascript:x“");
    expect(links(el)).to.deep.equal([]);
  });
});

describe('a trend chart without any valid point names the points\' reasons (finding 8)', () => {
  it('lists the invalid dates and values with their fields as errors', async () => {
    const data = {
      kind: 'timeseries',
      title: 'Test (erfunden)',
      sources: [{ id: 'q', title: 'Testquelle' }],
      series: [{ id: 'a', label: 'A', points: [{ date: '2020-13', value: 1, sources: ['q'] }, { date: '2021', value: '2', sources: ['q'] }, { date: '2022', sources: ['q'] }] }],
    };
    const el = await fixture(html`<trend-chart .data=${data}><p>Ersatz</p></trend-chart>`);
    await settled(el);
    const alert = alertText(el);
    expect(alert).to.contain('Keine Reihe enthält einen gültigen Wert (3 ungültige Werte):');
    expect(alert).to.contain("Feld 'series[0].points[0].date' muss ein Datum");
    expect(alert).to.contain("Feld 'series[0].points[1].value' muss eine Zahl sein.");
    expect(alert).to.contain("Feld 'series[0].points[2].value' fehlt.");
    expect(alert).to.not.contain("Feld 'series' darf nicht leer sein.");
  });

  it('names a series whose points are all invalid when others are drawn', async () => {
    const data = {
      kind: 'timeseries',
      title: 'Test (erfunden)',
      sources: [{ id: 'q', title: 'Testquelle' }],
      series: [
        { id: 'a', label: 'Gut', points: [{ date: '2020', value: 1, sources: ['q'] }] },
        { id: 'b', label: 'Kaputt', points: [{ date: 'bald', value: 1, sources: ['q'] }] },
      ],
    };
    const el = await widget(html`<trend-chart .data=${data} style="width:500px"></trend-chart>`);
    expect(statusText(el)).to.contain('Die Reihe „Kaputt“ enthält keinen gültigen Wert und wird nicht gezeigt.');
    expect($(el, 'svg')).to.not.equal(null);
  });
});

describe('±Infinity handed over through the data property is refused like text, never drawn as 1E308', () => {
  const bars = {
    kind: 'indicators',
    indicators: [{ id: 'x', title: 'Test (erfunden)', mode: 'value', level: 'sozialraum', unit: '%', source: { title: 'Testquelle' },
      values: [{ area: 'Hafen', value: Infinity }, { area: 'Nordmarkt', value: 3 }], references: [{ label: 'R', value: -Infinity }] }],
  };
  it('<indicator-bar> names both fields; no axis of E308 numbers', async () => {
    const el = await fixture(html`<indicator-bar .data=${bars}><p>Ersatz</p></indicator-bar>`);
    await settled(el);
    const alert = alertText(el);
    expect(alert).to.contain("Feld 'indicators[0].values[0].value' muss eine Zahl oder null (keine Angabe) sein.");
    expect(alert).to.contain("Feld 'indicators[0].references[0].value' muss eine Zahl sein.");
    expect(shadow(el).textContent).not.to.match(/E308|Infinity|∞/);
  });

  it('<trend-chart> names the point and draws the others; a network weight of Infinity is named', async () => {
    const data = {
      kind: 'timeseries',
      title: 'Test (erfunden)',
      sources: [{ id: 'q', title: 'Testquelle' }],
      series: [{ id: 'a', label: 'A', points: [{ date: '2020', value: Infinity, sources: ['q'] }, { date: '2021', value: 2, sources: ['q'] }, { date: '2022', value: 3, sources: ['q'] }] }],
    };
    const el = await widget(html`<trend-chart .data=${data} style="width:500px"></trend-chart>`);
    expect(statusText(el)).to.contain("Feld 'series[0].points[0].value' muss eine Zahl sein.");
    expect(shadow(el).textContent).not.to.match(/E308|Infinity|∞/);
    const net = await widget(html`<network-graph .data=${network([node('a', { weight: Infinity }), node('b')], [tie('a', 'b')])} style="width:500px"></network-graph>`);
    expect(statusText(net)).to.contain("Feld 'networks[0].nodes[0].weight' muss eine Zahl sein.");
  });
});
