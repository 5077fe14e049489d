/**
 * npm run bench:peers — the widgets against other charting libraries, on the same three charts:
 * the 39 bars, the 39-tile choropleth and the 52-node network (bench/peers/charts.mjs), each drawn by
 *   - the widget: dist/sozialraum-widgets.js, the one file (all six elements, the tile geometry built in);
 *   - the floor: hand-written SVG by plain DOM calls, no library (scripts/bench/floors.mjs for bars and map,
 *     charts.mjs for the network);
 *   - the peers of bench/peers/package.json (their own lock file; the main `npm ci` never installs them).
 *
 * Figures per page:
 *   - bytes: gzip (level 9) of each library file the page loads (the minified browser build from the
 *     package's dist), summed. The data is inline in every page and not counted; the tile geometry, which the
 *     widget carries in its file, is inline for the peers and printed beside the table.
 *   - render → paint: from an inline script right before the library's <script> tags (t0) to the first task
 *     after the next animation frame once the chart is drawn — the widget's `widget-rendered`, the peer's own
 *     "drawn" signal (Highcharts' load callback, ECharts' `finished`, vega-embed's promise, vis-network's first
 *     drawing after stabilisation, cytoscape's ready) or the synchronous return (Plot, Chart.js, the floor) —
 *     then requestAnimationFrame + setTimeout 0, i.e. after that frame's paint. So it covers running the
 *     (cached) library scripts, parsing the data, layout, drawing and the paint, as scripts/bench.mjs' floor case.
 * Cached condition: the files come from the browser cache (Cache-Control, one unmeasured warm-up load of
 * every page); then RUNS rounds, each loading every page once in the same order (A B C … A B C …), a fresh
 * tab per load, one browser for all. Medians with min and max; ratios against the widget and the floor.
 *
 * Env: RUNS (default 15), ONLY=bars,map,network (charts), SHOTS=dir (a screenshot of each page at warm-up),
 * SERVE=1 (only serve the pages and print their addresses).
 * Everything is served from 127.0.0.1; Chromium resolves no other host, and any request elsewhere is reported.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, median, sendFile } from '../../scripts/bench/chromium.mjs';
import { drawBars, drawTileMap, tileGeometry } from '../../scripts/bench/floors.mjs';
import { charts, drawNetworkFloor, prepareNetwork } from './charts.mjs';

const RUNS = Number(process.env.RUNS) || 15;
const ONLY = process.env.ONLY?.split(',');
const SHOTS = process.env.SHOTS;
const root = new URL('../..', import.meta.url).pathname;
const peers = join(root, 'bench/peers/node_modules');
if (!existsSync(peers)) {
  console.error('bench/peers/node_modules is missing: run `npm ci --prefix bench/peers` (or `npm run bench:peers`).');
  process.exit(1);
}
const version = (name) => JSON.parse(readFileSync(join(peers, name, 'package.json'), 'utf8')).version;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const json = (path) => readFileSync(join(root, path), 'utf8');
// Inline JSON must not end the <script> early.
const inline = (text) => text.replace(/<\//g, '<\\/');

// ---------------------------------------------------------------------------------------------------------
// Data

const barsData = json('test/fixtures/bars-39-made-up.json');
const rankings = json('data/indicators/sozialraum-rankings-2007.json');
const networks = json('data/networks.json');
const INDICATOR = 'einkommen-2001';
const NETWORK = 'gesamtstrategie-fachgruppen-2022';

/**
 * The tiles as GeoJSON for the geographic peers (they all expect longitude/latitude): tile units placed at
 * 0.02° per unit around Dortmund's latitude, x stretched by 1/cos(latitude) so the hexagons stay regular.
 * Pseudo-geography for drawing the same schematic shapes, not real boundaries. Rings wound clockwise,
 * as d3-geo (Plot, Vega) needs for the small side of the sphere.
 */
