import { feature, mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { CITY_ID, matchArea, type Area } from '../core/areas.js';
import { DataProblems, asError, problem, warning, type Problem } from '../core/problems.js';

/**
 * The map's geometry from TopoJSON or GeoJSON: one feature per area, matched to canonical ids
 * (by feature id or a name property, through the aliases), with its neighbours (for arrow keys) and the
 * Stadtbezirk boundaries as a mesh. Pure data work, no DOM.
 */

export interface MapFeature {
  /** Canonical id, or the file's own name when it matches no area. */
  id: string;
  name: string;
  area?: Area;
  stadtbezirk?: string;
  geometry: GeoJSON.Geometry;
  /** Bounding box [x0, y0, x1, y1] in the (plane) coordinates of `geometry`. */
  bbox: [number, number, number, number];
}

export interface MapGeometry {
  features: MapFeature[];
  /** Indices of each feature's neighbours (shared border). */
  neighbours: number[][];
  /** Lines between Stadtbezirke and around the city, where the geometry is a topology. */
  stadtbezirkMesh?: GeoJSON.MultiLineString;
  outline?: GeoJSON.MultiLineString;
  /** Planar with y pointing down (SVG-style), as the generated tile map. */
  yDown: boolean;
  schematic: boolean;
  warnings: Problem[];
}

type AnyTopology = Topology & { properties?: Record<string, unknown> };

function isTopology(x: unknown): x is AnyTopology {
  return !!x && typeof x === 'object' && (x as { type?: unknown }).type === 'Topology' && typeof (x as { objects?: unknown }).objects === 'object';
}

function isGeoJson(x: unknown): x is GeoJSON.FeatureCollection | GeoJSON.Feature {
  const type = (x as { type?: unknown } | null)?.type;
  return type === 'FeatureCollection' || type === 'Feature';
}

/** The name a feature carries: its id, the configured property, or a usual name property. */
function nameOf(f: GeoJSON.Feature, idProperty: string | null | undefined): string | undefined {
  const props = (f.properties ?? {}) as Record<string, unknown>;
  const candidates = idProperty ? [props[idProperty]] : [f.id, props.id, props.name, props.NAME, props.Name, props.bezeichnung, props.BEZEICHNUNG];
  const found = candidates.find((c) => (typeof c === 'string' && c.trim()) || typeof c === 'number');
  return found === undefined ? undefined : String(found);
}

/**
 * `level`: the level the data is about. A Stadtbezirke file names "Brackel" or "Hörde", which are
 * Sozialräume too; with Stadtbezirk data those names mean the Stadtbezirke.
 */
export function parseGeometry(raw: unknown, idProperty?: string | null, level: 'sozialraum' | 'stadtbezirk' = 'sozialraum'): MapGeometry {
  const warnings: Problem[] = [];
  let collection: GeoJSON.FeatureCollection;
  let topology: AnyTopology | undefined;
  let object: GeometryCollection | undefined;
  if (isTopology(raw)) {
    topology = raw;
    const objects = raw.objects as Record<string, GeometryObject>;
    const key = 'sozialraeume' in objects ? 'sozialraeume' : Object.keys(objects)[0];
    const candidate = key ? objects[key] : undefined;
    if (!candidate || candidate.type !== 'GeometryCollection') throw new DataProblems([problem('p_geoFormat')]);
    object = candidate as GeometryCollection;
    try {
      collection = feature(raw, object) as unknown as GeoJSON.FeatureCollection;
    } catch {
      throw new DataProblems([problem('p_geoFormat')]);
    }
  } else if (isGeoJson(raw)) {
    collection = raw.type === 'Feature' ? { type: 'FeatureCollection', features: [raw] } : raw;
    if (!Array.isArray(collection.features)) throw new DataProblems([problem('p_geoFormat')]);
  } else {
    throw new DataProblems([problem('p_geoFormat')]);
  }

  const features: MapFeature[] = [];
  const kept: number[] = [];
  const unnamed: number[] = [];
  const unmatched: string[] = [];
  const broken: string[] = [];
  collection.features.forEach((f, i) => {
    if (!f || typeof f !== 'object') return;
    const name = nameOf(f, idProperty);
    // A feature without drawable coordinates is named and left out; the others are still drawn.
    if (!f.geometry || !isDrawable(f.geometry)) {
      broken.push(name ? `„${name}“` : `#${i + 1}`);
      return;
    }
    if (name === undefined) {
      unnamed.push(i + 1);
      return;
    }
    const other = level === 'sozialraum' ? 'stadtbezirk' : 'sozialraum';
    const area = matchArea(name, level) ?? matchArea(name, other);
    const usable = area && area.id !== CITY_ID ? area : undefined;
    if (!usable) unmatched.push(name);
    features.push({
      id: usable?.id ?? name,
      name: usable?.name ?? name,
      area: usable,
      stadtbezirk: usable?.level === 'stadtbezirk' ? usable.id : usable?.stadtbezirk,
      geometry: f.geometry,
      bbox: [0, 0, 0, 0],
    });
    kept.push(i);
  });
  if (broken.length) warnings.push(warning('p_geoBroken', broken.join(', ')));
  if (unnamed.length) warnings.push(warning('p_geoNoId', idProperty ?? 'id / name', unnamed.length));
  if (unmatched.length) warnings.push(warning('p_geoUnmatched', unmatched.map((n) => `„${n}“`).join(', ')));
  if (!features.length) throw new DataProblems([problem('p_geoEmpty'), ...warnings.map(asError)]);

  // Neighbours: from the topology's shared arcs; for GeoJSON from shared vertices.
  let neighbours: number[][];
  if (topology && object) {
    const all = neighbors(object.geometries as never);
    const position = new Map(kept.map((orig, i) => [orig, i]));
    neighbours = kept.map((orig) => all[orig].map((n) => position.get(n)).filter((n): n is number => n !== undefined));
  } else {
    neighbours = sharedVertexNeighbours(features);
  }

  let stadtbezirkMesh: GeoJSON.MultiLineString | undefined;
  let outline: GeoJSON.MultiLineString | undefined;
  if (topology && object) {
    const bezirk = new Map(object.geometries.map((g, i) => [g, features[kept.indexOf(i)]?.stadtbezirk]));
    stadtbezirkMesh = mesh(topology, object, (a, b) => a !== b && bezirk.get(a) !== bezirk.get(b)) as GeoJSON.MultiLineString;
    outline = mesh(topology, object, (a, b) => a === b) as GeoJSON.MultiLineString;
    // The areas are checked (isDrawable), the lines between them are built from the same arcs: an arc
    // with a broken position ([6.5] instead of [8.66, 6.5]) left out its areas but drew "L250.9,NaN".
    stadtbezirkMesh = drawableLines(stadtbezirkMesh);
    outline = drawableLines(outline);
  }

  // Each area's box, once: planarity, fitting and label placement then need no further pass.
  for (const f of features) f.bbox = bounds([f.geometry]);
  const x0 = Math.min(...features.map((f) => f.bbox[0]));
  const y0 = Math.min(...features.map((f) => f.bbox[1]));
  const x1 = Math.max(...features.map((f) => f.bbox[2]));
  const y1 = Math.max(...features.map((f) => f.bbox[3]));
  const props = topology?.properties ?? {};
  const planar = props.planar === true || !(x0 >= -180 && x1 <= 180 && y0 >= -90 && y1 <= 90);
  if (!planar) {
    // Longitude/latitude → Mercator, once, here: the map then fits and draws plane coordinates.
    // A city never crosses the antimeridian, so d3-geo's spherical clipping and resampling (most of
    // the drawing time for a detailed boundary file) are not needed. Mercator keeps east–west and
    // north–south order, so a box maps to the box of its projected corners.
    for (const f of features) {
      f.geometry = mercator(f.geometry) as GeoJSON.Geometry;
      const [a, b] = [mercatorPoint([f.bbox[0], f.bbox[1]]), mercatorPoint([f.bbox[2], f.bbox[3]])];
      f.bbox = [a[0], a[1], b[0], b[1]];
    }
    if (stadtbezirkMesh) stadtbezirkMesh = mercator(stadtbezirkMesh) as GeoJSON.MultiLineString;
    if (outline) outline = mercator(outline) as GeoJSON.MultiLineString;
  }
  return {
    features,
    neighbours,
    stadtbezirkMesh,
    outline,
    // Mercator's y grows northwards, like projected files; only the generated tile map counts downwards.
    yDown: planar && (props.yAxis === 'down' || props.yDown === true),
    schematic: props.schematic === true,
    warnings,
  };
}

const RADIANS = Math.PI / 180;

/**
 * Spherical Mercator in radians, the formula of d3-geo's geoMercatorRaw (test/planar-path.test.ts checks
 * they agree). Importing d3-geo for one line pulled ~0.4 KB gzip of its module set-up into the file.
 */
export const mercatorPoint = (c: GeoJSON.Position): GeoJSON.Position => [c[0] * RADIANS, Math.log(Math.tan((Math.PI / 2 + c[1] * RADIANS) / 2))];

/** What reaches it: the areas (drawable, see isDrawable) and the lines between them (MultiLineString). */
function mercator<G extends GeoJSON.Geometry>(g: G): G {
  const p = mercatorPoint;
  switch (g.type) {
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(p)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(p))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map(mercator) };
  }
  return g;
}

