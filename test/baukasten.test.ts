import { expect, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { decimalMark, parseDelimited, readDate, readNumber, readPasted, readPeriod, scriptJson, snippets, tableHtml } from '../demo/baukasten.js';
import { $, settled, text } from './helpers.js';

/**
 * The builder, demo/baukasten.html, as an editor uses it: the page in a same-origin iframe (the widgets
 * there are the built single file, dist/, as the page loads them). For every element a shipped file and
 * pasted tables (tab-separated text, a table from the clipboard's HTML, CSV with ; and ,), the options
 * the data allows, the widgets' own messages, the three snippets — each pasted into a fresh page must
 * draw the same chart (same title, same values) —, copying, both languages, axe on the whole page.
 * Tables with made-up numbers are made up here and say so ("erfunden").
 */

interface Builder {
  state: { tag: string; from: string; opts: Record<string, unknown>; lang: string };
  snippets(): Promise<{ element: string; inline: string; src?: string; iframe?: string } | undefined>;
  idle(): Promise<void>;
}
type Widget = HTMLElement & { updateComplete: Promise<unknown>; shadowRoot: ShadowRoot };

let frame: HTMLIFrameElement | undefined;
let win: Window & typeof globalThis;
let doc: Document;
let bk: Builder;

/** Open the builder (a fresh page) at 1400 px, wait until it has drawn its first preview. */
async function open(query = ''): Promise<void> {
  frame?.remove();
  frame = document.createElement('iframe');
  Object.assign(frame.style, { width: '1400px', height: '1000px' });
  const loaded = new Promise((resolve) => (frame!.onload = resolve));
  frame.src = `/demo/baukasten.html${query}`;
  document.body.append(frame);
  await loaded;
  win = frame.contentWindow as Window & typeof globalThis;
  doc = frame.contentDocument!;
  await waitUntil(() => (doc.getElementById('baukasten') as unknown as { baukasten?: Builder }).baukasten, 'the builder started', { timeout: 10000 });
  bk = (doc.getElementById('baukasten') as unknown as { baukasten: Builder }).baukasten;
  await bk.idle();
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const el = doc.getElementById(id) as T | null;
  if (!el) throw new Error(`#${id} is not on the page`);
  return el;
};

/** Click a control (radio, checkbox, button) and wait until the builder has redrawn. */
async function click(id: string): Promise<void> {
  byId(id).click();
  await bk.idle();
}

async function choose(id: string, value: string): Promise<void> {
  const select = byId<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new win.Event('change', { bubbles: true }));
  await bk.idle();
}

async function type(id: string, value: string): Promise<void> {
  const input = byId<HTMLInputElement>(id);
  input.value = value;
  input.dispatchEvent(new win.Event('input', { bubbles: true }));
  await bk.idle();
}

/** Paste as from a spreadsheet or web page: the clipboard holds the table as HTML and as text. */
async function pasteHtml(html: string, plain: string): Promise<void> {
  const area = byId<HTMLTextAreaElement>('bk-paste');
  const data = new win.DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', plain);
  const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  area.dispatchEvent(event);
  if (!event.defaultPrevented) {
    area.value = plain;
    area.dispatchEvent(new win.Event('input', { bubbles: true }));
  }
  await bk.idle();
}

/** Choose an element and the data source (file or paste). */
async function element(tag: string, from: 'file' | 'paste' = 'file'): Promise<void> {
  await click(`bk-el-${tag}`);
  if (from === 'paste' || bk.state.from !== from) await click(`bk-from-${from}`);
}

const preview = () => doc.querySelector<Widget>('#bk-stage-inner > *')!;
const checks = () => Array.from(doc.querySelectorAll('#bk-check-list li')).map((li) => text(li));
const code = (key: 'inline' | 'src' | 'iframe') => byId<HTMLTextAreaElement>(`bk-code-${key}-text`).value;
const drawnSelector = (tag: string) => (tag === 'milestone-timeline' ? 'ol' : tag === 'key-figure' ? '.kf' : 'svg');

/** What a reader sees of a widget's data: its title and the rows of its data table ("Tabelle anzeigen"). */
async function facts(el: Widget): Promise<{ title: string; rows: string[][] }> {
  await settled(el, 8000, drawnSelector(el.localName));
  const root = el.shadowRoot;
  if (!root.querySelector('.table-wrap table')) {
    root.querySelector<HTMLElement>('.actions button')?.click();
    await el.updateComplete;
  }
  const rows = Array.from(root.querySelectorAll('.table-wrap tbody tr')).map((tr) => Array.from(tr.children).map((c) => text(c)));
  return { title: text(root.querySelector('.title')), rows };
}

