import { nice, ticks } from 'd3-array';

/**
 * A linear scale: d3-array finds the round domain and the ticks, this maps values to pixels.
 * (d3-scale's scaleLinear would add d3-interpolate, d3-color and d3-format — about 9 KB gzip in the
 * single file — for what is one multiplication here.)
 */
export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  ticks(count: number): number[];
}

export function linearScale(domain: [number, number], range: [number, number], tickCount?: number): LinearScale {
  let [d0, d1] = domain;
  if (tickCount) [d0, d1] = nice(d0, d1, tickCount);
  if (d1 === d0) d1 = d0 + 1;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  const scale = ((value: number) => r0 + (value - d0) * k) as LinearScale;
  scale.domain = [d0, d1];
  scale.ticks = (count: number) => ticks(d0, d1, count);
  return scale;
}
