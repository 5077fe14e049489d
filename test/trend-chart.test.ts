import { aTimeout, expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/trend-chart/trend-chart.js';
import type { TrendChart } from '../src/trend-chart/trend-chart.js';
import { $, $$, alertText, download, hideAndShow, holdFetch, passesThrough, press, settled, shadow, statusText, straightPieces, svgLines, tableRows, text, widget } from './helpers.js';

const EU2 = '/data/eu2-residents.json';
const MILESTONES = '/data/milestones.json';

const chart = (template: ReturnType<typeof html>) => widget<TrendChart>(template);

const points = (el: Element) => $$(el, 'g.point');
const pointLabels = (el: Element) => points(el).map((p) => p.getAttribute('aria-label') ?? '');
const markerX = (el: Element, i: number) => Number(points(el)[i].querySelector('circle.hit')!.getAttribute('cx'));
const live = (el: Element) => text($(el, '.chart [aria-live="polite"]'));
const activeLabel = (el: Element) => (shadow(el).activeElement as Element | null)?.getAttribute('aria-label') ?? '';

/** Made-up test data (never shipped): a small time series file. */
const madeUp = (series: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'timeseries',
  title: 'Testreihe (erfundene Werte)',
  unit: 'Personen',
  sources: [{ id: 'q', title: 'Testquelle' }],
  series,
  ...extra,
});
const pt = (date: string, value: number, extra: Record<string, unknown> = {}) => ({ date, value, sources: ['q'], ...extra });

