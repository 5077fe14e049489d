import { wrapText } from './text-measure.js';
import { slug, type Lang } from './i18n.js';
import { readLocaleNumber } from './format.js';

/**
 * Downloads for journalists: the data as CSV, the chart as SVG or PNG. Everything is produced in the
 * browser from what is on screen; nothing is uploaded anywhere.
 */

export interface TableCell {
  text: string;
  /** The plain value for CSV: a number stays a number, null is an empty cell. */
  raw?: number | string | null;
}

export interface TableRow {
  cells: TableCell[];
  className?: string;
}

export interface TableModel {
  caption: string;
  columns: Array<{ label: string; numeric?: boolean }>;
  rows: TableRow[];
}

/**
 * A cell that a spreadsheet would run as a formula (CSV injection, OWASP): one that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return — also after leading spaces, which importers may trim, and in the
 * full-width forms some Excel versions accept.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** Nothing but a sign, digits and separators ("-3,2", "−3.2", "1.234,5"): a number, never a formula. */
const PLAIN_NUMBER = /^[-+\u2212]?\d[\d.,\u00a0\u202f ]*$/;

/** A number as the CSV's spreadsheet reads it: "-3,2" in German, "-3.2" in English. */
const csvNumber = (n: number, lang: Lang) => (lang === 'de' ? String(n).replace('.', ',') : String(n));

/**
 * CSV as spreadsheets of the reader's language expect it: `;` and decimal comma in German, `,` and point in English.
 *
 * Cells that would start a formula are neutralised the OWASP way: a leading `'` and always quoted
 * (`=HYPERLINK(…)` arrives as the text `'=HYPERLINK(…)`). Numbers are told apart from such text by what the
 * library knows, not by their first character:
 *  - a cell whose value (`raw`) is a number is written as a number, negative or not ("-3,2");
 *  - a text cell in a numeric column (`columns[i].numeric`) that is a plain number as the library formats
 *    it ("-3,2", "−3.2" with a Unicode minus, "1.234,5") is read and written as a number the same way;
 *  - a text cell elsewhere that is a plain number (sign, digits, separators only) cannot be a formula and is
 *    kept as it is;
 *  - every other text — cells, column labels, the source line — that starts with `=`, `+`, `-`, `@`, a tab or
 *    a carriage return gets the `'`.
 */
