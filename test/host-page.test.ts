import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import { $, $$, holdFetch, madeUpIndicator, settled } from './helpers.js';

/** The pages the widgets are made for: light or dark whatever the reader's system, printed, hostile CSS. */

const RANKINGS = '/data/indicators/sozialraum-rankings-2007.json';
const SGB2 = '/data/indicators/sgb2-arbeitslosigkeit.json';
const EU2 = '/data/eu2-residents.json';
const MILESTONES = '/data/milestones.json';
const NETWORKS = '/data/networks.json';

const background = (el: Element) => getComputedStyle(el).backgroundColor;
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(22, 22, 22)';
/** After the frame in which widgets look at the page again. */
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

function luminance(colour: string): number {
  const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('host page: light or dark as the page, not only as the system', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', media: 'screen' });
    document.documentElement.style.colorScheme = '';
  });

  it('a light page keeps light widgets when the system is dark; a page that allows dark (color-scheme) gets dark ones', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture(html`<indicator-bar src=${SGB2} style="width:600px"></indicator-bar>`);
    await settled(el);
    await frames();
    expect(background(el)).to.equal(WHITE);
    expect(el.getAttribute('data-srw-theme')).to.equal('light');
    document.documentElement.style.colorScheme = 'light dark';
    await waitUntil(() => background(el) === DARK, 'dark with the page’s dark canvas');
    await emulateMedia({ colorScheme: 'light' });
    await waitUntil(() => background(el) === WHITE, 'light again when the system turns light');
  });

  it('a dark background around it makes it dark; theme always wins; a box standing out gets room inside', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <div class="page" style="background:#121212;padding:1px">
        <indicator-bar src=${SGB2} style="width:600px"></indicator-bar>
        <indicator-bar theme="light" src=${SGB2} style="width:600px"></indicator-bar>
      </div>
      <div theme="dark"><indicator-bar src=${SGB2} style="width:600px"></indicator-bar></div>
    </div>`);
    const [onDark, pinnedLight, inDarkSection] = [...wrap.querySelectorAll('indicator-bar')];
    for (const el of [onDark, pinnedLight, inDarkSection]) await settled(el);
    await frames();
    expect(background(onDark)).to.equal(DARK);
    expect(onDark.getAttribute('data-srw-theme')).to.equal('dark', 'on a page as dark as itself: no box');
    expect(background(pinnedLight)).to.equal(WHITE);
    expect(pinnedLight.getAttribute('data-srw-theme')).to.equal('light boxed');
    expect(background(inDarkSection)).to.equal(DARK);
    expect(inDarkSection.getAttribute('data-srw-theme')).to.equal('dark boxed');
    // Boxed: the title and the buttons keep their distance from the box's edges.
    for (const el of [pinnedLight, inDarkSection]) {
      const box = el.getBoundingClientRect();
      for (const part of ['.title', '.actions button']) expect($(el, part)!.getBoundingClientRect().left - box.left, part).to.be.at.least(10);
    }
    // The page switches to light (its own dark-mode toggle): the widget follows.
    (wrap.querySelector('.page') as HTMLElement).style.background = '#ffffff';
    await waitUntil(() => background(onDark) === WHITE, 'light with the page');
    await expect(inDarkSection).to.be.accessible();
  });
});

describe('host page: print', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', media: 'screen' });
    dispatchEvent(new Event('afterprint'));
  });

  it('prints black on white without controls, whatever the screen theme', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:700px">
      <indicator-bar theme="dark" src=${SGB2}></indicator-bar>
      <trend-chart theme="dark" src=${EU2}></trend-chart>
      <network-graph theme="dark" src=${NETWORKS} network="jobcenter-politisch-beratend-2007"></network-graph>
      <milestone-timeline theme="dark" src=${MILESTONES} mode="steps"></milestone-timeline>
    </div>`);
    const widgets = [...wrap.children] as HTMLElement[];
    for (const el of widgets) await settled(el, 5000, el.localName === 'milestone-timeline' ? 'li' : 'svg');
    await emulateMedia({ media: 'print' });
    for (const el of widgets) {
      expect(background(el), el.localName).to.equal(WHITE);
      const texts = [$(el, '.title')!, $(el, '.source')!, ...$$(el, '.chart svg text').slice(0, 5)];
      for (const t of texts) {
        const style = getComputedStyle(t);
        const colour = t instanceof SVGElement ? style.fill : style.color;
        expect(contrast(colour, WHITE), `${el.localName} ${t.localName} ${colour}`).to.be.at.least(4.5);
      }
      const visibleButtons = $$(el, 'button').filter((b) => b.getClientRects().length && !b.closest('.legend'));
      expect(visibleButtons.map((b) => b.textContent!.trim()), `${el.localName}: no buttons on paper`).to.deep.equal([]);
      expect(getComputedStyle(el).breakInside, el.localName).to.equal('avoid');
    }
  });

  it('prints a stepping or fitted widget complete: every step, every page', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:900px">
      <indicator-bar mode="steps" src=${RANKINGS} indicator="einkommen-2001"></indicator-bar>
      <sozialraum-map mode="steps" src=${RANKINGS} indicator="einkommen-2001"></sozialraum-map>
      <network-graph mode="steps" src=${NETWORKS} network="integrierte-projekte-2007"></network-graph>
      <div style="height:800px"><indicator-bar fit presentation src=${RANKINGS} indicator="einkommen-2001"></indicator-bar></div>
    </div>`);
    const [bar, map, graph] = [...wrap.children] as HTMLElement[];
    const fitted = wrap.querySelector('[fit]') as HTMLElement;
    for (const el of [bar, map, graph, fitted]) await settled(el);
    await waitUntil(() => !!$(fitted, '.step-count'), 'pages on screen');
    expect($$(bar, 'g.item.later')).to.have.length(38);
    dispatchEvent(new Event('beforeprint'));
    await frames();
    expect($$(bar, 'g.item.later')).to.have.length(0);
    expect($$(map, 'path.area.later')).to.have.length(0);
    expect($$(graph, 'g.node')).to.have.length(28);
    expect($$(fitted, 'g.item')).to.have.length(39, 'a fitted chart prints all its rows');
    dispatchEvent(new Event('afterprint'));
    await frames();
    expect($$(bar, 'g.item.later')).to.have.length(38, 'back to the step on screen');
  });
});

describe('host page: hostile CSS', () => {
  it('Bootstrap 5 and rules like * { line-height: 2 !important } do not change the widgets’ layout', async function () {
    this.timeout(20000);
    // The clean page has the hostile page's font (20 px, its own family): the widgets follow the page's font
    // family and size on purpose; everything else must not reach them.
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:760px;font-size:20px;font-family:Arial, sans-serif">
      <indicator-bar src=${RANKINGS} indicator="einkommen-2001"></indicator-bar>
      <indicator-bar src=${SGB2}></indicator-bar>
      <sozialraum-map src=${RANKINGS} indicator="einkommen-2001"></sozialraum-map>
      <trend-chart src=${EU2}></trend-chart>
      <milestone-timeline src=${MILESTONES}></milestone-timeline>
      <network-graph src=${NETWORKS} network="jobcenter-politisch-beratend-2007"></network-graph>
    </div>`);
    const widgets = [...wrap.children] as HTMLElement[];
    for (const el of widgets) await settled(el, 5000, el.localName === 'milestone-timeline' ? 'li' : 'svg');
    const clean = widgets.map((el) => el.getBoundingClientRect().height);
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/node_modules/bootstrap/dist/css/bootstrap.min.css' });
    const hostile = document.createElement('style');
    hostile.textContent = `* { line-height: 2 !important; box-sizing: content-box !important; font-size: 20px !important; letter-spacing: 0.2em; text-transform: uppercase }
      svg { max-width: 50px } text { fill: red } button { padding: 2em } table { width: 10px }`;
    const loaded = new Promise((r) => link.addEventListener('load', r));
    document.head.append(link, hostile);
    try {
      await loaded;
      await new Promise((r) => setTimeout(r, 300));
      for (const [i, el] of widgets.entries()) {
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        const height = el.getBoundingClientRect().height;
        expect(Math.abs(height - clean[i]) / clean[i], `${el.localName} ${i}: ${clean[i]} → ${height} px`).to.be.at.most(0.1);
        expect(el.scrollWidth, `${el.localName} ${i}: nothing wider than the widget`).to.be.at.most(el.clientWidth + 1);
        const label = $(el, '.chart svg text');
        if (label) expect(getComputedStyle(label).fill, `${el.localName}: page text rules stay outside`).to.not.equal('rgb(255, 0, 0)');
      }
    } finally {
      link.remove();
      hostile.remove();
    }
  });
});

