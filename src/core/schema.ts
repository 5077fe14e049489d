import * as v from 'valibot';
import type { MessageKey } from './i18n.js';
import { pathString, problem, type Problem } from './problems.js';
import {
  DateSchema,
  FlagsSchema,
  IdSchema,
  SourceIdsSchema,
  SourceSchema,
  SourceWithIdSchema,
  TextSchema,
  dateEndsBeforeStart,
  fileHeader,
} from './schema-parts.js';

export * from './schema-parts.js';

/**
 * Schemas of the data files, one per dataset kind. They validate what editors write and are the single
 * source of the JSON Schema files in data/schema/ (written by scripts/write-json-schemas.mjs).
 * Custom messages are codes ("date", "text", …) that `issuesToProblems` turns into German/English text.
 */

export const SourcesSchema = v.union([SourceSchema, v.array(SourceSchema)], 'source');

/** A number a chart can draw: ±Infinity (possible through the `data` property, not in JSON) is refused like text. */
export const FiniteSchema = v.pipe(v.number('number'), v.finite('number'));

export const ValueItemSchema = v.strictObject({
  $comment: v.optional(v.string()),
  /** Name or id of a Sozialraum / Stadtbezirk (matched through the aliases). */
  area: v.optional(v.pipe(v.string(), v.minLength(1, 'empty'))),
  /** A category that is not an area ("geringfügig Beschäftigte"). */
  label: v.optional(TextSchema),
  /** null = the source gives no value ("keine Angabe"). */
  value: v.optional(v.nullable(v.pipe(v.number('numberOrNull'), v.finite('numberOrNull')))),
  rank: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  flags: v.optional(FlagsSchema),
  note: v.optional(TextSchema),
});

export const ReferenceSchema = v.strictObject({
  label: TextSchema,
  area: v.optional(v.string()),
  value: v.optional(FiniteSchema),
  /** In a ranking: the reference stands after this rank (0 = before the first). */
  afterRank: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  stichtag: v.optional(DateSchema),
  source: v.optional(SourcesSchema),
  flags: v.optional(FlagsSchema),
  note: v.optional(TextSchema),
});

export const SeriesSchema = v.strictObject({
  id: IdSchema,
  label: TextSchema,
  stichtag: v.optional(DateSchema),
  source: v.optional(SourcesSchema),
  values: v.array(ValueItemSchema),
});

export const IndicatorSchema = v.strictObject({
  $schema: v.optional(v.string()),
  $comment: v.optional(v.string()),
  id: v.optional(IdSchema),
  title: TextSchema,
  description: v.optional(TextSchema),
  mode: v.optional(v.picklist(['value', 'rank'])),
  level: v.optional(v.picklist(['sozialraum', 'stadtbezirk', 'category'])),
  unit: v.optional(TextSchema),
  decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))),
  /** Stichtag of the values; series may carry their own instead. */
  stichtag: v.optional(DateSchema),
  /** e.g. "Jahresdurchschnitt", or why the source gives no date. */
  stichtagNote: v.optional(TextSchema),
  /** Where the values come from; series may carry their own instead. */
  source: v.optional(SourcesSchema),
  /** For rankings: what rank 1 and the last rank mean. */
  /** For rankings: what rank 1 and the last rank mean; `emphasis`: which end a map draws darkest. */
  rankOrder: v.optional(v.strictObject({ first: TextSchema, last: TextSchema, emphasis: v.optional(v.picklist(['first', 'last'])) })),
  categoryLabel: v.optional(TextSchema),
  references: v.optional(v.array(ReferenceSchema)),
  values: v.optional(v.array(ValueItemSchema)),
  series: v.optional(v.array(SeriesSchema)),
  notes: v.optional(v.array(TextSchema)),
});

export const IndicatorCollectionSchema = v.strictObject({
  $schema: v.optional(v.string()),
  $comment: v.optional(v.string()),
  kind: v.optional(v.literal('indicators')),
  title: v.optional(TextSchema),
  indicators: v.pipe(v.array(v.unknown()), v.minLength(1, 'empty')),
});

/**
 * The same collection for the JSON Schema file: every indicator fully described. Marked pure so that
 * bundles which only validate (the single file) leave it out: spreading `.entries` looks like a side effect.
 */
export const IndicatorFileSchema = /* @__PURE__ */ v.union([
  IndicatorSchema,
  v.strictObject({ ...IndicatorCollectionSchema.entries, indicators: v.pipe(v.array(IndicatorSchema), v.minLength(1)) }),
]);

