/**
 * The first drawing of each widget waits its turn, so that a page of many widgets loads without long
 * main-thread tasks (issue 16: none over 50 ms) and the widgets a reader sees come first:
 *   - at the end of the task that brought the data (the script's, for data in the page) — a page with a
 *     single chart draws it before its first paint — except in the script's task on a page of many
 *     widgets, which upgrades them all: then in a task of its own right after it;
 *   - one widget per frame: the next one is drawn after the browser has laid out and painted the last,
 *     so that the layout of several new charts never piles up in one frame;
 *   - widgets on screen or within a screen's height of it first (in the order their data arrived);
 *   - the others when they come near (scrolling), or else one by one when the page is idle, so that
 *     every chart is there for screen readers, find-in-page and links into the page without scrolling;
 *   - all at once before printing.
 * Until its turn a widget shows its loading state, which keeps the chart's room (no layout shift).
 */

import { later } from './later.js';

type Job = () => void;

const jobs = new Map<Element, Job>();
/** False for a widget the observer saw far from the screen; unknown (not yet observed) counts as near. */
const near = new WeakMap<Element, boolean>();
let observer: IntersectionObserver | undefined;
/** A task (or the end of the current one) that will pick the next widget is on its way. */
let scheduled = false;
/** Far widgets are waiting for the page to be idle. */
let idlePending = false;

/** The next widget in a task of its own: at once, or after the next frame (its layout and paint). */
function schedule(afterFrame: boolean): void {
  if (scheduled) return;
  scheduled = true;
  if (!afterFrame) return later(run);
  // A hidden page gets no frames, hence the timer as well.
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    later(run);
  };
  requestAnimationFrame(go);
  setTimeout(go, 100);
}

function run(): void {
  scheduled = false;
  const next = [...jobs.keys()].find((host) => near.get(host) !== false);
  if (next) return draw(next);
  if (!jobs.size || idlePending) return;
  // Only far widgets are waiting: one of them when the page has nothing else to do.
  idlePending = true;
  const whenIdle = () => {
    idlePending = false;
    const first = jobs.keys().next().value;
    if (first && !scheduled) draw(first);
  };
  // Safari has no requestIdleCallback.
  if ('requestIdleCallback' in window) requestIdleCallback(whenIdle, { timeout: 1000 });
  else setTimeout(whenIdle, 200);
}

/** A widget was drawn since the last frame: the next one waits for the frame. */
let drawnSinceFrame = false;

function draw(host: Element): void {
  const job = jobs.get(host)!;
  cancelFirstDrawing(host);
  job();
  if (!drawnSinceFrame) {
    drawnSinceFrame = true;
    requestAnimationFrame(() => (drawnSinceFrame = false));
  }
  if (jobs.size) schedule(true);
}

/** Draw `host` (by calling `job`) when its turn comes; a later call for the same host replaces its job. */
export function queueFirstDrawing(host: Element, job: Job): void {
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) near.set(e.target, e.isIntersecting);
        // A widget scrolled near jumps the idle queue.
        if (entries.some((e) => e.isIntersecting && jobs.has(e.target))) schedule(drawnSinceFrame);
      },
      // A screen's height above and below: drawn before the reader gets there.
      { rootMargin: '100% 0px' },
    );
    addEventListener('beforeprint', () => {
      for (const host of [...jobs.keys()]) draw(host);
    });
  }
  jobs.set(host, job);
  observer.observe(host);
  atTaskEnd();
}

/**
 * The task that runs the script upgrades every widget already in the page. With a few of them, the first
 * drawing is added to that task (at its end); with more, that task is long enough already. Counted, not
 * timed: a timed rule drew in a task of its own whenever the script happened to compile slowly — as it
 * does in the very load in which Chrome makes its code cache of the file, which then lacked the drawing
 * code and every later load compiled it again (about 15 ms).
 */
let inScriptTask = true;
let upgradedInScriptTask = 0;
later(() => (inScriptTask = false));
const FEW_WIDGETS = 3;

/**
 * A widget was created (see DataController). The decision at the end of the task is queued now, before
 * Lit's first update of the widget (queued when it connects): a widget drawn in this task then renders its
 * chart at once, instead of first a loading state that would never be painted, and whose layout the chart's
 * width measurement would pay for (about 3 ms for the map).
 */
export function widgetCreated(): void {
  atTaskEnd();
}

/** A widget was connected to the page (see DataController). */
export function widgetConnected(): void {
  if (inScriptTask) upgradedInScriptTask++;
}

/** At the end of the current task: draw the next widget in it, unless it is the script's task of many widgets. */
function atTaskEnd(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    if (drawnSinceFrame || (inScriptTask && upgradedInScriptTask > FEW_WIDGETS)) schedule(drawnSinceFrame);
    else run();
  });
}

/** The widget left the page before its turn (or has had it). */
export function cancelFirstDrawing(host: Element): void {
  jobs.delete(host);
  observer?.unobserve(host);
}
