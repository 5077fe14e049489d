import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/indicator-bar/indicator-bar.js';
import { networkProblem } from '../src/core/data-controller.js';
import { dataBase, dataUrl } from '../src/core/data-url.js';
import { problemText } from '../src/core/problems.js';
import { allowedOrigins, allowedUrl, planEmbed } from '../src/embed/embed-params.js';
import { alertText, settled, text } from './helpers.js';

/**
 * The iframe embed: dist/embed.html as another site would frame it (built by npm run build), with good and
 * hostile parameters; its height messages and the README's resize snippet; and where relative data
 * addresses point (`data-base` on the script tag), including the CORS hint for data on another host.
 */

type Win = Window & typeof globalThis & { axe?: { run: (ctx: unknown, options?: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> } };
interface HeightMessage {
  type: 'srw-embed-height';
  height: number;
  id: string | null;
}

const messages: Array<{ data: HeightMessage; source: MessageEventSource | null }> = [];
addEventListener('message', (e: MessageEvent) => {
  if (e.data?.type === 'srw-embed-height') messages.push({ data: e.data, source: e.source });
});

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

/** A page that frames embed.html with these parameters, as a journalist's or partner's site would. */
async function embed(query: string, width = 720, height = 300): Promise<{ frame: HTMLIFrameElement; doc: Document; win: Win }> {
  const frame = document.createElement('iframe');
  frame.title = 'Eingebettete Grafik';
  frame.width = String(width);
  frame.height = String(height);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/dist/embed.html?${query}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return { frame, doc: frame.contentDocument!, win: frame.contentWindow as Win };
}

/** The widget in the frame once it shows its chart or a message. */
async function drawn(doc: Document, tag = 'indicator-bar'): Promise<HTMLElement> {
  await waitUntil(
    () => {
      const root = doc.querySelector(tag)?.shadowRoot;
      return !!root && !root.querySelector('.loading') && !!root.querySelector('svg, .message');
    },
    `<${tag}> in the frame did not draw`,
    { timeout: 8000 },
  );
  return doc.querySelector<HTMLElement>(tag)!;
}

const heightsOf = (frame: HTMLIFrameElement) => messages.filter((m) => m.source === frame.contentWindow).map((m) => m.data);
const docHeight = (doc: Document) => Math.ceil(doc.documentElement.getBoundingClientRect().height);
const pageAlert = (doc: Document) => text(doc.querySelector('main [role="alert"]'));
const SGB2 = '/data/indicators/sgb2-arbeitslosigkeit.json';

/** axe-core, loaded into the framed page from this server (its policy allows only its own origin). */
async function axeViolations(doc: Document, win: Win): Promise<string[]> {
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((r, j) => ((script.onload = r), (script.onerror = j)));
    doc.head.append(script);
    await loaded;
  }
  const { violations } = await win.axe!.run(doc, { resultTypes: ['violations'] });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

describe('embed.html: one widget from the URL', () => {
  it('shows the element with its attributes, full width; lang=en makes page and widget English; the title is the chart’s', async () => {
    const { frame, doc } = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&indicator=sgb2-quote-2020-12&highlight=Nordmarkt&lang=en&id=nord`);
    const el = await drawn(doc);
    expect(el.getAttribute('src')).to.equal(`${location.origin}${SGB2}`);
    expect(el.getAttribute('indicator')).to.equal('sgb2-quote-2020-12');
    expect(el.getAttribute('highlight')).to.equal('Nordmarkt');
    expect(doc.documentElement.lang).to.equal('en');
    expect(el.shadowRoot!.querySelector('svg')).to.exist;
    expect(text(el.shadowRoot!.querySelector('.actions button'))).to.equal('Show table');
    // The chart's title is the page's only heading and the document's title.
    const title = el.shadowRoot!.querySelector('[part~="title"]')!;
    expect(title.getAttribute('aria-level')).to.equal('1');
    await waitUntil(() => doc.title === 'SGB II rate in the Sozialräume of the Nordstadt, December 2020', `document title: ${doc.title}`);
    expect(el.getBoundingClientRect().width).to.be.at.least(frame.clientWidth - 8);
    await waitUntil(() => heightsOf(frame).at(-1)?.height === docHeight(doc), 'no height message with the page’s height');
    expect(heightsOf(frame).every((m) => m.id === 'nord')).to.equal(true);
  });

  it('a relative src is relative to embed.html', async () => {
    const { doc } = await embed('el=indicator-bar&src=../data/indicators/sgb2-arbeitslosigkeit.json');
    const el = await drawn(doc);
    expect(el.getAttribute('src')).to.equal(`${location.origin}${SGB2}`);
    expect(el.shadowRoot!.querySelector('svg')).to.exist;
    expect(doc.documentElement.lang).to.equal('de');
  });

  it('a title with markup stays text: no element, no script, in the page, the widget or the document title', async () => {
    const hostile = '<img src=x onerror="parent.__embedPwned=1"><script>parent.__embedPwned=2</script>Titel';
    const { doc } = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&title=${encodeURIComponent(hostile)}`);
    const el = await drawn(doc);
    expect(doc.querySelectorAll('img').length).to.equal(0);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[part~="title"]'))).to.equal(hostile);
    await waitUntil(() => doc.title === hostile, `document title: ${doc.title}`);
    await new Promise((r) => setTimeout(r, 100));
    expect((window as unknown as { __embedPwned?: number }).__embedPwned).to.equal(undefined);
  });

  for (const src of ['javascript:parent.__embedPwned=3', 'data:application/json,{"values":[]}', 'https://example.org/daten.json', '//example.org/daten.json', ' https://example.org/x.json']) {
    it(`refuses src="${src}" with a message naming it, draws nothing and requests nothing`, async () => {
      const { doc, win } = await embed(`el=indicator-bar&src=${encodeURIComponent(src)}&indicator=x`);
      expect(doc.querySelector('indicator-bar')).to.equal(null);
      const message = pageAlert(doc);
      expect(message).to.contain(`„${src}“`);
      expect(message).to.contain('Parameter „src“');
      expect(message).to.contain('nicht erlaubt');
      expect(message).to.contain(location.origin);
      // Readers get the plain sentence; the address and the fix are for editors, in closed details.
      expect(text(doc.querySelector('main [role="alert"] h1'))).to.equal('Diese Grafik kann gerade nicht angezeigt werden.');
      expect(text(doc.querySelector('main [role="alert"] p'))).to.equal('Der Einbettungs-Code ist fehlerhaft.');
      expect(doc.querySelector<HTMLDetailsElement>('main [role="alert"] details')?.open).to.equal(false);
      expect(doc.documentElement.scrollWidth).to.be.at.most(doc.documentElement.clientWidth, 'the message fits the frame');
      const requests = win.performance.getEntriesByType('resource').map((r) => new URL(r.name).origin);
      expect(requests.every((o) => o === location.origin)).to.equal(true, requests.join(' '));
      expect((window as unknown as { __embedPwned?: number }).__embedPwned).to.equal(undefined);
    });
  }

  it('refuses a map’s geo from another origin, in English with lang=en', async () => {
    const { doc } = await embed(`el=sozialraum-map&src=${encodeURIComponent(SGB2)}&geo=${encodeURIComponent('https://example.org/grenzen.json')}&lang=en`);
    expect(doc.querySelector('sozialraum-map')).to.equal(null);
    expect(pageAlert(doc)).to.contain('The address “https://example.org/grenzen.json” (parameter “geo”) is not allowed here');
  });

  it('ignores parameters that are no attribute of the element (handlers, style, data); the widget draws', async () => {
    const { doc } = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&onclick=alert(1)&style=color:red&data=%7B%7D&class=x&sort=asc&unbekannt=1`);
    const el = await drawn(doc);
    expect(el.getAttributeNames().sort()).to.deep.equal(['data-srw-theme', 'heading-level', 'sort', 'src']);
    expect(el.shadowRoot!.querySelector('svg')).to.exist;
  });

  it('an unknown or missing el is named with the possible elements; nothing is created', async () => {
    for (const [query, expected] of [
      ['el=script&src=/x.json', '„script“ ist kein Diagramm dieser Bibliothek'],
      [`el=${encodeURIComponent('<img src=x onerror="parent.__embedPwned=4">')}`, '„<img src=x onerror="parent.__embedPwned=4">“ ist kein Diagramm'],
      ['src=/x.json', 'Der Parameter „el“ fehlt'],
      ['el=INDICATOR-BAR', '„INDICATOR-BAR“ ist kein Diagramm'],
    ]) {
      const { doc } = await embed(query);
      expect(pageAlert(doc)).to.contain(expected);
      expect(pageAlert(doc)).to.contain('indicator-bar, sozialraum-map, trend-chart, milestone-timeline, network-graph');
      expect(doc.querySelectorAll('main > :not(.message, noscript)').length).to.equal(0, query);
      expect(doc.querySelectorAll('img, script:not([src])').length).to.equal(0);
    }
    const { doc } = await embed('el=nichts&lang=en');
    expect(pageAlert(doc)).to.contain('“nichts” is not a chart of this library');
  });

  it('page background: white by default, dark with theme=dark, none with transparent=1', async () => {
    const background = (doc: Document) => getComputedStyle(doc.documentElement).backgroundColor;
    const plain = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}`);
    expect(background(plain.doc)).to.equal('rgb(255, 255, 255)');
    const dark = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&theme=dark`);
    expect(background(dark.doc)).to.equal('rgb(22, 22, 22)');
    const el = await drawn(dark.doc);
    await waitUntil(() => el.getAttribute('data-srw-theme') === 'dark', `theme: ${el.getAttribute('data-srw-theme')}`);
    const clear = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&transparent=1`);
    expect(background(clear.doc)).to.equal('rgba(0, 0, 0, 0)');
  });

  it('runs under its own strict policy: an injected inline script is refused, the widget at work needs no exception', async () => {
    const { doc } = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&indicator=sgb2-quote-2020-12`);
    const el = await drawn(doc);
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    (el.shadowRoot!.querySelector('.actions button') as HTMLElement).click();
    (el.shadowRoot!.querySelector('g.item') as SVGGElement).dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 200));
    expect(el.shadowRoot!.querySelector('.table-wrap table')).to.exist;
    expect(violations).to.deep.equal([]);
    const inline = doc.createElement('script');
    inline.textContent = 'parent.__embedInline = 1';
    doc.body.append(inline);
    await waitUntil(() => violations.length === 1, 'no report for the inline script');
    expect(violations[0]).to.match(/^script-src/);
    expect((window as unknown as { __embedInline?: number }).__embedInline).to.equal(undefined);
  });

  it('fit: the widget fills the iframe’s height, which stays the host’s (no height messages)', async () => {
    const { frame, doc } = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&indicator=sgb2-quote-2020-12&fit`, 900, 500);
    const el = await drawn(doc);
    expect(el.getBoundingClientRect().height).to.be.closeTo(500, 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(heightsOf(frame)).to.deep.equal([]);
  });

  it('passes axe: a chart, and a refused address', async () => {
    const good = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&indicator=sgb2-quote-2020-12`, 720, 700);
    await drawn(good.doc);
    expect(await axeViolations(good.doc, good.win)).to.deep.equal([]);
    const refused = await embed('el=indicator-bar&src=https://example.org/x.json');
    expect(await axeViolations(refused.doc, refused.win)).to.deep.equal([]);
  });
});

describe('embed.html: height for the parent page', () => {
  it('posts a new height when the chart is laid out anew for a narrower frame', async () => {
    const { frame, doc } = await embed(`el=indicator-bar&src=${encodeURIComponent(SGB2)}&indicator=sgb2-quote-2020-12&id=schmal`, 760);
    await drawn(doc);
    await waitUntil(() => heightsOf(frame).at(-1)?.height === docHeight(doc), 'no first height');
    const wide = heightsOf(frame).at(-1)!.height;
    frame.width = '320';
    await waitUntil(() => heightsOf(frame).at(-1)!.height !== wide && heightsOf(frame).at(-1)!.height === docHeight(doc), 'no new height after the frame got narrower', { timeout: 5000 });
    expect(heightsOf(frame).at(-1)!.id).to.equal('schmal');
  });

  it('the README snippet on the host page sizes each iframe to its page: no scrollbar', async () => {
    const readme = await (await fetch('/README.md')).text();
    const snippet = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes('srw-embed-height'));
    expect(snippet, 'README has no ```js snippet for srw-embed-height').to.be.a('string');
    // A host page of its own: the snippet plus two iframes of a fixed, wrong height.
    const host = document.createElement('iframe');
    host.width = '800';
    host.height = '600';
    const src = (id: string) => `/dist/embed.html?el=indicator-bar&amp;src=${encodeURIComponent(SGB2)}&amp;indicator=sgb2-quote-2020-12&amp;id=${id}`;
    host.srcdoc = `<!doctype html><html lang="de"><body>
      <script>${snippet}</script>
      <iframe id="a" title="A" src="${src('a')}" width="700" height="150"></iframe>
      <iframe id="b" title="B" src="${src('b')}" width="360" height="900"></iframe>
    </body></html>`;
    const loaded = new Promise((r) => host.addEventListener('load', r, { once: true }));
    document.body.append(host);
    frames.push(host);
    await loaded;
    const hostDoc = () => host.contentDocument!;
    await waitUntil(() => hostDoc().getElementById('b')!.getAttribute('height') !== '900', 'the snippet did not resize', { timeout: 8000 });
    for (const id of ['a', 'b']) {
      const frame = hostDoc().getElementById(id) as HTMLIFrameElement;
      const doc = frame.contentDocument!;
      await drawn(doc);
      await waitUntil(() => Number(frame.getAttribute('height')) === docHeight(doc), `${id}: height ${frame.getAttribute('height')} ≠ ${docHeight(doc)}`);
      expect(doc.documentElement.scrollHeight).to.be.at.most(frame.clientHeight, `${id} scrolls`);
    }
    const a = Number(hostDoc().getElementById('a')!.getAttribute('height'));
    const b = Number(hostDoc().getElementById('b')!.getAttribute('height'));
    expect(a).to.not.equal(b, 'each frame got its own height');
  });
});

