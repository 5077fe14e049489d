/**
 * Where the nodes of a `<network-graph>` go: a force-directed layout that is deterministic — the same
 * data, width and font give the same picture on every load, so a screenshot or a slide does not change.
 *
 * Why not d3-force: its simulation, quadtree, collide and dispatch/timer cost 5.3 KB gzip in the single
 * file, more than this whole element may. This is the same model in a few dozen lines: velocity Verlet
 * with alpha decay and velocity decay as d3-force (300 ticks from alpha 1 to 0.001), links as springs
 * with d3's strength 1/min(degree) and bias, many-body repulsion (exact between neighbouring grid cells,
 * cell centres of mass beyond: a one-level Barnes–Hut), a pull to the centre (force) or to each node's
 * place on its ring (radial), and collision of boxes — a node's symbol with its label — so that labels
 * do not overlap. Start positions are a fixed phyllotaxis (force) or the ring places (radial); there is
 * no randomness at all. The tick count is fixed, so running the ticks in chunks (yielding to the page
 * between them) gives the same coordinates as running them at once.
 */
import { later } from '../core/later.js';

/** The space a node takes: its symbol and the label below it, as a box centred `dy` below the node. */
export interface Box {
  w: number;
  h: number;
  dy: number;
}

export interface GraphInput {
  boxes: Box[];
  /** Node index pairs; direction does not matter here. */
  links: ReadonlyArray<readonly [number, number]>;
  width: number;
  /** The height to aim for (a network fitted into a slide); else it follows from the room the labels need. */
  height?: number;
  /** Radial: each node's ring (hub 0, its neighbours 1, …); absent for the free layout. */
  rings?: number[];
}

export interface Placement {
  x: Float64Array;
  y: Float64Array;
  width: number;
  height: number;
}

export const TICKS = 300;
const PAD = 4;

/**
 * A node's radius for its weight: `r0` without one, up to r0 × √6 for the heaviest (the area grows with
 * the weight). Any weight from 0 to Number.MAX_VALUE gives a finite radius: where 5 × weight overflows
 * (from 3.6e307 on), the share weight / maxWeight is taken first.
 */
export function nodeRadius(r0: number, weight: number | undefined, maxWeight: number): number {
  if (weight === undefined || !(weight > 0) || !(maxWeight > 0) || !Number.isFinite(maxWeight)) return r0;
  const exact = (5 * weight) / maxWeight;
  const share = Number.isFinite(exact) ? exact : 5 * (weight / maxWeight);
  return r0 * Math.sqrt(1 + Math.min(5, Math.max(0, share)));
}

/**
 * A box the simulation can work with: finite, not negative, and at most `most` across (a symbol too
 * large for any reason must not turn the element's height into NaN and the graph into a blank box).
 */
function saneBox(b: Box, most: number): Box {
  const size = (v: number) => (v > 0 ? Math.min(v, most) : 0);
  const h = size(b.h);
  return { w: size(b.w), h, dy: Number.isFinite(b.dy) ? Math.max(-h, Math.min(h, b.dy)) : 0 };
}

/**
 * The simulation as a generator: one `yield` per step, the placement as its return value. Run it to
 * the end at once (`layoutNow`) or in slices (`sliced`): the result is the same.
 */