const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 3 && r.every(isPosition);

/** A mesh with only the lines whose positions are all finite (at least two each); undefined when none is left. */
function drawableLines(m: GeoJSON.MultiLineString | undefined): GeoJSON.MultiLineString | undefined {
  if (!m || !Array.isArray(m.coordinates)) return undefined;
  const lines = m.coordinates.filter((l) => Array.isArray(l) && l.length >= 2 && l.every(isPosition));
  return lines.length ? { ...m, coordinates: lines } : undefined;
}

/** Areas need rings of finite coordinates; anything else cannot be drawn (or fitted). */
function isDrawable(g: GeoJSON.Geometry): boolean {
  const c = (g as { coordinates?: unknown }).coordinates;
  switch (g.type) {
    case 'Polygon':
      return Array.isArray(c) && c.length > 0 && c.every(isRing);
    case 'MultiPolygon':
      return Array.isArray(c) && c.length > 0 && c.every((p) => Array.isArray(p) && p.length > 0 && p.every(isRing));
    case 'GeometryCollection':
      return Array.isArray(g.geometries) && g.geometries.length > 0 && g.geometries.every(isDrawable);
    default:
      return false;
  }
}

/** Every position of an area (drawable, see isDrawable: polygons and collections of them). */
function eachPosition(g: GeoJSON.Geometry, fn: (p: GeoJSON.Position) => void): void {
  switch (g.type) {
    case 'Polygon':
      g.coordinates.forEach((r) => r.forEach(fn));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
      break;
    case 'GeometryCollection':
      g.geometries.forEach((x) => eachPosition(x, fn));
      break;
  }
}

export function bounds(geometries: GeoJSON.Geometry[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const g of geometries)
    eachPosition(g, ([x, y]) => {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    });
  return [x0, y0, x1, y1];
}

/** Areas that share at least two vertices share a border (GeoJSON has no topology to ask). */
function sharedVertexNeighbours(features: MapFeature[]): number[][] {
  const owners = new Map<string, Set<number>>();
  features.forEach((f, i) =>
    eachPosition(f.geometry, ([x, y]) => {
      const key = `${x.toFixed(6)},${y.toFixed(6)}`;
      let set = owners.get(key);
      if (!set) owners.set(key, (set = new Set()));
      set.add(i);
    }),
  );
  const shared = features.map(() => new Map<number, number>());
  for (const set of owners.values()) {
    if (set.size < 2) continue;
    for (const a of set) for (const b of set) if (a !== b) shared[a].set(b, (shared[a].get(b) ?? 0) + 1);
  }
  return shared.map((m) => [...m].filter(([, n]) => n >= 2).map(([i]) => i));
}
