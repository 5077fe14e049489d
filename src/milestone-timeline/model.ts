import * as v from 'valibot';
import { idList, oneOfAttr, periodAttr } from '../core/attributes.js';
import type { LoadState } from '../core/data-controller.js';
import type { TableModel } from '../core/export.js';
import { formatDate } from '../core/format.js';
import { msg, pickText, slug, type Lang } from '../core/i18n.js';
import { asError, asWarning, entryName, isRecord, notAnObject, pathString, problem, warning, type Problem } from '../core/problems.js';
import {
  MilestoneCategorySchema,
  MilestoneSchema,
  MilestonesFileSchema,
  SourceWithIdSchema,
  dateEndsBeforeStart,
  dropBadSourceLinks,
  isWebAddress,
  issuesToProblems,
  validate,
  validDatesEndBeforeStart,
  type Milestone,
  type MilestoneDate,
  type SourceWithId,
} from '../core/schema.js';
import type { SourceInfo } from '../core/source-line.js';
import { cellProblem, COLUMN, findColumns, isBlankRow, readSpan, tableSource } from '../core/table-input.js';
import { formatSpan, spanOf } from '../core/time.js';

/**
 * From a milestones file to what `<milestone-timeline>` draws: every milestone checked on its own
 * (one faulty entry is named and left out, the others are drawn), categories and sources looked up,
 * sorted by start, limited to `from`/`to`. Pure functions, no DOM.
 */

/** Colours for categories: the file's categories in order get 1…11, then repeat; 0 = unknown. */
export const CATEGORY_COLOURS = 11;

export interface TimelineCategory {
  id: string;
  label: string;
  description: string;
  /** 1…CATEGORY_COLOURS, or 0 for a category the file does not list. */
  colour: number;
  /** Milestones of this category within `from`/`to`. */
  count: number;
}

export type MarkKind = 'point' | 'range' | 'since';

export interface TimelineItem {
  id: string;
  date: MilestoneDate;
  /** The date exactly as precise as its source: "seit 2014", "Juni 2011", "2013–2017". */
  dateText: string;
  title: string;
  description: string;
  category: TimelineCategory;
  funding: string[];
  conflict: string;
  dateNote: string;
  sources: SourceWithId[];
  kind: MarkKind;
  approximate: boolean;
  /** [start, end) in UTC milliseconds; for "since", the start's period only. */
  start: number;
  end: number;
  /** The start's year (for presenting year by year). */
  year: number;
  /** Where the mark sits on the time axis, in percent of its width: x0–x1 for spans, xm for points. */
  x0: number;
  x1: number;
  xm: number;
}

export interface TimelineModel {
  title: string;
  description: string;
  /** Milestones within `from`/`to`, sorted by start (equal starts keep the file's order). */
  items: TimelineItem[];
  /** Categories of those milestones, in the file's order; an "unknown" one last. */
  categories: TimelineCategory[];
  /** Ids of all categories the file lists (for messages). */
  categoryIds: string[];
  /** The time axis: [t0, t1) in UTC milliseconds, whole years. */
  domain: [number, number];
}

export interface TimelineOptions {
  lang: Lang;
  locale: string;
  from?: string | null;
  to?: string | null;
}

/** The file around the entries: checked strictly; the entries are checked one by one below. */
const EnvelopeSchema = v.strictObject({
  ...MilestonesFileSchema.entries,
  kind: v.optional(v.literal('milestones')),
  categories: v.array(v.unknown()),
  sources: v.array(v.unknown()),
  milestones: v.array(v.unknown()),
});

const quoted = (ids: Iterable<string>, lang: Lang) => [...ids].map((id) => (lang === 'de' ? `„${id}“` : `“${id}”`)).join(', ');

function yearStart(t: number): number {
  return Date.UTC(new Date(t).getUTCFullYear(), 0, 1);
}

function yearEnd(t: number): number {
  const y = new Date(t).getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  return start === t ? t : Date.UTC(y + 1, 0, 1);
}