describe('embed.html: the rules, one by one', () => {
  it('allowed origins: the page’s own plus the listed http(s) origins; anything else is named as invalid', () => {
    const { origins, invalid } = allowedOrigins('https://www.dortmund.de', ' https://a.example  https://b.example/pfad, ftp://c.example javascript:alert(1) kaputt');
    expect(origins).to.deep.equal(['https://www.dortmund.de', 'https://a.example', 'https://b.example']);
    expect(invalid).to.deep.equal(['ftp://c.example', 'javascript:alert(1)', 'kaputt']);
    expect(allowedOrigins('https://www.dortmund.de', null).origins).to.deep.equal(['https://www.dortmund.de']);
  });

  it('allowed addresses: resolved first, then compared by origin', () => {
    const base = 'https://www.dortmund.de/static/embed.html';
    const origins = ['https://www.dortmund.de', 'https://a.example'];
    expect(allowedUrl('daten/x.json', base, origins)).to.equal('https://www.dortmund.de/static/daten/x.json');
    expect(allowedUrl('//a.example/x.json', base, origins)).to.equal('https://a.example/x.json');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:,{}', 'blob:https://www.dortmund.de/1', 'https://a.example.evil.example/x', 'https://a.example@evil.example/x', '\\\\evil.example/x', 'http://www.dortmund.de/x', 'http://[']) {
      expect(allowedUrl(bad, base, origins), bad).to.equal(undefined);
    }
  });

  it('parameters: attributes of the element in order, page parameters apart, the rest ignored and refused addresses listed', () => {
    const attributesOf = (name: string) => (name === 'indicator-bar' ? ['src', 'indicator', 'title', 'lang'] : undefined);
    const plan = planEmbed(
      new URLSearchParams('el=indicator-bar&lang=en&id=k1&transparent=1&indicator=a&onclick=x&theme=dark&src=https://x.example/a.json&title=T'),
      attributesOf,
      'https://www.dortmund.de/embed.html',
      ['https://www.dortmund.de'],
    );
    expect(plan).to.deep.include({ element: 'indicator-bar', lang: 'en', id: 'k1', transparent: true });
    expect(plan.attributes).to.deep.equal([['indicator', 'a'], ['theme', 'dark'], ['title', 'T']]);
    expect(plan.ignored).to.deep.equal(['onclick']);
    expect(plan.refused).to.deep.equal([{ name: 'src', value: 'https://x.example/a.json' }]);
    expect(planEmbed(new URLSearchParams('el=indicator-bar&lang=<b>&transparent=0'), attributesOf, 'https://a.example/', []).ignored).to.deep.equal(['lang']);
    expect(planEmbed(new URLSearchParams('el=indicator-bar&transparent=0'), attributesOf, 'https://a.example/', []).transparent).to.equal(false);
    // Known name, but the loaded library does not define it: unknown, as any other.
    expect(planEmbed(new URLSearchParams('el=trend-chart'), attributesOf, 'https://a.example/', []).problem).to.deep.equal({ key: 'unknownElement', name: 'trend-chart' });
    expect(planEmbed(new URLSearchParams(''), attributesOf, 'https://a.example/', []).problem).to.deep.equal({ key: 'noElement', name: '' });
  });
});

