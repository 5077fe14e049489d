import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../src/key-figure/key-figure.js';
import type { KeyFigure } from '../src/key-figure/key-figure.js';
import { $, $$, alertText, download, press, settled, shadow, statusText, tableRows, text } from './helpers.js';

/** <key-figure>: one sourced number, big — or a row of them. The numbers here are made up (never shipped). */

const MADE_UP = '/test/fixtures/key-figures-made-up.json';
const REAL = '/data/key-figures.json';

/** A figure has drawn its numbers (`.kf`) or a message. */
const figure = async (template: unknown): Promise<KeyFigure> => {
  const el = await fixture<KeyFigure>(template);
  await settled(el, 5000, '.kf');
  return el;
};

const numbers = (el: Element) => $$(el, '.kf .number').map((n) => text(n));
const sentences = (el: Element) => $$(el, '.kf > .visually-hidden').map((n) => text(n));
const metas = (el: Element) => $$(el, '.kf .meta').map((n) => text(n));
const later = (el: Element) => $$(el, '.kf.later').length;

/** Keys that reached the page (a deck listens on the document). */
function pageKeys(): { keys: string[]; stop: () => void } {
  const keys: string[] = [];
  const listener = (e: KeyboardEvent) => keys.push(e.key);
  document.addEventListener('keydown', listener);
  return { keys, stop: () => document.removeEventListener('keydown', listener) };
}

async function pressed(el: KeyFigure, key: string): Promise<void> {
  press(el, key);
  await el.updateComplete;
  await el.updateComplete;
}

/** Made-up files inline (never shipped). */
const madeUp = (figures: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'key-figures',
  title: 'Erfundene Kennzahlen (Testdaten)',
  sources: [{ id: 's1', publisher: 'Testamt', title: 'Erfundene Quelle' }],
  figures,
  ...extra,
});
const f = (id: string, extra: Record<string, unknown> = {}) => ({ id, value: 1, display: '1', label: `Zahl ${id}`, sources: ['s1'], ...extra });