function tileGeoJSON() {
  const { tiles } = tileGeometry(root);
  const LAT0 = 51.6;
  const K = 0.02;
  const kx = K / Math.cos((51.5 * Math.PI) / 180);
  const area = (ring) => ring.reduce((s, [x, y], i) => s + (ring[(i + 1) % ring.length][0] - x) * (ring[(i + 1) % ring.length][1] + y), 0);
  return {
    type: 'FeatureCollection',
    features: tiles.map((t) => ({
      type: 'Feature',
      properties: { name: t.name },
      geometry: {
        type: 'Polygon',
        coordinates: t.rings.map((ring) => {
          const r = ring.map(([x, y]) => [+(7.2 + x * kx).toFixed(5), +(LAT0 - y * K).toFixed(5)]);
          // The shoelace sum above is positive for a clockwise ring (x east, y north).
          return area(r) > 0 ? r : r.reverse();
        }),
      },
    })),
  };
}
const geo = JSON.stringify(tileGeoJSON());
/** Names of the indicator that are an alias of a tile's name (data/sozialraeume.json), for the peers' join. */
function aliasNames() {
  const { sozialraeume } = JSON.parse(json('data/sozialraeume.json'));
  const tiles = new Set(tileGeometry(root).tiles.map((t) => t.name));
  const names = {};
  for (const { area } of JSON.parse(rankings).indicators.find((i) => i.id === INDICATOR).values) {
    const canonical = sozialraeume.find((s) => s.aliases.includes(area))?.name;
    if (!tiles.has(area) && tiles.has(canonical)) names[area] = canonical;
  }
  return JSON.stringify(names);
}

// ---------------------------------------------------------------------------------------------------------
// Pages

const style = (height) => `<style>body{margin:8px;font-family:sans-serif}#w{width:800px}#w.sized{height:${height}px}</style>`;
/** One page: the chart's host (with its data) first, then t0, the library files, the drawing code. */
const page = ({ title, height, body, libs, code, onRendered }) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title>${style(height)}</head><body>
${body}
<script>
  window.__t0 = performance.now();
  window.__end = () => {
    if (window.__done !== undefined) return;
    window.__done = performance.now() - window.__t0;
    requestAnimationFrame(() => setTimeout(() => { window.__frame = performance.now() - window.__t0; window.__atFrame?.(); }));
  };${onRendered ? "\n  document.addEventListener('widget-rendered', () => window.__end(), { once: true });" : ''}
