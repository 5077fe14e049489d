import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/indicator-bar/indicator-bar.js';
import type { IndicatorBar } from '../src/indicator-bar/indicator-bar.js';
import { $, $$, alertText, download, hideAndShow, holdFetch, items, labels, press, settled, shadow, statusText, svgLines, tableRows, text, widget } from './helpers.js';

const RANKINGS = '/data/indicators/sozialraum-rankings-2007.json';
const SGB2 = '/data/indicators/sgb2-arbeitslosigkeit.json';
const LABOUR = '/data/indicators/arbeitsmarkt-2000-2006.json';

const bar = (template: ReturnType<typeof html>) => widget<IndicatorBar>(template);

function barWidth(el: Element, key: string): number {
  const rect = shadow(el).querySelector(`g.item[data-key="${key}"] rect.bar`);
  return rect ? Number(rect.getAttribute('width')) : NaN;
}

/** Made-up test data (never shipped): small, inline, named as a fixture. */
const fixtureIndicator = (values: unknown[], extra: Record<string, unknown> = {}) => ({
  title: 'Testindikator (erfundene Werte)',
  unit: '%',
  decimals: 1,
  stichtag: '2020-12',
  source: { title: 'Testdaten' },
  values,
  ...extra,
});

describe('<indicator-bar> with the project data', () => {
  it('draws the income ranking of seed 000 as ranks with the city between 22 and 23 — no bar lengths', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" style="width:700px"></indicator-bar>`);
    expect(items(el)).to.have.length(39);
    expect(labels(el)[0]).to.equal('Borsigplatz: Rang 1 von 39');
    expect(labels(el)[38]).to.equal('Kirchhörde/Löttringhausen/Lücklemberg: Rang 39 von 39');
    expect($$(el, 'rect.bar')).to.have.length(0, 'a ranking must not draw bars');
    expect(text($(el, '.title'))).to.equal('Relation hoher und niedriger Einkommen in den Sozialräumen 2001');
    expect(text($(el, '.description'))).to.contain('Nur die Reihenfolge ist bekannt');
    const svgText = text($(el, 'svg.bars'));
    expect(svgText).to.contain('Dortmund (Gesamtstadt)');
    expect(svgText).to.contain('Rang 1: schwächste Einkommensrelation');
    expect(svgText).to.contain('Rang 39: stärkste Einkommensrelation');
    expect(text($(el, '.source'))).to.match(/^Quelle: JobCenter ARGE Dortmund: Sozialraumorientierte Netzwerke.*02\.10\.2007 · Stand: 2001$/);
    // In the table the city sits between rank 22 and rank 23.
    const rows = await tableRows(el);
    const city = rows.findIndex((r) => r[0] === 'Dortmund (Gesamtstadt)');
    expect(rows[city - 1][0]).to.equal('Lütgendortmund');
    expect(rows[city + 1][0]).to.equal('Mengede/Oestrich/Schwieringhausen');
    expect(rows[city][2]).to.equal('zwischen Rang 22 und 23');
  });

  it('draws again when shown after being hidden (width 0, e.g. in a closed tab or <details>)', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" style="width:700px"></indicator-bar>`);
    await hideAndShow(el);
    expect(items(el)).to.have.length(39);
  });

  it('waits for a table the parser has not finished (script without defer before the widget)', async () => {
    // As the page is parsed: the document is loading and the widget is the last node so far.
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    const wrap = document.createElement('div');
    try {
      document.body.append(wrap);
      const el = document.createElement('indicator-bar') as IndicatorBar;
      el.innerHTML = '<table><tr><th>Sozialraum</th><th>Wert</th></tr></table>';
      wrap.append(el);
      await aTimeout(50);
      expect(alertText(el)).to.equal('', 'no error for a table whose rows are still coming');
      el.querySelector('tbody')!.insertAdjacentHTML('beforeend', '<tr><td>Nette</td><td>3</td></tr><tr><td>Hafen</td><td>5</td></tr>');
      await aTimeout(50);
      expect(items(el)).to.have.length(0, 'not drawn from half a table');
      el.after(document.createElement('p')); // the parser has moved on
      delete (document as { readyState?: string }).readyState;
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await settled(el);
      expect(alertText(el)).to.equal('');
      expect(items(el)).to.have.length(2);
    } finally {
      delete (document as { readyState?: string }).readyState;
      wrap.remove();
    }
  });

  it('matches every spelling of the Hilfen-zur-Erziehung chart to the canonical Sozialräume', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="hilfen-zur-erziehung" style="width:700px"></indicator-bar>`);
    expect(items(el)).to.have.length(39);
    expect(statusText(el)).to.equal('', 'no unknown names');
    expect(labels(el)).to.include('Eichlinghofen/Menglinghausen/Persebeck: Rang 2 von 39');
    expect(labels(el)).to.include('Eving-West/Lindenhorst: Rang 24 von 39');
    expect(text($(el, 'svg.bars'))).to.contain('Gesamtstadt: 27,1');
    expect(text($(el, '.source'))).to.contain('Stand: keine Angabe (Datenjahr in der Quelle nicht angegeben)');
  });

  it('draws the SGB II values of 12/2020 as bars with the city and the Stadtbezirk as reference lines', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:640px"></indicator-bar>`);
    expect(labels(el)).to.deep.equal([
      'Nordmarkt: 39,9\u00a0% (Rang 1 von 3)',
      'Borsigplatz: 39,2\u00a0% (Rang 2 von 3)',
      'Hafen: 33,6\u00a0% (Rang 3 von 3)',
    ]);
    expect(barWidth(el, 'nordmarkt')).to.be.greaterThan(barWidth(el, 'borsigplatz'));
    expect(barWidth(el, 'borsigplatz')).to.be.greaterThan(barWidth(el, 'hafen'));
    const refs = $$(el, 'path.reference');
    expect(refs).to.have.length(2);
    const svgText = text($(el, 'svg.bars'));
    expect(svgText).to.contain('Dortmund: 17,3 %');
    expect(svgText).to.contain('Stadtbezirk Innenstadt-Nord: 37,8 %');
    expect($(el, 'svg.bars')!.getAttribute('aria-label')).to.contain('Vergleichswert: Dortmund: 17,3\u00a0%');
    expect(text($(el, '.source'))).to.contain('Stand: Dezember 2020');
  });

  it('groups several series (Dortmund 2000 and 2006) with a legend', async () => {
    const el = await bar(html`<indicator-bar src=${LABOUR} indicator="beschaeftigung-dortmund" style="width:800px"></indicator-bar>`);
    expect($$(el, '.legend li').map((li) => text(li))).to.deep.equal(['2000', '2006']);
    expect($$(el, 'rect.bar')).to.have.length(8);
    expect(labels(el)[0]).to.equal('Sozialversicherungspflichtig Beschäftigte: 2000: 199.360\u00a0Beschäftigte; 2006: 190.155\u00a0Beschäftigte');
    // Categories keep the order of the source.
    expect(labels(el)[1]).to.match(/^Geringfügig Beschäftigte/);
    expect(text($(el, 'svg.bars'))).to.contain('Beschäftigte', 'the worded unit is named once at the axis');
  });

  it('never puts values of very different magnitude on one axis: Dortmund and NRW get their own', async () => {
    const el = await bar(html`<indicator-bar src=${LABOUR} indicator="veraenderung-2000-2006" style="width:800px"></indicator-bar>`);
    const lists = $$(el, 'g[role="list"]');
    expect(lists.map((l) => l.getAttribute('aria-label'))).to.deep.equal(['Stadt Dortmund', 'Nordrhein-Westfalen']);
    expect(text($(el, '.notes'))).to.contain('eigenen Achsen');
    // Negative changes are drawn to the left of zero.
    const first = shadow(el).querySelector('g.item[data-index="0"] rect.bar')!;
    const zero = Number(/^M([\d.]+),/.exec(shadow(el).querySelector('path.zero')!.getAttribute('d')!)![1]);
    expect(Number(first.getAttribute('x')) + Number(first.getAttribute('width'))).to.be.closeTo(zero, 0.5);
  });

  it('keeps the city value of every series, labelled with its series', async () => {
    const el = await bar(html`<indicator-bar style="width:700px"></indicator-bar>`);
    el.data = {
      title: 'Zwei Jahre (erfundene Testwerte)',
      unit: '%',
      source: { title: 'Test' },
      series: [
        { id: 'a', label: '2000', values: [{ area: 'Nette', value: 10 }, { area: 'Dortmund', value: 9 }] },
        { id: 'b', label: '2006', values: [{ area: 'Nette', value: 12 }, { area: 'Dortmund', value: 11 }] },
      ],
    };
    await settled(el);
    const svgText = text($(el, 'svg.bars'));
    expect(svgText).to.contain('Dortmund (2000): 9 %');
    expect(svgText).to.contain('Dortmund (2006): 11 %');
    expect($$(el, 'path.reference')).to.have.length(2);
  });

  it('draws each series\' city value on its own axis and says which series a bar belongs to', async () => {
    const el = await bar(html`<indicator-bar style="width:700px">
      <table>
        <tr><th>Sozialraum</th><th>Anzahl (erfunden)</th><th>Quote (erfunden)</th></tr>
        <tr><td>Nette</td><td>12000</td><td>10</td></tr>
        <tr><td>Hafen</td><td>15000</td><td>20</td></tr>
        <tr><td>Dortmund</td><td>14000</td><td>15</td></tr>
      </table>
    </indicator-bar>`);
    expect($$(el, 'g[role="list"]')).to.have.length(2);
    expect($$(el, 'path.reference')).to.have.length(2);
    expect(text($(el, 'svg.bars'))).to.contain('Dortmund (Quote (erfunden)): 15');
    expect(labels(el)).to.include('Hafen: Quote (erfunden): 20 (Rang 1 von 2)');
  });

  it('counts a partial ranking up to its highest rank ("Rang 37 von 39")', async () => {
    const el = await bar(html`<indicator-bar style="width:600px"></indicator-bar>`);
    el.data = { title: 'Auszug (Testdaten)', mode: 'rank', source: { title: 'Test' }, values: [{ area: 'Hafen', rank: 39 }, { area: 'Nordmarkt', rank: 37 }, { area: 'Borsigplatz', rank: 38 }] };
    await settled(el);
    expect(labels(el)[0]).to.equal('Nordmarkt: Rang 37 von 39');
  });

  it('tells screen readers where the city stands among the ranks', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" style="width:600px"></indicator-bar>`);
    expect($(el, 'svg.bars')!.getAttribute('aria-label')).to.contain('Dortmund (Gesamtstadt), zwischen Rang 22 und 23');
  });

  it('shows a missing value as "keine Angabe", never as a zero bar', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} indicator="dortmund-personen-2020-2021" style="width:800px"></indicator-bar>`);
    const row = shadow(el).querySelector('g.item[data-index="1"]')!;
    expect(row.getAttribute('aria-label')).to.equal('davon im SGB II: Dezember 2020: 27.017\u00a0Personen; Vortrag 2022: keine Angabe; 73,9 % der Arbeitslosen; Die Quelle nennt nur den Anteil: 76,4 %');
    expect(row.querySelectorAll('rect.bar[visibility="visible"]')).to.have.length(1);
    expect(text(row.querySelector('text.missing'))).to.equal('keine Angabe');
  });
});

describe('<indicator-bar> options', () => {
  it('sorts ascending, by name and as in the file', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} sort="asc" style="width:600px"></indicator-bar>`);
    expect(labels(el).map((l) => l.split(':')[0])).to.deep.equal(['Hafen', 'Borsigplatz', 'Nordmarkt']);
    el.sort = 'name';
    await el.updateComplete;
    expect(labels(el).map((l) => l.split(':')[0])).to.deep.equal(['Borsigplatz', 'Hafen', 'Nordmarkt']);
    el.sort = 'none';
    await el.updateComplete;
    expect(labels(el).map((l) => l.split(':')[0])).to.deep.equal(['Hafen', 'Nordmarkt', 'Borsigplatz']);
  });

  it('reverses a ranking with sort="asc" and moves the city divider with it', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" sort="asc" style="width:600px"></indicator-bar>`);
    expect(labels(el)[0]).to.equal('Kirchhörde/Löttringhausen/Lücklemberg: Rang 39 von 39');
    expect(text($(el, 'svg.bars'))).to.contain('Rang 39: stärkste Einkommensrelation');
  });

  it('shows only the first N with top, says so, and keeps all rows in the table', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" top="5" style="width:600px"></indicator-bar>`);
    expect(items(el)).to.have.length(5);
    const notes = text($(el, '.notes'));
    expect(notes).to.contain('Gezeigt: die ersten 5 von 39');
    expect(notes).to.contain('Dortmund (Gesamtstadt): zwischen Rang 22 und 23');
    expect(await tableRows(el)).to.have.length(40);
  });

  it('highlights areas given by id or by any spelling, and names the ones it cannot find', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" highlight="nordmarkt, Sozialraum Hafen; Atlantis" style="width:600px"></indicator-bar>`);
    const highlighted = $$(el, 'rect.badge.highlighted');
    expect(highlighted).to.have.length(2);
    expect(statusText(el)).to.contain('„Atlantis“');
    await tableRows(el);
    expect($$(el, '.table-wrap tr.highlight').map((r) => text(r.firstElementChild))).to.deep.equal(['Nordmarkt', 'Hafen']);
  });

  it('uses the title attribute as the chart title', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} title="Mein Titel" style="width:600px"></indicator-bar>`);
    expect(text($(el, '.title'))).to.equal('Mein Titel');
    expect($(el, '.title')!.getAttribute('role')).to.equal('heading');
    expect($(el, 'figure')!.getAttribute('aria-labelledby')).to.equal($(el, '.title')!.id);
  });

  it('takes its data from the data property, before anything else', async () => {
    const el = await fixture<IndicatorBar>(html`<indicator-bar src="/does-not-exist.json" style="width:600px"></indicator-bar>`);
    el.data = fixtureIndicator([{ area: 'Nette', value: 12.5 }]);
    await settled(el);
    await waitUntil(() => labels(el).length === 1);
    expect(labels(el)).to.deep.equal(['Nette: 12,5\u00a0% (Rang 1 von 1)']);
  });

  it('reads inline JSON from a <script type="application/json"> child, before src', async () => {
    const el = await bar(html`<indicator-bar src="/does-not-exist.json" style="width:600px">
      <script type="application/json">
        {"title": "Inline (erfundene Testwerte)", "unit": "%", "stichtag": "2021", "source": {"title": "Test"}, "values": [{"area": "Marten", "value": 10}, {"area": "Nette", "value": 20}]}
      </script>
    </indicator-bar>`);
    expect(labels(el)).to.deep.equal(['Nette: 20\u00a0% (Rang 1 von 2)', 'Marten: 10\u00a0% (Rang 2 von 2)']);
  });

  it('turns a pasted HTML table into the chart: names matched, "Dortmund" as the reference, "–" as keine Angabe', async () => {
    const el = await bar(html`<indicator-bar source="Testtabelle (erfundene Werte)" stichtag="2020-12" style="width:600px">
      <table>
        <caption>Quote aus der Tabelle</caption>
        <thead><tr><th>Sozialraum</th><th>Quote</th></tr></thead>
        <tbody>
          <tr><td>Nordmarkt</td><td>39,9 %</td></tr>
          <tr><td>Bodelschw ingh/Westerfilde</td><td>22,0 %</td></tr>
          <tr><td>Eving I /Kemminghausen</td><td>–</td></tr>
          <tr><td>Dortmund</td><td>17,3 %</td></tr>
        </tbody>
      </table>
    </indicator-bar>`);
    expect(text($(el, '.title'))).to.equal('Quote aus der Tabelle');
    expect(labels(el)).to.deep.equal([
      'Nordmarkt: 39,9\u00a0% (Rang 1 von 2)',
      'Bodelschwingh/Westerfilde: 22,0\u00a0% (Rang 2 von 2)',
      'Eving-Ost/Kemminghausen: keine Angabe',
    ]);
    expect(text($(el, 'svg.bars'))).to.contain('Dortmund: 17,3 %');
    expect(text($(el, '.source'))).to.equal('Quelle: Testtabelle (erfundene Werte) · Stand: Dezember 2020');
    // The original table is no longer shown: the chart (and its own table) replaces it.
    expect(($(el, 'slot') as HTMLSlotElement | null)).to.equal(null);
  });

  it('redraws when a table cell is edited', async () => {
    const el = await bar(html`<indicator-bar style="width:600px">
      <table>
        <tr><th>Sozialraum</th><th>Quote</th></tr>
        <tr><td>Nette</td><td>10</td></tr>
      </table>
    </indicator-bar>`);
    expect(labels(el)).to.deep.equal(['Nette: 10 (Rang 1 von 1)']);
    el.querySelectorAll('td')[1].textContent = '12';
    await waitUntil(() => labels(el)[0] === 'Nette: 12 (Rang 1 von 1)', 'redrawn after the edit');
  });

  it('reads a category table and a rank-only table', async () => {
    const el = await bar(html`<indicator-bar style="width:600px">
      <table>
        <tr><th>Träger</th><th>Plätze</th></tr>
        <tr><td>Träger A (erfunden)</td><td>12</td></tr>
        <tr><td>Träger B (erfunden)</td><td>1.204</td></tr>
      </table>
    </indicator-bar>`);
    expect(labels(el)).to.deep.equal(['Träger A (erfunden): 12', 'Träger B (erfunden): 1.204']);
    expect(statusText(el)).to.contain('keine Quelle');
    const ranks = await bar(html`<indicator-bar style="width:600px">
      <table>
        <tr><th>Sozialraum</th><th>Rang</th></tr>
        <tr><td>Hafen</td><td>2</td></tr>
        <tr><td>Nette</td><td>1</td></tr>
      </table>
    </indicator-bar>`);
    expect(labels(ranks)).to.deep.equal(['Nette: Rang 1 von 2', 'Hafen: Rang 2 von 2']);
    expect($$(ranks, 'rect.bar')).to.have.length(0);
  });
});

describe('<indicator-bar> numbers typed in a table, whatever the page language', () => {
  it('draws "39,9" as 39.9 with lang="en" — not 399 — in the label, the value text and the data table', async () => {
    const el = await bar(html`<indicator-bar lang="en" source="Test table (made-up values)" style="width:600px">
      <table>
        <tr><th>Sozialraum</th><th>Quote</th></tr>
        <tr><td>Nordmarkt</td><td>39,9</td></tr>
        <tr><td>Hafen</td><td>17,3</td></tr>
      </table>
    </indicator-bar>`);
    expect(labels(el)).to.deep.equal(['Nordmarkt: 39.9 (rank 1 of 2)', 'Hafen: 17.3 (rank 2 of 2)']);
    const valueTexts = $$(el, 'g.item text').map((t) => text(t));
    expect(valueTexts).to.include('39.9');
    expect(valueTexts).to.not.include('399');
    // The longer bar is not ten times the shorter one (as 399 against 173 would be, give or take).
    expect(barWidth(el, 'nordmarkt') / barWidth(el, 'hafen')).to.be.closeTo(39.9 / 17.3, 0.05);
    const rows = await tableRows(el);
    // Columns: area, Stadtbezirk, rank, value, note.
    expect(rows.map((r) => [r[0], r[3]])).to.deep.equal([['Nordmarkt', '39.9'], ['Hafen', '17.3']]);
    expect(statusText(el)).to.equal('', 'nothing ambiguous, nothing to warn about');
  });

  it('reads "39,9 %", "1,234.5", "1.234,5", "−3,2", "1 234,5" alike in German and English; "–", "" and "k. A." are keine Angabe', async () => {
    const table = (lang: string) => html`<indicator-bar lang=${lang} source="Testtabelle (erfundene Werte)" style="width:700px">
      <table>
        <tr><th>Kategorie</th><th>Wert</th></tr>
        <tr><td>A (erfunden)</td><td>1,234.5</td></tr>
        <tr><td>B (erfunden)</td><td>1.234,5</td></tr>
        <tr><td>C (erfunden)</td><td>−3,2</td></tr>
        <tr><td>D (erfunden)</td><td>-3.2</td></tr>
        <tr><td>E (erfunden)</td><td>1\u202f234,5</td></tr>
        <tr><td>F (erfunden)</td><td>39,9 %</td></tr>
        <tr><td>G (erfunden)</td><td>k. A.</td></tr>
        <tr><td>H (erfunden)</td><td>–</td></tr>
        <tr><td>I (erfunden)</td><td></td></tr>
      </table>
    </indicator-bar>`;
    const de = await bar(table('de'));
    expect(labels(de)).to.deep.equal([
      'A (erfunden): 1.234,5\u00a0%',
      'B (erfunden): 1.234,5\u00a0%',
      'C (erfunden): -3,2\u00a0%',
      'D (erfunden): -3,2\u00a0%',
      'E (erfunden): 1.234,5\u00a0%',
      'F (erfunden): 39,9\u00a0%',
      'G (erfunden): keine Angabe',
      'H (erfunden): keine Angabe',
      'I (erfunden): keine Angabe',
    ]);
    expect(statusText(de)).to.not.contain('Tabelle,');
    const en = await bar(table('en'));
    expect(labels(en)).to.deep.equal([
      'A (erfunden): 1,234.5%',
      'B (erfunden): 1,234.5%',
      'C (erfunden): -3.2%',
      'D (erfunden): -3.2%',
      'E (erfunden): 1,234.5%',
      'F (erfunden): 39.9%',
      'G (erfunden): not available',
      'H (erfunden): not available',
      'I (erfunden): not available',
    ]);
    expect(statusText(en)).to.not.contain('Table,');
  });

  it('reads "12,040" and "12.040" by the language when nothing else in the table says which mark is decimal', async () => {
    const table = (lang: string) => html`<indicator-bar lang=${lang} source="Testtabelle (erfundene Werte)" style="width:700px">
      <table>
        <tr><th>Kategorie</th><th>Wert</th></tr>
        <tr><td>A (erfunden)</td><td>12.040</td></tr>
        <tr><td>B (erfunden)</td><td>12,040</td></tr>
      </table>
    </indicator-bar>`;
    // German: the point groups thousands, the comma is the decimal mark (three decimals shown throughout).
    expect(labels(await bar(table('de')))).to.deep.equal(['A (erfunden): 12.040,000', 'B (erfunden): 12,040']);
    expect(labels(await bar(table('en')))).to.deep.equal(['A (erfunden): 12.040', 'B (erfunden): 12,040.000']);
  });

  it('names an ambiguous cell instead of guessing when the table writes decimals the other way than the language', async () => {
    // A German table on an English page: "39,9" proves the decimal comma, so "12,040" may be 12.04 or 12040.
    const el = await bar(html`<indicator-bar lang="en" source="Test table (made-up values)" style="width:600px">
      <table>
        <tr><th>Sozialraum</th><th>Wert</th></tr>
        <tr><td>Nordmarkt</td><td>39,9</td></tr>
        <tr><td>Hafen</td><td>12,040</td></tr>
      </table>
    </indicator-bar>`);
    expect(labels(el)).to.deep.equal(['Nordmarkt: 39.9 (rank 1 of 1)', 'Hafen: not available']);
    expect(statusText(el)).to.contain('Table, row 2, column 2: “12,040” is ambiguous');
    expect(statusText(el)).to.contain('“12040”');
    // In German the same table is consistent: "12,040" is 12,04, and nothing is named.
    const de = await bar(html`<indicator-bar source="Testtabelle (erfundene Werte)" style="width:600px">${el.querySelector('table')!.cloneNode(true)}</indicator-bar>`);
    expect(labels(de)).to.deep.equal(['Nordmarkt: 39,900 (Rang 1 von 2)', 'Hafen: 12,040 (Rang 2 von 2)']);
    expect(statusText(de)).to.equal('');
    // A table with both decimal marks ("39,9" and "17.3"): "12.040" is ambiguous in German too, and named in German.
    const mixed = await bar(html`<indicator-bar source="Testtabelle (erfundene Werte)" style="width:600px">
      <table>
        <tr><th>Sozialraum</th><th>Wert</th></tr>
        <tr><td>Nordmarkt</td><td>39,9</td></tr>
        <tr><td>Nette</td><td>17.3</td></tr>
        <tr><td>Hafen</td><td>12.040</td></tr>
      </table>
    </indicator-bar>`);
    expect(labels(mixed)).to.deep.equal(['Nordmarkt: 39,9 (Rang 1 von 2)', 'Nette: 17,3 (Rang 2 von 2)', 'Hafen: keine Angabe']);
    expect(statusText(mixed)).to.contain('Tabelle, Zeile 3, Spalte 2: „12.040“ ist mehrdeutig');
  });
});

describe('<indicator-bar> language', () => {
  it('speaks English with lang="en": labels, numbers, buttons, source line', async () => {
    const el = await bar(html`<indicator-bar lang="en" src=${SGB2} style="width:600px"></indicator-bar>`);
    expect(labels(el)[0]).to.equal('Nordmarkt: 39.9% (rank 1 of 3)');
    expect(text($(el, '.title'))).to.equal('SGB II rate in the Sozialräume of the Nordstadt, December 2020');
    expect(text($(el, '.actions button'))).to.equal('Show table');
    expect(text($(el, '.source'))).to.match(/^Source: .* · As of: December 2020$/);
  });

  it('follows the nearest ancestor with a lang attribute', async () => {
    const wrapper = await fixture(html`<div lang="en-GB"><indicator-bar src=${RANKINGS} indicator="einkommen-2001" top="3" style="width:600px"></indicator-bar></div>`);
    const el = wrapper.querySelector('indicator-bar')!;
    await settled(el);
    expect(labels(el)[0]).to.equal('Borsigplatz: rank 1 of 39');
  });

  it('formats large numbers in German by default ("12.040"-style grouping)', async () => {
    const el = await bar(html`<indicator-bar src=${LABOUR} indicator="arge-betreute-2006" style="width:600px"></indicator-bar>`);
    expect(labels(el)[0]).to.equal('Personen in Bedarfsgemeinschaften: 83.010');
  });
});

describe('<indicator-bar> keyboard, hover and the table', () => {
  it('is one tab stop; arrows, Home and End move bar to bar; focus shows a ring and the details', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" style="width:600px"></indicator-bar>`);
    const all = items(el);
    expect(all.filter((g) => g.getAttribute('tabindex') === '0')).to.have.length(1);
    all[0].focus();
    press(el, 'ArrowDown');
    await el.updateComplete;
    await aTimeout(0);
    expect(shadow(el).activeElement?.getAttribute('aria-label')).to.equal('Nordmarkt: Rang 2 von 39');
    press(el, 'End');
    await el.updateComplete;
    await aTimeout(0);
    expect(shadow(el).activeElement?.getAttribute('aria-label')).to.equal('Kirchhörde/Löttringhausen/Lücklemberg: Rang 39 von 39');
    expect(text($(el, '.tooltip'))).to.contain('Kirchhörde/Löttringhausen/Lücklemberg');
    expect(text($(el, '.tooltip'))).to.contain('Stadtbezirk Hombruch');
    press(el, 'Home');
    await el.updateComplete;
    await aTimeout(0);
    expect(shadow(el).activeElement?.getAttribute('data-index')).to.equal('0');
    press(el, 'ArrowUp');
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('data-index')).to.equal('0', 'stays at the first');
    press(el, 'Escape');
    await el.updateComplete;
    expect($(el, '.tooltip')).to.equal(null);
  });

  it('draws a visible focus ring when reached by keyboard', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    const button = document.createElement('button');
    button.textContent = 'davor';
    el.before(button);
    button.focus();
    // A real Tab press from the browser (sendKeys) makes :focus-visible apply.
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('data-index')).to.equal('0');
    expect($(el, 'rect.focus-ring')).to.not.equal(null);
    button.remove();
  });

  it('shows the same details on hover as on focus', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    items(el)[2].querySelector('rect.bar')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const tip = text($(el, '.tooltip'));
    expect(tip).to.contain('Hafen');
    expect(tip).to.contain('33,6 %');
    expect(tip).to.contain('Rang 3 von 3');
    expect(tip).to.contain('Stand: Dezember 2020');
  });

  it('opens and closes the accessible data table', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    const button = $(el, '.actions button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '.table-wrap')!.hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(text(button)).to.equal('Tabelle ausblenden');
    expect($(el, '.table-wrap')!.hidden).to.equal(false);
    expect(text($(el, 'caption'))).to.equal('SGB II-Quote in den Sozialräumen der Nordstadt, Dezember 2020');
    expect($$(el, 'thead th').map((th) => text(th))).to.deep.equal(['Sozialraum', 'Stadtbezirk', 'Rang', 'Wert (%)', 'Hinweis']);
    expect((await tableRows(el))[0]).to.deep.equal(['Nordmarkt', 'Innenstadt-Nord', '1', '39,9 %', '']);
    expect((await tableRows(el)).map((r) => r[0])).to.include.members(['Dortmund', 'Stadtbezirk Innenstadt-Nord']);
    await expect(el).to.be.accessible();
    button.click();
    await el.updateComplete;
    expect($(el, '.table-wrap')!.hidden).to.equal(true);
  });
});

