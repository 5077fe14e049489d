import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/indicator-bar/indicator-bar.js';
import '../src/sozialraum-map/sozialraum-map.js';
import type { SozialraumMap } from '../src/sozialraum-map/sozialraum-map.js';
import { parseGeometry, type MapGeometry } from '../src/sozialraum-map/geometry.js';
import { hexGeometry } from '../src/sozialraum-map/hex-topology.js';
import tileTopology from '../src/sozialraum-map/tiles-data.js';
import { $, $$, alertText, download, hideAndShow, settled, shadow, statusText, svgLines, text, widget } from './helpers.js';

const RANKINGS = '/data/indicators/sozialraum-rankings-2007.json';
const SGB2 = '/data/indicators/sgb2-arbeitslosigkeit.json';
const FIXTURE_GEO = '/test/fixtures/geo/sozialraeume-made-up-boundaries.topo.json';

const map = (template: ReturnType<typeof html>) => widget<SozialraumMap>(template);

const areas = (el: Element) => $$(el, 'path.area');
const area = (el: Element, id: string) => shadow(el).querySelector<SVGPathElement>(`path.area[data-id="${id}"]`)!;
const activeId = (el: Element) => shadow(el).activeElement?.getAttribute('data-id');

async function press(el: SozialraumMap, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
  await aTimeout(0);
}