/** A faulty milestone's name for the list of entries left out: its title, else its id (entryName keeps only a non-empty text). */
function titleOf(raw: unknown, lang: Lang): unknown {
  if (!isRecord(raw)) return undefined;
  const t = raw.title;
  if (typeof t === 'string' && t) return t;
  if (isRecord(t) && typeof t.de === 'string') return pickText(t as { de: string; en?: string }, lang);
  return raw.id;
}

/** "end before start" in words, where the schema can only say "not a date". */
function endBeforeStart(raw: unknown): { start: string; end: string } | undefined {
  const d = isRecord(raw) ? raw.date : undefined;
  if (!isRecord(d)) return undefined;
  const { start, end } = d;
  return validDatesEndBeforeStart(start, end) ? { start: start as string, end: end as string } : undefined;
}

/** Build the timeline model from a parsed file. Never throws; fatal problems come back without a model. */
export function buildTimeline(raw: unknown, opts: TimelineOptions): { model?: TimelineModel; problems: Problem[] } {
  const { lang } = opts;
  if (!isRecord(raw)) return { problems: [notAnObject()] };
  // A source link that is not a web address is dropped with a warning; the source stays (as text).
  const links = dropBadSourceLinks(raw);
  const envelope = validate(EnvelopeSchema, links.value);
  if (!envelope.ok) return { problems: envelope.problems };
  const file = envelope.value;
  if (!file.milestones.length) return { problems: [problem('p_noMilestones')] };
  const problems: Problem[] = links.problems;

  // Categories and sources by id: a faulty or repeated one is named and left out.
  const byId = <S extends v.GenericSchema<unknown, { id: string }>, T>(key: 'categories' | 'sources', schema: S, make: (value: v.InferOutput<S>, index: number) => T) => {
    const map = new Map<string, T>();
    file[key].forEach((x, i) => {
      const r = validate(schema, x, [key, i]);
      if (!r.ok) return problems.push(...r.problems.map(asWarning));
      if (map.has(r.value.id)) return problems.push(warning('p_duplicate', pathString([key, i, 'id']), r.value.id));
      map.set(r.value.id, make(r.value, map.size));
    });
    return map;
  };
  const categories = byId('categories', MilestoneCategorySchema, (c, n): TimelineCategory => ({
    id: c.id,
    label: pickText(c.label, lang),
    description: pickText(c.description, lang),
    colour: (n % CATEGORY_COLOURS) + 1,
    count: 0,
  }));
  const sources = byId('sources', SourceWithIdSchema, (s) => s);

  const skipped: string[] = [];
  const entryProblems: Problem[] = [];
  const ids = new Set<string>();
  const milestones: Milestone[] = [];

  file.milestones.forEach((m, i) => {
    const path = ['milestones', i];
    const r = v.safeParse(MilestoneSchema, m);
    if (!r.success) {
      const order = endBeforeStart(m);
      // The order check is reported at `date.end` as "not a date": say what is really wrong instead.
      const issues = order ? r.issues.filter((is) => !(is.message === 'date' && is.path?.map((p) => p.key).join('.') === 'date.end')) : r.issues;
      entryProblems.push(...issuesToProblems(issues, path).map(asWarning));
      if (order) entryProblems.push(warning('p_endBeforeStart', pathString([...path, 'date', 'end']), order.start, order.end));
      skipped.push(entryName(path, titleOf(m, lang)));
      return;
    }
    const ms = r.output;
    if (ids.has(ms.id)) {
      entryProblems.push(warning('p_duplicate', pathString([...path, 'id']), ms.id));
      return;
    }
    ids.add(ms.id);
    milestones.push(ms);
  });

  if (skipped.length) problems.push(warning('p_skippedMilestones', skipped.join(', ')));
  // One message per field: a date that is neither in the pattern nor real fails two checks.
  const said = new Set<string>();
  for (const p of entryProblems) {
    const key = JSON.stringify([p.key, p.args]);
    if (!said.has(key)) problems.push(p);
    said.add(key);
  }
  return assemble({ title: pickText(file.title, lang), description: pickText(file.description, lang), categories, sources, milestones }, problems, opts);
}

