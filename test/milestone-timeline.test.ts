import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/milestone-timeline/milestone-timeline.js';
import '../src/index.js';
import type { MilestoneStepDetail, MilestoneTimeline } from '../src/milestone-timeline/milestone-timeline.js';
import { fittingYearTicks, formatSpan, yearTicks } from '../src/core/time.js';
import type { SelectDetail } from '../src/core/link-controller.js';
import { $, $$, alertText, download, settled, shadow, statusText, tableCells, text, widget } from './helpers.js';

const MILESTONES = '/data/milestones.json';
const BAD = '/test/fixtures/milestones-madeup-bad-dates.json';

/** The timeline's chart is its list: wait until it or a message shows. */
async function ready(el: MilestoneTimeline): Promise<MilestoneTimeline> {
  await settled(el, 5000, 'ol');
  return el;
}
const timeline = (template: ReturnType<typeof html>) => widget<MilestoneTimeline>(template, 'ol');

const items = (el: Element) => $$(el, 'ol > li.item');
const ids = (el: Element) => items(el).map((li) => li.getAttribute('data-id'));
const item = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`li.item[data-id="${id}"]`)!;
const dateOf = (el: Element, id: string) => text(item(el, id).querySelector('.date'));
const live = (el: Element) => text($(el, '.chart [aria-live="polite"]'));
/** Steps and full screen are announced by the step bar's own live region. */
const stepsLive = (el: Element) => text($(el, '.steps-live'));
const filterButton = (el: Element, label: string) => $$(el, '.filter button').find((b) => text(b).startsWith(label))!;

async function press(el: MilestoneTimeline, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

/** Made-up milestones (never shipped): small and inline. */
const madeUp = (milestones: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'milestones',
  title: 'Erfundene Meilensteine (Testdaten)',
  categories: [
    { id: 'a', label: { de: 'Kategorie A', en: 'Category A' } },
    { id: 'b', label: { de: 'Kategorie B', en: 'Category B' } },
  ],
  sources: [{ id: 's1', title: 'Erfundene Quelle', url: 'https://example.org/erfunden' }],
  milestones,
  ...extra,
});
const m = (id: string, date: Record<string, unknown>, category = 'a', extra: Record<string, unknown> = {}) => ({
  id,
  date,
  title: `Titel ${id}`,
  category,
  sources: ['s1'],
  ...extra,
});

describe('date precision as the source gives it', () => {
  it('formats years, months, days, periods, "seit" and "ca." in German and English', () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ start: '2014', since: true }, 'seit 2014', 'since 2014'],
      [{ start: '2011-06' }, 'Juni 2011', 'June 2011'],
      [{ start: '2011-06', since: true }, 'seit Juni 2011', 'since June 2011'],
      [{ start: '2013', end: '2017' }, '2013–2017', '2013–2017'],
      [{ start: '2011', approximate: true }, 'ca. 2011', 'c. 2011'],
      [{ start: '2016-01-01', end: '2018-12-31' }, '01.01.2016 – 31.12.2018', '1 January 2016 – 31 December 2018'],
      [{ start: '2024-12-10' }, '10.12.2024', '10 December 2024'],
      [{ start: '2013-06-13', approximate: true }, 'ca. 13.06.2013', 'c. 13 June 2013'],
    ];
    for (const [date, de, en] of cases) {
      expect(formatSpan(date as never, 'de', 'de'), JSON.stringify(date)).to.equal(de);
      expect(formatSpan(date as never, 'en', 'en'), JSON.stringify(date)).to.equal(en);
    }
  });
});

