import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../src/indicator-bar/indicator-bar.js';
import { settled, text } from './helpers.js';

/**
 * The presenters' deck, demo/folien.html: reveal.js (from npm, served locally) at 1920 × 1080 in a
 * same-origin iframe of that size, the widgets as the built single file (dist/, as the deck loads it).
 * Every element on a live slide: inside the screen, title and source line visible, type large enough for
 * the room, keys that the widget handles stay in it while the rest go on to the deck, the focus never
 * left behind on a hidden slide, steps on every element, Escape and full screen.
 *
 * Keys are real key presses (sendKeys): reveal.js reads keyCode, which a synthetic KeyboardEvent lacks.
 */

interface Deck {
  slide(h: number, v?: number): void;
  getIndices(): { h: number; v?: number };
  getCurrentSlide(): HTMLElement;
  getSlides(): HTMLElement[];
  getScale(): number;
  getConfig(): Record<string, unknown>;
  isReady(): boolean;
  isOverview(): boolean;
  toggleOverview(active?: boolean): void;
}

type Widget = HTMLElement & { updateComplete: Promise<unknown>; current?: number; shadowRoot: ShadowRoot };

const TAGS = ['indicator-bar', 'sozialraum-map', 'trend-chart', 'milestone-timeline', 'network-graph'] as const;
type Tag = (typeof TAGS)[number];

/**
 * A key each element handles when its tab stop has the focus and it does not step (see each element's
 * #onKeyDown): it must not reach the deck. 'n' (reveal.js: next slide) none of them handles.
 */
const HANDLED: Record<Tag, string> = {
  'indicator-bar': 'ArrowDown',
  'sozialraum-map': 'ArrowRight',
  'trend-chart': 'ArrowRight',
  'milestone-timeline': 'ArrowDown',
  // On a node, End goes to the last node; arrows only move where a node lies in that direction.
  'network-graph': 'End',
};

const W = 1920;
const H = 1080;
/** Smallest type on the screen, in screen pixels (1920 × 1080, the deck above). */
const MIN_TEXT = 24;

let frame: HTMLIFrameElement;
let win: Window & typeof globalThis & { Reveal: Deck };
let doc: Document;
let deck: Deck;

const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise((r) => win.requestAnimationFrame(r));
};

const slides = () => deck.getSlides();
const widgetsOn = (slide: Element) => Array.from(slide.querySelectorAll<Widget>(TAGS.join(',')));
const drawnSelector = (el: Element) => (el.localName === 'milestone-timeline' ? 'ol' : 'svg');
/** The slide with the one, non-stepping widget of this element. */
function slideOf(tag: Tag): number {
  const i = slides().findIndex((s) => {
    const ws = widgetsOn(s);
    return ws.length === 1 && ws[0].localName === tag && !ws[0].hasAttribute('mode');
  });
  if (i < 0) throw new Error(`no slide with a single <${tag}>`);
  return i;
}
const widgetOf = (tag: Tag) => widgetsOn(slides()[slideOf(tag)])[0];
const at = () => deck.getIndices().h;

/** The widget has drawn (chart or list), is laid out in its box on screen and has no update pending. */
async function drawn(el: Widget): Promise<void> {
  await settled(el, 8000, drawnSelector(el));
  await frames(2);
  await el.updateComplete;
}

/** Go to slide h (reveal.js API) and wait until its widgets are drawn. */
async function go(h: number): Promise<void> {
  if (at() !== h) deck.slide(h);
  await waitUntil(() => at() === h, `the deck did not go to slide ${h}`, { timeout: 3000 });
  for (const el of widgetsOn(slides()[h])) await drawn(el);
}

const shown = (node: Element) => node.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);

/** The chart's tab stop: where Tab lands in the chart (an item, or the stepping graph itself). */
const chartTabStop = (el: Widget) => el.shadowRoot.querySelector<HTMLElement>('.chart [tabindex="0"]');

/** Where Tab lands in the widget's chart, if shown; else the step bar's "next" button, else its first button. */
function tabStop(el: Widget): HTMLElement {
  const root = el.shadowRoot;
  const chart = chartTabStop(el);
  const stop =
    (chart && shown(chart) ? chart : null) ??
    root.querySelector<HTMLElement>('button.step-next') ??
    root.querySelector<HTMLElement>('button');
  if (!stop) throw new Error(`<${el.localName}> has nothing to focus`);
  return stop;
}

