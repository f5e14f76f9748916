import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** A sheet for a test workbook: rows from row 1 (null: an empty row), merged ranges ("A1:D1"), formats by column. */
export interface SheetSpec {
  name: string;
  rows: (unknown[] | null)[];
  merges?: string[];
  /** Number format of a column, by 1-based column number ("dd/mm/yyyy" makes numbers there dates). */
  formats?: Record<number, string>;
}

/** Builds a workbook with exceljs itself (the library cchc reads it with), as the tests need it. */
export async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((values, i) => { if (values) ws.getRow(i + 1).values = values as ExcelJS.CellValue[]; });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(Number(col)).numFmt = fmt;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function writeWorkbook(dir: string, name: string, sheets: SheetSpec[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await workbook(sheets));
  return path;
}

/** Shared fields of every test letter from a sheet; the sheet gives unit, recipients, report and tasks. */
export const SHEET_DEFAULTS = `defaults:
  issuer: { name: ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG, short: Ủy ban nhân dân tỉnh, place: Kiên Giang }
  symbol: UBND-NC
  date: 2020-12-22
  subject: tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020
  inspection: { year: 2020, report: { symbol: BC-ĐKT } }
  findings: { strengths: Đơn vị đã triển khai các nhiệm vụ CCHC năm 2020. }
  signer: { title: CHỦ TỊCH, name: Lâm Minh Thành }
  archive: [VT, SNV]
`;

export const HEADER = ['Đơn vị được kiểm tra', 'Người nhận', 'Số báo cáo', 'Ngày báo cáo', 'Nhiệm vụ'];
export const COLUMNS = `  columns:
    Đơn vị được kiểm tra: inspection.unit
    Người nhận: to
    Số báo cáo: inspection.report.number
    Ngày báo cáo: inspection.report.date
    Nhiệm vụ: tasks
`;

/** A row of the test sheet: unit n, one recipient, report 100 + n dated 30/11/2020 (a date cell), one task. */
export const row = (n: number): unknown[] => [`Đơn vị số ${n}`, `Thủ trưởng Đơn vị số ${n}`, 100 + n, new Date(Date.UTC(2020, 10, 30)), `Nhiệm vụ của đơn vị ${n}.`];

/** A batch file taking its letters from `file` (sheet, header_row and more lines of letters_from in `extra`). */
export const sheetBatch = (file: string, extra = '', columns = COLUMNS, defaults = SHEET_DEFAULTS): string =>
  `${defaults}letters_from:\n  file: ${file}\n${extra}${columns}`;