describe('year axes: as many years as fit, none outside', () => {
  const years = (ticks: number[]) => ticks.map((t) => new Date(t).getUTCFullYear());
  const jan = (y: number) => Date.UTC(y, 0, 1);

  it('takes the smallest step of 1, 2, 5, 10, 20 … years whose labels fit, two at least where two fit', () => {
    // 2005–2027 (the milestones' axis runs to 1 January 2028) with room for two: 2010 and 2020, not "2020" alone.
    expect(years(yearTicks(jan(2005), jan(2028), 2))).to.deep.equal([2010, 2020]);
    expect(years(yearTicks(jan(2005), jan(2028), 5))).to.deep.equal([2005, 2010, 2015, 2020, 2025]);
    expect(years(yearTicks(jan(2005), jan(2028), 30))).to.have.length(24);
    expect(years(yearTicks(jan(2005), jan(2028), 1))).to.deep.equal([2020]);
    // No nice step gives two, yet two fit: the ends of the finer step.
    expect(years(yearTicks(jan(2005), jan(2007), 2))).to.deep.equal([2005, 2007]);
    expect(years(yearTicks(jan(2001), jan(2039), 2))).to.deep.equal([2010, 2030]);
    // Only whole years inside the axis; nothing for an empty or broken one.
    expect(years(yearTicks(Date.UTC(2019, 3, 1), Date.UTC(2020, 6, 1), 5))).to.deep.equal([2020]);
    expect(yearTicks(NaN, jan(2020), 5)).to.deep.equal([]);
    expect(yearTicks(jan(2020), jan(2010), 5)).to.deep.equal([]);
  });

  it('keeps labels anchored inward at the ends apart from their neighbours', () => {
    // 2010–2023 on 280 px, labels 30 px, 4 px apart: every two years would put 2012 2 px into 2010 pushed inward.
    const ticks = fittingYearTicks(jan(2010), jan(2023), 280, 30, 4);
    expect(years(ticks)).to.deep.equal([2010, 2015, 2020]);
    expect(years(fittingYearTicks(jan(2005), jan(2028), 220, 71, 20))).to.deep.equal([2010, 2020]);
    expect(years(fittingYearTicks(jan(2005), jan(2028), 60, 71, 20))).to.deep.equal([2020]);
  });

  it('<milestone-timeline>: at every wide width and in large type, two years at least, each inside the widget and its track, none overlapping', async () => {
    await setViewport({ width: 1920, height: 900 });
    try {
      for (const [width, size] of [[720, 16], [912, 16], [1280, 16], [1900, 16], [1200, 40], [760, 32]]) {
        const el = await timeline(html`<milestone-timeline src=${MILESTONES} style=${`width:${width}px;font-size:${size}px`}></milestone-timeline>`);
        const where = `${width} px, ${size} px type`;
        const host = el.getBoundingClientRect();
        const track = $(el, '.ticks')!.getBoundingClientRect();
        const labels = $$(el, '.tick');
        const boxes = labels.map((t) => t.getBoundingClientRect());
        expect(boxes.length, where).to.be.at.least(2);
        expect(text(labels[0]), where).to.match(/^20(0|1)\d$/);
        for (const [i, b] of boxes.entries()) {
          expect(b.left, `${text(labels[i])} at ${where}`).to.be.at.least(Math.max(host.left, track.left) - 0.5);
          expect(b.right, `${text(labels[i])} at ${where}`).to.be.at.most(Math.min(host.right, track.right) + 0.5);
          if (i) expect(b.left, `${text(labels[i])} overlaps at ${where}`).to.be.greaterThan(boxes[i - 1].right);
        }
        // The years between the ends stand centred over their grid lines.
        const lines = $$(el, '.lines span').map((l) => l.getBoundingClientRect().left);
        for (let i = 1; i < boxes.length - 1; i++) expect((boxes[i].left + boxes[i].right) / 2, where).to.be.closeTo(lines[i], 1.5);
        el.remove();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('<trend-chart> on a phone (320 px): two years at least on its time axis, inside the widget', async () => {
    const el = await widget<HTMLElement>(html`<trend-chart src="/data/eu2-residents.json" style="width:320px"></trend-chart>`);
    const host = el.getBoundingClientRect();
    const years = $$(el, 'svg.trend text.small.muted[text-anchor="middle"]').filter((t) => /^\d{4}$/.test(text(t)));
    expect(years.length).to.be.at.least(2);
    for (const y of years) {
      const r = y.getBoundingClientRect();
      expect(r.left, text(y)).to.be.at.least(host.left - 0.5);
      expect(r.right, text(y)).to.be.at.most(host.right + 0.5);
    }
  });
});

describe('<milestone-timeline> with the project data', () => {
  it('is an ordered list of all 61 milestones in time order, each date as precise as its source', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:600px"></milestone-timeline>`);
    expect($(el, 'ol')).to.not.equal(null);
    expect(items(el)).to.have.length(61);
    expect($$(el, 'ol > :not(li)')).to.have.length(0, 'nothing but list items in the <ol>');
    expect(text($(el, '.title'))).to.equal('Meilensteine der Dortmunder Netzwerkarbeit zur (Neu-)Zuwanderung aus Südosteuropa');
    expect(ids(el)[0]).to.equal('berichtssystem-2005');
    expect(ids(el)[60]).to.equal('gib-beitraege-2025');
    expect(dateOf(el, 'koordinierungsgruppe')).to.equal('seit 2014');
    expect(dateOf(el, 'sprechstunde-kinder')).to.equal('seit Juni 2011');
    expect(dateOf(el, 'akti-f-plus')).to.equal('Juni 2024');
    expect(dateOf(el, 'wohnungszugangsstrategie-entwicklung')).to.equal('2013–2017');
    expect(dateOf(el, 'delegation-plovdiv-2011')).to.equal('ca. 2011');
    expect(dateOf(el, 'ehap-acasa')).to.equal('01.01.2016 – 31.12.2018');
    expect(dateOf(el, 'fachtag-westbalkan-2024')).to.equal('10.12.2024');
    expect(text($(el, '.count'))).to.equal('61 Meilensteine');
    expect(statusText(el)).to.equal('', 'the project file has nothing to warn about');
    await expect(el).to.be.accessible();
  });

  it('shows category as colour and text, funding, conflicts, date notes and links to the sources', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:600px"></milestone-timeline>`);
    const aktiv = item(el, 'aktiv-statt-passiv');
    expect(text(aktiv.querySelector('.cat'))).to.equal('Arbeit und Beschäftigung');
    const swatch = (li: Element) => getComputedStyle(li.querySelector('.cat')!, '::before').backgroundColor;
    expect(swatch(aktiv)).to.not.equal(swatch(item(el, 'eu-beitritt-bg-ro')), 'categories have their own colours');
    expect(swatch(aktiv)).to.equal(swatch(item(el, 'akti-f')), 'one colour per category');
    expect(text(aktiv)).to.contain('Förderung: Stadt, Land, EU');
    expect(text(aktiv)).to.contain('Zum Datum: Kosten und Finanzierung „2013–2014“ (Präsentation der ISB Dortmund)');
    const viertelwerk = item(el, 'viertelwerk');
    expect(text(viertelwerk.querySelector('.conflict'))).to.match(/^Quellen widersprechen sich: .*2019.*2020/);
    // A milestone without funding says nothing about funding (not "none").
    expect(text(item(el, 'eu-beitritt-bg-ro'))).to.not.contain('Förderung');
    const links = Array.from(item(el, 'eu-beitritt-bg-ro').querySelectorAll<HTMLAnchorElement>('.src a[href]'));
    expect(links.length).to.be.greaterThan(0);
    for (const a of links) {
      expect(a.href).to.match(/^https?:\/\//);
      expect(a.rel).to.contain('noopener');
      expect(text(a).length).to.be.greaterThan(5, 'the link says which document it is');
    }
    // A source without a web address is named as plain text, not as an <a> without href (Lighthouse).
    const src = item(el, 'eu-beitritt-bg-ro').querySelector('.src')!;
    expect(text(src)).to.contain('Stadt Dortmund, Sozialdezernat: Dortmund – soziale Stadt als Herausforderung');
    expect(Array.from(src.querySelectorAll('a')).map((a) => text(a)).join(' ')).to.not.contain('soziale Stadt als Herausforderung');
    expect($$(el, 'a:not([href])')).to.have.length(0, 'no <a> without href in the whole timeline');
    expect(text(src)).to.match(/^Quellen: [^;]+(; [^;]+)+$/, 'sources, linked or not, in one line separated by "; "');
    // The source line lists every document cited by the shown milestones, once.
    const source = text($(el, '.source'));
    expect(source).to.match(/^Quellen: /);
    expect(source).to.contain('Deutscher Städtetag');
    expect(source).to.contain('Stand: 2025');
    // The full list is drawn when it is opened, also by find-in-page or a script (no click on the summary).
    const details = $(el, '.source details') as HTMLDetailsElement;
    details.open = true;
    await oneEvent(details, 'toggle');
    await el.updateComplete;
    const listed = $$(el, '.source details li').map((li) => text(li));
    expect(listed).to.have.length(66);
    expect(new Set(listed).size).to.equal(66, 'each document once');
  });

  it('speaks English with lang="en"', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} lang="en" style="width:600px"></milestone-timeline>`);
    expect(dateOf(el, 'koordinierungsgruppe')).to.equal('since 2014');
    expect(dateOf(el, 'sprechstunde-kinder')).to.equal('since June 2011');
    expect(dateOf(el, 'delegation-plovdiv-2011')).to.equal('c. 2011');
    expect(dateOf(el, 'ehap-acasa')).to.equal('1 January 2016 – 31 December 2018');
    expect(text(item(el, 'aktiv-statt-passiv').querySelector('.cat'))).to.equal('Work and employment');
    expect(text(item(el, 'aktiv-statt-passiv'))).to.contain('Funding: City, State (NRW), EU');
    expect(text(item(el, 'viertelwerk').querySelector('.conflict'))).to.match(/^Sources disagree: /);
    expect(text($(el, '.count'))).to.equal('61 milestones');
    expect(text(filterButton(el, 'All'))).to.equal('All');
  });

  it('is a vertical list on narrow screens and a time axis with bars on wide ones', async () => {
    const narrow = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:320px"></milestone-timeline>`);
    expect($(narrow, '.timeline')!.classList.contains('narrow')).to.equal(true);
    expect($(narrow, '.axis')).to.equal(null);
    // Periods get a bar in the narrow list too.
    const range = item(narrow, 'wohnungszugangsstrategie-entwicklung').querySelector<HTMLElement>('.track')!;
    expect(getComputedStyle(range).display).to.not.equal('none');
    expect(range.querySelector<HTMLElement>('.mark')!.getBoundingClientRect().width).to.be.greaterThan(5);
    await expect(narrow).to.be.accessible();

    const wide = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:1000px"></milestone-timeline>`);
    expect($(wide, '.timeline')!.classList.contains('wide')).to.equal(true);
    const ticks = $$(wide, '.tick').map((t) => text(t));
    expect(ticks).to.include('2010');
    expect(ticks).to.include('2020');
    expect($(wide, '.axis')!.getAttribute('aria-hidden')).to.equal('true');
    const box = (id: string) => item(wide, id).querySelector<HTMLElement>('.mark')!.getBoundingClientRect();
    // 2013–2017 (five whole years) is 2.5 times as long as 2018–2019 (two).
    expect(box('wohnungszugangsstrategie-entwicklung').width / box('lenkungskreis-nrw').width).to.be.closeTo(2.5, 0.15);
    // Later milestones sit further right; a point is a dot; "seit" runs out to the right edge.
    expect(box('gib-beitraege-2025').left).to.be.greaterThan(box('eu-beitritt-bg-ro').left);
    expect(item(wide, 'strassenstrich-2011').classList.contains('point')).to.equal(true);
    expect(item(wide, 'koordinierungsgruppe').classList.contains('since')).to.equal(true);
    const track = item(wide, 'koordinierungsgruppe').querySelector<HTMLElement>('.track')!.getBoundingClientRect();
    expect(box('koordinierungsgruppe').right).to.be.closeTo(track.right, 1);
    // Still the same list in the same order for screen readers.
    expect(ids(wide)).to.deep.equal(ids(narrow));
    await expect(wide).to.be.accessible();
  });

  it('keeps year labels apart in large type (presenter) and stays inside its box', async () => {
    // A presenter's screen: in the test runner's 800 px window the 1200 px would shrink to the page.
    await setViewport({ width: 1280, height: 800 });
    try {
      const big = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:1200px;font-size:40px"></milestone-timeline>`);
      expect(big.getBoundingClientRect().width).to.equal(1200);
      const ticks = $$(big, '.tick').map((t) => t.getBoundingClientRect());
      expect(ticks.length).to.be.greaterThan(1);
      ticks.slice(1).forEach((t, i) => expect(t.left, 'labels overlap').to.be.greaterThan(ticks[i].right));
      // Each year label stands over its grid line: the axis and the rows share their inset.
      const line = $$(big, '.lines span')[1].getBoundingClientRect();
      expect((ticks[1].left + ticks[1].right) / 2).to.be.closeTo(line.left, 1.5);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
    // The rows' room for focus rings stays inside the widget: no sideways scrolling of the page.
    for (const width of [320, 1000]) {
      const el = await timeline(html`<milestone-timeline src=${MILESTONES} style=${`width:${width}px`}></milestone-timeline>`);
      expect($(el, '.rows')!.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
    }
  });

  it('fires widget-rendered once drawn', async () => {
    const el = document.createElement('milestone-timeline');
    el.setAttribute('src', MILESTONES);
    el.style.width = '800px';
    const done = oneEvent(el, 'widget-rendered');
    document.body.append(el);
    const e = await done;
    expect(e.detail.milestones).to.equal(61);
    el.remove();
  });

  it('offers the data as a table (Datum, Titel, Kategorie, Förderung, Quelle) and as CSV', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} categories="gesundheit" style="width:600px"></milestone-timeline>`);
    const toggle = $$(el, '.actions button').find((b) => text(b) === 'Tabelle anzeigen')!;
    toggle.click();
    await el.updateComplete;
    expect($$(el, '.table-wrap th[scope="col"]').map((th) => text(th))).to.deep.equal(['Datum', 'Titel', 'Kategorie', 'Förderung', 'Quelle']);
    const rows = tableCells(el);
    expect(rows).to.have.length(4, 'the table shows the filtered milestones');
    expect(rows[0].slice(0, 4)).to.deep.equal(['seit Juni 2011', 'Sprechstunde des Gesundheitsamts für nicht krankenversicherte Kinder und Jugendliche', 'Gesundheit', 'Stadt']);
    expect($$(el, '.actions button').map((b) => text(b))).to.include('CSV');
  });
});

describe('<milestone-timeline> keyboard', () => {
  it('is one tab stop; arrows, Home and End move between milestones; Tab reaches the active one\'s sources', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:600px"></milestone-timeline>`);
    expect(items(el).filter((li) => li.tabIndex === 0)).to.have.length(1);
    items(el)[0].focus();
    await press(el, 'ArrowDown');
    expect(shadow(el).activeElement?.getAttribute('data-index')).to.equal('1');
    await press(el, 'ArrowRight');
    expect(shadow(el).activeElement?.getAttribute('data-index')).to.equal('2');
    await press(el, 'ArrowUp');
    expect(shadow(el).activeElement?.getAttribute('data-index')).to.equal('1');
    await press(el, 'End');
    expect(shadow(el).activeElement?.getAttribute('data-id')).to.equal('gib-beitraege-2025');
    await press(el, 'Home');
    const first = shadow(el).activeElement as HTMLElement;
    expect(first.getAttribute('data-id')).to.equal('berichtssystem-2005');
    expect(items(el).filter((li) => li.tabIndex === 0)).to.deep.equal([first]);
    // The first milestone's sources have no web address of their own: no link at all is in the tab order.
    expect($$(el, '.src a[href]').filter((a) => a.tabIndex === 0)).to.have.length(0);
    // Only the active milestone's links are in the tab order (the second one cites linked documents).
    await press(el, 'ArrowDown');
    const linked = shadow(el).activeElement as HTMLElement;
    expect(linked.getAttribute('data-id')).to.equal('eu-beitritt-bg-ro');
    expect(items(el).filter((li) => li.tabIndex === 0)).to.deep.equal([linked]);
    const tabbableLinks = $$(el, '.src a[href]').filter((a) => a.tabIndex === 0);
    expect(tabbableLinks.length).to.be.greaterThan(0);
    expect(tabbableLinks.every((a) => linked.contains(a))).to.equal(true);
    await press(el, 'Tab');
    expect(shadow(el).activeElement).to.equal(tabbableLinks[0]);
    // Sources without a web address are text: nothing in the list but the items and their links takes focus.
    expect($$(el, 'ol [tabindex]').every((e) => e.matches('li.item, a[href]'))).to.equal(true);
    // Another active milestone takes its links into the tab order, the previous one's leave it.
    items(el)[0].focus();
    await press(el, 'End');
    const last = shadow(el).activeElement as HTMLElement;
    expect($$(el, '.src a[href]').filter((a) => a.tabIndex === 0).every((a) => last.contains(a))).to.equal(true);
    expect(tabbableLinks.every((a) => a.tabIndex === -1)).to.equal(true);
    // The focused milestone is named by its date, category and title.
    expect(first.getAttribute('aria-label')).to.equal('2005, Berichte und Forschung: Sozialräumliches Berichtssystem mit dem ZEFIR der Ruhr-Universität Bochum');
  });
});

