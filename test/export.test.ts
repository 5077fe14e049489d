import { expect, html, waitUntil } from '@open-wc/testing';
import '../src/indicator-bar/indicator-bar.js';
import { escapeXml, exportSvg, safeColour, tableToCsv, type TableModel } from '../src/core/export.js';
import { $, download, shadow, svgLines, text, widget } from './helpers.js';

/**
 * The downloads as the city's IT checks them ("Proof for city IT"): a CSV cell never arrives in a
 * spreadsheet as a formula, nothing the page sets can put markup or script into the SVG, and exporting
 * causes no Content-Security-Policy report under `default-src 'self'; script-src 'self'; style-src 'self'`.
 */

const SGB2 = '/data/indicators/sgb2-arbeitslosigkeit.json';
const csvLines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n');

describe('CSV download: no formulas (OWASP CSV injection)', () => {
  const model = (rows: Array<Array<string | number | null>>, numeric = [false, true]): TableModel => ({
    caption: 'Test',
    columns: numeric.map((n, i) => ({ label: `Spalte ${i + 1}`, numeric: n })),
    rows: rows.map((cells) => ({ cells: cells.map((c) => (typeof c === 'string' ? { text: c } : { text: String(c), raw: c })) })),
  });

  it('writes a cell that starts with = + - @ tab or carriage return as quoted text behind a single quote', () => {
    const evil = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A2)', '\t=1', '\r=1', '  =1+1', '\uff1d1+1'];
    const lines = csvLines(tableToCsv(model(evil.map((e) => [e, 1])), 'de', ''));
    expect(lines.slice(1, 1 + evil.length)).to.deep.equal([
      '"\'=HYPERLINK(""http://evil.example"",""x"")";1',
      '"\'+1+1";1',
      '"\'-2+3+cmd|\' /C calc\'!A0";1',
      '"\'@SUM(A1:A2)";1',
      '"\'\t=1";1',
      '"\'\r=1";1',
      '"\'  =1+1";1',
      '"\'\uff1d1+1";1',
    ]);
  });

  it('does the same in English CSV, for column labels and for the source line', () => {
    const m = model([['=1+1', 2]]);
    m.columns[0].label = '=cmd';
    const lines = csvLines(tableToCsv(m, 'en', '@source'));
    expect(lines[0]).to.equal('"\'=cmd",Spalte 2');
    expect(lines[1]).to.equal('"\'=1+1",2');
    expect(lines[3]).to.equal('"\'@source"');
  });

  it('keeps negative numbers numbers: a number value, and a formatted number in a numeric column', () => {
    // raw numbers (what the widgets pass), and texts as the library formats them, with hyphen or Unicode minus.
    const m = model([
      ['Nordmarkt', -3.2],
      ['Hafen', '-3,2'],
      ['Borsigplatz', '\u22123,2'],
      ['Eving', '-1.234,5'],
      ['Lanstrop', '+4'],
      ['Mengede', '-3,2 %'],
    ]);
    expect(csvLines(tableToCsv(m, 'de', '')).slice(1, 7)).to.deep.equal([
      'Nordmarkt;-3,2',
      'Hafen;-3,2',
      'Borsigplatz;-3,2',
      'Eving;-1234,5',
      'Lanstrop;4',
      // Not a plain number: text, and neutralised like any text that starts with "-".
      'Mengede;"\'-3,2 %"',
    ]);
    const en = model([['Nordmarkt', -3.2], ['Hafen', '\u22123.2'], ['Eving', '-1,234.5']]);
    expect(csvLines(tableToCsv(en, 'en', '')).slice(1, 4)).to.deep.equal(['Nordmarkt,-3.2', 'Hafen,-3.2', 'Eving,-1234.5']);
  });

  it('leaves a plain number in a text column as it is (it cannot be a formula), and neutralises a formula there', () => {
    const m = model([['-3', 'x']], [false, false]);
    m.rows.push({ cells: [{ text: '-3+1' }, { text: 'y' }] });
    expect(csvLines(tableToCsv(m, 'de', '')).slice(1, 3)).to.deep.equal(['-3;x', '"\'-3+1";y']);
  });
});