describe('<indicator-bar> downloads', () => {
  it('downloads the data as CSV (German: semicolons and decimal commas) with the source line', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    const file = await download(el, 'CSV');
    expect(file.name).to.equal('sgb-ii-quote-in-den-sozialraeumen-der-nordstadt-dezember-2020.csv');
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf], 'byte-order mark for Excel');
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal('Sozialraum;Stadtbezirk;Rang;Wert (%);Hinweis');
    expect(lines[1]).to.equal('Nordmarkt;Innenstadt-Nord;1;39,9;');
    expect(csv).to.contain('Quelle: Stadt Dortmund, Sozialdezernat');
  });

  it('downloads the chart as SVG with title and source, and as PNG', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    const { lines } = await svgLines(await download(el, 'SVG'));
    expect(lines[0]).to.equal('SGB II-Quote in den Sozialräumen der Nordstadt, Dezember 2020');
    expect(lines.join(' ')).to.contain('Quelle: Stadt Dortmund');
    expect(lines).to.include('Nordmarkt');
    const png = await download(el, 'PNG');
    expect(png.name).to.match(/\.png$/);
    expect(png.blob.type).to.equal('image/png');
    expect(png.blob.size).to.be.greaterThan(2000);
  });

  it('puts the legend of several series into the image, with their colours', async () => {
    const el = await bar(html`<indicator-bar src=${LABOUR} indicator="beschaeftigung-dortmund" style="width:800px"></indicator-bar>`);
    const { lines, doc } = await svgLines(await download(el, 'SVG'));
    expect(lines).to.include.members(['2000', '2006']);
    const keyFill = (label: string) => {
      const entry = [...doc.querySelectorAll('text')].find((t) => text(t) === label)!;
      return (entry.previousElementSibling as SVGElement).querySelector('rect')!.style.fill;
    };
    const barFill = (i: number) => getComputedStyle(shadow(el).querySelector(`rect.bar.s${i}`)!).fill;
    expect(keyFill('2000')).to.equal(barFill(0));
    expect(keyFill('2006')).to.equal(barFill(1));
  });
});