describe('<milestone-timeline> category filter', () => {
  it('starts with the categories attribute (space or comma list) and toggles with buttons', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} categories="gesundheit wohnen" style="width:600px"></milestone-timeline>`);
    expect(items(el)).to.have.length(11);
    expect(text($(el, '.count'))).to.equal('11 von 61 Meilensteinen');
    expect(filterButton(el, 'Alle').getAttribute('aria-pressed')).to.equal('false');
    expect(filterButton(el, 'Gesundheit').getAttribute('aria-pressed')).to.equal('true');
    expect(filterButton(el, 'Wohnen').getAttribute('aria-pressed')).to.equal('true');
    expect(filterButton(el, 'Bildung').getAttribute('aria-pressed')).to.equal('false');
    expect(text(filterButton(el, 'Gesundheit'))).to.equal('Gesundheit (4)');
    expect($(el, '.filter')!.getAttribute('role')).to.equal('group');

    filterButton(el, 'Bildung').click();
    await el.updateComplete;
    await waitUntil(() => live(el) === '13 von 61 Meilensteinen', 'the count is announced');
    expect(items(el)).to.have.length(13);
    filterButton(el, 'Gesundheit').click();
    await el.updateComplete;
    expect(items(el)).to.have.length(9);
    expect(items(el).every((li) => !li.querySelector('.cat')!.textContent!.includes('Gesundheit'))).to.equal(true);
    filterButton(el, 'Alle').click();
    await el.updateComplete;
    expect(items(el)).to.have.length(61);
    expect(filterButton(el, 'Alle').getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => live(el) === '61 Meilensteine', 'the count is announced');
    await expect(el).to.be.accessible();

    el.categories = 'bildung,politik';
    await el.updateComplete;
    expect(items(el)).to.have.length(14);
  });

  it('names unknown categories in the attribute and lists the available ones', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} categories="gesundheit sport" style="width:600px"></milestone-timeline>`);
    expect(items(el)).to.have.length(4);
    expect(statusText(el)).to.contain('unbekannte Kategorie „sport“');
    expect(statusText(el)).to.contain('„gesundheit“, „wohnen“, „bildung“');
  });
});