describe('where relative data addresses point: data-base', () => {
  it('relative to the page without data-base; relative to data-base (itself relative to the page) with it', () => {
    expect(dataBase(null)).to.equal(document.baseURI);
    const script = document.createElement('script');
    expect(dataBase(script)).to.equal(document.baseURI);
    script.dataset.base = 'https://statistik.example/daten/';
    expect(dataBase(script)).to.equal('https://statistik.example/daten/');
    script.dataset.base = '/data/indicators/';
    expect(dataBase(script)).to.equal(`${location.origin}/data/indicators/`);
    script.dataset.base = 'http://[';
    expect(dataBase(script)).to.equal(document.baseURI);
    const base = 'https://statistik.example/daten/';
    expect(dataUrl('sgb2.json', base)).to.equal('https://statistik.example/daten/sgb2.json');
    expect(dataUrl('indicators/a.json', base)).to.equal('https://statistik.example/daten/indicators/a.json');
    expect(dataUrl('/a.json', base)).to.equal('https://statistik.example/a.json');
    expect(dataUrl('https://other.example/a.json', base)).to.equal('https://other.example/a.json');
    expect(dataUrl('http://[', base)).to.equal('http://[');
  });

  it('the single file takes data-base from its own script tag: the same snippet loads with it and fails without it', async () => {
    const page = (attrs: string) => `<!doctype html><html lang="de"><body>
      <script src="/dist/sozialraum-widgets.js" ${attrs}></script>
      <indicator-bar src="sgb2-arbeitslosigkeit.json" indicator="sgb2-quote-2020-12"></indicator-bar>
    </body></html>`;
    const frame = document.createElement('iframe');
    frame.width = '700';
    frames.push(frame);
    frame.srcdoc = page('data-base="/data/indicators/"');
    document.body.append(frame);
    await waitUntil(() => frame.contentDocument?.querySelector('indicator-bar')?.shadowRoot?.querySelector('svg g.item'), 'drawn with data-base', { timeout: 8000 });
    const requested = frame.contentWindow!.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
    expect(requested).to.include(SGB2);

    const without = document.createElement('iframe');
    frames.push(without);
    without.srcdoc = page('');
    document.body.append(without);
    await waitUntil(() => without.contentDocument?.querySelector('indicator-bar')?.shadowRoot?.querySelector('[role="alert"]'), 'no error without data-base', { timeout: 8000 });
    expect(alertText(without.contentDocument!.querySelector('indicator-bar')!)).to.contain('„sgb2-arbeitslosigkeit.json“');
  });
});

