import { expect } from '@open-wc/testing';
import { geoIdentity, geoMercatorRaw, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import { mercatorPoint, parseGeometry, type MapGeometry } from '../src/sozialraum-map/geometry.js';
import { fit, planarPath, project } from '../src/sozialraum-map/planar-path.js';
import tileTopology from '../src/sozialraum-map/tiles-data.js';

const tiles = tileTopology();

/**
 * planar-path.ts replaced d3-geo's geoIdentity + geoPath in the map to keep the single file small.
 * d3-geo stays the reference here: the same fit and the same path strings, character for character.
 */

/** What the map used before: d3's path through a stream that drops points within 1.2 px of the last drawn. */
function thinned(projection: GeoProjection): GeoProjection {
  return {
    stream(output: GeoStream) {
      let lastX = NaN;
      let lastY = NaN;
      let pending: [number, number] | undefined;
      const inner: GeoStream = {
        point(x, y) {
          const dx = x - lastX;
          const dy = y - lastY;
          if (Number.isNaN(lastX) || dx * dx + dy * dy >= 1.44) {
            output.point(x, y);
            lastX = x;
            lastY = y;
            pending = undefined;
          } else pending = [x, y];
        },
        lineStart() {
          lastX = lastY = NaN;
          pending = undefined;
          output.lineStart();
        },
        lineEnd() {
          if (pending) output.point(pending[0], pending[1]);
          output.lineEnd();
        },
        polygonStart: () => output.polygonStart(),
        polygonEnd: () => output.polygonEnd(),
      };
      return projection.stream(inner);
    },
  } as GeoProjection;
}

function compare(geometry: MapGeometry, width: number, height?: number) {
  const xs = geometry.features.flatMap((f) => [f.bbox[0], f.bbox[2]]);
  const ys = geometry.features.flatMap((f) => [f.bbox[1], f.bbox[3]]);
  const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const corners = { type: 'MultiPoint', coordinates: [box.slice(0, 2), box.slice(2)] } as never;
  const projection = geoIdentity().reflectY(!geometry.yDown) as unknown as GeoProjection;
  if (height === undefined) projection.fitWidth(width, corners);
  else projection.fitSize([width, height], corners);
  const [tx, ty] = projection.translate();
  projection.translate([tx + 4, ty + 4 - 7.3]);
  const plane = fit(box, !geometry.yDown, width, height);
  plane.x += 4;
  plane.y = plane.y + 4 - 7.3;
  const d3Path = geoPath(thinned(projection)).digits(1);
  for (const f of geometry.features) {
    expect(project(plane, f.bbox[0], f.bbox[1])).to.deep.equal(projection([f.bbox[0], f.bbox[1]]));
    expect(planarPath(plane, f.geometry), f.id).to.equal(d3Path(f.geometry as never));
  }
  for (const lines of [geometry.stadtbezirkMesh, geometry.outline]) if (lines) expect(planarPath(plane, lines)).to.equal(d3Path(lines as never));
}

describe('planar path (instead of d3-geo geoPath)', () => {
  it('draws the tile map exactly as d3-geo did, by width and in a box', () => {
    const geometry = parseGeometry(tiles);
    for (const width of [232, 312, 500, 592.5, 1000, 1913]) compare(geometry, width);
    for (const [width, height] of [[1913, 640], [600, 240], [300, 900]]) compare(geometry, width, height);
  });

  it('draws lon/lat boundaries (Mercator, y flipped, thinned) exactly as d3-geo did', async () => {
    const raw = await (await fetch('/test/fixtures/geo/sozialraeume-made-up-boundaries.topo.json')).json();
    const geometry = parseGeometry(raw);
    expect(geometry.yDown).to.equal(false);
    for (const width of [312, 592, 1192.5]) compare(geometry, width);
    compare(geometry, 1913, 640);
  });

  it('projects lon/lat exactly as geoMercatorRaw of d3-geo', () => {
    for (const [lon, lat] of [[7.465, 51.514], [7.3, 51.42], [7.64, 51.6], [0, 0], [-179.9, -85], [180, 85]]) {
      const r = Math.PI / 180;
      expect(mercatorPoint([lon, lat])).to.deep.equal(geoMercatorRaw(lon * r, lat * r));
    }
  });

  it('draws lines, polygons with holes, multipolygons and collections; keeps first and last points', () => {
    const plane = { k: 1, ky: 1, x: 0, y: 0 };
    expect(planarPath(plane, { type: 'LineString', coordinates: [[0, 0], [0.5, 0], [1.5, 0], [2, 0.04], [3, 0], [3.5, 0]] })).to.equal('M0,0L1.5,0L3,0L3.5,0');
    const ring = [[0, 0], [10, 0], [10, 10], [0, 0]];
    const hole = [[2, 2], [3, 3], [3, 2], [2, 2]];
    expect(planarPath(plane, { type: 'Polygon', coordinates: [ring, hole] })).to.equal('M0,0L10,0L10,10ZM2,2L3,3L3,2Z');
    const collection = { type: 'GeometryCollection', geometries: [{ type: 'MultiPolygon', coordinates: [[ring], [ring]] }, { type: 'MultiLineString', coordinates: [] }] } as GeoJSON.Geometry;
    expect(planarPath(plane, collection)).to.equal('M0,0L10,0L10,10ZM0,0L10,0L10,10Z');
    expect(planarPath(plane, { type: 'MultiLineString', coordinates: [] })).to.equal('');
  });
});
