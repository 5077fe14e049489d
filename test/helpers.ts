import { fixture, waitUntil } from '@open-wc/testing';

/** Shadow-root query helpers and waits that mirror what a reader sees. */

/** Made-up test data (never shipped): a small indicator of two Sozialräume that draws, as inline JSON. */
export const madeUpIndicator = JSON.stringify({
  title: 'Testindikator (erfundene Werte)',
  stichtag: '2020-12',
  source: { title: 'Testdaten' },
  values: [
    { area: 'Nette', value: 1 },
    { area: 'Hafen', value: 2 },
  ],
});

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

export function $(el: Element, selector: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(selector);
}

export function $$(el: Element, selector: string): HTMLElement[] {
  return Array.from(shadow(el).querySelectorAll<HTMLElement>(selector));
}

/**
 * Wait until the widget shows a chart or a message (not the loading state). `drawn` is what its chart
 * is made of: an SVG for the charts, the list (`ol`) for the timeline.
 */
export async function settled(el: Element, timeout = 5000, drawn = 'svg'): Promise<void> {
  await waitUntil(
    () => !!el.shadowRoot && !$(el, '.loading') && (!!$(el, drawn) || !!$(el, '.message')),
    `<${el.localName}> did not finish loading`,
    { timeout },
  );
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Render a widget and wait until it has drawn its chart or a message. */
export async function widget<T extends Element>(template: unknown, drawn = 'svg'): Promise<T> {
  const el = await fixture<T>(template);
  await settled(el, 5000, drawn);
  return el;
}

/** The body rows of the widget's data table, as the texts of their cells. */
export function tableCells(el: Element): string[][] {
  return $$(el, '.table-wrap tbody tr').map((tr) => Array.from(tr.children).map((c) => text(c)));
}

/** The rows of the data table, opening it first as a reader would (the first action button). */
export async function tableRows(el: Element): Promise<string[][]> {
  if (!$(el, '.table-wrap table')) {
    $(el, '.actions button')!.click();
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
  return tableCells(el);
}

export function items(el: Element): SVGGElement[] {
  return Array.from(shadow(el).querySelectorAll<SVGGElement>('g.item'));
}

export function labels(el: Element): string[] {
  return items(el).map((g) => g.getAttribute('aria-label') ?? '');
}

export function alertText(el: Element): string {
  return $(el, '[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function statusText(el: Element): string {
  return $(el, '.message[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Press a key on the focused element inside the widget, as a keyboard would. */
export function press(el: Element, key: string): void {
  const target = (shadow(el).activeElement ?? el) as HTMLElement;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** Hides a widget (width 0, as in a closed tab or <details>) and shows it again, letting it resize both times. */
export async function hideAndShow(el: HTMLElement): Promise<void> {
  for (const display of ['none', '']) {
    el.style.display = display;
    await new Promise((r) => setTimeout(r, 100));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
}

export interface HeldRequest {
  url: string;
  signal: AbortSignal;
  resolve: (body: unknown) => void;
}

/**
 * Replaces window.fetch by one whose answers the test releases by hand (`resolve`), recording each request's
 * URL and abort signal; `restore` puts the real fetch back. Like a server that answers anyway, an abort does
 * not reject: only the widget's own guard can drop a late answer.
 */
export function holdFetch(): { requests: HeldRequest[]; restore: () => void } {
  const realFetch = window.fetch;
  const requests: HeldRequest[] = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve) => {
      requests.push({ url: String(input), signal: init!.signal!, resolve: (body) => resolve(new Response(JSON.stringify(body))) });
    })) as typeof fetch;
  return { requests, restore: () => (window.fetch = realFetch) };
}

/**
 * Clicks one of the widget's download buttons ("CSV", "SVG", "PNG") and returns the file the browser would
 * save: its name and contents, caught at the link's click instead of being saved.
 */
export async function download(el: Element, button: string): Promise<{ name: string; blob: Blob }> {
  const realClick = HTMLAnchorElement.prototype.click;
  let caught: { name: string; href: string } | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) caught = { name: this.download, href: this.href };
    else realClick.call(this);
  };
  try {
    $$(el, '.actions button').find((b) => text(b) === button)!.click();
    await waitUntil(() => caught, `no ${button} download`, { timeout: 5000 });
  } finally {
    HTMLAnchorElement.prototype.click = realClick;
  }
  return { name: caught!.name, blob: await (await fetch(caught!.href)).blob() };
}

/** The lines of text of a downloaded SVG image, in document order. */
export async function svgLines(file: { blob: Blob }): Promise<{ lines: string[]; doc: Document }> {
  const doc = new DOMParser().parseFromString(await file.blob.text(), 'image/svg+xml');
  if (doc.querySelector('parsererror')) throw new Error('the SVG does not parse');
  return { lines: [...doc.querySelectorAll('text')].map((t) => text(t)), doc };
}

/** The straight pieces ("M x,y L x,y") of the widget's paths matching `selector`, as [x1, y1, x2, y2] in the drawing's pixels. */
export function straightPieces(el: Element, selector: string): number[][] {
  return $$(el, selector).flatMap((p) => [...(p.getAttribute('d') ?? '').matchAll(/M([-\d.]+),([-\d.]+)L([-\d.]+),([-\d.]+)/g)].map((m) => m.slice(1).map(Number)));
}

/** Whether the segment [x1, y1, x2, y2] passes through the box (shrunk by a pixel), sampled every half pixel. */
export function passesThrough([x1, y1, x2, y2]: number[], b: DOMRect): boolean {
  const n = Math.ceil(Math.hypot(x2 - x1, y2 - y1) * 2) || 1;
  for (let i = 0; i <= n; i++) {
    const [x, y] = [x1 + ((x2 - x1) * i) / n, y1 + ((y2 - y1) * i) / n];
    if (x > b.x + 1 && x < b.x + b.width - 1 && y > b.y + 1 && y < b.y + b.height - 1) return true;
  }
  return false;
}
