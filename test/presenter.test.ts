import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { IndicatorBar } from '../src/indicator-bar/indicator-bar.js';
import type { SozialraumMap } from '../src/sozialraum-map/sozialraum-map.js';
import type { TrendChart } from '../src/trend-chart/trend-chart.js';
import { emulateMedia, executeServerCommand, resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import { $, $$, items, press, settled, shadow, text, widget } from './helpers.js';

/** What every element does on a slide (PresenterController): keys, steps, pages, fit, type, full screen. */

const RANKINGS = '/data/indicators/sozialraum-rankings-2007.json';
const SGB2 = '/data/indicators/sgb2-arbeitslosigkeit.json';
const EU2 = '/data/eu2-residents.json';
const MILESTONES = '/data/milestones.json';
const NETWORKS = '/data/networks.json';

type Updatable = HTMLElement & { updateComplete: Promise<unknown>; current?: number };

/** Keys that reached the page (a deck listens on the document). */
function pageKeys(): { keys: string[]; stop: () => void } {
  const keys: string[] = [];
  const listener = (e: KeyboardEvent) => keys.push(e.key);
  document.addEventListener('keydown', listener);
  return { keys, stop: () => document.removeEventListener('keydown', listener) };
}

async function pressed(el: Updatable, key: string): Promise<void> {
  press(el, key);
  await el.updateComplete;
  await el.updateComplete;
}

const later = (el: Element, selector: string) => $$(el, selector).filter((n) => n.classList.contains('later')).length;

describe('presenter: keys stay in the widget', () => {
  it('stops every key a focused bar chart, map or trend chart handles; unhandled keys reach the page', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:900px">
      <indicator-bar src=${RANKINGS} indicator="einkommen-2001"></indicator-bar>
      <sozialraum-map src=${RANKINGS} indicator="einkommen-2001"></sozialraum-map>
      <trend-chart src=${EU2}></trend-chart>
    </div>`);
    const [bar, map, trend] = [...wrap.children] as Updatable[];
    for (const el of [bar, map, trend]) await settled(el);
    const page = pageKeys();
    try {
      for (const [el, item] of [
        [bar, 'g.item[tabindex="0"]'],
        [map, 'path.area[tabindex="0"]'],
        [trend, 'g.point[tabindex="0"]'],
      ] as const) {
        ($(el, item) as unknown as SVGElement).focus();
        for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End', 'Enter']) await pressed(el, key);
        expect(page.keys, `${el.localName}: handled keys stay`).to.deep.equal([]);
        await pressed(el, 'n');
        expect(page.keys, `${el.localName}: an unhandled key passes`).to.deep.equal(['n']);
        page.keys.length = 0;
        // Enter selected something: the first Escape clears it and stays, the second gives the keys back.
        await pressed(el, 'Escape');
        expect(shadow(el).activeElement, `${el.localName}: still focused after clearing`).to.not.equal(null);
        await pressed(el, 'Escape');
        expect(shadow(el).activeElement, `${el.localName}: Escape leaves the widget`).to.equal(null);
        expect(page.keys).to.deep.equal([]);
      }
    } finally {
      page.stop();
    }
  });

  it('leaves a slide that the deck hides: the focus does not stay on a hidden slide', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <section class="slide"><indicator-bar src=${SGB2} style="width:700px"></indicator-bar></section>
      <section class="slide" hidden aria-hidden="true"><p>Nächste Folie</p></section>
    </div>`);
    const el = wrap.querySelector('indicator-bar')!;
    await settled(el);
    ($(el, 'g.item[tabindex="0"]') as unknown as SVGElement).focus();
    expect(document.activeElement).to.equal(el);
    const [first, second] = wrap.querySelectorAll('section');
    first.setAttribute('hidden', '');
    first.setAttribute('aria-hidden', 'true');
    second.removeAttribute('hidden');
    second.removeAttribute('aria-hidden');
    await waitUntil(() => document.activeElement !== el, 'the focus left the hidden slide');
    expect(first.contains(document.activeElement)).to.equal(false);
  });
});

