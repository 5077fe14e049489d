import { isValidDate } from './format.js';
import { warning, type Problem } from './problems.js';
import { periodOf } from './time.js';

/** Attribute values the trend chart and the timeline read alike. */

/** "a b", "a, b" or "a;b" → ids (series, milestones, categories). */
export function idList(text: string | null | undefined): string[] {
  return text ? text.split(/[\s,;]+/).filter(Boolean) : [];
}

/**
 * A `from`/`to` attribute as the period it names, as precise as the editor wants ("2014" is the whole
 * year, "2014-06" June); a bad value is named in `problems` as written.
 */
export function periodAttr(name: string, text: string | null | undefined, problems: Problem[]): [number, number] | undefined {
  if (!text) return undefined;
  const p = isValidDate(text.trim()) ? periodOf(text.trim()) : undefined;
  if (!p) problems.push(warning('p_badPeriod', name, text));
  return p;
}

/**
 * An attribute that takes one of some words (`sort`, `layout`, `step-by` …): true when it is empty or
 * one of `accepted` (case and spaces aside); otherwise the value is named with the words the README
 * documents (`shown`, default: all accepted ones), and the element keeps its default.
 */
export function oneOfAttr(name: string, value: string | null | undefined, accepted: readonly string[], problems: Problem[], shown = accepted.join(', ')): boolean {
  const word = (value ?? '').trim().toLowerCase();
  if (!word || accepted.includes(word)) return true;
  problems.push(warning('p_attrOneOf', name, String(value), shown));
  return false;
}

/**
 * A number attribute (`top`, `classes`): true when absent or a number from `min` to `max` (whole with
 * `integer`). Lit has already read the attribute as a number ("abc" is NaN, "" is 0); the element may
 * hand over the attribute's own text instead, so the message quotes it as written.
 */
export function numberAttr(
  name: string,
  value: number | string | null | undefined,
  problems: Problem[],
  rule: { min: number; max?: number; integer?: boolean; expected: 'attr_countFrom1' | 'attr_classes' },
): boolean {
  if (value === null || value === undefined) return true;
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  if (Number.isFinite(n) && n >= rule.min && n <= (rule.max ?? Infinity) && (!rule.integer || Number.isInteger(n))) return true;
  problems.push(warning('p_badAttr', name, String(value), { key: rule.expected }));
  return false;
}

/**
 * The parts of a `breaks` attribute: "10,20,30" (commas between numbers, point for decimals) or
 * "35; 39,5" / "35, 39,5" (semicolons or comma-and-space between numbers, German decimal comma, made a point).
 * The map's classes.ts reads its breaks from the same parts.
 */
export function breakParts(text: string | null | undefined): string[] {
  const s = (text ?? '').trim();
  if (!s) return [];
  return (/;|,\s/.test(s) ? s.split(/\s*;\s*|,\s+/).map((p) => p.replace(',', '.')) : s.split(/[,\s]+/)).map((p) => p.trim()).filter(Boolean);
}

/** The numbers of a `breaks` attribute (see breakParts); `bad`: the parts that are not numbers. */
export function readBreaks(text: string | null | undefined): { numbers: number[]; bad: string[] } {
  const parts = breakParts(text);
  const numbers = parts.map((p) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(p) ? Number(p) : NaN));
  return { numbers: numbers.filter(Number.isFinite), bad: parts.filter((_, i) => !Number.isFinite(numbers[i])) };
}

/** What `<sozialraum-map>` reads from its attributes, as written (numbers as Lit read them, or the text). */
export interface MapAttributes {
  breaks?: string | null;
  classes?: number | string | null;
  classify?: string | null;
  palette?: string | null;
  showAktionsraeume?: string | null;
  stepBy?: string | null;
}

/**
 * The map's attributes that take constrained values, each bad value named as a warning (the map is
 * drawn with the default; of `breaks`, the numbers among the bad parts are still used): `breaks` with anything but numbers (or none at all), `classes` outside
 * 1–9, `classify`, `palette`, `show-aktionsraeume` and `step-by` outside their words.
 */
export function mapAttributeProblems(attrs: MapAttributes): Problem[] {
  const problems: Problem[] = [];
  if (attrs.breaks != null && attrs.breaks.trim() !== '') {
    const { numbers, bad } = readBreaks(attrs.breaks);
    // Nothing usable: the whole value is not applied; otherwise only the parts that are no numbers.
    if (bad.length || !numbers.length) problems.push(warning('p_badAttr', 'breaks', numbers.length ? bad.join(', ') : attrs.breaks, { key: 'attr_breaks' }));
  }
  numberAttr('classes', attrs.classes, problems, { min: 1, max: 9, integer: true, expected: 'attr_classes' });
  oneOfAttr('classify', attrs.classify, ['quantile', 'equal', 'equal-interval'], problems, 'quantile, equal');
  oneOfAttr('palette', attrs.palette, ['sequential', 'diverging'], problems);
  oneOfAttr('show-aktionsraeume', attrs.showAktionsraeume, ['2021', '2008'], problems);
  oneOfAttr('step-by', attrs.stepBy, ['class', 'highlight'], problems);
  return problems;
}
