import * as v from 'valibot';
import { DATE_PATTERN, isValidDate } from './format.js';

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

/** Only web addresses: a `javascript:` link in a data file must never become a clickable link. */
export const UrlSchema = v.pipe(v.string('url'), v.regex(/^https?:\/\/\S+$/i, 'url'));

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
