/**
 * Lines that stop short of the texts they would cross. A grid, axis, reference line or link through a
 * word makes it hard to read, halo or not; a line that pauses at a label and goes on after it is read as
 * one line behind the label. Charts place their texts first, then draw their lines around them.
 */

/** A text's box in its drawing's pixels. */
export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Two boxes share some area (touching edges do not count). */
export const boxesMeet = (a: TextBox, b: TextBox): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The box of one line of SVG text of `width` at (x, y): y is its baseline, or with `central` its middle
 * (dominant-baseline="central"); `size` its font size. Ascent and descent as common sans fonts have them.
 */
export function textBox(x: number, y: number, width: number, size: number, anchor: 'start' | 'middle' | 'end' = 'start', central = false): TextBox {
  const x0 = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
  return { x0, x1: x0 + width, y0: central ? y - size * 0.62 : y - size * 0.95, y1: central ? y + size * 0.62 : y + size * 0.25 };
}

/**
 * The part of the segment from (ax, ay) to (bx, by) inside the box grown by `pad` on every side, as
 * [t0, t1] along it (0 at a, 1 at b), or undefined where it does not meet the box (Liang–Barsky clipping).
 */
export function clipSegment(b: TextBox, ax: number, ay: number, bx: number, by: number, pad = 0): [number, number] | undefined {
  const x0 = b.x0 - pad;
  const y0 = b.y0 - pad;
  const x1 = b.x1 + pad;
  const y1 = b.y1 + pad;
  // A segment beside the box cannot meet it: most tested are (the sides of a map's areas, a network's
  // links, a grid line past the labels of a chart), and the clipping below costs more.
  if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) return undefined;
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  // Each side of the box narrows [t0, t1]: left, right, top, bottom (no arrays: called thousands of times a drawing).
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? ax - x0 : side === 1 ? x1 - ax : side === 2 ? ay - y0 : y1 - ay;
    if (p === 0) {
      if (q < 0) return undefined;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  return t0 <= t1 ? [t0, t1] : undefined;
}

/**
 * Path data of the line from (ax, ay) to (bx, by), in pieces between the boxes it would cross, `pad` px
 * clear of each; '' when nothing is left of it.
 */
export function lineAround(ax: number, ay: number, bx: number, by: number, boxes: TextBox[], pad = 2): string {
  const cuts = boxes
    .map((b) => clipSegment(b, ax, ay, bx, by, pad))
    .filter((c): c is [number, number] => !!c)
    .sort((p, q) => p[0] - q[0]);
  const length = Math.hypot(bx - ax, by - ay);
  const r = (v: number) => Math.round(v * 10) / 10;
  let d = '';
  let start = 0;
  const piece = (end: number) => {
    if ((end - start) * length > 0.5) d += `M${r(ax + (bx - ax) * start)},${r(ay + (by - ay) * start)}L${r(ax + (bx - ax) * end)},${r(ay + (by - ay) * end)}`;
  };
  for (const [t0, t1] of cuts) {
    piece(t0);
    start = Math.max(start, t1);
  }
  piece(1);
  return d;
}
