import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { parseCsv } from '../src/core/csv.js';
import { findColumns, COLUMN, readDate, readSpan } from '../src/core/table-input.js';
import { $, $$, alertText, settled, shadow, statusText, tableRows, text, widget } from './helpers.js';

/*
 * Tables and CSV as data for every element. All numbers, names of series and milestones here are made
 * up for the tests ("erfunden"), never shipped.
 */

const CSV_FILE = '/test/fixtures/tables-madeup.csv';

const points = (el: Element) => $$(el, 'g.point').map((p) => p.getAttribute('aria-label') ?? '');
const title = (el: Element) => text($(el, '.title'));
const source = (el: Element) => text($(el, '.source'));
/** Warnings and errors, German or English, as a reader sees them. */
const messages = (el: Element) => `${alertText(el)} ${statusText(el)}`;
const barLabels = (el: Element) => $$(el, 'g.item').map((g) => g.getAttribute('aria-label') ?? '');
const milestones = (el: Element) => $$(el, 'ol > li.item');
const nodes = (el: Element) => $$(el, 'g.node').map((g) => g.getAttribute('aria-label') ?? '');
const legend = (el: Element) => $$(el, '.legend li').map((li) => text(li));

describe('CSV parser and cell readers', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes, CRLF, and picks the separator from the header line', () => {
    const t = parseCsv('\uFEFFName;"Wert; gesamt"\r\n"Hafen ""Nord""";"39,9"\r\n\r\nNette;"zwei\r\nZeilen"\r\n');
    expect(t.header).to.deep.equal(['Name', 'Wert; gesamt']);
    expect(t.rows).to.deep.equal([['Hafen "Nord"', '39,9'], [''], ['Nette', 'zwei Zeilen']]);
    expect(parseCsv('a,b\n1,"2,5"').rows).to.deep.equal([['1', '2,5']]);
    expect(parseCsv('a\tb;c\n1\t2;3').rows).to.deep.equal([['1', '2;3']]);
    // A quote inside a field (not at its start) is a character.
    expect(parseCsv('Maß;Wert\n12" Rohr;3').rows).to.deep.equal([['12" Rohr', '3']]);
    expect(parseCsv('').rows).to.deep.equal([]);
  });

  it('reads dates and periods as editors type them', () => {
    expect(['2014', '2014-08', '2014-08-31', '31.08.2014', '1.8.2014', '08.2014', '08/2014'].map(readDate)).to.deep.equal([
      '2014', '2014-08', '2014-08-31', '2014-08-31', '2014-08-01', '2014-08', '2014-08',
    ]);
    for (const bad of ['31.02.2014', '13/2014', 'Aug. 2014', '2014/08', '', 'x']) expect(readDate(bad), bad).to.equal(undefined);
    expect(readSpan('2012–2014')).to.deep.include({ start: '2012', end: '2014' });
    expect(readSpan('2012-2014')).to.deep.include({ start: '2012', end: '2014' });
    expect(readSpan('01.2012 – 12.2014')).to.deep.include({ start: '2012-01', end: '2014-12' });
    expect(readSpan('2012 bis 2014')).to.deep.include({ start: '2012', end: '2014' });
    expect(readSpan('seit 2015')).to.deep.include({ start: '2015', since: true });
    expect(readSpan('ca. 2011')).to.deep.include({ start: '2011', approximate: true });
    expect(readSpan('2014-08-31')).to.deep.include({ start: '2014-08-31', end: undefined });
    expect(readSpan('2012 – 2013 – 2014')).to.equal(undefined);
  });

  it('finds columns by German or English header, else by position', () => {
    const fields: Array<['date' | 'title' | 'category', RegExp]> = [['date', COLUMN.date], ['title', COLUMN.title], ['category', COLUMN.category]];
    expect(findColumns({ caption: '', header: ['Kategorie', 'Titel', 'Datum'], rows: [] }, fields)).to.deep.equal({ category: 0, title: 1, date: 2 });
    expect(findColumns({ caption: '', header: ['category', 'when', 'what'], rows: [] }, fields)).to.deep.equal({ category: 0, date: 1, title: 2 });
    expect(findColumns({ caption: '', header: [], rows: [['1', '2']] }, fields)).to.deep.equal({ date: 0, title: 1 });
  });
});