describe('<milestone-timeline> from / to', () => {
  it('shows the milestones whose date overlaps the period', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} from="2019" to="2020-06" style="width:1000px"></milestone-timeline>`);
    const shown = ids(el);
    expect(shown).to.include('viertelwerk');
    expect(shown).to.include('einwanderung-gestalten', '2017 – 30.06.2020 overlaps');
    expect(shown).to.include('wohnungszugangsstrategie-erprobung', '2018–2021 overlaps');
    expect(shown).to.include('akti-f', '"seit 2020" starts in the period');
    expect(shown).to.not.include('kim-overhead', 'starts 2021');
    expect(shown).to.not.include('koordinierungsgruppe', '"seit 2014" counts as its start');
    expect(text($(el, '.count'))).to.equal(`${shown.length} Meilensteine`);
    // The axis is the period.
    expect($$(el, '.tick').map((t) => text(t))[0]).to.equal('2019');
  });

  it('says so when from lies after to or is not a date, and shows everything', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} from="2020" to="2014" style="width:600px"></milestone-timeline>`);
    expect(items(el)).to.have.length(61);
    expect(statusText(el)).to.contain('„from“ (2020) liegt nach „to“ (2014)');
    el.from = 'letztes Jahr';
    el.to = '';
    await el.updateComplete;
    expect(items(el)).to.have.length(61);
    expect(statusText(el)).to.contain('Attribut „from“: „letztes Jahr“ ist kein Datum');
  });
});

