import type { ParsedTable } from './table-input.js';

/**
 * CSV as a spreadsheet exports it or an editor pastes it into `<script type="text/csv">`: the first line
 * is the header; the separator is the one the header line uses outside quotes — tab, else ";" (German
 * Excel), else ",". Fields may be quoted ("…"), with "" for a quote inside and line breaks inside;
 * lines end in LF, CRLF or CR. A quote opens quoting only at the start of a field (12" stays 12").
 * Texts are trimmed and their spaces collapsed, as in an HTML table; the result is the same
 * ParsedTable, so one code path reads both.
 */
export function parseCsv(text: string): ParsedTable {
  const t = text.replace(/^\uFEFF/, '').replace(/^\s*\n|\s+$/g, '');
  const head = t.slice(0, t.search(/[\r\n]|$/)).replace(/"[^"]*"/g, '');
  const sep = ['\t', ';', ','].find((s) => head.includes(s)) ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let start = 0;
  const end = (i: number) => {
    row.push(field.replace(/\s+/g, ' ').trim());
    field = '';
    start = i + 1;
  };
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (t[i + 1] === '"') field += t[i++];
      else quoted = false;
    } else if (c === '"' && i === start) quoted = true;
    else if (c === sep) end(i);
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && t[i + 1] === '\n') i++;
      end(i);
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length || quoted) {
    end(t.length);
    rows.push(row);
  }
  const [header = [], ...body] = rows;
  return { caption: '', header, rows: body };
}
