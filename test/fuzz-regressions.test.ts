import { expect, html } from '@open-wc/testing';
import '../src/indicator-bar/indicator-bar.js';
import '../src/sozialraum-map/sozialraum-map.js';
import { parseGeometry } from '../src/sozialraum-map/geometry.js';
import { $$, shadow, statusText, widget } from './helpers.js';

/**
 * Bugs the property-based fuzzer (test/fuzz.test.ts, issue "Proof for city IT") found, each pinned by
 * the smallest input it shrank to. All data here is made up or a real file with one field broken.
 */

const BAD = /NaN|undefined|Infinity|\[object Object\]/;

/** Every text and attribute in the shadow root that says NaN, undefined, Infinity or [object Object]. */
function badStrings(el: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (BAD.test(node.textContent ?? '')) out.push(node.textContent!.trim());
      return;
    }
    if (node instanceof Element) for (const a of Array.from(node.attributes)) if (BAD.test(a.value)) out.push(`<${node.localName} ${a.name}="${a.value}">`);
    node.childNodes.forEach(walk);
  };
  walk(shadow(el));
  return out;
}

describe('fuzz findings', () => {
  const bars = { title: 'Test (erfunden)', level: 'category', source: { title: 'Q' }, values: [{ label: 'A', value: 3 }, { label: 'B', value: 1 }] };

  // Lit reads a Number attribute that is no number as NaN ("1e999" as Infinity); the warning quoted that
  // number („NaN“) instead of what the editor wrote.
  for (const top of [':', 'fünf', '1e999']) {
    it(`<indicator-bar top="${top}">: the warning quotes the attribute as written, never „NaN“/„Infinity“`, async () => {
      const el = await widget(html`<indicator-bar .data=${bars} top=${top} style="width:500px"></indicator-bar>`);
      expect(statusText(el)).to.contain(`Attribut „top“: „${top}“ wird nicht angewendet; erwartet: eine Zahl ab 1.`);
      expect(badStrings(el)).to.deep.equal([]);
      expect($$(el, 'g.item')).to.have.length(2);
    });
  }

  it('<indicator-bar>: a top set from JavaScript is still checked as a number', async () => {
    const el = await widget(html`<indicator-bar .data=${bars} .top=${-2} style="width:500px"></indicator-bar>`);
    expect(statusText(el)).to.contain('Attribut „top“: „-2“ wird nicht angewendet');
  });

  describe('TopoJSON with a broken arc position', () => {
    let topo: { arcs: number[][][] };
    before(async () => {
      topo = await (await fetch('/data/geo/sozialraeume-tiles.topo.json')).json();
    });
    // The fuzzer's case: arcs[0][1] = [8.66, 6.5] lost its first number. The areas using that arc were left
    // out with a warning (isDrawable), but the Stadtbezirk lines and the outline, built from the same arcs,
    // were drawn with it: <path d="…L250.9,NaNM…">.
    const broken = () => {
      const t = structuredClone(topo);
      t.arcs[0][1] = [t.arcs[0][1][1]];
      return t;
    };

    it('parseGeometry keeps only lines with finite positions', () => {
      const g = parseGeometry(broken());
      for (const m of [g.stadtbezirkMesh, g.outline]) {
        for (const line of m?.coordinates ?? []) for (const p of line) expect(p.length >= 2 && p.every(Number.isFinite), JSON.stringify(p)).to.equal(true);
      }
      expect(g.features.length).to.be.greaterThan(30);
    });

    it('<sozialraum-map> draws the other areas, names the broken ones, and no path says NaN', async () => {
      const rankings = await (await fetch('/data/indicators/sozialraum-rankings-2007.json')).json();
      const el = await widget(html`<sozialraum-map .data=${rankings} style="width:600px">
        <script type="application/json" data-for="geo">${JSON.stringify(broken())}</script>
      </sozialraum-map>`);
      expect(badStrings(el)).to.deep.equal([]);
      expect($$(el, 'path.area').length).to.be.greaterThan(30);
      expect(statusText(el)).to.not.equal('');
    });
  });
});