describe('<milestone-timeline> presenter mode', () => {
  it('shows one milestone at a time and steps with the keys clickers send — only while focused', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <button id="outside">außerhalb</button>
      <milestone-timeline src=${MILESTONES} mode="steps" style="width:800px"></milestone-timeline>
    </div>`);
    const el = await ready(wrap.querySelector('milestone-timeline')!);
    expect(el.current).to.equal(1);
    expect(el.getAttribute('current')).to.equal('1');
    expect(items(el)).to.have.length(1);
    expect(text($(el, '.step-count'))).to.equal('Schritt 1 von 61');
    expect(items(el)[0].getAttribute('aria-current')).to.equal('step');

    items(el)[0].focus();
    const steps: MilestoneStepDetail[] = [];
    el.addEventListener('milestone-step', (e) => steps.push((e as CustomEvent<MilestoneStepDetail>).detail));
    await press(el, 'PageDown');
    expect(el.current).to.equal(2);
    expect(el.getAttribute('current')).to.equal('2');
    expect(items(el)).to.have.length(2);
    expect(items(el)[0].classList.contains('past')).to.equal(true);
    expect(items(el)[1].classList.contains('current')).to.equal(true);
    expect(shadow(el).activeElement).to.equal(items(el)[1], 'the focus follows the step');
    expect(steps[0]).to.deep.equal({ current: 2, index: 1, total: 61, ids: ['eu-beitritt-bg-ro'], id: 'eu-beitritt-bg-ro', year: 2007 });
    await waitUntil(() => stepsLive(el).startsWith('Schritt 2 von 61: 01.01.2007: EU-Beitritt Bulgariens und Rumäniens'), 'the step is announced');
    await press(el, 'ArrowRight');
    expect(el.current).to.equal(3);
    await press(el, 'ArrowDown');
    expect(el.current).to.equal(4);
    await press(el, 'PageUp');
    expect(el.current).to.equal(3);
    await press(el, 'ArrowLeft');
    expect(el.current).to.equal(2);
    await press(el, 'End');
    expect(el.current).to.equal(61);
    expect(items(el)).to.have.length(61);
    await press(el, 'PageDown');
    expect(el.current).to.equal(61, 'no step past the last');
    await press(el, 'Home');
    expect(el.current).to.equal(1);
    await press(el, 'PageUp');
    expect(el.current).to.equal(1, 'no step before the first');
    expect(steps.map((s) => s.current)).to.deep.equal([2, 3, 4, 3, 2, 61, 1]);

    // Focus elsewhere on the page: the keys belong to the page, not to the timeline.
    wrap.querySelector<HTMLButtonElement>('#outside')!.focus();
    await press(el, 'PageDown');
    await press(el, 'ArrowRight');
    expect(el.current).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('takes current from outside, clamped, and steps with the buttons', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} step current="5" style="width:800px"></milestone-timeline>`);
    expect(items(el)).to.have.length(5);
    const fired = oneEvent(el, 'milestone-step');
    el.current = 10;
    await el.updateComplete;
    expect((await fired).detail.current).to.equal(10);
    expect(items(el)).to.have.length(10);
    el.setAttribute('current', '999');
    await el.updateComplete;
    expect(el.current).to.equal(61);
    expect(el.getAttribute('current')).to.equal('61');
    el.setAttribute('current', '0');
    await el.updateComplete;
    expect(el.current).to.equal(1);
    $(el, '.step-next')!.click();
    await el.updateComplete;
    expect(el.current).to.equal(2);
    $(el, '.step-prev')!.click();
    await el.updateComplete;
    expect(el.current).to.equal(1);
    expect($(el, '.step-prev')!.getAttribute('aria-disabled')).to.equal('true');
    // A focused button keeps the focus while the keys step.
    $(el, '.step-next')!.focus();
    await press(el, 'PageDown');
    expect(el.current).to.equal(2);
    expect(shadow(el).activeElement).to.equal($(el, '.step-next'));
  });

  it('steps year by year with step-by="year"', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} mode="steps" step-by="year" style="width:800px"></milestone-timeline>`);
    expect(ids(el)).to.deep.equal(['berichtssystem-2005']);
    expect(text($(el, '.step-count'))).to.match(/^Schritt 1 von \d+$/);
    items(el)[0].focus();
    // 2006 has no milestones: the next step is 2007, with both of its milestones.
    const fired = oneEvent(el, 'milestone-step');
    await press(el, 'PageDown');
    const { detail } = await fired;
    expect(detail.year).to.equal(2007);
    expect(detail.ids).to.deep.equal(['eu-beitritt-bg-ro', 'bericht-soziale-lage-2007']);
    expect(items(el).filter((li) => li.classList.contains('current')).map((li) => li.getAttribute('data-id'))).to.deep.equal(detail.ids);
    const next = oneEvent(el, 'milestone-step');
    await press(el, 'PageDown');
    expect((await next).detail.year).to.equal(2008);
    expect(el.current).to.equal(3);
    expect(items(el).filter((li) => li.classList.contains('current')).map((li) => li.getAttribute('data-id'))).to.deep.equal(['aktionsplan-soziale-stadt', 'ak-problemhaeuser']);
    // 2009 and 2010 have no milestones: the next step is 2011.
    await press(el, 'ArrowRight');
    expect(el.current).to.equal(4);
    expect(items(el).filter((li) => li.classList.contains('current')).every((li) => text(li.querySelector('.date')).includes('2011'))).to.equal(true);
  });

  it('steps through the filtered milestones', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} mode="steps" categories="gesundheit" current="9" style="width:800px"></milestone-timeline>`);
    expect(el.current).to.equal(4, 'clamped to the four health milestones');
    expect(text($(el, '.step-count'))).to.equal('Schritt 4 von 4');
  });

  it('has a full-screen button that asks for full screen and copes with a refusal', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} mode="steps" style="width:800px"></milestone-timeline>`);
    const button = $(el, '.fullscreen')!;
    expect(text(button)).to.equal('Vollbild');
    let calls = 0;
    el.requestFullscreen = () => {
      calls++;
      return Promise.reject(new TypeError('Permissions check failed'));
    };
    button.click();
    await waitUntil(() => stepsLive(el) === 'Vollbild ist hier nicht möglich.', 'the refusal is said');
    expect(calls).to.equal(1);
    // No presenter controls outside presenter mode.
    const plain = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:800px"></milestone-timeline>`);
    expect($(plain, '.steps')).to.equal(null);
  });
});

