import { idList } from '../core/attributes.js';
import type { LoadState } from '../core/data-controller.js';
import type { TableModel } from '../core/export.js';
import { formatDate, formatNumber } from '../core/format.js';
import { msg, pickText, slug, type Lang, type Text } from '../core/i18n.js';
import { asError, asWarning, entryName, isRecord, pathString, problem, warning, type Problem } from '../core/problems.js';
import { dropBadSourceLinks, KeyFigureSchema, KeyFiguresListSchema, validate, type KeyFigure, type SourceWithId } from '../core/schema.js';
import { uniqueSources, type SourceInfo } from '../core/source-line.js';
import { cellText, findColumns, isBlankRow, isMissingCell, readDate, tableSource, type ParsedTable } from '../core/table-input.js';
import type { TrendPoint } from '../trend-chart/model.js';
import './messages.js';

/**
 * From a key-figures file — or a table or `<dl>` in the element — to what `<key-figure>` shows: the
 * figures named by `figure` (or tagged `group`, or all), each checked on its own (a faulty one is named
 * and left out), with its number exactly as the source words it. Pure functions, no drawing.
 */

export type FigureFlag = 'derived' | 'unverified';

export interface FigureView {
  /** The checked figure (id, value, Stichtag, series …). */
  f: KeyFigure;
  /** As shown: the source's wording with unit and the marks of derived (*) and unverified ((?)) figures; "keine Angabe" when missing. */
  number: string;
  /** The wording without the marks (their words are said instead); empty when the source gives no number. */
  plain: string;
  /** The marks after the wording ("*", " (?)"); empty without a wording. */
  marks: string;
  label: string;
  comparison: string;
  note: string;
  /** The Stichtag with the source's note on it ("September 2014", "Stichtag nicht genannt"), or "keine Angabe". */
  when: string;
  flags: FigureFlag[];
  sources: SourceWithId[];
}

export interface KeyFigureModel {
  title: string;
  description?: string;
  figures: FigureView[];
  /** What the marks mean ("* abgeleitet …"), once each. */
  notes: string[];
  source: SourceInfo;
  /** The figures do not all cite the same sources: each names its own under it. */
  ownSources: boolean;
}

/** What the element's attributes choose (the element itself is one). */
export interface KeyFigureOptions {
  figure?: string | null;
  group?: string | null;
  /** Source and Stichtag of a table or list in the element (attributes `source`, `stichtag`). */
  sourceText?: string | null;
  stichtag?: string | null;
}

/** The figures before they are checked, and what they cite. */
interface Input {
  title?: Text;
  description?: Text;
  sources: SourceWithId[];
  figures: unknown[];
  /** Built here from a table or list: in shape already, not checked again. */
  built?: boolean;
}

type Result = { model?: KeyFigureModel; problems: Problem[] };

/** Digits after the decimal point as the data writes the number: 12.6 keeps one, 580000 none (never rounded). */
const decimalsOf = (x: number) => Math.min(6, /\.(\d+)$/.exec(String(x))?.[1].length ?? 0);
const exact = (x: number, locale: string) => formatNumber(x, locale, decimalsOf(x));

/** The marks of derived and unverified figures, after the number (a narrow space before "(?)"). */
const MARKS: Record<FigureFlag, string> = { derived: '*', unverified: '\u202f(?)' };

/**
 * `list`: a `<dl>` in the element, read when nothing else names data (the DataController looks for
 * tables, not lists).
 */
