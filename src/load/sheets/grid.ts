import { closest } from '../../schema/known-keys.js';
import type { Position } from '../yaml.js';

/**
 * A sheet as cchc reads it, whatever its format (xlsx or CSV): the non-empty cells of each row, each with where it
 * was written. Everything after reading (headers, letters, appendix tables) works on this, so it never asks which
 * format a value came from.
 */

/** A value as the sheet holds it: text, a number, a truth value, a date (a workbook's date cell), or a cell that
 * cannot give a value — an error (#N/A…), or a formula whose result was never saved. */
export type CellValue = string | number | boolean | Date | { error: string } | { formula: string };

export interface Cell { value: CellValue; pos: Position }

export interface GridRow {
  /** The row's number as the clerk sees it: the workbook's row, or the CSV's record number. */
  row: number;
  /** Non-empty cells by 1-based column. */
  cells: Map<number, Cell>;
  /** Where the row is, for a problem about the row as a whole (its first column). */
  pos: Position;
}

export interface Grid {
  /** The file as the user names it (relative to where cchc runs). */
  file: string;
  /** The worksheet's name (xlsx only). */
  sheet?: string;
  rows: GridRow[];
  /** Cells that head a merge across several columns (a title over the table): `${row}:${col}`. */
  titles: ReadonlySet<string>;
}

/** Why a sheet could not be read: one line for the clerk, and where (the whole file unless said). */
export interface SheetFailure { failure: string; rule: string; pos?: Position }

export const isFailure = (x: unknown): x is SheetFailure => !!x && typeof x === 'object' && 'failure' in x;

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A workbook cell's position: its row and column, and its name as Excel shows it ("Kết quả!E8"). */
export const xlsxPos = (file: string, sheet: string, row: number, col: number): Position =>
  ({ file, line: row, col, cell: `${sheet}!${columnName(col)}${row}` });

/** The position of a cell of a row that is empty there (a required value missing in that column). */
export function cellOf(grid: Grid, row: GridRow, col: number): Position {
  const own = row.cells.get(col);
  if (own) return own.pos;
  if (grid.sheet !== undefined) return xlsxPos(grid.file, grid.sheet, row.row, col);
  return { file: grid.file, line: row.pos.line, col };
}

/** Header text as compared and shown: NFC, one space for any run of spaces and line breaks, trimmed. */
export const headerText = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A header compared with the keys of `columns:` — case does not count ("Số báo cáo" = "SỐ BÁO CÁO"). */
export const headerKey = (s: string): string => headerText(s).toLocaleLowerCase('vi');

/** Vietnamese text without its diacritics, in lower case: "Đơn vị" → "don vi" (headers typed without accents). */
export const plainText = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/** The candidate closest to a header as typed, accents and case aside ("Ma ho so" → "Mã hồ sơ"), or null. */
export function closestHeader(word: string, candidates: readonly string[]): string | null {
  const hit = closest(plainText(word), candidates.map(plainText));
  return hit === null ? null : candidates[candidates.map(plainText).indexOf(hit)]!;
}

/** True when a cell holds nothing that counts (empty or spaces only). */
export const isBlank = (v: CellValue | undefined): boolean => v === undefined || (typeof v === 'string' && v.trim() === '');