describe('<milestone-timeline> linking by time (group)', () => {
  it('sends the dates of a selected milestone to its group', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} group="g-send" style="width:600px"></milestone-timeline>`);
    const sent = oneEvent(document, 'sozialraum-time-select');
    item(el, 'aktiv-statt-passiv').click();
    const { detail } = (await sent) as CustomEvent<SelectDetail>;
    expect(detail).to.deep.equal({ id: 'aktiv-statt-passiv', name: 'Modellprojekt Sozialer Arbeitsmarkt „Aktiv statt passiv!“', group: 'g-send', start: '2013', end: '2014' });
    await el.updateComplete;
    expect(item(el, 'aktiv-statt-passiv').classList.contains('marked')).to.equal(true);
    expect(item(el, 'aktiv-statt-passiv').getAttribute('aria-label')).to.equal('2013–2014, Arbeit und Beschäftigung: Modellprojekt Sozialer Arbeitsmarkt „Aktiv statt passiv!“ (ausgewählt)');
    expect(item(el, 'aktiv-statt-passiv').getAttribute('aria-current')).to.equal('true');
    // Enter on the same milestone clears the selection, for the group too.
    item(el, 'aktiv-statt-passiv').focus();
    const cleared = oneEvent(document, 'sozialraum-time-select');
    await press(el, 'Enter');
    expect(((await cleared) as CustomEvent<SelectDetail>).detail.id).to.equal(null);
    expect(item(el, 'aktiv-statt-passiv').classList.contains('marked')).to.equal(false);
  });

  it('marks every milestone whose date overlaps a date selected in a linked chart, and Escape clears', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <div id="chart"></div>
      <milestone-timeline src=${MILESTONES} group="g-recv" style="width:600px"></milestone-timeline>
      <milestone-timeline src=${MILESTONES} group="other" style="width:600px"></milestone-timeline>
    </div>`);
    const [el, other] = Array.from(wrap.querySelectorAll('milestone-timeline'));
    await ready(el);
    await ready(other);
    const y = window.scrollY;
    // What <trend-chart> sends for its data point at the end of 2014.
    wrap.querySelector('#chart')!.dispatchEvent(
      new CustomEvent('sozialraum-time-select', { bubbles: true, composed: true, detail: { id: 'dortmund:2014-12-31', name: '31.12.2014', group: 'g-recv', start: '2014-12-31' } }),
    );
    await el.updateComplete;
    const marked = $$(el, 'li.marked').map((li) => li.getAttribute('data-id'));
    expect(marked).to.have.members(['dualer-bachelor', 'aktiv-statt-passiv', 'wohnungszugangsstrategie-entwicklung', 'esf-foerderung-2014', 'bundes-soforthilfe-2014', 'ratsbeschluss-2014', 'erwerbsteilhabe-2014', 'koordinierungsgruppe', 'duale-studierende']);
    expect(item(el, 'esf-foerderung-2014').getAttribute('aria-label')).to.match(/ \(hervorgehoben\)$/);
    expect(item(el, 'esf-foerderung-2014').getAttribute('aria-current')).to.equal('true');
    expect($$(other, 'li.marked')).to.have.length(0, 'another group is not linked');
    await waitUntil(() => live(el).startsWith('9 Meilensteine zu 31.12.2014: '), 'the match is announced');
    expect(window.scrollY).to.equal(y, 'the page does not jump');

    // A whole year from the chart (a value "im Jahr 2006" has the date "2006").
    wrap.querySelector('#chart')!.dispatchEvent(
      new CustomEvent('sozialraum-time-select', { bubbles: true, composed: true, detail: { id: 'dortmund:2011', name: '2011', group: 'g-recv', start: '2011' } }),
    );
    await el.updateComplete;
    expect($$(el, 'li.marked').map((li) => li.getAttribute('data-id'))).to.have.members(['delegation-plovdiv-2011', 'netzwerk-neuzuwanderung', 'strassenstrich-2011', 'sprechstunde-kinder']);
    await expect(el).to.be.accessible();

    items(el)[0].focus();
    const cleared = oneEvent(document, 'sozialraum-time-select');
    await press(el, 'Escape');
    expect(((await cleared) as CustomEvent<SelectDetail>).detail).to.deep.equal({ id: null, name: null, group: 'g-recv' });
    expect($$(el, 'li.marked')).to.have.length(0);
  });

  it('brings the first marked milestone into view inside its own scrolling box, never by scrolling the page', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <div id="chart"></div>
      <milestone-timeline src=${MILESTONES} group="g-scroll" style="width:600px; --srw-timeline-max-height: 300px"></milestone-timeline>
    </div>`);
    const el = await ready(wrap.querySelector('milestone-timeline')!);
    const rows = $(el, '.rows')!;
    expect(rows.getBoundingClientRect().height).to.be.closeTo(300, 10);
    expect(rows.scrollTop).to.equal(0);
    const y = window.scrollY;
    wrap.querySelector('#chart')!.dispatchEvent(
      new CustomEvent('sozialraum-time-select', { bubbles: true, composed: true, detail: { id: 'p', name: '20.05.2021', group: 'g-scroll', start: '2021-05-20' } }),
    );
    await el.updateComplete;
    await aTimeout(0);
    const first = $(el, 'li.marked')!;
    expect(first.getAttribute('data-id')).to.equal('wohnungszugangsstrategie-erprobung');
    expect(rows.scrollTop).to.be.greaterThan(1000);
    const box = rows.getBoundingClientRect();
    expect(first.getBoundingClientRect().top).to.be.within(box.top, box.bottom);
    expect(window.scrollY).to.equal(y);
  });

  it('links two timelines of the same group both ways', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <milestone-timeline src=${MILESTONES} group="g-both" style="width:600px"></milestone-timeline>
      <milestone-timeline src=${MILESTONES} group="g-both" categories="politik" style="width:600px"></milestone-timeline>
    </div>`);
    const [a, b] = Array.from(wrap.querySelectorAll('milestone-timeline'));
    await ready(a);
    await ready(b);
    item(a, 'arbeitnehmerfreizuegigkeit-2014').click();
    await b.updateComplete;
    expect($$(b, 'li.marked').map((li) => li.getAttribute('data-id'))).to.have.members(['arbeitnehmerfreizuegigkeit-2014', 'ratsbeschluss-2014']);
    item(b, 'eu-beitritt-bg-ro').click();
    await a.updateComplete;
    expect($$(a, 'li.marked').map((li) => li.getAttribute('data-id'))).to.deep.equal(['eu-beitritt-bg-ro']);
  });
});