describe('<trend-chart> with the project data', () => {
  it('draws every sourced value as a marker on a true time axis, with the BG/RO split in words', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:900px"></trend-chart>`);
    expect(points(el)).to.have.length(15 + 2 + 2);
    expect(pointLabels(el)).to.include('31.12.2018: 9.039 (Bulgarien 3.925, Rumänien 5.114), Dortmund');
    expect(pointLabels(el)[0]).to.equal('2006: 573, Dortmund, nicht bestätigt (nur aus politischer Quelle)');
    // Irregular dates sit where they belong: December 2013 → February 2014 is short, 2006 → 2012 long.
    const gapShort = markerX(el, 3) - markerX(el, 2);
    const gapLong = markerX(el, 1) - markerX(el, 0);
    expect(gapLong / gapShort).to.be.closeTo((6.5 * 12) / 2, 4);
    await expect(el).to.be.accessible();
  });

  it('draws long gaps dashed and doubtful values with their own open markers, and explains both', async () => {
    const el = await chart(html`<trend-chart src=${EU2} series="dortmund" style="width:900px"></trend-chart>`);
    const dashed = $(el, 'path.line.gap')!.getAttribute('d')!;
    // More than 400 days without a value: 2006 → Dec 2012, 2018 → 2021, 2021 → 2023 (one year apart stays solid).
    expect(dashed.match(/M/g)).to.have.length(3);
    expect($$(el, 'g.point path.marker.open')).to.have.length(3, 'three unverified values: diamonds');
    expect($$(el, 'g.point circle.marker.open')).to.have.length(3, 'three rounded or approximate values: open circles');
    const key = text($(el, '.legend.key'));
    expect(key).to.contain('nicht bestätigt');
    expect(key).to.contain('gerundet oder ungefähr');
    expect(key).to.contain('gestrichelt: mehr als ein Jahr ohne belegten Wert');
    // The tooltip explains the point on focus.
    points(el)[5].focus();
    await el.updateComplete;
    const tip = text($(el, '.tooltip'));
    expect(tip).to.contain('gerundet („rund“)');
    expect(tip).to.contain('Bildunterschrift eines Artikels vom Februar 2015');
  });

  it('lists every source of the shown points (compact, all on demand) with the latest Stichtag', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:900px"></trend-chart>`);
    const source = text($(el, '.source'));
    expect(source).to.contain('Stand: 31.12.2023');
    expect(source).to.contain('Alle 16 Quellen anzeigen');
    // The full list is drawn when the reader opens it, and is there as it opens.
    const details = $(el, '.source details') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    ($(el, '.source summary') as HTMLElement).click();
    expect(details.open).to.equal(true);
    await el.updateComplete;
    expect($$(el, '.source details li')).to.have.length(16);
    expect(($(el, '.source details a') as HTMLAnchorElement).href).to.match(/^https?:/);
    await expect(el).to.be.accessible();
    // Only the shown points count: one series, one year.
    const narrow = await chart(html`<trend-chart src=${EU2} series="dortmund" from="2018" to="2018" style="width:600px"></trend-chart>`);
    expect(points(narrow)).to.have.length(1);
    const one = text($(narrow, '.source'));
    expect(one).to.contain('Sachstandsbericht Zuwanderung aus Südosteuropa 2019');
    expect(one).to.contain('In diese Stadtbezirke ziehen zunehmend');
    expect(one).to.not.contain('Grünen');
  });

  it('shows the data as a table with flags, notes and sources', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:700px"></trend-chart>`);
    const rows = await tableRows(el);
    expect(rows).to.have.length(19);
    const row = rows.find((r) => r[1] === '31.12.2015')!;
    expect(row.slice(0, 5)).to.deep.equal(['Dortmund', '31.12.2015', '7.901', '2.988', '4.913']);
    expect(row[5]).to.contain('nicht bestätigt');
    expect(row[6]).to.contain('Vorlage der Verwaltung');
  });

  it('speaks English with lang="en"', async () => {
    const el = await chart(html`<trend-chart src=${EU2} lang="en" style="width:700px"></trend-chart>`);
    expect(pointLabels(el)).to.include('31 December 2018: 9,039 (Bulgaria 3,925, Romania 5,114), Dortmund');
    expect(text($(el, '.title'))).to.equal('Residents with Bulgarian or Romanian citizenship in Dortmund');
    expect(text($(el, '.legend.key'))).to.contain('dashed: more than a year without a sourced value');
  });

  it('fits a 320 px column and stays accessible in the dark theme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await chart(html`<trend-chart theme="dark" src=${EU2} style="width:320px;display:block"></trend-chart>`);
      // The dark widget's inner padding (boxed, theme.ts) comes a frame after the first drawing; the chart then draws again, narrower.
      await nextFrame();
      await nextFrame();
      await el.updateComplete;
      const svgEl = $(el, 'svg.trend')!;
      expect(Number(svgEl.getAttribute('width'))).to.be.at.most(320);
      expect(el.scrollWidth).to.be.at.most(320);
      expect(points(el)).to.have.length(19);
      expect(text(svgEl)).to.contain('Dortmund');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('<trend-chart> series names on the chart', () => {
  /** Boxes of the series names and of the markers (radius 4.5 and stroke), in the chart's pixels. */
  const nameBoxes = (el: Element) => $$(el, 'text.end-label').map((t) => (t as SVGGraphicsElement).getBBox());
  const markerBoxes = (el: Element) =>
    points(el).map((p) => {
      const c = p.querySelector('circle.hit')!;
      const [x, y] = [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))];
      return { x: x - 5.5, y: y - 5.5, width: 11, height: 11 };
    });
  const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  for (const width of [320, 360, 420, 560, 900]) {
    it(`never hides a data point or another name, ${width} px wide`, async () => {
      const el = await chart(html`<trend-chart src=${EU2} style=${`width:${width}px;display:block`}></trend-chart>`);
      const names = nameBoxes(el);
      expect(names.length, 'at least one name on the chart').to.be.at.least(1);
      for (const [i, name] of names.entries()) {
        expect(markerBoxes(el).filter((m) => overlap(name, m)), `name ${i} covers no marker`).to.deep.equal([]);
        for (const other of names.slice(i + 1)) expect(overlap(name, other), `names ${i} and another overlap`).to.equal(false);
      }
    });
  }

  it('names every series beside its line on wide screens, in the line\'s colour; narrow screens leave crowded names to the legend', async () => {
    const wide = await chart(html`<trend-chart src=${EU2} style="width:900px;display:block"></trend-chart>`);
    const labels = $$(wide, 'text.end-label');
    // A name may be wrapped into lines (tspans), at a space or after a hyphen.
    const nameOf = (t: Element) => [...t.querySelectorAll('tspan')].map((l) => l.textContent).join(' ').replace(/- /g, '-');
    expect(labels.map(nameOf)).to.deep.equal(['Dortmund', 'Stadtbezirk Innenstadt-Nord', 'Sozialraum Nordmarkt']);
    for (const t of labels) expect(getComputedStyle(t).fill).to.equal(getComputedStyle(t.closest('g')!).color);
    const narrow = await chart(html`<trend-chart theme="dark" src=${EU2} style="width:320px;display:block"></trend-chart>`);
    expect($$(narrow, 'text.end-label').map(nameOf)).to.include('Dortmund');
    expect($$(narrow, '.legend button').map((b) => text(b))).to.include.members(['Dortmund', 'Stadtbezirk Innenstadt-Nord', 'Sozialraum Nordmarkt']);
  });
});

