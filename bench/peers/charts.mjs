/**
 * The three charts of the peer benchmark (bench/peers/run.mjs), drawn by each contestant: the widget
 * (dist/sozialraum-widgets.js), the hand-written floor, and the peer libraries of bench/peers/package.json.
 *
 * Every function here runs IN THE PAGE: run.mjs puts its source text into an inline script, as
 * scripts/bench.mjs does with scripts/bench/floors.mjs. So each is self-contained (no closure over
 * module scope). Per chart, one `prepare` function turns the inline JSON of the page into plain rows; it runs
 * inside the timed window for every peer and the floor alike (the widget does the same work itself).
 * A `draw(host, input, end)` calls `end()` once its library says the chart is drawn — the synchronous
 * return, the library's own callback or "finished" event; run.mjs then waits for the next frame.
 *
 * Fairness, as far as each library has the feature: no animation anywhere; title, source line, labels,
 * values on the bars, a reference line, tooltips, a legend, the library's accessibility support
 * (Highcharts accessibility module, ECharts `aria`, Vega's SVG renderer with ARIA), the library's export
 * menu where it has one (Highcharts exporting, vega-embed's actions). Missing features are listed in
 * `lacks`, and printed with the table. Left off, which can only make a peer faster: ECharts' toolbox
 * (saveAsImage) and Highcharts' credits line.
 */

/** Library files, relative to bench/peers/node_modules: the minified browser builds from each package's dist. */
const HC = ['highcharts/highcharts.js'];
const HC_TAIL = ['highcharts/modules/accessibility.js', 'highcharts/modules/exporting.js'];
const VEGA = ['vega/build/vega.min.js', 'vega-lite/build/vega-lite.min.js', 'vega-embed/build/vega-embed.min.js'];
const PLOT = ['d3/dist/d3.min.js', '@observablehq/plot/dist/plot.umd.min.js'];

// ---------------------------------------------------------------------------------------------------------
// Inputs (in the page)

/** 39 bars: the rows sorted by value (largest first), number formatting, the reference line(s). */
export function prepareBars(raw) {
  const decimals = raw.decimals ?? 1;
  const unit = raw.unit ?? '';
  const format = (v) => `${v.toFixed(decimals).replace('.', ',')} ${unit}`.trim();
  return {
    title: raw.title,
    source: `Quelle: ${raw.source.title}${raw.stichtag ? `, Stand ${raw.stichtag}` : ''}`,
    unit,
    decimals,
    format,
    rows: raw.values.slice().sort((a, b) => b.value - a.value),
    references: raw.references ?? [],
  };
}

/**
 * 39 tiles: the indicator's ranks by area, five rank classes (as the floor), the tile GeoJSON. `names` maps a
 * name as the source spells it to the tile's name where they differ (the widget resolves such aliases itself).
 */
export function prepareMap(raw, geo, indicatorId, names) {
  const indicator = raw.indicators.find((i) => i.id === indicatorId);
  const values = indicator.values.map((v) => ({ ...v, area: names[v.area] ?? v.area }));
  const n = values.length;
  const colours = ['#08519c', '#3182bd', '#6baed6', '#bdd7e7', '#eff3ff'];
  // Class k holds the ranks r with floor((r - 1) * 5 / n) = k, as floors.drawTileMap.
  const classes = colours.map((colour, k) => {
    const from = Math.ceil((k * n) / 5) + 1;
    const to = Math.ceil(((k + 1) * n) / 5);
    return { from, to, colour, label: `Rang ${from}–${to}` };
  });
  return {
    title: indicator.title.de,
    source: `Quelle: ${indicator.source.publisher}, ${indicator.source.date}`,
    values: values.map((v) => ({ area: v.area, rank: v.rank })),
    rank: new Map(values.map((v) => [v.area, v.rank])),
    n,
    classes,
    colours,
    geo,
  };
}

