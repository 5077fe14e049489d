import { expect, waitUntil } from '@open-wc/testing';
import '../src/indicator-bar/indicator-bar.js';
import '../src/sozialraum-map/sozialraum-map.js';
import '../src/trend-chart/trend-chart.js';
import { networkProblem } from '../src/core/data-controller.js';
import { problemText } from '../src/core/problems.js';
import { $$, alertText, settled, statusText, text } from './helpers.js';

/**
 * Offline (a deck opened from a USB stick, file://): every file a widget needs can be inlined — the
 * second files too, as <script type="application/json" data-for="milestones|geo"> — and a file that
 * cannot be fetched under file:// says why in plain words and names the fixes.
 */

const EU2 = '/data/eu2-residents.json';
const MILESTONES = '/data/milestones.json';
const SGB2 = '/data/indicators/sgb2-arbeitslosigkeit.json';
const FIXTURE_GEO = '/test/fixtures/geo/sozialraeume-made-up-boundaries.topo.json';

const fileText = async (url: string) => (await fetch(url)).text();

function jsonScript(json: string, dataFor?: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  if (dataFor) script.dataset.for = dataFor;
  script.textContent = json;
  return script;
}

const placed: Element[] = [];

/** Builds `<name attrs>children</name>` in the page (children in place before it upgrades) and waits for it. */
async function place<T extends HTMLElement>(name: string, attrs: Record<string, string>, children: Node[]): Promise<T> {
  const el = document.createElement(name) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  document.body.append(el);
  placed.push(el);
  await settled(el);
  return el;
}

/** Counts requests per path, to show that an inline file wins and nothing is fetched for it. */
function countFetches(): { paths: string[]; restore: () => void } {
  const realFetch = window.fetch;
  const paths: string[] = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    paths.push(new URL(String(input), document.baseURI).pathname);
    return realFetch(input, init);
  }) as typeof fetch;
  return { paths, restore: () => (window.fetch = realFetch) };
}

afterEach(() => {
  for (const el of placed.splice(0)) el.remove();
});

describe('offline: inline data for the second files (data-for)', () => {
  const ANNOTATIONS = 'eu-beitritt-bg-ro arbeitnehmerfreizuegigkeit-2014 netzwerk-neuzuwanderung';

  it('<trend-chart> reads its milestones from a data-for="milestones" child, before the attribute, and no file is fetched', async () => {
    const [series, milestones] = await Promise.all([fileText(EU2), fileText(MILESTONES)]);
    const fetches = countFetches();
    try {
      // The milestones script comes first: the chart's own data must not be taken from it.
      const el = await place('trend-chart', { milestones: '/gibt-es-nicht.json', annotations: ANNOTATIONS, style: 'width:900px' }, [
        jsonScript(milestones, 'milestones'),
        jsonScript(series),
      ]);
      await waitUntil(() => $$(el, 'circle.badge').length === 3, 'three numbered events');
      expect($$(el, '.events li').map((li) => text(li))).to.deep.equal([
        '1 01.01.2007: EU-Beitritt Bulgariens und Rumäniens',
        '2 seit Januar 2011: Dortmunder Netzwerk Neuzuwanderung gegründet',
        '3 01.01.2014: Volle Arbeitnehmerfreizügigkeit für Bulgarien und Rumänien',
      ]);
      expect($$(el, 'g.point')).to.have.length(19);
      expect(statusText(el)).to.equal('');
      expect(alertText(el)).to.equal('');
      expect(fetches.paths).to.deep.equal([], 'no request: both files are inline');
    } finally {
      fetches.restore();
    }
  });

  it('re-reads the data-for child when it changes, and falls back to the attribute when it is removed', async () => {
    const [series, milestones] = await Promise.all([fileText(EU2), fileText(MILESTONES)]);
    const inline = jsonScript(milestones, 'milestones');
    // The attribute names a file that is no milestones file: its message shows when it is used.
    const el = await place('trend-chart', { milestones: EU2, annotations: ANNOTATIONS, style: 'width:700px' }, [
      jsonScript(series),
      inline,
    ]);
    await waitUntil(() => $$(el, 'circle.badge').length === 3, 'three numbered events');
    const file = JSON.parse(milestones) as { milestones: Array<{ id: string }> };
    file.milestones = file.milestones.filter((m) => m.id !== 'netzwerk-neuzuwanderung');
    inline.textContent = JSON.stringify(file);
    await waitUntil(() => $$(el, 'circle.badge').length === 2, 'the edited inline file is read again');
    expect(statusText(el)).to.contain('netzwerk-neuzuwanderung');
    inline.remove();
    await waitUntil(() => statusText(el).includes('keine Meilenstein-Datei'), 'the attribute is used without the inline file');
    expect($$(el, 'circle.badge')).to.have.length(0);
    expect($$(el, 'g.point')).to.have.length(19, 'the chart itself still reads its own inline data');
  });

  it('<sozialraum-map> draws real boundaries from a data-for="geo" child', async () => {
    const geo = await fileText(FIXTURE_GEO);
    const fetches = countFetches();
    try {
      const el = await place('sozialraum-map', { src: SGB2, style: 'width:600px' }, [jsonScript(geo, 'geo')]);
      await waitUntil(() => $$(el, 'path.area').length === 39, 'boundaries drawn');
      expect(text($$(el, '.notes')[0])).to.not.contain('Schematische Darstellung');
      expect(alertText(el)).to.equal('');
      expect(fetches.paths).to.deep.equal([SGB2], 'only the main file is fetched; the boundaries are inline');
    } finally {
      fetches.restore();
    }
  });

  it('a broken data-for child is named like any broken file, and the main data ignores it', async () => {
    const el = await place('trend-chart', { annotations: 'eu-beitritt-bg-ro', src: EU2, style: 'width:600px' }, [jsonScript('{"kind": "milestones",', 'milestones')]);
    await waitUntil(() => statusText(el).includes('Zeile'), 'the JSON error is named');
    expect($$(el, 'g.point')).to.have.length(19, 'the chart is drawn from src, not from the data-for script');
  });
});

