import { numberAttr, oneOfAttr } from './attributes.js';
import { matchArea, normaliseName, stadtbezirkName, CITY_ID, type Area } from './areas.js';
import type { TableModel, TableRow } from './export.js';
import { formatNumber, formatValue, isApproximate } from './format.js';
import { langOf, msg, pickText, type Lang, type Text } from './i18n.js';
import { DataProblems, isRecord, notAnObject, pathString, problem, warning, type Problem } from './problems.js';
import {
  IndicatorCollectionSchema,
  IndicatorSchema,
  dropBadSourceLinks,
  validate,
  type Indicator,
  type Reference,
  type ValueItem,
} from './schema.js';
import { asList, type SourceInfo } from './source-line.js';
import type { LoadState } from './data-controller.js';
import { readDate, readNumberColumns, type ParsedTable } from './table-input.js';

/**
 * From a validated indicator to what `<indicator-bar>` draws: rows matched to canonical areas, ranks,
 * sort order, highlights, reference lines and the accessible table. Pure functions, no DOM.
 */

export type Flag = 'derived' | 'rounded' | 'unverified' | 'approximate';
export type SortOrder = 'desc' | 'asc' | 'name' | 'none';

export interface BarValue {
  value: number | null;
  flags: Flag[];
  note?: string;
}

export interface BarRow {
  key: string;
  name: string;
  area?: Area;
  /** One entry per series; `value: null` = keine Angabe. */
  values: BarValue[];
  rank?: number;
  highlighted: boolean;
}

export interface BarReference {
  label: string;
  value?: number;
  afterRank?: number;
  flags: Flag[];
  note?: string;
  /** The series the value belongs to (a city row of that series); undefined: the indicator's own. */
  series?: number;
}

export interface BarModel {
  title: string;
  description: string;
  mode: 'value' | 'rank';
  level: 'sozialraum' | 'stadtbezirk' | 'category';
  unit?: Text;
  decimals?: number;
  series: Array<{ id: string; label: string }>;
  /** All rows in display order. */
  rows: BarRow[];
  /** The rows drawn (after `top`). */
  shown: BarRow[];
  /** How many rows carry a rank ("Rang 1 von …"). */
  ranked: number;
  sort: SortOrder;
  references: BarReference[];
  rankOrder?: { first: string; last: string };
  /** Which end of a ranking maps draw darkest (default: rank 1). */
  rankEmphasis: 'first' | 'last';
  /** True when grouped series differ by more than 10× and each gets its own axis. */
  separateAxes: boolean;
  source: SourceInfo;
  notes: string[];
  warnings: Problem[];
  categoryLabel: string;
}

export interface BarOptions {
  indicator?: string | null;
  sort?: string | null;
  top?: number | null;
  /** The `top` attribute as written, when Lit could not read it as a finite number: the message quotes it. */
  topText?: string | null;
  highlight?: string | null;
  lang: Lang;
  locale: string;
}

const FLAG_MARK: Record<Flag, string> = { derived: '*', rounded: '≈', unverified: '(?)', approximate: '≈' };

/** The indicator a file holds: the file itself, or the one named `id` in a collection (default: the first). */
export function selectIndicator(raw: unknown, id?: string | null): { indicator: Indicator; warnings: Problem[] } {
  // A list or a bare value at the top is not an indicator file at all: say so once, not field by field.
  if (!isRecord(raw)) throw new DataProblems([notAnObject()]);
  if ('indicators' in raw) {
    const collection = validate(IndicatorCollectionSchema, raw);
    if (!collection.ok) throw new DataProblems(collection.problems);
    const list = collection.value.indicators;
    const ids = list.map((item, i) => (item && typeof item === 'object' && 'id' in item ? String(item.id) : `#${i + 1}`));
    const index = id ? ids.indexOf(id) : 0;
    if (index < 0) throw new DataProblems([problem('p_unknownIndicator', id!, ids.join(', '))]);
    return checked(list[index], ['indicators', index]);
  }
  return checked(raw, []);
}

