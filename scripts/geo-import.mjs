/**
 * Converts the city's open-data boundaries (WGS84 GeoJSON, e.g. Stadtbezirke or statistische Bezirke)
 * into the small TopoJSON the map element draws: shared borders become shared arcs, the lines are
 * simplified, each feature gets the canonical id its name stands for (through the same alias matching
 * the widgets use), and every name that matches nothing is reported, so a mismatch is never silent.
 *
 *   npm run geo:import -- in.geojson --id-property NAME --out data/geo/x.json [options]
 *
 * Exit codes: 0 done (unmatched names are kept and reported), 1 with --strict when a name is unmatched
 * or an id comes twice, 2 when the input cannot be used (or dist/ is missing: run npm run build first).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { quantize as quantizeTopology } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';

const USAGE = `Usage: npm run geo:import -- <in.geojson> --id-property NAME --out FILE [options]

  --id-property NAME  feature property holding the area's name (required)
  --out FILE          where to write the TopoJSON (required)
  --level LEVEL       sozialraum | stadtbezirk (default: per feature, Sozialraum first, then Stadtbezirk)
  --object NAME       name of the object in the topology (default: sozialraeume)
  --simplify P        share of the points to keep, 0..1 (default: 0.1; 1 keeps every point)
  --quantize N        grid size for coordinates (default: 1e5; 0 keeps full precision)
  --source TEXT       where the file comes from (publisher, title, date, licence), stored in the output
  --strict            exit 1 when a name matches no area or two features get the same id
  --help              this text`;

const DEFAULT_SIMPLIFY = 0.1;
const DEFAULT_QUANTIZE = 1e5;
/** Fewest distinct corners a ring keeps however hard it is simplified, so no area collapses. */
const MIN_RING_CORNERS = 4;

/** Exit 2: the input cannot be used. */
class InputError extends Error {}
/** Exit 2 as well, and the usage text helps. */
class UsageError extends InputError {}

// ---------------------------------------------------------------------------------------------
// Options

function readOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'id-property': { type: 'string' },
        out: { type: 'string' },
        level: { type: 'string' },
        object: { type: 'string', default: 'sozialraeume' },
        simplify: { type: 'string', default: String(DEFAULT_SIMPLIFY) },
        quantize: { type: 'string', default: String(DEFAULT_QUANTIZE) },
        source: { type: 'string' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) throw new UsageError('give exactly one input file');
  if (!values['id-property']) throw new UsageError('--id-property is required (the property holding each area\'s name)');
  if (!values.out) throw new UsageError('--out is required');
  if (values.level && !['sozialraum', 'stadtbezirk'].includes(values.level)) {
    throw new UsageError(`--level must be sozialraum or stadtbezirk, not "${values.level}"`);
  }
  const keep = Number(values.simplify);
  if (!(keep >= 0 && keep <= 1)) throw new UsageError(`--simplify must be a number from 0 to 1, not "${values.simplify}"`);
  const grid = Number(values.quantize);
  if (!(Number.isInteger(grid) && (grid === 0 || grid >= 2))) {
    throw new UsageError(`--quantize must be 0 or a whole number ≥ 2, not "${values.quantize}"`);
  }
  if (!values.object.trim()) throw new UsageError('--object must not be empty');
  return {
    input: positionals[0],
    idProperty: values['id-property'],
    out: values.out,
    level: values.level,
    objectName: values.object,
    keep,
    grid,
    source: values.source,
    strict: values.strict,
  };
}

// ---------------------------------------------------------------------------------------------
// Input checks

function readFeatureCollection(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  let json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // files saved on Windows often start with a BOM
  } catch (e) {
    throw new InputError(`${path} is not JSON (${e.message}); expected a GeoJSON FeatureCollection`);
  }
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    const what = json?.type === 'Topology' ? 'TopoJSON, already converted' : `type ${JSON.stringify(json?.type ?? null)}`;
    throw new InputError(`${path} is not a GeoJSON FeatureCollection (${what})`);
  }
  if (!json.features.length) throw new InputError(`${path} has no features`);
  const crs = json.crs?.properties?.name;
  if (crs && !/CRS84$|EPSG:{1,2}4326$/i.test(crs)) {
    throw new InputError(`${path} is in ${crs}; convert it to WGS84 longitude/latitude first (e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)`);
  }
  return json;
}

function eachPosition(geometry, fn) {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) for (const p of ring) fn(p);
}

