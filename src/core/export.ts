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
  target.removeAttribute('class');
  target.removeAttribute('tabindex');
  target.removeAttribute('part');
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

export interface ExportFrame {
  title: string;
  subtitle?: string;
  source: string;
  /** Element whose font and colours the export uses. */
  styleFrom: Element;
}

/** A standalone SVG document: title, the chart, and the source line, all text kept as text. */
export function exportSvg(chart: SVGSVGElement, frame: ExportFrame): { svg: string; width: number; height: number } {
  const style = getComputedStyle(frame.styleFrom);
  const size = parseFloat(style.fontSize) || 16;
  const family = style.fontFamily;
  const background = style.getPropertyValue('--srw-background').trim() || '#ffffff';
  const text = style.getPropertyValue('--srw-text').trim() || '#1a1a1a';
  const muted = style.getPropertyValue('--srw-muted').trim() || '#575757';
  const margin = size;
  const chartWidth = chart.width.baseVal.value || chart.getBoundingClientRect().width;
  const chartHeight = chart.height.baseVal.value || chart.getBoundingClientRect().height;
  const width = Math.ceil(chartWidth + 2 * margin);
  const titleFont = `700 ${size * 1.15}px ${family}`;
  const smallFont = `400 ${size * 0.875}px ${family}`;
  const titleLines = wrapText(frame.title, width - 2 * margin, titleFont, 3).lines;
  const subtitleLines = frame.subtitle ? wrapText(frame.subtitle, width - 2 * margin, smallFont, 4).lines : [];
  const sourceLines = wrapText(frame.source, width - 2 * margin, smallFont, 4).lines;
  const lh = size * 1.35;
  let y = margin;
  const parts: string[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const line of titleLines) {
    y += lh * 1.1;
    parts.push(`<text x="${margin}" y="${y}" style="font:${esc(titleFont)};fill:${text}">${esc(line)}</text>`);
  }
  for (const line of subtitleLines) {
    y += lh * 0.9;
    parts.push(`<text x="${margin}" y="${y}" style="font:${esc(smallFont)};fill:${muted}">${esc(line)}</text>`);
  }
  y += size * 0.75;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, clone);
  clone.setAttribute('x', String(margin));
  clone.setAttribute('y', String(y));
  clone.removeAttribute('role');
  clone.removeAttribute('aria-label');
  const chartMarkup = new XMLSerializer().serializeToString(clone);
  y += chartHeight + size * 0.5;
  for (const line of sourceLines) {
    y += lh * 0.9;
    parts.push(`<text x="${margin}" y="${y}" style="font:${esc(smallFont)};fill:${muted}">${esc(line)}</text>`);
  }
  const height = Math.ceil(y + margin);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${esc(background)}"/>${parts.join('')}${chartMarkup}</svg>`;
  return { svg, width, height };
}

/** Render the exported SVG to a PNG at twice the size (sharp on high-density screens and in print). */
export function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no canvas'));
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no png'))), 'image/png');
    };
    img.onerror = () => reject(new Error('svg could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