function checked(input: unknown, basePath: Array<string | number>): { indicator: Indicator; warnings: Problem[] } {
  // A source link that is not a web address is dropped with a warning, not the whole chart.
  const { value: raw, problems: warnings } = dropBadSourceLinks(input, basePath);
  const result = validate(IndicatorSchema, raw, basePath);
  if (!result.ok) throw new DataProblems(result.problems);
  const indicator = result.value;
  const problems: Problem[] = [];
  const at = (...path: Array<string | number>) => pathString([...basePath, ...path]);
  if (!indicator.values && !indicator.series) problems.push(problem('p_valuesOrSeries', at() || { key: 'fileRoot' }));
  const seriesList = indicator.series ?? [{ values: indicator.values ?? [] }];
  seriesList.forEach((series, s) => {
    series.values.forEach((item, i) => {
      const path = indicator.series ? at('series', s, 'values', i) : at('values', i);
      if (item.area === undefined && item.label === undefined) problems.push(problem('p_areaOrLabel', path));
      if (indicator.mode === 'rank' && item.rank === undefined && !isCity(item, indicator)) problems.push(problem('p_rankMissing', path));
    });
  });
  if (problems.length) throw new DataProblems(problems);
  return { indicator, warnings };
}

function isCity(item: ValueItem, indicator: Indicator): boolean {
  return indicator.level !== 'category' && item.area !== undefined && matchArea(item.area, 'sozialraum')?.id === CITY_ID;
}

/**
 * An indicator from a pasted table or CSV: first column = area (or category) names, header row = series
 * labels, cells as typed in the widget's language ("39,9 %", "12.040"); a single "Rang" column makes a
 * ranking. The title: the `title` attribute, else the caption, else the value column's header (several:
 * their headers), never the name column's "Sozialraum".
 */
export function indicatorFromTable(
  table: ParsedTable,
  locale: string,
  attrs: { title?: string | null; source?: string | null; stichtag?: string | null },
): { raw: unknown; warnings: Problem[] } {
  const rows = table.rows.filter((r) => r[0]);
  if (!rows.length) throw new DataProblems([problem('p_emptyTable')]);
  const columns = Math.max(1, ...rows.map((r) => r.length - 1));
  const labels = Array.from({ length: columns }, (_, i) => table.header[i + 1] || `${i + 1}`);
  const rankOnly = columns === 1 && /^(rang|rank|platz|position)$/i.test(labels[0]);
  const matched = (level: 'sozialraum' | 'stadtbezirk') =>
    rows.filter((r) => {
      const area = matchArea(r[0], level);
      return area && area.id !== CITY_ID;
    }).length;
  const sozial = matched('sozialraum');
  const bezirk = matched('stadtbezirk');
  const level = Math.max(sozial, bezirk) * 2 >= rows.length ? (sozial >= bezirk ? 'sozialraum' : 'stadtbezirk') : 'category';
  // Read on all rows, so that a message names the row as the editor counts it.
  const { values, decimals, problems: warnings } = readNumberColumns(table.rows, labels.map((_, col) => col + 1), locale);
  const series = labels.map((label, col) => ({
    id: `c${col + 1}`,
    label,
    values: table.rows.flatMap((r, row) => {
      if (!r[0]) return [];
      const name = level === 'category' ? { label: r[0] } : { area: r[0] };
      const value = values[row][col];
      return [value !== null && rankOnly ? { ...name, rank: value } : { ...name, value }];
    }),
  }));
  const valueHeaders = table.header.slice(1).filter(Boolean);
  const raw: Record<string, unknown> = {
    title: attrs.title || table.caption || valueHeaders.join(', ') || msg(langOf(locale), 'value'),
    mode: rankOnly ? 'rank' : 'value',
    level,
    source: attrs.source ? { title: attrs.source } : [],
    categoryLabel: table.header[0] || undefined,
  };
  // A Stichtag written like the table's dates ("31.12.2020") is read as one; anything else the schema names.
  if (attrs.stichtag) raw.stichtag = readDate(attrs.stichtag) ?? attrs.stichtag;
  if (/%/.test(rows.flatMap((r) => r.slice(1)).join(' '))) raw.unit = '%';
  if (decimals) raw.decimals = Math.min(decimals, 6);
  if (series.length === 1) raw.values = series[0].values;
  else raw.series = series;
  return { raw, warnings };
}

function flagsOf(x: { flags?: string[] }): Flag[] {
  return (x.flags ?? []) as Flag[];
}