/** What a timeline is made of, read from a file or a table: its milestones, with categories and sources by id. */
interface TimelineInput {
  title: string;
  description: string;
  categories: Map<string, TimelineCategory>;
  sources: Map<string, SourceWithId>;
  milestones: Milestone[];
}

/** The model from valid milestones: categories and sources looked up, limited to `from`/`to`, on a time axis. */
function assemble(input: TimelineInput, problems: Problem[], opts: TimelineOptions): { model?: TimelineModel; problems: Problem[] } {
  const { lang, locale } = opts;
  const { categories, sources } = input;
  const unknownCategory: TimelineCategory = { id: '', label: msg(lang, 'tl_unknownCategory'), description: '', colour: 0, count: 0 };
  const unknownCategories = new Set<string>();
  const unknownSources = new Set<string>();
  const all = input.milestones.map((ms): TimelineItem => {
    let category = categories.get(ms.category);
    if (!category) {
      unknownCategories.add(ms.category);
      category = unknownCategory;
    }
    const cited: SourceWithId[] = [];
    for (const id of ms.sources) {
      const s = sources.get(id);
      if (s) cited.push(s);
      else unknownSources.add(id);
    }
    const [start, end] = spanOf(ms.date)!;
    const kind: MarkKind = ms.date.end && ms.date.end !== ms.date.start ? 'range' : ms.date.since ? 'since' : 'point';
    return {
      id: ms.id,
      date: ms.date,
      dateText: formatSpan(ms.date, locale, lang),
      title: pickText(ms.title, lang),
      description: pickText(ms.description, lang),
      category,
      funding: (ms.funding ?? []).map((f) => msg(lang, `tl_fund_${f}`)),
      conflict: pickText(ms.conflict, lang),
      dateNote: pickText(ms.date.note, lang),
      sources: cited,
      kind,
      approximate: !!ms.date.approximate,
      start,
      end,
      year: new Date(start).getUTCFullYear(),
      x0: 0,
      x1: 0,
      xm: 0,
    };
  });

  if (unknownCategories.size) problems.push(warning('p_unknownCategories', quoted(unknownCategories, lang), quoted(categories.keys(), lang)));
  if (unknownSources.size) problems.push(warning('p_unknownSources', quoted(unknownSources, lang)));
  // Nothing valid at all: nothing can be drawn, so every message is an error.
  if (!all.length) return { problems: problems.map(asError) };

  // from / to: milestones whose date overlaps the period ("seit" counts as its start).
  // The message names the value as trimmed.
  let from = periodAttr('from', opts.from?.trim(), problems);
  let to = periodAttr('to', opts.to?.trim(), problems);
  if (from && to && from[0] >= to[1]) {
    problems.push(warning('p_fromAfterTo', opts.from!.trim(), opts.to!.trim()));
    from = to = undefined;
  }
  const lo = from?.[0] ?? -Infinity;
  const hi = to?.[1] ?? Infinity;
  // Stable: equal starts keep the file's order.
  const items = all.filter((it) => it.start < hi && it.end > lo).sort((a, b) => a.start - b.start);

  // The axis: whole years around the milestones shown, or exactly `from`–`to`; "since" reaches its right edge.
  let t0 = from?.[0] ?? yearStart(Math.min(...items.map((it) => it.start), ...(to ? [to[0]] : [])));
  let t1 = to?.[1] ?? yearEnd(Math.max(...items.map((it) => (it.kind === 'since' ? it.end + 365 * 86_400_000 : it.end)), ...(from ? [from[1]] : [])));
  if (!items.length && !from && !to) [t0, t1] = [Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)];
  if (t1 <= t0) t1 = t0 + 365.25 * 86_400_000;
  const pct = (t: number) => Math.max(0, Math.min(100, ((t - t0) / (t1 - t0)) * 100));
  for (const it of items) {
    it.x0 = pct(it.start);
    it.x1 = it.kind === 'since' ? 100 : pct(it.end);
    it.xm = pct((it.start + it.end) / 2);
    it.category.count++;
  }
  const present = [...categories.values()].filter((c) => c.count > 0);
  if (unknownCategory.count) present.push(unknownCategory);

  return {
    model: {
      title: input.title,
      description: input.description,
      items,
      categories: present,
      categoryIds: [...categories.keys()],
      domain: [t0, t1],
    },
    problems,
  };
}

