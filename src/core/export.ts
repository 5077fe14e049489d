import { wrapText } from './text-measure.js';
import { slug, type Lang } from './i18n.js';

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

/** CSV as spreadsheets of the reader's language expect it: `;` and decimal comma in German, `,` and point in English. */
export function tableToCsv(model: TableModel, lang: Lang, sourceLine: string): string {
  const sep = lang === 'de' ? ';' : ',';
  const quote = (s: string) => (/[";,\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (c: TableCell) => {
    const raw = c.raw === undefined ? c.text : c.raw;
    if (raw === null) return '';
    if (typeof raw === 'number') return lang === 'de' ? String(raw).replace('.', ',') : String(raw);
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

/** Copy the computed look of every node into inline styles, so the SVG looks the same outside the page. */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  const inline = COPIED_STYLES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', inline);
  for (const name of ['class', 'tabindex', 'part']) target.removeAttribute(name);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
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
  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone);
  const attributes = { x, y, ...(box && { width: box.width, height: box.height, overflow: 'visible' }) };
  for (const [name, value] of Object.entries(attributes)) clone.setAttribute(name, String(value));
  for (const name of ['role', 'aria-label']) clone.removeAttribute(name);
  return new XMLSerializer().serializeToString(clone);
}

/** A standalone SVG document: title, legend, the chart, its notes and the source line, all text kept as text. */
export function exportSvg(chart: SVGSVGElement, frame: ExportFrame): { svg: string; width: number; height: number } {
  const style = getComputedStyle(frame.widget);
  const all = (selector: string) => [...frame.widget.shadowRoot!.querySelectorAll(selector)];
  const size = parseFloat(style.fontSize) || 16;
  const family = style.fontFamily;
  const background = style.getPropertyValue('--srw-background').trim() || '#ffffff';
  const text = style.getPropertyValue('--srw-text').trim() || '#1a1a1a';
  const muted = style.getPropertyValue('--srw-muted').trim() || '#575757';
  const margin = size;
  const chartWidth = chart.width.baseVal.value || chart.getBoundingClientRect().width;
  const chartHeight = chart.height.baseVal.value || chart.getBoundingClientRect().height;
  const width = Math.ceil(chartWidth + 2 * margin);
  const inner = width - 2 * margin;
  const smallFont = `400 ${size * 0.875}px ${family}`;
  const lh = size * 1.35;
  let y = margin;
  const parts: string[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const textAt = (x: number, line: string, font: string, colour: string) =>
    parts.push(`<text x="${x}" y="${y}" style="font:${esc(font)};fill:${colour}">${esc(line)}</text>`);
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
  y += chartHeight + size * 0.5;
  lines(all('.chart > .events > li, .notes > li').map(lineText), smallFont, text, lh * 0.9);
  lines([frame.source], smallFont, muted, lh * 0.9);
  const height = Math.ceil(y + margin);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${esc(background)}"/>${parts.join('')}${chartMarkup}</svg>`;
  return { svg, width, height };
}

/**
 * Render the exported SVG to a PNG at twice the size (sharp on high-density screens and in print). Rejects
 * when the browser cannot draw it (no canvas, image not decodable).
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(Error('PNG'))), 'image/png'));
}