function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('<indicator-bar> look: contrast, themes, sizes', () => {

  for (const theme of ['light', 'dark']) {
    it(`meets contrast minimums in the ${theme} theme (text 4.5:1, bars 3:1)`, async () => {
      const el = await bar(html`<indicator-bar theme=${theme} src=${SGB2} highlight="Hafen" style="width:600px"></indicator-bar>`);
      const background = getComputedStyle(el).backgroundColor;
      const fill = (sel: string) => getComputedStyle(shadow(el).querySelector(sel)!).fill;
      expect(contrast(getComputedStyle(el).color, background)).to.be.at.least(4.5);
      expect(contrast(fill('text.small.muted'), background)).to.be.at.least(4.5, 'tick labels');
      expect(contrast(fill('rect.bar:not(.highlighted)'), background)).to.be.at.least(3, 'bars');
      expect(contrast(fill('rect.bar.highlighted'), background)).to.be.at.least(3, 'highlighted bar');
      expect(contrast(getComputedStyle(shadow(el).querySelector('path.reference')!).stroke, background)).to.be.at.least(3, 'reference line');
      await expect(el).to.be.accessible();
    });
  }

  it('follows the page, not only the reader\'s dark mode: light on a light page, dark with theme="dark"', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const auto = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
      const dark = await bar(html`<indicator-bar theme="dark" src=${SGB2} style="width:600px"></indicator-bar>`);
      expect(getComputedStyle(auto).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(dark).backgroundColor).to.equal('rgb(22, 22, 22)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('uses system colours in forced-colors mode (Windows high contrast)', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      const el = await bar(html`<indicator-bar src=${SGB2} highlight="Hafen" style="width:600px"></indicator-bar>`);
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = 'CanvasText';
      const canvasText = getComputedStyle(probe).color;
      probe.style.color = 'Highlight';
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      expect(getComputedStyle(shadow(el).querySelector('rect.bar:not(.highlighted)')!).fill).to.equal(canvasText);
      expect(getComputedStyle(shadow(el).querySelector('rect.bar.highlighted')!).fill).to.equal(highlight);
    } finally {
      await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'none' }] });
    }
  });

  it('switches transitions off for prefers-reduced-motion and hides buttons in print', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    items(el)[0].querySelector('rect.bar')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(getComputedStyle($(el, '.tooltip')!).transitionDuration).to.not.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle($(el, '.tooltip')!).transitionDuration).to.equal('0s');
    await emulateMedia({ reducedMotion: 'no-preference', media: 'print' });
    expect(getComputedStyle($(el, '.actions')!).display).to.equal('none');
    await emulateMedia({ media: 'screen' });
  });

  for (const theme of ['light', 'dark']) {
    it(`keeps rank numbers readable (4.5:1 on their badge) in the ${theme} theme`, async () => {
      const el = await bar(html`<indicator-bar theme=${theme} src=${RANKINGS} indicator="einkommen-2001" highlight="Hafen" top="5" style="width:600px"></indicator-bar>`);
      for (const sel of ['rect.badge:not(.highlighted)', 'rect.badge.highlighted']) {
        const badge = shadow(el).querySelector(sel)!;
        const number = badge.parentElement!.querySelector('text.badge-text')!;
        expect(contrast(getComputedStyle(number).fill, getComputedStyle(badge).fill)).to.be.at.least(4.5, sel);
      }
    });
  }

  it('puts names above the bars on a 320 px phone and beside them on a 1920 px slide', async () => {
    const phone = await bar(html`<indicator-bar src=${SGB2} style="width:320px"></indicator-bar>`);
    expect(Number($(phone, 'svg')!.getAttribute('width'))).to.equal(320);
    const label = shadow(phone).querySelector('g.item text')!;
    expect(label.getAttribute('text-anchor')).to.equal('start');
    expect(Number(label.getAttribute('x'))).to.equal(0);
    // The reference lines do not run through the names above the bars: each is drawn in pieces around them.
    const names = Array.from(shadow(phone).querySelectorAll('g.item > text:first-of-type')).map((t) => (t as SVGGraphicsElement).getBBox());
    for (const line of $$(phone, 'path.reference')) {
      for (const [, x, y1, y2] of [...line.getAttribute('d')!.matchAll(/M([\d.]+),([\d.]+)L[\d.]+,([\d.]+)/g)].map((m) => m.map(Number))) {
        for (const n of names) {
          const crosses = x > n.x && x < n.x + n.width && y1 < n.y + n.height && y2 > n.y;
          expect(crosses, `line at x=${x} crosses a name`).to.equal(false);
        }
      }
    }
    const slide = await bar(html`<indicator-bar src=${SGB2} style="width:1920px;max-width:none;font-size:32px"></indicator-bar>`);
    expect(Number($(slide, 'svg')!.getAttribute('width'))).to.equal(1920);
    expect(shadow(slide).querySelector('g.item text')!.getAttribute('text-anchor')).to.equal('end');
  });

  /** The line boxes of the chart's texts and the straight pieces of its lines, on screen, as a reader sees them. */
  const drawing = (el: Element) => {
    const svgEl = $(el, 'svg.bars') as unknown as SVGSVGElement;
    const range = document.createRange();
    const walker = document.createTreeWalker(svgEl, NodeFilter.SHOW_TEXT);
    const texts: Array<{ text: string; box: DOMRect }> = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      range.selectNodeContents(n);
      if (n.textContent!.trim() && !n.parentElement!.closest('title')) texts.push({ text: n.textContent!, box: range.getBoundingClientRect() });
    }
    const lines = $$(el, 'svg.bars :is(.grid, .zero, .reference)').flatMap((p) => {
      const m = (p as unknown as SVGGraphicsElement).getScreenCTM()!;
      // Paths of pieces ("M x,y L x,y …"), or the ranking's divider, a <line>.
      const pieces = p.localName === 'line' ? [['', ...['x1', 'y1', 'x2', 'y2'].map((a) => p.getAttribute(a)!)]] : [...p.getAttribute('d')!.matchAll(/M([-\d.]+),([-\d.]+)L([-\d.]+),([-\d.]+)/g)];
      return pieces.map((g) => {
        const [a, b] = [new DOMPoint(+g[1], +g[2]).matrixTransform(m), new DOMPoint(+g[3], +g[4]).matrixTransform(m)];
        return { cls: p.getAttribute('class')!, seg: [a.x, a.y, b.x, b.y] };
      });
    });
    return { box: svgEl.getBoundingClientRect(), texts, lines };
  };
  /** Whether the straight segment [x1, y1, x2, y2] (vertical here) passes through the box, a pixel in from its edges. */
  const through = ([x1, y1, x2, y2]: number[], b: DOMRect) =>
    Math.max(x1, x2) > b.left + 1 && Math.min(x1, x2) < b.right - 1 && Math.max(y1, y2) > b.top + 1 && Math.min(y1, y2) < b.bottom - 1;

  it('on a phone (240 px) keeps every label inside the chart and runs no grid, zero or reference line through a label', async () => {
    for (const [src, indicator] of [
      [SGB2, 'sgb2-quote-2020-12'],
      [SGB2, 'disparitaeten-2020-12'],
      [LABOUR, 'veraenderung-2000-2006'],
      [RANKINGS, 'einkommen-2001'],
    ]) {
      const el = await bar(html`<indicator-bar src=${src} indicator=${indicator} style="width:240px;font:17px Arial,sans-serif"></indicator-bar>`);
      const { box, texts, lines } = drawing(el);
      for (const t of texts) expect(t.box.left >= box.left - 0.5 && t.box.right <= box.right + 0.5, `${indicator}: „${t.text}“ from ${Math.round(t.box.left - box.left)} to ${Math.round(t.box.right - box.left)} of ${box.width}`).to.equal(true);
      for (const l of lines) for (const t of texts) expect(through(l.seg, t.box), `${indicator}: ${l.cls} through „${t.text}“`).to.equal(false);
    }
  });

  it('names the reference in full on a phone ("Stadtbezirk Innenstadt-Nord: 37,8 %", not "k Innenstadt-Nord: 37,8 %")', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:240px;font:17px Arial,sans-serif"></indicator-bar>`);
    const lines = (t: Element) => [...t.childNodes].filter((n) => n.nodeType !== Node.COMMENT_NODE).map((n) => n.textContent!.trim()).filter(Boolean);
    const label = $$(el, 'svg.bars text').find((t) => /^Stadtbezirk Innenstadt-Nord: 37,8\s%$/.test(lines(t).join(' ')));
    expect(label, 'the reference named').to.exist;
    const box = (label as unknown as SVGGraphicsElement).getBBox();
    expect(box.x, 'not cut off at the left').to.be.at.least(-0.5);
    expect(box.x + box.width, 'not cut off at the right').to.be.at.most(240.5);
  });

  it('keeps two ticks at least on a phone: a change chart is not left with a single "0"', async () => {
    const el = await bar(html`<indicator-bar src=${LABOUR} indicator="veraenderung-2000-2006" style="width:240px;font:17px Arial,sans-serif"></indicator-bar>`);
    const panels = $$(el, '.zero').map((zero) => zero.parentElement!.querySelectorAll('.grid').length);
    expect(panels).to.have.length(2);
    for (const ticks of panels) expect(ticks).to.be.at.least(2);
  });

  it('lays out again when resized', async () => {
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:700px"></indicator-bar>`);
    const rendered = oneEvent(el, 'widget-rendered');
    el.style.width = '400px';
    await rendered;
    await el.updateComplete;
    expect(Number($(el, 'svg.bars')!.getAttribute('width'))).to.equal(400);
  });

  it('keeps long German names inside their column, with the full name available', async () => {
    const el = await bar(html`<indicator-bar src=${LABOUR} indicator="beschaeftigung-dortmund" style="width:520px"></indicator-bar>`);
    const longRow = shadow(el).querySelector('g.item[data-index="3"]')!;
    expect(longRow.getAttribute('aria-label')).to.contain('Sozialversicherungspflichtig Beschäftigte mit akademischer Ausbildung');
    const label = longRow.querySelector('text')!;
    const barStart = Number(longRow.querySelector('rect.bar')!.getAttribute('x'));
    expect(label.getBBox().x + label.getBBox().width).to.be.at.most(barStart);
  });
});