/** The network: nodes with label, kind, colour and ring (breadth-first distance from the hub), links. */
export function prepareNetwork(raw, networkId) {
  // Texts are either one string or { de, en }.
  const de = (text) => (typeof text === 'string' ? text : text?.de);
  const net = raw.networks.find((x) => x.id === networkId);
  const palette = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab', '#1f77b4', '#8c564b', '#17becf'];
  const kinds = raw.nodeKinds.filter((k) => net.nodes.some((n) => n.kind === k.id)).map((k, i) => ({ id: k.id, label: de(k.label), colour: palette[i % palette.length] }));
  const kind = new Map(kinds.map((k) => [k.id, k]));
  const linkKind = new Map(raw.linkKinds.map((k) => [k.id, de(k.label)]));
  const neighbours = new Map(net.nodes.map((n) => [n.id, []]));
  for (const l of net.links) {
    neighbours.get(l.source).push(l.target);
    neighbours.get(l.target).push(l.source);
  }
  const ring = new Map([[net.hub, 0]]);
  const queue = [net.hub];
  while (queue.length) {
    const id = queue.shift();
    for (const m of neighbours.get(id)) if (!ring.has(m)) (ring.set(m, ring.get(id) + 1), queue.push(m));
  }
  const maxRing = Math.max(...ring.values());
  return {
    title: de(net.title),
    kinds,
    maxRing,
    nodes: net.nodes.map((n) => ({ id: n.id, label: de(n.label), kind: n.kind, kindLabel: kind.get(n.kind).label, colour: kind.get(n.kind).colour, ring: ring.get(n.id) ?? maxRing + 1 })),
    links: net.links.map((l) => ({ source: l.source, target: l.target, directed: !!l.directed, label: linkKind.get(l.kind) ?? l.kind })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The hand-written floor of the network (the bars' and the map's floors are scripts/bench/floors.mjs): the
// least a page could do — nodes on rings around the hub (as the widget's radial layout), straight lines,
// a circle and a label per node; no library, no accessibility, no legend, no interaction.

export function drawNetworkFloor(host, input) {
  const NS = 'http://www.w3.org/2000/svg';
  const size = host.clientWidth;
  const c = size / 2;
  const step = (size / 2 - 60) / Math.max(1, input.maxRing + 1);
  const byRing = new Map();
  for (const n of input.nodes) byRing.set(n.ring, [...(byRing.get(n.ring) ?? []), n]);
  const at = new Map();
  for (const [r, list] of byRing) list.forEach((n, i) => at.set(n.id, [c + r * step * Math.cos((2 * Math.PI * i) / list.length), c + r * step * Math.sin((2 * Math.PI * i) / list.length)]));
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('font-family', 'sans-serif');
  svg.setAttribute('font-size', '11');
  for (const l of input.links) {
    const [x1, y1] = at.get(l.source);
    const [x2, y2] = at.get(l.target);
    const line = document.createElementNS(NS, 'line');
    line.setAttribute('x1', x1.toFixed(1));
    line.setAttribute('y1', y1.toFixed(1));
    line.setAttribute('x2', x2.toFixed(1));
    line.setAttribute('y2', y2.toFixed(1));
    line.setAttribute('stroke', '#999999');
    svg.append(line);
  }
  for (const n of input.nodes) {
    const [x, y] = at.get(n.id);
    const dot = document.createElementNS(NS, 'circle');
    dot.setAttribute('cx', x.toFixed(1));
    dot.setAttribute('cy', y.toFixed(1));
    dot.setAttribute('r', '6');
    dot.setAttribute('fill', n.colour);
    const label = document.createElementNS(NS, 'text');
    label.setAttribute('x', (x + 8).toFixed(1));
    label.setAttribute('y', (y + 4).toFixed(1));
    label.textContent = n.label;
    svg.append(dot, label);
  }
  host.append(svg);
}

// ---------------------------------------------------------------------------------------------------------
// Peers: 39 bars

function highchartsBars(host, input, end) {
  Highcharts.setOptions({ lang: { decimalPoint: ',', thousandsSep: '.' } });
  Highcharts.chart(
    host,
    {
      chart: { type: 'bar', animation: false },
      title: { text: input.title },
      subtitle: { text: input.source },
      credits: { enabled: false },
      legend: { enabled: false },
      xAxis: { categories: input.rows.map((r) => r.area), title: { text: null } },
      yAxis: {
        title: { text: input.unit },
        plotLines: input.references.map((r) => ({ value: r.value, width: 2, color: '#333333', zIndex: 5, label: { text: `${r.label}: ${input.format(r.value)}` } })),
      },
      tooltip: { valueDecimals: input.decimals, valueSuffix: ` ${input.unit}` },
      plotOptions: { series: { animation: false, dataLabels: { enabled: true, format: `{y:.${input.decimals}f} ${input.unit}` } } },
      series: [{ name: input.title, data: input.rows.map((r) => r.value), color: '#3b6ea5' }],
    },
    () => end(),
  );
}

function echartsBars(host, input, end) {
  const chart = echarts.init(host, null, { renderer: 'canvas', locale: 'DE' });
  chart.on('finished', function once() {
    chart.off('finished', once);
    end();
  });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    title: { text: input.title, subtext: input.source },
    tooltip: { trigger: 'axis', valueFormatter: input.format },
    grid: { left: 10, right: 70, top: 70, bottom: 30, containLabel: true },
    xAxis: { type: 'value', name: input.unit },
    yAxis: { type: 'category', inverse: true, data: input.rows.map((r) => r.area), axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        name: input.title,
        data: input.rows.map((r) => r.value),
        itemStyle: { color: '#3b6ea5' },
        label: { show: true, position: 'right', formatter: (p) => input.format(p.value) },
        markLine: { symbol: 'none', data: input.references.map((r) => ({ xAxis: r.value, name: r.label })), label: { formatter: '{b}' } },
      },
    ],
  });
}