/** Rings of positions with numeric coordinates, each ring closed and at least a triangle. */
function wellFormed(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const position = (p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const ring = (r) => Array.isArray(r) && r.length >= 4 && r.every(position) && r[0][0] === r.at(-1)[0] && r[0][1] === r.at(-1)[1];
  return Array.isArray(polygons) && polygons.every((rings) => Array.isArray(rings) && rings.length > 0 && rings.every(ring));
}

/** Every feature has a polygon and a name, and the coordinates are longitude/latitude. */
function checkFeatures(collection, idProperty, path) {
  const noName = [];
  const usable = [];
  const skipped = [];
  collection.features.forEach((f, i) => {
    const number = i + 1;
    if (!f || f.type !== 'Feature') throw new InputError(`${path}: entry ${number} is not a GeoJSON Feature`);
    if (!f.geometry) {
      skipped.push(number);
      return;
    }
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
      throw new InputError(`${path}: feature ${number} is a ${f.geometry.type}; only Polygons and MultiPolygons are areas`);
    }
    if (!wellFormed(f.geometry)) {
      throw new InputError(`${path}: feature ${number} has malformed coordinates (every ring needs ≥ 4 numeric positions, first = last)`);
    }
    const value = f.properties?.[idProperty];
    if (value === undefined || value === null || String(value).trim() === '') noName.push(number);
    else usable.push({ number, name: String(value).trim(), geometry: f.geometry });
  });
  if (noName.length) {
    const seen = [...new Set(collection.features.flatMap((f) => Object.keys(f?.properties ?? {})))];
    throw new InputError(
      `${path}: ${noName.length} of ${collection.features.length} features have no value in property "${idProperty}" ` +
        `(features ${listShort(noName)}). Properties found: ${seen.length ? seen.join(', ') : 'none'}`,
    );
  }
  for (const f of usable) {
    eachPosition(f.geometry, ([x, y]) => {
      if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
        throw new InputError(
          `${path}: feature ${f.number} has coordinates [${x}, ${y}], which are not longitude/latitude; ` +
            'convert the file to WGS84 first (e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)',
        );
      }
    });
  }
  return { usable, skipped };
}

const listShort = (numbers) => (numbers.length > 10 ? `${numbers.slice(0, 10).join(', ')}, …` : numbers.join(', '));

// ---------------------------------------------------------------------------------------------
// Geometry

