import { decimalMarkOf, isValidDate, readLocaleNumber, type NumberReading } from './format.js';
import { warning, type Problem } from './problems.js';
import type { DateSpan } from './time.js';

/**
 * Reading a plain HTML table (pasted from a spreadsheet into the CMS) or pasted CSV (csv.ts) as data.
 * Without JavaScript the table is the content; with it, the widget turns the same table into its chart.
 * Both become one ParsedTable, so every element reads tables and CSV the same way: columns found by
 * their header (German or English) or by position, dates and numbers as editors type them, and each
 * problem named by row and column.
 */

export interface ParsedTable {
  caption: string;
  /** Header labels, first column first; empty when the table has no header row. */
  header: string[];
  /** Body rows as texts, blank ones included: row i is "Zeile i + 1" in messages. */
  rows: string[][];
  /** The address of a link (`<a href>`) in a cell, per row and cell: the timeline's link column. */
  links?: Array<Array<string | undefined>>;
}

/** An element's text as one line, as a cell reads (also a `<dl>`'s items, for the key figures). */
export const cellText = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();

export function parseTable(table: HTMLTableElement): ParsedTable {
  const allRows = Array.from(table.rows);
  // Header: the rows in <thead>, else a first row made only of <th>.
  let headerRow = table.tHead?.rows[0];
  if (!headerRow && allRows[0] && Array.from(allRows[0].cells).every((c) => c.tagName === 'TH')) headerRow = allRows[0];
  const header = headerRow ? Array.from(headerRow.cells).map(cellText) : [];
  const body = allRows.filter((r) => r !== headerRow && r.parentElement !== table.tHead && r.parentElement !== table.tFoot).map((r) => Array.from(r.cells));
  return {
    caption: table.caption ? cellText(table.caption) : '',
    header,
    rows: body.map((cells) => cells.map(cellText)),
    // Resolved against the page: a relative link in the CMS becomes its https:// address.
    links: body.map((cells) => cells.map((c) => c.querySelector('a')?.href)),
  };
}

/** Words editors use for an empty cell: shown as "keine Angabe", never as zero. */
export function isMissingCell(text: string): boolean {
  return /^(|-|–|—|\.|\.\.\.|…|x|k\.?\s*a\.?|keine angabe|n\/?a|n\.\s*a\.|not available)$/i.test(text.trim());
}

export const isBlankRow = (cells: string[]): boolean => cells.every((c) => !c);

/**
 * Which column holds what: first by header (German or English words, whole word at the start, case
 * aside), then by position — the first `byPosition` fields no header names take, in order, the
 * columns no header names. A field left without column is undefined.
 */
export function findColumns<K extends string>(table: ParsedTable, fields: Array<[K, RegExp]>, byPosition = fields.length): Partial<Record<K, number>> {
  const found: Partial<Record<K, number>> = {};
  const used = new Set<number>();
  for (const [key, words] of fields) {
    const i = table.header.findIndex((h, i) => !used.has(i) && words.test(h));
    if (i >= 0) used.add((found[key] = i));
  }
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  let next = 0;
  for (const [key] of fields.slice(0, byPosition)) {
    if (found[key] !== undefined) continue;
    while (used.has(next)) next++;
    if (next < width) used.add((found[key] = next));
  }
  return found;
}

/** Header words of the columns (German and English), shared by the elements' tables. */
export const COLUMN = {
  date: /^(jahr|datum|stichtag|zeit(punkt|raum)?|year|date|period|time)\b/i,
  title: /^(titel|title|meilenstein|milestone|ereignis|event)\b/i,
  text: /^(text|beschreibung|description|details?)\b/i,
  category: /^(kategorie|category|bereich|thema|topic)\b/i,
  link: /^(link|url|web(seite|site)?|internet)\b/i,
  from: /^(von|from|source)\b/i,
  to: /^(nach|an|zu|to|target)\b/i,
  kind: /^(art|kind|type|typ|gruppe|group|beziehung|relation)\b/i,
  id: /^(id|kürzel|key)\b/i,
  name: /^(name|knoten|node|bezeichnung|label|akteur|organisation)\b/i,
};

const two = (s: string) => s.padStart(2, '0');

/**
 * A date as editors type it — 2014, 2014-08, 2014-08-31, 31.08.2014, 08.2014, 08/2014 — as a date as
 * precise as written ("2014-08"); undefined when it is none or no real day ("31.02.2014").
 */