function vegaLiteBars(host, input, end) {
  const values = input.rows.map((r) => ({ area: r.area, value: r.value, text: input.format(r.value) }));
  const y = { field: 'area', type: 'nominal', sort: null, title: null };
  const x = { field: 'value', type: 'quantitative', title: input.unit };
  vegaEmbed(
    host,
    {
      title: { text: input.title, subtitle: input.source },
      width: 560,
      height: { step: 26 },
      config: { locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' €'] } } },
      layer: [
        { data: { values }, mark: { type: 'bar', color: '#3b6ea5', tooltip: true }, encoding: { y, x, tooltip: [{ field: 'area', title: 'Gebiet' }, { field: 'text', title: 'Wert' }] } },
        { data: { values }, mark: { type: 'text', align: 'left', dx: 3 }, encoding: { y, x, text: { field: 'text' } } },
        { data: { values: input.references }, mark: { type: 'rule', color: '#333333', strokeWidth: 2 }, encoding: { x: { field: 'value', type: 'quantitative' } } },
      ],
    },
    { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } },
  ).then(() => end());
}

function plotBars(host, input, end) {
  host.append(
    Plot.plot({
      width: 800,
      height: input.rows.length * 26 + 40,
      marginLeft: 200,
      marginRight: 70,
      title: input.title,
      caption: input.source,
      x: { label: input.unit, grid: true },
      y: { label: null, domain: input.rows.map((r) => r.area) },
      marks: [
        Plot.barX(input.rows, { x: 'value', y: 'area', fill: '#3b6ea5', tip: true, title: (r) => `${r.area}: ${input.format(r.value)}` }),
        Plot.text(input.rows, { x: 'value', y: 'area', text: (r) => input.format(r.value), textAnchor: 'start', dx: 4 }),
        Plot.ruleX(input.references, { x: 'value', stroke: '#333333', strokeWidth: 2 }),
        Plot.ruleX([0]),
      ],
    }),
  );
  end();
}