describe('presenter: steps on every element', () => {
  it('reveals bars one by one, the highlight moving with the focus; "next" at the end goes on to the deck', async () => {
    const el = await widget<IndicatorBar>(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" mode="steps" style="width:900px"></indicator-bar>`);
    expect(text($(el, '.step-count'))).to.equal('Schritt 1 von 39');
    expect(later(el, 'g.item')).to.equal(38);
    (items(el)[0] as SVGElement).focus();
    const fired = oneEvent(el, 'widget-step');
    await pressed(el, 'PageDown');
    expect((await fired).detail).to.deep.equal({ current: 2, total: 39, kind: 'step' });
    expect(el.current).to.equal(2);
    expect(later(el, 'g.item')).to.equal(37);
    expect(shadow(el).activeElement).to.equal(items(el)[1], 'the focus follows the bar revealed');
    expect(items(el)[1].querySelector('rect.badge')!.classList.contains('highlighted')).to.equal(true, 'the highlight moves');
    expect(text($(el, '.steps-live'))).to.equal('Schritt 2 von 39: Nordmarkt: Rang 2 von 39');
    await pressed(el, 'ArrowRight');
    await pressed(el, 'ArrowLeft');
    expect(el.current).to.equal(2);
    const page = pageKeys();
    try {
      await pressed(el, 'End');
      expect(later(el, 'g.item')).to.equal(0);
      await pressed(el, 'PageDown');
      expect(page.keys).to.deep.equal(['PageDown'], 'at the last step the clicker moves the deck');
      await pressed(el, 'Home');
      expect(el.current).to.equal(1);
      await pressed(el, 'Home');
      expect(page.keys).to.deep.equal(['PageDown'], 'Home stays with the widget even at the first step');
    } finally {
      page.stop();
    }
    await expect(el).to.be.accessible();
  });

  it('steps several bars at a time with step-by, and by the buttons', async () => {
    const el = await widget<IndicatorBar>(html`<indicator-bar src=${RANKINGS} indicator="einkommen-2001" mode="steps" step-by="10" style="width:900px"></indicator-bar>`);
    expect(text($(el, '.step-count'))).to.equal('Schritt 1 von 4');
    $(el, '.step-next')!.click();
    await el.updateComplete;
    expect(later(el, 'g.item')).to.equal(19);
  });

  it('tours the highlighted areas on the map, their details shown without hover', async () => {
    const el = await widget<SozialraumMap>(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" mode="steps" highlight="Hafen, Nordmarkt, Borsigplatz" style="width:800px"></sozialraum-map>`);
    expect(text($(el, '.step-count'))).to.equal('Schritt 1 von 3');
    expect($(el, '.tour-frame')).to.not.equal(null);
    expect(text($(el, '.tooltip strong'))).to.equal('Borsigplatz');
    $(el, '.step-next')!.click();
    await el.updateComplete;
    expect(text($(el, '.tooltip strong'))).to.equal('Nordmarkt');
    await waitUntil(() => text($(el, '.steps-live')).startsWith('Schritt 2 von 3: Nordmarkt'));
  });

  it('reveals the map class by class, darkest first', async () => {
    const el = await widget<SozialraumMap>(html`<sozialraum-map src=${RANKINGS} indicator="einkommen-2001" mode="steps" style="width:800px"></sozialraum-map>`);
    expect(text($(el, '.step-count'))).to.equal('Schritt 1 von 5');
    expect(later(el, 'path.area')).to.equal(31, 'only Rang 1–8 shown');
    ($(el, 'path.area[tabindex="0"]') as unknown as SVGElement).focus();
    await pressed(el, 'ArrowRight');
    expect(later(el, 'path.area')).to.equal(23);
    expect(text($(el, '.steps-live'))).to.match(/^Schritt 2 von 5: Rang 9–16: /);
  });

  it('draws the trend year by year: lines cut at the step, points and events at their date', async () => {
    const el = await widget<TrendChart>(html`<trend-chart src=${EU2} milestones=${MILESTONES} annotations="eu-beitritt-bg-ro arbeitnehmerfreizuegigkeit-2014" mode="steps" style="width:900px"></trend-chart>`);
    await waitUntil(() => $$(el, 'g.point').length > 0);
    const total = Number(text($(el, '.step-count')).match(/von (\d+)/)![1]);
    expect(total).to.be.greaterThan(5);
    const shown = () => $$(el, 'g.point').length - later(el, 'g.point');
    const first = shown();
    expect(first).to.be.greaterThan(0);
    expect($$(el, 'circle.badge')).to.have.length(0, 'no event before its date');
    const clip = () => Number($(el, 'clipPath rect')!.getAttribute('width'));
    const before = clip();
    ($(el, 'g.point[tabindex="0"]') as unknown as SVGElement).focus();
    await pressed(el, 'End');
    expect(shown()).to.equal($$(el, 'g.point').length);
    expect(clip()).to.be.greaterThan(before);
    expect($$(el, 'circle.badge')).to.have.length(2);
    await pressed(el, 'Home');
    expect(shown()).to.equal(first);
  });

  it('steps the network with the same keys, also from a focused node', async () => {
    const el = await widget<Updatable>(html`<network-graph mode="steps" src=${NETWORKS} network="integrierte-projekte-2007" style="width:800px"></network-graph>`);
    ($(el, 'svg.net') as unknown as SVGElement).focus();
    await pressed(el, 'ArrowRight');
    expect(el.current).to.equal(2);
    ($(el, 'g.node[tabindex="0"]') as unknown as SVGElement).focus();
    await pressed(el, 'ArrowDown');
    expect(el.current).to.equal(3, 'an arrow on a node steps too');
    await pressed(el, 'Home');
    expect(el.current).to.equal(1);
  });

  it('has no step bar without mode="steps"', async () => {
    const el = await widget<IndicatorBar>(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    expect($(el, '.steps')).to.equal(null);
  });
});

describe('presenter: fit, presentation type, full screen', () => {
  it('fits a long bar chart into its box in pages that share one axis, turned with the keys', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1200px;height:900px;font-size:42px">
      <indicator-bar fit presentation src=${RANKINGS} indicator="einkommen-2001"></indicator-bar>
    </div>`);
    const el = wrap.firstElementChild as IndicatorBar;
    await settled(el);
    await waitUntil(() => $(el, '.step-count') !== null, 'pages once the box is measured');
    // The step bar takes room too: the pages are counted again once it is there.
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(getComputedStyle(el).fontSize).to.equal('30px', 'presentation type, not the page\'s 42 px');
    const box = el.getBoundingClientRect();
    expect(box.height).to.equal(900);
    for (const part of ['.title', 'svg.bars', '.source', '.fullscreen']) {
      const r = $(el, part)!.getBoundingClientRect();
      expect(r.bottom, `${part} inside the box`).to.be.at.most(box.bottom + 0.5);
    }
    const pages = Number(text($(el, '.step-count')).match(/^Seite 1 von (\d+)$/)![1]);
    expect(pages).to.be.greaterThan(1);
    const firstPage = items(el).length;
    expect(firstPage).to.be.lessThan(39);
    const lastItem = items(el)[firstPage - 1] as SVGElement;
    (items(el)[0] as SVGElement).focus();
    await pressed(el, 'End');
    expect(shadow(el).activeElement).to.equal(lastItem);
    await pressed(el, 'ArrowDown');
    expect(el.current).to.equal(2, 'past the last bar of a page the next page');
    expect(text($(el, '.step-count'))).to.equal(`Seite 2 von ${pages}`);
    expect(shadow(el).activeElement).to.equal(items(el)[0]);
    expect(items(el)[0].getAttribute('aria-label')).to.equal(`${items(el)[0].getAttribute('aria-label')!.split(':')[0]}: Rang ${firstPage + 1} von 39`);
    await expect(el).to.be.accessible();
  });

  it('fits the map, the trend chart and the network into their boxes', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1200px">
      <div style="height:650px"><sozialraum-map fit src=${RANKINGS} indicator="einkommen-2001"></sozialraum-map></div>
      <div style="height:650px"><trend-chart fit src=${EU2}></trend-chart></div>
      <div style="height:650px"><network-graph fit src=${NETWORKS} network="jobcenter-politisch-beratend-2007"></network-graph></div>
      <div style="height:650px"><milestone-timeline fit src=${MILESTONES}></milestone-timeline></div>
    </div>`);
    for (const el of wrap.querySelectorAll<Updatable>('sozialraum-map, trend-chart, network-graph, milestone-timeline')) {
      await settled(el, 5000, el.localName === 'milestone-timeline' ? 'li' : 'svg');
      await new Promise((r) => setTimeout(r, 150));
      await el.updateComplete;
      const box = el.getBoundingClientRect();
      expect(box.height, el.localName).to.equal(650);
      const source = $(el, '.source')!.getBoundingClientRect();
      expect(source.bottom, `${el.localName}: source line inside`).to.be.at.most(box.bottom + 0.5);
      const chart = $(el, '.chart')!.getBoundingClientRect();
      const drawn = $(el, el.localName === 'milestone-timeline' ? '.rows' : '.chart svg')!.getBoundingClientRect();
      // The timeline's list reaches 4 px past its box: room for the focus ring of its last milestone.
      expect(drawn.bottom, `${el.localName}: drawing inside its box`).to.be.at.most(chart.bottom + 4.5);
      expect(drawn.height, `${el.localName}: not shrunk to nothing`).to.be.greaterThan(150);
    }
  });

  it('has a full-screen button on every element and the key f, and says when full screen is refused', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:900px">
      <indicator-bar src=${SGB2}></indicator-bar>
      <sozialraum-map src=${RANKINGS} indicator="einkommen-2001"></sozialraum-map>
      <trend-chart src=${EU2}></trend-chart>
      <milestone-timeline src=${MILESTONES}></milestone-timeline>
      <network-graph src=${NETWORKS} network="jobcenter-politisch-beratend-2007"></network-graph>
    </div>`);
    for (const el of [...wrap.children] as Updatable[]) {
      await settled(el, 5000, el.localName === 'milestone-timeline' ? 'li' : 'svg');
      const button = $(el, 'button.fullscreen')!;
      expect(text(button), el.localName).to.equal('Vollbild');
      let calls = 0;
      el.requestFullscreen = () => {
        calls++;
        return Promise.reject(new TypeError('refused'));
      };
      button.focus();
      await pressed(el, 'f');
      await waitUntil(() => text($(el, '.steps-live')) === 'Vollbild ist hier nicht möglich.', `${el.localName}: the refusal is said`);
      expect(calls).to.equal(1);
    }
  });

  it('in forced colours and with reduced motion: the step bar is there in system colours, steps appear at once, axe-clean', async () => {
    await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }, { name: 'prefers-reduced-motion', value: 'reduce' }] });
    try {
      const el = await widget<IndicatorBar>(html`<indicator-bar presentation mode="steps" src=${RANKINGS} indicator="einkommen-2001" style="width:1200px"></indicator-bar>`);
      const next = $(el, '.step-next')!;
      expect(getComputedStyle(next).borderTopStyle).to.equal('solid');
      expect(getComputedStyle(items(el)[0]).transitionDuration).to.equal('0s');
      next.click();
      await el.updateComplete;
      // No animation: the revealed bar is there in the same frame.
      expect(getComputedStyle(items(el)[1]).visibility).to.equal('visible');
      expect(getComputedStyle(items(el)[2]).visibility).to.equal('hidden');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'none' }, { name: 'prefers-reduced-motion', value: 'no-preference' }] });
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('in full screen: presentation type, the whole widget and its controls on the screen, axe-clean', async () => {
    // A projector's screen: full screen in headless Chromium is the viewport.
    await setViewport({ width: 1920, height: 1080 });
    const el = await widget<Updatable>(html`<trend-chart src=${EU2} mode="steps" style="width:700px"></trend-chart>`);
    const button = $(el, 'button.fullscreen')!;
    button.scrollIntoView();
    const r = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    try {
      await waitUntil(() => document.fullscreenElement === el, 'full screen after a real click', { timeout: 3000 });
      await new Promise((r) => setTimeout(r, 200));
      await el.updateComplete;
      expect(parseFloat(getComputedStyle(el).fontSize)).to.be.at.least(20);
      for (const part of ['.title', '.steps', 'svg.trend', '.source', 'button.fullscreen']) {
        const box = $(el, part)!.getBoundingClientRect();
        expect(box.bottom <= innerHeight + 0.5 && box.right <= innerWidth + 0.5, `${part} on the screen`).to.equal(true);
      }
      expect(text($(el, 'button.fullscreen'))).to.equal('Vollbild beenden');
      await expect(el).to.be.accessible();
    } finally {
      await resetMouse();
      if (document.fullscreenElement) await document.exitFullscreen();
      await setViewport({ width: 800, height: 600 });
    }
  });
});