export function tableToCsv(model: TableModel, lang: Lang, sourceLine: string): string {
  const sep = lang === 'de' ? ';' : ',';
  const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const plain = (s: string) => (/[";,\n\r]/.test(s) ? quoted(s) : s);
  const quote = (s: string) => (FORMULA_START.test(s) ? quoted(`'${s}`) : plain(s));
  const cell = (c: TableCell, column: number) => {
    const raw = c.raw === undefined ? c.text : c.raw;
    if (raw === null) return '';
    if (typeof raw === 'number') return csvNumber(raw, lang);
    if (PLAIN_NUMBER.test(raw)) {
      if (!model.columns[column]?.numeric) return plain(raw);
      const value = readLocaleNumber(raw.replace(/\u2212/g, '-'), lang)?.value;
      if (value !== undefined && Number.isFinite(value)) return csvNumber(value, lang);
    }
    return quote(raw);
  };
  const lines = [model.columns.map((c) => quote(c.label)).join(sep), ...model.rows.map((r) => r.cells.map(cell).join(sep))];
  if (sourceLine) lines.push('', quote(sourceLine));
  // The byte-order mark makes Excel read umlauts correctly.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function fileName(title: string, extension: string): string {
  let base = slug(title) || 'diagramm';
  // Long titles are cut at a word boundary.
  if (base.length > 80) base = base.slice(0, 81).replace(/-[^-]*$/, '');
  return `${base}.${extension}`;
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const COPIED_STYLES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  // The halo behind labels is their own stroke painted first: without it the stroke covers the text.
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/**
 * Text for XML character data and double- or single-quoted attribute values. Characters XML 1.0 does not
 * allow (control characters, lone surrogates) are dropped, so the file always parses.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    // A surrogate pair stays, a lone surrogate goes (no lookbehind: Safari before 16.4 cannot parse it).
    .replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A colour from the page (a custom property such as `--srw-text`) for the file, or `fallback`. Only a
 * colour the browser accepts as one (`CSS.supports('color', …)`), of letters, digits, `#`, brackets,
 * `.,%/+-` and spaces, with no reference to anything else (var(), env(), attr(), url(), CSS-wide keywords,
 * currentColor): whatever a page puts into the property cannot leave the attribute or the declaration.
 */
export function safeColour(value: string | null | undefined, fallback: string): string {
  const v = (value ?? '').trim();
  if (!v || v.length > 200 || !/^[#\w\s().,%/+-]+$/.test(v)) return fallback;
  if (/\b(?:var|env|attr|url|image|element|paint)\s*\(/i.test(v)) return fallback;
  if (/^(?:inherit|initial|unset|revert|revert-layer|currentcolor|auto|none)$/i.test(v)) return fallback;
  return typeof CSS !== 'undefined' && CSS.supports('color', v) ? v : fallback;
}

/**
 * A computed value for the file's style text. Values come from getComputedStyle (the browser's own
 * serialisation, so they cannot end the declaration); a paint that refers to anything but a pattern or
 * gradient of the image itself (`url("#missing")`) is left out — an image that loads from elsewhere
 * would break the promise of no third-party requests.
 */
function styleValue(property: string, value: string): string | undefined {
  const refs = value.match(/url\((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^)]*)\)/gi) ?? [];
  if (refs.some((r) => !/^url\(\s*["']?#[\w.:-]*["']?\s*\)$/i.test(r))) return undefined;
  if (/[;{}]/.test(value.replace(/"(?:[^"\\]|\\.)*"/g, ''))) return undefined;
  return `${property}:${value}`;
}

/** The computed look of an element as style text (see COPIED_STYLES), ready for the file. */
function computedStyleText(source: Element): string {
  const style = getComputedStyle(source);
  return COPIED_STYLES.flatMap((p) => styleValue(p, style.getPropertyValue(p)) ?? []).join(';');
}

/** Attributes that are the page's business, not the image's. */
const DROPPED_ATTRIBUTES = new Set(['class', 'tabindex', 'part', 'style']);

/** An attribute as written into the file, or undefined to leave it out. */
function attributeMarkup(attr: Attr): string | undefined {
  const name = attr.name;
  if (DROPPED_ATTRIBUTES.has(name) || /^on/i.test(name) || /^xmlns(:|$)/.test(name)) return undefined;
  if (!/^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/.test(name)) return undefined;
  if (attr.namespaceURI && attr.namespaceURI !== XLINK_NS && attr.prefix !== 'xml') return undefined;
  if (attr.localName === 'href' && !attr.value.trim().startsWith('#')) return undefined;
  return `${name}="${escapeXml(attr.value)}"`;
}

/**
 * The SVG markup of an element of the page and its descendants, with their computed look as style text.
 * Built as a string: no node is cloned or changed in the page's document. (A `style` attribute set on any
 * node of the page's document — and, in Chromium, also of a document made by DOMParser or
 * document.implementation — is checked against the page's Content-Security-Policy; under `style-src 'self'`
 * each one is a violation report and is dropped.) Script, foreignObject and anything not SVG stay out.
 */
function elementMarkup(source: Element, own: Record<string, string | number> = {}, dropped: string[] = []): string {
  const name = source.localName;
  if (source.namespaceURI !== SVG_NS || name === 'script' || name === 'foreignObject') return '';
  const attributes = [...source.attributes]
    .filter((a) => !(a.name in own) && !dropped.includes(a.name))
    .flatMap((a) => attributeMarkup(a) ?? []);
  for (const [key, value] of Object.entries(own)) attributes.push(`${key}="${escapeXml(String(value))}"`);
  const style = computedStyleText(source);
  if (style) attributes.push(`style="${escapeXml(style)}"`);
  let content = '';
  for (const node of source.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE) content += elementMarkup(node as Element);
    else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) content += escapeXml((node as CharacterData).data);
  }
  return `<${name}${attributes.map((a) => ` ${a}`).join('')}>${content}</${name}>`;
}

/** An element's words as one line (the text of an SVG symbol in it is empty). */
const lineText = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

export interface ExportFrame {
  title: string;
  subtitle?: string;
  source: string;
  /**
   * The widget: its font and colours, and what its page shows around the chart, which goes with it — the
   * legend as drawn (entries of the series shown, with their symbols; headings), the unit above the chart,
   * the numbered events and notes below. A map without its colour key cannot be read.
   */
  widget: Element;
}

/**
 * An <svg> of the page at (x, y) in the download, its look inlined. A legend symbol (`box`: its size on
 * the page, set by CSS) keeps that size, and its stroke may reach past its edge as on the page.
 */
function placed(source: SVGSVGElement, x: number, y: number, box?: DOMRect): string {
  const own = { x, y, ...(box && { width: box.width, height: box.height, overflow: 'visible' }) };
  return elementMarkup(source, own, ['role', 'aria-label']);
}

/** A finite number for an attribute (0 for NaN or infinity). */
const num = (n: number) => (Number.isFinite(n) ? n : 0);

/**
 * A standalone SVG document: title, legend, the chart, its notes and the source line, all text kept as text.
 * Every value from the page is escaped (text, attributes, style text) or, for colours, validated
 * (safeColour); the markup is a string, so exporting never puts a `style` attribute into the page's
 * document (no Content-Security-Policy report).
 */
export function exportSvg(chart: SVGSVGElement, frame: ExportFrame): { svg: string; width: number; height: number } {
  const style = getComputedStyle(frame.widget);
  const all = (selector: string) => [...frame.widget.shadowRoot!.querySelectorAll(selector)];
  const size = parseFloat(style.fontSize) || 16;
  const family = style.fontFamily;
  const background = safeColour(style.getPropertyValue('--srw-background'), '#ffffff');
  const text = safeColour(style.getPropertyValue('--srw-text'), '#1a1a1a');
  const muted = safeColour(style.getPropertyValue('--srw-muted'), '#575757');
  const margin = size;
  const chartWidth = chart.width.baseVal.value || chart.getBoundingClientRect().width;
  const chartHeight = chart.height.baseVal.value || chart.getBoundingClientRect().height;
  const width = Math.ceil(num(chartWidth) + 2 * margin);
  const inner = width - 2 * margin;
  const smallFont = `400 ${size * 0.875}px ${family}`;
  const lh = size * 1.35;
  let y = margin;
  const parts: string[] = [];
  const textAt = (x: number, line: string, font: string, colour: string) =>
    parts.push(`<text x="${num(x)}" y="${num(y)}" style="${escapeXml(`font:${font};fill:${colour}`)}">${escapeXml(line)}</text>`);
  /** Wrapped lines, as many as the text needs: a download shows all the page shows. */
  const lines = (texts: string[], font: string, colour: string, step: number) => {
    for (const line of texts.flatMap((t) => wrapText(t, inner, font, 99).lines)) {
      y += step;
      textAt(margin, line, font, colour);
    }
  };
  lines([frame.title], `700 ${size * 1.15}px ${family}`, text, lh * 1.1);
  if (frame.subtitle) lines([frame.subtitle], smallFont, muted, lh * 0.9);
  // The legend flows in rows as on the page; a heading or an entry too long for a row gets rows of its own.
  let x = inner;
  for (const entry of all('.legend-title, .legend > li, .legend > [aria-pressed="true"]')) {
    const symbol = entry.querySelector<SVGSVGElement>(':scope > svg');
    const box = symbol?.getBoundingClientRect();
    const indent = box ? box.width + size * 0.35 : 0;
    const words = wrapText(lineText(entry), inner - indent, smallFont, 99);
    const alone = !symbol || words.lines.length > 1;
    if (alone || x + indent + words.width > inner) {
      x = 0;
      y += lh;
    }
    if (box) parts.push(placed(symbol!, margin + x, y - size * 0.4 - box.height / 2, box));
    words.lines.forEach((line, i) => {
      if (i) y += lh;
      textAt(margin + x + indent, line, smallFont, text);
    });
    x = alone ? inner : x + indent + words.width + size;
  }
  lines(all('.chart > .unit').map(lineText), smallFont, muted, lh);
  y += size * 0.75;
  const chartMarkup = placed(chart, margin, y);
  y += num(chartHeight) + size * 0.5;
  lines(all('.chart > .events > li, .notes > li').map(lineText), smallFont, text, lh * 0.9);
  lines([frame.source], smallFont, muted, lh * 0.9);
  const height = Math.ceil(y + margin);
  const svg =
    `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>${parts.join('')}${chartMarkup}</svg>`;
  return { svg, width, height };
}

/**
 * Render the exported SVG to a PNG at twice the size (sharp on high-density screens and in print). Rejects
 * when the browser cannot draw it (no canvas, image not decodable). The image is a data: URL: a page with a
 * Content-Security-Policy must allow `img-src 'self' data:` for PNG downloads (one img-src report otherwise;
 * the styles inside the image are not the page's, so style-src does not apply to them).
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  try {
    await img.decode();
  } catch {
    // The one thing a strict Content-Security-Policy blocks here: `default-src 'self'` without `img-src data:`.
    throw new Error('PNG: the browser could not draw the image (a Content-Security-Policy needs img-src data:)');
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(Error('PNG'))), 'image/png'));
}