/** The words the widget itself shows in its message boxes. */
const widgetWords = (el: Widget) => Array.from(el.shadowRoot.querySelectorAll('[part="message"] li')).map((li) => text(li));

const pages: HTMLIFrameElement[] = [];
/** Paste a snippet into a fresh page (as an editor into a CMS block) and return its widget, drawn. */
async function pasted(snippet: string, tag: string, lang = 'de'): Promise<Widget> {
  const page = document.createElement('iframe');
  Object.assign(page.style, { width: '780px', height: '900px' });
  page.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>CMS</title></head><body><main>${snippet}</main></body></html>`;
  document.body.append(page);
  pages.push(page);
  await waitUntil(() => page.contentDocument?.querySelector(tag)?.shadowRoot, `the pasted <${tag}> was upgraded`, { timeout: 10000 });
  const el = page.contentDocument!.querySelector<Widget>(tag)!;
  await settled(el, 8000, drawnSelector(tag));
  return el;
}

/** The preview and the snippet pasted elsewhere show the same chart. */
async function sameChart(snippet: string, tag: string): Promise<void> {
  const shown = await facts(preview());
  const again = await facts(await pasted(snippet, tag));
  expect(shown.title, 'a title').to.not.equal('');
  expect(again.title, `title of the pasted <${tag}>`).to.equal(shown.title);
  expect(again.rows, `values of the pasted <${tag}>`).to.deep.equal(shown.rows);
}

afterEach(() => {
  for (const page of pages.splice(0)) page.remove();
});
after(() => frame?.remove());

describe('baukasten: reading pasted tables (pure parts)', () => {
  it('reads CSV and tab-separated text: separator from the first line, quotes, doubled quotes, CRLF, BOM', () => {
    expect(parseDelimited('\uFEFFA;B\r\nx;"1;2"\r\n"say ""hi""";3\r\n\r\n')).to.deep.equal({ sep: ';', rows: [['A', 'B'], ['x', '1;2'], ['say "hi"', '3']] });
    expect(parseDelimited('Name,Wert\n"Nordmarkt","39,9"\n').rows).to.deep.equal([['Name', 'Wert'], ['Nordmarkt', '39,9']]);
    expect(parseDelimited('a\tb, c;d\n1\t2').sep).to.equal('\t');
    expect(parseDelimited('"two\nlines";x\n1;2').rows[0]).to.deep.equal(['two lines', 'x']);
    expect(parseDelimited('').rows).to.deep.equal([]);
  });

  it('reads German and English numbers, the decimal mark from the cells that show it', () => {
    expect(decimalMark(['39,9', '12.040'])).to.equal(',');
    expect(decimalMark(['1,234.5', '7'])).to.equal('.');
    expect(decimalMark(['12.040', '1.000'])).to.equal(undefined);
    expect(readNumber('39,9 %', ',')).to.equal(39.9);
    expect(readNumber('12.040', ',')).to.equal(12040);
    expect(readNumber('1,234.5', '.')).to.equal(1234.5);
    expect(readNumber('−3', ',')).to.equal(-3);
    expect(readNumber('abc', ',')).to.equal(undefined);
    expect(readNumber('1.2.3,4', ',')).to.equal(undefined);
  });

  it('reads dates and periods as the widgets take them, real days only', () => {
    expect(['2014', '2014-8', '31.08.2014', '08/2014', '08.2014', '2021-02-30', '2014-13', 'irgendwann'].map(readDate)).to.deep.equal([
      '2014',
      '2014-08',
      '2014-08-31',
      '2014-08',
      '2014-08',
      undefined,
      undefined,
      undefined,
    ]);
    expect(readPeriod('2012–2014').date).to.deep.equal({ start: '2012', end: '2014' });
    expect(readPeriod('01.2012 – 12.2014').date).to.deep.equal({ start: '2012-01', end: '2014-12' });
    expect(readPeriod('seit 2014').date).to.deep.equal({ since: true, start: '2014' });
    expect(readPeriod('ca. 2011').date).to.deep.equal({ approximate: true, start: '2011' });
    expect(readPeriod('bald').ok).to.equal(false);
  });

  it('keeps made-up tables from breaking out of the snippet: text escaped, JSON safe inside <script>', () => {
    const html = tableHtml(['Name', 'Wert'], [['<img src=x onerror=alert(1)>', '1']], 'A & B', '');
    const t = new DOMParser().parseFromString(html, 'text/html');
    expect(t.querySelector('img')).to.equal(null);
    expect(t.querySelector('tbody th')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(t.querySelector('caption')!.textContent).to.equal('A & B');
    const json = scriptJson({ title: '</script><script>alert(1)</script>' });
    expect(json).to.not.contain('</');
    expect(JSON.parse(json).title).to.equal('</script><script>alert(1)</script>');
  });

  // The JSON the builder makes when an (older) widget file cannot read tables: valid data for the widget itself.
  for (const [tag, kind, rows, extra] of [
    ['trend-chart', 'trend', [['Jahr', 'Reihe A (erfunden)'], ['2012', '1.200'], ['31.12.2014', '2.400,5'], ['2016', '–']], {}],
    ['milestone-timeline', 'timeline', [['Datum', 'Titel', 'Kategorie'], ['2012–2014', 'Projekt (erfunden)', 'Bildung'], ['seit 2015', 'Noch eins', '']], {}],
    ['network-graph', 'network', [['Von', 'Nach', 'Art'], ['Stadt', 'Träger (erfunden)', 'Kooperation'], ['Träger (erfunden)', 'Verein', '']], { stichtag: '2022' }],
  ] as const) {
    it(`turns a pasted ${kind} table into data <${tag}> draws without a message`, async () => {
      const read = readPasted(rows.map((r) => [...r]), kind, { lang: 'de', source: 'Testquelle (erfunden)', ...extra });
      const el = document.createElement(tag) as Widget;
      el.style.width = '700px';
      (el as unknown as { data: unknown }).data = read.data;
      document.body.append(el);
      try {
        await settled(el, 5000, drawnSelector(tag));
        expect(widgetWords(el), `<${tag}> messages`).to.deep.equal([]);
        if (tag === 'trend-chart') expect((read.data as { series: Array<{ points: unknown[] }> }).series[0].points).to.have.length(2, 'the "–" is a gap, not a zero');
      } finally {
        el.remove();
      }
    });
  }

  it('writes the three snippets from one configuration, with absolute addresses on the given host', () => {
    const out = snippets(
      { tag: 'indicator-bar', attrs: [['highlight', 'Nordmarkt, Hafen'], ['presentation', true]], title: 'T "x"', lang: 'de', inline: { json: { a: 1 } }, file: 'indicators/a.json', pick: ['indicator', 'i'] },
      'https://www.example.org/widgets/',
    );
    expect(out.inline).to.contain('<script src="https://www.example.org/widgets/dist/sozialraum-widgets.js" defer></script>');
    expect(out.inline).to.contain('<indicator-bar highlight="Nordmarkt, Hafen" presentation>');
    expect(out.src).to.contain('src="https://www.example.org/widgets/data/indicators/a.json" indicator="i"');
    const iframe = new DOMParser().parseFromString(out.iframe!, 'text/html').querySelector('iframe')!;
    const url = new URL(iframe.getAttribute('src')!);
    expect(url.href.startsWith('https://www.example.org/widgets/dist/embed.html?')).to.equal(true);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      el: 'indicator-bar',
      src: 'https://www.example.org/widgets/data/indicators/a.json',
      indicator: 'i',
      highlight: 'Nordmarkt, Hafen',
      presentation: '',
    });
    expect(iframe.getAttribute('title')).to.equal('T "x"');
    expect(out.iframe).to.contain("e.origin !== 'https://www.example.org'");
    expect(out.iframe).to.contain("e.data.type !== 'srw-embed-height'");
  });
});

describe('baukasten: the page', function () {
  this.timeout(60000);

  before(async () => {
    await open();
  });

  it('is German by default, offers every element, shows the first with a shipped file and no message', async () => {
    expect(doc.documentElement.lang).to.equal('de');
    expect(doc.querySelector('.bk-boot')!.checkVisibility(), 'the loading line is gone').to.equal(false);
    expect(text(doc.querySelector('#bk-step-element legend'))).to.equal('1. Element wählen');
    const offered = Array.from(doc.querySelectorAll<HTMLInputElement>('input[name="bk-element"]')).map((i) => i.value);
    expect(offered.slice(0, 5)).to.deep.equal(['indicator-bar', 'sozialraum-map', 'trend-chart', 'milestone-timeline', 'network-graph']);
    // The sixth element is offered exactly when the page defines it.
    expect(offered.includes('key-figure')).to.equal(!!win.customElements.get('key-figure'));
    expect(preview().localName).to.equal('indicator-bar');
    expect(checks()).to.deep.equal(['Keine Meldungen: Das Diagramm wird so gezeigt.']);
    expect(code('inline')).to.match(/^<script src="http:\/\/[^"]+\/dist\/sozialraum-widgets\.js" defer><\/script>\n<indicator-bar>/);
  });

  it('bars: indicator from a file, highlight offered from the data, sort, top, steps; snippets A and B draw the same chart', async () => {
    await element('indicator-bar');
    await choose('bk-file', 'indicators/sgb2-arbeitslosigkeit.json');
    await choose('bk-pick', 'sgb2-quote-2020-12');
    const names = Array.from(doc.querySelectorAll('#bk-opt-highlight label')).map((l) => text(l));
    expect(names).to.have.members(['Nordmarkt', 'Borsigplatz', 'Hafen']);
    doc.querySelector<HTMLInputElement>('#bk-opt-highlight input[value="Nordmarkt"]')!.click();
    await bk.idle();
    await choose('bk-opt-sort', 'asc');
    expect(byId<HTMLInputElement>('bk-opt-top').max).to.equal('2');
    expect(doc.getElementById('bk-opt-bar-step-by'), 'step-by only with steps').to.equal(null);
    await click('bk-opt-steps');
    expect(doc.getElementById('bk-opt-bar-step-by')).to.exist;
    await click('bk-opt-steps');
    expect(code('inline')).to.contain('<indicator-bar highlight="Nordmarkt" sort="asc">');
    expect(code('src')).to.match(/<indicator-bar src="http:\/\/[^"]+\/data\/indicators\/sgb2-arbeitslosigkeit\.json" indicator="sgb2-quote-2020-12" highlight="Nordmarkt" sort="asc">/);
    const el = preview();
    await settled(el);
    expect(el.shadowRoot.querySelectorAll('.bar.highlighted').length, 'Nordmarkt highlighted in the preview').to.equal(1);
    await sameChart(code('inline'), 'indicator-bar');
    await sameChart(code('src'), 'indicator-bar');
  });

  it('map: only indicators with areas; Aktionsräume offered for Sozialräume; A and B draw the same map', async () => {
    await element('sozialraum-map');
    const files = Array.from(byId<HTMLSelectElement>('bk-file').options).map((o) => o.value);
    expect(files).to.deep.equal(['indicators/sozialraum-rankings-2007.json', 'indicators/sgb2-arbeitslosigkeit.json']);
    await choose('bk-pick', 'hilfen-zur-erziehung');
    await choose('bk-opt-show-aktionsraeume', '2008');
    expect(code('inline')).to.contain('<sozialraum-map show-aktionsraeume="2008">');
    expect(checks()).to.deep.equal(['Keine Meldungen: Das Diagramm wird so gezeigt.']);
    await sameChart(code('inline'), 'sozialraum-map');
    await sameChart(code('src'), 'sozialraum-map');
  });

  it('trend: series chosen in the file, years from the data, milestones inline; A and B draw the same chart', async () => {
    await element('trend-chart');
    const series = Array.from(doc.querySelectorAll<HTMLInputElement>('#bk-pick input')).map((i) => i.value);
    expect(series.length).to.be.greaterThan(1);
    await click('bk-pick-0');
    expect(doc.getElementById('bk-opt-trend-highlight'), 'one series: nothing to highlight').to.equal(null);
    const years = Array.from(byId<HTMLSelectElement>('bk-opt-from').options).map((o) => o.value).filter(Boolean);
    expect(years[0]).to.match(/^\d{4}$/);
    const annotation = doc.querySelector<HTMLInputElement>('#bk-opt-annotations input[value="eu-beitritt-bg-ro"]')!;
    annotation.click();
    await bk.idle();
    expect(code('inline')).to.contain(`<trend-chart series="${series[0]}" annotations="eu-beitritt-bg-ro">`);
    expect(code('inline')).to.contain('<script type="application/json" data-for="milestones">');
    expect(code('src')).to.match(/milestones="http:\/\/[^"]+\/data\/milestones\.json"/);
    expect(checks()).to.deep.equal(['Keine Meldungen: Das Diagramm wird so gezeigt.']);
    expect(preview().shadowRoot.textContent).to.contain('EU-Beitritt');
    await sameChart(code('inline'), 'trend-chart');
    await sameChart(code('src'), 'trend-chart');
  });

  it('timeline: categories from the file, step by year only with steps; A and B draw the same list', async () => {
    await element('milestone-timeline');
    const categories = Array.from(doc.querySelectorAll<HTMLInputElement>('#bk-opt-categories input')).map((i) => i.value);
    expect(categories).to.include('gesundheit');
    doc.querySelector<HTMLInputElement>('#bk-opt-categories input[value="gesundheit"]')!.click();
    await bk.idle();
    await click('bk-opt-steps');
    await choose('bk-opt-timeline-step-by', 'year');
    expect(code('inline')).to.contain('<milestone-timeline categories="gesundheit" mode="steps" step-by="year">');
    await click('bk-opt-steps');
    await sameChart(code('inline'), 'milestone-timeline');
    await sameChart(code('src'), 'milestone-timeline');
  });

  it('network: one network inline, layouts the network allows; A and B draw the same network', async () => {
    await element('network-graph');
    await choose('bk-pick', 'aktiv-statt-passiv-2013');
    const layouts = Array.from(byId<HTMLSelectElement>('bk-opt-layout').options).map((o) => o.value);
    expect(layouts).to.deep.equal(['', 'radial', 'force']);
    await choose('bk-opt-layout', 'force');
    const inline = code('inline');
    expect(inline).to.contain('<network-graph network="aktiv-statt-passiv-2013" layout="force">');
    const json = JSON.parse(/<script type="application\/json">(.*)<\/script>/.exec(inline)![1]);
    expect(json.networks.map((n: { id: string }) => n.id)).to.deep.equal(['aktiv-statt-passiv-2013']);
    await sameChart(inline, 'network-graph');
    await sameChart(code('src'), 'network-graph');
  });

  it('key figure (when the page has it): figures from the file; A and B draw the same figures', async function () {
    if (!win.customElements.get('key-figure')) this.skip();
    await element('key-figure');
    await click('bk-pick-0');
    expect(code('inline')).to.match(/<key-figure figure="[^"]+">/);
    await sameChart(code('inline'), 'key-figure');
    await sameChart(code('src'), 'key-figure');
  });

  it('bars from pasted tab-separated text: what was understood, the widget draws it, the snippet draws the same', async () => {
    await element('indicator-bar', 'paste');
    await type('bk-paste', 'Sozialraum\tQuote (erfunden)\nNordmarkt\t39,9 %\nBorsigplatz\t35,1 %\nHafen\t–');
    await type('bk-source', 'Testtabelle, erfunden');
    await type('bk-stichtag', '2020-12');
    expect(Array.from(doc.querySelectorAll('#bk-understood .bk-roles th')).map((th) => text(th))).to.deep.equal(['Gebiet', 'Reihe „Quote (erfunden)“']);
    const last = Array.from(doc.querySelectorAll('#bk-understood tbody tr:last-child td')).map((td) => text(td));
    expect(last).to.deep.equal(['Hafen', '– (keine Angabe)']);
    const inline = code('inline');
    expect(inline).to.contain('<indicator-bar source="Testtabelle, erfunden" stichtag="2020-12">');
    expect(inline).to.contain('<th scope="row">Nordmarkt</th><td>39,9 %</td>');
    expect(code('src'), 'no file: no src snippet').to.equal('');
    expect(byId<HTMLButtonElement>('bk-copy-src').disabled).to.equal(true);
    expect(text(byId('bk-code-src-note'))).to.contain('Code A');
    await sameChart(inline, 'indicator-bar');
  });

  it('map from a table on the clipboard (HTML): cells taken, unknown areas named by the widget, the snippet draws the same', async () => {
    await element('sozialraum-map', 'paste');
    await type('bk-source', '');
    await pasteHtml(
      '<meta charset="utf-8"><table><caption>Quote (erfunden)</caption><tr><td>Sozialraum</td><td>Wert</td></tr><tr><td>Nordmarkt</td><td>12</td></tr><tr><td>Hafen</td><td>7,5</td></tr><tr><td>Atlantis</td><td>3</td></tr></table><img src=x onerror="window.hacked=1">',
      'ignored',
    );
    expect(byId<HTMLTextAreaElement>('bk-paste').value).to.equal('Sozialraum\tWert\nNordmarkt\t12\nHafen\t7,5\nAtlantis\t3');
    expect((win as unknown as { hacked?: number }).hacked).to.equal(undefined);
    expect(text(doc.querySelector('#bk-understood .bk-bad'))).to.equal('Atlantis (unbekannt)');
    // The message is the widget's own, word for word.
    const words = widgetWords(preview());
    expect(words.some((w) => w.includes('Atlantis'))).to.equal(true);
    expect(checks()).to.include(`Hinweis: ${words.find((w) => w.includes('Atlantis'))}`);
    expect(text(byId('bk-source-problem')), 'no source: the builder asks for one').to.contain('Quelle');
    expect(code('inline')).to.contain('<caption>Quote (erfunden)</caption>');
    // Highlight offers only areas the map knows.
    expect(Array.from(doc.querySelectorAll('#bk-opt-highlight label')).map((l) => text(l))).to.deep.equal(['Nordmarkt', 'Hafen']);
    await sameChart(code('inline'), 'sozialraum-map');
  });

  it('trend from CSV with semicolons and German numbers; a cell that is no number is named by the widget', async () => {
    await element('trend-chart', 'paste');
    await type('bk-source', '');
    await type('bk-paste', 'Jahr;Reihe A (erfunden);Reihe B (erfunden)\n2012;1.200;300\n31.12.2014;2.400,5;abc\n2016;–;900');
    expect(text(byId('bk-source-problem')), 'the builder asks for a source').to.contain('Quelle');
    await type('bk-source', 'Testquelle (erfunden)');
    expect(text(byId('bk-source-problem'))).to.equal('');
    expect(Array.from(doc.querySelectorAll('#bk-understood .bk-roles th')).map((th) => text(th))).to.deep.equal(['Datum', 'Reihe „Reihe A (erfunden)“', 'Reihe „Reihe B (erfunden)“']);
    expect(text(doc.querySelector('#bk-understood .bk-bad'))).to.equal('abc (nicht lesbar)');
    expect(checks().some((c) => c.includes('„abc“'))).to.equal(true);
    expect(checks().join(' ')).to.equal(widgetWords(preview()).map((w) => `Hinweis: ${w}`).join(' '));
    // Series offered for highlight carry the ids the chart gives them.
    await choose('bk-opt-trend-highlight', 'reihe-b-erfunden');
    expect(checks().some((c) => c.includes('reihe-b-erfunden')), 'a known series').to.equal(false);
    await sameChart(code('inline'), 'trend-chart');
  });

  it('bars from CSV with commas and English numbers (quoted)', async () => {
    await element('indicator-bar', 'paste');
    await type('bk-paste', 'Category,Amount (made up)\n"Alpha","1,234.5"\n"Beta","12.5"\n');
    await type('bk-source', 'Test (made up)');
    expect(text(doc.querySelector('#bk-understood p'))).to.contain('Punkt (englisch)');
    expect(text(doc.querySelector('#bk-understood .bk-roles th'))).to.equal('Kategorie');
    await sameChart(code('inline'), 'indicator-bar');
    const rows = (await facts(preview())).rows.map((r) => r.join(' '));
    expect(rows.some((r) => r.includes('1.234,5')), `1,234.5 read as 1.234,5: ${rows}`).to.equal(true);
  });

  it('timeline and network from pasted tables; a bad link and an impossible date are named by the widget', async () => {
    await element('milestone-timeline', 'paste');
    await type('bk-source', 'Testliste (erfunden)');
    await type('bk-paste', 'Datum\tTitel\tKategorie\tLink\n2012–2014\tProjekt A (erfunden)\tBildung\thttps://example.org/a\nseit 2015\tProjekt B (erfunden)\tWohnen\tjavascript:alert(1)\n2021-02-30\tKaputt\t\t');
    expect(text(doc.querySelector('#bk-understood .bk-bad'))).to.equal('2021-02-30 (nicht lesbar)');
    const words = widgetWords(preview());
    expect(words.some((w) => w.includes('javascript:alert(1)'))).to.equal(true);
    expect(words.some((w) => w.includes('2021-02-30'))).to.equal(true);
    expect(checks()).to.deep.equal(words.map((w) => `Hinweis: ${w}`));
    await sameChart(code('inline'), 'milestone-timeline');

    await element('network-graph', 'paste');
    expect(byId<HTMLTextAreaElement>('bk-paste').value, 'the pasted text stays when the element changes').to.contain('Projekt A');
    await type('bk-paste', 'Von;Nach;Art\nStadt (erfunden);Träger (erfunden);Kooperation\nTräger (erfunden);Verein (erfunden);Förderung');
    await type('bk-stichtag', '2022');
    expect(Array.from(doc.querySelectorAll('#bk-understood .bk-roles th')).map((th) => text(th))).to.deep.equal(['Von', 'Nach', 'Art']);
    expect(checks()).to.deep.equal(['Keine Meldungen: Das Diagramm wird so gezeigt.']);
    await sameChart(code('inline'), 'network-graph');
  });

  it('bad input never breaks the page: nothing pasted, a table without numbers, a bad date, a bad host', async () => {
    await element('indicator-bar', 'paste');
    await type('bk-paste', '');
    expect(text(doc.querySelector('#bk-understood'))).to.equal('Noch keine Tabelle eingefügt.');
    expect(code('inline')).to.equal('');
    expect(byId<HTMLButtonElement>('bk-copy-inline').disabled).to.equal(true);
    await type('bk-paste', 'nur ein Wort');
    // Whatever the widget says is shown; the builder keeps working.
    expect(checks().length).to.be.greaterThan(0);
    expect(checks().join(' ')).to.not.contain('Keine Meldungen');
    await type('bk-stichtag', 'gestern');
    expect(text(byId('bk-stichtag-problem'))).to.contain('„gestern“ ist kein Datum');
    expect(byId('bk-stichtag').getAttribute('aria-invalid')).to.equal('true');
    await type('bk-stichtag', '');
    await type('bk-host', 'javascript:alert(1)');
    expect(text(byId('bk-host-problem'))).to.contain('https://');
    expect(byId('bk-host').getAttribute('aria-invalid')).to.equal('true');
    expect(code('inline'), 'the snippet keeps this server').to.contain(`src="${location.origin}/dist/sozialraum-widgets.js"`);
    await type('bk-host', 'https://www.dortmund.example/widgets');
    expect(text(byId('bk-host-problem'))).to.equal('');
    await type('bk-paste', 'Sozialraum;Wert\nNette;3');
    expect(code('inline')).to.contain('<script src="https://www.dortmund.example/widgets/dist/sozialraum-widgets.js" defer></script>');
    await type('bk-host', `${location.origin}/`);
  });

  it('copies with the clipboard and says "Kopiert"; without clipboard access it selects the code', async () => {
    await element('indicator-bar');
    const copied: string[] = [];
    const clipboard = { writeText: async (s: string) => void copied.push(s) };
    Object.defineProperty(win.navigator, 'clipboard', { value: clipboard, configurable: true });
    await click('bk-copy-src');
    expect(copied).to.deep.equal([code('src')]);
    await waitUntil(() => text(byId('bk-status')) === 'Kopiert', 'announced', { timeout: 2000 });
    expect(text(byId('bk-code-src-note'))).to.equal('Kopiert');
    clipboard.writeText = async () => {
      throw new Error('denied');
    };
    await click('bk-copy-inline');
    const area = byId<HTMLTextAreaElement>('bk-code-inline-text');
    expect(doc.activeElement).to.equal(area);
    expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
    await waitUntil(() => /Kopiert|Strg\+C/.test(text(byId('bk-status'))), 'announced', { timeout: 2000 });
  });

  it('iframe snippet: embed.html draws the same chart, and the resize script sets the frame height', async () => {
    await element('indicator-bar');
    await choose('bk-file', 'indicators/sgb2-arbeitslosigkeit.json');
    const snippet = code('iframe');
    const frameEl = new DOMParser().parseFromString(snippet, 'text/html').querySelector('iframe')!;
    expect(new URL(frameEl.src).pathname).to.equal('/dist/embed.html');
    expect(new URL(frameEl.src).searchParams.get('el')).to.equal('indicator-bar');
    const shown = await facts(preview());
    const page = document.createElement('iframe');
    Object.assign(page.style, { width: '780px', height: '900px' });
    page.srcdoc = `<!doctype html><html lang="de"><body>${snippet}</body></html>`;
    document.body.append(page);
    pages.push(page);
    await waitUntil(() => page.contentDocument?.querySelector('iframe')?.contentDocument?.querySelector('indicator-bar')?.shadowRoot, 'embed.html drew the widget', {
      timeout: 10000,
    });
    const inner = page.contentDocument!.querySelector('iframe')!;
    const embedded = inner.contentDocument!.querySelector<Widget>('indicator-bar')!;
    expect((await facts(embedded)).title).to.equal(shown.title);
    await waitUntil(() => inner.getAttribute('height') !== '600', 'the resize script set the height', { timeout: 5000 });
    expect(Number(inner.getAttribute('height'))).to.be.within(100, 2000);
  });

  it('previews at phone, article and slide width', async () => {
    await element('indicator-bar');
    await click('bk-width-phone');
    expect(preview().getBoundingClientRect().width).to.equal(360);
    await click('bk-width-slide');
    const inner = byId('bk-stage-inner');
    expect(inner.offsetWidth, 'laid out at 1280').to.equal(1280);
    const shown = inner.getBoundingClientRect().width;
    expect(shown, 'scaled to the space there is').to.be.below(1280);
    expect(text(byId('bk-slide-tip'))).to.contain('Präsentation');
    await click('bk-width-article');
    expect(preview().getBoundingClientRect().width).to.equal(720);
  });

  it('keeps the focus on a control the builder redraws, and has a label for every control', async () => {
    await element('indicator-bar');
    byId('bk-file').focus();
    await choose('bk-file', 'indicators/aktiv-statt-passiv.json');
    expect(doc.activeElement?.id).to.equal('bk-file');
    for (const control of doc.querySelectorAll<HTMLInputElement>('#baukasten input, #baukasten select, #baukasten textarea')) {
      expect(control.labels?.length ?? 0, `label for #${control.id}`).to.be.greaterThan(0);
    }
  });

  it('requests nothing from other hosts and sets no style attribute (Content-Security-Policy style-src self)', async () => {
    const foreign = win.performance.getEntriesByType('resource').filter((r) => new URL(r.name).origin !== location.origin);
    expect(foreign.map((r) => r.name)).to.deep.equal([]);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).to.contain("style-src 'self'");
    expect(doc.querySelectorAll('script:not([src]):not([type="application/json"])').length, 'no inline script').to.equal(0);
    expect(doc.querySelectorAll('style').length, 'no inline style').to.equal(0);
    // The slide's scale is a custom property set through the CSSOM (allowed); nothing else has a style.
    expect(Array.from(doc.querySelectorAll('#baukasten [style]')).map((e) => e.id)).to.deep.equal(['bk-stage']);
  });

  it('passes axe, with a shipped file and with a pasted table', async () => {
    await element('sozialraum-map');
    await axeClean();
    await element('indicator-bar', 'paste');
    await type('bk-paste', 'Sozialraum;Wert (erfunden)\nNordmarkt;3\nHafen;x');
    await type('bk-source', 'Test (erfunden)');
    await axeClean();
  });
});