function splitList(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The words `sort` takes, by the order they mean (the README documents desc, asc, name, none). */
const SORT_ORDERS: Record<SortOrder, string[]> = {
  desc: ['desc', 'value', 'rank', 'absteigend'],
  asc: ['asc', 'value-asc', 'aufsteigend'],
  name: ['name', 'alpha'],
  none: ['none', 'data', 'keine'],
};

/** Every word `parseSort` reads. */
const SORT_WORDS = Object.values(SORT_ORDERS).flat();

export function parseSort(sort: string | null | undefined, level: BarModel['level']): SortOrder {
  const word = (sort ?? '').trim().toLowerCase();
  const order = (Object.keys(SORT_ORDERS) as SortOrder[]).find((o) => SORT_ORDERS[o].includes(word));
  // Categories (age groups, Träger, years) keep the order of the source; areas are ranked.
  return order ?? (level === 'category' ? 'none' : 'desc');
}

export function buildBarModel(indicator: Indicator, opts: BarOptions, extraWarnings: Problem[] = []): BarModel {
  const { lang, locale } = opts;
  const mode = indicator.mode ?? 'value';
  const level = indicator.level ?? 'sozialraum';
  const warnings: Problem[] = [...extraWarnings];
  const seriesList = indicator.series ?? [{ id: 'value', label: indicator.title, values: indicator.values ?? [], stichtag: undefined, source: undefined }];
  const series = seriesList.map((s) => ({ id: s.id, label: pickText(s.label, lang) }));
  const references: BarReference[] = (indicator.references ?? []).map((r: Reference) => ({
    label: pickText(r.label, lang),
    value: r.value,
    afterRank: r.afterRank,
    flags: flagsOf(r),
    note: r.note ? pickText(r.note, lang) : undefined,
  }));

  const rows = new Map<string, BarRow>();
  const unknown: string[] = [];
  seriesList.forEach((s, si) => {
    const seen = new Set<string>();
    s.values.forEach((item, i) => {
      let key: string;
      let name: string;
      let area: Area | undefined;
      if (level === 'category' || item.area === undefined) {
        name = item.label !== undefined ? pickText(item.label, lang) : item.area!;
        key = `c:${normaliseName(item.label !== undefined ? pickText(item.label, 'de') : item.area!)}`;
      } else {
        area = matchArea(item.area, level);
        if (!area) {
          if (!unknown.includes(item.area)) unknown.push(item.area);
          return;
        }
        if (area.id === CITY_ID) {
          // The city as a whole is a reference line ("Gesamtstadt"), not a bar among the areas; with
          // several series each keeps its own value, labelled with its series.
          if (typeof item.value === 'number') {
            const name = item.label ? pickText(item.label, lang) : area.name;
            references.push({ label: seriesList.length > 1 ? `${name} (${series[si].label})` : name, value: item.value, flags: flagsOf(item), series: si });
          }
          return;
        }
        key = area.id;
        name = item.label !== undefined ? pickText(item.label, lang) : area.name;
      }
      if (seen.has(key)) {
        warnings.push(warning('p_duplicate', pathString(indicator.series ? ['series', si, 'values', i] : ['values', i]), name));
        return;
      }
      seen.add(key);
      let row = rows.get(key);
      if (!row) {
        row = { key, name, area, values: series.map(() => ({ value: null, flags: [] })), highlighted: false };
        rows.set(key, row);
      }
      row.values[si] = { value: item.value ?? null, flags: flagsOf(item), note: item.note ? pickText(item.note, lang) : undefined };
      if (mode === 'rank' && item.rank !== undefined) row.rank = item.rank;
    });
  });
  if (unknown.length) warnings.push(warning('p_unknownAreas', unknown.map((n) => `„${n}“`).join(', ')));
  const all = [...rows.values()];
  if (!all.length) throw new DataProblems([problem('p_noRows'), ...warnings.filter((w) => w.key === 'p_unknownAreas')]);

  // Ranks: given in a ranking; for values computed on the last series, 1 = highest (ties share a rank).
  const sortSeries = series.length - 1;
  if (mode === 'value') {
    const withValue = all.filter((r) => r.values[sortSeries].value !== null);
    const sorted = [...withValue].sort((a, b) => b.values[sortSeries].value! - a.values[sortSeries].value!);
    sorted.forEach((r, i) => {
      const prev = sorted[i - 1];
      r.rank = prev && prev.values[sortSeries].value === r.values[sortSeries].value ? prev.rank : i + 1;
    });
  }
  // "Rang 37 von 39" even when only some areas are listed: the total is at least the highest rank.
  const ranked = Math.max(all.filter((r) => r.rank !== undefined).length, ...all.map((r) => r.rank ?? 0));

  const sort = parseSort(opts.sort, level);
  // A word parseSort does not know, or a `top` below 1, is named; the default order / all rows are shown.
  oneOfAttr('sort', opts.sort, SORT_WORDS, warnings, 'desc, asc, name, none');
  numberAttr('top', opts.topText ?? opts.top, warnings, { min: 1, expected: 'attr_countFrom1' });
  const byRank = (a: BarRow, b: BarRow) => (a.rank ?? Infinity) - (b.rank ?? Infinity);
  if (sort === 'desc') all.sort(byRank);
  else if (sort === 'asc') all.sort((a, b) => (a.rank === undefined ? 1 : b.rank === undefined ? -1 : b.rank - a.rank));
  else if (sort === 'name') {
    // Created only when asked for: the first Intl object of a page costs milliseconds (ICU start-up).
    const collator = new Intl.Collator(locale);
    all.sort((a, b) => collator.compare(a.name, b.name));
  }

  const wanted = splitList(opts.highlight);
  const missing: string[] = [];
  for (const name of wanted) {
    const area = level === 'category' ? undefined : matchArea(name, level);
    const key = area ? area.id : `c:${normaliseName(name)}`;
    const row = rows.get(key);
    if (row) row.highlighted = true;
    else missing.push(`„${name}“`);
  }
  if (missing.length) warnings.push(warning('p_unknownHighlight', missing.join(', ')));

  const top = opts.top && opts.top > 0 ? Math.floor(opts.top) : undefined;
  const shown = top && top < all.length ? all.slice(0, top) : all;
  const notes: string[] = [];
  if (shown.length < all.length) notes.push(msg(lang, 'showingTop', formatNumber(shown.length, locale), formatNumber(all.length, locale)));

  const flagsUsed = new Set<Flag>();
  for (const r of all) for (const v of r.values) v.flags.forEach((f) => flagsUsed.add(f));
  for (const r of references) r.flags.forEach((f) => flagsUsed.add(f));
  for (const f of flagsUsed) notes.push(`${FLAG_MARK[f]} ${msg(lang, `flag_${f}`)}`);
  for (const n of indicator.notes ?? []) notes.push(pickText(n, lang));

  let separateAxes = false;
  if (mode === 'value' && series.length > 1) {
    const maxima = series.map((_, si) => Math.max(0, ...all.map((r) => Math.abs(r.values[si].value ?? 0))));
    const positive = maxima.filter((m) => m > 0);
    separateAxes = positive.length > 1 && Math.max(...positive) / Math.min(...positive) > 10;
    if (separateAxes) notes.unshift(msg(lang, 'separateAxes'));
  }
  // References of the indicator itself have no series: with separate axes there is no single scale to
  // draw them on, so they are stated in words.
  if (separateAxes)
    for (const r of references)
      if (r.series === undefined && r.value !== undefined) notes.push(`${msg(lang, 'reference')}: ${r.label}: ${formatValue(r.value, locale, lang, { unit: indicator.unit, decimals: indicator.decimals })}`);

  const stichtage = [indicator.stichtag, ...seriesList.map((s) => s.stichtag)].filter((d): d is string => !!d);
  if (!asList(indicator.source).length && seriesList.some((s) => !asList(s.source).length)) warnings.push(warning('p_noSource'));
  const sources = [
    ...asList(indicator.source),
    ...seriesList.flatMap((s) => asList(s.source)),
    ...(indicator.references ?? []).flatMap((r) => asList(r.source)),
  ];
  const description = [
    indicator.description ? pickText(indicator.description, lang) : '',
    mode === 'rank' ? msg(lang, 'rankNoValues') : '',
  ]
    .filter(Boolean)
    .join(' ');

  return {
    title: pickText(indicator.title, lang),
    description,
    mode,
    level,
    unit: indicator.unit,
    decimals: indicator.decimals,
    series,
    rows: all,
    shown,
    ranked,
    sort,
    references,
    rankOrder: indicator.rankOrder ? { first: pickText(indicator.rankOrder.first, lang), last: pickText(indicator.rankOrder.last, lang) } : undefined,
    rankEmphasis: indicator.rankOrder?.emphasis ?? 'first',
    separateAxes,
    source: {
      sources,
      stichtage,
      stichtagNote: indicator.stichtagNote ? pickText(indicator.stichtagNote, lang) : undefined,
    },
    notes,
    warnings,
    categoryLabel: indicator.categoryLabel
      ? pickText(indicator.categoryLabel, lang)
      : msg(lang, level === 'sozialraum' ? 'sozialraum' : level === 'stadtbezirk' ? 'stadtbezirk' : 'category'),
  };
}

/** A unit in words ("Beschäftigte") rather than a symbol (%, €, Mio. €). */
export function isWordedUnit(model: BarModel, lang: Lang): boolean {
  return pickText(model.unit, lang).length > 6;
}

/**
 * "39,9 %", with the marks of rounded / derived / unverified values; "keine Angabe" when missing.
 * `onBar`: the label next to a bar drops a worded unit ("Beschäftigte") that would repeat on every bar;
 * symbols such as % and € stay.
 */
export function valueText(model: BarModel, v: BarValue, lang: Lang, locale: string, onBar = false): string {
  if (v.value === null) return msg(lang, 'noValue');
  const unit = onBar && isWordedUnit(model, lang) ? undefined : model.unit;
  const text = formatValue(v.value, locale, lang, { unit, decimals: model.decimals });
  const pre = isApproximate(v.flags) ? '≈\u202f' : '';
  const post = (v.flags.includes('derived') ? '*' : '') + (v.flags.includes('unverified') ? '\u202f(?)' : '');
  return pre + text + post;
}

export function referenceText(model: BarModel, r: BarReference, lang: Lang, locale: string): string {
  if (r.value !== undefined) return `${r.label}: ${valueText(model, { value: r.value, flags: r.flags }, lang, locale)}`;
  return r.label;
}

/** "Rang 1 von 3"; empty without a rank, and for categories with values, where a rank says nothing. */
export function rankText(model: BarModel, row: BarRow, lang: Lang, locale: string): string {
  return row.rank !== undefined && (model.level !== 'category' || model.mode === 'rank') ? msg(lang, 'rankOf', formatNumber(row.rank, locale), formatNumber(model.ranked, locale)) : '';
}

/** Where a reference stands in a ranking: "zwischen Rang 3 und 4" (after rank 3). */
export function betweenRanksText(afterRank: number, lang: Lang, locale: string): string {
  return msg(lang, 'betweenRanks', formatNumber(afterRank, locale), formatNumber(afterRank + 1, locale));
}

/** What the flags of some values say (each once), then their notes: for tooltip, screen reader and table. */
export function valueNotes(values: BarValue[], lang: Lang): string[] {
  return [...[...new Set(values.flatMap((v) => v.flags))].map((f) => msg(lang, `flag_${f}`)), ...values.map((v) => v.note).filter((n): n is string => !!n)];
}

/** What a screen reader hears on a bar: "Nordmarkt: 39,9 % (Rang 1 von 3)". */
export function rowLabel(model: BarModel, row: BarRow, lang: Lang, locale: string, seriesIdx?: number[]): string {
  const rank = rankText(model, row, lang, locale);
  if (model.mode === 'rank') return `${row.name}: ${rank || msg(lang, 'noValue')}`;
  const indices = seriesIdx ?? model.series.map((_, i) => i);
  const extra = valueNotes(indices.map((i) => row.values[i]), lang).join('; ');
  if (indices.length === 1) {
    const v = row.values[indices[0]];
    // One series of several (separate axes): say which ("Stadt Dortmund: -9.205").
    const series = model.series.length > 1 ? `${model.series[indices[0]].label}: ` : '';
    return `${row.name}: ${series}${valueText(model, v, lang, locale)}${rank && v.value !== null && indices[0] === model.series.length - 1 ? ` (${rank})` : ''}${extra ? `; ${extra}` : ''}`;
  }
  return `${row.name}: ${indices.map((i) => `${model.series[i].label}: ${valueText(model, row.values[i], lang, locale)}`).join('; ')}${extra ? `; ${extra}` : ''}`;
}

/** The accessible table (and CSV): every row, not only the first `top`, with ranks and notes. */
export function barTable(model: BarModel, lang: Lang, locale: string): TableModel {
  const hasStadtbezirk = model.level === 'sozialraum';
  const showRank = model.ranked > 0 && (model.level !== 'category' || model.mode === 'rank');
  const columns: TableModel['columns'] = [{ label: model.categoryLabel }];
  if (hasStadtbezirk) columns.push({ label: msg(lang, 'stadtbezirk') });
  if (showRank) columns.push({ label: msg(lang, 'rank'), numeric: true });
  if (model.mode === 'value') {
    const unit = model.unit ? ` (${pickText(model.unit, lang)})` : '';
    for (const s of model.series) columns.push({ label: model.series.length > 1 ? `${s.label}${unit}` : `${msg(lang, 'value')}${unit}`, numeric: true });
  }
  columns.push({ label: msg(lang, 'note') });

  const rowOf = (row: BarRow): TableRow => {
    const cells: TableRow['cells'] = [{ text: row.name }];
    if (hasStadtbezirk) cells.push({ text: stadtbezirkName(row.area) ?? '' });
    if (showRank) cells.push(row.rank !== undefined ? { text: formatNumber(row.rank, locale), raw: row.rank } : { text: '–', raw: null });
    if (model.mode === 'value') for (const v of row.values) cells.push({ text: valueText(model, v, lang, locale), raw: v.value });
    cells.push({ text: valueNotes(row.values, lang).join('; ') });
    return { cells, className: row.highlighted ? 'highlight' : undefined };
  };
  const referenceRow = (r: BarReference): TableRow => {
    const cells: TableRow['cells'] = [{ text: r.label }];
    if (hasStadtbezirk) cells.push({ text: '' });
    if (showRank)
      cells.push({
        text: r.afterRank !== undefined ? betweenRanksText(r.afterRank, lang, locale) : '',
        raw: r.afterRank !== undefined ? r.afterRank + 0.5 : null,
      });
    if (model.mode === 'value')
      model.series.forEach((_, i) =>
        cells.push(i === (r.series ?? model.series.length - 1) && r.value !== undefined ? { text: valueText(model, { value: r.value, flags: r.flags }, lang, locale), raw: r.value } : { text: '', raw: null }),
      );
    cells.push({ text: [msg(lang, 'reference'), ...(r.note ? [r.note] : [])].join('; ') });
    return { cells, className: 'reference' };
  };

  const rows: TableRow[] = [];
  const inline = model.mode === 'rank' && (model.sort === 'desc' || model.sort === 'asc');
  const placed = new Set<BarReference>();
  for (const row of model.rows) {
    if (inline) {
      for (const r of model.references) {
        if (placed.has(r) || r.afterRank === undefined || row.rank === undefined) continue;
        if (model.sort === 'desc' ? row.rank > r.afterRank : row.rank <= r.afterRank) {
          rows.push(referenceRow(r));
          placed.add(r);
        }
      }
    }
    rows.push(rowOf(row));
  }
  for (const r of model.references) if (!placed.has(r)) rows.push(referenceRow(r));
  return { caption: model.title, columns, rows };
}

/**
 * The model of what an element loaded: a table is first read as an indicator, then the named indicator
 * is validated and built. Never throws: whatever goes wrong comes back as problems.
 */
export function modelFromState(
  state: LoadState,
  opts: BarOptions & { title?: string | null; source?: string | null; stichtag?: string | null },
): { model?: BarModel; problems: Problem[] } {
  if (state.status !== 'ready') return { problems: state.problems };
  try {
    let raw: unknown;
    let warnings: Problem[] = [];
    if (state.origin === 'table') ({ raw, warnings } = indicatorFromTable(state.tables[0], opts.locale, { ...opts, source: opts.source ?? state.source, stichtag: opts.stichtag ?? state.stichtag }));
    else raw = state.raw;
    const selected = selectIndicator(raw, opts.indicator);
    const model = buildBarModel(selected.indicator, opts, [...warnings, ...selected.warnings]);
    return { model, problems: model.warnings };
  } catch (e) {
    if (e instanceof DataProblems) return { problems: e.problems };
    // Never an uncaught exception and never a blank box: an unforeseen error still becomes a message.
    console.error(e);
    return { problems: [notAnObject()] };
  }
}
