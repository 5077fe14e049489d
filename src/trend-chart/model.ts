import type { LoadState } from '../core/data-controller.js';
import * as v from 'valibot';
import { idList, periodAttr } from '../core/attributes.js';
import { pickText, slug, type Lang } from '../core/i18n.js';
import { asError, asWarning, isRecord, pathString, problem, warning, type Problem } from '../core/problems.js';
import {
  dropBadSourceLinks,
  issuesToProblems,
  MilestonesFileSchema,
  TimeSeriesFileSchema,
  validate,
  type Milestone,
  type SourceWithId,
  type TimeSeriesFile,
} from '../core/schema.js';
import { cellProblem, COLUMN, findColumns, isBlankRow, readDate, readNumberColumns, tableSource } from '../core/table-input.js';
import { spanOf, timeOf } from '../core/time.js';

/**
 * From a time-series file to what `<trend-chart>` draws: validated, sorted, filtered by the element's
 * attributes. Invalid points are dropped with a warning each (the rest is drawn); a file that is not a
 * time series at all is an error.
 */

export type Flag = 'derived' | 'rounded' | 'unverified' | 'approximate';

export interface TrendPoint {
  /** Index of the series in `model.series`. */
  series: number;
  /** Index along the series (sorted by time). */
  index: number;
  date: string;
  /** Middle of the date's period, UTC ms: where the point sits on the time axis. */
  t: number;
  value: number;
  parts?: { bg?: number; ro?: number };
  flags: Flag[];
  note?: string;
  dateNote?: string;
  sources: SourceWithId[];
}

export interface TrendSeries {
  id: string;
  label: string;
  /** Colour slot: the series' position in the file, so hiding one does not recolour the others. */
  colour: number;
  points: TrendPoint[];
}

export interface TrendModel {
  title: string;
  description?: string;
  unit?: string;
  series: TrendSeries[];
  notes: string[];
  /** The period the chart shows, UTC ms: from/to where given, else the data's. */
  from?: number;
  to?: number;
}

export interface TrendOptions {
  series?: string;
  from?: string;
  to?: string;
  lang: Lang;
}



/**
 * Validate the file, dropping what makes single points invalid and keeping the rest: an empty series,
 * a point with an impossible date or a missing value (each named as a warning). Anything else wrong
 * with the file (no series, a broken source list) stays fatal. A valid file is parsed once.
 */
function validateSalvaging(raw: Record<string, unknown>, problems: Problem[], lang: Lang) {
  // The caller checked that `series` is an array.
  const series = (raw.series as unknown[]).filter((s, i) => {
    if (isRecord(s) && Array.isArray(s.points) && s.points.length === 0) {
      problems.push(warning('p_emptySeries', seriesName(s, i, lang)));
      return false;
    }
    return true;
  });
  const copy = { ...raw, series };
  const first = v.safeParse(TimeSeriesFileSchema, copy);
  if (first.success) return { ok: true as const, value: first.output };
  // Which points do the problems lie in ("series index/point index")? If all of them lie in points, drop those points.
  const bad = new Set<string>();
  for (const issue of first.issues) {
    const [a, i, b, j] = (issue.path ?? []).map((p) => p.key);
    if (a !== 'series' || typeof i !== 'number' || b !== 'points' || typeof j !== 'number') {
      return { ok: false as const, problems: issuesToProblems(first.issues) };
    }
    bad.add(`${i}/${j}`);
  }
  const reasons = issuesToProblems(first.issues);
  const gone: Problem[] = [];
  const cleaned = series
    .map((s, i) => (isRecord(s) && Array.isArray(s.points) ? { ...s, points: s.points.filter((_, j) => !bad.has(`${i}/${j}`)) } : s))
    .filter((s, i) => {
      if (!isRecord(s) || !Array.isArray(s.points) || s.points.length > 0) return true;
      gone.push(warning('p_seriesInvalid', seriesName(series[i], i, lang)));
      return false;
    });
  // No valid point at all: nothing can be drawn, and the points' own reasons are the errors (not just "series is empty").
  if (!cleaned.length) return { ok: false as const, problems: [problem('p_noValidPoints', bad.size), ...reasons] };
  problems.push(...reasons.map(asWarning), ...gone, warning('p_pointsDropped', bad.size));
  return validate(TimeSeriesFileSchema, { ...copy, series: cleaned });
}

/** A series as messages name it: its label, else its id, else its number. */
function seriesName(s: unknown, i: number, lang: Lang): string {
  if (!isRecord(s)) return String(i + 1);
  return typeof s.label === 'string' || isRecord(s.label) ? pickText(s.label as never, lang) : String(s.id ?? i + 1);
}