describe('<indicator-bar> bad input', () => {
  it('explains malformed JSON in German and keeps the fallback content', async () => {
    const el = await bar(html`<indicator-bar style="width:600px">
      <script type="application/json">{"title": "x",
        "values": [],}</script>
      <p id="fallback">Ersatzinhalt</p>
    </indicator-bar>`);
    expect(alertText(el)).to.match(/^Diese Grafik kann gerade nicht angezeigt werden\. Die Daten sind fehlerhaft\. .*kein gültiges JSON \(Fehler in Zeile 2, Spalte 22\)/);
    const slot = $(el, 'slot') as HTMLSlotElement;
    expect(slot.assignedElements().map((e) => e.id)).to.include('fallback');
    expect((el.querySelector('#fallback') as HTMLElement).offsetHeight).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('names the field and the problem for schema violations', async () => {
    const el = await bar(html`<indicator-bar style="width:600px"></indicator-bar>`);
    el.data = fixtureIndicator([{ area: 'Nette', value: 1 }, { area: 'Hafen', value: 2 }, { area: 'Marten', value: 3 }, { area: 'City', value: '39,9' }], { mode: 'balken', vaule: 1 });
    await settled(el);
    const alert = alertText(el);
    expect(alert).to.contain("Feld 'values[3].value' muss eine Zahl oder null (keine Angabe) sein.");
    expect(alert).to.contain("Feld 'mode' muss einer dieser Werte sein: value, rank.");
    expect(alert).to.contain("Feld 'vaule' ist unbekannt (Tippfehler?).");
    expect($(el, 'svg.bars')).to.equal(null);
  });

  it('names a missing field and a bad date, in English with lang="en"', async () => {
    const el = await bar(html`<indicator-bar lang="en" style="width:600px"></indicator-bar>`);
    el.data = { stichtag: '2021-02-30', values: [] };
    await settled(el);
    expect(alertText(el)).to.contain("Field 'title' is missing.");
    expect(alertText(el)).to.contain("Field 'stichtag' must be a date such as 2020, 2020-12 or 2020-12-31.");
  });

  for (const [label, data] of [
    ['a number', 42],
    ['a list', [1, 2]],
    ['an empty collection', { indicators: [] }],
    ['a collection of numbers', { indicators: [5] }],
    ['an indicator without values', { title: 'x', stichtag: '2020', source: { title: 'y' } }],
    ['values that are not objects', { title: 'x', values: [1, 'a', null] }],
  ] as const) {
    it(`gives a message, never a crash, for ${label}`, async () => {
      const el = await bar(html`<indicator-bar style="width:600px"><p>Ersatz</p></indicator-bar>`);
      el.data = data;
      await settled(el);
      await waitUntil(() => alertText(el) !== '', 'a message');
      expect(alertText(el)).to.match(/^Diese Grafik kann gerade nicht angezeigt werden\. Die Daten sind fehlerhaft\. .*Feld/);
      expect($(el, 'svg.bars')).to.equal(null);
    });
  }

  it('names the file itself in English too', async () => {
    const el = await bar(html`<indicator-bar lang="en" style="width:600px"></indicator-bar>`);
    el.data = [1, 2];
    await settled(el);
    expect(alertText(el)).to.equal("This chart cannot be shown right now. The data contains errors. Details for editors Field '(file)' must be an object { … }.");
  });

  it('says a list is not an indicator file, once', async () => {
    const el = await bar(html`<indicator-bar style="width:600px"></indicator-bar>`);
    el.data = [1, 2];
    await settled(el);
    expect(alertText(el)).to.equal("Diese Grafik kann gerade nicht angezeigt werden. Die Daten sind fehlerhaft. Details für die Redaktion Feld '(Datei)' muss ein Objekt { … } sein.");
  });

  it('rejects a javascript: URL as a source link: the link is dropped with a warning, the chart drawn', async () => {
    const el = await bar(html`<indicator-bar style="width:600px"></indicator-bar>`);
    el.data = fixtureIndicator([{ area: 'Nette', value: 1 }], { source: { title: 'x', url: 'javascript:alert(1)' } });
    await settled(el);
    expect(alertText(el)).to.equal('');
    expect(statusText(el)).to.contain("Feld 'source.url' der Quelle „x“: „javascript:alert(1)“ ist keine Adresse, die mit http:// oder https:// beginnt");
    expect(shadow(el).querySelector('a[href^="javascript"]')).to.equal(null);
  });

  it('lists the indicators a file has when asked for an unknown one', async () => {
    const el = await bar(html`<indicator-bar src=${RANKINGS} indicator="armut" style="width:600px"></indicator-bar>`);
    expect(alertText(el)).to.contain('Den Indikator „armut“ gibt es in dieser Datei nicht. Verfügbar: einkommen-2001, hilfen-zur-erziehung.');
  });

  it('draws the known areas and lists unknown area names', async () => {
    const el = await bar(html`<indicator-bar style="width:600px"></indicator-bar>`);
    el.data = fixtureIndicator([{ area: 'Nette', value: 4 }, { area: 'Gotham', value: 5 }, { area: 'Hafen', value: 3 }, { area: 'Springfield', value: 1 }]);
    await settled(el);
    expect(labels(el).map((l) => l.split(':')[0])).to.deep.equal(['Nette', 'Hafen']);
    expect(statusText(el)).to.contain('Diese Gebietsnamen sind unbekannt und werden nicht gezeigt: „Gotham“, „Springfield“.');
  });

  it('reports HTTP 404 and keeps the page working', async () => {
    const el = await bar(html`<indicator-bar src="/data/gibt-es-nicht.json" style="width:600px"><p>Ersatz</p></indicator-bar>`);
    expect(alertText(el)).to.contain('Die Datei „/data/gibt-es-nicht.json“ wurde nicht gefunden (HTTP 404).');
    expect(text(el.querySelector('p'))).to.equal('Ersatz');
  });

  it('reports a network failure on another host, naming the CORS header its server must send', async () => {
    const el = await bar(html`<indicator-bar src="http://127.0.0.1:9/daten.json" style="width:600px"></indicator-bar>`);
    await waitUntil(() => alertText(el) !== '', 'no message', { timeout: 8000 });
    expect(alertText(el)).to.contain('Die Daten wurden nicht gefunden.');
    expect(alertText(el)).to.contain('„http://127.0.0.1:9/daten.json“ konnte nicht geladen werden (sie liegt auf http://127.0.0.1:9;');
    expect(alertText(el)).to.contain('„Access-Control-Allow-Origin“');
  });

  it('says what is missing when there is no data at all', async () => {
    const el = await bar(html`<indicator-bar style="width:600px"></indicator-bar>`);
    expect(alertText(el)).to.contain('Es sind keine Daten angegeben');
  });

  it('renders markup in labels as text: nothing executes', async () => {
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const el = await bar(html`<indicator-bar style="width:600px"></indicator-bar>`);
    el.data = {
      title: '<img src=x onerror="window.__xss=1">',
      level: 'category',
      source: { title: '<script>window.__xss=2</script>', url: 'https://example.invalid/"><script>window.__xss=3</script>' },
      values: [
        { label: '<img src=x onerror="window.__xss=4">', value: 1 },
        { label: '<script>window.__xss=5</script>', value: 2 },
      ],
    };
    await settled(el);
    await aTimeout(50);
    expect(w.__xss).to.equal(undefined);
    expect(shadow(el).querySelectorAll('img, script')).to.have.length(0);
    expect(text($(el, '.title'))).to.equal('<img src=x onerror="window.__xss=1">');
    expect(labels(el)).to.include('<script>window.__xss=5</script>: 2');
  });

  it('logs each problem once to the console, not on every render', async () => {
    const calls: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => calls.push(args);
    try {
      const el = await bar(html`<indicator-bar style="width:600px"><script type="application/json">{oops</script></indicator-bar>`);
      el.requestUpdate();
      await el.updateComplete;
      el.style.width = '500px';
      await aTimeout(50);
      el.requestUpdate();
      await el.updateComplete;
      expect(calls.filter((c) => String(c[0]).includes('kein gültiges JSON'))).to.have.length(1);
    } finally {
      console.error = original;
    }
  });

  it('leaves other widgets working when one is broken', async () => {
    const wrapper = await fixture(html`<div>
      <indicator-bar id="bad" src="/nope.json" style="width:500px"></indicator-bar>
      <indicator-bar id="good" src=${SGB2} style="width:500px"></indicator-bar>
    </div>`);
    const bad = wrapper.querySelector('#bad')!;
    const good = wrapper.querySelector('#good')!;
    await settled(bad);
    await settled(good);
    expect(alertText(bad)).to.contain('HTTP 404');
    expect(labels(good)).to.have.length(3);
  });
});

describe('<indicator-bar> loading', () => {
  let held: ReturnType<typeof holdFetch> | undefined;
  afterEach(() => {
    held?.restore();
    held = undefined;
  });
  const controlledFetch = () => (held = holdFetch()).requests;

  it('shows that it is loading, then the chart', async () => {
    const requests = controlledFetch();
    const el = await fixture<IndicatorBar>(html`<indicator-bar src="data-a.json" style="width:600px"></indicator-bar>`);
    expect(text($(el, '.loading'))).to.equal('Daten werden geladen …');
    expect($(el, '.loading')!.getAttribute('role')).to.equal('status');
    requests[0].resolve(fixtureIndicator([{ area: 'Nette', value: 2 }]));
    await settled(el);
    expect(labels(el)).to.have.length(1);
  });

  it('resolves relative URLs against the page', async () => {
    const requests = controlledFetch();
    await fixture(html`<indicator-bar src="daten/x.json"></indicator-bar>`);
    expect(requests[0].url).to.equal(new URL('daten/x.json', document.baseURI).href);
  });

  it('aborts a pending request when removed from the page', async () => {
    const requests = controlledFetch();
    const el = await fixture<IndicatorBar>(html`<indicator-bar src="slow.json"></indicator-bar>`);
    expect(requests[0].signal.aborted).to.equal(false);
    el.remove();
    expect(requests[0].signal.aborted).to.equal(true);
  });

  it('never lets a late answer overwrite a newer one', async () => {
    const requests = controlledFetch();
    const el = await fixture<IndicatorBar>(html`<indicator-bar src="old.json" style="width:600px"></indicator-bar>`);
    el.src = 'new.json';
    await el.updateComplete;
    expect(requests[0].signal.aborted).to.equal(true, 'the older request is aborted');
    requests[1].resolve(fixtureIndicator([{ area: 'Nette', value: 2 }]));
    await settled(el);
    // Even if the old server answers anyway, the newer data stays.
    requests[0].resolve(fixtureIndicator([{ area: 'Hafen', value: 9 }]));
    await aTimeout(20);
    expect(labels(el)[0]).to.match(/^Nette/);
  });

  it('sends no request but the configured data URL', async () => {
    performance.clearResourceTimings();
    const el = await bar(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    expect(labels(el)).to.have.length(3);
    const urls = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(urls).to.deep.equal([SGB2]);
  });
});
