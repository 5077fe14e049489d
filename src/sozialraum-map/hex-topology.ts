import { mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Polygon, Topology } from 'topojson-specification';
import { areaById } from '../core/areas.js';
import { bounds, type MapFeature, type MapGeometry } from './geometry.js';

/**
 * The schematic tile map as a TopoJSON topology, built when the script loads from its cells ("col row"
 * per tile) and the area ids in the same order. Every reader of an article downloads the library, and a
 * list of cells is a fraction of the size of the topology's arcs; data/geo/sozialraeume-tiles.topo.json
 * is the same map in full.
 *
 * Pointy-top hexagons of radius 1 on an odd-r grid (odd rows half a tile to the right), y downward —
 * as scripts/generate-tile-map.mjs places them. Corners are integers in half-width (x) and half-radius
 * (y) units, turned into plane coordinates by the topology's transform, so a corner two tiles share is
 * the same integer pair and their edge becomes one shared arc (needed for neighbours and the mesh).
 */

/** Corners clockwise on screen from the top, relative to the centre, in half-width / half-radius units. */
const CORNERS = [[0, -2], [1, -1], [1, 1], [0, 2], [-1, 1], [-1, -1]];

/** Half the width of a hexagon of radius 1, rounded as in the generated file. */
const HALF_WIDTH = 0.866;

export function hexTopology(cells: string, ids: string[]): Topology {
  const arcs: number[][][] = [];
  /** Arc index by "x,y,x,y" of its first and last corner. */
  const arcOf = new Map<string, number>();
  let maxX = 0;
  let maxY = 0;
  const geometries = cells.split(',').map((cell, i) => {
    const [col, row] = cell.split(' ');
    const cx = 2 * +col + (+row & 1) + 1;
    const cy = 3 * +row + 2;
    const corners = CORNERS.map(([dx, dy]) => [cx + dx, cy + dy]);
    maxX = Math.max(maxX, cx + 1);
    maxY = Math.max(maxY, cy + 2);
    const ring = corners.map((a, i) => {
      const b = corners[(i + 1) % 6];
      // The neighbour drew this edge the other way round: use its arc reversed (~index).
      const shared = arcOf.get(`${b},${a}`);
      if (shared !== undefined) return ~shared;
      arcOf.set(`${a},${b}`, arcs.length);
      // Delta-encoded, as the transform requires.
      return arcs.push([a, [b[0] - a[0], b[1] - a[1]]]) - 1;
    });
    return { type: 'Polygon' as const, arcs: [ring], id: ids[i] };
  });
  return {
    type: 'Topology',
    bbox: [0, 0, maxX * HALF_WIDTH, maxY / 2],
    transform: { scale: [HALF_WIDTH, 0.5], translate: [0, 0] },
    objects: { sozialraeume: { type: 'GeometryCollection', geometries } },
    arcs: arcs as Topology['arcs'],
    properties: { schematic: true, planar: true, yDown: true },
  } as Topology;
}

/**
 * The map's geometry (see geometry.ts) of a topology built by hexTopology, read straight from its arcs. Each arc
 * is one side of a hexagon (a corner and the step to the next), so the rings, the neighbours (tiles that share
 * a side), the boxes and the areas (the ids are canonical) need none of the general decoding and matching of
 * parseGeometry: on a page's first map that took about 7 ms, this about 2 ms (most of it the mesh). The lines
 * between Stadtbezirke come from topojson's mesh as there; a tile map draws no outline (it would ring the empty
 * cells), so none is made. The result is parseGeometry's, number for number (test/sozialraum-map.test.ts).
 */
export function hexGeometry(topology: Topology): MapGeometry {
  const object = topology.objects.sozialraeume as GeometryCollection;
  const [kx, ky] = topology.transform!.scale;
  const arcs = topology.arcs;
  /** The tiles on either side of each arc. */
  const sides: number[][] = arcs.map(() => []);
  const features = object.geometries.map((g, i): MapFeature => {
    const area = areaById(g.id as string)!;
    // A side drawn the other way round (~index) starts at its arc's end.
    const ring = (g as Polygon).arcs[0].map((k) => {
      const [[x, y], [dx, dy]] = arcs[k < 0 ? ~k : k];
      sides[k < 0 ? ~k : k].push(i);
      return k < 0 ? [(x + dx) * kx, (y + dy) * ky] : [x * kx, y * ky];
    });
    const geometry: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[...ring, [...ring[0]]]] };
    return { id: area.id, name: area.name, area, stadtbezirk: area.stadtbezirk, geometry, bbox: bounds([geometry]) };
  });
  const neighbours = features.map((): number[] => []);
  for (const [a, b] of sides) if (b !== undefined) neighbours[a].push(b), neighbours[b].push(a);
  const bezirk = (g: GeometryObject) => areaById(g.id as string)?.stadtbezirk;
  return {
    features,
    neighbours: neighbours.map((n) => n.sort((a, b) => a - b)),
    stadtbezirkMesh: mesh(topology, object, (a, b) => a !== b && bezirk(a) !== bezirk(b)) as GeoJSON.MultiLineString,
    yDown: true,
    schematic: true,
    warnings: [],
  };
}
