import { nice, ticks } from 'd3-array';

/**
 * A linear scale: d3-array finds the round domain and the ticks, this maps values to pixels.
 * (d3-scale's scaleLinear would add d3-interpolate, d3-color and d3-format — about 9 KB gzip in the
 * single file — for what is one multiplication here.)
 *
 * Any finite domain works, from 5e-324 to ±Number.MAX_VALUE: where the span hi − lo would overflow to
 * Infinity (−1e308 … 1e308) or d3's tick arithmetic would leave the doubles (10³²⁴ for a span of
 * 5e-324), the scale works in units of a power of ten (1e308, 1e-323) and multiplies back only the
 * ticks and the domain it reports — which never round outwards past Number.MAX_VALUE.
 */
export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  ticks(count: number): number[];
}

const MAX = Number.MAX_VALUE;
/** No chart has more ticks than this; d3 would happily make an array of any length. */
const MAX_TICKS = 50;
/** Pixel positions stay within this, whatever is asked of the scale (never Infinity or NaN in an attribute). */
const MAX_PX = 1e9;

/** NaN → 0, ±Infinity → ±MAX_VALUE, −0 → 0. */
export const finiteNumber = (v: number): number => (Number.isNaN(v) ? 0 : Math.max(-MAX, Math.min(MAX, v)) + 0);

const tickCountOf = (count: number) => Math.max(1, Math.min(MAX_TICKS, Math.round(finiteNumber(count)) || 1));

/** The power of ten the scale counts in: 1 for ordinary domains, else one that keeps all arithmetic finite. */
function unitOf(d0: number, d1: number): number {
  const m = Math.max(Math.abs(d0), Math.abs(d1));
  if (m <= 1e300 && (m === 0 || m >= 1e-290)) return 1;
  // Number('1e-323') is the subnormal nearest to it; 1e-324 would be 0.
  return Number(`1e${Math.max(-323, Math.floor(Math.log10(m)))}`);
}

export function linearScale(domain: [number, number], range: [number, number], tickCount?: number): LinearScale {
  const [a, b] = domain.map(finiteNumber);
  const unit = unitOf(a, b);
  let n0 = a / unit;
  let n1 = b / unit;
  if (tickCount) {
    const [c0, c1] = nice(n0, n1, tickCountOf(tickCount));
    // Rounding outwards must not leave the doubles: 1.8E308 would become 2E308 = Infinity.
    if (Number.isFinite(c0 * unit)) n0 = c0;
    if (Number.isFinite(c1 * unit)) n1 = c1;
  }
  const [r0, r1] = range.map(finiteNumber);
  let k = (r1 - r0) / (n1 - n0);
  if (n1 === n0 || !Number.isFinite(k)) {
    // One value (or two a rounding error apart): a span of 1, or of the value itself where 1 is lost in
    // rounding (1e20 + 1 === 1e20); downwards where upwards would overflow.
    const w = n0 + 1 !== n0 ? 1 : Math.abs(n0);
    if (Number.isFinite((n0 + w) * unit)) n1 = n0 + w;
    else n0 -= w;
    k = (r1 - r0) / (n1 - n0);
  }
  const scale = ((value: number) => {
    const px = r0 + (finiteNumber(value) / unit - n0) * k;
    return Number.isNaN(px) ? r0 : Math.max(-MAX_PX, Math.min(MAX_PX, px));
  }) as LinearScale;
  scale.domain = [n0 * unit, n1 * unit];
  scale.ticks = (count: number) => {
    const out = ticks(n0, n1, tickCountOf(count)).map((t) => finiteNumber(t * unit));
    // Subnormal ticks can collapse onto one another (0.1 × 1e-323 rounds to 0): each value once.
    return out.filter((t, i) => i === 0 || t !== out[i - 1]);
  };
  return scale;
}

/**
 * Decimals that tell ticks `step` apart ("0,5" for steps of 0.5); 0 for whole steps and for a step
 * that is no step. More than six: formatNumber writes such ticks with an exponent ("2E-7").
 */
export function tickDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.min(20, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
}
