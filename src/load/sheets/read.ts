import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { LIMITS } from '../limits.js';
import { readCsv } from './csv.js';
import type { Grid, SheetFailure } from './grid.js';
import { readXlsx } from './xlsx.js';

/** The sheet formats cchc reads, by file extension. */
export type SheetFormat = 'xlsx' | 'csv';

export function formatOf(file: string): SheetFormat | SheetFailure {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.xls') return { failure: 'tệp Excel 97–2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx', rule: 'sheet' };
  return { failure: `cchc chỉ đọc bảng tính .xlsx hoặc .csv (đang là "${ext || file}")`, rule: 'sheet' };
}

/** Sheets read in this process, by file, version and sheet name: a table in `defaults` is read once, not per letter. */
const cache = new Map<string, Promise<Grid | SheetFailure>>();
const CACHE_MAX = 16;

/**
 * One sheet of a workbook, or a CSV file, as a Grid; `file` is the path as the user names it (relative to where
 * cchc runs), which every position in the grid carries. Missing, unreadable or too large files are failures.
 */
export function readSheet(file: string, sheet?: string): Promise<Grid | SheetFailure> {
  const format = formatOf(file);
  if (typeof format !== 'string') return Promise.resolve(format);
  let st;
  try { st = statSync(file); } catch { return Promise.resolve({ failure: `không tìm thấy tệp ${file}`, rule: 'io' }); }
  if (st.isDirectory()) return Promise.resolve({ failure: `${file} là thư mục, không phải tệp bảng tính`, rule: 'io' });
  if (st.size > LIMITS.sheetBytes) {
    return Promise.resolve({ failure: `tệp quá lớn (${(st.size / 1048576).toFixed(1)} MB), giới hạn là ${LIMITS.sheetBytes / 1048576} MB`, rule: 'file-too-large' });
  }
  const key = JSON.stringify([resolve(file), st.mtimeMs, st.size, sheet ?? null]);
  let hit = cache.get(key);
  if (!hit) {
    hit = load(file, format, sheet);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit;
}

async function load(file: string, format: SheetFormat, sheet?: string): Promise<Grid | SheetFailure> {
  let bytes: Uint8Array;
  try { bytes = readFileSync(file); } catch { return { failure: `không đọc được tệp ${file}`, rule: 'io' }; }
  return format === 'xlsx' ? readXlsx(bytes, file, sheet) : readCsv(bytes, file);
}