describe('<trend-chart> every series named on a phone', () => {
  const EVENTS = 'eu-beitritt-bg-ro netzwerk-neuzuwanderung arbeitnehmerfreizuegigkeit-2014 ehap-acasa';
  /** A name may be wrapped into lines (tspans), at a space or after a hyphen. */
  const nameOf = (t: Element) => [...t.querySelectorAll('tspan')].map((l) => l.textContent).join(' ').replace(/- /g, '-');

  for (const [width, theme] of [
    [240, 'light'],
    [240, 'dark'],
  ] as const) {
    it(`at ${width} px (a 320 px phone${theme === 'dark' ? ', dark: boxed, 214 px inside' : ''}) every series has a visible name at its line, clear of the lines`, async () => {
      const el = await chart(html`<trend-chart theme=${theme} src=${EU2} milestones=${MILESTONES} annotations=${EVENTS} style=${`width:${width}px;display:block;font:17px Arial,sans-serif`}></trend-chart>`);
      await nextFrame();
      await nextFrame();
      await el.updateComplete;
      const svgEl = $(el, 'svg.trend') as unknown as SVGSVGElement;
      const labels = $$(el, 'text.end-label');
      expect(labels.map(nameOf)).to.have.members(['Dortmund', 'Stadtbezirk Innenstadt-Nord', 'Sozialraum Nordmarkt']);
      const lines = straightPieces(el, 'path.line, path.grid, path.event');
      for (const t of labels) {
        const box = (t as unknown as SVGGraphicsElement).getBBox();
        expect(box.x >= 0 && box.x + box.width <= svgEl.width.baseVal.value, `${nameOf(t)} inside the chart`).to.equal(true);
        expect(lines.filter((l) => passesThrough(l, box)), `no line through „${nameOf(t)}“`).to.deep.equal([]);
        // At its line: in the series' own group and colour.
        expect(getComputedStyle(t).fill).to.equal(getComputedStyle(t.closest('g')!).color);
      }
    });
  }

  it('where a name finds no room, the series\' number from the legend stands at its line', async () => {
    const el = await chart(html`<trend-chart src=${EU2} scale="log" highlight="nordmarkt" style="width:240px;display:block;font:17px Arial,sans-serif"></trend-chart>`);
    const labels = $$(el, 'text.end-label').map(nameOf);
    expect(labels).to.have.length(3);
    const keyed = labels.filter((l) => /^\d$/.test(l));
    expect(keyed.length, labels.join(' | ')).to.be.at.least(1);
    for (const n of keyed) {
      const button = $$(el, '.legend button').find((b) => text(b.querySelector('.num')) === n)!;
      expect(button, `legend entry numbered ${n}`).to.exist;
      expect(labels).to.not.include(text(button).replace(/^\d+\s*/, ''));
    }
    await expect(el).to.be.accessible();
  });
});

