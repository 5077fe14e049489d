/**
 * Geometry tooling: the generated schematic tile map, the open-data import (scripts/geo-import.mjs)
 * and the made-up benchmark boundaries. Needs `npm run build` first (the import uses dist/esm/areas.js).
 */
import { geoArea } from 'd3-geo';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { feature, neighbors } from 'topojson-client';
import { madeUpBoundaries } from '../fixtures/geo/make-boundaries-made-up.mjs';
import { tileMap } from '../../scripts/generate-tile-map.mjs';

const root = new URL('../../', import.meta.url);
const pathOf = (rel) => fileURLToPath(new URL(rel, root));
const readText = (rel) => readFileSync(new URL(rel, root), 'utf8');
const readJson = (rel) => JSON.parse(readText(rel));

const areasFile = readJson('data/sozialraeume.json');
const canonicalIds = areasFile.sozialraeume.map((s) => s.id).sort();

/** Features of the `sozialraeume` object, with each one's neighbours by id. */
function featuresWithNeighbours(topology) {
  const object = topology.objects.sozialraeume;
  const ids = object.geometries.map((g) => g.id);
  const around = neighbors(object.geometries).map((list) => list.map((i) => ids[i]));
  return feature(topology, object).features.map((f, i) => ({ ...f, neighbours: around[i] }));
}

const byId = (features, id) => features.find((f) => f.id === id);

describe('schematic tile map', () => {
  const tiles = readJson('data/geo/sozialraeume-tiles.topo.json');
  const features = featuresWithNeighbours(tiles);
  const centre = (id) => {
    const ring = byId(features, id).geometry.coordinates[0].slice(0, 6);
    return { x: ring.reduce((s, p) => s + p[0], 0) / 6, y: ring.reduce((s, p) => s + p[1], 0) / 6 };
  };

  test('one tile per Sozialraum, ids exactly the 39 canonical ids', () => {
    assert.equal(tiles.objects.sozialraeume.geometries.length, 39);
    assert.deepEqual(features.map((f) => f.id).sort(), canonicalIds);
  });

  test('every tile is a hexagon in its own grid cell', () => {
    const cells = new Set();
    for (const f of features) {
      assert.equal(f.geometry.type, 'Polygon', f.id);
      assert.equal(f.geometry.coordinates.length, 1, `${f.id}: one ring`);
      assert.equal(f.geometry.coordinates[0].length, 7, `${f.id}: six corners and the closing point`);
      const { col, row } = f.properties;
      assert.ok(Number.isInteger(col) && Number.isInteger(row) && col >= 0 && row >= 0, `${f.id}: col/row`);
      cells.add(`${col},${row}`);
    }
    assert.equal(cells.size, 39, 'no two tiles share a cell');
  });

  test('properties name each tile and say it is schematic', () => {
    assert.equal(tiles.properties.schematic, true);
    assert.equal(tiles.properties.planar, true);
    assert.equal(tiles.properties.yDown, true);
    for (const s of areasFile.sozialraeume) {
      const p = byId(features, s.id).properties;
      assert.equal(p.name, s.name);
      assert.equal(p.stadtbezirk, s.stadtbezirk);
      assert.equal(p.aktionsraum2008, s.aktionsraum2008 === true);
      assert.equal(p.aktionsraum2021, s.aktionsraum2021 === true);
    }
  });

  test('neighbouring tiles share arcs, and every tile touches another', () => {
    const nordmarkt = byId(features, 'nordmarkt');
    assert.ok(nordmarkt.neighbours.includes('borsigplatz'), 'Borsigplatz borders Nordmarkt');
    assert.ok(nordmarkt.neighbours.includes('hafen'), 'Hafen borders Nordmarkt');
    for (const f of features) assert.ok(f.neighbours.length > 0, `${f.id} stands alone`);
  });

  test('compass order: Borsigplatz east of Nordmarkt, Hafen west, City south (y grows downward)', () => {
    const nordmarkt = centre('nordmarkt');
    assert.ok(centre('borsigplatz').x > nordmarkt.x);
    assert.equal(centre('borsigplatz').y, nordmarkt.y, 'same row');
    assert.ok(centre('hafen').x < nordmarkt.x);
    assert.equal(centre('hafen').y, nordmarkt.y, 'same row');
    assert.ok(centre('city').y > nordmarkt.y);
    assert.ok(centre('brechten-holthausen').y < nordmarkt.y, 'Brechten north');
    assert.ok(centre('hoechsten-holzen-syburg').y > centre('city').y, 'Syburg south');
  });

  test('data/geo/sozialraeume-tiles.topo.json and src/sozialraum-map/tiles-data.ts are current', () => {
    const { json, module } = tileMap(areasFile);
    assert.equal(readText('data/geo/sozialraeume-tiles.topo.json'), json, 'run: npm run geo:tiles');
    assert.equal(readText('src/sozialraum-map/tiles-data.ts'), module, 'run: npm run geo:tiles');
  });
});

