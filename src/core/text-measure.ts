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
/** Widths by font, then by text: no key string is built for a lookup (a map's names are looked up thousands of times). */
const widths = new Map<string, Map<string, number>>();
let cached = 0;

/** Numbers, units and signs: summed from cached glyph widths instead of one canvas call per label. */
const NUMERIC = /^[\d.,\s\u00a0\u202f%€+\-−–≈*()?]*$/;

export function textWidth(text: string, font: string): number {
  if (text.length > 1 && NUMERIC.test(text)) {
    let sum = 0;
    for (const ch of text) sum += textWidth(ch, font);
    return sum;
  }
  if (cached > 5000) {
    widths.clear();
    cached = 0;
  }
  let byText = widths.get(font);
  if (!byText) widths.set(font, (byText = new Map()));
  let width = byText.get(text);
  if (width === undefined) {
    if (context === undefined) context = document.createElement('canvas').getContext('2d');
    if (context && contextFont !== font) context.font = contextFont = font;
    width = context ? context.measureText(text).width : text.length * 0.6 * (parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '16') || 16);
    byText.set(text, width);
    cached++;
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
  const { lines, rest } = breakLines(text, maxWidth, font, maxLines);
  let truncated = rest;
  // A single token can itself be too wide: cut it with an ellipsis too.
  for (let k = 0; k < lines.length; k++) {
    if (textWidth(lines[k], font) > maxWidth || (truncated && k === lines.length - 1)) {
      lines[k] = ellipsize(lines[k], maxWidth, font);
      truncated = true;
    }
  }
  return { lines, truncated, width: Math.max(...lines.map((l) => textWidth(l, font))) };
}

/**
 * The lines wrapText gives where it need not cut anything; undefined where it would have to. For callers that
 * rather try other room than cut a name (the map's tiles try nine): wrapText's ellipsis costs measurements.
 */
export function fitLines(text: string, maxWidth: number, font: string, maxLines: number): { lines: string[]; width: number } | undefined {
  const whole = textWidth(text, font);
  if (whole <= maxWidth) return { lines: [text], width: whole };
  const { lines, rest } = breakLines(text, maxWidth, font, maxLines);
  if (rest) return undefined;
  let width = 0;
  for (const line of lines) {
    const w = textWidth(line, font);
    if (w > maxWidth) return undefined;
    width = Math.max(width, w);
  }
  return { lines, width };
}

/** Greedy line breaking after spaces, slashes and hyphens; `rest`: more text than fits into `maxLines` lines. */
function breakLines(text: string, maxWidth: number, font: string, maxLines: number): { lines: string[]; rest: boolean } {
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
    return { lines, rest: false };
  }
  return { lines, rest: i < tokens.length || line !== '' };
}

/**
 * The longest start of `text` that fits with "…" after it (at least one character). A longer start is never
 * narrower, so the length is found by halving the range rather than letter by letter: each try is a
 * measurement, and on a cold cache a canvas call.
 */
function ellipsize(text: string, maxWidth: number, font: string): string {
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${text.slice(0, mid)}…`, font) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}