/** A time-series file, validated: with the problems; without a file when nothing can be drawn. */
function checkedFile(raw: unknown, lang: Lang): { file?: TimeSeriesFile; problems: Problem[] } {
  if (!isRecord(raw) || raw.kind !== 'timeseries' || !Array.isArray(raw.series)) return { problems: [problem('p_notTimeseries')] };
  // A source link that is not a web address is dropped with a warning, not the whole chart.
  const links = dropBadSourceLinks(raw);
  const problems: Problem[] = links.problems;
  const checked = validateSalvaging(links.value as Record<string, unknown>, problems, lang);
  // Nothing can be drawn: every message is an error (warnings would not be shown beside an error).
  if (!checked.ok) return { problems: [...checked.problems, ...problems.map(asError)] };
  if (!checked.value.series.length) return { problems: [...problems, problem('p_notTimeseries')] };
  return { file: checked.value, problems };
}

/**
 * A time series from a table or CSV: a column of dates (headed "Jahr", "Datum", "year", "date" … or
 * else the first) and one column per series, its header the series' name. Numbers as typed in the
 * widget's language; "–" or "k. A." is a gap, never zero. Rows and cells that cannot be read are named
 * by row and column, the rest is drawn; the `source` and `stichtag` attributes name the source.
 */
function fileFromTable(state: Extract<LoadState, { origin: 'table' }>, lang: Lang): { file?: TimeSeriesFile; problems: Problem[] } {
  const table = state.tables[0];
  if (!table?.rows.some((r) => !isBlankRow(r))) return { problems: [problem('p_emptyTable')] };
  const at = findColumns(table, [['date', COLUMN.date]]).date ?? 0;
  const cols = [...Array(Math.max(table.header.length, ...table.rows.map((r) => r.length))).keys()].filter((c) => c !== at);
  const dates = table.rows.map((r) => readDate(r[at] ?? ''));
  if (!cols.length || !dates.some(Boolean)) return { problems: [problem('p_tableNeeds', { key: 't_colsTrend' })] };
  const problems: Problem[] = [];
  const { source } = tableSource(state, problems);
  if (!source) problems.push(warning('p_noSource'));
  table.rows.forEach((r, i) => dates[i] || isBlankRow(r) || problems.push(cellProblem(i, at, r[at] ?? '', r[at] ? 't_notDate' : 't_empty')));
  // Cells of rows without a date are not read: the row is named once, above.
  const read = readNumberColumns(table.rows.map((r, i) => (dates[i] ? r : [])), cols, lang);
  problems.push(...read.problems);
  const ids = new Set<string>();
  const series = cols.flatMap((c, k) => {
    const label = table.header[c] || String(c + 1);
    let id = slug(label) || String(c + 1);
    if (ids.has(id)) id += `-${c + 1}`;
    ids.add(id);
    const points = table.rows.flatMap((_, i) => {
      const value = read.values[i][k];
      return dates[i] && value !== null ? [{ date: dates[i]!, value, sources: source ? [source.id] : [] }] : [];
    });
    if (points.length) return [{ id, label, points }];
    problems.push(warning('p_emptySeries', label));
    return [];
  });
  // No value at all: each series and cell is named as an error.
  if (!series.length) return { problems: problems.map(asError) };
  const file = {
    kind: 'timeseries' as const,
    title: table.caption || series.map((s) => s.label).join(', '),
    unit: table.rows.some((r) => cols.some((c) => r[c]?.includes('%'))) ? '%' : undefined,
    sources: source ? [source] : [],
    series,
  };
  return { file, problems };
}