/** Focus into the widget, as Tab or a click would (the iframe gets the keyboard too). */
async function focusInside(el: Widget): Promise<void> {
  frame.focus();
  const stop = tabStop(el);
  stop.focus();
  try {
    await waitUntil(() => doc.hasFocus() && doc.activeElement === el && el.shadowRoot.activeElement === stop, '', { timeout: 2000 });
  } catch {
    const where = `${doc.activeElement?.localName} / ${el.shadowRoot.activeElement?.localName ?? '–'}; page focused: ${doc.hasFocus()}; tab stop <${stop.localName} class="${stop.getAttribute('class')}"> ${stop.isConnected ? '' : '(gone)'}`;
    throw new Error(`the focus did not go into <${el.localName}>: ${where}`);
  }
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
  await frames(2);
}

/** Is the focus on a slide other than the current one (a hidden slide)? */
function focusOnHiddenSlide(): boolean {
  const slide = doc.activeElement?.closest('.slides section');
  return !!slide && slide !== deck.getCurrentSlide();
}

const inside = (r: DOMRect, box: { left: number; top: number; right: number; bottom: number }, tolerance = 1) =>
  r.width > 0 && r.height > 0 && r.left >= box.left - tolerance && r.top >= box.top - tolerance && r.right <= box.right + tolerance && r.bottom <= box.bottom + tolerance;