</script>
${libs.map((src) => `<script src="${src}"></script>`).join('\n')}
${code ? `<script>${code}</script>` : ''}
</body></html>`;

const ours = {
  bars: `<indicator-bar id="w"><script type="application/json">${inline(barsData)}</script></indicator-bar>`,
  map: `<sozialraum-map id="w" indicator="${INDICATOR}"><script type="application/json">${inline(rankings)}</script></sozialraum-map>`,
  network: `<network-graph id="w" network="${NETWORK}"><script type="application/json">${inline(networks)}</script></network-graph>`,
};
const floors = {
  bars: { fns: [drawBars], body: `<div id="w"><script type="application/json">${inline(barsData)}</script></div>`, code: `(${drawBars})(document.getElementById('w'));` },
  map: {
    fns: [drawTileMap],
    body: `<div id="w"><script type="application/json">${inline(rankings)}</script></div>`,
    code: `(${drawTileMap})(document.getElementById('w'), ${JSON.stringify(tileGeometry(root))}, '${INDICATOR}');`,
  },
  network: {
    fns: [drawNetworkFloor, prepareNetwork],
    body: `<div id="w"></div><script type="application/json" id="data">${inline(networks)}</script>`,
    code: `(${drawNetworkFloor})(document.getElementById('w'), (${prepareNetwork})(JSON.parse(document.getElementById('data').textContent), '${NETWORK}'));`,
  },
};
const peerInputs = {
  bars: { scripts: { data: barsData }, args: '' },
  map: {
    scripts: { data: rankings, geo, names: aliasNames() },
    args: `, JSON.parse(document.getElementById('geo').textContent), '${INDICATOR}', JSON.parse(document.getElementById('names').textContent)`,
  },
  network: { scripts: { data: networks }, args: `, '${NETWORK}'` },
};

const ourFile = join(root, 'dist/sozialraum-widgets.js');
const ourBytes = gz(readFileSync(ourFile));
/** All pages, in the order of a round. */
const pages = [];
for (const [chart, c] of Object.entries(charts)) {
  if (ONLY && !ONLY.includes(chart)) continue;
  const floor = floors[chart];
  pages.push({ chart, id: 'floor', name: 'floor: hand-written SVG, no library', files: [], bytes: gz(Buffer.from(floor.fns.join('\n'))), html: page({ title: `${chart} floor`, height: c.height, body: floor.body, libs: [], code: `${floor.code}\nwindow.__end();` }), renders: 'svg' });
  pages.push({ chart, id: 'ours', name: 'sozialraum-widgets (one file, all six elements)', files: ['dist/sozialraum-widgets.js'], bytes: ourBytes, html: page({ title: `${chart} ours`, height: c.height, body: ours[chart], libs: ['/dist/sozialraum-widgets.js'], onRendered: true }), renders: 'shadow' });
  const input = peerInputs[chart];
  const scripts = Object.entries(input.scripts).map(([id, text]) => `<script type="application/json" id="${id}">${inline(text)}</script>`).join('');
  for (const p of c.peers) {
    const code = `(() => {\n  const input = (${c.prepare})(JSON.parse(document.getElementById('data').textContent)${input.args});\n  (${p.draw})(document.getElementById('w'), input, window.__end);\n})();`;
    pages.push({
      chart,
      id: p.id,
      name: p.name,
      files: p.libs,
      bytes: p.libs.reduce((s, f) => s + gz(readFileSync(join(peers, f))), 0),
      html: page({ title: `${chart} ${p.id}`, height: c.height, body: `<div id="w" class="sized"></div>${scripts}`, libs: p.libs.map((f) => `/peers/${f}`), code }),
      renders: p.renders,
      lacks: p.lacks,
    });
  }
}

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const m = /^\/page\/(\d+)$/.exec(url.pathname);
  if (m && pages[Number(m[1])]) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(pages[Number(m[1])].html);
  }
  const [dir, rel] = url.pathname.startsWith('/peers/') ? [peers, url.pathname.slice('/peers/'.length)] : url.pathname.startsWith('/dist/') ? [join(root, 'dist'), url.pathname.slice('/dist/'.length)] : [];
  const path = dir && normalize(join(dir, decodeURIComponent(rel)));
  if (!path || !path.startsWith(dir)) return res.writeHead(404).end();
  sendFile(res, path, types);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
if (process.env.SERVE) {
  // SERVE=1: only serve the pages (to look at them in a browser), until Ctrl-C.
  for (const [i, p] of pages.entries()) console.log(`${base}/page/${i}  ${p.chart} ${p.id}`);
  await new Promise(() => {});
}

// ---------------------------------------------------------------------------------------------------------
// Browser, as scripts/bench.mjs (profile in memory; no background networking), and no host but this one.

const session = await launchChromium('srw-bench-peers-', ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
const { browser } = session;
const elsewhere = new Set();
const errors = new Map();

/** In the page (warm-up only): the chart's markup and canvas pixels, at the end mark and on demand. */
function snapshotAtFrame() {
  window.__snapshot = () => {
    const host = document.getElementById('w');
    const scope = host.shadowRoot ?? host;
    return scope.innerHTML + [...scope.querySelectorAll('canvas')].map((c) => c.toDataURL()).join('');
  };
  window.__atFrame = () => (window.__snapshotAtFrame = window.__snapshot());
}

/** One load of a page: its times, and on the warm-up what it drew (checked) and a screenshot. */
async function load(index, check = false) {
  const p = pages[index];
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1000, height: 1100 });
  tab.on('request', (r) => {
    if (!r.url().startsWith(base) && !/^(data|blob):/.test(r.url())) elsewhere.add(`${p.chart}/${p.id}: ${r.url()}`);
  });
  tab.on('pageerror', (e) => errors.set(`${p.chart}/${p.id}`, e.message));
  // The warm-up load also records what the chart looks like at the end mark, to see whether it changes after it.
  if (check) await tab.evaluateOnNewDocument(snapshotAtFrame);
  await tab.goto(`${base}/page/${index}`, { waitUntil: 'load' });
  await tab.waitForFunction(() => window.__frame !== undefined, { timeout: 30000 });
  const r = await tab.evaluate(() => ({ done: window.__done, frame: window.__frame }));
  if (check) {
    r.drawn = await tab.evaluate(() => {
      const host = document.getElementById('w');
      const scope = host.shadowRoot ?? host;
      const svg = scope.querySelectorAll('svg *').length;
      // Canvas: how many pixels are not blank (transparent or white) — 0 would mean nothing was drawn.
      let inked = 0;
      for (const canvas of scope.querySelectorAll('canvas')) {
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) inked++;
      }
      return { svg, inked, height: Math.round(host.getBoundingClientRect().height) };
    });
    await new Promise((r) => setTimeout(r, 1000));
    r.drawn.changedLater = await tab.evaluate(() => window.__snapshot() !== window.__snapshotAtFrame);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await tab.screenshot({ path: join(SHOTS, `${p.chart}-${p.id}.png`), fullPage: true });
    }
  }
  await tab.close();
  return r;
}

const cpu = cpus();
const load0 = loadavg();
const started = new Date();
const chromium = await browser.version();
try {
  console.log(
    `peer benchmark — ${started.toISOString().slice(0, 10)}, ${chromium}, headless; ${cpu.length} × ${cpu[0]?.model.trim()}; ` +
      `cached, ${RUNS} interleaved rounds; load average at start ${load0.map((x) => x.toFixed(2)).join(' ')}`,
  );
  const checks = [];
  // A page that does not reach its end mark on the warm-up (a library error, a timeout) is reported and left out.
  const failed = new Map();
  for (const i of pages.keys()) {
    try {
      checks[i] = (await load(i, true)).drawn;
    } catch (e) {
      failed.set(i, e.message.split('\n')[0]);
    }
  }
  const times = pages.map(() => []);
  for (let run = 0; run < RUNS; run++) for (const i of pages.keys()) if (!failed.has(i)) times[i].push(await load(i));
  const load1 = loadavg();

  const fmt = (x) => x.toFixed(1);
  const ratio = (a, b) => (b ? `${(a / b).toFixed(1)}×` : '–');
  const versions = { highcharts: version('highcharts'), echarts: version('echarts'), 'vega-lite': `vega ${version('vega')}, vega-lite ${version('vega-lite')}, vega-embed ${version('vega-embed')}`, plot: `plot ${version('@observablehq/plot')}, d3 ${version('d3')}`, chartjs: version('chart.js'), 'vis-network': version('vis-network'), cytoscape: version('cytoscape') };
  for (const [chart, c] of Object.entries(charts)) {
    const rows = pages.map((p, i) => ({ p, i })).filter(({ p }) => p.chart === chart);
    if (!rows.length) continue;
    const stat = (i) => ({ m: median(times[i].map((t) => t.frame)), min: Math.min(...times[i].map((t) => t.frame)), max: Math.max(...times[i].map((t) => t.frame)), done: median(times[i].map((t) => t.done)) });
    const ourRow = rows.find(({ p }) => p.id === 'ours');
    const floorRow = rows.find(({ p }) => p.id === 'floor');
    const o = stat(ourRow.i);
    const f = stat(floorRow.i);
    console.log(`\n### ${c.title}\n`);
    console.log('| Library (version) | gzip bytes | × ours | render → paint, median (min–max) | × ours | × floor | drawn |');
    console.log('|---|---:|---:|---:|---:|---:|---|');
    for (const { p, i } of rows) {
      if (failed.has(i)) {
        console.log(`| ${p.name} | ${p.bytes.toLocaleString('en')} | – | FAILED | – | – | ${failed.get(i)}${errors.has(`${chart}/${p.id}`) ? `; ${errors.get(`${chart}/${p.id}`)}` : ''} |`);
        continue;
      }
      const s = stat(i);
      const d = checks[i];
      const drawn = `${p.renders === 'canvas' ? `canvas, ${d.inked} px inked` : `${d.svg} SVG elements`}${d.changedLater ? ', STILL CHANGING after the end mark' : ''}`;
      const label = versions[p.id] ? `${p.name} (${versions[p.id]})` : p.name;
      console.log(
        `| ${label} | ${p.bytes.toLocaleString('en')} | ${p.id === 'floor' ? '–' : ratio(p.bytes, ourBytes)} | ${fmt(s.m)} ms (${fmt(s.min)}–${fmt(s.max)}) | ${ratio(s.m, o.m)} | ${ratio(s.m, f.m)} | ${drawn}, ${d.height} px high |`,
      );
    }
    for (const a of c.absent ?? []) console.log(`| ${a.name} | – | – | – | – | – | ${a.why} |`);
    const notes = rows.filter(({ p }) => p.lacks).map(({ p }) => `  - ${p.name}: ${p.lacks}`);
    if (notes.length) console.log(`\nNot shown by a peer (the widget shows it):\n${notes.join('\n')}`);
    console.log(`\n(Drawn-signal medians, before the frame: ${rows.map(({ p, i }) => `${p.id} ${fmt(stat(i).done)} ms`).join(', ')})`);
  }
  if (!ONLY || ONLY.includes('map')) console.log(`\nThe peers' map pages also carry the tile geometry inline: ${gz(Buffer.from(geo)).toLocaleString('en')} bytes gzip (the widget has it in its file; not counted above).`);
  console.log(`\nload average at end ${load1.map((x) => x.toFixed(2)).join(' ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`requests to other hosts: ${elsewhere.size ? [...elsewhere].join(', ') : 'none'}`);
  if (errors.size) console.log(`page errors: ${[...errors].map(([k, v]) => `${k}: ${v}`).join(' | ')}`);
} finally {
  await session.close();
  server.close();
}