/** Twice the signed area of a ring, positive when counter-clockwise with y (latitude) upward. */
function signedArea2(ring) {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/**
 * One winding for every ring: outer rings clockwise, holes anticlockwise. The map draws rings as SVG
 * paths with the nonzero fill rule, where a hole only stays open when it runs against its outer ring,
 * and d3-geo, which readers of the file may use, takes a ring the other way round for "the whole world
 * except this area". Open data comes in both windings (RFC 7946 asks for the opposite), so every ring
 * is turned the d3 way.
 */
function windForD3(geometry) {
  const polygon = (rings) =>
    rings.map((ring, k) => {
      const clockwise = signedArea2(ring) < 0;
      const wantClockwise = k === 0;
      return clockwise === wantClockwise ? ring : ring.slice().reverse();
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
}

function polygonRings(topo) {
  const rings = [];
  const visit = (g) => {
    if (g.type === 'GeometryCollection') g.geometries.forEach(visit);
    else if (g.type === 'Polygon') rings.push(...g.arcs);
    else if (g.type === 'MultiPolygon') g.arcs.forEach((p) => rings.push(...p));
  };
  Object.values(topo.objects).forEach(visit);
  return rings;
}

/**
 * Simplification removes the points that matter least everywhere, so a small area bounded by only one
 * or two arcs could shrink to a line. Before simplifying, each ring keeps its strongest points until it
 * has MIN_RING_CORNERS corners. A shared arc is one array, so both neighbours keep the same points.
 */
function protectSmallRings(presimplified, minWeight) {
  for (const ring of polygonRings(presimplified)) {
    const corners = new Set();
    const candidates = [];
    for (const index of ring) {
      const arc = presimplified.arcs[index < 0 ? ~index : index];
      arc.forEach((point, k) => {
        if (k === 0 || k === arc.length - 1) corners.add(`${point[0]},${point[1]}`);
        else if (point[2] >= minWeight) corners.add(`${point[0]},${point[1]}`);
        else candidates.push(point);
      });
    }
    candidates.sort((a, b) => b[2] - a[2]);
    for (const point of candidates) {
      if (corners.size >= MIN_RING_CORNERS) break;
      const key = `${point[0]},${point[1]}`;
      if (corners.has(key)) continue;
      point[2] = Infinity;
      corners.add(key);
    }
  }
}

function countPoints(arcs) {
  return arcs.reduce((n, arc) => n + arc.length, 0);
}

// ---------------------------------------------------------------------------------------------
// The import

/** Canonical area for a name: at the given level, or Sozialraum first, then Stadtbezirk. */
function matcherFor(matchArea, level) {
  return level ? (name) => matchArea(name, level) : (name) => matchArea(name, 'sozialraum') ?? matchArea(name, 'stadtbezirk');
}

export function importBoundaries(collection, options, matchArea) {
  const { idProperty, level, objectName, keep, grid, inputName } = options;
  const { usable, skipped } = checkFeatures(collection, idProperty, inputName);
  const match = matcherFor(matchArea, level);

  const unmatched = [];
  const levels = new Map();
  const featuresById = new Map();
  const features = usable.map((f) => {
    const area = match(f.name);
    if (!area) unmatched.push(f);
    else levels.set(area.level, (levels.get(area.level) ?? 0) + 1);
    const id = area?.id ?? f.name;
    featuresById.set(id, [...(featuresById.get(id) ?? []), f]);
    const stadtbezirk = area?.level === 'stadtbezirk' ? area.id : area?.stadtbezirk;
    return {
      type: 'Feature',
      id,
      properties: {
        name: f.name,
        ...(area ? { level: area.level } : { unmatched: true }),
        ...(stadtbezirk ? { stadtbezirk } : {}),
      },
      geometry: windForD3(f.geometry),
    };
  });
  const duplicates = [...featuresById].filter(([, list]) => list.length > 1);

  let topo = topology({ [objectName]: { type: 'FeatureCollection', features } }, grid > 0 ? grid : undefined);
  // Points in the arcs (each shared border counted once), before and after simplifying.
  const pointsIn = countPoints(topo.arcs);
  if (keep < 1) {
    const weighted = presimplify(topo);
    const minWeight = quantile(weighted, keep);
    protectSmallRings(weighted, minWeight);
    topo = simplify(weighted, minWeight);
    // Simplifying works on absolute coordinates; quantize again so the output is delta-encoded integers.
    if (grid > 0) topo = quantizeTopology(topo, grid);
  }

  const output = {
    type: 'Topology',
    $comment: `Generated by scripts/geo-import.mjs from ${inputName}. Ids are the canonical area ids where the name matched; unmatched features keep their name as id and have "unmatched": true.`,
    properties: {
      source: options.source ?? null,
      input: inputName,
      idProperty,
      level: level ?? 'sozialraum, else stadtbezirk',
      simplify: keep,
      quantize: grid,
      winding: 'outer rings clockwise (d3-geo)',
    },
    ...(topo.bbox ? { bbox: topo.bbox } : {}),
    ...(topo.transform ? { transform: topo.transform } : {}),
    objects: topo.objects,
    arcs: topo.arcs,
  };
  return { topology: output, features, unmatched, duplicates, levels, skipped, pointsIn, pointsOut: countPoints(output.arcs) };
}

async function loadMatcher() {
  const areasModule = fileURLToPath(new URL('../dist/esm/areas.js', import.meta.url));
  if (!existsSync(areasModule)) throw new InputError(`${areasModule} is missing: run npm run build first`);
  return (await import(pathToFileURL(areasModule).href)).matchArea;
}

async function main(argv) {
  const options = readOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const matchArea = await loadMatcher();
  const collection = readFeatureCollection(options.input);
  const inputName = basename(options.input);
  const result = importBoundaries(collection, { ...options, inputName }, matchArea);

  const text = JSON.stringify(result.topology) + '\n';
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, text);

  for (const f of result.unmatched) console.error(`unmatched: "${f.name}" (feature ${f.number}) matches no area; kept with its name as id`);
  for (const [id, list] of result.duplicates) {
    console.error(`duplicate id: "${id}" is given by ${list.length} features (${list.map((f) => `"${f.name}"`).join(', ')})`);
  }
  if (result.skipped.length) console.error(`skipped: features ${listShort(result.skipped)} have no geometry`);
  if (!options.level && result.levels.size > 1) {
    console.error(
      `warning: names matched at different levels (${[...result.levels].map(([l, n]) => `${n} ${l}`).join(', ')}); ` +
        'names such as "Hörde" or "Brackel" are both a Sozialraum and a Stadtbezirk, so pass --level',
    );
  }
  if (!options.source) console.error('note: no --source given; files in data/ need one (publisher, title, date, licence)');

  const matched = result.features.length - result.unmatched.length;
  const byLevel = [...result.levels].map(([l, n]) => `${n} ${l}`).join(', ');
  console.log(
    [
      `${inputName} → ${options.out}`,
      `features: ${result.features.length}, matched: ${matched}${byLevel ? ` (${byLevel})` : ''}, unmatched: ${result.unmatched.length}` +
        (result.duplicates.length ? `, duplicate ids: ${result.duplicates.length}` : ''),
      `points: ${result.pointsIn} → ${result.pointsOut} (simplify ${options.keep}, quantize ${options.grid || 'off'})`,
      `size: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`,
    ].join('\n'),
  );
  return options.strict && (result.unmatched.length || result.duplicates.length) ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      // Anything that stops the import is a reason not to use its output; exit 1 is kept for --strict.
      if (e instanceof InputError) console.error(`geo:import: ${e.message}`);
      else console.error('geo:import: the conversion failed:', e);
      if (e instanceof UsageError) console.error(`\n${USAGE}`);
      process.exitCode = 2;
    },
  );
}