describe('<key-figure>: the number as the source words it', () => {
  it('shows "über 123.000" big, its label, the Stand, and one sentence for screen readers', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="einwohner" style="width:500px"></key-figure>`);
    expect(numbers(el)).to.deep.equal(['über 123.000']);
    expect(text($(el, '.kf .label'))).to.equal('Einwohnerinnen und Einwohner');
    expect(metas(el)).to.deep.equal(['Stand: September 2014']);
    expect(sentences(el)).to.deep.equal(['Über 123.000 Einwohnerinnen und Einwohner. Stand: September 2014. Quelle: Testamt.']);
    // What the eye sees is hidden from screen readers, which hear the sentence instead.
    expect($(el, '.kf > [aria-hidden="true"] .number')).to.exist;
    expect(text($(el, '.title'))).to.equal('Erfundene Kennzahlen (Testdaten)');
    expect(text($(el, '.source'))).to.equal('Quelle: Testamt: Erfundener Vortrag, 20.10.2014 · Stand: September 2014');
    expect($(el, '.source a')!.getAttribute('href')).to.equal('https://example.org/erfunden');
    // One figure is no list.
    expect($(el, '[role="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps every precision word and range, never rounds, and marks derived (*) and unverified ((?)) figures', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="einwohner, quote anteil spanne rund fehlt" style="width:900px"></key-figure>`);
    // (text() reads the no-break spaces before % and (?) as spaces.)
    expect(numbers(el)).to.deep.equal(['über 123.000', '12,3 %', 'fast 2/3 (?)', '11–22 %*', '≈ 40 %', 'keine Angabe']);
    expect($$(el, '.kf .number')[1].textContent).to.equal('12,3\u00a0%');
    expect($$(el, '.kf .number.missing')).to.have.length(1);
    expect($$(el, '[role="listitem"]')).to.have.length(6);
    expect($$(el, '.notes li').map((li) => text(li))).to.deep.equal(['(?) nicht bestätigt (nur aus politischer Quelle)', '* abgeleitet (aus zwei Quellwerten berechnet)']);
    const said = sentences(el);
    expect(said[2]).to.equal('Fast 2/3 der erfundenen Gruppe. Nicht bestätigt (nur aus politischer Quelle). Stand: Stichtag nicht genannt. Quelle: Zweites Testamt.');
    expect(said[3]).to.equal('11–22 % Erfundene Spanne. Abgeleitet (aus zwei Quellwerten berechnet). Stand: 2022. Quelle: Zweites Testamt.');
    expect(said[5]).to.equal('Erfundene Zahl ohne Angabe: keine Angabe. Stand: 2022. Quelle: Zweites Testamt.');
    // Different sources: each figure names its own under it.
    expect(metas(el)[0]).to.equal('Stand: September 2014Quelle: Testamt');
    expect(metas(el)[2]).to.equal('Stand: Stichtag nicht genanntQuelle: Zweites Testamt');
    await expect(el).to.be.accessible();
  });

  it('without the source\'s wording writes the value with exactly its own decimals, its unit and the qualifier\'s sign', async () => {
    const data = madeUp([
      f('a', { display: undefined, value: 12.345, unit: '%', qualifier: 'at-least' }),
      f('b', { display: undefined, value: 1.5, valueTo: 2.25, unit: 'Mio. €', qualifier: 'up-to' }),
      f('c', { display: '12,6 %', value: 12.6, unit: '%' }),
    ]);
    const el = await figure(html`<key-figure .data=${data} style="width:900px"></key-figure>`);
    expect($$(el, '.kf .number').map((n) => n.textContent)).to.deep.equal(['≥\u202f12,345\u00a0%', '≤\u202f1,5–2,25\u00a0Mio. €', '12,6 %']);
    const en = await figure(html`<key-figure lang="en" .data=${data} style="width:900px"></key-figure>`);
    expect($$(en, '.kf .number').map((n) => n.textContent)).to.deep.equal(['≥\u202f12.345%', '≤\u202f1.5–2.25\u00a0Mio. €', '12,6 %']);
    const file = await download(el, 'CSV');
    const lines = (await file.blob.text()).replace(/^\ufeff/, '').split('\r\n');
    expect(lines.slice(1, 4).map((l) => l.split(';').slice(1, 3))).to.deep.equal([
      ['"≥\u202f12,345\u00a0%"', '12,345'],
      ['"≤\u202f1,5–2,25\u00a0Mio. €"', '"1,5–2,25"'],
      ['"12,6 %"', '12,6'],
    ]);
  });

  it('shows the comparison the source gives, and the Stand of each figure', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="quote anteil" style="width:700px"></key-figure>`);
    expect(text($(el, '.kf .comparison'))).to.equal('Vergleichsstadt: 9,9 %');
    expect(sentences(el)[0]).to.equal('12,3 % Erfundene Quote (Vergleichsstadt: 9,9 %). Stand: 31.12.2013. Quelle: Testamt.');
    expect(metas(el).map((m) => m.replace(/Quelle.*/, ''))).to.deep.equal(['Stand: 31.12.2013', 'Stand: Stichtag nicht genannt']);
    expect(text($(el, '.source'))).to.match(/· Stand: 31\.12\.2013 \(Stichtag nicht genannt\)$/);
  });

  it('speaks English with lang="en": the source\'s English wording, English marks and messages', async () => {
    const el = await figure(html`<key-figure lang="en" src=${MADE_UP} figure="einwohner quote spanne rund fehlt" style="width:900px"></key-figure>`);
    expect(numbers(el)).to.deep.equal(['over 123,000', '12.3%', '11–22%*', '≈ 40%', 'not available']);
    expect(sentences(el)[0]).to.equal('Over 123,000 residents. As of: September 2014. Source: Testamt.');
    expect(text($(el, '.title'))).to.equal('Made-up key figures (test data)');
    const wrong = await figure(html`<key-figure lang="en" src=${MADE_UP} figure="nope"></key-figure>`);
    expect(alertText(wrong)).to.contain('Attribute “figure”: “nope” is not applied; possible values: einwohner, quote, anteil, spanne, rund, fehlt, ….');
  });

  it('shows every figure of a group, and all figures without figure or group', async () => {
    const group = await figure(html`<key-figure src=${MADE_UP} group="g2022" style="width:700px"></key-figure>`);
    expect(numbers(group)).to.deep.equal(['fast 2/3 (?)', '11–22 %*']);
    const all = await figure(html`<key-figure src=${MADE_UP} style="width:900px"></key-figure>`);
    expect(numbers(all)).to.have.length(7);
  });

  it('draws a small trend line from a time series, said in words, its sources in the source line', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="verlauf" style="width:400px"></key-figure>`);
    await waitUntil(() => $(el, '.spark polyline'), 'no trend line');
    const points = $(el, '.spark polyline')!.getAttribute('points')!.split(' ');
    expect(points.length).to.be.at.least(10);
    expect(points.every((p) => /^\d+(\.\d)?,\d+(\.\d)?$/.test(p)), points.join(' ')).to.equal(true);
    expect($(el, '.spark path.end')).to.exist;
    expect(sentences(el)[0]).to.match(/^Rund 9\.000 mit erfundenem Verlauf\. Erfundene Anmerkung\. Stand: 2018\. Verlauf: .+: [\d.]+ bis .+: [\d.]+\. Quelle: Testamt\.$/);
    expect(metas(el)).to.deep.equal(['Erfundene Anmerkung.', 'Stand: 2018']);
    // The trend line's values are numbers too: their sources are named.
    expect($$(el, '.source li, .source a').length + text($(el, '.source')).split(';').length).to.be.above(2);
    const box = $(el, '.spark')!.getBoundingClientRect();
    expect(box.height).to.be.above(10);
    await expect(el).to.be.accessible();
  });

  it('reads the trend line from an inline script (data-for="sparkline"), and names an unknown series without hiding the figure', async () => {
    const series = {
      kind: 'timeseries',
      title: 'Erfundene Reihe (Testdaten)',
      sources: [{ id: 'r1', publisher: 'Reihenamt', title: 'Erfundene Reihe' }],
      series: [{ id: 'a', label: 'A', points: [{ date: '2010', value: 1, sources: ['r1'] }, { date: '2012', value: 4, sources: ['r1'] }, { date: '2014', value: 2, sources: ['r1'] }] }],
    };
    const data = madeUp([f('x', { series: { src: 'gibt-es-nicht.json', series: 'a' } }), f('y', { series: { src: 'gibt-es-nicht.json', series: 'b' } })]);
    const el = await figure(html`<key-figure style="width:600px">
      <script type="application/json">${JSON.stringify(data)}</script>
      <script type="application/json" data-for="sparkline">${JSON.stringify(series)}</script>
    </key-figure>`);
    await waitUntil(() => $(el, '.spark polyline'));
    expect($(el, '.spark polyline')!.getAttribute('points')).to.equal('0,21.5 50,2 100,15');
    expect(sentences(el)[0]).to.contain('Verlauf: 2010: 1 bis 2014: 2.');
    expect(text($(el, '.source'))).to.contain('Reihenamt');
    expect(statusText(el)).to.contain('Der Verlauf wird nicht gezeigt:');
    expect(statusText(el)).to.contain('Diese Reihen gibt es nicht: b. Verfügbar: a.');
    expect(numbers(el)).to.deep.equal(['1', '1']);
  });
});

