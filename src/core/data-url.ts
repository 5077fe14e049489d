/**
 * Where a widget's `src`, `geo` and `milestones` point. A relative address is relative to the page
 * (`document.baseURI`), like any link — unless the library's script tag names the data folder:
 * `<script src="…/sozialraum-widgets.js" data-base="https://statistik.example/daten/">`. Then relative
 * addresses are relative to that folder, and a pasted snippet keeps working when its page moves.
 */

// `document.currentScript` is set only while a classic script is being evaluated, so it is taken now, as
// the module is evaluated: in the single file (one classic script) that is the library's own tag. In ES
// modules it is null and the page's base applies. Loaded twice, the first copy's elements (and tag) win.
const libraryScript = typeof document === 'undefined' ? null : document.currentScript;

/** The base for relative data addresses: the script tag's `data-base` (itself relative to the page), else the page. */
export function dataBase(script: Element | null = libraryScript): string {
  const base = script?.getAttribute('data-base');
  if (base) {
    try {
      return new URL(base, document.baseURI).href;
    } catch {
      // Not an address at all: the page's base, as without data-base.
    }
  }
  return document.baseURI;
}

/**
 * The absolute address of a data file as an editor wrote it. Something that is no address at all
 * ("http://[") is returned as written: the request then fails and the widget names it.
 */
export function dataUrl(url: string, base = dataBase()): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
