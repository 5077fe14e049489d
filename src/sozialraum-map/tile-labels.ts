import { boxesMeet, clipSegment, type TextBox } from '../core/line-gaps.js';
import { fitLines } from '../core/text-measure.js';

/**
 * Names on the map's areas. An area is named where its name fits inside it — in one, two or three lines,
 * tested against the area's own outline (a hexagon of the tile map, or a real boundary), so that no name
 * runs over a border. Where the name does not fit, the area gets a number, and the numbers are listed
 * with their names under the map: every area can be found by name at every width.
 */

export type Ring = Array<[number, number]>;

export interface TileLabel {
  lines: string[];
  /** The middle of the first line (the text is drawn with dominant-baseline="central"). */
  x: number;
  y: number;
  /** A number standing for the name (see `numberShortForms`). */
  short?: boolean;
  /** The text's box, with the room kept around it. */
  box: TextBox;
  /** A number outside its area: the line from the area's middle to it. */
  leader?: [number, number, number, number];
}

/** The rings of a (Multi)Polygon, each point put through `to` (plane to screen). */
export function ringsOf(g: GeoJSON.Geometry, to: (x: number, y: number) => [number, number]): Ring[] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.flatMap((p) => p.map((ring) => ring.map(([x, y]) => to(x, y))));
}

/** Even–odd rule over all rings (holes included). */
function contains(rings: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0];
      const yi = ring[i][1];
      const xj = ring[j][0];
      const yj = ring[j][1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Whether a side of the outline passes through the box. */
function crossed(rings: Ring[], box: TextBox): boolean {
  // Plain loops: called for every way a name is tried in every area, some thousand sides per map.
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) if (clipSegment(box, ring[j][0], ring[j][1], ring[i][0], ring[i][1])) return true;
  }
  return false;
}

/**
 * The first way `text` fits inside the outline: fewer lines first, at the box's middle, or for a real
 * boundary (`anywhere`: its middle may lie outside, or be narrow) at the points of a grid over the box,
 * nearest the middle first. `size`: the font size, `line`: the line height, `box`: the area's bounding
 * box on screen, `pad`: the room kept from the border (its stroke and a selection's).
 */
export function fitLabel(text: string, rings: Ring[], box: [number, number, number, number], anywhere: boolean, font: string, size: number, line: number, pad = 2): TileLabel | undefined {
  const [bx0, by0, bx1, by1] = box;
  const [cx, cy] = [(bx0 + bx1) / 2, (by0 + by1) / 2];
  const w = bx1 - bx0;
  const h = by1 - by0;
  const spots: Array<[number, number]> = [[cx, cy]];
  if (anywhere) {
    for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) spots.push([bx0 + (w * i) / 8, by0 + (h * j) / 8]);
    spots.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  }
  const seen = new Set<string>();
  // The name broken for each width once (whole names only: a cut one is never placed); fewer lines are tried
  // first. A width whose breaking needs n lines is a way with n lines, and with no other number.
  const ways = [w, w * 0.75, w * 0.55].map((max) => fitLines(text, max, font, 3));
  for (let n = 1; n <= 3; n++) {
    for (const wrapped of ways) {
      const key = wrapped?.lines.join('\n') ?? '';
      if (!wrapped || wrapped.lines.length !== n || seen.has(key)) continue;
      seen.add(key);
      const half = wrapped.width / 2 + pad;
      const height = (n - 1) * line + size * 1.24 + 2 * pad;
      for (const [x, y] of spots) {
        const box = { x0: x - half, y0: y - height / 2, x1: x + half, y1: y + height / 2 };
        if (contains(rings, x, y) && !crossed(rings, box)) return { lines: wrapped.lines, x, y: y - ((n - 1) * line) / 2, box };
      }
    }
  }
  return undefined;
}

/**
 * Numbers for the areas whose names did not fit, in reading order (rows from the top, each from the
 * left), so that the list under the map runs the way the eye reads the map. Returns the areas in the
 * order of their numbers.
 */
export function numberShortForms<T extends { cx: number; cy: number }>(areas: T[], rowHeight: number): T[] {
  const row = (a: T) => Math.round(a.cy / rowHeight);
  return [...areas].sort((a, b) => row(a) - row(b) || a.cx - b.cx);
}

/**
 * Numbers for areas too small to hold one (real boundaries on a narrow screen): outside the city, at the
 * free place nearest the area, joined to its middle by a thin line that crosses no label. Returns a
 * function placing one such number (`w` × `h`), or undefined where no place is free; `taken`: the labels
 * placed so far, which it adds to.
 */
export function callouts(areas: Ring[][], width: number, height: number, taken: TextBox[]) {
  const boxes = areas.map((rings) => {
    const xs = rings.flat().map((p) => p[0]);
    const ys = rings.flat().map((p) => p[1]);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  });
  // Outside every area: no border through it, its middle in none.
  const outside = (b: TextBox) => areas.every((rings, i) => !boxesMeet(boxes[i], b) || (!crossed(rings, b) && !contains(rings, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)));
  const leaders: Array<[number, number, number, number]> = [];
  return (cx: number, cy: number, w: number, h: number): { x: number; y: number; box: TextBox; leader: [number, number, number, number] } | undefined => {
    for (let d = h; d < width + height; d += 8) {
      for (let a = 0; a < 24; a++) {
        const [x, y] = [cx + d * Math.cos((a * Math.PI) / 12), cy + d * Math.sin((a * Math.PI) / 12)];
        const box = { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height || taken.some((t) => boxesMeet(t, box)) || leaders.some((l) => clipSegment(box, ...l)) || !outside(box)) continue;
        const enter = clipSegment(box, cx, cy, x, y)![0];
        const leader: [number, number, number, number] = [cx, cy, cx + (x - cx) * enter, cy + (y - cy) * enter];
        if (taken.some((t) => clipSegment(t, ...leader))) continue;
        taken.push(box);
        leaders.push(leader);
        return { x, y, box, leader };
      }
    }
    return undefined;
  };
}