function chartjsBars(host, input, end) {
  const canvas = document.createElement('canvas');
  // Chart.js leaves the canvas' accessible name to the page (its docs: role="img" and aria-label).
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${input.title}. ${input.source}`);
  host.append(canvas);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: input.rows.map((r) => r.area), datasets: [{ label: input.title, data: input.rows.map((r) => r.value), backgroundColor: '#3b6ea5' }] },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      locale: 'de-DE',
      plugins: {
        title: { display: true, text: input.title },
        subtitle: { display: true, text: input.source },
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => input.format(c.parsed.x) } },
      },
      scales: { y: { ticks: { autoSkip: false } }, x: { title: { display: true, text: input.unit } } },
    },
  });
  end();
}

// ---------------------------------------------------------------------------------------------------------
// Peers: 39-tile choropleth (ranks in five classes)

function highchartsMap(host, input, end) {
  Highcharts.mapChart(
    host,
    {
      chart: { map: input.geo, animation: false },
      title: { text: input.title },
      subtitle: { text: input.source },
      credits: { enabled: false },
      mapNavigation: { enabled: false },
      colorAxis: { dataClasses: input.classes.map((c) => ({ from: c.from - 0.5, to: c.to + 0.5, color: c.colour, name: c.label })) },
      legend: { enabled: true },
      tooltip: { pointFormat: '{point.name}: Rang {point.value}' },
      series: [
        {
          name: input.title,
          data: input.values.map((v) => ({ name: v.area, value: v.rank })),
          joinBy: ['name', 'name'],
          animation: false,
          borderColor: '#ffffff',
          dataLabels: { enabled: true, format: '{point.name}', style: { fontSize: '9px', textOutline: 'none' } },
        },
      ],
    },
    () => end(),
  );
}

function echartsMap(host, input, end) {
  echarts.registerMap('sozialraeume', input.geo);
  const chart = echarts.init(host, null, { renderer: 'canvas', locale: 'DE' });
  chart.on('finished', function once() {
    chart.off('finished', once);
    end();
  });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    title: { text: input.title, subtext: input.source },
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: Rang ${p.value}` },
    visualMap: { type: 'piecewise', pieces: input.classes.map((c) => ({ min: c.from, max: c.to, color: c.colour, label: c.label })), left: 'right', bottom: 10 },
    series: [
      {
        type: 'map',
        map: 'sozialraeume',
        name: input.title,
        // The pseudo-geographic tiles (see run.mjs) near 51.5° N: the same aspect as a Mercator map.
        aspectScale: Math.cos((51.5 * Math.PI) / 180),
        top: 80,
        label: { show: true, fontSize: 9 },
        itemStyle: { borderColor: '#ffffff' },
        data: input.values.map((v) => ({ name: v.area, value: v.rank })),
      },
    ],
  });
}

function vegaLiteMap(host, input, end) {
  // Label positions: the mean of each tile's corners (Vega-Lite's text mark takes longitude/latitude).
  const labels = input.geo.features.map((f) => {
    const ring = f.geometry.coordinates[0].slice(1);
    return { name: f.properties.name, lon: ring.reduce((s, p) => s + p[0], 0) / ring.length, lat: ring.reduce((s, p) => s + p[1], 0) / ring.length };
  });
  vegaEmbed(
    host,
    {
      title: { text: input.title, subtitle: input.source },
      width: 780,
      height: 600,
      projection: { type: 'mercator' },
      layer: [
        {
          data: { values: input.geo, format: { type: 'json', property: 'features' } },
          transform: [{ lookup: 'properties.name', from: { data: { values: input.values }, key: 'area', fields: ['rank'] } }],
          mark: { type: 'geoshape', stroke: '#ffffff', tooltip: true },
          encoding: {
            color: { field: 'rank', type: 'quantitative', title: 'Rang', scale: { type: 'threshold', domain: input.classes.slice(1).map((c) => c.from), range: input.colours } },
            tooltip: [{ field: 'properties.name', title: 'Sozialraum' }, { field: 'rank', title: 'Rang' }],
          },
        },
        { data: { values: labels }, mark: { type: 'text', fontSize: 9 }, encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'name' } } },
      ],
    },
    { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } },
  ).then(() => end());
}

function plotMap(host, input, end) {
  const features = input.geo.features;
  host.append(
    Plot.plot({
      width: 800,
      title: input.title,
      caption: input.source,
      projection: { type: 'mercator', domain: input.geo },
      color: { type: 'threshold', domain: input.classes.slice(1).map((c) => c.from), range: input.colours, legend: true, label: 'Rang' },
      marks: [
        Plot.geo(features, { fill: (f) => input.rank.get(f.properties.name), stroke: '#ffffff', tip: true, title: (f) => `${f.properties.name}: Rang ${input.rank.get(f.properties.name)}` }),
        Plot.text(features, Plot.centroid({ text: (f) => f.properties.name, fontSize: 9 })),
      ],
    }),
  );
  end();
}

