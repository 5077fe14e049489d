import * as v from 'valibot';
import { DATE_PATTERN, isValidDate } from './format.js';
import { isRecord, pathString, warning, type Problem } from './problems.js';

/**
 * The pieces every kind of data file is built from: texts, dates, ids, links, sources, flags and the
 * header of the newer files. schema.ts (indicators, areas, time series, milestones) and
 * network-schema.ts (networks) both build on them; they live here so that neither has to import the
 * other. schema.ts re-exports everything, so `dist/esm/schema.js` stays the one entry for scripts.
 */

export const TextSchema = v.union(
  [v.pipe(v.string(), v.minLength(1, 'empty')), v.strictObject({ de: v.pipe(v.string(), v.minLength(1, 'empty')), en: v.optional(v.string()) })],
  'text',
);

export const DateSchema = v.pipe(
  v.string('date'),
  v.regex(DATE_PATTERN, 'date'),
  v.check(isValidDate, 'date'),
  v.description('Datum so genau wie die Quelle: "2001", "2020-12" oder "2020-12-31".'),
);

const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/** Only web addresses: a `javascript:` link in a data file must never become a clickable link. */
export const UrlSchema = v.pipe(v.string('url'), v.regex(WEB_ADDRESS, 'url'));

export const isWebAddress = (x: unknown): x is string => typeof x === 'string' && WEB_ADDRESS.test(x);

/** A value as a message quotes it: long `data:` addresses are cut. */
const quoted = (x: unknown) => {
  const s = typeof x === 'string' ? x : JSON.stringify(x) ?? String(x);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
};

/**
 * One rule for every element: a source whose `url` or `viaUrl` is not a web address (`javascript:…`,
 * `data:…`, `ftp:…`, a number) loses that link, with a warning naming the field, the source and the
 * value, and is shown as text; the chart is drawn. Sources are the objects under a `source` or
 * `sources` key anywhere in the file (ids under `sources` are left alone). Run before validating, so
 * that the schema (which still requires web addresses, for editors) never sees such a link.
 * The input is not changed; the parts that lose a link are copied.
 */
export function dropBadSourceLinks(raw: unknown, basePath: ReadonlyArray<string | number> = []): { value: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const walk = (x: unknown, path: ReadonlyArray<string | number>, inSource: boolean): unknown => {
    if (Array.isArray(x)) {
      let out: unknown[] | undefined;
      x.forEach((item, i) => {
        // Only objects can hold links: lists of ids or numbers are not walked item by item.
        if (typeof item !== 'object' || item === null) return;
        const y = walk(item, [...path, i], inSource);
        if (y !== item) (out ??= [...x])[i] = y;
      });
      return out ?? x;
    }
    if (!isRecord(x)) return x;
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(x)) {
      const value = x[key];
      if (inSource && (key === 'url' || key === 'viaUrl')) {
        if (value === undefined || isWebAddress(value)) continue;
        const name = typeof x.title === 'string' && x.title ? x.title : typeof x.id === 'string' && x.id ? x.id : pathString(path);
        problems.push(warning('p_linkDropped', pathString([...path, key]), name, quoted(value)));
        delete (out ??= { ...x })[key];
      } else if (typeof value === 'object' && value !== null) {
        const y = walk(value, [...path, key], key === 'source' || key === 'sources');
        if (y !== value) (out ??= { ...x })[key] = y;
      }
    }
    return out ?? x;
  };
  return { value: walk(raw, basePath, false), problems };
}

export const IdSchema = v.pipe(v.string(), v.minLength(1, 'empty'));

export const FlagsSchema = v.pipe(
  v.array(v.picklist(['derived', 'rounded', 'unverified', 'approximate'])),
  v.description('derived = aus zwei Quellwerten berechnet, rounded = "rund", unverified = nur aus politischer Quelle, approximate = ungefähr'),
);

export const SourceSchema = v.strictObject({
  id: v.optional(IdSchema),
  publisher: v.optional(v.string()),
  title: v.pipe(v.string(), v.minLength(1, 'empty')),
  date: v.optional(DateSchema),
  url: v.optional(UrlSchema),
  /** A secondary page that quotes the city's document. */
  via: v.optional(v.string()),
  viaUrl: v.optional(UrlSchema),
  note: v.optional(TextSchema),
  unverified: v.optional(v.boolean()),
});

/** A source that points, milestones and networks cite by `id`, so here the id is required. */
export const SourceWithIdSchema = v.strictObject({ ...SourceSchema.entries, id: IdSchema });

/** Ids of the file's sources. Always a list (also for one source), so a reader never has to branch. */
export const SourceIdsSchema = v.pipe(v.array(IdSchema), v.minLength(1, 'empty'));

/** The fields every data file of a newer kind starts with. */
export const fileHeader = {
  $schema: v.optional(v.string()),
  /** For editors: how the file was made, what was left out and why. Widgets do not show it. */
  $comment: v.optional(v.string()),
  title: TextSchema,
  description: v.optional(TextSchema),
};

/**
 * True when `end` lies before `start`. Dates of different precision are compared at the coarser one,
 * so start "2013-06" with end "2013" is fine, start "2014" with end "2013-12" is not.
 */
export function dateEndsBeforeStart(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}

/**
 * True when both are valid dates and `end` lies before `start`: for a message in words where a schema
 * (which checks the pair as a whole) could only say "not a date".
 */
export const validDatesEndBeforeStart = (start: unknown, end: unknown): boolean =>
  typeof start === 'string' && typeof end === 'string' && isValidDate(start) && isValidDate(end) && dateEndsBeforeStart(start, end);