/**
 * Milestones from a table or CSV: columns date, title, text, category, link — found by their header
 * (German or English) or else in this order. The date as typed, also a period ("2012–2014",
 * "01.2012 – 12.2014"), "seit 2014" or "ca. 2011"; the categories are the column's words, in order of
 * appearance; a link (an `<a>` in the cell or an address typed there) is the milestone's source, only
 * http(s). A row that cannot be shown is named by row and column, the rest is drawn.
 */
function timelineInput(state: Extract<LoadState, { origin: 'table' }>, lang: Lang): { input?: TimelineInput; problems: Problem[] } {
  const table = state.tables[0];
  if (!table?.rows.some((r) => !isBlankRow(r))) return { problems: [problem('p_emptyTable')] };
  const col = findColumns(table, [
    ['date', COLUMN.date],
    ['title', COLUMN.title],
    ['text', COLUMN.text],
    ['category', COLUMN.category],
    ['link', COLUMN.link],
  ]);
  const cell = (r: string[], c?: number) => (c === undefined ? '' : r[c] ?? '');
  const spans = table.rows.map((r) => readSpan(cell(r, col.date)));
  if (col.title === undefined || !spans.some(Boolean)) return { problems: [problem('p_tableNeeds', { key: 't_colsTimeline' })] };
  const problems: Problem[] = [];
  const { source } = tableSource(state, problems);
  const sources = new Map<string, SourceWithId>(source ? [[source.id, source]] : []);
  const categories = new Map<string, TimelineCategory>();
  const milestones = table.rows.flatMap((r, i): Milestone[] => {
    if (isBlankRow(r)) return [];
    const date = spans[i];
    const [text, title, category] = [cell(r, col.date), cell(r, col.title), cell(r, col.category)];
    const wrongDate = !date ? (text ? 't_notDate' : 't_empty') : date.end && dateEndsBeforeStart(date.start, date.end) ? 't_endBeforeStart' : undefined;
    if (wrongDate || !date || !title) {
      problems.push(wrongDate ? cellProblem(i, col.date!, text, wrongDate) : cellProblem(i, col.title!, '', 't_empty'));
      return [];
    }
    const id = slug(category) || '-';
    if (!categories.has(id)) categories.set(id, { id, label: category || msg(lang, 'tl_noCategory'), description: '', colour: (categories.size % CATEGORY_COLOURS) + 1, count: 0 });
    const cited = source ? [source.id] : [];
    const typed = cell(r, col.link);
    const url = table.links?.[i]?.[col.link!] ?? typed;
    if (isWebAddress(url)) {
      sources.set(`${i}`, { id: `${i}`, title: typed && typed !== url ? typed : url.replace(/^https?:\/\//i, ''), url });
      cited.push(`${i}`);
    } else if (url) problems.push(cellProblem(i, col.link!, url, 't_badLink'));
    return [{ id: `${i + 1}`, date, title, description: cell(r, col.text) || undefined, category: id, sources: cited }];
  });
  if (!sources.size) problems.push(warning('p_noSource'));
  return { input: { title: table.caption || msg(lang, 'tl_list'), description: '', categories, sources, milestones }, problems };
}

/** The model of what an element loaded: a milestones file, or a table of milestones. */
export function timelineFromState(state: LoadState, opts: TimelineOptions): { model?: TimelineModel; problems: Problem[] } {
  if (state.status !== 'ready') return { problems: state.problems };
  try {
    if (state.origin !== 'table') return buildTimeline(state.raw, opts);
    const { input, problems } = timelineInput(state, opts.lang);
    return input ? assemble(input, problems, opts) : { problems };
  } catch (e) {
    // Never an uncaught exception and never a blank box.
    console.error(e);
  }
  return { problems: [notAnObject()] };
}

/**
 * The category filter an attribute asks for: the known ids of it (null = all), with a warning naming
 * the unknown ones and the available ones.
 */
export function categoryFilter(model: TimelineModel, attr: string | null | undefined, lang: Lang): { filter: Set<string> | null; problems: Problem[] } {
  const wanted = idList(attr);
  if (!wanted.length) return { filter: null, problems: [] };
  const known = new Set(model.categoryIds);
  const unknown = wanted.filter((id) => !known.has(id));
  const filter = new Set(wanted.filter((id) => known.has(id)));
  const problems = unknown.length ? [warning('p_unknownCategoryFilter', quoted(unknown, lang), quoted(model.categoryIds, lang))] : [];
  return { filter: filter.size ? filter : null, problems };
}

export function filterItems(items: TimelineItem[], filter: Set<string> | null): TimelineItem[] {
  return filter ? items.filter((it) => filter.has(it.category.id)) : items;
}

/** The words `step-by` takes on the timeline (the element reads year|years|jahr|jahre as years). */
const STEP_BY_WORDS = ['milestone', 'milestones', 'meilenstein', 'meilensteine', 'year', 'years', 'jahr', 'jahre'];

/** A `step-by` the timeline does not know, named as a warning (it steps milestone by milestone). */
export function stepByProblems(stepBy: string | null | undefined): Problem[] {
  const problems: Problem[] = [];
  oneOfAttr('step-by', stepBy, STEP_BY_WORDS, problems, 'milestone, year');
  return problems;
}

/** Steps of presenter mode: one milestone each, or all milestones starting in the same year. */
export function stepsOf(items: TimelineItem[], by: 'milestone' | 'year'): TimelineItem[][] {
  if (by === 'milestone') return items.map((it) => [it]);
  const steps: TimelineItem[][] = [];
  for (const it of items) {
    const last = steps[steps.length - 1];
    if (last && last[0].year === it.year) last.push(it);
    else steps.push([it]);
  }
  return steps;
}

/**
 * Sources of the milestones shown, in order of first citation (the source line lists each once);
 * "Stand" = the newest source date.
 */
export function timelineSources(items: TimelineItem[]): SourceInfo {
  const sources = items.flatMap((it) => it.sources);
  // Dates as precise as their sources compare as strings: "2024" < "2024-12" < "2025".
  let newest = '';
  for (const s of sources) if (s.date && s.date > newest) newest = s.date;
  return { sources, stichtage: newest ? [newest] : [] };
}

export function sourceLabel(s: SourceWithId): string {
  return s.publisher ? `${s.publisher}: ${s.title}` : s.title;
}

/** The accessible table and CSV: Datum, Titel, Kategorie, Förderung, Quelle. */
export function timelineTable(title: string, items: TimelineItem[], lang: Lang, locale: string): TableModel {
  return {
    caption: title,
    columns: [{ label: msg(lang, 'tl_date') }, { label: msg(lang, 'tl_title') }, { label: msg(lang, 'category') }, { label: msg(lang, 'tl_funding') }, { label: msg(lang, 'source') }],
    rows: items.map((it) => ({
      cells: [
        { text: it.dateText },
        { text: it.title },
        { text: it.category.label },
        { text: it.funding.join(', ') },
        { text: it.sources.map((s) => (s.date ? `${sourceLabel(s)} (${formatDate(s.date, locale)})` : sourceLabel(s))).join('; ') },
      ],
    })),
  };
}
