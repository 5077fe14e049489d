import { expect } from '@open-wc/testing';
import { feature, mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import tileTopology from '../src/sozialraum-map/tiles-data.js';

const tiles = tileTopology();

/**
 * The bundle carries only the tile map's cells; hex-topology.ts rebuilds the topology at load time.
 * It must be the map of data/geo/sozialraeume-tiles.topo.json: the same hexagons, the same neighbours,
 * the same lines between Stadtbezirke and around the city.
 */

const collection = (t: Topology) => t.objects.sozialraeume as GeometryCollection;
const rings = (t: Topology) =>
  (feature(t, collection(t)) as unknown as GeoJSON.FeatureCollection<GeoJSON.Polygon>).features.map((f) => ({
    id: f.id,
    // The ring may start at another corner; the corners and the winding (drawn clockwise) must match.
    corners: [...new Set(f.geometry.coordinates[0].map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`))].sort().join(' '),
    clockwise: signedArea(f.geometry.coordinates[0]) > 0,
  }));
const signedArea = (ring: GeoJSON.Position[]) => ring.slice(1).reduce((sum, p, i) => sum + ring[i][0] * p[1] - p[0] * ring[i][1], 0);
const neighbourIds = (t: Topology) => {
  const g = collection(t).geometries;
  return neighbors(g as never).map((list, i) => `${g[i].id}: ${list.map((j) => g[j].id).sort().join(' ')}`);
};
const lineLength = (m: GeoJSON.MultiLineString) =>
  m.coordinates.flatMap((line) => line.slice(1).map((p, i) => Math.hypot(p[0] - line[i][0], p[1] - line[i][1]))).reduce((a, b) => a + b, 0);

describe('the bundled tile map (hex-topology.ts)', () => {
  let file: Topology;
  before(async () => {
    file = await (await fetch('/data/geo/sozialraeume-tiles.topo.json')).json();
  });

  it('has the same 39 hexagons, corner for corner, as the published file', () => {
    expect(rings(tiles)).to.have.length(39);
    expect(rings(tiles)).to.deep.equal(rings(file));
    expect(tiles.bbox?.map((v) => +v.toFixed(9))).to.deep.equal(file.bbox);
  });

  it('shares arcs as the file does: the same neighbours and the same outline', () => {
    expect(neighbourIds(tiles)).to.deep.equal(neighbourIds(file));
    const outline = (t: Topology) => lineLength(mesh(t, collection(t), (a, b) => a === b) as GeoJSON.MultiLineString);
    expect(outline(tiles)).to.be.closeTo(outline(file), 1e-6);
    expect((tiles as Topology & { properties?: unknown }).properties).to.deep.include({ planar: true, yDown: true, schematic: true });
  });
});