describe('SVG download: values from the page are escaped or checked', () => {
  const script = '"/><script>alert(1)</script>';

  it('accepts only real colours from custom properties', () => {
    expect(safeColour('#1d5a94', '#000')).to.equal('#1d5a94');
    expect(safeColour(' rgb(29, 90, 148) ', '#000')).to.equal('rgb(29, 90, 148)');
    expect(safeColour('rebeccapurple', '#000')).to.equal('rebeccapurple');
    for (const bad of [script, 'red"/><script>', 'red;fill:url(http://evil.example/x)', 'var(--x)', 'url(http://evil.example/x)', 'inherit', 'currentcolor', 'notacolour', '']) {
      expect(safeColour(bad, '#575757'), bad).to.equal('#575757');
    }
    expect(escapeXml(`<a href="x" title='y'>&\u0001</a>`)).to.equal('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('a hostile --srw-text, --srw-muted, --srw-background or font family does not reach the file as markup', async () => {
    const el = await widget<HTMLElement>(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    for (const p of ['--srw-text', '--srw-muted', '--srw-background']) el.style.setProperty(p, script);
    el.style.fontFamily = '"</text><script>alert(1)</script>", sans-serif';
    expect(getComputedStyle(el).fontFamily).to.contain('<script>');
    // The page really hands these values out (else the test would prove nothing).
    expect(getComputedStyle(el).getPropertyValue('--srw-text')).to.contain('<script>');
    const file = await download(el, 'SVG');
    const source = await file.blob.text();
    expect(source).not.to.contain('<script');
    const { lines, doc } = await svgLines(file);
    expect(doc.querySelector('script')).to.equal(null);
    expect(lines[0]).to.equal('SGB II-Quote in den Sozialräumen der Nordstadt, Dezember 2020');
    // The colours fall back to the defaults; the font family is kept, as text.
    const title = doc.querySelector('text')!;
    expect(title.style.fill).to.equal('rgb(26, 26, 26)');
    expect(title.style.fontFamily).to.contain('<script>');
    expect(doc.querySelector('rect')!.getAttribute('fill')).to.equal('#ffffff');
  });

  it('keeps valid page colours', async () => {
    const el = await widget<HTMLElement>(html`<indicator-bar src=${SGB2} style="width:600px; --srw-text: rgb(10, 20, 30); --srw-background: #fefefe"></indicator-bar>`);
    const { doc } = await svgLines(await download(el, 'SVG'));
    expect(doc.querySelector('text')!.style.fill).to.equal('rgb(10, 20, 30)');
    expect(doc.querySelector('rect')!.getAttribute('fill')).to.equal('#fefefe');
  });

  it('leaves out event handlers, scripts, outside links and outside paint servers from the chart', async () => {
    const el = await widget<HTMLElement>(html`<indicator-bar src=${SGB2} style="width:600px; --srw-bar: url(http://evil.example/p.svg#p)"></indicator-bar>`);
    const svg = $(el, 'svg.bars') as unknown as SVGSVGElement;
    const ns = 'http://www.w3.org/2000/svg';
    const bar = svg.querySelector('rect.bar')!;
    bar.setAttribute('onclick', 'window.pwned = 1');
    bar.setAttribute('data-note', script);
    const a = svg.appendChild(document.createElementNS(ns, 'a'));
    a.setAttribute('href', 'javascript:void(window.pwned = 1)');
    // A script element in the chart (inert here: an unknown type does not run, but it is one).
    const inert = document.createElementNS(ns, 'script');
    inert.setAttribute('type', 'text/x-inert');
    inert.textContent = 'window.pwned = 1';
    a.appendChild(inert);
    const title = svg.appendChild(document.createElementNS(ns, 'title'));
    title.textContent = `</title>${script}`;
    const { svg: out } = exportSvg(svg, { title: script, subtitle: '<b>x</b>', source: '&<>', widget: el });
    a.remove();
    title.remove();
    expect(out).not.to.contain('<script');
    expect(out).not.to.contain('onclick');
    expect(out).not.to.contain('javascript:');
    expect(out).not.to.contain('evil.example');
    const doc = new DOMParser().parseFromString(out, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('script')).to.equal(null);
    const attributes = [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((at) => at.name));
    expect(attributes.filter((n) => /^on/i.test(n))).to.deep.equal([]);
    // What is text stays text.
    expect(text(doc.querySelector('text'))).to.equal(script);
    expect(doc.querySelector('[data-note]')!.getAttribute('data-note')).to.equal(script);
    expect(doc.querySelector('title')!.textContent).to.equal(`</title>${script}`);
  });
});

/** The test page under a strict Content-Security-Policy (header set by web-test-runner.config.mjs), in an iframe. */
async function strictPage(query = ''): Promise<{ frame: HTMLIFrameElement; win: Window & { cspViolations: Array<Record<string, string>> }; widgets: HTMLElement[] }> {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: '900px', height: '700px' });
  const loaded = new Promise((resolve) => (frame.onload = resolve));
  frame.src = `/test/csp/widgets.html${query}`;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const widgets = [...doc.querySelectorAll<HTMLElement>('indicator-bar, sozialraum-map, trend-chart, network-graph, milestone-timeline')];
  expect(widgets).to.have.length(5);
  await waitUntil(
    () => widgets.every((w) => w.shadowRoot?.querySelector(w.localName === 'milestone-timeline' ? '.actions' : '.actions button:nth-of-type(3)')),
    'widgets drawn under the strict policy',
    { timeout: 10000 },
  );
  await new Promise((r) => setTimeout(r, 200));
  return { frame, win: frame.contentWindow as never, widgets };
}