describe('offline: a file that cannot load under file://', () => {
  it('chooses the file:// problem when the page or the address is file:, the network one otherwise', () => {
    expect(networkProblem('file:///stick/daten/a.json', 'daten/a.json', 'file:').key).to.equal('p_fileProtocol');
    expect(networkProblem('https://example.org/a.json', 'https://example.org/a.json', 'file:').key).to.equal('p_fileProtocol');
    expect(networkProblem('file:///stick/a.json', 'file:///stick/a.json', 'http:').key).to.equal('p_fileProtocol');
    expect(networkProblem('https://example.org/a.json', '/a.json', 'https:').key).to.equal('p_network');
    const p = networkProblem('file:///stick/daten/a.json', 'daten/a.json', 'file:');
    expect(p.args).to.deep.equal(['daten/a.json'], 'the file as the editor wrote it');
    const de = problemText(p, 'de');
    expect(de).to.contain('„daten/a.json“ lässt sich ohne Server (file://) nicht laden');
    for (const fix of ['<script type="application/json">', 'npm run standalone', 'Webserver']) expect(de).to.contain(fix);
    const en = problemText(p, 'en');
    expect(en).to.contain('“daten/a.json” cannot be loaded without a server (file://)');
    for (const fix of ['<script type="application/json">', 'npm run standalone', 'web server']) expect(en).to.contain(fix);
  });

  it('a src that fails as a file: URL shows that message in the widget, in German and in English', async () => {
    // Browsers never fetch file: URLs: the same failure a page opened from disk meets.
    const de = await place('indicator-bar', { src: 'file:///stick/daten/rangfolgen.json', style: 'width:600px' }, []);
    expect(alertText(de)).to.contain('„file:///stick/daten/rangfolgen.json“ lässt sich ohne Server (file://) nicht laden.');
    expect(alertText(de)).to.contain('npm run standalone');
    const en = await place('indicator-bar', { src: 'file:///stick/data/rankings.json', lang: 'en', style: 'width:600px' }, []);
    expect(alertText(en)).to.contain('cannot be loaded without a server (file://)');
  });

  it('a milestones or geo file that fails as a file: URL says so too', async () => {
    const chart = await place('trend-chart', { src: EU2, milestones: 'file:///stick/milestones.json', annotations: 'eu-beitritt-bg-ro', style: 'width:600px' }, []);
    await waitUntil(() => statusText(chart).includes('file://'), 'the milestones problem is named');
    expect(statusText(chart)).to.contain('„file:///stick/milestones.json“ lässt sich ohne Server (file://) nicht laden');
    const map = await place('sozialraum-map', { src: SGB2, geo: 'file:///stick/grenzen.topo.json', style: 'width:600px' }, []);
    await waitUntil(() => `${alertText(map)} ${statusText(map)}`.includes('file://'), 'the geo problem is named');
  });
});