export function buildKeyFigureModel(state: LoadState, list: Element | null, opts: KeyFigureOptions, lang: Lang, locale: string): Result {
  if (state.status === 'loading') return { problems: [] };
  const problems: Problem[] = [];
  let input: Input | Result;
  if (state.status === 'ready' && state.origin !== 'table') input = fromFile(state.raw, problems);
  else {
    // A table or pasted CSV: the first one holds the figures. Nothing at all: a <dl> in the element, read as a table.
    const table = state.status === 'ready' ? state.tables[0] : { caption: '', header: [], rows: list ? listRows(list) : [] };
    if (state.status === 'error' && !table.rows.length) return { problems: state.problems };
    input = fromTable(table, opts, problems);
  }
  if (!('sources' in input)) return input;

  const chosen = select(input, opts, problems);
  if (!Array.isArray(chosen)) return chosen;

  const figures: Array<[KeyFigure, number]> = [];
  const skipped: string[] = [];
  const reasons: Problem[] = [];
  for (const i of chosen) {
    const raw = input.figures[i];
    const checked = input.built ? { ok: true as const, value: raw as KeyFigure } : validate(KeyFigureSchema, raw, ['figures', i]);
    if (checked.ok) figures.push([checked.value, i]);
    else {
      reasons.push(...checked.problems);
      skipped.push(entryName(['figures', i], isRecord(raw) ? raw.id : undefined));
    }
  }
  // Nothing to show: the figures' own reasons are the errors.
  if (!figures.length) return { problems: [...reasons, ...problems.map(asError)] };
  if (skipped.length) problems.push(...reasons.map(asWarning), warning('p_skippedMilestones', skipped.join(', ')));

  const byId = new Map(input.sources.map((s) => [s.id, s]));
  const views = figures.map(([f, i]): FigureView => {
    const sources: SourceWithId[] = [];
    f.sources.forEach((id, k) => {
      const source = byId.get(id);
      if (source) sources.push(source);
      else problems.push(warning('p_unknownSourceId', pathString(['figures', i, 'sources', k]), id));
    });
    const flags = (['derived', 'unverified'] as const).filter((flag) => f[flag]);
    const plain = numberText(f, lang, locale);
    const marks = plain && flags.map((flag) => MARKS[flag]).join('');
    const date = f.stichtag ? formatDate(f.stichtag, locale) : '';
    const note = pickText(f.stichtagNote, lang);
    return {
      f,
      number: plain ? plain + marks : msg(lang, 'noValue'),
      plain,
      marks,
      label: pickText(f.label, lang),
      comparison: pickText(f.comparison, lang),
      note: pickText(f.note, lang),
      when: date && note ? `${date} (${note})` : date || note || msg(lang, 'noValue'),
      flags,
      sources,
    };
  });
  return {
    model: {
      title: pickText(input.title, lang),
      description: pickText(input.description, lang),
      figures: views,
      notes: [...new Set(views.flatMap((v) => v.flags))].map((flag) => `${MARKS[flag].trim()} ${msg(lang, `flag_${flag}`)}`),
      source: {
        sources: views.flatMap((v) => v.sources),
        stichtage: views.flatMap((v) => v.f.stichtag ?? []),
        // Several figures each show their own Stand: the line adds the notes only of those without a date.
        stichtagNote: [...new Set(views.filter((v) => views.length < 2 || !v.f.stichtag).map((v) => pickText(v.f.stichtagNote, lang)))].filter(Boolean).join('; '),
      },
      ownSources: new Set(views.map((v) => v.sources.map((s) => s.id).join())).size > 1,
    },
    problems,
  };
}

/** How exact a number is, for one without the source's wording, in signs every language reads (as the bars write "≈"). */
const SIGNS: Record<string, string> = { about: '≈', 'more-than': '>', almost: '<', 'up-to': '≤', 'at-least': '≥' };

/** The source's value exactly with its own decimals, a range as "13–22"; empty where the source gives only words. */
const valueText = (f: KeyFigure, locale: string) =>
  typeof f.value === 'number' ? [f.value, ...(f.valueTo === undefined ? [] : [f.valueTo])].map((x) => exact(x, locale)).join('–') : '';

/**
 * The number as the source words it (`display`), with the unit where the wording lacks it. Without a
 * wording, the value itself with the qualifier's sign: "≈ 80 %", "13–22 %". Empty when the source gives neither.
 */
function numberText(f: KeyFigure, lang: Lang, locale: string): string {
  const unit = pickText(f.unit, lang);
  const value = valueText(f, locale);
  const sign = SIGNS[f.qualifier!];
  let text = pickText(f.display, lang).trim() || (value && `${sign ? `${sign}\u202f` : ''}${value}`);
  // A percent sign follows the number directly in English, after a no-break space otherwise (as formatValue writes it).
  if (text && unit && !text.includes(unit)) text += `${unit === '%' && lang === 'en' ? '' : '\u00a0'}${unit}`;
  return text;
}