/** Click a download button in the framed page; the file is caught at the link's click (as helpers.ts `download`). */
async function frameDownload(win: Window, el: HTMLElement, format: string): Promise<Blob | undefined> {
  const anchor = (win as unknown as { HTMLAnchorElement: typeof HTMLAnchorElement }).HTMLAnchorElement.prototype;
  const realClick = anchor.click;
  let href: string | undefined;
  anchor.click = function (this: HTMLAnchorElement) {
    href = this.href;
  };
  try {
    [...shadow(el).querySelectorAll<HTMLElement>('.actions button')].find((b) => text(b) === format)!.click();
    await waitUntil(() => href, `${el.localName}: ${format} download`, { timeout: 3000 }).catch(() => undefined);
  } finally {
    anchor.click = realClick;
  }
  return href ? (await fetch(href)).blob() : undefined;
}

describe('downloads under a strict Content-Security-Policy', () => {
  it('drawing all five widgets and their tooltips causes no violation report (no style attributes anywhere)', async () => {
    const { frame, win, widgets } = await strictPage();
    expect(win.cspViolations.map((v) => `${v.directive} ${v.source}:${v.line} ${v.sample}`)).to.deep.equal([], 'drawing');
    // Tooltips (and the timeline's marks, drawn above) are placed through the CSSOM: point at an item of each chart.
    const PointerEventOf = (win as unknown as { PointerEvent: typeof PointerEvent }).PointerEvent;
    for (const el of widgets) {
      const item = shadow(el).querySelector<SVGElement | HTMLElement>('g.item, path.area, g.point, g.node');
      item?.dispatchEvent(new PointerEventOf('pointerover', { bubbles: true, composed: true }));
      item?.dispatchEvent(new PointerEventOf('pointermove', { bubbles: true, composed: true, clientX: item.getBoundingClientRect().x + 2, clientY: item.getBoundingClientRect().y + 2 }));
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(widgets.filter((el) => shadow(el).querySelector('.tooltip')).length, 'tooltips shown').to.be.greaterThan(1);
    expect(win.cspViolations.map((v) => `${v.directive} ${v.source}:${v.line} ${v.sample}`)).to.deep.equal([], 'tooltips and keyboard');
    frame.remove();
  });

  it('SVG and CSV downloads of every widget cause no violation report, and the SVG keeps its look', async () => {
    const { frame, win, widgets } = await strictPage();
    // Rendering the widgets is not the export's business (other style attributes are being removed elsewhere):
    // count only what the downloads cause.
    win.cspViolations.length = 0;
    for (const el of widgets) {
      const csv = await frameDownload(win, el, 'CSV');
      expect(csv, `${el.localName} CSV`).to.not.equal(undefined);
      if (el.localName === 'milestone-timeline') continue;
      const svg = await frameDownload(win, el, 'SVG');
      expect(svg, `${el.localName} SVG`).to.not.equal(undefined);
      const { lines, doc } = await svgLines({ blob: svg! });
      expect(lines.length, el.localName).to.be.greaterThan(3);
      // The computed look is in the file (as style text of the image, not of the page).
      const styled = [...doc.querySelectorAll<SVGElement>('svg svg *')].filter((e) => e.style.fill);
      expect(styled.length, `${el.localName}: styled shapes`).to.be.greaterThan(5);
    }
    expect(win.cspViolations).to.deep.equal([]);
    frame.remove();
  });

  it('PNG: no style report; the image needs img-src data:, and with it the PNG arrives without any report', async () => {
    const strict = await strictPage();
    strict.win.cspViolations.length = 0;
    const bar = strict.widgets[0];
    // Without img-src data: the policy blocks the image the PNG is drawn from: one img-src report, nothing else.
    expect(await frameDownload(strict.win, bar, 'PNG')).to.equal(undefined);
    expect(strict.win.cspViolations.map((v) => v.directive)).to.deep.equal(['img-src']);
    // … and the widget says so, instead of doing nothing.
    await waitUntil(() => text(shadow(bar).querySelector('.download-problem')).startsWith('PNG lässt sich auf dieser Seite nicht erzeugen'), 'the reader is told');
    strict.frame.remove();

    const { frame, win, widgets } = await strictPage('?img=data');
    win.cspViolations.length = 0;
    for (const el of widgets.slice(0, 4)) {
      const png = await frameDownload(win, el, 'PNG');
      expect(png?.type, `${el.localName} PNG`).to.equal('image/png');
      expect(png!.size).to.be.greaterThan(2000);
    }
    expect(win.cspViolations).to.deep.equal([]);
    // The styles inside the image are drawn (the page's policy does not reach into the image): the bars' blue is there.
    const png = await frameDownload(win, widgets[0], 'PNG');
    const bitmap = await createImageBitmap(png!);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0x1d && data[i + 1] === 0x5a && data[i + 2] === 0x94) blue++;
    expect(blue).to.be.greaterThan(1000);
    frame.remove();
  });
});