const viewport = () => ({ left: 0, top: 0, right: win.innerWidth, bottom: win.innerHeight });
const describeRect = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)}`;

/**
 * The smallest text the widget shows, in screen pixels: every element of its shadow root with text of
 * its own that is rendered (not display:none/visibility:hidden, not a 1-px visually-hidden box).
 * HTML: computed font size × the deck's scale. SVG text: computed font size × the ratio of its box on
 * screen to its box in user units (viewBox and the deck's scale; rotation-proof).
 */
function smallestText(el: Widget): { px: number; what: string } {
  const scale = deck.getScale();
  let min = { px: Infinity, what: '' };
  for (const node of el.shadowRoot.querySelectorAll<Element>('*')) {
    if (/^(style|script|title|desc|template)$/i.test(node.localName)) continue;
    const own = Array.from(node.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!own) continue;
    if (!shown(node)) continue;
    const r = node.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    const size = parseFloat(win.getComputedStyle(node).fontSize);
    let px = size * scale;
    if ('getBBox' in node && node.namespaceURI === 'http://www.w3.org/2000/svg') {
      const b = (node as SVGGraphicsElement).getBBox();
      if (b.width > 0 && b.height > 0) px = size * Math.sqrt((r.width * r.height) / (b.width * b.height));
    }
    if (px < min.px) min = { px, what: `<${node.localName}${node.getAttribute('class') ? ` class="${node.getAttribute('class')}"` : ''}> „${own.slice(0, 40)}“ (${size.toFixed(1)} px computed)` };
  }
  return min;
}

/**
 * The widget on the current slide as the room sees it: inside the screen and filling its box, its content laid out
 * inside the box (fit), title and source line visible, the smallest text large enough, a full-screen button.
 */
function onScreen(el: Widget): void {
  const name = `<${el.localName}>`;
  const box = el.getBoundingClientRect();
  expect(inside(box, viewport()), `${name} box ${describeRect(box)} inside ${W}×${H}`).to.equal(true);
  expect(box.height, `${name} fills its box below the heading`).to.be.at.least(850);
  // fit: the chart is laid out inside the box, nothing runs out of it (a long list may scroll inside).
  expect(el.scrollHeight, `${name}: content ${el.scrollHeight} px tall in a ${el.clientHeight} px box (fit)`).to.be.at.most(el.clientHeight + 1);
  for (const part of ['.title', '.source']) {
    const node = el.shadowRoot.querySelector<HTMLElement>(part);
    expect(node, `${name} ${part}`).to.exist;
    const r = node!.getBoundingClientRect();
    expect(shown(node!), `${name} ${part} visible`).to.equal(true);
    expect(inside(r, viewport()), `${name} ${part} ${describeRect(r)} inside the screen`).to.equal(true);
    expect(inside(r, box), `${name} ${part} ${describeRect(r)} inside the widget ${describeRect(box)} (not cut off)`).to.equal(true);
  }
  const small = smallestText(el);
  // 0.05 px for floating point: a 24-px label in a viewBox at scale 1 measures 23.99999.
  expect(small.px, `${name} smallest text: ${small.what}`).to.be.at.least(MIN_TEXT - 0.05);
  expect(el.shadowRoot.querySelector('button.fullscreen'), `${name} button.fullscreen`).to.exist;
}

/** The slide whose widget steps (mode="steps" in the deck). */
const steppingSlide = () => slides().findIndex((s) => widgetsOn(s).some((el) => el.getAttribute('mode') === 'steps'));
/** The slide with two widgets of one group. */
const linkedSlide = () =>
  slides().findIndex((s) => {
    const groups = widgetsOn(s).map((el) => el.getAttribute('group'));
    return groups.length === 2 && !!groups[0] && groups[0] === groups[1];
  });

/** What the widget says to screen readers (steps, full screen refused …). */
const liveText = (el: Widget) => Array.from(el.shadowRoot.querySelectorAll('[aria-live]')).map((n) => text(n)).filter(Boolean).join(' | ');
const refused = (el: Widget) => /nicht möglich/.test(liveText(el));
const stepCount = (el: Widget) => text(el.shadowRoot.querySelector('.steps .step-count'));

before(async function () {
  this.timeout(30000);
  await setViewport({ width: W, height: H });
  frame = document.createElement('iframe');
  frame.title = 'Folien';
  frame.allow = 'fullscreen';
  Object.assign(frame.style, { position: 'fixed', left: '0', top: '0', width: `${W}px`, height: `${H}px`, border: '0', margin: '0', zIndex: '10' });
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = '/demo/folien.html';
  document.body.append(frame);
  await loaded;
  win = frame.contentWindow as typeof win;
  doc = frame.contentDocument!;
  await waitUntil(() => win.Reveal?.isReady?.(), 'reveal.js did not start', { timeout: 15000 });
  deck = win.Reveal;
  await waitUntil(() => win.customElements.get('network-graph'), 'the widgets did not load', { timeout: 10000 });
});

/** Each test starts from a quiet deck, whatever the one before left (an overview opened by a leaked Escape, full screen). */
beforeEach(async () => {
  if (!deck) return;
  if (doc.fullscreenElement) await doc.exitFullscreen();
  if (deck.isOverview()) deck.toggleOverview(false);
  (doc.activeElement as HTMLElement | null)?.blur?.();
});

after(async () => {
  if (doc?.fullscreenElement) await doc.exitFullscreen();
  frame?.remove();
  await resetMouse();
  await setViewport({ width: 800, height: 600 });
});

describe('deck: demo/folien.html with reveal.js', () => {
  it('is a reveal.js deck of 1920 × 1080 at scale 1, light theme, hash links, local files only and no inline styles', async () => {
    const config = deck.getConfig();
    expect(config.width).to.equal(1920);
    expect(config.height).to.equal(1080);
    expect(config.hash).to.equal(true);
    expect(deck.getScale()).to.be.closeTo(1, 0.01);
    const sheets = Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).map((l) => l.getAttribute('href'));
    expect(sheets).to.include('../node_modules/reveal.js/dist/theme/white.css');
    const source = (await (await fetch('/demo/folien.html')).text()).replace(/<!--[\s\S]*?-->/g, '');
    expect(source, 'style="" attributes (CSP style-src \'self\')').not.to.match(/<[^>]+\sstyle\s*=/i);
    expect(source, 'files from elsewhere').not.to.match(/\s(src|href)\s*=\s*"(https?:)?\/\//i);
    // Everything the page fetched came from this server (fonts are embedded in the theme as data: URLs).
    const resources = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(resources.filter((url) => !url.startsWith(win.location.origin) && !url.startsWith('data:'))).to.deep.equal([]);
    expect(resources.some((url) => url.includes('/node_modules/reveal.js/dist/reveal.mjs'))).to.equal(true);
    expect(resources.some((url) => url.includes('/dist/sozialraum-widgets.js'))).to.equal(true);
  });

  it('has one slide per element, a stepping slide and a slide with two linked widgets; every widget with fit and presentation', () => {
    for (const tag of TAGS) expect(slideOf(tag), tag).to.be.at.least(1);
    const all = slides().flatMap(widgetsOn);
    expect(all.every((el) => el.hasAttribute('fit') && el.hasAttribute('presentation'))).to.equal(true);
    expect(all.some((el) => el.getAttribute('mode') === 'steps')).to.equal(true);
    expect(linkedSlide(), 'a slide with two widgets of the same group').to.be.at.least(1);
    expect(steppingSlide(), 'a slide with a stepping widget').to.be.at.least(1);
    expect(slides().every((s) => s.getAttribute('tabindex') === '-1')).to.equal(true);
    expect(doc.documentElement.lang).to.equal('de');
  });

  for (const kind of [...TAGS, 'steps', 'linked'] as const) {
    it(`${kind === 'steps' ? 'the stepping slide' : kind === 'linked' ? 'the linked slide' : `<${kind}>`}: on screen, title and source visible, smallest text ≥ ${MIN_TEXT} px, full-screen button`, async () => {
      const h = kind === 'steps' ? steppingSlide() : kind === 'linked' ? linkedSlide() : slideOf(kind);
      await go(h);
      for (const el of widgetsOn(slides()[h])) onScreen(el);
    });
  }

  for (const tag of TAGS) {
    it(`<${tag}>: a handled key (${HANDLED[tag]}) stays in the widget, 'n' goes on to the next slide and the focus follows`, async function () {
      this.timeout(15000);
      const h = slideOf(tag);
      await go(h);
      const el = widgetsOn(slides()[h])[0];
      await focusInside(el);
      await press(HANDLED[tag]);
      expect(at(), `${HANDLED[tag]} changed the slide`).to.equal(h);
      expect(doc.activeElement === el, `the focus left the widget (now on ${doc.activeElement?.localName})`).to.equal(true);
      await press('n');
      await waitUntil(() => at() === h + 1, `'n' in <${tag}> did not reach the deck`, { timeout: 2000 });
      expect(focusOnHiddenSlide(), `the focus stayed on the hidden slide (${doc.activeElement?.localName})`).to.equal(false);
      expect(doc.activeElement === deck.getCurrentSlide(), `the focus is not on the new slide (${doc.activeElement?.localName})`).to.equal(true);
      // Leaving by the deck's API (a remote, the hash) with the focus in the widget: the same.
      await go(h);
      await focusInside(el);
      deck.slide(h - 1);
      await frames(1);
      expect(focusOnHiddenSlide(), 'the focus stayed on the hidden slide after Reveal.slide()').to.equal(false);
    });
  }

  it("<indicator-bar>: PageDown (not a bar's key) goes on to the next slide", async () => {
    const h = slideOf('indicator-bar');
    await go(h);
    const el = widgetOf('indicator-bar');
    await focusInside(el);
    await press('PageDown');
    await waitUntil(() => at() === h + 1, 'PageDown did not reach the deck', { timeout: 2000 });
    expect(focusOnHiddenSlide()).to.equal(false);
  });

  for (const tag of TAGS) {
    it(`<${tag}>: Escape gives the keys back to the deck (no overview), the next ArrowRight changes the slide`, async () => {
      const h = slideOf(tag);
      await go(h);
      const el = widgetsOn(slides()[h])[0];
      await focusInside(el);
      await press('Escape');
      expect(at()).to.equal(h);
      expect(deck.isOverview(), 'Escape reached reveal.js (overview opened)').to.equal(false);
      expect(el.matches(':focus-within'), 'the widget still has the focus').to.equal(false);
      await press('ArrowRight');
      await waitUntil(() => at() === h + 1, 'ArrowRight after Escape did not change the slide', { timeout: 2000 });
    });
  }

  it('linked slide: a click on a tile of the map selects the same Sozialraum in the bars, the slide stays', async () => {
    const h = linkedSlide();
    await go(h);
    const map = widgetsOn(slides()[h]).find((el) => el.localName === 'sozialraum-map')!;
    const bar = widgetsOn(slides()[h]).find((el) => el.localName === 'indicator-bar')!;
    const tile = Array.from(map.shadowRoot.querySelectorAll('[data-id]')).find((g) => /^Borsigplatz\b/.test(g.getAttribute('aria-label') ?? ''));
    expect(tile, 'the Borsigplatz tile').to.exist;
    const r = tile!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await waitUntil(() => bar.shadowRoot.querySelector('[aria-current="true"]'), 'the bars did not show the selection', { timeout: 2000 });
    expect(bar.shadowRoot.querySelector('[aria-current="true"]')!.getAttribute('aria-label')).to.match(/^Borsigplatz/);
    expect(at()).to.equal(h);
    await resetMouse();
    // Clear the selection again (Escape with a selection clears it and stays in the widget).
    await press('Escape');
    expect(at()).to.equal(h);
  });

  describe('full screen', () => {
    for (const tag of TAGS) {
      it(`<${tag}>: button.fullscreen (a real click) puts the widget in full screen, filling the screen`, async function () {
        this.timeout(10000);
        const h = slideOf(tag);
        await go(h);
        const el = widgetsOn(slides()[h])[0];
        const button = el.shadowRoot.querySelector<HTMLElement>('button.fullscreen');
        expect(button, 'button.fullscreen').to.exist;
        const r = button!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        expect(inside(r, viewport()) && inside(r, box), `button.fullscreen ${describeRect(r)} on screen, inside the widget ${describeRect(box)}`).to.equal(true);
        await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
        try {
          await waitUntil(() => doc.fullscreenElement === el || refused(el), 'neither full screen nor a message', { timeout: 3000 });
          // Headless Chromium grants full screen to a real click (the iframe has allow="fullscreen"); were it
          // refused, the widget would say so in its live region instead of failing silently.
          expect(doc.fullscreenElement === el, `not full screen; the widget says: „${liveText(el)}“`).to.equal(true);
          const r = el.getBoundingClientRect();
          expect(Math.round(r.width) === W && Math.round(r.height) === H, `the widget fills the screen: ${describeRect(r)}`).to.equal(true);
          expect(at()).to.equal(h);
        } finally {
          await resetMouse();
          if (doc.fullscreenElement) await doc.exitFullscreen();
          await waitUntil(() => !doc.fullscreenElement, 'full screen did not end', { timeout: 3000 });
        }
        await drawn(el);
      });
    }

    it("'f' with the focus in a widget: the widget goes full screen, not the deck", async function () {
      this.timeout(10000);
      const h = slideOf('sozialraum-map');
      await go(h);
      const el = widgetOf('sozialraum-map');
      await focusInside(el);
      try {
        await press('f');
        await waitUntil(() => !!doc.fullscreenElement || refused(el), "'f' did nothing", { timeout: 3000 });
        expect(doc.fullscreenElement !== doc.documentElement, 'reveal.js took the key: the deck went full screen').to.equal(true);
        expect(doc.fullscreenElement === el, `not full screen; the widget says: „${liveText(el)}“`).to.equal(true);
        expect(at()).to.equal(h);
      } finally {
        if (doc.fullscreenElement) await doc.exitFullscreen();
        await waitUntil(() => !doc.fullscreenElement, 'full screen did not end', { timeout: 3000 });
      }
      await drawn(el);
    });
  });

  describe('steps (mode="steps") on every element', () => {
    it('the stepping slide: a clicker (PageDown) goes through every step, then on to the next slide', async function () {
      this.timeout(15000);
      const h = steppingSlide();
      await go(h);
      const el = widgetsOn(slides()[h]).find((w) => w.getAttribute('mode') === 'steps')!;
      const total = Number(/von (\d+)/.exec(stepCount(el))?.[1]);
      expect(total, stepCount(el)).to.be.at.least(2);
      el.current = 1;
      await el.updateComplete;
      const events: { current: number; total: number }[] = [];
      const onStep = (e: Event) => events.push((e as CustomEvent).detail);
      el.addEventListener('widget-step', onStep);
      try {
        await focusInside(el);
        let presses = 0;
        while (at() === h && presses <= total + 1) {
          await press('PageDown');
          presses++;
        }
        expect(presses, 'PageDown presses until the next slide').to.equal(total);
        expect(events.map((d) => d.current)).to.deep.equal(Array.from({ length: total - 1 }, (_, k) => k + 2));
        expect(focusOnHiddenSlide()).to.equal(false);
      } finally {
        el.removeEventListener('widget-step', onStep);
        el.current = 1;
      }
    });

    for (const tag of TAGS) {
      it(`<${tag}>: PageDown steps (current, counter, widget-step), End, then PageDown goes on to the deck`, async function () {
        this.timeout(15000);
        const h = slideOf(tag);
        await go(h);
        const el = widgetsOn(slides()[h])[0];
        el.setAttribute('mode', 'steps');
        el.setAttribute('current', '1');
        try {
          await waitUntil(() => el.shadowRoot.querySelector('.steps .step-count'), `<${tag}> shows no step bar`, { timeout: 3000 });
          await drawn(el);
          expect(el.shadowRoot.querySelector('.steps button.step-prev')).to.exist;
          expect(el.shadowRoot.querySelector('.steps button.step-next')).to.exist;
          const before = stepCount(el);
          const total = Number(/^Schritt 1 von (\d+)/.exec(before)?.[1]);
          expect(total, `counter „${before}“`).to.be.at.least(2);
          const events: { current: number; total: number }[] = [];
          const onStep = (e: Event) => events.push((e as CustomEvent).detail);
          el.addEventListener('widget-step', onStep);
          try {
            await focusInside(el);
            await press('PageDown');
            await waitUntil(() => el.current === 2, `PageDown did not step <${tag}>`, { timeout: 2000 });
            expect(at(), 'the step changed the slide').to.equal(h);
            expect(el.getAttribute('current'), 'current is reflected').to.equal('2');
            await el.updateComplete;
            expect(stepCount(el)).to.match(new RegExp(`^Schritt 2 von ${total}\\b`));
            expect(events.at(-1)).to.deep.include({ current: 2, total });
            await press('End');
            await waitUntil(() => el.current === total, `End did not go to the last step of <${tag}>`, { timeout: 2000 });
            expect(at()).to.equal(h);
            await press('Home');
            await waitUntil(() => el.current === 1, `Home did not go to the first step of <${tag}>`, { timeout: 2000 });
            expect(at()).to.equal(h);
            // Tab must find the chart at step 1: its tab stop is a shown item, not one of a later step.
            const stop = chartTabStop(el);
            expect(!!stop && shown(stop), `the chart's tab stop at step 1 is hidden: <${stop?.localName} class="${stop?.getAttribute('class')}">`).to.equal(true);
            await press('End');
            await waitUntil(() => el.current === total, `End did not go to the last step of <${tag}>`, { timeout: 2000 });
            await press('PageDown');
            await waitUntil(() => at() === h + 1, `PageDown at the last step of <${tag}> did not reach the deck`, { timeout: 2000 });
            expect(focusOnHiddenSlide()).to.equal(false);
          } finally {
            el.removeEventListener('widget-step', onStep);
          }
        } finally {
          el.removeAttribute('mode');
          el.removeAttribute('current');
        }
      });
    }
  });
});

describe('deck: accessibility of a widget in presentation mode', () => {
  it('passes axe: <indicator-bar fit presentation mode="steps"> in a slide-sized box', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>
      <indicator-bar fit presentation mode="steps" src="/data/indicators/sgb2-arbeitslosigkeit.json" indicator="sgb2-quote-2020-12" heading-level="3"></indicator-bar>
    </div>`);
    Object.assign(box.style, { width: '1824px', height: '900px' });
    const el = box.querySelector('indicator-bar')!;
    await settled(el);
    // The deck's iframe lies over the page: out of the way, so that axe sees the colours of the widget itself.
    frame.style.visibility = 'hidden';
    try {
      await expect(el).to.be.accessible();
    } finally {
      frame.style.visibility = '';
    }
  });
});