const AreaRecordSchema = v.strictObject({
  id: IdSchema,
  number: v.optional(v.number()),
  name: IdSchema,
  aliases: v.array(v.string()),
  stadtbezirk: v.optional(IdSchema),
  stadtbezirkConfirmed: v.optional(v.boolean()),
  aktionsraum2008: v.optional(v.boolean()),
  aktionsraum2021: v.optional(v.boolean()),
  aktionsquartier2021: v.optional(v.string()),
  aktionsraumName: v.optional(v.string()),
  position: v.optional(v.strictObject({ lat: v.number(), lon: v.number(), approximate: v.literal(true) })),
});

export const AreasFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  kind: v.literal('areas'),
  title: TextSchema,
  description: v.optional(TextSchema),
  sources: v.array(SourceSchema),
  city: AreaRecordSchema,
  stadtbezirke: v.array(AreaRecordSchema),
  sozialraeume: v.array(AreaRecordSchema),
});

export type Indicator = v.InferOutput<typeof IndicatorSchema>;
export type ValueItem = v.InferOutput<typeof ValueItemSchema>;
export type Reference = v.InferOutput<typeof ReferenceSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Sources = v.InferOutput<typeof SourcesSchema>;
export type Series = v.InferOutput<typeof SeriesSchema>;

type AnyIssue = v.BaseIssue<unknown>;

/** Validate `input`; on failure return language-neutral problems naming each field. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  basePath: ReadonlyArray<string | number> = [],
): { ok: true; value: v.InferOutput<S> } | { ok: false; problems: Problem[] } {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: issuesToProblems(result.issues, basePath) };
}

/**
 * A value of the wrong type: the custom codes ("text", "numberOrNull", "source") and the issue types
 * ("number", "string", "boolean", "array") whose `expected_…` words say what was expected.
 */
const WRONG_TYPE = new Set(['text', 'numberOrNull', 'source', 'number', 'string', 'boolean', 'array']);