describe('<trend-chart> from a table or CSV', () => {
  it('draws one line per column on a time axis; "–" is a gap, not zero; caption, source and Stichtag as for bars', async () => {
    const el = await widget(html`<trend-chart source="Testquelle (erfundene Werte)" stichtag="31.12.2013" style="width:700px">
      <table>
        <caption>Erfundene Reihen</caption>
        <tr><th>Jahr</th><th>Reihe A</th><th>Reihe B</th></tr>
        <tr><td>2010</td><td>1.200</td><td>800</td></tr>
        <tr><td>2011</td><td>–</td><td>850</td></tr>
        <tr><td>2012</td><td>1.350,5</td><td>k. A.</td></tr>
        <tr><td>2013</td><td>1.400</td><td>910</td></tr>
      </table>
    </trend-chart>`);
    expect(messages(el)).to.equal(' ');
    expect(title(el)).to.equal('Erfundene Reihen');
    expect(points(el)).to.have.length(6);
    expect(points(el)).to.include('2010: 1.200, Reihe A');
    expect(points(el)).to.include('2012: 1.350,5, Reihe A');
    expect(points(el).some((p) => p.startsWith('2011') && p.endsWith('Reihe A'))).to.equal(false, 'no point for "–"');
    expect(source(el)).to.contain('Quelle: Testquelle (erfundene Werte), 31.12.2013');
    // The table stays in the page as the fallback (no JavaScript, print, search).
    expect(el.querySelector('table')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('picks series by their header in lower case with hyphens (series="reihe-b")', async () => {
    const el = await widget(html`<trend-chart series="reihe-b" source="Test (erfunden)" style="width:600px">
      <table><tr><th>Jahr</th><th>Reihe A</th><th>Reihe B</th></tr><tr><td>2010</td><td>1</td><td>2</td></tr><tr><td>2011</td><td>3</td><td>4</td></tr></table>
    </trend-chart>`);
    expect(points(el)).to.deep.equal(['2010: 2, Reihe B', '2011: 4, Reihe B']);
  });

  it('reads German dates, month/year and ISO dates, a date column found by its header, and English numbers with lang="en"', async () => {
    const el = await widget(html`<trend-chart lang="en" source="Test (made up)" style="width:700px">
      <table>
        <thead><tr><th>Count (made up)</th><th>Date</th></tr></thead>
        <tbody>
          <tr><td>1,234.5</td><td>31.08.2014</td></tr>
          <tr><td>1,300</td><td>08/2015</td></tr>
          <tr><td>1,310</td><td>2016-03</td></tr>
        </tbody>
      </table>
    </trend-chart>`);
    expect(messages(el)).to.equal(' ');
    expect(points(el)).to.deep.equal(['31 August 2014: 1,234.5, Count (made up)', 'August 2015: 1,300, Count (made up)', 'March 2016: 1,310, Count (made up)']);
    // Without caption, a single series names the chart.
    expect(title(el)).to.equal('Count (made up)');
  });

  it('reads an inline CSV (semicolons, quoted German numbers, CRLF) and names bad cells by row and column; valid rows are drawn', async () => {
    const el = await fixture(html`<trend-chart source="Test (erfunden)" style="width:700px"></trend-chart>`);
    const csv = document.createElement('script');
    csv.type = 'text/csv';
    csv.textContent = 'Datum;Anzahl (erfunden)\r\n2010;"1.200"\r\n32.13.2011;5\r\n2012;viele\r\n2013;1.400\r\n';
    el.append(csv);
    await settled(el);
    expect(points(el)).to.deep.equal(['2010: 1.200, Anzahl (erfunden)', '2013: 1.400, Anzahl (erfunden)']);
    const said = messages(el);
    expect(said).to.contain('Tabelle, Zeile 2, Spalte 1: „32.13.2011“ ist kein Datum');
    expect(said).to.contain('Tabelle, Zeile 3, Spalte 2: „viele“ ist keine Zahl');
    await expect(el).to.be.accessible();
  });

  it('loads a src ending in .csv (and one served as text/csv)', async () => {
    const el = await widget(html`<trend-chart src=${CSV_FILE} source="Test (erfunden)" style="width:700px"></trend-chart>`);
    expect(points(el)).to.deep.equal(['2010: 1.200, Reihe A (erfunden)', '2012: 1.350, Reihe A (erfunden)', '2010: 800, Reihe B (erfunden)', '2011: 850, Reihe B (erfunden)', '2012: 900, Reihe B (erfunden)']);
    const url = URL.createObjectURL(new Blob(['Jahr,Wert (erfunden)\n2001,"1,5"\n2002,2'], { type: 'text/csv' }));
    const blob = await widget(html`<trend-chart src=${url} source="Test (erfunden)" style="width:700px"></trend-chart>`);
    expect(points(blob)).to.deep.equal(['2001: 1,5, Wert (erfunden)', '2002: 2, Wert (erfunden)']);
    URL.revokeObjectURL(url);
  });

  it('says what is missing: no date column, no value column, an empty table — in German and English', async () => {
    const noDate = await widget(html`<trend-chart><table><tr><th>Name</th><th>Wert</th></tr><tr><td>Hafen</td><td>3</td></tr></table></trend-chart>`);
    expect(alertText(noDate)).to.contain('Die Tabelle braucht mindestens die Spalten „Jahr“ oder „Datum“');
    expect(shadow(noDate).querySelector('slot')).to.not.equal(null, 'the fallback stays');
    await expect(noDate).to.be.accessible();
    const en = await widget(html`<trend-chart lang="en"><table><tr><th>Year</th></tr><tr><td>2014</td></tr></table></trend-chart>`);
    expect(alertText(en)).to.contain('The table needs at least the columns “year” or “date”');
    const empty = await widget(html`<trend-chart><table><tr><th>Jahr</th><th>Wert</th></tr></table></trend-chart>`);
    expect(alertText(empty)).to.contain('Die Tabelle enthält keine Datenzeilen.');
    const noValues = await widget(html`<trend-chart lang="en"><table><tr><th>Year</th><th>A</th></tr><tr><td>2014</td><td>n/a</td></tr></table></trend-chart>`);
    expect(alertText(noValues)).to.contain('The series “A” has no values');
  });

  it('reads the source and Stichtag again when the attributes change, and names a bad Stichtag', async () => {
    const el = await widget(html`<trend-chart source="Alt (erfunden)" style="width:600px"><table><tr><th>Jahr</th><th>A</th></tr><tr><td>2014</td><td>3</td></tr><tr><td>2015</td><td>4</td></tr></table></trend-chart>`);
    expect(source(el)).to.contain('Alt (erfunden)');
    el.setAttribute('source', 'Neu (erfunden)');
    el.setAttribute('stichtag', 'gestern');
    await new Promise((r) => setTimeout(r, 20));
    await settled(el);
    expect(source(el)).to.contain('Neu (erfunden)');
    expect(statusText(el)).to.contain('Attribut „stichtag“: „gestern“ wird nicht angewendet; erwartet: ein Datum wie 2014');
  });
});

describe('<milestone-timeline> from a table or CSV', () => {
  const list = (el: Element) => $(el, 'ol');
  const timeline = (template: ReturnType<typeof html>) => widget(template, 'ol');

  it('reads date, title, text, category and link columns; periods keep their precision; links only http(s)', async () => {
    const el = await timeline(html`<milestone-timeline source="Testchronik (erfunden)" style="width:700px">
      <table>
        <caption>Erfundene Meilensteine</caption>
        <tr><th>Datum</th><th>Titel</th><th>Beschreibung</th><th>Kategorie</th><th>Link</th></tr>
        <tr><td>2012–2014</td><td>Projekt A</td><td>Erste Phase</td><td>Bildung</td><td><a href="https://example.org/a">Pressemitteilung A</a></td></tr>
        <tr><td>01.2015 – 12.2016</td><td>Projekt B</td><td></td><td>Arbeit</td><td>https://example.org/b</td></tr>
        <tr><td>seit 2017</td><td>Projekt C</td><td></td><td>Bildung</td><td>javascript:alert(1)</td></tr>
        <tr><td>31.08.2018</td><td>Tag D</td><td></td><td></td><td></td></tr>
      </table>
    </milestone-timeline>`);
    expect(list(el)).to.not.equal(null);
    expect(title(el)).to.equal('Erfundene Meilensteine');
    expect(milestones(el).map((li) => text(li.querySelector('.date')))).to.deep.equal(['2012–2014', 'Januar 2015 – Dezember 2016', 'seit 2017', '31.08.2018']);
    expect(text(milestones(el)[0])).to.contain('Erste Phase');
    const links = $$(el, 'ol a').map((a) => [text(a), a.getAttribute('href')]);
    expect(links).to.deep.include(['Pressemitteilung A', 'https://example.org/a']);
    expect(links).to.deep.include(['example.org/b', 'https://example.org/b']);
    expect(links.some(([, href]) => href?.startsWith('javascript'))).to.equal(false);
    expect(statusText(el)).to.contain('Tabelle, Zeile 3, Spalte 5: „javascript:alert(1)“ ist keine Adresse, die mit http:// oder https:// beginnt');
    // Categories become the filter, in order of appearance; a row without one is "ohne Kategorie".
    expect($$(el, '.filter button').map((b) => text(b).replace(/\s*\(\d+\)$/, ''))).to.deep.equal(['Alle', 'Bildung', 'Arbeit', 'ohne Kategorie']);
    expect(source(el)).to.contain('Testchronik (erfunden)');
    await expect(el).to.be.accessible();
  });

  it('filters by a category of the table (ids in lower case with hyphens)', async () => {
    const el = await timeline(html`<milestone-timeline categories="soziale-arbeit" source="Test (erfunden)" style="width:700px">
      <table>
        <tr><th>Datum</th><th>Titel</th><th>Kategorie</th></tr>
        <tr><td>2014</td><td>Eins</td><td>Soziale Arbeit</td></tr>
        <tr><td>2015</td><td>Zwei</td><td>Bildung</td></tr>
      </table>
    </milestone-timeline>`);
    expect(milestones(el)).to.have.length(1);
    expect(text(milestones(el)[0])).to.contain('Eins');
  });

  it('reads a tab-separated CSV with English headers in any order', async () => {
    const el = await timeline(html`<milestone-timeline lang="en" source="Test (made up)" style="width:700px">
      <script type="text/csv">
Title	Date	Category
"Start ""A"""	2014	Work
Second	c. 2016	Work
</script>
    </milestone-timeline>`);
    expect(messages(el)).to.equal(' ');
    expect(milestones(el).map((li) => text(li.querySelector('.date')))).to.deep.equal(['2014', 'c. 2016']);
    expect(text(milestones(el)[0])).to.contain('Start "A"');
  });

  it('names rows that cannot be shown by row and column and draws the rest; errors in German and English', async () => {
    const el = await timeline(html`<milestone-timeline source="Test (erfunden)" style="width:700px">
      <table>
        <tr><th>Datum</th><th>Titel</th></tr>
        <tr><td>2014</td><td>Gut</td></tr>
        <tr><td>32.13.2014</td><td>Falsches Datum</td></tr>
        <tr><td>2016–2015</td><td>Verkehrt</td></tr>
        <tr><td>2017</td><td></td></tr>
      </table>
    </milestone-timeline>`);
    expect(milestones(el)).to.have.length(1);
    const said = statusText(el);
    expect(said).to.contain('Tabelle, Zeile 2, Spalte 1: „32.13.2014“ ist kein Datum');
    expect(said).to.contain('Tabelle, Zeile 3, Spalte 1: „2016–2015“ endet vor seinem Beginn');
    expect(said).to.contain('Tabelle, Zeile 4, Spalte 2 ist leer');
    await expect(el).to.be.accessible();

    const en = await timeline(html`<milestone-timeline lang="en"><table><tr><th>Title</th></tr><tr><td>Only a title</td></tr></table></milestone-timeline>`);
    expect(alertText(en)).to.contain('The table needs at least the columns “date”');
    const empty = await timeline(html`<milestone-timeline><script type="text/csv">Datum;Titel</script></milestone-timeline>`);
    expect(alertText(empty)).to.contain('Die Tabelle enthält keine Datenzeilen.');
  });
});

describe('<network-graph> from tables or CSV', () => {
  it('draws an edge list (von, nach, Art); the nodes are the names it uses', async () => {
    const el = await widget(html`<network-graph source="Testnetz (erfunden)" stichtag="2021" style="width:700px">
      <table>
        <caption>Erfundenes Netz</caption>
        <tr><th>von</th><th>nach</th><th>Art</th></tr>
        <tr><td>Amt A</td><td>Verein B</td><td>Kooperation</td></tr>
        <tr><td>Amt A</td><td>Träger C</td><td>Förderung</td></tr>
        <tr><td>verein b</td><td>Träger C</td><td></td></tr>
      </table>
    </network-graph>`);
    expect(messages(el)).to.equal(' ');
    expect(title(el)).to.equal('Erfundenes Netz');
    expect(nodes(el)).to.have.length(3, 'names match case aside');
    expect(nodes(el)).to.include('Amt A, Knoten, verbunden mit 2: Verein B, Träger C');
    expect(legend(el)).to.include.members(['Kooperation', 'Förderung', 'Verbindung']);
    expect(source(el)).to.equal('Quelle: Testnetz (erfunden), 2021 · Stand: 2021');
    await expect(el).to.be.accessible();
  });

  it('takes a second table as the nodes (Name, Gruppe) and names an edge to an unknown node by row and column', async () => {
    const el = await widget(html`<network-graph source="Test (erfunden)" style="width:700px">
      <table>
        <tr><th>von</th><th>nach</th></tr>
        <tr><td>A</td><td>B</td></tr>
        <tr><td>A</td><td>Gibtsnicht</td></tr>
        <tr><td>B</td><td>B</td></tr>
        <tr><td>C</td><td></td></tr>
        <tr><td></td><td></td></tr>
        <tr><td>c</td><td>a</td></tr>
      </table>
      <table>
        <tr><th>Name</th><th>Gruppe</th></tr>
        <tr><td>A</td><td>Verwaltung</td></tr>
        <tr><td>B</td><td>Träger</td></tr>
        <tr><td>C</td><td>Träger</td></tr>
      </table>
    </network-graph>`);
    expect(nodes(el)).to.have.length(3);
    expect(nodes(el)[0]).to.equal('A, Verwaltung, verbunden mit 2: B, C');
    expect(legend(el)).to.include.members(['Verwaltung', 'Träger']);
    const said = statusText(el);
    expect(said).to.contain('Tabelle, Zeile 2, Spalte 2: „Gibtsnicht“ steht nicht in der Tabelle der Knoten; die Verbindung wird nicht gezeigt.');
    // checkNetwork's numbers are the table's rows.
    expect(said).to.contain('Verbindung 3 von „B“ zu sich selbst');
    // An empty end is named; a blank row is not.
    expect(said).to.contain('Tabelle, Zeile 4, Spalte 2 ist leer');
    expect(said).to.not.contain('Zeile 5');
    await expect(el).to.be.accessible();
  });

  it('reads two CSV scripts (edges and nodes with ids), English headers, English messages', async () => {
    const el = await widget(html`<network-graph lang="en" source="Test (made up)" style="width:700px">
      <script type="text/csv">
from,to,kind
a,b,funds
a,x,funds
</script>
      <script type="text/csv">
id,name,type
a,"Office A",administration
b,"Club B",club
</script>
    </network-graph>`);
    expect(nodes(el)).to.include('Office A, administration, connected to 1: Club B');
    expect(statusText(el)).to.contain('Table, row 2, column 2: “x” is not in the table of nodes; the link is not shown.');
  });

  it('refuses a table without two columns, and an empty one', async () => {
    const one = await widget(html`<network-graph><table><tr><th>von</th></tr><tr><td>A</td></tr></table></network-graph>`);
    expect(alertText(one)).to.contain('Die Tabelle braucht mindestens die Spalten „von“ und „nach“');
    await expect(one).to.be.accessible();
    const empty = await widget(html`<network-graph lang="en"><table><tr><th>from</th><th>to</th></tr></table></network-graph>`);
    expect(alertText(empty)).to.contain('The table has no data rows.');
  });
});

describe('<indicator-bar> and <sozialraum-map> from CSV, and the title of a table', () => {
  it('reads an inline CSV for bars, with quoted German numbers', async () => {
    const el = await widget(html`<indicator-bar source="Test (erfunden)" stichtag="31.12.2020" style="width:600px">
      <script type="text/csv">
Sozialraum;SGB II-Quote (erfunden)
Nordmarkt;"39,9 %"
Hafen;33,6 %
Nette;–
</script>
    </indicator-bar>`);
    expect(barLabels(el)).to.deep.equal(['Nordmarkt: 39,9\u00a0% (Rang 1 von 2)', 'Hafen: 33,6\u00a0% (Rang 2 von 2)', 'Nette: keine Angabe']);
    expect(title(el)).to.equal('SGB II-Quote (erfunden)');
    expect(source(el)).to.equal('Quelle: Test (erfunden) · Stand: 31.12.2020');
    await expect(el).to.be.accessible();
  });

  it('reads a comma-separated CSV with English numbers for the map (lang="en")', async () => {
    const el = await widget(html`<sozialraum-map lang="en" source="Test (made up)" style="width:600px">
      <script type="text/csv">
Area,Rate (made up)
Nordmarkt,"39.9"
Hafen,33.6
</script>
    </sozialraum-map>`);
    expect(shadow(el).querySelector('path.area[data-id="nordmarkt"]')!.getAttribute('aria-label')).to.equal('Nordmarkt, Innenstadt-Nord: 39.9 (rank 1 of 2)');
  });

  it('titles a table without caption by its value column, not by "Sozialraum"; several columns by their headers', async () => {
    const one = await widget(html`<indicator-bar source="Test (erfunden)" style="width:600px">
      <table><tr><th>Sozialraum</th><th>Quote (erfunden)</th></tr><tr><td>Hafen</td><td>3</td></tr></table>
    </indicator-bar>`);
    expect(title(one)).to.equal('Quote (erfunden)');
    const two = await widget(html`<indicator-bar source="Test (erfunden)" style="width:600px">
      <table><tr><th>Sozialraum</th><th>2000</th><th>2006</th></tr><tr><td>Hafen</td><td>3</td><td>4</td></tr></table>
    </indicator-bar>`);
    expect(title(two)).to.equal('2000, 2006');
    const caption = await widget(html`<indicator-bar source="Test (erfunden)" style="width:600px">
      <table><caption>Mit Titel</caption><tr><th>Sozialraum</th><th>Quote</th></tr><tr><td>Hafen</td><td>3</td></tr></table>
    </indicator-bar>`);
    expect(title(caption)).to.equal('Mit Titel');
  });

  it('names a bad cell in a CSV by row and column and keeps the table for download', async () => {
    const el = await widget(html`<indicator-bar lang="en" source="Test (made up)" style="width:600px">
      <script type="text/csv">
Area;Value (made up)
Hafen;3
Nette;lots
</script>
    </indicator-bar>`);
    expect(statusText(el)).to.contain('Table, row 2, column 2: “lots” is not a number');
    expect((await tableRows(el)).map((r) => r[0])).to.deep.equal(['Hafen', 'Nette']);
  });
});