export function* simulate(input: GraphInput): Generator<Placement, Placement> {
  const { links, rings } = input;
  const W = Number.isFinite(input.width) && input.width > 0 ? input.width : 300;
  const height = input.height !== undefined && Number.isFinite(input.height) && input.height > 0 ? input.height : undefined;
  const boxes = input.boxes.map((b) => saneBox(b, 10 * W + 1000));
  const n = boxes.length;
  const f64 = (k = n) => new Float64Array(k);
  const [x, y, vx, vy, px, py, degree] = [f64(), f64(), f64(), f64(), f64(), f64(), f64()];
  const hw = Float64Array.from(boxes, (b) => b.w / 2);
  const hh = Float64Array.from(boxes, (b) => b.h / 2);
  const dy = Float64Array.from(boxes, (b) => b.dy);
  const order = Int32Array.from(boxes, (_, i) => i);

  /**
   * Every pair of overlapping boxes, found by sweeping along x (boxes sorted by left edge), pushed apart
   * along the axis of least overlap: with `k` < 1 by changing velocities (a soft force, as d3's collide),
   * with `k` = 1 by moving the boxes outright (the final clean-up); `vertical`: up and down only (where
   * the width's walls keep pushing boxes back together). Returns whether anything overlapped.
   */
  const collide = (x: Float64Array, y: Float64Array, k: number, vertical = false) => {
    order.sort((i, j) => x[i] - hw[i] - (x[j] - hw[j]) || i - j);
    let any = false;
    for (let a = 0; a < n; a++) {
      const i = order[a];
      for (let c = a + 1; c < n; c++) {
        const j = order[c];
        if (x[j] - hw[j] >= x[i] + hw[i]) break;
        const ex = x[i] - x[j];
        const ey = y[i] + dy[i] - y[j] - dy[j];
        const ox = hw[i] + hw[j] - Math.abs(ex);
        const oy = hh[i] + hh[j] - Math.abs(ey);
        if (ox <= 0 || oy <= 0) continue;
        any = true;
        // Push i away from j; where they coincide, by index, so that the result never depends on chance.
        const along = !vertical && ox < oy;
        const e = along ? ex : ey;
        const o = along ? ox : oy;
        const v = along ? vx : vy;
        const s = (e > 0 || (e === 0 && i > j) ? 1 : -1) * (k < 1 ? o * k : o / 2 + 0.5);
        v[i] += s;
        v[j] -= s;
      }
    }
    return any;
  };

  // The room the boxes need, spread over the width, gives the height to aim for.
  const area = boxes.reduce((s, b) => s + (b.w + 8) * (b.h + 8), 0);
  const H = height ?? Math.max(W * (W < 500 ? 1 : 0.6), (area * 2.2) / W);
  const cx = W / 2;
  const cy = H / 2;
  const size = boxes.reduce((s, b) => s + b.w + b.h, 0) / (2 * n || 1);
  const m = links.length;
  const ls = Int32Array.from(links, (l) => l[0]);
  const lt = Int32Array.from(links, (l) => l[1]);
  for (let l = 0; l < m; l++) {
    degree[ls[l]]++;
    degree[lt[l]]++;
  }
  // Links: d3-force's spring (strength 1/min(degree), bias by degree). Radial: the places on the rings
  // do the arranging; the links only hold neighbours together a little.
  const lk = Float64Array.from(links, ([s, t]) => (rings ? 0.15 : 1) / Math.min(degree[s], degree[t]));
  const lb = Float64Array.from(links, ([s, t]) => degree[s] / (degree[s] + degree[t]));
  // Springs long enough for two boxes.
  const dist = Math.max(size * 1.2, 24);
  // Repulsion strong enough that the nodes fill the room they have (d3's -30 for 30 px links).
  const charge = -Math.max(30, dist * dist * 0.06) * (rings ? 0.3 : 1);
  const tx = f64();
  const ty = f64();
  if (rings) {
    // Radial targets: the hub in the middle, every other node on its ring inside the sector of its
    // parent (the first neighbour on the ring inside), sectors sized by the number of leaves below
    // them. Unreachable nodes have the outermost ring and share it evenly.
    const parent = new Int32Array(n).fill(-1);
    for (const [s, t] of links) {
      if (rings[t] === rings[s] + 1 && parent[t] < 0) parent[t] = s;
      if (rings[s] === rings[t] + 1 && parent[s] < 0) parent[s] = t;
    }
    const kids: number[][] = rings.map(() => []);
    const roots: number[] = [];
    for (let i = 0; i < n; i++) (parent[i] >= 0 ? kids[parent[i]] : roots).push(i);
    const leaves = f64();
    const count = (i: number): number => (leaves[i] = kids[i].reduce((s, k) => s + count(k), 0) || 1);
    const max = Math.max(1, ...rings);
    const rx = W / 2 - size / 2;
    // A box of a given height (a network fitted into a slide): an ellipse whose labels stay inside it;
    // else a circle as wide as the element.
    const ry = height ? Math.max(size, (height - Math.max(...boxes.map((b) => b.h))) / 2 - PAD) : Math.max(W / 2, H / 2) - size / 2;
    // Each of `list` gets its share of the angle from a0 to a1, by leaves (of `total`), and places its kids in it.
    const place = (list: number[], a0: number, a1: number, total: number) => {
      let at = a0;
      for (const i of list) {
        const next = at + ((a1 - a0) * leaves[i]) / total;
        const a = (at + next) / 2 - Math.PI / 2;
        const f = rings[i] / max;
        tx[i] = cx + Math.cos(a) * rx * f;
        ty[i] = cy + Math.sin(a) * ry * f;
        place(kids[i], at, next, leaves[i]);
        at = next;
      }
    };
    place(roots, 0, 2 * Math.PI, roots.reduce((s, r) => s + count(r), 0));
  }
  for (let i = 0; i < n; i++) {
    if (rings) {
      // Nodes that share a place (children of one parent on a crowded ring) start apart by index.
      x[i] = tx[i] + (i % 7) - 3;
      y[i] = ty[i] + ((i * 3) % 5) - 2;
    } else {
      // d3-force's start: a phyllotaxis spiral around the centre, node by node in the file's order.
      const r = dist * 0.5 * Math.sqrt(0.5 + i);
      const a = i * Math.PI * (3 - Math.sqrt(5));
      x[i] = cx + r * Math.cos(a);
      y[i] = cy + r * Math.sin(a);
    }
  }
  const decay = 1 - Math.pow(0.001, 1 / TICKS);
  let alpha = 1;
  // Repulsion on a g × g grid: exact within the 3 × 3 cells around a node, cell centres of mass beyond.
  const g = Math.max(1, Math.round(Math.sqrt(Math.sqrt(9 * n))));
  const cells = g * g;
  const head = new Int32Array(cells);
  const next = new Int32Array(n);
  const cellOf = new Int32Array(n);
  const [mass, mx, my] = [f64(cells), f64(cells), f64(cells)];
  const pullX = rings ? 0.3 : 0.04 * Math.min(1.5, H / W);
  const pullY = rings ? 0.3 : 0.04 * Math.min(1.5, W / H);
  const wall = (i: number, v: number) => Math.min(W - hw[i] - PAD, Math.max(hw[i] + PAD, x[i] + v));
  // A given height (a network fitted into a slide) is a wall too: the boxes stay between top and bottom.
  const floor = (i: number, v: number) => (height ? Math.min(H - dy[i] - hh[i] - PAD, Math.max(hh[i] - dy[i] + PAD, y[i] + v)) : y[i] + v);
  const placement = (): Placement => ({ x, y, width: W, height: H });

  for (let tick = 0; tick < TICKS; tick++) {
    alpha += -alpha * decay;
    // Springs along the links.
    for (let l = 0; l < m; l++) {
      const s = ls[l];
      const t = lt[l];
      let ex = x[t] + vx[t] - x[s] - vx[s] || 1e-6;
      let ey = y[t] + vy[t] - y[s] - vy[s] || 1e-6;
      const len = Math.sqrt(ex * ex + ey * ey);
      const k = ((len - dist) / len) * alpha * lk[l];
      ex *= k;
      ey *= k;
      vx[t] -= ex * lb[l];
      vy[t] -= ey * lb[l];
      vx[s] += ex * (1 - lb[l]);
      vy[s] += ey * (1 - lb[l]);
    }
    // Repulsion.
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, x[i]);
      x1 = Math.max(x1, x[i]);
      y0 = Math.min(y0, y[i]);
      y1 = Math.max(y1, y[i]);
    }
    const cw = (x1 - x0) / g + 1e-9;
    const ch = (y1 - y0) / g + 1e-9;
    head.fill(-1);
    mass.fill(0);
    mx.fill(0);
    my.fill(0);
    for (let i = 0; i < n; i++) {
      const c = Math.min(g - 1, ((x[i] - x0) / cw) | 0) + g * Math.min(g - 1, ((y[i] - y0) / ch) | 0);
      cellOf[i] = c;
      next[i] = head[c];
      head[c] = i;
      mass[c]++;
      mx[c] += x[i];
      my[c] += y[i];
    }
    const strength = charge * alpha;
    for (let i = 0; i < n; i++) {
      const ci = cellOf[i] % g;
      const cj = (cellOf[i] / g) | 0;
      const xi = x[i];
      const yi = y[i];
      let fx = 0;
      let fy = 0;
      for (let c = 0; c < cells; c++) {
        const q = mass[c];
        if (!q) continue;
        const di = (c % g) - ci;
        const dj = ((c / g) | 0) - cj;
        if (di <= 1 && di >= -1 && dj <= 1 && dj >= -1) {
          for (let j = head[c]; j >= 0; j = next[j]) {
            if (j === i) continue;
            const ex = x[j] - xi;
            const ey = y[j] - yi;
            const w = strength / Math.max(ex * ex + ey * ey, 1);
            fx += ex * w;
            fy += ey * w;
          }
        } else {
          const ex = mx[c] / q - xi;
          const ey = my[c] / q - yi;
          const w = (strength * q) / Math.max(ex * ex + ey * ey, 1);
          fx += ex * w;
          fy += ey * w;
        }
      }
      // The pull: to the centre, stronger across the shorter side; or to the node's place on its ring.
      vx[i] += fx + ((rings ? tx[i] : cx) - xi) * pullX * alpha;
      vy[i] += fy + ((rings ? ty[i] : cy) - yi) * pullY * alpha;
    }
    // Collision of the boxes at their next positions.
    for (let i = 0; i < n; i++) {
      px[i] = x[i] + vx[i];
      py[i] = y[i] + vy[i];
    }
    collide(px, py, 0.35);
    // Velocity Verlet as d3-force: velocities decay by 40 % a tick. The width is a wall.
    for (let i = 0; i < n; i++) {
      x[i] = wall(i, (vx[i] *= 0.6));
      y[i] = floor(i, (vy[i] *= 0.6));
    }
    yield placement();
  }

  // Whatever still overlaps is pushed apart outright, a little at a time, so that no label covers another
  // (each pass a step of its own: in a crowded network they add up); after 100 passes up and down only,
  // where a narrow width's walls would push boxes back into each other for ever.
  for (let pass = 0; pass < 200; pass++) {
    vx.fill(0);
    vy.fill(0);
    if (!collide(x, y, 1, pass >= 100)) break;
    for (let i = 0; i < n; i++) {
      x[i] = wall(i, vx[i]);
      y[i] = floor(i, vy[i]);
    }
    yield placement();
  }

  // From the top of the highest box to the bottom of the lowest: that is the height.
  const top = Math.min(...y.map((v, i) => v + dy[i] - hh[i]));
  const bottom = Math.max(...y.map((v, i) => v + dy[i] + hh[i]));
  return { x: x.map(round), y: y.map((v) => round(v - top + PAD)), width: W, height: Math.ceil(bottom - top + 2 * PAD) };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** All steps at once (the tests compare it with the chunked run). */
