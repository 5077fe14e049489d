/**
 * Measuring and wrapping text for SVG charts. SVG text does not wrap by itself; measuring with a canvas
 * in the element's own font keeps long German names ("Kirchhörde/Löttringhausen/Lücklemberg") inside
 * their column at every width and font size. Widths are cached. One canvas context serves every font:
 * creating a context costs about as much as the first measurement in a font (1–3 ms each on a slow
 * machine), while assigning `context.font` again costs little; it is only assigned when it changes.
 */

/** undefined: not tried yet; null: this browser gives no 2D context (then widths are estimated). */
let context: CanvasRenderingContext2D | null | undefined;
/** The font last assigned as given (the context's `font` reads back normalised, so it cannot be compared). */
let contextFont = '';
const widths = new Map<string, number>();

/** Numbers, units and signs: summed from cached glyph widths instead of one canvas call per label. */
const NUMERIC = /^[\d.,\s\u00a0\u202f%€+\-−–≈*()?]*$/;

export function textWidth(text: string, font: string): number {
  if (text.length > 1 && NUMERIC.test(text)) {
    let sum = 0;
    for (const ch of text) sum += textWidth(ch, font);
    return sum;
  }
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (context === undefined) context = document.createElement('canvas').getContext('2d');
    if (context && contextFont !== font) context.font = contextFont = font;
    width = context ? context.measureText(text).width : text.length * 0.6 * (parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '16') || 16);
    if (widths.size > 5000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/** The CSS font shorthand an element's text is drawn in, with its size (px) and family for other fonts. */
export function fontOf(el: Element): { font: string; size: number; family: string } {
  const style = getComputedStyle(el);
  const size = parseFloat(style.fontSize) || 16;
  const family = style.fontFamily;
  return { font: `${style.fontStyle} ${style.fontWeight} ${size}px ${family}`, size, family };
}

export interface WrappedText {
  lines: string[];
  /** True when the text had to be cut (the last line then ends with "…"). */
  truncated: boolean;
  /** Width of the widest line. */
  width: number;
}

/**
 * Break `text` into at most `maxLines` lines no wider than `maxWidth`, breaking after spaces, slashes
 * and hyphens.
 */
export function wrapText(text: string, maxWidth: number, font: string, maxLines = 2): WrappedText {
  const whole = textWidth(text, font);
  if (whole <= maxWidth) return { lines: [text], truncated: false, width: whole };
  const tokens = text.match(/[^\s/-]+[/-]?\s*|[\s/-]+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < tokens.length; i++) {
    const candidate = line + tokens[i];
    if (!line || textWidth(candidate.trimEnd(), font) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = tokens[i];
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    lines.push(line.trimEnd());
    line = '';
    i = tokens.length;
  }
  let truncated = i < tokens.length || line !== '';
  // A single token can itself be too wide: cut it with an ellipsis too.
  for (let k = 0; k < lines.length; k++) {
    if (textWidth(lines[k], font) > maxWidth || (truncated && k === lines.length - 1)) {
      lines[k] = ellipsize(lines[k], maxWidth, font);
      truncated = true;
    }
  }
  return { lines, truncated, width: Math.max(...lines.map((l) => textWidth(l, font))) };
}

function ellipsize(text: string, maxWidth: number, font: string): string {
  let s = text;
  while (s.length > 1 && textWidth(`${s}…`, font) > maxWidth) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}