describe('<key-figure> on a slide', () => {
  it('reveals a row figure by figure: keys it handles stay in it, "next" at the end goes on to the deck', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="einwohner quote anteil" mode="steps" style="width:900px"></key-figure>`);
    expect(text($(el, '.step-count'))).to.equal('Schritt 1 von 3');
    expect(later(el)).to.equal(2);
    expect($(el, '.kf.current')!.getAttribute('data-id')).to.equal('einwohner');
    const stop = $(el, '.figures[tabindex="0"]')!;
    expect(stop.getAttribute('aria-describedby')).to.equal(`${$(el, '.chart .visually-hidden[id$="-hint"]')!.id}`);
    stop.focus();
    const page = pageKeys();
    try {
      const fired = oneEvent(el, 'widget-step');
      await pressed(el, 'ArrowRight');
      expect((await fired).detail).to.deep.equal({ current: 2, total: 3, kind: 'step' });
      expect(el.current).to.equal(2);
      expect(el.getAttribute('current')).to.equal('2');
      expect(later(el)).to.equal(1);
      expect($(el, '.kf.current')!.getAttribute('data-id')).to.equal('quote');
      expect(text($(el, '.steps-live'))).to.equal('Schritt 2 von 3: 12,3 % Erfundene Quote (Vergleichsstadt: 9,9 %). Stand: 31.12.2013. Quelle: Testamt.');
      for (const key of ['ArrowLeft', ' ', 'PageDown', 'ArrowUp', 'End', 'Home', 'ArrowDown', 'End']) await pressed(el, key);
      expect(page.keys, 'handled keys stay in the widget').to.deep.equal([]);
      expect(el.current).to.equal(3);
      expect(later(el)).to.equal(0);
      await pressed(el, 'PageDown');
      expect(page.keys).to.deep.equal(['PageDown'], 'at the last step the clicker moves the deck');
      await pressed(el, 'Home');
      await pressed(el, 'ArrowLeft');
      expect(page.keys).to.deep.equal(['PageDown', 'ArrowLeft'], 'back at the first step goes to the deck');
      expect(el.current).to.equal(1);
    } finally {
      page.stop();
    }
    $(el, '.step-next')!.click();
    await el.updateComplete;
    expect(el.current).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('reveals several figures per step with step-by, names a bad step-by, and prints every figure', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="einwohner quote anteil spanne rund" mode="steps" step-by="2" style="width:900px"></key-figure>`);
    expect(text($(el, '.step-count'))).to.equal('Schritt 1 von 3');
    expect(later(el)).to.equal(3);
    expect($$(el, '.kf.current').map((n) => n.getAttribute('data-id'))).to.deep.equal(['einwohner', 'quote']);
    el.current = 3;
    await el.updateComplete;
    expect($$(el, '.kf.current').map((n) => n.getAttribute('data-id'))).to.deep.equal(['rund']);
    el.current = 1;
    await el.updateComplete;
    try {
      await emulateMedia({ media: 'print' });
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      expect(later(el)).to.equal(0);
      expect(getComputedStyle($(el, '.steps') ?? $(el, '.actions')!).display).to.equal('none');
    } finally {
      window.dispatchEvent(new Event('afterprint'));
      await emulateMedia({ media: 'screen' });
    }
    const bad = await figure(html`<key-figure src=${MADE_UP} figure="einwohner quote" mode="steps" step-by="zwei"></key-figure>`);
    expect(statusText(bad)).to.contain('Attribut „step-by“: „zwei“ wird nicht angewendet; erwartet: eine Zahl ab 1.');
    expect(text($(bad, '.step-count'))).to.equal('Schritt 1 von 2');
  });

  it('is big on a 1920 × 1080 slide: fitted into its box, smallest text at least 24 px, the number far larger', async () => {
    await setViewport({ width: 1920, height: 1080 });
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1800px;height:900px">
        <key-figure fit presentation src=${MADE_UP} figure="einwohner quote anteil spanne" heading-level="3"></key-figure>
      </div>`);
      const el = wrap.firstElementChild as KeyFigure;
      await settled(el, 5000, '.kf');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = el.getBoundingClientRect();
      expect(box.height).to.be.closeTo(900, 1);
      expect(el.scrollHeight, 'nothing runs out of the box').to.be.at.most(el.clientHeight + 1);
      let smallest = Infinity;
      for (const node of shadow(el).querySelectorAll('*')) {
        const own = [...node.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        const r = node.getBoundingClientRect();
        if (!own || r.width <= 1 || r.height <= 1 || !node.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(node).fontSize));
      }
      expect(smallest).to.be.at.least(24);
      expect(parseFloat(getComputedStyle($(el, '.number')!).fontSize)).to.be.at.least(60);
      for (const part of ['.title', '.source', 'button.fullscreen']) {
        const r = $(el, part)!.getBoundingClientRect();
        expect(r.bottom, part).to.be.at.most(box.bottom + 1);
      }
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('fits 320 px: a row of four stacks, nothing wider than the phone', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="einwohner quote anteil spanne" style="width:320px"></key-figure>`);
    expect(el.scrollWidth).to.be.at.most(320);
    const kfs = $$(el, '.kf');
    expect(kfs[1].getBoundingClientRect().top).to.be.above(kfs[0].getBoundingClientRect().bottom - 1);
    for (const n of $$(el, '.number')) expect(n.scrollWidth, text(n)).to.be.at.most(n.clientWidth + 1);
  });
});