describe('<trend-chart> events from the milestones file', () => {
  it('draws the named milestones as numbered lines and lists them with honest dates', async () => {
    const el = await chart(
      html`<trend-chart src=${EU2} milestones=${MILESTONES} annotations="eu-beitritt-bg-ro arbeitnehmerfreizuegigkeit-2014 netzwerk-neuzuwanderung" style="width:900px"></trend-chart>`,
    );
    expect($$(el, 'circle.badge')).to.have.length(3);
    // The number repeats the badge on the chart; screen readers skip it (aria-hidden) and hear the date first.
    expect($$(el, '.events li').map((li) => text(li))).to.deep.equal([
      '1 01.01.2007: EU-Beitritt Bulgariens und Rumäniens',
      '2 seit Januar 2011: Dortmunder Netzwerk Neuzuwanderung gegründet',
      '3 01.01.2014: Volle Arbeitnehmerfreizügigkeit für Bulgarien und Rumänien',
    ]);
    expect(statusText(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('names unknown milestone ids and a missing milestones file, and still draws the chart', async () => {
    const el = await chart(html`<trend-chart src=${EU2} milestones=${MILESTONES} annotations="eu-beitritt-bg-ro gibt-es-nicht" style="width:700px"></trend-chart>`);
    expect(statusText(el)).to.contain('Diese Meilensteine gibt es in der Datei nicht: gibt-es-nicht.');
    expect($$(el, 'circle.badge')).to.have.length(1);
    const none = await chart(html`<trend-chart src=${EU2} annotations="eu-beitritt-bg-ro" style="width:700px"></trend-chart>`);
    expect(statusText(none)).to.contain('das Attribut „milestones“');
    expect(points(none)).to.have.length(19);
    const wrong = await chart(html`<trend-chart src=${EU2} milestones=${EU2} annotations="x" style="width:700px"></trend-chart>`);
    expect(statusText(wrong)).to.contain('keine Meilenstein-Datei');
  });

  it('never lets a late milestones file overwrite the one named since', async () => {
    const { requests, restore } = holdFetch();
    const request = (path: string) => requests.find((r) => new URL(r.url).pathname === path)!;
    /** Made-up milestones files (never shipped): one event "x", titled after the file. */
    const events = (title: string) => ({
      kind: 'milestones',
      title: 'Erfundene Meilensteine (Testdaten)',
      categories: [{ id: 'a', label: 'Kategorie A' }],
      sources: [{ id: 's1', title: 'Erfundene Quelle' }],
      milestones: [{ id: 'x', date: { start: '2020-06-30' }, title, category: 'a', sources: ['s1'] }],
    });
    try {
      const el = await fixture<TrendChart>(
        html`<trend-chart .data=${madeUp([{ id: 'a', label: 'A', points: [pt('2019', 1), pt('2021', 2)] }])} milestones="/alt.json" annotations="x" style="width:600px"></trend-chart>`,
      );
      el.setAttribute('milestones', '/neu.json');
      await el.updateComplete;
      expect(request('/alt.json').signal.aborted).to.equal(true, 'the older request is aborted');
      request('/neu.json').resolve(events('Neue Datei'));
      await settled(el);
      // Even if the old server answers anyway, the newer file's event stays.
      request('/alt.json').resolve(events('Alte Datei'));
      await aTimeout(20);
      await settled(el);
      expect($$(el, '.events li').map((li) => text(li))).to.deep.equal(['1 30.06.2020: Neue Datei']);
    } finally {
      restore();
    }
  });
});

describe('<trend-chart> downloads', () => {
  it('puts into the image what the page shows around the chart: legend, unit, numbered events, notes, every source', async () => {
    const el = await chart(
      html`<trend-chart src=${EU2} milestones=${MILESTONES} annotations="eu-beitritt-bg-ro arbeitnehmerfreizuegigkeit-2014" style="width:360px"></trend-chart>`,
    );
    // A series the reader has hidden is left out of the image's legend, as of its chart.
    $$(el, '.legend button').find((b) => text(b) === 'Sozialraum Nordmarkt')!.click();
    await el.updateComplete;
    const { lines } = await svgLines(await download(el, 'SVG'));
    expect(lines).to.include.members(['Dortmund', 'Stadtbezirk Innenstadt-Nord', 'Wert aus der Quelle', 'gerundet oder ungefähr', 'nicht bestätigt', 'Personen']);
    expect(lines).not.to.include('Sozialraum Nordmarkt');
    const all = lines.join(' ');
    expect(all).to.contain('1 01.01.2007: EU-Beitritt Bulgariens und Rumäniens');
    expect(all).to.contain('2 01.01.2014: Volle Arbeitnehmerfreizügigkeit für Bulgarien und Rumänien');
    expect(all).to.contain('Das Ausländerzentralregister (IT.NRW) zählt anders');
    // The line names the publishers of every source, as on the page, and ends with the Stand, uncut.
    expect(all).to.match(/Quellen: .*Stadt Dortmund, Sozialdezernat; .*Halterner Zeitung \/ Ruhr Nachrichten · Stand: 31\.12\.2023/);
    expect(all).not.to.contain('…');
  });

  it('keeps the halo of a series name behind its text in the image', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:900px"></trend-chart>`);
    const { doc } = await svgLines(await download(el, 'SVG'));
    // The name on the chart (in lines: <tspan>s), not the legend's entry above it.
    const name = [...doc.querySelectorAll('text')].find((t) => t.querySelector('tspan') && text(t) === 'Sozialraum Nordmarkt')!;
    // Without paint-order the white stroke is painted over the letters and wipes them out.
    expect(name.style.paintOrder).to.equal('stroke');
    expect(name.style.fill).to.not.equal(name.style.stroke);
  });
});

describe('<trend-chart> table on a phone', () => {
  it('lets a keyboard scroll the table sideways at 320 px, and passes axe', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:320px"></trend-chart>`);
    $$(el, '.actions button').find((b) => text(b) === 'Tabelle anzeigen')!.click();
    await el.updateComplete;
    const box = $(el, '.table-wrap')!;
    expect(box.scrollWidth).to.be.greaterThan(box.clientWidth, 'the table is wider than the phone');
    expect(box.tabIndex).to.equal(0);
    // A named group, not a region: two widgets of the same indicator would make two landmarks of one name.
    expect(box.getAttribute('role')).to.equal('group');
    expect(text(shadow(el).getElementById(box.getAttribute('aria-labelledby')!))).to.equal(text($(el, 'caption')));
    await expect(el).to.be.accessible();
  });
});

describe('<trend-chart> keyboard, legend and linking', () => {
  it('is one tab stop; arrows walk along a series, Up/Down switch series at the nearest date', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:900px"></trend-chart>`);
    expect(points(el).filter((p) => p.getAttribute('tabindex') === '0')).to.have.length(1);
    points(el)[0].focus();
    await el.updateComplete;
    press(el, 'ArrowRight');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^Dezember 2012: 3\.110/);
    press(el, 'End');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^31\.12\.2023: 12\.040/);
    press(el, 'Home');
    press(el, 'ArrowRight');
    press(el, 'ArrowRight');
    press(el, 'ArrowRight');
    press(el, 'ArrowRight');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^31\.08\.2014: 6\.767, Dortmund/);
    press(el, 'ArrowDown');
    await el.updateComplete;
    expect(activeLabel(el)).to.equal('31.08.2014: 4.349, Stadtbezirk Innenstadt-Nord');
    press(el, 'ArrowDown');
    await el.updateComplete;
    expect(activeLabel(el)).to.equal('31.08.2014: 2.966, Sozialraum Nordmarkt');
    press(el, 'ArrowUp');
    press(el, 'ArrowUp');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^31\.08\.2014: 6\.767, Dortmund/);
    expect($(el, 'circle.focus-ring')).to.not.equal(null);
  });

  it('selects a date with Enter (sozialraum-time-select with the date) and clears it with Escape', async () => {
    const el = await chart(html`<trend-chart src=${EU2} group="g" style="width:700px"></trend-chart>`);
    const target = points(el).find((p) => p.getAttribute('aria-label')!.startsWith('31.12.2018'))!;
    target.focus();
    await el.updateComplete;
    const selected = oneEvent(el, 'sozialraum-time-select');
    press(el, 'Enter');
    const { detail } = await selected;
    expect(detail).to.include({ id: 'dortmund@2018-12-31', start: '2018-12-31', group: 'g' });
    await el.updateComplete;
    expect(target.getAttribute('aria-current')).to.equal('true');
    expect(live(el)).to.contain('(ausgewählt)');
    const cleared = oneEvent(el, 'sozialraum-time-select');
    press(el, 'Escape');
    expect((await cleared).detail.id).to.equal(null);
  });

  it('toggles series with the legend buttons and says so', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:700px"></trend-chart>`);
    const buttons = $$(el, '.legend button');
    expect(buttons.map((b) => text(b))).to.deep.equal(['Dortmund', 'Stadtbezirk Innenstadt-Nord', 'Sozialraum Nordmarkt']);
    buttons[1].click();
    await el.updateComplete;
    expect(buttons[1].getAttribute('aria-pressed')).to.equal('false');
    expect(points(el)).to.have.length(17);
    expect(live(el)).to.equal('Stadtbezirk Innenstadt-Nord ausgeblendet');
    expect(await tableRows(el)).to.have.length(17);
    buttons[0].click();
    buttons[2].click();
    await el.updateComplete;
    expect($(el, 'svg.trend')).to.equal(null);
    expect(text($(el, '.notes'))).to.contain('Alle Reihen sind ausgeblendet');
    buttons[2].click();
    await el.updateComplete;
    expect(points(el)).to.have.length(2);
  });

  it('walks and selects the right series while another is hidden', async () => {
    const el = await chart(html`<trend-chart src=${EU2} group="h" style="width:900px"></trend-chart>`);
    $$(el, '.legend button')[0].click(); // hide Dortmund: Innenstadt-Nord is now the first line drawn
    await el.updateComplete;
    points(el)[0].focus();
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^31\.08\.2014: 4\.349, Stadtbezirk Innenstadt-Nord/);
    press(el, 'ArrowRight');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/^Dezember 2018: 4\.750, Stadtbezirk Innenstadt-Nord/);
    press(el, 'ArrowDown');
    await el.updateComplete;
    expect(activeLabel(el)).to.match(/Sozialraum Nordmarkt/);
    const selected = oneEvent(el, 'sozialraum-time-select');
    press(el, 'Enter');
    const { detail } = await selected;
    expect(detail.id).to.match(/^nordmarkt@/);
    expect(detail.name).to.match(/^Sozialraum Nordmarkt, /);
    await el.updateComplete;
    expect(live(el)).to.match(/Sozialraum Nordmarkt.*\(ausgewählt\)$/);
  });

  it('draws again when shown after being hidden (width 0, e.g. in a closed tab or <details>)', async () => {
    const el = await chart(html`<trend-chart src=${EU2} style="width:700px"></trend-chart>`);
    expect(points(el).length).to.be.greaterThan(0);
    await hideAndShow(el);
    expect($(el, 'svg.trend')).to.not.equal(null);
    expect(points(el)).to.have.length(19);
  });

  it('highlights a date selected in a linked widget of the same group, and only there', async () => {
    const wrapper = await fixture(html`<div>
      <trend-chart group="eu2" src=${EU2} style="width:700px"></trend-chart>
      <trend-chart group="eu2" src=${EU2} style="width:700px"></trend-chart>
      <trend-chart group="other" src=${EU2} style="width:700px"></trend-chart>
    </div>`);
    const [a, b, other] = Array.from(wrapper.children) as TrendChart[];
    await Promise.all([settled(a), settled(b), settled(other)]);
    // As a <milestone-timeline> does: a period with a name.
    document.dispatchEvent(
      new CustomEvent('sozialraum-time-select', { detail: { id: 'm1', name: 'Testmeilenstein', group: 'eu2', start: '2014', end: '2015' } }),
    );
    await a.updateComplete;
    expect($(a, 'rect.selection-band')).to.not.equal(null);
    expect(text($(a, 'svg.trend'))).to.contain('Testmeilenstein');
    expect(live(a)).to.contain('Testmeilenstein (ausgewählt): Februar 2014: 5.179');
    expect($(other, 'rect.selection-band')).to.equal(null);
    // A point chosen in one chart marks its date in the other.
    const p = points(a).find((x) => x.getAttribute('aria-label')!.startsWith('31.12.2018'))!;
    p.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: p.getBoundingClientRect().x + 10, clientY: p.getBoundingClientRect().y + 10 }));
    await a.updateComplete;
    $(a, 'svg.trend')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await b.updateComplete;
    expect($(b, 'line.selection')).to.not.equal(null);
    expect(live(b)).to.contain('31.12.2018: 9.039');
  });

  it('emphasises the series named by highlight, or marks a date', async () => {
    const el = await chart(html`<trend-chart src=${EU2} highlight="nordmarkt" style="width:700px"></trend-chart>`);
    expect($$(el, 'g.muted-series')).to.have.length(2);
    // The other lines step back; their names stay fully readable text.
    for (const g of $$(el, 'g.muted-series')) {
      expect(getComputedStyle(g).opacity).to.equal('1');
      expect(getComputedStyle(g.querySelector('path.line')!).opacity).to.equal('0.35');
      expect(getComputedStyle(g.querySelector('.end-label')!).opacity).to.equal('1');
    }
    const date = await chart(html`<trend-chart src=${EU2} highlight="2014-01" style="width:700px"></trend-chart>`);
    expect($(date, 'line.selection')).to.not.equal(null);
    const bad = await chart(html`<trend-chart src=${EU2} highlight="borsigplatz" style="width:700px"></trend-chart>`);
    expect(statusText(bad)).to.contain('borsigplatz');
  });

  it('draws a logarithmic value axis with scale="log"', async () => {
    const el = await chart(html`<trend-chart src=${EU2} scale="log" style="width:700px"></trend-chart>`);
    expect(text($(el, '.unit'))).to.contain('logarithmische Skala');
    const ticks = $$(el, 'svg.trend > g[aria-hidden] > text').map((t) => text(t));
    expect(ticks).to.include('1.000');
    expect(ticks).to.include('10.000');
  });
});