export function buildTrendModel(state: LoadState, opts: TrendOptions): { model?: TrendModel; problems: Problem[] } {
  if (state.status !== 'ready') return { problems: state.problems };
  const { lang } = opts;
  const checked = state.origin === 'table' ? fileFromTable(state, lang) : checkedFile(state.raw, lang);
  const { file, problems } = checked;
  if (!file) return checked;

  const sourceById = new Map(file.sources.map((s) => [s.id, s]));
  const seen = new Set<string>();
  let series: TrendSeries[] = [];
  file.series.forEach((s, si) => {
    if (seen.has(s.id)) {
      problems.push(warning('p_duplicate', `series[${si}]`, s.id));
      return;
    }
    seen.add(s.id);
    const label = pickText(s.label, lang);
    const points = s.points
      .map((p, pi) => {
        const sources: SourceWithId[] = [];
        p.sources.forEach((id, k) => {
          const source = sourceById.get(id);
          if (source) sources.push(source);
          else problems.push(warning('p_unknownSourceId', pathString(['series', si, 'points', pi, 'sources', k]), id));
        });
        return {
          series: 0,
          index: 0,
          date: p.date,
          t: timeOf(p.date),
          value: p.value,
          parts: p.parts,
          flags: (p.flags ?? []) as Flag[],
          note: pickText(p.note, lang),
          dateNote: pickText(p.dateNote, lang),
          sources,
        };
      })
      // Stable: points of the same date keep the file's order.
      .sort((a, b) => a.t - b.t);
    for (let i = 1; i < points.length; i++) {
      if (points[i].date === points[i - 1].date && (i < 2 || points[i - 2].date !== points[i].date)) {
        problems.push(warning('p_duplicateDate', label, points[i].date));
      }
    }
    series.push({ id: s.id, label, colour: si, points });
  });

  const wanted = idList(opts.series);
  if (wanted.length) {
    const unknown = wanted.filter((id) => !series.some((s) => s.id === id));
    if (unknown.length) problems.push(warning('p_unknownSeries', unknown.join(', '), series.map((s) => s.id).join(', ')));
    const chosen = wanted.map((id) => series.find((s) => s.id === id)).filter((s): s is TrendSeries => !!s);
    if (chosen.length) series = chosen;
  }

  let from = periodAttr('from', opts.from, problems)?.[0];
  let to = periodAttr('to', opts.to, problems)?.[1];
  if (from !== undefined && to !== undefined && from >= to) {
    problems.push(warning('p_fromAfterTo', opts.from!, opts.to!));
    from = to = undefined;
  }
  // Every series has a point; without from/to this keeps them all.
  const lo = from ?? -Infinity;
  const hi = to ?? Infinity;
  series = series.map((s) => ({ ...s, points: s.points.filter((p) => p.t >= lo && p.t < hi) }));
  if (series.every((s) => !s.points.length)) return { problems: [...problems, problem('p_noPointsInPeriod')] };
  series = series.filter((s) => s.points.length);
  series.forEach((s, si) =>
    s.points.forEach((p, pi) => {
      p.series = si;
      p.index = pi;
    }),
  );

  return {
    model: {
      title: pickText(file.title, lang),
      description: pickText(file.description, lang),
      unit: pickText(file.unit, lang),
      series,
      notes: (file.notes ?? []).map((n) => pickText(n, lang)),
      from,
      to,
    },
    problems,
  };
}

/** A milestone drawn on the chart as a line (one date) or a band (a period). */
export interface Annotation {
  id: string;
  /** 1, 2, 3 … in time order: the label on the chart and in the list below it. */
  number: number;
  title: string;
  start: string;
  end?: string;
  since?: boolean;
  approximate?: boolean;
  /** [start, end) in UTC ms. */
  t0: number;
  t1: number;
}

/**
 * The milestones named by `annotations`: ids from the milestones file, or every milestone of it when
 * `annotations` itself names the file. Unknown ids are named; the known ones are drawn.
 */
export function buildAnnotations(
  state: LoadState | undefined,
  ids: string[],
  lang: Lang,
): { annotations: Annotation[]; problems: Problem[] } {
  if (!state) return { annotations: [], problems: ids.length ? [warning('p_annotationsNoFile')] : [] };
  if (state.status === 'loading') return { annotations: [], problems: [] };
  // The chart itself is fine without its events: problems of the milestones file are warnings, introduced as such.
  const asWarnings = (p: Problem[]): Problem[] => [warning('p_annotationsLoad'), ...p.map(asWarning)];
  const fail = (p: Problem[]) => ({ annotations: [], problems: asWarnings(p) });
  if (state.status === 'error') return fail(state.problems);
  if (state.origin === 'table' || !isRecord(state.raw) || state.raw.kind !== 'milestones') return fail([problem('p_notMilestones')]);
  // Only the milestones the chart needs are validated: one broken entry elsewhere must not hide the rest.
  const all = Array.isArray(state.raw.milestones) ? (state.raw.milestones as unknown[]) : [];
  const wanted = ids.length ? ids : all.map((m) => (isRecord(m) ? String(m.id) : ''));
  const problems: Problem[] = [];
  const found: Milestone[] = [];
  const missing: string[] = [];
  const schema = MilestonesFileSchema.entries.milestones.pipe[0].item;
  for (const id of wanted) {
    const index = all.findIndex((m) => isRecord(m) && m.id === id);
    if (index < 0) {
      missing.push(id);
      continue;
    }
    const checked = validate(schema, all[index], ['milestones', index]);
    if (checked.ok) found.push(checked.value);
    else problems.push(...checked.problems);
  }
  if (missing.length) problems.push(problem('p_unknownAnnotations', missing.join(', ')));
  const annotations = found
    .map((m) => {
      const [t0, t1] = spanOf(m.date)!;
      const { start, end, since, approximate } = m.date;
      return { id: m.id, number: 0, title: pickText(m.title, lang), start, end, since, approximate, t0, t1 };
    })
    .sort((x, y) => x.t0 - y.t0);
  annotations.forEach((a, i) => (a.number = i + 1));
  return { annotations, problems: problems.length ? asWarnings(problems) : [] };
}
