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

/** Boxes i and j overlap by (ox, oy) when both are positive. */
const overlap = (x: Float64Array, y: Float64Array, b: Box[], i: number, j: number): [number, number] => [
  (b[i].w + b[j].w) / 2 - Math.abs(x[i] - x[j]),
  (b[i].h + b[j].h) / 2 - Math.abs(y[i] + b[i].dy - y[j] - b[j].dy),
];

/** Every pair of overlapping boxes, by sweeping along x (sorted by left edge). */
function overlapping(x: Float64Array, y: Float64Array, b: Box[], visit: (i: number, j: number, ox: number, oy: number) => void): void {
  const n = b.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i] - b[i].w / 2 - (x[j] - b[j].w / 2) || i - j);
  for (let a = 0; a < n; a++) {
    const i = order[a];
    const right = x[i] + b[i].w / 2;
    for (let c = a + 1; c < n; c++) {
      const j = order[c];
      if (x[j] - b[j].w / 2 >= right) break;
      const [ox, oy] = overlap(x, y, b, i, j);
      if (ox > 0 && oy > 0) visit(i, j, ox, oy);
    }
  }
}

/** The direction in which to push i away from j: their difference, or by index where they coincide. */
const away = (d: number, i: number, j: number) => (d > 0 || (d === 0 && i > j) ? 1 : -1);

/**
 * Radial targets: the hub in the middle, every other node on its ring inside the sector of its parent
 * (the first neighbour on the ring inside), sectors sized by the number of leaves below them.
 * Unreachable nodes have the outermost ring and share it evenly.
 */
function ringTargets(rings: number[], links: GraphInput['links'], cx: number, cy: number, rx: number, ry: number): [Float64Array, Float64Array] {
  const n = rings.length;
  const parent = new Int32Array(n).fill(-1);
  for (const [s, t] of links) {
    if (rings[t] === rings[s] + 1 && parent[t] < 0) parent[t] = s;
    if (rings[s] === rings[t] + 1 && parent[s] < 0) parent[s] = t;
  }
  const kids: number[][] = rings.map(() => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) (parent[i] >= 0 ? kids[parent[i]] : roots).push(i);
  const leaves = new Float64Array(n);
  const count = (i: number): number => (leaves[i] = kids[i].reduce((s, k) => s + count(k), 0) || 1);
  const max = Math.max(1, ...rings);
  const tx = new Float64Array(n);
  const ty = new Float64Array(n);
  const place = (i: number, a0: number, a1: number) => {
    const a = (a0 + a1) / 2 - Math.PI / 2;
    const f = rings[i] / max;
    tx[i] = cx + Math.cos(a) * rx * f;
    ty[i] = cy + Math.sin(a) * ry * f;
    let at = a0;
    for (const k of kids[i]) {
      const span = ((a1 - a0) * leaves[k]) / leaves[i];
      place(k, at, at + span);
      at += span;
    }
  };
  const total = roots.reduce((s, r) => s + count(r), 0);
  let at = 0;
  for (const r of roots) {
    const span = (2 * Math.PI * leaves[r]) / total;
    place(r, at, at + span);
    at += span;
  }
  return [tx, ty];
}

/**
 * The simulation as a generator: one `yield` per tick, the placement as its return value. Run it to
 * the end at once (`layoutNow`) or in chunks (`layoutChunked`): the result is the same.
 */