describe('<trend-chart> bad input', () => {
  it('refuses a file that is not a time series, and keeps the fallback content', async () => {
    const el = await chart(html`<trend-chart src="/data/indicators/sgb2-arbeitslosigkeit.json"><p>Ersatzinhalt</p></trend-chart>`);
    expect(alertText(el)).to.contain('keine Zeitreihe');
    expect(shadow(el).querySelector('slot')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what is wrong with inline JSON', async () => {
    const el = await fixture<TrendChart>(html`<trend-chart><script type="application/json">{"kind": "timeseries",</script></trend-chart>`);
    await settled(el);
    expect(alertText(el)).to.contain('kein gültiges JSON');
  });

  it('drops points with impossible dates or missing values, names them, draws the rest', async () => {
    const el = await chart(html`<trend-chart .data=${madeUp([{ id: 'a', label: 'A', points: [pt('2020', 1), pt('2021-02-30', 2), { date: 'irgendwann', value: 3, sources: ['q'] }, pt('2022', 4)] }])} style="width:600px"></trend-chart>`);
    expect(points(el)).to.have.length(2);
    const status = statusText(el);
    expect(status).to.contain("Feld 'series[0].points[1].date' muss ein Datum");
    expect(status).to.contain("Feld 'series[0].points[2].date' muss ein Datum");
    expect(status).to.contain('2 ungültige Werte werden nicht gezeigt.');
  });

  it('names empty series, draws one-point series as a marker without a line, and shows duplicate dates', async () => {
    const el = await chart(
      html`<trend-chart .data=${madeUp([
        { id: 'leer', label: 'Leer', points: [] },
        { id: 'eins', label: 'Eins', points: [pt('2019', 5)] },
        { id: 'doppelt', label: 'Doppelt', points: [pt('2020', 7), pt('2020', 9), pt('2018', 6)] },
      ])} style="width:600px"></trend-chart>`,
    );
    const status = statusText(el);
    expect(status).to.contain('Die Reihe „Leer“ enthält keine Werte');
    expect(status).to.contain('Die Reihe „Doppelt“ hat mehrere Werte für 2020');
    expect(points(el)).to.have.length(4);
    expect(text($(el, '.notes'))).to.contain('„Eins“ hat nur einen Wert, daher keine Linie.');
    // Sorted by date: 2018 comes first although the file lists it last.
    expect(pointLabels(el).slice(1)).to.deep.equal(['2018: 6, Doppelt', '2020: 7, Doppelt', '2020: 9, Doppelt']);
    await expect(el).to.be.accessible();
  });

  it('is an error when every series is empty', async () => {
    const el = await chart(html`<trend-chart .data=${madeUp([{ id: 'leer', label: 'Leer', points: [] }])}></trend-chart>`);
    expect(alertText(el)).to.contain("Feld 'series' darf nicht leer sein.");
  });

  it('names unknown series, bad from/to and unknown source ids', async () => {
    const data = madeUp([{ id: 'a', label: 'A', points: [pt('2019', 1), pt('2020', 2, { sources: ['fehlt'] })] }]);
    const el = await chart(html`<trend-chart .data=${data} series="a b" from="20x" style="width:600px"></trend-chart>`);
    const status = statusText(el);
    expect(status).to.contain('Diese Reihen gibt es nicht: b. Verfügbar: a.');
    expect(status).to.contain('Attribut „from“: „20x“ ist kein Datum');
    expect(status).to.contain("Feld 'series[0].points[1].sources[0]' nennt die Quelle „fehlt“");
    expect(points(el)).to.have.length(2);
    const swapped = await chart(html`<trend-chart .data=${data} from="2021" to="2019" style="width:600px"></trend-chart>`);
    expect(statusText(swapped)).to.contain('„from“ (2021) liegt nach „to“ (2019)');
    const empty = await chart(html`<trend-chart .data=${data} from="2030" style="width:600px"></trend-chart>`);
    expect(alertText(empty)).to.contain('Im gewählten Zeitraum gibt es keinen Wert.');
  });

  it('falls back to a linear scale when log cannot show a value', async () => {
    const el = await chart(html`<trend-chart .data=${madeUp([{ id: 'a', label: 'A', points: [pt('2019', 0), pt('2020', 2)] }])} scale="log" style="width:600px"></trend-chart>`);
    expect(statusText(el)).to.contain('logarithmische Skala kann Werte von 0');
    expect(points(el)).to.have.length(2);
  });

  it('builds data given as a property in English from the first render with lang="en"', async () => {
    const el = await chart(html`<trend-chart lang="en" .data=${madeUp([{ id: 'a', label: { de: 'Reihe A', en: 'Series A' }, points: [pt('2019', 1200)] }])} style="width:600px"></trend-chart>`);
    expect(pointLabels(el)).to.deep.equal(['2019: 1,200, Series A']);
  });

  it('names problems in English with lang="en"', async () => {
    const el = await chart(html`<trend-chart lang="en" .data=${madeUp([{ id: 'leer', label: 'Empty', points: [] }, { id: 'a', label: 'A', points: [pt('2019', 1)] }])}></trend-chart>`);
    expect(statusText(el)).to.contain('The series “Empty” has no values and is not shown.');
  });
});
