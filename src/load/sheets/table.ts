import type { Position } from '../yaml.js';
import { shownText } from './convert.js';
import { type Grid, type GridRow, headerText } from './grid.js';

/** A sheet cut into its header row and the rows below it: what letters_from and table.from both read. */
export interface Table {
  headers: Header[];
  /** Every non-empty row below the header row. */
  rows: GridRow[];
  /** Values in columns that have no header: they would be lost, so they are problems (one per column). */
  orphans: Position[];
}

export interface Header { col: number; text: string; pos: Position }

/**
 * The header row is `headerRow` when given; else the first row with two or more cells that are not titles (a
 * title is a cell merged across columns, or a row with a single cell above the table); else the first non-empty
 * row. Rows above it are skipped. Returns a message when the given row is empty or the sheet has no rows.
 */
export function cutTable(grid: Grid, headerRow?: number): Table | { failure: string } {
  const at = headerRow === undefined ? guessHeader(grid) : grid.rows.findIndex((r) => r.row === headerRow);
  if (at < 0) {
    return { failure: headerRow === undefined ? 'trang tính trống: không có dòng nào' : `dòng tiêu đề ${headerRow} (header_row) trống` };
  }
  const head = grid.rows[at]!;
  const headers: Header[] = [...head.cells].sort(([a], [b]) => a - b).map(([col, cell]) => ({
    col, text: headerText(shownText(cell.value)), pos: cell.pos,
  }));
  const rows = grid.rows.slice(at + 1);
  const named = new Set(headers.map((h) => h.col));
  const orphans = new Map<number, Position>();
  for (const r of rows) for (const [col, cell] of r.cells) if (!named.has(col) && !orphans.has(col)) orphans.set(col, cell.pos);
  return { headers, rows, orphans: [...orphans.values()] };
}

function guessHeader(grid: Grid): number {
  const plain = (r: GridRow) => [...r.cells.keys()].filter((c) => !grid.titles.has(`${r.row}:${c}`)).length;
  const wide = grid.rows.findIndex((r) => plain(r) >= 2);
  return wide >= 0 ? wide : grid.rows.findIndex((r) => plain(r) >= 1);
}