test('every TopoJSON file in data/ names its source', () => {
  const dir = new URL('data/geo/', root);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const topology = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
    assert.equal(topology.type, 'Topology', name);
    assert.ok(topology.properties?.source, `data/geo/${name}: properties.source is missing`);
  }
});

describe('geo:import', () => {
  const work = mkdtempSync(join(tmpdir(), 'geo-import-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const fixture = pathOf('test/fixtures/geo/stadtbezirke-made-up.geojson');
  const importGeo = (...args) => {
    const run = spawnSync(process.execPath, [pathOf('scripts/geo-import.mjs'), ...args], { encoding: 'utf8' });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  test('converts, matches names to canonical ids and reports the unmatched one', () => {
    const out = join(work, 'small.topo.json');
    const run = importGeo(fixture, '--id-property', 'NAME', '--out', out);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /unmatched: "Atlantis"/);
    assert.doesNotMatch(run.stderr, /unmatched: "(Nordmarkt|Hafen|Borsigplatz)"/);
    assert.match(run.stdout, /features: 4, matched: 3 .*unmatched: 1/);
    assert.match(run.stdout, /size: [\d.]+ KB/);

    const topology = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(topology.type, 'Topology');
    assert.deepEqual(Object.keys(topology.objects), ['sozialraeume']);
    const features = featuresWithNeighbours(topology);
    assert.deepEqual(features.map((f) => f.id), ['hafen', 'nordmarkt', 'borsigplatz', 'Atlantis']);
    assert.deepEqual(byId(features, 'nordmarkt').properties, { name: 'Nordmarkt', level: 'sozialraum', stadtbezirk: 'stadtbezirk-innenstadt-nord' });
    assert.deepEqual(byId(features, 'Atlantis').properties, { name: 'Atlantis', unmatched: true });
    assert.deepEqual(byId(features, 'nordmarkt').neighbours.sort(), ['borsigplatz', 'hafen'], 'shared borders became shared arcs');
    // d3-geo reads winding on the sphere: a wrongly wound ring would cover nearly the whole globe.
    for (const f of features) assert.ok(geoArea(f) < 1e-6, `${f.id}: outer ring must run clockwise`);
  });

  test('--object renames the object; --level stadtbezirk finds no Sozialraum names', () => {
    const out = join(work, 'named.topo.json');
    const run = importGeo(fixture, '--id-property', 'NAME', '--out', out, '--object', 'bezirke', '--level', 'stadtbezirk');
    assert.equal(run.code, 0, run.stderr);
    const topology = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(Object.keys(topology.objects), ['bezirke']);
    assert.equal(topology.objects.bezirke.geometries.filter((g) => g.properties.unmatched).length, 4);
  });

  test('--strict exits 1 when a name is unmatched', () => {
    const run = importGeo(fixture, '--id-property', 'NAME', '--out', join(work, 'strict.topo.json'), '--strict');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /unmatched: "Atlantis"/);
  });

  test('unusable input exits 2 with a clear message', () => {
    const notJson = join(work, 'not.json');
    writeFileSync(notJson, 'NAME;geometry\nNordmarkt;?\n');
    let run = importGeo(notJson, '--id-property', 'NAME', '--out', join(work, 'x.json'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not JSON/);

    const notCollection = join(work, 'feature.json');
    writeFileSync(notCollection, JSON.stringify({ type: 'Feature', properties: {}, geometry: null }));
    run = importGeo(notCollection, '--id-property', 'NAME', '--out', join(work, 'x.json'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not a GeoJSON FeatureCollection/);

    run = importGeo(fixture, '--id-property', 'BEZEICHNUNG', '--out', join(work, 'x.json'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no value in property "BEZEICHNUNG".*Properties found: NAME, NR/);

    run = importGeo(join(work, 'missing.geojson'), '--id-property', 'NAME', '--out', join(work, 'x.json'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read/);

    run = importGeo(fixture, '--out', join(work, 'x.json'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--id-property is required/);
  });

  test('projected coordinates are refused with a hint to convert them', () => {
    const projected = join(work, 'utm.geojson');
    const square = [[[390000, 5710000], [391000, 5710000], [391000, 5711000], [390000, 5710000]]];
    writeFileSync(projected, JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { NAME: 'Hafen' }, geometry: { type: 'Polygon', coordinates: square } }],
    }));
    const run = importGeo(projected, '--id-property', 'NAME', '--out', join(work, 'x.json'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not longitude\/latitude/);
  });

  test('boundary-sized input: all 39 matched, simplified, shared borders and every area kept', () => {
    const boundaries = readJson('test/fixtures/geo/sozialraeume-made-up-boundaries.topo.json');
    const input = join(work, 'boundaries-made-up.geojson');
    writeFileSync(input, JSON.stringify(feature(boundaries, boundaries.objects.sozialraeume)));
    for (const keep of ['0.1', '0']) {
      const out = join(work, `boundaries-${keep}.topo.json`);
      const run = importGeo(input, '--id-property', 'name', '--out', out, '--simplify', keep, '--strict');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /features: 39, matched: 39 \(39 sozialraum\), unmatched: 0/);
      const features = featuresWithNeighbours(JSON.parse(readFileSync(out, 'utf8')));
      assert.deepEqual(features.map((f) => f.id).sort(), canonicalIds);
      for (const f of features) {
        const corners = new Set(f.geometry.coordinates[0].map(String));
        assert.ok(corners.size >= 4, `${f.id} collapsed at --simplify ${keep}`);
        assert.ok(f.neighbours.length > 0, `${f.id} lost its neighbours at --simplify ${keep}`);
      }
      assert.ok(byId(features, 'nordmarkt').neighbours.includes('borsigplatz'));
      assert.ok(statSync(out).size < statSync(input).size / 3, 'much smaller than the input');
    }
  });
});

describe('made-up boundary fixture', () => {
  const rel = 'test/fixtures/geo/sozialraeume-made-up-boundaries.topo.json';
  const text = readText(rel);
  const topology = JSON.parse(text);
  const features = featuresWithNeighbours(topology);

  test('one polygon per canonical Sozialraum id, marked made-up', () => {
    assert.deepEqual(features.map((f) => f.id).sort(), canonicalIds);
    for (const f of features) assert.equal(f.geometry.type, 'Polygon', f.id);
    assert.match(topology.$comment, /made-up/i);
  });

  test('sized like real boundary data: 150–250 KB', () => {
    const kb = Buffer.byteLength(text) / 1024;
    assert.ok(kb >= 150 && kb <= 250, `${kb.toFixed(1)} KB`);
  });

  test('neighbours share arcs; outer rings wound for d3-geo', () => {
    assert.ok(byId(features, 'nordmarkt').neighbours.includes('borsigplatz'));
    assert.ok(byId(features, 'nordmarkt').neighbours.includes('hafen'));
    for (const f of features) {
      assert.ok(f.neighbours.length > 0, `${f.id} has no neighbour`);
      assert.ok(geoArea(f) < 1e-5, `${f.id}: outer ring must run clockwise`);
    }
  });

  test('is what test/fixtures/geo/make-boundaries-made-up.mjs makes', () => {
    assert.equal(text, JSON.stringify(madeUpBoundaries(areasFile)) + '\n', 'run: node test/fixtures/geo/make-boundaries-made-up.mjs');
  });
});
