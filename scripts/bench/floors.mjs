/**
 * The floor for the render-cost case of scripts/bench.mjs: the least a page could do to draw the same chart
 * by hand — plain DOM calls (createElementNS, setAttribute, append), no library, no accessibility, no
 * legend, no tooltips, no interaction. The drawing functions run in the page (their source text is put
 * into an inline script); the tile geometry is read here, in Node, from the same TopoJSON the map's
 * default tiles are generated into (data/geo/sozialraeume-tiles.topo.json, checked to be current by
 * test/node/geo.test.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';

/**
 * 39 bars: per row a <text> label, a <rect> bar and a <text> value, sorted by value (largest first), in
 * one <svg> as wide as its host. Runs in the page; `host` holds the data as an inline JSON script, like
 * the widget in the same case.
 */
export function drawBars(host) {
  const data = JSON.parse(host.querySelector('script[type="application/json"]').textContent);
  const NS = 'http://www.w3.org/2000/svg';
  const width = host.clientWidth;
  const rows = data.values.slice().sort((a, b) => b.value - a.value);
  const max = Math.max(...rows.map((r) => r.value));
  const rowHeight = 22;
  const labelWidth = 190;
  const valueWidth = 60;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', rows.length * rowHeight);
  svg.setAttribute('font-family', 'sans-serif');
  svg.setAttribute('font-size', '14');
  for (const [i, row] of rows.entries()) {
    const y = i * rowHeight;
    const barWidth = (row.value / max) * (width - labelWidth - valueWidth);
    const label = document.createElementNS(NS, 'text');
    label.setAttribute('x', labelWidth - 6);
    label.setAttribute('y', y + 15);
    label.setAttribute('text-anchor', 'end');
    label.textContent = row.area;
    const bar = document.createElementNS(NS, 'rect');
    bar.setAttribute('x', labelWidth);
    bar.setAttribute('y', y + 3);
    bar.setAttribute('width', barWidth.toFixed(1));
    bar.setAttribute('height', rowHeight - 6);
    bar.setAttribute('fill', '#3b6ea5');
    const value = document.createElementNS(NS, 'text');
    value.setAttribute('x', (labelWidth + barWidth + 4).toFixed(1));
    value.setAttribute('y', y + 15);
    value.textContent = `${row.value.toFixed(data.decimals ?? 1).replace('.', ',')} ${data.unit ?? ''}`;
    svg.append(label, bar, value);
  }
  host.append(svg);
}

/**
 * 39 hexagon tiles: one <path> with a fill per Sozialraum, from the tile rings (in tile units, y down)
 * scaled to the host's width; the fill is one of five classes of the indicator's rank; and the area's name
 * on it, as the widget and the peer libraries' maps draw them (the bars' floor draws its labels too): one
 * <text> in the middle of the tile, not wrapped or fitted. Runs in the page.
 */
export function drawTileMap(host, tiles, indicator) {
  const data = JSON.parse(host.querySelector('script[type="application/json"]').textContent);
  const NS = 'http://www.w3.org/2000/svg';
  const values = data.indicators.find((i) => i.id === indicator).values;
  const rank = new Map(values.map((v) => [v.area, v.rank]));
  const colours = ['#08519c', '#3182bd', '#6baed6', '#bdd7e7', '#eff3ff'];
  const [x0, y0, x1, y1] = tiles.bbox;
  const width = host.clientWidth;
  const k = width / (x1 - x0);
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', Math.ceil((y1 - y0) * k));
  svg.setAttribute('font-family', 'sans-serif');
  svg.setAttribute('font-size', '10');
  for (const tile of tiles.tiles) {
    const d = tile.rings.map((ring) => `M${ring.map(([x, y]) => `${((x - x0) * k).toFixed(1)},${((y - y0) * k).toFixed(1)}`).join('L')}Z`).join('');
    const r = rank.get(tile.name);
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', r === undefined ? '#cccccc' : colours[Math.min(4, Math.floor(((r - 1) * 5) / values.length))]);
    path.setAttribute('stroke', '#ffffff');
    const xs = tile.rings[0].map((p) => p[0]);
    const ys = tile.rings[0].map((p) => p[1]);
    const name = document.createElementNS(NS, 'text');
    name.setAttribute('x', (((Math.min(...xs) + Math.max(...xs)) / 2 - x0) * k).toFixed(1));
    name.setAttribute('y', (((Math.min(...ys) + Math.max(...ys)) / 2 - y0) * k).toFixed(1));
    name.setAttribute('text-anchor', 'middle');
    name.setAttribute('dominant-baseline', 'central');
    name.textContent = tile.name;
    svg.append(path, name);
  }
  host.append(svg);
}

/** The 39 tiles of the schematic map: name and polygon rings in tile units (y downward), and their bounding box. */
export function tileGeometry(root) {
  const topology = JSON.parse(readFileSync(join(root, 'data/geo/sozialraeume-tiles.topo.json'), 'utf8'));
  const { features } = feature(topology, topology.objects.sozialraeume);
  const tiles = features.map((f) => ({
    name: f.properties.name,
    rings: f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
  }));
  return { bbox: topology.bbox, tiles };
}
