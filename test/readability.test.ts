import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { $, $$, press, settled, shadow, text } from './helpers.js';

/** What a designer looking at the widgets notices: focus rings that show, legends that read, tables that stay apart. */

const RANKINGS = '/data/indicators/sozialraum-rankings-2007.json';
const EU2 = '/data/eu2-residents.json';

describe('readability', () => {
  it('two widgets of the same indicator with their tables open stay apart for screen readers (axe, landmark-unique)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:700px">
      <indicator-bar src=${RANKINGS} indicator="einkommen-2001"></indicator-bar>
      <sozialraum-map src=${RANKINGS} indicator="einkommen-2001"></sozialraum-map>
    </div>`);
    const widgets = [...wrap.children] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
    for (const el of widgets) {
      await settled(el);
      $$(el, '.actions button').find((b) => text(b) === 'Tabelle anzeigen')!.click();
      await el.updateComplete;
    }
    expect(text($(widgets[0], 'caption'))).to.equal(text($(widgets[1], 'caption')), 'the same caption twice');
    await expect(wrap).to.be.accessible();
  });

  it('the "all sources" summary has the same 3 px focus ring as every control', async () => {
    const el = await fixture<HTMLElement>(html`<trend-chart src=${EU2} style="width:700px"></trend-chart>`);
    await settled(el);
    const summary = $(el, '.all-sources summary')!;
    summary.focus();
    await press(el, 'Shift');
    const style = getComputedStyle(summary);
    expect(style.outlineWidth).to.equal('3px');
    expect(style.outlineStyle).to.equal('solid');
  });

  it('the map: a keyboard focus ring with a halo on dark tiles, outlined swatches for the lightest classes', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" style="width:700px"></sozialraum-map>`);
    await settled(el);
    const tile = $(el, 'path.area[tabindex="0"]') as unknown as SVGElement;
    tile.focus();
    await press(el, 'ArrowRight');
    await el.updateComplete;
    expect(shadow(el).querySelector('.focus-halo'), 'halo under the ring').to.exist;
    const halo = getComputedStyle(shadow(el).querySelector('.focus-halo')!);
    expect(parseFloat(halo.strokeWidth)).to.be.greaterThan(parseFloat(getComputedStyle(shadow(el).querySelector('.focus-ring')!).strokeWidth));
    const swatches = $$(el, '.legend .swatch rect').filter((r) => !r.classList.contains('aktionsraum'));
    expect(swatches.length).to.be.greaterThan(3);
    for (const r of swatches) expect(getComputedStyle(r).strokeWidth, 'outlined').to.equal('1px');
  });

  it('a bar chart with top shows a linked selection outside its top rows (Wambel, rank 29, chosen on the map)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:700px">
      <sozialraum-map group="e" src=${RANKINGS} indicator="einkommen-2001"></sozialraum-map>
      <indicator-bar group="e" top="13" src=${RANKINGS} indicator="einkommen-2001"></indicator-bar>
    </div>`);
    const [map, bar] = [...wrap.children] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
    await settled(map);
    await settled(bar);
    expect($$(bar, 'g.item')).to.have.length(13);
    ($(map, 'path.area[data-id="wambel"]') as unknown as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await bar.updateComplete;
    await bar.updateComplete;
    const rows = $$(bar, 'g.item');
    expect(rows).to.have.length(14);
    expect(rows[13].getAttribute('aria-label')).to.equal('Wambel: Rang 29 von 39');
    expect(rows[13].getAttribute('aria-current')).to.equal('true');
  });

  it('the timeline stays about a screen high in an article and scrolls inside', async () => {
    const el = await fixture<HTMLElement>(html`<milestone-timeline src="/data/milestones.json" style="width:1200px"></milestone-timeline>`);
    await settled(el, 5000, 'li');
    const rows = $(el, '.rows')!;
    expect(rows.scrollHeight).to.be.greaterThan(rows.clientHeight);
    expect(el.getBoundingClientRect().height).to.be.lessThan(1600);
  });

  it('the map’s keyboard tooltip does not cover the focused tile or its neighbours (the targets of the arrow keys)', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" style="width:560px"></sozialraum-map>`);
    await settled(el);
    ($(el, 'path.area[tabindex="0"]') as unknown as SVGElement).focus();
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await press(el, key);
      await el.updateComplete;
      const focused = shadow(el).activeElement as SVGGraphicsElement;
      const f = focused.getBoundingClientRect();
      const tip = $(el, '.tooltip')!.getBoundingClientRect();
      const near = $$(el, 'path.area').map((p) => p.getBoundingClientRect()).filter((r) => Math.hypot(r.x - f.x, r.y - f.y) < f.width * 1.6);
      expect(near.length).to.be.greaterThan(1);
      const overlaps = near.filter((r) => r.left < tip.right - 1 && tip.left < r.right - 1 && r.top < tip.bottom - 1 && tip.top < r.bottom - 1);
      expect(overlaps, `${key}: tooltip over ${overlaps.length} of the ${near.length} tiles around the focus`).to.have.length(0);
    }
  });

  it('the network: names of the nodes that step back stay readable (muted colour, not 20 % opacity)', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<network-graph src="/data/networks.json" network="integrierte-projekte-2007" style="width:800px"></network-graph>`);
    await settled(el);
    ($(el, 'g.node[tabindex="0"]') as unknown as SVGElement).focus();
    await press(el, 'Enter');
    await el.updateComplete;
    const dimmed = $$(el, 'text.label.dim');
    expect(dimmed.length).to.be.greaterThan(0);
    for (const t of dimmed) {
      const style = getComputedStyle(t);
      expect(style.opacity).to.equal('1');
      expect(style.fill).to.equal('rgb(87, 87, 87)');
    }
  });
});