// ---------------------------------------------------------------------------------------------------------
// Peers: the network (gesamtstrategie-fachgruppen-2022)

function highchartsNetwork(host, input, end) {
  Highcharts.chart(
    host,
    {
      chart: { type: 'networkgraph', animation: false },
      title: { text: input.title },
      credits: { enabled: false },
      tooltip: { pointFormat: '{point.name}' },
      plotOptions: {
        networkgraph: {
          keys: ['from', 'to'],
          animation: false,
          // Without the simulation the force layout is computed in one go before the first render (no animation).
          layoutAlgorithm: { enableSimulation: false, linkLength: 45 },
        },
      },
      series: [
        {
          name: input.title,
          marker: { radius: 6 },
          dataLabels: { enabled: true, linkFormat: '', style: { fontSize: '10px', fontWeight: 'normal' } },
          nodes: input.nodes.map((n) => ({ id: n.id, name: n.label, color: n.colour })),
          data: input.links.map((l) => [l.source, l.target]),
        },
      ],
    },
    () => end(),
  );
}

function echartsNetwork(host, input, end) {
  const chart = echarts.init(host, null, { renderer: 'canvas', locale: 'DE' });
  chart.on('finished', function once() {
    chart.off('finished', once);
    end();
  });
  const category = new Map(input.kinds.map((k, i) => [k.id, i]));
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    title: { text: input.title, textStyle: { fontSize: 13 } },
    tooltip: {},
    legend: { data: input.kinds.map((k) => k.label), bottom: 0 },
    series: [
      {
        type: 'graph',
        // The force layout computed in one go before the first render (no layout animation).
        layout: 'force',
        force: { layoutAnimation: false, repulsion: 120, edgeLength: 45 },
        categories: input.kinds.map((k) => ({ name: k.label, itemStyle: { color: k.colour } })),
        data: input.nodes.map((n) => ({ id: n.id, name: n.label, category: category.get(n.kind), symbolSize: 12 })),
        links: input.links.map((l) => ({ source: l.source, target: l.target, symbol: l.directed ? ['none', 'arrow'] : ['none', 'none'] })),
        label: { show: true, position: 'right', fontSize: 10 },
        lineStyle: { color: '#999999' },
      },
    ],
  });
}

function visNetwork(host, input, end) {
  const network = new vis.Network(
    host,
    {
      nodes: input.nodes.map((n) => ({ id: n.id, label: n.label, title: `${n.label} (${n.kindLabel})`, color: n.colour })),
      edges: input.links.map((l) => ({ from: l.source, to: l.target, arrows: l.directed ? 'to' : '', title: l.label })),
    },
    {
      nodes: { shape: 'dot', size: 8, font: { size: 11 } },
      edges: { smooth: false, color: '#999999' },
      // vis-network lays out by physics: stabilised before the first drawing, then switched off (no motion).
      physics: { stabilization: { enabled: true, iterations: 1000, fit: true } },
    },
  );
  network.once('stabilizationIterationsDone', () => {
    network.setOptions({ physics: false });
    network.once('afterDrawing', () => end());
    network.redraw();
  });
}