describe('<key-figure> look: dark, forced colours', () => {
  it('is readable in the dark theme, axe-clean', async () => {
    const el = await figure(html`<key-figure theme="dark" src=${MADE_UP} figure="einwohner anteil" style="width:600px"></key-figure>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 22, 22)');
    expect(getComputedStyle($(el, '.number')!).color).to.equal('rgb(124, 180, 236)');
    await expect(el).to.be.accessible();
  });

  it('uses system colours in forced-colors mode', async () => {
    await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      const el = await figure(html`<key-figure src=${MADE_UP} figure="verlauf quote" style="width:600px"></key-figure>`);
      await waitUntil(() => $(el, '.spark polyline'));
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = 'CanvasText';
      const canvasText = getComputedStyle(probe).color;
      probe.remove();
      expect(getComputedStyle($(el, '.number')!).color).to.equal(canvasText);
      expect(getComputedStyle($(el, '.spark polyline')!).stroke).to.equal(canvasText);
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'none' }] });
    }
  });
});

describe('<key-figure> with bad input: a clear message, the fallback kept', () => {
  const fallbackShown = (el: Element) => !!$(el, '.fallback slot') && !!el.querySelector('p')?.getClientRects().length;

  it('names an unknown figure and lists a few that exist; a partly unknown list shows the rest with a note', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="gibtsnicht"><p>Ersatztext</p></key-figure>`);
    expect(alertText(el)).to.contain('Attribut „figure“: „gibtsnicht“ wird nicht angewendet; möglich sind: einwohner, quote, anteil, spanne, rund, fehlt, ….');
    expect(fallbackShown(el)).to.equal(true);
    await expect(el).to.be.accessible();
    const partly = await figure(html`<key-figure src=${MADE_UP} figure="einwohner gibtsnicht"></key-figure>`);
    expect(numbers(partly)).to.deep.equal(['über 123.000']);
    expect(statusText(partly)).to.contain('Attribut „figure“: „gibtsnicht“ wird nicht angewendet');
  });

  it('names an unknown group with the groups there are', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} group="g1999"></key-figure>`);
    expect(alertText(el)).to.contain('Attribut „group“: „g1999“ wird nicht angewendet; möglich sind: g2014, g2022.');
  });

  it('says when the file is of another kind, empty, missing or not JSON', async () => {
    const other = await figure(html`<key-figure src="/data/milestones.json"><p>Ersatztext</p></key-figure>`);
    expect(alertText(other)).to.contain('Die Daten sind keine Kennzahlen-Datei (erwartet wird "kind": "key-figures").');
    expect(fallbackShown(other)).to.equal(true);
    const empty = await figure(html`<key-figure .data=${madeUp([])}></key-figure>`);
    expect(alertText(empty)).to.contain("Feld 'figures' darf nicht leer sein.");
    const missing = await figure(html`<key-figure src="/test/fixtures/gibt-es-nicht.json"></key-figure>`);
    expect(alertText(missing)).to.contain('wurde nicht gefunden (HTTP 404)');
    const none = await figure(html`<key-figure><p>Ersatztext</p></key-figure>`);
    expect(alertText(none)).to.contain('Es sind keine Daten angegeben');
    const broken = await figure(html`<key-figure><script type="application/json">{ "kind": "key-figures", </script></key-figure>`);
    expect(alertText(broken)).to.contain('kein gültiges JSON');
  });

  it('names values of the wrong type by field; a faulty figure among good ones is left out with a note', async () => {
    const el = await figure(html`<key-figure .data=${madeUp([f('a', { value: '580000' })])}><p>Ersatztext</p></key-figure>`);
    expect(alertText(el)).to.contain("Feld 'figures[0].value' muss eine Zahl oder null (keine Angabe) sein.");
    expect(fallbackShown(el)).to.equal(true);
    const some = await figure(html`<key-figure .data=${madeUp([f('a'), f('b', { label: 7, stichtag: '2021-02-30' }), f('c', { sources: ['fehlt'] })])}></key-figure>`);
    expect(numbers(some)).to.deep.equal(['1', '1']);
    const note = statusText(some);
    expect(note).to.contain("Feld 'figures[1].label' muss ein Text oder ein Objekt { \"de\": …, \"en\": … } sein.");
    expect(note).to.contain("Feld 'figures[1].stichtag' muss ein Datum wie 2020, 2020-12 oder 2020-12-31 sein.");
    expect(note).to.contain('Nicht gezeigt wegen fehlerhafter Angaben: figures[1] („b“).');
    expect(note).to.contain("Feld 'figures[2].sources[0]' nennt die Quelle „fehlt“, die unter „sources“ fehlt.");
    const header = await figure(html`<key-figure .data=${madeUp([f('a')], { sources: [] })}></key-figure>`);
    expect(alertText(header)).to.contain("Feld 'sources' darf nicht leer sein.");
    const javascript = await figure(html`<key-figure .data=${madeUp([f('a')], { sources: [{ id: 's1', title: 'Quelle', url: 'javascript:alert(1)' }] })}></key-figure>`);
    expect(numbers(javascript)).to.deep.equal(['1']);
    expect($(javascript, '.source a')).to.equal(null);
  });

  it('says the same in English', async () => {
    const el = await figure(html`<key-figure lang="en" .data=${madeUp([f('a', { value: '580000' })])}></key-figure>`);
    expect(alertText(el)).to.contain("Field 'figures[0].value' must be a number or null (not available).");
    const other = await figure(html`<key-figure lang="en" src="/data/milestones.json"></key-figure>`);
    expect(alertText(other)).to.contain('The data is not a key-figures file');
  });
});

describe('<key-figure> from a table or a list in the page', () => {
  it('reads a table by its headers (German dates, "–" = keine Angabe), the table staying the fallback', async () => {
    const el = await figure(html`<key-figure source="Erfundenes Amt (Testdaten)" stichtag="2022" style="width:900px">
      <table>
        <caption>Erfundene Zahlen</caption>
        <thead><tr><th>Zahl</th><th>Bezeichnung</th><th>Stand</th><th>Vergleich</th></tr></thead>
        <tbody>
          <tr><td>über 1.234</td><td>erfundene Menschen</td><td>31.12.2013</td><td>–</td></tr>
          <tr><td>12,5 %</td><td>erfundene Quote</td><td>09/2014</td><td>Land: 8,0 %</td></tr>
          <tr><td>–</td><td>nicht bekannt</td><td></td><td></td></tr>
          <tr><td>fast die Hälfte</td><td>in Worten</td><td>Ende 2014</td><td></td></tr>
        </tbody>
      </table>
    </key-figure>`);
    expect(numbers(el)).to.deep.equal(['über 1.234', '12,5 %', 'keine Angabe', 'fast die Hälfte']);
    expect(text($(el, '.title'))).to.equal('Erfundene Zahlen');
    expect(metas(el)).to.deep.equal(['Stand: 31.12.2013', 'Stand: September 2014', 'Stand: 2022', 'Stand: Ende 2014']);
    expect(text($$(el, '.kf .comparison')[0])).to.equal('Land: 8,0 %');
    expect(sentences(el)[0]).to.equal('Über 1.234 erfundene Menschen. Stand: 31.12.2013. Quelle: Erfundenes Amt (Testdaten).');
    expect(text($(el, '.source'))).to.contain('Quelle: Erfundenes Amt (Testdaten)');
    // The table is the content without JavaScript; drawn, it is not shown twice.
    expect($(el, 'slot')).to.equal(null);
    expect(await tableRows(el)).to.deep.equal([
      // A page's table gives only the wording: the Wert column stays empty.
      ['erfundene Menschen', 'über 1.234', '', '', '31.12.2013', 'Erfundenes Amt (Testdaten)'],
      ['erfundene Quote', '12,5 %', '', 'Land: 8,0 %', 'September 2014', 'Erfundenes Amt (Testdaten)'],
      ['nicht bekannt', 'keine Angabe', '', '', '2022', 'Erfundenes Amt (Testdaten)'],
      ['in Worten', 'fast die Hälfte', '', '', 'Ende 2014', 'Erfundenes Amt (Testdaten)'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('reads a source column: each figure names its own, a row without one takes the source attribute', async () => {
    const el = await figure(html`<key-figure source="Erfundenes Amt (Testdaten)" style="width:900px">
      <table>
        <thead><tr><th>Bezeichnung</th><th>Zahl</th><th>Quelle</th><th>Stand</th></tr></thead>
        <tbody>
          <tr><td>erfundene Menschen</td><td>über 1.234</td><td>Amt A (Testdaten)</td><td>2014</td></tr>
          <tr><td>erfundene Quote</td><td>12,5 %</td><td>–</td><td>irgendwann</td></tr>
          <tr><td>erfundene Zahl</td><td>7</td><td>Amt A (Testdaten)</td><td>–</td></tr>
        </tbody>
      </table>
    </key-figure>`);
    expect(metas(el)).to.deep.equal([
      'Stand: 2014Quelle: Amt A (Testdaten)',
      'Stand: irgendwannQuelle: Erfundenes Amt (Testdaten)',
      'Stand: keine AngabeQuelle: Amt A (Testdaten)',
    ]);
    // The line names each source once, in the order the figures cite them, and the Stand's note of the figure without a date.
    expect(text($(el, '.source'))).to.equal('Quellen: Amt A (Testdaten); Erfundenes Amt (Testdaten) · Stand: 2014 (irgendwann)');
    await expect(el).to.be.accessible();
  });

  it('reads pasted CSV (<script type="text/csv">) the same way', async () => {
    const el = await figure(html`<key-figure source="Erfundenes Amt (Testdaten)">
      <script type="text/csv">Bezeichnung;Zahl;Stand
erfundene Menschen;über 1.234;2014
erfundene Quote;"12,5 %";09/2014</script>
    </key-figure>`);
    expect(numbers(el)).to.deep.equal(['über 1.234', '12,5 %']);
    expect(metas(el)).to.deep.equal(['Stand: 2014', 'Stand: September 2014']);
  });

  it('reads a table without a source and says so; an empty table is an error', async () => {
    const el = await figure(html`<key-figure><table><tr><td>Eins</td><td>1</td></tr></table></key-figure>`);
    expect(numbers(el)).to.deep.equal(['1']);
    expect(statusText(el)).to.contain('Die Daten nennen keine Quelle');
    const empty = await figure(html`<key-figure><table><thead><tr><th>Zahl</th></tr></thead><tbody></tbody></table></key-figure>`);
    expect(alertText(empty)).to.contain('Die Tabelle enthält keine Datenzeilen.');
  });

  it('reads a <dl> (dt = label, dd = the number as worded, a second dd = comparison) and follows edits', async () => {
    const el = await figure(html`<key-figure source="Erfundenes Amt (Testdaten)" stichtag="2014-09" title="Erfunden in Zahlen" style="width:700px">
      <dl>
        <dt>erfundene Menschen</dt><dd>über 580.000</dd>
        <dt>erfundene Quote</dt><dd>12,6 %</dd><dd>Land: 8,0 %</dd>
      </dl>
    </key-figure>`);
    expect(numbers(el)).to.deep.equal(['über 580.000', '12,6 %']);
    expect(text($(el, '.kf .comparison'))).to.equal('Land: 8,0 %');
    expect(metas(el)).to.deep.equal(['Stand: September 2014', 'Stand: September 2014']);
    expect(text($(el, '.title'))).to.equal('Erfunden in Zahlen');
    el.querySelector('dd')!.textContent = 'rund 600.000';
    await waitUntil(() => numbers(el)[0] === 'rund 600.000', 'the edited list was not drawn');
    await expect(el).to.be.accessible();
    const empty = await figure(html`<key-figure><dl></dl></key-figure>`);
    expect(alertText(empty), 'an empty list is no data').to.contain('Es sind keine Daten angegeben');
    const badDate = await figure(html`<key-figure source="Erfundenes Amt" stichtag="irgendwann"><dl><dt>a</dt><dd>1</dd></dl></key-figure>`);
    expect(statusText(badDate)).to.contain('irgendwann');
  });
});

describe('<key-figure> downloads and the real data', () => {
  it('downloads the figures as CSV with the source words, the plain value and the source line; no image downloads', async () => {
    const el = await figure(html`<key-figure src=${MADE_UP} figure="einwohner quote spanne"></key-figure>`);
    expect($$(el, '.actions button').map((b) => text(b))).to.deep.equal(['Tabelle anzeigen', 'CSV', 'Vollbild']);
    const file = await download(el, 'CSV');
    expect(file.name).to.equal('erfundene-kennzahlen-testdaten.csv');
    const lines = (await file.blob.text()).replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).to.equal('Bezeichnung;Zahl;Wert;Vergleichswert;Stand;Quelle');
    expect(lines[1]).to.equal('Einwohnerinnen und Einwohner;über 123.000;123000;;September 2014;Testamt: Erfundener Vortrag');
    expect(lines[2]).to.equal('Erfundene Quote;"12,3\u00a0%";12,3;"Vergleichsstadt: 9,9 %";31.12.2013;Testamt: Erfundener Vortrag');
    expect(lines[3]).to.equal('Erfundene Spanne;11–22\u00a0%*;11–22;;2022;Zweites Testamt: Erfundener Bericht');
    expect(lines.at(-2)).to.match(/^"?Quellen: Testamt: Erfundener Vortrag, 20\.10\.2014; Zweites Testamt: Erfundener Bericht, 2022 · Stand: September 2014, 31\.12\.2013, 2022/);
  });

  it('shows figures of data/key-figures.json, each with a source and a Stand', async () => {
    const el = await figure(html`<key-figure src=${REAL} style="width:900px"></key-figure>`);
    expect(alertText(el)).to.equal('');
    const n = numbers(el).length;
    expect(n).to.be.at.least(10);
    expect(numbers(el).every((t) => t && !/NaN|undefined|\[object/.test(t))).to.equal(true);
    expect(sentences(el).every((s) => /Stand: .+\. Quellen?: .+\.$/.test(s)), sentences(el).join('\n')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