describe('data on another host: the network message names CORS', () => {
  it('names the other origin and Access-Control-Allow-Origin, in German and English; not for the page’s own origin', () => {
    const other = networkProblem('https://statistik.example/a.json', 'https://statistik.example/a.json', 'https:', 'https://www.dortmund.de');
    expect(other.key).to.equal('p_network');
    expect(problemText(other, 'de')).to.equal(
      'Die Datei „https://statistik.example/a.json“ konnte nicht geladen werden (sie liegt auf https://statistik.example; dieser Server muss den Abruf mit der CORS-Kopfzeile „Access-Control-Allow-Origin“ erlauben – oder er ist nicht erreichbar).',
    );
    expect(problemText(other, 'en')).to.contain('it is on https://statistik.example;').and.contain('“Access-Control-Allow-Origin”');
    const own = networkProblem('https://www.dortmund.de/a.json', '/a.json', 'https:', 'https://www.dortmund.de');
    expect(problemText(own, 'de')).to.equal('Die Datei „/a.json“ konnte nicht geladen werden (Netzwerkfehler oder Zugriff verweigert).');
    expect(problemText(networkProblem('http://[', 'http://[', 'https:', 'https://www.dortmund.de'), 'de')).to.not.contain('CORS');
  });

  it('a widget whose file on another origin does not answer says so, with the hint for editors', async () => {
    const el = await fixture(html`<indicator-bar src="http://127.0.0.1:9/daten.json"></indicator-bar>`);
    await settled(el);
    expect(alertText(el)).to.contain('Access-Control-Allow-Origin').and.contain('http://127.0.0.1:9');
    await expect(el).to.be.accessible();
  });
});
