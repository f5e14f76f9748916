import ExcelJS, { type Cell as XlsxCell, type Worksheet } from 'exceljs';
import { closest } from '../../schema/known-keys.js';
import { LIMITS } from '../limits.js';
import { type Cell, type CellValue, type Grid, type GridRow, type SheetFailure, headerText, isBlank, xlsxPos } from './grid.js';
import { inflateCapped, storedZip } from './zip-guard.js';

/**
 * A workbook (.xlsx) read into a Grid with exceljs (README, "Đọc bảng tính": why this library). The workbook is
 * hostile input: it is checked and inflated by zip-guard.ts before exceljs sees it; formulas are never computed
 * (a formula counts by the result Excel saved with it); nothing a workbook links to (other workbooks, web
 * queries) is opened — exceljs only reads the parts of the zip. This module is loaded only when a sheet is read
 * (sources.ts imports the sheet readers on demand): exceljs is large.
 */
export async function readXlsx(bytes: Uint8Array, file: string, sheetName?: string): Promise<Grid | SheetFailure> {
  const wrong = sniff(bytes);
  if (wrong) return fail(wrong);
  const inflated = inflateCapped(bytes);
  if ('problem' in inflated) {
    if (inflated.problem === 'too-large') return fail(`tệp .xlsx bung ra quá ${LIMITS.inflatedBytes / 1048576} MB (có thể là tệp độc hại "bom zip"); cchc không đọc`, 'file-too-large');
    if (inflated.problem === 'too-many') return fail(`tệp .xlsx có quá nhiều phần (hơn ${LIMITS.zipEntries}); cchc không đọc`, 'file-too-large');
    return fail(CORRUPT);
  }
  if (Object.keys(inflated.parts).length === 0) return fail(CORRUPT);
  if (!inflated.parts['xl/workbook.xml']) return fail('tệp không phải bảng tính Excel .xlsx (có thể là tệp Word hoặc tệp nén khác đổi tên)');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(storedZip(inflated.parts) as unknown as ArrayBuffer);
  } catch {
    return fail(CORRUPT);
  }
  const sheets = workbook.worksheets;
  const sheet = pickSheet(sheets, sheetName);
  if (typeof sheet === 'string') return fail(sheet, 'sheet-missing');
  return toGrid(sheet, file);
}

const CORRUPT = 'tệp .xlsx bị hỏng, không đọc được; hãy mở bằng Excel và lưu lại';

const fail = (failure: string, rule = 'sheet'): SheetFailure => ({ failure, rule });

/** What the bytes are when they are not a workbook cchc can read: a message, or null. */
function sniff(b: Uint8Array): string | null {
  if (b[0] === 0x50 && b[1] === 0x4b) return null;
  // An OLE compound file: a workbook with a password to open (Excel encrypts it into one) or an Excel 97–2003 file.
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return hasUtf16(b, 'EncryptedPackage')
      ? 'tệp .xlsx có mật khẩu, cchc không mở được; hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại'
      : 'tệp là dạng Excel 97–2003 (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx';
  }
  return CORRUPT;
}

function hasUtf16(b: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle);
}

/** The named sheet (exactly, or ignoring case and spaces), or the first visible one; a message when it is not there. */
function pickSheet(sheets: Worksheet[], name?: string): Worksheet | string {
  if (name === undefined) {
    return sheets.find((s) => s.state === 'visible') ?? sheets[0] ?? 'tệp .xlsx không có trang tính nào';
  }
  const key = (s: string) => headerText(s).toLocaleLowerCase('vi');
  const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => key(s.name) === key(name));
  if (found) return found;
  const names = sheets.map((s) => s.name);
  const guess = closest(name, names);
  return `không có trang tính "${name}"${guess ? ` — có phải ý bạn là "${guess}"?` : ''} (tệp có: ${names.map((n) => `"${n}"`).join(', ')})`;
}

// exceljs's ValueType, as numbers: its enum is declared for types only.
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

function toGrid(ws: Worksheet, file: string): Grid {
  const rows: GridRow[] = [];
  const titles = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, Cell>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = valueOf(cell);
      if (isBlank(value)) return;
      cells.set(c, { value: value!, pos: xlsxPos(file, ws.name, r, c) });
      // The top-left cell of a merge across columns: a title over the table, not a header or a value.
      if (cell.isMerged && row.getCell(c + 1).master === cell) titles.add(`${r}:${c}`);
    });
    if (cells.size) rows.push({ row: r, cells, pos: xlsxPos(file, ws.name, r, 1) });
  });
  return { file, sheet: ws.name, rows, titles };
}

/** A cell's value as the workbook saved it; a formula by its saved result. Undefined when empty. */
function valueOf(cell: XlsxCell): CellValue | undefined {
  const v = cell.value as unknown;
  switch (cell.type as number) {
    case T.Null: case T.Merge: return undefined;
    case T.Formula: {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      if (f.result === undefined || f.result === null) return { formula: f.formula ?? f.sharedFormula ?? '' };
      return plain(f.result);
    }
    default: return plain(v);
  }
}

function plain(v: unknown): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.error !== undefined) return { error: String(o.error) };
    if (o.text !== undefined) return plain(o.text);
  }
  return String(v);
}