function cytoscapeNetwork(host, input, end) {
  const cy = cytoscape({
    container: host,
    elements: [
      ...input.nodes.map((n) => ({ data: { id: n.id, label: n.label, colour: n.colour, ring: n.ring } })),
      ...input.links.map((l, i) => ({ data: { id: `e${i}`, source: l.source, target: l.target }, classes: l.directed ? 'directed' : '' })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(colour)', width: 12, height: 12, 'font-size': 10 } },
      { selector: 'edge', style: { width: 1, 'line-color': '#999999', 'curve-style': 'straight' } },
      { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#999999' } },
    ],
    // Rings by distance from the hub, as the widget's radial layout.
    layout: { name: 'concentric', animate: false, concentric: (node) => input.maxRing + 1 - node.data('ring'), levelWidth: () => 1, minNodeSpacing: 40 },
  });
  cy.ready(() => end());
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The contestants per chart. `libs`: files from bench/peers/node_modules, loaded in this order by classic
 * <script> tags; `draw`: as above; `renders`: what the chart is drawn into (checked after each load);
 * `lacks`: what this peer does not show of the widget's features, with the reason (printed with the table).
 */
export const charts = {
  bars: {
    title: '39 bars (test/fixtures/bars-39-made-up.json: made-up values, 39 Sozialräume)',
    height: 1100,
    prepare: prepareBars,
    peers: [
      { id: 'highcharts', name: 'Highcharts (+ accessibility, exporting)', libs: [...HC, ...HC_TAIL], draw: highchartsBars, renders: 'svg' },
      { id: 'echarts', name: 'ECharts (full build)', libs: ['echarts/dist/echarts.min.js'], draw: echartsBars, renders: 'canvas' },
      { id: 'vega-lite', name: 'Vega-Lite (vega + vega-lite + vega-embed, SVG)', libs: VEGA, draw: vegaLiteBars, renders: 'svg' },
      { id: 'plot', name: 'Observable Plot (+ d3)', libs: PLOT, draw: plotBars, renders: 'svg' },
      {
        id: 'chartjs',
        name: 'Chart.js',
        libs: ['chart.js/dist/chart.umd.min.js'],
        draw: chartjsBars,
        renders: 'canvas',
        lacks: 'no value labels on the bars and no reference line (both need plugins: chartjs-plugin-datalabels, chartjs-plugin-annotation)',
      },
    ],
  },
  map: {
    title: '39-tile choropleth (ranks of einkommen-2001, data/indicators/sozialraum-rankings-2007.json, five rank classes)',
    height: 800,
    prepare: prepareMap,
    peers: [
      { id: 'highcharts', name: 'Highcharts Maps (map module + accessibility, exporting)', libs: [...HC, 'highcharts/modules/map.js', ...HC_TAIL], draw: highchartsMap, renders: 'svg' },
      { id: 'echarts', name: 'ECharts (full build, registered GeoJSON)', libs: ['echarts/dist/echarts.min.js'], draw: echartsMap, renders: 'canvas' },
      { id: 'vega-lite', name: 'Vega-Lite geoshape (vega + vega-lite + vega-embed, SVG)', libs: VEGA, draw: vegaLiteMap, renders: 'svg' },
      { id: 'plot', name: 'Observable Plot geo (+ d3)', libs: PLOT, draw: plotMap, renders: 'svg' },
    ],
    absent: [{ name: 'Chart.js', why: 'no map or geo chart without a plugin (chartjs-chart-geo)' }],
  },
  network: {
    title: 'network gesamtstrategie-fachgruppen-2022 (data/networks.json: 56 nodes, 92 links)',
    height: 800,
    prepare: prepareNetwork,
    peers: [
      {
        id: 'highcharts',
        name: 'Highcharts networkgraph (+ accessibility, exporting)',
        libs: [...HC, 'highcharts/modules/networkgraph.js', ...HC_TAIL],
        draw: highchartsNetwork,
        renders: 'svg',
        lacks: 'force layout (no ring layout); no legend of node kinds in one series',
      },
      { id: 'echarts', name: 'ECharts graph (full build)', libs: ['echarts/dist/echarts.min.js'], draw: echartsNetwork, renders: 'canvas', lacks: 'force layout (no ring layout for a general graph)' },
      {
        id: 'vis-network',
        name: 'vis-network (standalone)',
        libs: ['vis-network/standalone/umd/vis-network.min.js'],
        draw: visNetwork,
        renders: 'canvas',
        lacks: 'physics layout (no ring layout); no legend; no accessibility support (canvas without text alternative)',
      },
      {
        id: 'cytoscape',
        name: 'Cytoscape.js',
        libs: ['cytoscape/dist/cytoscape.min.js'],
        draw: cytoscapeNetwork,
        renders: 'canvas',
        lacks: 'no title, legend, tooltips or accessibility support (canvas; tooltips need an extension)',
      },
    ],
    absent: [
      { name: 'Vega-Lite', why: 'no network mark (Vega has a force transform, Vega-Lite does not)' },
      { name: 'Observable Plot', why: 'no graph layout (would need d3-force and hand-placed links)' },
      { name: 'Chart.js', why: 'no network chart without a plugin' },
    ],
  },
};
