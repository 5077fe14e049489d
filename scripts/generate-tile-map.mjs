/**
 * Generates the default schematic tile map of the 39 Sozialräume: one equal pointy-top hexagon per
 * Sozialraum, placed on an odd-r offset grid near its approximate centre from data/sozialraeume.json.
 *
 * It is deliberately not a map of boundaries: the positions are rough (about ±1 km) and only decide
 * which tile goes where. Writes
 *   - data/geo/sozialraeume-tiles.topo.json (TopoJSON, planar, y downward, neighbouring tiles share arcs)
 *   - src/sozialraum-map/tiles-data.ts      (its cells, from which the map element builds the same topology)
 * Run `npm run geo:tiles` after changing positions; test/node/geo.test.mjs checks both files are current.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { topology } from 'topojson-server';

/** Latitude at which one degree of longitude is measured, roughly Dortmund's. */
const REFERENCE_LATITUDE = 51.5;
/** The city's west–east extent becomes this many column steps (so about 9 columns of tiles). */
const COLUMN_STEPS_ACROSS = 8;
/** Hexagon radius (centre to corner) in output units. */
const RADIUS = 1;
/** Half the width of a pointy-top hexagon of radius 1; x coordinates are multiples of it. */
const HALF_WIDTH = Math.sqrt(3) / 2;
/** Cost of one extra piece of a Stadtbezirk, in squared hexagon radii of displacement. */
const SPLIT_STADTBEZIRK_COST = 12;

// ---------------------------------------------------------------------------------------------
// The grid: odd-r offset coordinates (odd rows sit half a column to the right), y downward.

const cellKey = (col, row) => `${col},${row}`;
const isOddRow = (row) => (row & 1) === 1; // also right for negative rows (-1 & 1 === 1)

function cellCentre(col, row) {
  return { x: Math.sqrt(3) * RADIUS * (col + (isOddRow(row) ? 0.5 : 0)), y: 1.5 * RADIUS * row };
}

/** The six cells around (col, row) on an odd-r grid, starting east and going clockwise on screen. */
function neighbourCells(col, row) {
  const shift = isOddRow(row) ? 1 : 0;
  return [
    [col + 1, row],
    [col + shift, row + 1],
    [col - 1 + shift, row + 1],
    [col - 1, row],
    [col - 1 + shift, row - 1],
    [col + shift, row - 1],
  ];
}

// ---------------------------------------------------------------------------------------------
// Where each Sozialraum would like to be: its approximate position, projected onto the grid.

function targetPoints(sozialraeume) {
  const kx = Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);
  const planar = sozialraeume.map((s) => ({ x: s.position.lon * kx, y: -s.position.lat }));
  const minX = Math.min(...planar.map((p) => p.x));
  const maxX = Math.max(...planar.map((p) => p.x));
  const minY = Math.min(...planar.map((p) => p.y));
  const scale = (COLUMN_STEPS_ACROSS * Math.sqrt(3) * RADIUS) / (maxX - minX);
  return planar.map((p) => ({ x: (p.x - minX) * scale, y: (p.y - minY) * scale }));
}