describe('<sozialraum-map> schematic tile map', () => {
  it('draws 39 equal tiles with the canonical ids and says it is schematic', async () => {
    const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" style="width:600px"></sozialraum-map>`);
    const tiles = areas(el);
    expect(tiles).to.have.length(39);
    const ids = tiles.map((t) => t.getAttribute('data-id'));
    expect(new Set(ids).size).to.equal(39);
    expect(ids).to.include.members(['nordmarkt', 'borsigplatz', 'hafen', 'city', 'bodelschwingh-westerfilde']);
    expect(text($(el, '.notes'))).to.contain('Schematische Darstellung – keine Grenzen');
    const boxes = tiles.map((t) => (t as unknown as SVGGraphicsElement).getBBox());
    const w = boxes[0].width;
    for (const b of boxes) expect(b.width).to.be.closeTo(w, 0.5);
    expect($(el, 'path.mesh')).to.not.equal(null, 'Stadtbezirk borders');
    expect($(el, 'path.outline')).to.equal(null, 'no outer line that would ring the empty cells as if they were areas');
    await expect(el).to.be.accessible();
  });

  it('draws again when shown after being hidden (width 0, e.g. in a closed tab or <details>)', async () => {
    const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" style="width:600px"></sozialraum-map>`);
    await hideAndShow(el);
    expect(areas(el)).to.have.length(39);
  });

  it('colours a ranking by rank groups and says in the legend that they are ranks', async () => {
    const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" style="width:600px"></sozialraum-map>`);
    const legend = $$(el, '.legend li').map((li) => text(li));
    expect(legend.slice(0, 5)).to.deep.equal(['Rang 1–8', 'Rang 9–16', 'Rang 17–24', 'Rang 25–32', 'Rang 33–39']);
    expect(text($(el, '.legend-title'))).to.contain('Rangklassen (nur Reihenfolge, keine Werte)');
    // Rank 1 (Borsigplatz) and rank 39 (Kirchhörde/…) are at the two ends of the palette.
    const fill = (id: string) => area(el, id).getAttribute('fill');
    expect(fill('borsigplatz')).to.equal(fill('nordmarkt'));
    expect(fill('borsigplatz')).to.not.equal(fill('kirchhoerde-loettringhausen-luecklemberg'));
    expect(area(el, 'borsigplatz').getAttribute('aria-label')).to.equal('Borsigplatz, Innenstadt-Nord: Rang 1 von 39');
  });

  it('classes values, legend in German number format, partial data as "keine Angabe" with a pattern', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} style="width:600px"></sozialraum-map>`);
    expect(area(el, 'nordmarkt').getAttribute('aria-label')).to.equal('Nordmarkt, Innenstadt-Nord: 39,9\u00a0% (Rang 1 von 3)');
    expect(area(el, 'nette').getAttribute('fill')).to.equal('url(#missing)');
    expect(area(el, 'nette').getAttribute('aria-label')).to.equal('Nette, Mengede: keine Angabe');
    const legend = $$(el, '.legend li').map((li) => text(li));
    expect(legend).to.include('keine Angabe');
    expect(legend.join(' | ')).to.match(/33,6 %/);
    expect(area(el, 'hafen').getAttribute('fill')).to.not.equal(area(el, 'nordmarkt').getAttribute('fill'));
  });

  it('shows the values themselves when there are no more values than classes (no computed breaks)', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} style="width:600px"></sozialraum-map>`);
    const legend = $$(el, '.legend li').map((li) => text(li));
    expect(legend.slice(0, 3)).to.deep.equal(['33,6 %', '39,2 %', '39,9 %']);
    expect(legend.join(' ')).not.to.match(/37,3|39,4|unter/);
    expect(text($(el, '.legend-title'))).to.equal('Werte');
    const fills = ['hafen', 'borsigplatz', 'nordmarkt'].map((id) => area(el, id).getAttribute('fill'));
    expect(new Set(fills).size).to.equal(3);
  });

  it('uses the city\'s own class breaks', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} breaks="35, 39,5" style="width:600px"></sozialraum-map>`);
    const legend = $$(el, '.legend li').map((li) => text(li));
    expect(legend.slice(0, 3)).to.deep.equal(['33,6 % – unter 35,0 %', '35,0 % – unter 39,5 %', '39,5 % und mehr']);
    expect(area(el, 'borsigplatz').getAttribute('fill')).to.not.equal(area(el, 'nordmarkt').getAttribute('fill'));
  });

  it('classes around the city value with palette="diverging", or in equal intervals', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} palette="diverging" style="width:600px"></sozialraum-map>`);
    expect(text($(el, '.legend-title'))).to.equal('Klassen unter und über dem Wert der Gesamtstadt');
    // All three values lie above Dortmund's 17,3 %: no empty class below it, all in the warm half.
    const labels = $$(el, '.legend li').map((li) => text(li));
    expect(labels.join(' | ')).to.not.contain('unter 17,3');
    expect(labels[0]).to.match(/^33,6 %/);
    const swatch = getComputedStyle($$(el, '.legend .swatch rect')[0]).fill.match(/\d+/g)!.map(Number);
    expect(swatch[0]).to.be.greaterThan(swatch[2], 'a red, not a blue');
    const equal = await map(html`<sozialraum-map src=${SGB2} classify="equal" classes="3" style="width:600px"></sozialraum-map>`);
    expect(text($(equal, '.legend-title'))).to.equal('Klassen gleicher Breite');
    expect($$(equal, '.legend li').slice(0, 3).map((li) => text(li))).to.deep.equal(['33,6 % – unter 35,7 %', '35,7 % – unter 37,8 %', '37,8 % und mehr']);
  });

  it('is accessible in the dark theme too', async () => {
    const el = await map(html`<sozialraum-map theme="dark" src=${RANKINGS} indicator="einkommen-2001" show-aktionsraeume style="width:600px"></sozialraum-map>`);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 22, 22)');
    await expect(el).to.be.accessible();
  });

  it('marks the Aktionsräume with show-aktionsraeume (2021 by default, or 2008)', async () => {
    const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" show-aktionsraeume style="width:600px"></sozialraum-map>`);
    expect($$(el, 'path.aktionsraum')).to.have.length(13);
    expect($$(el, '.legend li').map((li) => text(li))).to.include('Aktionsraum (seit 2021)');
    el.setAttribute('show-aktionsraeume', '2008');
    await el.updateComplete;
    expect($$(el, 'path.aktionsraum')).to.have.length(13);
    expect($$(el, '.legend li').map((li) => text(li))).to.include('Aktionsraum (2008)');
  });

  it('speaks English with lang="en"', async () => {
    const el = await map(html`<sozialraum-map lang="en" src=${SGB2} style="width:600px"></sozialraum-map>`);
    expect(area(el, 'nordmarkt').getAttribute('aria-label')).to.equal('Nordmarkt, Innenstadt-Nord: 39.9% (rank 1 of 3)');
    expect(text($(el, '.notes'))).to.contain('Schematic map');
  });

  it('fits a 320 px column', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} style="width:320px"></sozialraum-map>`);
    const svgEl = $(el, 'svg.map')!;
    expect(Number(svgEl.getAttribute('width'))).to.equal(320);
    expect(svgEl.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
  });
});

describe('<sozialraum-map> the tile map read straight from its cells', () => {
  it('has the tiles, boxes, neighbours (arrow keys) and Stadtbezirk lines the general reader finds in the same topology', () => {
    // hexGeometry is the fast path of the default map; parseGeometry reads any TopoJSON/GeoJSON. Same numbers, so the same drawing.
    const fast = hexGeometry(tileTopology());
    const general = parseGeometry(tileTopology());
    const tiles = (g: MapGeometry) => g.features.map(({ id, name, area, stadtbezirk, geometry, bbox }) => ({ id, name, area, stadtbezirk, geometry, bbox }));
    expect(tiles(fast)).to.have.length(39);
    expect(tiles(fast)).to.deep.equal(tiles(general));
    expect(fast.neighbours).to.deep.equal(general.neighbours);
    expect(fast.stadtbezirkMesh).to.deep.equal(general.stadtbezirkMesh);
    expect([fast.yDown, fast.schematic, fast.warnings]).to.deep.equal([general.yDown, general.schematic, general.warnings]);
  });
});

describe('<sozialraum-map> names on the map', () => {
  /** Each area's mark: its name (lines joined) or number, found inside it, or at the end of a line from it. */
  const marks = (el: Element) => {
    const labels = $$(el, 'text.tile-label').map((t) => {
      const box = (t as unknown as SVGGraphicsElement).getBBox();
      return { text: [...t.childNodes].filter((n) => n.nodeType !== Node.COMMENT_NODE).map((n) => n.textContent!.trim()).filter(Boolean).join(' ').replace(/\/ /g, '/').replace(/- /g, '-'), x: box.x + box.width / 2, y: box.y + box.height / 2, box };
    });
    const leaders = $$(el, 'path.leader').map((p) => p.getAttribute('d')!.match(/[-\d.]+/g)!.map(Number));
    return new Map(
      areas(el).map((a) => {
        const inside = (x: number, y: number) => (a as unknown as SVGGeometryElement).isPointInFill(new DOMPoint(x, y));
        const own = labels.find((l) => inside(l.x, l.y));
        const leader = leaders.find(([x1, y1]) => inside(x1, y1));
        const far = leader && labels.find((l) => Math.abs(l.box.x + l.box.width / 2 - leader[2]) < l.box.width / 2 + 3 && Math.abs(l.box.y + l.box.height / 2 - leader[3]) < l.box.height / 2 + 3);
        return [a.getAttribute('aria-label')!.split(',')[0].split(':')[0], (own ?? far)?.text];
      }),
    );
  };
  /** "Nummern auf der Karte: 1 Mengede/… · 2 …" as number → name. */
  const key = (el: Element) => {
    const note = $$(el, '.notes li').map((li) => text(li).replace(/\u200b/g, '')).find((n) => /^(Nummern auf der Karte|Numbers on the map): /.test(n));
    return new Map((note?.replace(/^[^:]+: /, '').split(' · ') ?? []).map((entry) => [entry.split(' ')[0], entry.slice(entry.indexOf(' ') + 1)]));
  };

  for (const width of [301, 560, 912]) {
    it(`at ${width} px every tile has its name where it fits, else a number listed with its name under the map`, async () => {
      const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" style=${`width:${width}px;font:17px Arial,sans-serif`}></sozialraum-map>`);
      const found = marks(el);
      const numbers = key(el);
      expect(found.size).to.equal(39);
      for (const [name, mark] of found) {
        expect(mark, `${name} has a mark`).to.be.a('string');
        if (/^\d+$/.test(mark!)) expect(numbers.get(mark!), `number ${mark} listed as ${name}`).to.equal(name);
        else expect(mark, `${name} by its name`).to.equal(name);
      }
      expect(numbers.size, 'every listed number is on the map').to.equal([...found.values()].filter((m) => /^\d+$/.test(m!)).length);
    });
  }

  it('at 560 px names every highlighted area, Borsigplatz too, and more than the 18 of before', async () => {
    const el = await map(html`<sozialraum-map src="/test/fixtures/bars-39-made-up.json" highlight="Nordmarkt, Borsigplatz, Hafen" style="width:560px;font:17px Arial,sans-serif"></sozialraum-map>`);
    const found = marks(el);
    for (const name of ['Nordmarkt', 'Borsigplatz', 'Hafen']) expect(found.get(name)).to.equal(name);
    expect([...found.values()].filter((m) => m && !/^\d+$/.test(m)).length).to.be.greaterThan(18);
  });

  it('real boundaries: an area too small for its number has it outside the city, joined by a line', async () => {
    const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" geo=${FIXTURE_GEO} style="width:480px;font:17px Arial,sans-serif"></sozialraum-map>`);
    await waitUntil(() => areas(el).length === 39, 'boundaries drawn');
    expect($$(el, 'path.leader').length).to.be.at.least(1);
    const found = marks(el);
    const numbers = key(el);
    for (const [name, mark] of found) expect(/^\d+$/.test(mark!) ? numbers.get(mark!) : mark, name).to.equal(name);
    await expect(el).to.be.accessible();
  });
});