describe('host page: no jumps while loading', () => {
  it('a widget keeps room for its chart while its data loads (--srw-reserve), so the text below does not jump', async () => {
    const held = holdFetch();
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:700px;font-size:16px"><indicator-bar src="/held.json"></indicator-bar><p>Text darunter</p></div>`);
      const el = wrap.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      await el.updateComplete;
      expect(held.requests).to.have.length(1);
      expect(el.getBoundingClientRect().height).to.be.at.least(24 * 16, '24em reserved while loading');
      el.style.setProperty('--srw-reserve', '10em');
      expect(el.getBoundingClientRect().height).to.be.lessThan(24 * 16, 'a page can set the room');
    } finally {
      held.restore();
    }
  });
});

describe('host page: many widgets load in short tasks', () => {
  const bar = (id: string) => `<indicator-bar id="${id}"><script type="application/json">${madeUpIndicator}</script></indicator-bar>`;

  /** Widgets added to the page at once: `near` on screen, `far` 6,000 px below. */
  function page(): { wrap: HTMLDivElement; order: string[]; sameTask: () => number } {
    const wrap = document.createElement('div');
    wrap.style.width = '600px';
    wrap.innerHTML = `${bar('near')}<div style="height:6000px"></div>${bar('far1')}${bar('far2')}`;
    const order: string[] = [];
    let inTask = false;
    let same = 0;
    wrap.addEventListener('widget-rendered', (e) => {
      order.push((e.target as Element).id);
      if (inTask) same++;
      inTask = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (inTask = false);
      channel.port2.postMessage(0);
    });
    document.body.append(wrap);
    return { wrap, order, sameTask: () => same };
  }

  it('draws one widget per task, those on screen first, every one in the end', async () => {
    const { wrap, order, sameTask } = page();
    try {
      const [near, far1, far2] = [...wrap.querySelectorAll('indicator-bar')] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
      await far1.updateComplete;
      expect($(far1, '.loading'), 'loading state first').to.exist;
      await settled(near);
      await settled(far1);
      await settled(far2);
      expect(order).to.deep.equal(['near', 'far1', 'far2']);
      expect(sameTask(), 'two widgets drawn in one task').to.equal(0);
      await expect(far2).to.be.accessible();
    } finally {
      wrap.remove();
    }
  });

  it('a widget drawn in the task that brought its data renders its chart at once, not first a loading state nobody sees', async () => {
    const wrap = document.createElement('div');
    wrap.innerHTML = bar('alone');
    document.body.append(wrap);
    const el = wrap.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    try {
      const seen: string[] = [];
      new MutationObserver(() => seen.push($(el, '.loading') ? 'loading' : $(el, 'svg g.item') ? 'chart' : 'other')).observe(el.shadowRoot!, { childList: true, subtree: true });
      await el.updateComplete;
      expect($$(el, 'svg g.item'), 'the chart after the first update').to.have.length(2);
      await settled(el);
      expect(seen).to.not.include('loading');
    } finally {
      wrap.remove();
    }
  });

  it('widgets loading the same file at the same time share one request; it is aborted only when none waits any more', async () => {
    const held = holdFetch();
    const wrap = document.createElement('div');
    try {
      wrap.innerHTML = `<indicator-bar src="/same.json"></indicator-bar><indicator-bar src="/same.json"></indicator-bar><indicator-bar src="/other.json"></indicator-bar>`;
      document.body.append(wrap);
      const [a, b] = [...wrap.children] as HTMLElement[];
      expect(held.requests.map((r) => r.url.replace(/^.*\//, ''))).to.deep.equal(['same.json', 'other.json']);
      a.remove();
      expect(held.requests[0].signal.aborted, 'still wanted by the second chart').to.equal(false);
      held.requests[0].resolve(JSON.parse(madeUpIndicator));
      await settled(b);
      expect($$(b, 'g.item')).to.have.length(2);
      wrap.lastElementChild!.remove();
      expect(held.requests[1].signal.aborted, 'nobody waits for it').to.equal(true);
    } finally {
      held.restore();
      wrap.remove();
    }
  });

  it('draws every waiting widget before printing', async () => {
    const { wrap } = page();
    try {
      dispatchEvent(new Event('beforeprint'));
      const all = [...wrap.querySelectorAll('indicator-bar')] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
      for (const el of all) await el.updateComplete;
      expect(all.map((el) => !!$(el, 'svg g.item'))).to.deep.equal([true, true, true]);
    } finally {
      dispatchEvent(new Event('afterprint'));
      wrap.remove();
    }
  });
});