export function readDate(text: string): string | undefined {
  const t = text.trim();
  const m = /^(?:(\d{1,2})\.)?(\d{1,2})[./](\d{4})$/.exec(t);
  const iso = m ? `${m[3]}-${two(m[2])}${m[1] ? `-${two(m[1])}` : ''}` : t;
  return isValidDate(iso) ? iso : undefined;
}

/**
 * A milestone's date as typed: one date, a period ("2012–2014", "01.2012 – 12.2014", "2012 bis 2014"),
 * "seit 2014" / "since 2014", "ca. 2011" / "c. 2011". Undefined when a part is no date.
 */
export function readSpan(text: string): DateSpan | undefined {
  let t = text.trim().replace(/^(\d{4})-(\d{4})$/, '$1–$2');
  const approximate = /^(ca\.?|c\.|circa|um|about)\s+/i.test(t);
  if (approximate) t = t.replace(/^\S+\s+/, '');
  const since = /^(seit|since)\s+/i.test(t);
  if (since) t = t.replace(/^\S+\s+/, '');
  const parts = t.split(/\s*[–—]\s*|\s+(?:-|bis|to)\s+/i).map(readDate);
  if (parts.length > 2 || parts.some((d) => !d)) return undefined;
  const [start, end] = parts as string[];
  return { start, end, since: since || undefined, approximate: approximate || undefined };
}

/** Numbers read from some columns of a table; null = keine Angabe (or not readable, then named in `problems`). */
export interface NumberColumns {
  values: Array<Array<number | null>>;
  /** The most digits after the decimal mark any number has (shown alike). */
  decimals: number;
  problems: Problem[];
}

/**
 * The numbers in columns `cols` of every row, as typed in the widget's language ("39,9 %", "12.040",
 * "12,040.5"; see readLocaleNumber). "12,040" / "12.040" is read by the widget's language — unless the
 * table's other numbers write the decimal mark the other way ("39,9" on an English page): then it is
 * truly ambiguous, and the cell is named instead of drawn as a number that may be a thousand times off.
 * Missing-value words ("–", "k. A.") are null; anything else that is no number is null and named.
 */
export function readNumberColumns(rows: string[][], cols: number[], locale: string): NumberColumns {
  const readings = rows.map((r) => cols.map((c) => (isMissingCell(r[c] ?? '') ? null : readLocaleNumber(r[c], locale))));
  const langMark = decimalMarkOf(locale);
  const otherMark = readings.some((cells) => cells.some((r) => r?.mark && r.mark !== langMark));
  const problems: Problem[] = [];
  let decimals = 0;
  const values = readings.map((cells, row) =>
    cells.map((r: NumberReading | null | undefined, k) => {
      if (r === null) return null;
      if (!r || (r.ambiguous && otherMark)) {
        const text = rows[row][cols[k]];
        problems.push(r ? warning('p_cellAmbiguous', row + 1, cols[k] + 1, text, String(Math.abs(r.ambiguous!.grouped))) : warning('p_cell', row + 1, cols[k] + 1, text));
        return null;
      }
      decimals = Math.max(decimals, r.decimals);
      return r.value;
    }),
  );
  return { values, decimals, problems };
}

/** A problem in one cell: "Tabelle, Zeile 3, Spalte 1: „32.13.2014“ ist kein Datum …" (`reason`: a message key). */
export const cellProblem = (row: number, col: number, text: string, reason: 't_notDate' | 't_empty' | 't_endBeforeStart' | 't_unknownNode' | 't_badLink'): Problem =>
  warning('p_tableCell', row + 1, col + 1, text, { key: reason });

/**
 * A table's `source` and `stichtag` attributes (a table has no fields for them) as a source the models
 * cite, dated by the Stichtag written like the table's dates ("31.12.2020" too); a bad Stichtag is named
 * and left out.
 */
export function tableSource(attrs: { source?: string | null; stichtag?: string | null }, problems: Problem[]): { source?: { id: string; title: string; date?: string }; date?: string } {
  const { source, stichtag } = attrs;
  const date = stichtag ? readDate(stichtag) : undefined;
  if (stichtag && !date) problems.push(warning('p_badAttr', 'stichtag', stichtag, { key: 't_date' }));
  return { source: source ? { id: 'table', title: source, date } : undefined, date };
}
