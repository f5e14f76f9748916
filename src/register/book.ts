import { readFileSync, statSync } from 'node:fs';
import ExcelJS, { type Worksheet } from 'exceljs';
import { ND30 } from '../decree/nd30.js';
import { writeFileAtomic } from '../files/atomic.js';
import { headerText } from '../load/sheets/grid.js';
import { inflateCapped, storedZip } from '../load/sheets/zip-guard.js';
import { LIMITS } from '../load/limits.js';
import { type RegisterCell, type RegisterKey, rowKey } from './row.js';

/**
 * The outgoing register (sổ đăng ký văn bản đi, Phụ lục IV) as an .xlsx file: read to know what is registered,
 * then rows appended. The file is the clerk's: existing rows, other columns, other sheets and formatting are kept
 * (exceljs reads and writes them back), the new rows take the formatting of the last row, and the file is
 * replaced in one step (a temporary file renamed over it), never half-written. A workbook with parts exceljs
 * would not write back (charts, pivot tables, macros) is refused rather than silently stripped.
 */
export interface Register {
  path: string;
  /** False: the file does not exist yet and will be created with the Phụ lục IV header. */
  exists: boolean;
  /** Letters already in it. */
  keys: RegisterKey[];
  /** The file as it was read: it must not change before it is written (someone saved it in Excel meanwhile). */
  stamp?: string;
  /** The workbook as read, kept to append to (read once). */
  book?: Book;
}

interface Book { wb: ExcelJS.Workbook; ws: Worksheet; start: number }

const COLUMNS = ND30.outgoingRegister.columns;

/** Parts of a workbook exceljs does not write back: a register holding them is not rewritten. */
const UNKEPT = /^xl\/(charts|chartsheets|pivotTables|pivotCache|slicers|slicerCaches|timelines|timelineCaches|activeX|embeddings)\/|^xl\/vbaProject\.bin$/;

export class RegisterError extends Error {}

const stampOf = (path: string): string => { const st = statSync(path); return `${st.mtimeMs}:${st.size}`; };

/** The register as it is now (or an empty one, when the file is not there yet). */
export async function readRegister(path: string): Promise<Register> {
  let stamp: string;
  try { stamp = stampOf(path); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path, exists: false, keys: [] };
    throw new RegisterError(`không đọc được sổ đăng ký ${path}`);
  }
  const book = await load(path);
  const { ws, start } = book;
  const keys: RegisterKey[] = [];
  for (let r = start; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const key = rowKey(plain(row.getCell(1).value), plain(row.getCell(2).value));
    if (key) keys.push(key);
  }
  return { path, exists: true, keys, stamp, book };
}

/** Appends the rows and replaces the file in one step; throws a RegisterError the clerk can act on. */
export async function appendRows(reg: Register, rows: RegisterCell[][]): Promise<void> {
  const { wb, ws, start } = reg.book ?? (reg.exists ? await load(reg.path) : create());
  let last = start - 1;
  for (let r = ws.rowCount; r >= start; r--) if (hasValue(ws, r)) { last = r; break; }
  const model = last >= start ? ws.getRow(last) : undefined;
  rows.forEach((cells, k) => {
    const row = ws.getRow(last + 1 + k);
    cells.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (model) cell.style = { ...model.getCell(c + 1).style };
      else cell.border = FRAME;
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    row.commit?.();
  });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  if (reg.exists && stampOf(reg.path) !== reg.stamp) {
    throw new RegisterError(`sổ đăng ký ${reg.path} vừa được sửa (lưu) trong lúc cchc chạy; hãy đóng tệp trong Excel rồi chạy lại`);
  }
  try {
    writeFileAtomic(reg.path, bytes, true);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RegisterError(`không ghi được sổ đăng ký ${reg.path}${code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' ? ' (tệp đang mở trong Excel, hoặc không có quyền ghi)' : code ? ` (${code})` : ''}`);
  }
}

/** The register's workbook, its sheet (the first with the Phụ lục IV header) and the first row below the header. */
async function load(path: string): Promise<Book> {
  let bytes: Uint8Array;
  try { bytes = readFileSync(path); } catch { throw new RegisterError(`không đọc được sổ đăng ký ${path}`); }
  if (bytes.length > LIMITS.sheetBytes) throw new RegisterError(`sổ đăng ký ${path} quá lớn (giới hạn ${LIMITS.sheetBytes / 1048576} MB)`);
  const inflated = inflateCapped(bytes);
  if (!('parts' in inflated) || !inflated.parts['xl/workbook.xml']) throw new RegisterError(`sổ đăng ký ${path} không phải tệp .xlsx đọc được (hỏng, có mật khẩu, hoặc quá lớn)`);
  const unkept = Object.keys(inflated.parts).find((p) => UNKEPT.test(p));
  if (unkept) {
    throw new RegisterError(`sổ đăng ký ${path} có biểu đồ, bảng tổng hợp hoặc macro (${unkept}) mà cchc không giữ được khi ghi; hãy để sổ đăng ký ở một tệp riêng`);
  }
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(storedZip(inflated.parts) as unknown as ArrayBuffer); } catch { throw new RegisterError(`sổ đăng ký ${path} bị hỏng, không đọc được; hãy mở bằng Excel và lưu lại`); }
  for (const ws of wb.worksheets) {
    const header = headerRow(ws);
    if (header) return { wb, ws, start: header + 1 };
  }
  throw new RegisterError(`sổ đăng ký ${path} không có dòng tiêu đề "${COLUMNS[0]}", "${COLUMNS[1]}"… (mẫu Phụ lục IV) ở trang tính nào`);
}

/** The row whose first two cells are the first two Phụ lục IV headers (within the first 20 rows). */
function headerRow(ws: Worksheet): number | null {
  const key = (v: unknown) => headerText(String(plain(v) ?? '')).toLocaleLowerCase('vi');
  for (let r = 1; r <= Math.min(20, ws.rowCount); r++) {
    const row = ws.getRow(r);
    if (key(row.getCell(1).value) === key(COLUMNS[0]) && key(row.getCell(2).value) === key(COLUMNS[1])) return r;
  }
  return null;
}

/** A new register: the title over the ten columns, the header row bold, framed and wrapped, as Phụ lục IV shows it. */
const THIN = { style: 'thin' as const };
const FRAME = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function create(): Book {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ văn bản đi', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = ND30.outgoingRegister.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  header.values = [...COLUMNS];
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    c.border = FRAME;
  });
  [18, 14, 50, 22, 40, 18, 10, 12, 12, 16].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  for (let c = 1; c <= COLUMNS.length; c++) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
  return { wb, ws, start: 4 };
}

function hasValue(ws: Worksheet, r: number): boolean {
  const row = ws.getRow(r);
  for (let c = 1; c <= COLUMNS.length; c++) if (plain(row.getCell(c).value) !== null) return true;
  return false;
}

/** A cell's value as plain data: a formula by its result, rich text as its text. */
function plain(v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return plain(o.result);
    if (o.text !== undefined) return plain(o.text);
  }
  return v;
}