function issueToProblem(issue: AnyIssue, basePath: ReadonlyArray<string | number>): Problem {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const field = pathString([...basePath, ...keys]) || { key: 'fileRoot' as const };
  const code = issue.message;
  if (issue.type === 'strict_object' && issue.expected === 'never') return problem('p_unknownKey', field);
  if (issue.received === 'undefined') return problem('p_missing', field);
  // The custom code first (a text's union fails as "text"), then the issue's own type.
  if (code === 'date' || code === 'url' || code === 'empty') return problem(`p_${code}`, field);
  const expected = [code, issue.type].find((k) => WRONG_TYPE.has(k));
  if (expected) return problem('p_type', field, { key: `expected_${expected}` as MessageKey });
  switch (issue.type) {
    case 'picklist':
    case 'literal':
      return problem('p_oneOf', field, issue.expected?.replace(/[()"]/g, '').replace(/ \| /g, ', ') ?? '');
    case 'integer':
      return problem('p_integer', field);
    case 'min_value':
      return problem('p_min', field, issue.requirement as number);
    case 'max_value':
      return problem('p_max', field, issue.requirement as number);
    case 'min_length':
      return problem('p_empty', field);
    default:
      return problem('p_type', field, { key: 'expected_object' });
  }
}

export function issuesToProblems(issues: ReadonlyArray<AnyIssue>, basePath: ReadonlyArray<string | number> = []): Problem[] {
  // One field can fail two checks with the same message ("irgendwann": not a date pattern, not a real date): say it once.
  const seen = new Set<string>();
  return issues
    .map((issue) => issueToProblem(issue, basePath))
    .filter((p) => {
      const key = JSON.stringify(p);
      return !seen.has(key) && !!seen.add(key);
    });
}

/* ------------------------------------------------------------------------------------------------
 * Time series and milestones (issue 4: the data of <trend-chart> and <milestone-timeline>).
 * Both files list their sources once, with ids, and every point / milestone cites them by id: the
 * same document backs many values, and a chart's source line can name each document once.
 * ---------------------------------------------------------------------------------------------- */

/**
 * One value at one date, with the date exactly as precise as its source: "2006" for "im Jahr 2006",
 * "2012-12" for "Ende 2012", "2014-08-31" for "zum 31. August". Where the source is vague or gives no
 * year, `dateNote` says so in words and `flags` holds "approximate". (JSON cannot hold NaN or
 * Infinity, so a number here is always finite.)
 */
export const TimePointSchema = v.strictObject({
  $comment: v.optional(v.string()),
  date: DateSchema,
  /** The source's own wording of the date and any doubt about it ("Ende August; Jahr nicht genannt"). */
  dateNote: v.optional(TextSchema),
  value: FiniteSchema,
  /** The split by citizenship (Bulgarian / Romanian) where the source gives it; not always both. */
  parts: v.optional(v.strictObject({ bg: v.optional(FiniteSchema), ro: v.optional(FiniteSchema) })),
  flags: v.optional(FlagsSchema),
  sources: SourceIdsSchema,
  /** For `derived` values: the calculation; for `unverified` ones: the city document to check. */
  note: v.optional(TextSchema),
});

/**
 * One line of a trend chart: one area, one statistic. Figures from different statistics (e.g.
 * Melderegister vs. Ausländerzentralregister) are not comparable and go into separate series —
 * a point cannot carry its own `statistic`, so a series cannot mix them.
 */
export const TimeSeriesItemSchema = v.strictObject({
  $comment: v.optional(v.string()),
  id: IdSchema,
  label: TextSchema,
  /** Id or name of the area ("dortmund", "stadtbezirk-innenstadt-nord", "nordmarkt"), matched through the aliases. */
  area: v.optional(IdSchema),
  /** Which register or statistic the values come from ("Melderegister, Hauptwohnsitz"). */
  statistic: v.optional(TextSchema),
  points: v.pipe(v.array(TimePointSchema), v.minLength(1, 'empty')),
});

export const TimeSeriesFileSchema = v.strictObject({
  ...fileHeader,
  kind: v.literal('timeseries'),
  unit: v.optional(TextSchema),
  sources: v.pipe(v.array(SourceWithIdSchema), v.minLength(1, 'empty')),
  series: v.pipe(v.array(TimeSeriesItemSchema), v.minLength(1, 'empty')),
  /** Notes for readers (gaps, caveats), shown under the chart. */
  notes: v.optional(v.array(TextSchema)),
});

/**
 * When a milestone happened, as precisely as its sources say. `end` for periods ("2013–2017");
 * `since` for "seit 2014" (still running when the source was written; then there is no `end`);
 * `approximate` where the source itself is vague ("Anfang 2011") or the date was only planned;
 * `note` keeps the source's wording. The end must not lie before the start: checked here and
 * reported at `end` (with the date message, as issueToProblem has no code for the order).
 */
export const MilestoneDateSchema = v.pipe(
  v.strictObject({
    start: DateSchema,
    end: v.optional(DateSchema),
    since: v.optional(v.boolean()),
    approximate: v.optional(v.boolean()),
    note: v.optional(TextSchema),
  }),
  v.forward(
    v.partialCheck([['start'], ['end']], (d) => d.end === undefined || !dateEndsBeforeStart(d.start, d.end), 'date'),
    ['end'],
  ),
);

/** Funding levels as the seeds mark them: "(Stadt DO)", "(Land)", "(Bund)", "(EU)". */
export const FundingSchema = v.picklist(['Stadt', 'Land', 'Bund', 'EU']);

export const MilestoneSchema = v.strictObject({
  $comment: v.optional(v.string()),
  id: IdSchema,
  date: MilestoneDateSchema,
  title: TextSchema,
  description: v.optional(TextSchema),
  /** Id of one of the file's categories. */
  category: IdSchema,
  /** Only levels a seed or source names; absent = not stated (not "none"). */
  funding: v.optional(v.array(FundingSchema)),
  sources: SourceIdsSchema,
  /** S = from the seed documents only; S+ = seed, confirmed or made precise by a public source; N = new. */
  status: v.optional(v.picklist(['S', 'S+', 'N'])),
  /** Where seed and public sources disagree (date, amount): both versions with their sources — never pick one silently. */
  conflict: v.optional(TextSchema),
  /** Ids of milestones that belong together (a follow-up phase, the public version of a seed entry). */
  related: v.optional(v.array(IdSchema)),
});

export const MilestoneCategorySchema = v.strictObject({
  id: IdSchema,
  label: TextSchema,
  description: v.optional(TextSchema),
});

export const MilestonesFileSchema = v.strictObject({
  ...fileHeader,
  kind: v.literal('milestones'),
  categories: v.pipe(v.array(MilestoneCategorySchema), v.minLength(1, 'empty')),
  sources: v.pipe(v.array(SourceWithIdSchema), v.minLength(1, 'empty')),
  milestones: v.pipe(v.array(MilestoneSchema), v.minLength(1, 'empty')),
});

export type SourceWithId = v.InferOutput<typeof SourceWithIdSchema>;
export type TimePoint = v.InferOutput<typeof TimePointSchema>;
export type TimeSeriesItem = v.InferOutput<typeof TimeSeriesItemSchema>;
export type TimeSeriesFile = v.InferOutput<typeof TimeSeriesFileSchema>;
export type MilestoneDate = v.InferOutput<typeof MilestoneDateSchema>;
export type Funding = v.InferOutput<typeof FundingSchema>;
export type Milestone = v.InferOutput<typeof MilestoneSchema>;
export type MilestoneCategory = v.InferOutput<typeof MilestoneCategorySchema>;
export type MilestonesFile = v.InferOutput<typeof MilestonesFileSchema>;

/* ------------------------------------------------------------------------------------------------
 * Key figures (the data of <key-figure>): single city-level numbers from talks and reports, each in
 * the source's own words ("über 580.000", "fast 2/3"), with its source ids and Stichtag.
 * ---------------------------------------------------------------------------------------------- */

/** How exact the source says a number is; the words themselves are in `display`. */
export const QualifierSchema = v.pipe(
  v.picklist(['exact', 'about', 'more-than', 'almost', 'up-to', 'at-least', 'fraction']),
  v.description('exact = genau, about = rund/ca., more-than = über/mehr als, almost = fast/knapp, up-to = bis zu, at-least = mindestens, fraction = ein Bruch wie „2/3“'),
);

export const KeyFigureSchema = v.strictObject({
  $comment: v.optional(v.string()),
  id: IdSchema,
  /** The number as the source gives it; null (or absent) where the source gives only words. */
  value: v.optional(v.nullable(v.number('numberOrNull'))),
  /** The upper end of a range ("13–22 %": value 13, valueTo 22). */
  valueTo: v.optional(v.number()),
  qualifier: v.optional(QualifierSchema),
  /** The source's own wording of the number, shown as it is: never rounded into false exactness. */
  display: v.optional(v.pipe(TextSchema, v.description('Die Zahl in den Worten der Quelle („über 580.000“, „fast 2/3“), so gezeigt; ohne sie wird „value“ mit „qualifier“ geschrieben.'))),
  /** Added after `display` where that does not hold it ("%", "Mio. €"). */
  unit: v.optional(TextSchema),
  label: TextSchema,
  /** A comparison as the source gives it ("Dortmund: 12,6 %"). */
  comparison: v.optional(TextSchema),
  stichtag: v.optional(DateSchema),
  /** What the source says about the date, or that it names none. */
  stichtagNote: v.optional(TextSchema),
  sources: SourceIdsSchema,
  /** Calculated from source values, not stated by a source. */
  derived: v.optional(v.boolean()),
  /** Only from a political source, not confirmed by the city's own documents. */
  unverified: v.optional(v.boolean()),
  note: v.optional(TextSchema),
  /** A time series for a small trend line: a file (relative to this one) and the id of a series in it. */
  series: v.optional(v.strictObject({ src: v.pipe(v.string(), v.minLength(1, 'empty')), series: IdSchema })),
  /** Tags, so that a page can show a subset (`<key-figure group="2014">`). */
  groups: v.optional(v.array(IdSchema)),
});

/** A key-figures file with its figures unchecked: the element checks only the figures it shows, one by one. */
export const KeyFiguresListSchema = v.strictObject({
  ...fileHeader,
  kind: v.literal('key-figures'),
  sources: v.pipe(v.array(SourceWithIdSchema), v.minLength(1, 'empty')),
  figures: v.pipe(v.array(v.unknown()), v.minLength(1, 'empty')),
});

/** The whole file, for the JSON Schema file; pure, so that the single file leaves it out (see IndicatorFileSchema). */
export const KeyFiguresFileSchema = /* @__PURE__ */ v.strictObject({
  ...KeyFiguresListSchema.entries,
  figures: v.pipe(v.array(KeyFigureSchema), v.minLength(1, 'empty')),
});

export type KeyFigure = v.InferOutput<typeof KeyFigureSchema>;
export * from './network-schema.js';
