/**
 * Light or dark: the widget matches the page it sits on, not only the reader's system. A light CMS page
 * read on a computer in dark mode keeps light widgets; a dark page gets dark ones. Explicit `theme`
 * (on the element or an ancestor) always wins. The result is the host's `data-srw-theme` attribute:
 * "light" or "dark", plus "boxed" where the widget's background stands out from the page's (it then
 * gets inner padding, so titles and buttons do not touch its edges).
 */

/** Relative luminance (WCAG) of a computed colour "rgb(r, g, b)" / "rgba(r, g, b, a)"; undefined when (nearly) transparent. */
function luminanceOf(colour: string): number | undefined {
  const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+%?))?/.exec(colour);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return undefined;
  const channel = (x: string) => {
    const c = parseFloat(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/** The parent in the page, across shadow roots (a widget inside another component). */
const up = (n: Element): Element | null => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);

/** Luminance of the widget's own backgrounds (#ffffff / #161616, see styles.ts). */
const WIDGET = { light: 1, dark: 0.008 };

export function pageTheme(el: Element): string {
  let explicit: string | undefined;
  for (let n: Element | null = el; n && !explicit; n = up(n)) {
    const t = n.getAttribute('theme');
    if (t === 'light' || t === 'dark') explicit = t;
  }
  // What the page paints behind the widget: the first ancestor with a background, else the canvas, which
  // is dark only where the page allows a dark scheme (color-scheme) and the reader's system is dark.
  let page: number | undefined;
  for (let n = up(el); n && page === undefined; n = up(n)) page = luminanceOf(getComputedStyle(n).backgroundColor);
  if (page === undefined) {
    const scheme = getComputedStyle(document.documentElement).colorScheme;
    const dark = /dark/.test(scheme) && (!/light/.test(scheme) || matchMedia('(prefers-color-scheme: dark)').matches);
    page = dark ? 0 : 1;
  }
  const theme = explicit ?? (page < 0.2 ? 'dark' : 'light');
  return Math.abs(page - WIDGET[theme as 'light' | 'dark']) > 0.1 ? `${theme} boxed` : theme;
}

/** Widgets on the page, told to look again when the page may have changed its colours. */
const watchers = new Set<() => void>();
let frame = 0;
let observer: MutationObserver | undefined;
const recheck = () => {
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(() => watchers.forEach((w) => w()));
};

/**
 * Call `check` now and whenever the page may have changed its colours: a dark-mode switch of the page
 * (a class, style or theme attribute anywhere), the reader's system, the page's style sheets arriving.
 * Returns the function that stops watching.
 */
export function watchPageTheme(check: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(recheck);
    observer.observe(document.documentElement, { subtree: true, attributeFilter: ['class', 'style', 'theme', 'data-theme', 'data-bs-theme'] });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', recheck);
    addEventListener('load', recheck, { once: true });
  }
  watchers.add(check);
  // Looked at in the next frame, all widgets of the page together and before anything is painted: one
  // style calculation for the page instead of one per widget while they are being drawn.
  recheck();
  return () => {
    watchers.delete(check);
    if (watchers.size) return;
    observer?.disconnect();
    observer = undefined;
    matchMedia('(prefers-color-scheme: dark)').removeEventListener('change', recheck);
  };
}