describe('baukasten: English', function () {
  this.timeout(30000);

  it('?lang=en: English page, English preview; the switch goes back to German and keeps the focus', async () => {
    await open('?lang=en');
    expect(doc.documentElement.lang).to.equal('en');
    expect(text(doc.querySelector('#bk-step-element legend'))).to.equal('1. Choose an element');
    expect(text(doc.querySelector('h1'))).to.equal('Builder: put a chart on a page without code');
    expect(text($(preview(), '.title'))).to.equal('Ratio of high to low incomes in the Sozialräume, 2001');
    expect(code('inline')).to.contain('<p>Chart: Ratio of high to low incomes');
    const sw = byId<HTMLButtonElement>('bk-lang');
    expect(text(sw)).to.equal('Deutsch');
    expect(sw.lang).to.equal('de');
    sw.focus();
    await click('bk-lang');
    expect(doc.documentElement.lang).to.equal('de');
    expect(win.location.search).to.equal('');
    expect(doc.activeElement).to.equal(sw);
    expect(text(sw)).to.equal('English');
    expect(text(doc.querySelector('#bk-step-element legend'))).to.equal('1. Element wählen');
    expect(text($(preview(), '.title'))).to.equal('Relation hoher und niedriger Einkommen in den Sozialräumen 2001');
    await axeClean();
  });
});

/** axe-core on the whole builder page (in its frame), WCAG 2.1 A and AA. */
async function axeClean(): Promise<void> {
  const w = win as unknown as { axe?: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
  if (!w.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => ((script.onload = resolve), (script.onerror = reject)));
    doc.head.append(script);
    await loaded;
  }
  const result = await w.axe!.run(doc, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(found).to.deep.equal([]);
}
