/**
 * Reading a plain HTML table (pasted from a spreadsheet into the CMS) as data. Without JavaScript the
 * table is the content; with it, the widget turns the same table into its chart.
 */

export interface ParsedTable {
  caption: string;
  /** Header labels; the first is the label of the name column. */
  header: string[];
  rows: Array<{ name: string; cells: string[] }>;
}

const cellText = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();

export function parseTable(table: HTMLTableElement): ParsedTable {
  const allRows = Array.from(table.rows);
  // Header: the rows in <thead>, else a first row made only of <th>.
  let headerRow = table.tHead?.rows[0];
  if (!headerRow && allRows[0] && Array.from(allRows[0].cells).every((c) => c.tagName === 'TH')) headerRow = allRows[0];
  const header = headerRow ? Array.from(headerRow.cells).map(cellText) : [];
  const body = allRows.filter((r) => r !== headerRow && r.parentElement !== table.tHead && r.parentElement !== table.tFoot);
  return {
    caption: table.caption ? cellText(table.caption) : '',
    header,
    rows: body
      .map((r) => Array.from(r.cells).map(cellText))
      .filter((cells) => cells.length && cells[0])
      .map(([name, ...cells]) => ({ name, cells })),
  };
}

/** Words editors use for an empty cell: shown as "keine Angabe", never as zero. */
export function isMissingCell(text: string): boolean {
  return /^(|-|–|—|\.|\.\.\.|…|x|k\.?\s*a\.?|keine angabe|n\/?a|n\.\s*a\.|not available)$/i.test(text.trim());
}