export function* simulate(input: GraphInput): Generator<Placement, Placement> {
  const { boxes: b, links, width: W, rings } = input;
  const n = b.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  // The room the boxes need, spread over the width, gives the height to aim for.
  const area = b.reduce((s, q) => s + (q.w + 8) * (q.h + 8), 0);
  const H = Math.max(W * (W < 500 ? 1 : 0.6), (area * 2.2) / W);
  const cx = W / 2;
  const cy = H / 2;
  const size = b.reduce((s, q) => s + q.w + q.h, 0) / (2 * n || 1);
  // Links: d3-force's spring (strength 1/min(degree), bias by degree), long enough for two boxes.
  const degree = new Float64Array(n);
  for (const [s, t] of links) degree[s]++, degree[t]++;
  const dist = Math.max(size * 1.2, 24);
  // Repulsion strong enough that the nodes fill the room they have.
  const charge = -Math.max(30, dist * dist * 0.06) * (rings ? 0.3 : 1);
  const linkStrength = rings ? 0.15 : 1;
  let tx: Float64Array | undefined;
  let ty: Float64Array | undefined;
  if (rings) {
    [tx, ty] = ringTargets(rings, links, cx, cy, W / 2 - size / 2, Math.max(W / 2, H / 2) - size / 2);
    // Nodes that share a place (children of one parent on a crowded ring) start apart by index.
    for (let i = 0; i < n; i++) {
      x[i] = tx[i] + (i % 7) - 3;
      y[i] = ty[i] + ((i * 3) % 5) - 2;
    }
  } else {
    // d3-force's start: a phyllotaxis spiral around the centre, node by node in the file's order.
    for (let i = 0; i < n; i++) {
      const r = dist * 0.5 * Math.sqrt(0.5 + i);
      const a = i * Math.PI * (3 - Math.sqrt(5));
      x[i] = cx + r * Math.cos(a);
      y[i] = cy + r * Math.sin(a);
    }
  }
  const decay = 1 - Math.pow(0.001, 1 / TICKS);
  let alpha = 1;
  const g = Math.max(1, Math.round(Math.sqrt(n / 12)));
  const head = new Int32Array(g * g);
  const next = new Int32Array(n);
  const mass = new Float64Array(g * g);
  const mx = new Float64Array(g * g);
  const my = new Float64Array(g * g);
  const done = (): Placement => ({ x, y, width: W, height: H });

  for (let tick = 0; tick < TICKS; tick++) {
    alpha += -alpha * decay;
    // Springs along the links.
    for (const [s, t] of links) {
      let dx = x[t] + vx[t] - x[s] - vx[s] || 1e-6;
      let dy = y[t] + vy[t] - y[s] - vy[s] || 1e-6;
      const l = Math.sqrt(dx * dx + dy * dy);
      const k = (((l - dist) / l) * alpha * linkStrength) / Math.min(degree[s], degree[t]);
      const bias = degree[s] / (degree[s] + degree[t]);
      dx *= k;
      dy *= k;
      vx[t] -= dx * bias;
      vy[t] -= dy * bias;
      vx[s] += dx * (1 - bias);
      vy[s] += dy * (1 - bias);
    }
    // Repulsion: a grid over the nodes; exact within the 3×3 cells around a node, centres of mass beyond.
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, x[i]);
      x1 = Math.max(x1, x[i]);
      y0 = Math.min(y0, y[i]);
      y1 = Math.max(y1, y[i]);
    }
    const cw = (x1 - x0) / g + 1e-9;
    const ch = (y1 - y0) / g + 1e-9;
    const cell = (i: number) => Math.min(g - 1, ((x[i] - x0) / cw) | 0) + g * Math.min(g - 1, ((y[i] - y0) / ch) | 0);
    head.fill(-1);
    mass.fill(0);
    mx.fill(0);
    my.fill(0);
    for (let i = 0; i < n; i++) {
      const c = cell(i);
      next[i] = head[c];
      head[c] = i;
      mass[c]++;
      mx[c] += x[i];
      my[c] += y[i];
    }
    const push = (i: number, px: number, py: number, m: number) => {
      const dx = px - x[i];
      const dy = py - y[i];
      const l = Math.max(dx * dx + dy * dy, 1);
      const w = (charge * alpha * m) / l;
      vx[i] += dx * w;
      vy[i] += dy * w;
    };
    for (let i = 0; i < n; i++) {
      const c = cell(i);
      const ci = c % g;
      const cj = (c / g) | 0;
      for (let d = 0; d < g * g; d++) {
        if (!mass[d]) continue;
        if (Math.abs((d % g) - ci) <= 1 && Math.abs(((d / g) | 0) - cj) <= 1) {
          for (let j = head[d]; j >= 0; j = next[j]) if (j !== i) push(i, x[j], y[j], 1);
        } else push(i, mx[d] / mass[d], my[d] / mass[d], mass[d]);
      }
    }
    // The pull: to the centre, stronger across the shorter side; or to the node's place on its ring.
    for (let i = 0; i < n; i++) {
      if (tx && ty) {
        vx[i] += (tx[i] - x[i]) * 0.3 * alpha;
        vy[i] += (ty[i] - y[i]) * 0.3 * alpha;
      } else {
        vx[i] += (cx - x[i]) * 0.04 * alpha * Math.min(1.5, H / W);
        vy[i] += (cy - y[i]) * 0.04 * alpha * Math.min(1.5, W / H);
      }
    }
    // Collision of the boxes at their next positions, along the axis of least overlap.
    for (let i = 0; i < n; i++) {
      px[i] = x[i] + vx[i];
      py[i] = y[i] + vy[i];
    }
    overlapping(px, py, b, (i, j, ox, oy) => {
      if (ox < oy) {
        const s = away(px[i] - px[j], i, j) * ox * 0.35;
        vx[i] += s;
        vx[j] -= s;
      } else {
        const s = away(py[i] + b[i].dy - py[j] - b[j].dy, i, j) * oy * 0.35;
        vy[i] += s;
        vy[j] -= s;
      }
    });
    // Velocity Verlet as d3-force: velocities decay by 40 % a tick. The width is a wall.
    for (let i = 0; i < n; i++) {
      x[i] = Math.min(W - b[i].w / 2 - PAD, Math.max(b[i].w / 2 + PAD, x[i] + (vx[i] *= 0.6)));
      y[i] += vy[i] *= 0.6;
    }
    yield done();
  }

  // Whatever still overlaps is pushed apart outright, a little at a time, so no label covers another.
  for (let pass = 0; pass < 200; pass++) {
    let moved = false;
    overlapping(x, y, b, (i, j, ox, oy) => {
      moved = true;
      if (ox < oy) {
        const s = away(x[i] - x[j], i, j) * (ox / 2 + 0.5);
        x[i] = Math.min(W - b[i].w / 2 - PAD, Math.max(b[i].w / 2 + PAD, x[i] + s));
        x[j] = Math.min(W - b[j].w / 2 - PAD, Math.max(b[j].w / 2 + PAD, x[j] - s));
      } else {
        const s = away(y[i] + b[i].dy - y[j] - b[j].dy, i, j) * (oy / 2 + 0.5);
        y[i] += s;
        y[j] -= s;
      }
    });
    if (!moved) break;
  }

  // From the top of the highest box to the bottom of the lowest: that is the height.
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 0; i < n; i++) {
    top = Math.min(top, y[i] + b[i].dy - b[i].h / 2);
    bottom = Math.max(bottom, y[i] + b[i].dy + b[i].h / 2);
  }
  for (let i = 0; i < n; i++) {
    x[i] = Math.round(x[i] * 10) / 10;
    y[i] = Math.round((y[i] - top + PAD) * 10) / 10;
  }
  return { x, y, width: W, height: Math.ceil(bottom - top + 2 * PAD) };
}

/** All ticks at once: for the networks of the data file (a few dozen nodes), a few milliseconds. */
export function layoutNow(input: GraphInput): Placement {
  const sim = simulate(input);
  for (;;) {
    const r = sim.next();
    if (r.done) return r.value;
  }
}

/** Give the page a turn: other tasks, input and painting run before the next chunk. */
const yieldToMain = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
});

/**
 * The same ticks in chunks of about `budget` ms with the page running in between, for large graphs.
 * `progress` sees the positions after each chunk (the unsettled layout, for an animated start);
 * `cancelled` stops the work when the data or the size changed meanwhile (then undefined).
 */
export async function layoutChunked(
  input: GraphInput,
  progress?: (p: Placement) => void,
  cancelled: () => boolean = () => false,
  budget = 30,
): Promise<Placement | undefined> {
  const sim = simulate(input);
  for (;;) {
    const t0 = performance.now();
    let r = sim.next();
    while (!r.done && performance.now() - t0 < budget) r = sim.next();
    if (r.done) return r.value;
    progress?.(r.value);
    await yieldToMain();
    if (cancelled()) return undefined;
  }
}