function fromFile(raw: unknown, problems: Problem[]): Input | Result {
  if (!isRecord(raw) || raw.kind !== 'key-figures') return { problems: [problem('kf_notKeyFigures')] };
  // A source link that is not a web address is dropped with a warning, not the whole figure.
  const links = dropBadSourceLinks(raw);
  problems.push(...links.problems);
  const checked = validate(KeyFiguresListSchema, links.value);
  return checked.ok ? checked.value : { problems: [...checked.problems, ...problems.map(asError)] };
}

/**
 * Indices of the figures to show: those named by `figure` (in that order), else those tagged `group`,
 * else all. Unknown ids or groups are named with a few that exist (a file may hold a hundred figures).
 */
function select(input: Input, opts: KeyFigureOptions, problems: Problem[]): number[] | Result {
  const ids = input.figures.map((f) => (isRecord(f) && typeof f.id === 'string' ? f.id : ''));
  const groupsOf = (f: unknown): string[] => (isRecord(f) && Array.isArray(f.groups) ? f.groups.map(String) : []);
  const wanted = idList(opts.figure);
  const groups = idList(opts.group);
  const chosen = wanted.length
    ? [...new Set(wanted.map((id) => ids.indexOf(id)).filter((i) => i >= 0))]
    : ids.map((_, i) => i).filter((i) => !groups.length || groupsOf(input.figures[i]).some((g) => groups.includes(g)));
  // Some ids unknown: the others are shown; no group known: nothing is.
  const unknown = wanted.length ? wanted.filter((id) => !ids.includes(id)) : chosen.length ? [] : groups;
  if (unknown.length) {
    const known = [...new Set(wanted.length ? ids : input.figures.flatMap(groupsOf))].filter(Boolean);
    const p = problem('p_attrOneOf', wanted.length ? 'figure' : 'group', unknown.join(', '), `${known.slice(0, 6).join(', ')}${known.length > 6 ? ', …' : ''}` || '–');
    if (!chosen.length) return { problems: [p, ...problems.map(asError)] };
    problems.push(asWarning(p));
  }
  return chosen;
}

/* ------------------------------------------------------------------------------------------------
 * A table or a <dl> in the element: the no-JavaScript fallback doubles as the data.
 * ---------------------------------------------------------------------------------------------- */

/** The fields a figure is read from, with their column headers in German or English; columns without a header take them in this order. */
const FIELDS: Array<[string, RegExp]> = [
  ['label', /^(bezeichnung|label|beschreibung|kennzahl|name)\b/i],
  ['value', /^(zahl|wert|value|figure|number)\b/i],
  ['comparison', /^(vergleich|comparison)\b/i],
  ['date', /^(stand|stichtag|datum|date|as of)\b/i],
  ['source', /^(quelle|source)\b/i],
];

/** `<dt>` = label, then `<dd>` = number, and further `<dd>`s: comparison, date, source (the order of a table without header). */
function listRows(list: Element): string[][] {
  const rows: string[][] = [];
  for (const item of list.querySelectorAll('dt, dd')) {
    if (item.localName === 'dt') rows.push([cellText(item)]);
    else rows.at(-1)?.push(cellText(item));
  }
  return rows;
}

/**
 * Figures from the rows of a table or list, each cell shown as typed ("–" or empty: keine Angabe). The
 * value itself is not read: a page's table gives only the wording. A Stand as typed ("2014", "09/2014",
 * "31.12.2013") is a date; anything else is kept in words as the Stichtag's note.
 */
