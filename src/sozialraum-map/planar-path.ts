/**
 * Plane coordinates to SVG path data, in place of d3-geo's `geoIdentity` + `geoPath`. The map's
 * geometry is planar by the time it is drawn (the tile map as it is; lon/lat projected once in
 * geometry.ts), so drawing is scale, translate and string building. `geoPath` brings its area, bounds,
 * centroid and length streams into the single file (about 4 KB gzip) though the map uses none of them.
 *
 * The numbers are those `geoIdentity().reflectY(…)` with `fitWidth`/`fitSize` and
 * `geoPath(…).digits(1)` gave, bit for bit (test/planar-path.test.ts compares the two).
 */

/** A plane point (px, py) is drawn at (px·k + x, py·ky + y); ky is −k where the plane's y points north. */
export interface Plane {
  k: number;
  ky: number;
  x: number;
  y: number;
}

export const project = (p: Plane, x: number, y: number): [number, number] => [x * p.k + p.x, y * p.ky + p.y];

/**
 * Scale and translate that fit the box [x0, y0, x1, y1] to `width`, top at 0 (d3's fitWidth), or with
 * `height` into width × height, centred (fitSize). Like d3, the box is measured at scale 150 first, so
 * every coordinate comes out exactly as before.
 */
export function fit([x0, y0, x1, y1]: readonly number[], flip: boolean, width: number, height?: number): Plane {
  const s = flip ? -150 : 150;
  const [a, b] = flip ? [y1 * s, y0 * s] : [y0 * s, y1 * s];
  [x0, x1] = [x0 * 150, x1 * 150];
  let k = width / (x1 - x0);
  if (height !== undefined) k = Math.min(k, height / (b - a));
  const scale = 150 * k;
  return {
    k: scale,
    ky: flip ? -scale : scale,
    x: (width - k * (x1 + x0)) / 2,
    y: height === undefined ? -k * a : (height - k * (b + a)) / 2,
  };
}

/**
 * SVG path data for (Multi)Polygon and (Multi)LineString geometry, numbers to 0.1 px, rings closed
 * with Z ('' for nothing to draw). A detailed boundary file has far more points than the screen has
 * pixels: a point closer than 1.2 px to the last one drawn is left out (the first and last point of
 * every ring or line are kept), so the paths get shorter and draw faster, and nothing visible changes.
 */
export function planarPath(p: Plane, g: GeoJSON.Geometry): string {
  let d = '';
  const line = (points: GeoJSON.Position[], closed: number) => {
    const n = points.length - closed; // a ring's closing point repeats its first: Z draws that side
    let lx = 0;
    let ly = 0;
    for (let i = 0; i < n; i++) {
      // project(), without an array per point.
      const x = points[i][0] * p.k + p.x;
      const y = points[i][1] * p.ky + p.y;
      const dx = x - lx;
      const dy = y - ly;
      if (!i || i == n - 1 || dx * dx + dy * dy >= 1.44) {
        d += `${i ? 'L' : 'M'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
        lx = x;
        ly = y;
      }
    }
    if (closed) d += 'Z';
  };
  const draw = (g: GeoJSON.Geometry): void => {
    if (g.type == 'GeometryCollection') g.geometries.forEach(draw);
    else if (g.type == 'LineString') line(g.coordinates, 0);
    else if (g.type == 'MultiLineString') g.coordinates.forEach((l) => line(l, 0));
    else if (g.type == 'Polygon') g.coordinates.forEach((r) => line(r, 1));
    else if (g.type == 'MultiPolygon') g.coordinates.forEach((q) => q.forEach((r) => line(r, 1)));
  };
  draw(g);
  return d;
}