export function layoutNow(input: GraphInput): Placement {
  const sim = simulate(input);
  for (;;) {
    const r = sim.next();
    if (r.done) return r.value;
  }
}

/** What `sliced` hands back: the result when the first slice did all the work, and a way to end it at once. */
export interface Sliced<T> {
  value?: T;
  /** Does what is left at once and calls `done` before it returns (printing: paper needs the final picture). */
  finish: () => void;
}

/**
 * Runs `steps` (the layout, or any work that yields after each small step) in slices of about `budget` ms,
 * the clock read after every step. The first slice at once, up to `first` ms: where that did it all (a small
 * network), `value` is the result, to be drawn in the same render. Otherwise each further slice is a task of
 * its own, so that the page keeps answering input and no task grows long; `done` then gets the result in a
 * task after the last slice, and `progress` (if given) the placements yielded on the way at most four times
 * a second, also in tasks of their own: drawing never adds to a slice. `cancelled` stops the work when the
 * data or the size changed meanwhile.
 */
export function sliced<T>(
  steps: Iterator<unknown, T>,
  done: (result: T) => void,
  progress?: (p: Placement) => void,
  cancelled: () => boolean = () => false,
  budget = 20,
  first = budget,
): Sliced<T> {
  let shown = performance.now();
  let r: IteratorResult<unknown, T>;
  let over = false;
  const slice = (ms: number) => {
    const t0 = performance.now();
    do r = steps.next();
    while (!r.done && performance.now() - t0 < ms);
  };
  const end = () => {
    if (over || cancelled()) return;
    over = true;
    done(r.value as T);
  };
  const run = () => {
    if (over || cancelled()) return;
    slice(budget);
    if (r.done) return later(end);
    const p = r.value as Placement | undefined;
    if (progress && p && performance.now() - shown > 250) {
      shown = performance.now();
      later(() => over || cancelled() || progress(p));
    }
    later(run);
  };
  slice(first);
  if (r!.done) return { value: r!.value, finish() {} };
  later(run);
  return {
    finish: () => {
      if (over || cancelled()) return;
      while (!r.done) r = steps.next();
      end();
    },
  };
}