function fromTable(table: ParsedTable, opts: KeyFigureOptions, problems: Problem[]): Input | Result {
  const column = findColumns(table, FIELDS);
  const rows = table.rows.map((r) => FIELDS.map(([field]) => r[column[field] ?? -1] ?? '')).filter((r) => !isBlankRow(r));
  if (!rows.length) return { problems: [problem('p_emptyTable')] };
  // The attributes `source` and `stichtag` stand for every row that names none.
  const { source, date } = tableSource({ source: opts.sourceText, stichtag: opts.stichtag }, problems);
  const sources: SourceWithId[] = source ? [source] : [];
  const given = (cell: string) => (isMissingCell(cell) ? undefined : cell);
  const cite = (title: string) => {
    let s = sources.find((x) => x.title === title);
    if (!s) sources.push((s = { id: `q${sources.length + 1}`, title }));
    return [s.id];
  };
  const figures = rows.map(([label, text, comparison, when, cell], i): KeyFigure => {
    const stichtag = readDate(when);
    return {
      id: slug(label) || String(i + 1),
      label,
      display: given(text),
      comparison: given(comparison),
      stichtag: stichtag ?? (given(when) ? undefined : date),
      stichtagNote: stichtag ? undefined : given(when),
      sources: given(cell) ? cite(cell) : source ? [source.id] : [],
    };
  });
  if (!sources.length) problems.push(warning('p_noSource'));
  return { title: table.caption, sources, figures, built: true };
}

/* ------------------------------------------------------------------------------------------------
 * Words, table and trend line.
 * ---------------------------------------------------------------------------------------------- */

/** A figure's sources as they stand under it when the figures cite different ones: "Quelle: Stadt Dortmund". */
export function sourcesText(v: FigureView, lang: Lang): string {
  const names = [...new Set(uniqueSources(v.sources).map((s) => s.publisher || s.title))].join('; ');
  return `${msg(lang, v.sources.length > 1 ? 'sources' : 'source')}: ${names || msg(lang, 'noSource')}`;
}

/**
 * One sentence per figure for screen readers: "Über 580.000 Einwohnerinnen und Einwohner. Stand:
 * September 2014. Quelle: Stadt Dortmund." — with the comparison, what the marks mean, the note and
 * the trend line in words.
 */
export function figureSentence(v: FigureView, trend: string, lang: Lang): string {
  const what = v.plain ? `${v.plain} ${v.label}` : `${v.label}: ${v.number}`;
  return `${[
    `${what}${v.comparison ? ` (${v.comparison})` : ''}`,
    ...v.flags.map((f) => msg(lang, `flag_${f}`)),
    v.note,
    `${msg(lang, 'stand')}: ${v.when}`,
    trend,
    sourcesText(v, lang),
  ]
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('. ')}.`;
}

export function figureTable(model: KeyFigureModel, caption: string, lang: Lang, locale: string): TableModel {
  return {
    caption,
    columns: (['kf_label', 'kf_number', 'value', 'reference', 'stand', 'source'] as const).map((key) => ({ label: msg(lang, key), numeric: key === 'value' })),
    rows: model.figures.map(({ f, ...v }) => ({
      cells: [
        { text: v.label },
        { text: v.number },
        // The value as a number (a range as text); none where the source gives only words.
        { text: valueText(f, locale), raw: f.valueTo === undefined ? (f.value ?? null) : undefined },
        { text: v.comparison },
        { text: v.when },
        { text: uniqueSources(v.sources).map((s) => [s.publisher, s.title].filter(Boolean).join(': ')).join('; ') },
      ],
    })),
  };
}

/** A trend line in a 100 × 30 box: time across, values up from zero (as the trend chart draws them), the last value marked. */
export interface Spark {
  points: string;
  end: number[];
  /** "Verlauf: 2007: 1.234 bis 31.12.2018: 9.039". */
  text: string;
  sources: SourceWithId[];
}

/** `points`: a series of the trend model, which has at least one. */
export function sparkOf(points: TrendPoint[], lang: Lang, locale: string): Spark {
  const first = points[0];
  const last = points[points.length - 1];
  const values = points.map((p) => p.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const xy = points.map((p) =>
    [last.t > first.t ? ((p.t - first.t) / (last.t - first.t)) * 100 : 50, hi > lo ? 28 - ((p.value - lo) / (hi - lo)) * 26 : 15].map((n) => Math.round(n * 10) / 10),
  );
  const say = (p: TrendPoint) => `${formatDate(p.date, locale)}: ${formatNumber(p.value, locale)}`;
  return { points: xy.join(' '), end: xy.at(-1)!, text: msg(lang, 'kf_trend', say(first), say(last)), sources: points.flatMap((p) => p.sources) };
}