describe('<milestone-timeline> bad input', () => {
  it('draws the valid milestones and names each problem: impossible dates, end before start, duplicates, unknowns', async () => {
    const el = await timeline(html`<milestone-timeline src=${BAD} style="width:600px"></milestone-timeline>`);
    expect(ids(el)).to.deep.equal(['gut-2', 'gut-1', 'gleich-1', 'fremd'], 'sorted by start; equal dates keep the file order');
    expect(text(item(el, 'gut-1').querySelector('.name'))).to.equal('Gültig 2015', 'the first of two equal ids is kept');
    expect(dateOf(el, 'gut-2')).to.equal('Juni 2012 – 2013');
    expect(text(item(el, 'fremd').querySelector('.cat'))).to.equal('unbekannt');
    const status = statusText(el);
    expect($(el, '.message.warning')!.getAttribute('role')).to.equal('status');
    expect(status).to.contain('Nicht gezeigt wegen fehlerhafter Angaben: milestones[1] („Unmöglicher Tag“), milestones[2] („Monat 13“), milestones[3] („Irgendwann“), milestones[4] („Ende vor Beginn“)');
    expect(status).to.contain("Feld 'milestones[1].date.start' muss ein Datum wie 2020, 2020-12 oder 2020-12-31 sein.");
    expect(status).to.contain("Feld 'milestones[2].date.start' muss ein Datum");
    expect(status).to.contain("Feld 'milestones[3].date.start' muss ein Datum");
    expect(status).to.contain("Feld 'milestones[4].date.end': Das Ende (2013) liegt vor dem Beginn (2014).");
    expect(status).to.not.contain("Feld 'milestones[4].date.end' muss ein Datum", 'the order is named, not a wrong format');
    expect(status).to.contain("Eintrag 'milestones[6].id': „gut-1“ kommt doppelt vor; der erste Eintrag gilt.");
    expect(status).to.contain('Unbekannte Kategorie „zzz“');
    expect(status).to.contain('Vorhanden: „a“, „b“');
    expect(status).to.contain('Diese Quellen fehlen in der Liste „sources“: „s9“');
    await expect(el).to.be.accessible();
  });

  it('says it in English with lang="en"', async () => {
    const el = await timeline(html`<milestone-timeline src=${BAD} lang="en" style="width:600px"></milestone-timeline>`);
    const status = statusText(el);
    expect(status).to.contain('Not shown because of faulty entries: milestones[1]');
    expect(status).to.contain("Field 'milestones[4].date.end': the end (2013) lies before the start (2014).");
    expect(status).to.contain('Unknown category “zzz”: these milestones are listed as “unknown”');
    expect(text(item(el, 'fremd').querySelector('.cat'))).to.equal('unknown');
  });

  it('says "keine Meilensteine" for an empty list, and shows the fallback content', async () => {
    const el = await timeline(html`<milestone-timeline style="width:600px"><p>Ersatztext</p></milestone-timeline>`);
    el.data = madeUp([]);
    await ready(el);
    await el.updateComplete;
    expect(alertText(el)).to.contain('Die Datei enthält keine Meilensteine.');
    expect($(el, 'ol')).to.equal(null);
    expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
  });

  it('reports invalid JSON with line and column', async () => {
    const el = await timeline(html`<milestone-timeline style="width:600px"><script type="application/json">{"kind": "milestones",, }</script></milestone-timeline>`);
    expect(alertText(el)).to.match(/kein gültiges JSON \(Fehler in Zeile 1, Spalte \d+\)/);
  });

  it('names the problems as errors when no milestone is valid, and refuses other kinds of file', async () => {
    const el = await timeline(html`<milestone-timeline style="width:600px"></milestone-timeline>`);
    el.data = madeUp([m('x', { start: '2014-02-29' }), m('y', { start: '2013', end: '2012-12' })]);
    await el.updateComplete;
    expect(alertText(el)).to.contain("Feld 'milestones[0].date.start' muss ein Datum");
    expect(alertText(el)).to.contain("Das Ende (2012-12) liegt vor dem Beginn (2013)");
    el.data = { kind: 'timeseries', title: 'Zeitreihe', sources: [], series: [] };
    await el.updateComplete;
    expect(alertText(el)).to.contain("Feld 'kind' muss einer dieser Werte sein: milestones");
    el.data = [1, 2, 3];
    await el.updateComplete;
    expect(alertText(el)).to.contain('muss ein Objekt');
  });

  it('keeps milestones with equal dates in file order, and a 29 February that exists', async () => {
    const el = await timeline(html`<milestone-timeline style="width:600px"></milestone-timeline>`);
    el.data = madeUp([m('zwei', { start: '2016-02-29' }), m('eins', { start: '2016-02-29' }, 'b'), m('null', { start: '2016' })]);
    await ready(el);
    expect(ids(el)).to.deep.equal(['null', 'zwei', 'eins']);
    expect(dateOf(el, 'zwei')).to.equal('29.02.2016');
    expect(statusText(el)).to.equal('');
  });

  it('shows a clear note when the filters leave nothing', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} from="2009" to="2010" style="width:600px"></milestone-timeline>`);
    expect(items(el)).to.have.length(0);
    expect(text($(el, '.empty'))).to.equal('Keine Meilensteine für diese Auswahl.');
    expect(text($(el, '.count'))).to.equal('0 Meilensteine');
  });
});

describe('<milestone-timeline> downloads and forced colours', () => {
  it('downloads the shown milestones as CSV with the source line', async () => {
    const el = await timeline(html`<milestone-timeline src=${MILESTONES} categories="gesundheit" style="width:600px"></milestone-timeline>`);
    const file = await download(el, 'CSV');
    expect(file.name).to.equal('meilensteine-der-dortmunder-netzwerkarbeit-zur-neu-zuwanderung-aus-suedosteuropa.csv');
    const csv = new TextDecoder().decode(await file.blob.arrayBuffer());
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal('Datum;Titel;Kategorie;Förderung;Quelle');
    expect(lines[1]).to.match(/^seit Juni 2011;Sprechstunde des Gesundheitsamts für nicht krankenversicherte Kinder und Jugendliche;Gesundheit;Stadt;"Stadt Dortmund/);
    expect(lines).to.have.length(4 + 1 + 3, 'header, four milestones, blank line, source line, end');
    expect(csv).to.contain('Quellen: ');
  });

  it('draws marks and swatches in system colours in forced-colors mode (Windows high contrast)', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      const el = await timeline(html`<milestone-timeline src=${MILESTONES} style="width:1000px"></milestone-timeline>`);
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = 'CanvasText';
      const canvasText = getComputedStyle(probe).color;
      probe.remove();
      const li = item(el, 'wohnungszugangsstrategie-entwicklung');
      expect(getComputedStyle(li.querySelector('.mark')!).backgroundColor).to.equal(canvasText);
      expect(getComputedStyle(li.querySelector('.cat')!, '::before').backgroundColor).to.equal(canvasText);
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'none' }] });
    }
  });
});

describe('<milestone-timeline> looks', () => {
  it('meets contrast in the dark theme and in presenter mode (earlier steps quieter, still readable)', async () => {
    const dark = await timeline(html`<milestone-timeline src=${MILESTONES} theme="dark" style="width:1000px"></milestone-timeline>`);
    await expect(dark).to.be.accessible();
    const steps = await timeline(html`<milestone-timeline src=${MILESTONES} mode="steps" current="12" style="width:1000px"></milestone-timeline>`);
    await expect(steps).to.be.accessible();
    // Earlier steps shrink to date and title.
    const past = items(steps)[0];
    expect(past.classList.contains('past')).to.equal(true);
    expect(getComputedStyle(past.querySelector('.desc')!).display).to.equal('none');
    expect(getComputedStyle(items(steps)[11].querySelector('.desc')!).display).to.not.equal('none');
  });
});

describe('links in every element with the project data', () => {
  // Lighthouse flags an <a> without href ("links are not crawlable"); a source without a web address is
  // plain text instead — in the timeline's items, the source lines and their full lists, the data tables.
  const elements: Array<[string, ReturnType<typeof html>, string]> = [
    ['indicator-bar', html`<indicator-bar src="/data/indicators/sgb2-arbeitslosigkeit.json" style="width:700px"></indicator-bar>`, 'svg'],
    ['sozialraum-map', html`<sozialraum-map src="/data/indicators/sgb2-arbeitslosigkeit.json" style="width:700px"></sozialraum-map>`, 'svg'],
    [
      'trend-chart',
      html`<trend-chart src="/data/eu2-residents.json" milestones=${MILESTONES} annotations="eu-beitritt-bg-ro arbeitnehmerfreizuegigkeit-2014" style="width:900px"></trend-chart>`,
      'svg',
    ],
    ['milestone-timeline', html`<milestone-timeline src=${MILESTONES} style="width:900px"></milestone-timeline>`, 'ol'],
    ['network-graph', html`<network-graph src="/data/networks.json" style="width:900px"></network-graph>`, 'svg'],
  ];
  for (const [name, template, drawn] of elements) {
    it(`<${name}>: no <a> without href anywhere in its shadow DOM, every link opens without opener`, async () => {
      const el = await widget<HTMLElement & { updateComplete: Promise<unknown> }>(template, drawn);
      expect(alertText(el), 'drawn without errors').to.equal('');
      expect($(el, drawn)).to.not.equal(null);
      // Open what is drawn only on request: the full source lists and the data table.
      for (const details of $$(el, 'details') as HTMLDetailsElement[]) {
        details.open = true;
        await oneEvent(details, 'toggle');
      }
      $$(el, 'button[aria-controls$="-table"]').forEach((b) => b.click());
      await el.updateComplete;
      await aTimeout(0);
      await el.updateComplete;
      expect($(el, '.table-wrap:not([hidden])'), 'the data table is open').to.not.equal(null);
      const all = $$(el, 'a');
      expect(all.filter((a) => !a.hasAttribute('href')).map((a) => text(a))).to.deep.equal([]);
      for (const a of all as HTMLAnchorElement[]) {
        expect(a.href, text(a)).to.match(/^https?:\/\//);
        expect(a.rel, text(a)).to.equal('noopener noreferrer');
      }
      if (name === 'milestone-timeline') expect(all.length).to.be.greaterThan(20, 'the linked sources are still links');
    });
  }
});