describe('<sozialraum-map> downloads', () => {
  it('puts the colour key into the image: every class with its colour, "keine Angabe" hatched, the Aktionsräume', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} show-aktionsraeume style="width:600px"></sozialraum-map>`);
    const { lines, doc } = await svgLines(await download(el, 'SVG'));
    const key = $$(el, '.legend li').map((li) => text(li));
    expect(key).to.include.members(['keine Angabe', 'Aktionsraum (seit 2021)']);
    expect(lines).to.include.members([text($(el, '.legend-title')), ...key]);
    const symbol = (label: string) => [...doc.querySelectorAll('text')].find((t) => text(t) === label)!.previousElementSibling!.querySelector('rect, line') as SVGElement;
    const classes = $$(el, '.legend li svg rect[fill^="#"]').map((r) => r.getAttribute('fill'));
    expect(classes).to.have.length(3);
    key.slice(0, 3).forEach((label, i) => expect(symbol(label).style.fill).to.equal(getComputedStyle($$(el, '.legend li svg rect')[i]).fill));
    // The hatching refers to the map's own pattern, which is part of the image.
    expect(symbol('keine Angabe').style.fill).to.contain('#missing');
    expect(doc.querySelector('pattern#missing')).to.not.equal(null);
    expect(symbol('Aktionsraum (seit 2021)').style.strokeDasharray).to.not.equal('none');
    // The PNG is drawn from the same image.
    expect((await download(el, 'PNG')).blob.size).to.be.greaterThan(5000);
  });
});

describe('<sozialraum-map> keyboard and announcements', () => {
  it('moves to the geographic neighbour with the arrow keys (Nordmarkt → right → Borsigplatz)', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} style="width:600px"></sozialraum-map>`);
    area(el, 'nordmarkt').focus();
    await el.updateComplete;
    expect(activeId(el)).to.equal('nordmarkt');
    await press(el, 'ArrowRight');
    expect(activeId(el)).to.equal('borsigplatz');
    await press(el, 'ArrowLeft');
    expect(activeId(el)).to.equal('nordmarkt');
    await press(el, 'ArrowLeft');
    expect(activeId(el)).to.equal('hafen');
    expect(text($(el, '[aria-live="polite"]'))).to.equal('Hafen, Innenstadt-Nord: 33,6 % (Rang 3 von 3)');
  });

  it('is one tab stop, starting at rank 1; Page Down/Up and Home/End move by rank', async () => {
    const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" style="width:600px"></sozialraum-map>`);
    expect(areas(el).filter((a) => a.getAttribute('tabindex') === '0').map((a) => a.getAttribute('data-id'))).to.deep.equal(['borsigplatz']);
    area(el, 'borsigplatz').focus();
    await press(el, 'PageDown');
    expect(activeId(el)).to.equal('nordmarkt');
    await press(el, 'End');
    expect(activeId(el)).to.equal('kirchhoerde-loettringhausen-luecklemberg');
    await press(el, 'PageUp');
    expect(activeId(el)).to.equal('hoechsten-holzen-syburg');
    await press(el, 'Home');
    expect(activeId(el)).to.equal('borsigplatz');
    expect(text($(el, '.tooltip'))).to.contain('Stadtbezirk Innenstadt-Nord');
  });

  it('selects with Enter (event with id and name), clears with Escape', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} style="width:600px"></sozialraum-map>`);
    area(el, 'hafen').focus();
    await el.updateComplete;
    const selected = oneEvent(el, 'sozialraum-select');
    await press(el, 'Enter');
    const { detail } = await selected;
    expect(detail).to.include({ id: 'hafen', name: 'Hafen' });
    expect(area(el, 'hafen').getAttribute('aria-selected')).to.equal('true');
    expect($(el, 'path.selected-frame')).to.not.equal(null);
    const cleared = oneEvent(el, 'sozialraum-select');
    await press(el, 'Escape');
    expect((await cleared).detail.id).to.equal(null);
    expect(area(el, 'hafen').getAttribute('aria-selected')).to.equal('false');
  });
});

describe('<sozialraum-map> linked with <indicator-bar> through group', () => {
  it('highlights the same Sozialraum both ways, and only within the group', async () => {
    const wrapper = await fixture(html`<div>
      <sozialraum-map group="g1" src=${SGB2} style="width:500px"></sozialraum-map>
      <indicator-bar group="g1" src=${SGB2} style="width:500px"></indicator-bar>
      <indicator-bar group="other" src=${SGB2} style="width:500px"></indicator-bar>
    </div>`);
    const [m, bar, other] = Array.from(wrapper.children) as HTMLElement[];
    await settled(m);
    await settled(bar);
    await settled(other);
    area(m, 'borsigplatz').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await (bar as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(bar).querySelector('g.item[aria-current="true"]')?.getAttribute('data-key')).to.equal('borsigplatz');
    expect(shadow(bar).querySelector('rect.selected-frame')).to.not.equal(null);
    expect(shadow(other).querySelector('g.item[aria-current="true"]')).to.equal(null);
    // And back: a bar selects the tile.
    shadow(bar).querySelector('g.item[data-key="hafen"] rect.bar')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await (m as SozialraumMap).updateComplete;
    expect(area(m, 'hafen').getAttribute('aria-selected')).to.equal('true');
    expect(area(m, 'borsigplatz').getAttribute('aria-selected')).to.equal('false');
  });
});

describe('<sozialraum-map> real boundaries and bad geometry', () => {
  it('draws a lon/lat TopoJSON given with geo, fitted to the element, and can focus a Stadtbezirk', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} geo=${FIXTURE_GEO} style="width:600px"></sozialraum-map>`);
    await waitUntil(() => areas(el).length === 39, 'boundaries drawn');
    expect(text($(el, '.notes'))).to.not.contain('Schematische Darstellung');
    const svgEl = $(el, 'svg.map') as unknown as SVGSVGElement;
    const box = svgEl.getBBox();
    expect(box.width).to.be.closeTo(600, 10);
    el.setAttribute('focus', 'Innenstadt-Nord');
    await el.updateComplete;
    await aTimeout(0);
    const nordmarkt = (area(el, 'nordmarkt') as unknown as SVGGraphicsElement).getBBox();
    expect(nordmarkt.width).to.be.greaterThan(box.width / 6, 'zoomed in to the Stadtbezirk');
  });

  it('reads GeoJSON with geo-id-property and names what does not match', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} geo="/test/fixtures/geo/stadtbezirke-made-up.geojson" geo-id-property="NAME" style="width:600px"></sozialraum-map>`);
    expect(areas(el).map((a) => a.getAttribute('data-id'))).to.have.members(['nordmarkt', 'hafen', 'borsigplatz', 'Atlantis']);
    expect(statusText(el)).to.contain('Diese Flächen passen zu keinem Sozialraum: „Atlantis“');
  });

  it('says when features lack the id property, and draws the rest', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} geo="/test/fixtures/geo/stadtbezirke-made-up.geojson" geo-id-property="GIBTSNICHT" style="width:600px"></sozialraum-map>`);
    expect(alertText(el)).to.contain('keine Eigenschaft „GIBTSNICHT“');
  });

  it('refuses geometry that is neither TopoJSON nor GeoJSON', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} geo="/data/indicators/sgb2-arbeitslosigkeit.json" style="width:600px"><p>Ersatz</p></sozialraum-map>`);
    expect(alertText(el)).to.contain('weder TopoJSON noch GeoJSON');
    expect(($(el, 'slot') as HTMLSlotElement).assignedElements()).to.have.length(1);
  });

  it('names data for areas the geometry lacks', async () => {
    const el = await map(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" geo="/test/fixtures/geo/stadtbezirke-made-up.geojson" geo-id-property="NAME" style="width:600px"></sozialraum-map>`);
    expect(statusText(el)).to.contain('Für diese Gebiete gibt es Daten, aber keine Fläche in der Geometrie: „Scharnhorst-Ost“');
  });

  it('refuses an indicator of categories instead of areas', async () => {
    const el = await map(html`<sozialraum-map src="/data/indicators/aktiv-statt-passiv.json" style="width:600px"></sozialraum-map>`);
    expect(alertText(el)).to.contain('Kategorien statt Gebiete');
    expect(areas(el)).to.have.length(0);
  });

  it('draws the valid areas and names those without usable coordinates', async () => {
    const geo = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { NAME: 'Hafen' }, geometry: { type: 'Polygon', coordinates: [[[7.43, 51.52], [7.44, 51.52], [7.44, 51.53], [7.43, 51.53], [7.43, 51.52]]] } },
        { type: 'Feature', properties: { NAME: 'Nordmarkt' }, geometry: { type: 'Polygon', coordinates: [] } },
        { type: 'Feature', properties: { NAME: 'Borsigplatz' }, geometry: { type: 'Polygon', coordinates: [[['a', 'b'], [1, 2], [3, 4]]] } },
      ],
    };
    const el = await map(html`<sozialraum-map src=${SGB2} geo=${`data:application/json,${encodeURIComponent(JSON.stringify(geo))}`} geo-id-property="NAME" style="width:600px"></sozialraum-map>`);
    expect(areas(el).map((a) => a.getAttribute('data-id'))).to.deep.equal(['hafen']);
    expect(statusText(el)).to.contain('keine gültigen Koordinaten und werden nicht gezeigt: „Nordmarkt“, „Borsigplatz“');
    expect(area(el, 'hafen').getAttribute('d')).to.not.contain('NaN');
  });

  it('matches Stadtbezirk names as Stadtbezirke when the data is about Stadtbezirke', async () => {
    const square = (x: number, y: number) => [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]];
    const geo = {
      type: 'FeatureCollection',
      features: ['Brackel', 'Hörde', 'Innenstadt-Nord'].map((NAME, i) => ({ type: 'Feature', properties: { NAME }, geometry: { type: 'Polygon', coordinates: square(7.4 + i * 0.02, 51.5) } })),
    };
    const data = { title: 'Stadtbezirke (Testwerte)', level: 'stadtbezirk', unit: '%', source: { title: 'Test' }, values: [{ area: 'Brackel', value: 5 }, { area: 'Hörde', value: 7 }, { area: 'Innenstadt-Nord', value: 9 }] };
    const el = await fixture<SozialraumMap>(html`<sozialraum-map geo=${`data:application/json,${encodeURIComponent(JSON.stringify(geo))}`} geo-id-property="NAME" style="width:600px"></sozialraum-map>`);
    el.data = data;
    await settled(el);
    await waitUntil(() => areas(el).length === 3);
    expect(areas(el).map((a) => a.getAttribute('data-id'))).to.deep.equal(['stadtbezirk-brackel', 'stadtbezirk-hoerde', 'stadtbezirk-innenstadt-nord']);
    expect(area(el, 'stadtbezirk-brackel').getAttribute('aria-label')).to.equal('Brackel: 5\u00a0% (Rang 3 von 3)');
    expect(statusText(el)).to.equal('');
  });

  it('says when focus names no Stadtbezirk', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} focus="Innenstadt Nordd" style="width:600px"></sozialraum-map>`);
    expect(statusText(el)).to.contain('Den Stadtbezirk „Innenstadt Nordd“ für „focus“ gibt es nicht');
  });

  it('reports a missing geometry file', async () => {
    const el = await map(html`<sozialraum-map src=${SGB2} geo="/gibts-nicht.topo.json" style="width:600px"></sozialraum-map>`);
    expect(alertText(el)).to.contain('„/gibts-nicht.topo.json“ wurde nicht gefunden (HTTP 404)');
  });
});