/** All cells whose centre lies within about one tile of the targets' bounding box: room to move, not to spread. */
function candidateCells(targets) {
  const minX = Math.min(...targets.map((t) => t.x)) - 2 * RADIUS;
  const maxX = Math.max(...targets.map((t) => t.x)) + 2 * RADIUS;
  const minY = Math.min(...targets.map((t) => t.y)) - 1.5 * RADIUS;
  const maxY = Math.max(...targets.map((t) => t.y)) + 1.5 * RADIUS;
  const cells = [];
  for (let row = Math.floor(minY / 1.5) - 1; row <= Math.ceil(maxY / 1.5) + 1; row++) {
    for (let col = Math.floor(minX / Math.sqrt(3)) - 1; col <= Math.ceil(maxX / Math.sqrt(3)) + 1; col++) {
      const c = cellCentre(col, row);
      if (c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY) cells.push({ col, row, ...c });
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Placement: nearest free cell first, then improving moves and swaps until nothing improves.

/** Pieces (connected groups of tiles) per Stadtbezirk for an assignment area index → cell. */
function piecesPerStadtbezirk(sozialraeume, cellOf) {
  const areaAt = new Map(cellOf.map((c, i) => [cellKey(c.col, c.row), i]));
  const seen = new Set();
  const pieces = new Map();
  sozialraeume.forEach((s, start) => {
    if (seen.has(start)) return;
    pieces.set(s.stadtbezirk, (pieces.get(s.stadtbezirk) ?? 0) + 1);
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const i = queue.pop();
      for (const [col, row] of neighbourCells(cellOf[i].col, cellOf[i].row)) {
        const j = areaAt.get(cellKey(col, row));
        if (j !== undefined && !seen.has(j) && sozialraeume[j].stadtbezirk === s.stadtbezirk) {
          seen.add(j);
          queue.push(j);
        }
      }
    }
  });
  return pieces;
}

const squaredDistance = (a, b) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

function cost(sozialraeume, targets, cellOf) {
  let total = 0;
  cellOf.forEach((cell, i) => (total += squaredDistance(cell, targets[i])));
  for (const n of piecesPerStadtbezirk(sozialraeume, cellOf).values()) total += (n - 1) * SPLIT_STADTBEZIRK_COST;
  return total;
}

function placeTiles(sozialraeume) {
  const targets = targetPoints(sozialraeume);
  const cells = candidateCells(targets);

  // Start: from the middle of the city outward (the dense centre gets first pick), each area takes
  // the nearest free cell. Ties go by id and by cell order, so the result never depends on chance.
  const centroid = {
    x: targets.reduce((s, t) => s + t.x, 0) / targets.length,
    y: targets.reduce((s, t) => s + t.y, 0) / targets.length,
  };
  const order = sozialraeume
    .map((s, i) => i)
    .sort((a, b) => squaredDistance(targets[a], centroid) - squaredDistance(targets[b], centroid) || (sozialraeume[a].id < sozialraeume[b].id ? -1 : 1));
  const taken = new Set();
  const cellOf = [];
  for (const i of order) {
    let best;
    for (const c of cells) {
      if (taken.has(cellKey(c.col, c.row))) continue;
      if (!best || squaredDistance(c, targets[i]) < squaredDistance(best, targets[i])) best = c;
    }
    cellOf[i] = best;
    taken.add(cellKey(best.col, best.row));
  }

  // Improve: move a tile to another cell, swapping with whoever is there, whenever that lowers the
  // cost (displacement plus split Stadtbezirke). Best move per tile, tiles in data-file order.
  let current = cost(sozialraeume, targets, cellOf);
  for (let pass = 0; pass < 100; pass++) {
    let improved = false;
    for (let i = 0; i < sozialraeume.length; i++) {
      const areaAt = new Map(cellOf.map((c, k) => [cellKey(c.col, c.row), k]));
      let bestCost = current;
      let bestCell;
      for (const c of cells) {
        const j = areaAt.get(cellKey(c.col, c.row));
        if (j === i) continue;
        const trial = cellOf.slice();
        trial[i] = c;
        if (j !== undefined) trial[j] = cellOf[i];
        const trialCost = cost(sozialraeume, targets, trial);
        if (trialCost < bestCost - 1e-9) {
          bestCost = trialCost;
          bestCell = c;
        }
      }
      if (bestCell) {
        const j = areaAt.get(cellKey(bestCell.col, bestCell.row));
        if (j !== undefined) cellOf[j] = cellOf[i];
        cellOf[i] = bestCell;
        current = bestCost;
        improved = true;
      }
    }
    if (!improved) break;
  }

  // Number rows and columns from 0. Rows move by an even amount only, so odd rows stay odd.
  const minCol = Math.min(...cellOf.map((c) => c.col));
  const minRow = Math.min(...cellOf.map((c) => c.row));
  const rowShift = minRow - (isOddRow(minRow) ? 1 : 0);
  return cellOf.map((c) => ({ col: c.col - minCol, row: c.row - rowShift }));
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * The hexagon of a cell. Corners are computed from integer multiples of half the width and half the
 * radius, so a corner shared by neighbouring tiles comes out bit-for-bit equal and TopoJSON shares
 * the edge. Order: top, upper right, lower right, bottom, lower left, upper left (clockwise on screen,
 * like d3-geo's exterior rings once projected).
 */
function hexagonRing(col, row) {
  // Centre in half-width units (x) and half-radius units (y), offset so every corner is ≥ 0.
  const cx = 2 * col + (isOddRow(row) ? 1 : 0) + 1;
  const cy = 3 * row + 2;
  const corners = [[0, -2], [1, -1], [1, 1], [0, 2], [-1, 1], [-1, -1]];
  const point = ([dx, dy]) => [round3((cx + dx) * HALF_WIDTH * RADIUS), round3(((cy + dy) * RADIUS) / 2)];
  const ring = corners.map(point);
  return [...ring, ring[0]];
}

const round3 = (v) => Math.round(v * 1000) / 1000;

/** One geometry or arc per line: small diffs when a tile moves, still compact. */
function formatTopology(topo) {
  const lines = ['{'];
  const entries = Object.entries(topo);
  entries.forEach(([key, value], k) => {
    const comma = k < entries.length - 1 ? ',' : '';
    if (key === 'objects') {
      lines.push(` "objects": {`);
      const objects = Object.entries(value);
      objects.forEach(([name, collection], o) => {
        const { geometries, ...rest } = collection;
        const head = JSON.stringify(rest).slice(0, -1);
        lines.push(`  ${JSON.stringify(name)}: ${head}, "geometries": [`);
        geometries.forEach((g, n) => lines.push(`   ${JSON.stringify(g)}${n < geometries.length - 1 ? ',' : ''}`));
        lines.push(`  ]}${o < objects.length - 1 ? ',' : ''}`);
      });
      lines.push(` }${comma}`);
    } else if (key === 'arcs') {
      lines.push(` "arcs": [`);
      value.forEach((arc, n) => lines.push(`  ${JSON.stringify(arc)}${n < value.length - 1 ? ',' : ''}`));
      lines.push(` ]${comma}`);
    } else {
      lines.push(` ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Short labels for the sketch: the first part of the name, or first and second part where two clash. */
function shortLabels(names, width) {
  const parts = (name) => name.split(/[/ ]+/).filter(Boolean);
  const first = names.map((n) => parts(n)[0].slice(0, width));
  return names.map((name, i) => {
    if (first.indexOf(first[i]) === first.lastIndexOf(first[i])) return first[i];
    const [a, b] = parts(name);
    return b ? `${a.slice(0, width - 3)}.${b.slice(0, 2)}` : a.slice(0, width);
  });
}

/** Rows of short names, odd rows indented by half a cell, as the tiles lie on screen. */
function asciiSketch(sozialraeume, cells, width = 9) {
  const labels = shortLabels(sozialraeume.map((s) => s.name), width);
  const at = new Map(cells.map((c, i) => [cellKey(c.col, c.row), labels[i]]));
  const cols = Math.max(...cells.map((c) => c.col)) + 1;
  const rows = Math.max(...cells.map((c) => c.row)) + 1;
  const lines = [];
  for (let row = 0; row < rows; row++) {
    let line = isOddRow(row) ? ' '.repeat(Math.ceil((width + 1) / 2)) : '';
    for (let col = 0; col < cols; col++) line += (at.get(cellKey(col, row)) ?? '·').padEnd(width) + ' ';
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * Everything the generator produces from the areas file: the topology, the two file texts and a
 * report (which Stadtbezirke stay in one piece, a sketch). Pure, so a test can compare with the
 * committed files.
 */
export function tileMap(areasFile) {
  const sozialraeume = areasFile.sozialraeume;
  const cells = placeTiles(sozialraeume);
  const features = sozialraeume.map((s, i) => ({
    type: 'Feature',
    id: s.id,
    properties: {
      name: s.name,
      stadtbezirk: s.stadtbezirk,
      aktionsraum2008: s.aktionsraum2008 === true,
      aktionsraum2021: s.aktionsraum2021 === true,
      col: cells[i].col,
      row: cells[i].row,
    },
    geometry: { type: 'Polygon', coordinates: [hexagonRing(cells[i].col, cells[i].row)] },
  }));
  // No quantization: the corners are already rounded, and exact coordinates keep shared arcs shared.
  const built = topology({ sozialraeume: { type: 'FeatureCollection', features } });
  const positionsSource = areasFile.sources.find((s) => s.id === 'positionen');
  const topo = {
    type: 'Topology',
    $comment:
      'Schematic tile map, not a map: one equal hexagon per Sozialraum, no boundaries. Generated by scripts/generate-tile-map.mjs from the approximate positions (about ±1 km) in data/sozialraeume.json — do not edit.',
    properties: {
      schematic: true,
      planar: true,
      yDown: true,
      grid: 'pointy-top hexagons, odd-r offset (odd rows shifted right by half a tile)',
      hexRadius: RADIUS,
      cellCentre: 'x = √3·r·(col + (row odd ? ½ : 0)) + √3/2·r, y = 1.5·r·row + r',
      source: positionsSource ? { file: 'data/sozialraeume.json', ...positionsSource } : 'data/sozialraeume.json',
    },
    bbox: built.bbox,
    objects: built.objects,
    arcs: built.arcs,
  };

  const pieces = piecesPerStadtbezirk(sozialraeume, cells);
  const nameOf = new Map(areasFile.stadtbezirke.map((b) => [b.id, b.name]));
  const whole = [...pieces].filter(([, n]) => n === 1).map(([id]) => nameOf.get(id) ?? id);
  const split = [...pieces].filter(([, n]) => n > 1).map(([id, n]) => `${nameOf.get(id) ?? id} (${n} pieces)`);
  const report = [
    `${features.length} tiles on ${Math.max(...cells.map((c) => c.col)) + 1} columns × ${Math.max(...cells.map((c) => c.row)) + 1} rows`,
    `Stadtbezirke in one piece (${whole.length}/${pieces.size}): ${whole.join(', ')}`,
    split.length ? `Stadtbezirke split (${split.length}): ${split.join(', ')}` : 'No Stadtbezirk is split.',
    '',
    ...asciiSketch(sozialraeume, cells),
  ];

  const json = formatTopology(topo);
  // The bundled copy is only the list of cells: every reader downloads it, and
  // src/sozialraum-map/hex-topology.ts builds the same hexagons and shared arcs from it at load time.
  // The cells are in the order of the Sozialräume in data/sozialraeume.json, so the ids, which the
  // bundle already has in the areas module, are not repeated here.
  const cellList = sozialraeume.map((s, i) => `${cells[i].col} ${cells[i].row}`).join(',');
  const module = `// Generated by scripts/generate-tile-map.mjs — do not edit. Run \`npm run geo:tiles\` instead.
// The cells ("col row") of the schematic tile map in data/geo/sozialraeume-tiles.topo.json, one per
// Sozialraum in the order of data/sozialraeume.json. The topology is built on first use, so a page
// without a map does not pay for it.
import { sozialraeume } from '../core/areas.js';
import { hexTopology } from './hex-topology.js';

export default () => hexTopology('${cellList}', sozialraeume().map((area) => area.id));
`;
  return { topology: topo, json, module, report };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const areasFile = JSON.parse(readFileSync(new URL('../data/sozialraeume.json', import.meta.url), 'utf8'));
  const { json, module, report } = tileMap(areasFile);
  mkdirSync(new URL('../data/geo/', import.meta.url), { recursive: true });
  mkdirSync(new URL('../src/sozialraum-map/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../data/geo/sozialraeume-tiles.topo.json', import.meta.url), json);
  writeFileSync(new URL('../src/sozialraum-map/tiles-data.ts', import.meta.url), module);
  console.log(report.join('\n'));
  console.log('\nwritten: data/geo/sozialraeume-tiles.topo.json, src/sozialraum-map/tiles-data.ts');
}
