import { dirname, join } from 'node:path';
import { formatPath, type Problem } from '../../problem.js';
import type { Path, Position } from '../yaml.js';
import { textOf } from './convert.js';
import { type Cell, closestHeader, headerKey, isFailure } from './grid.js';
import { failureProblem, type YamlLocate } from './letters.js';
import { readSheet } from './read.js';
import { cutTable } from './table.js';

/** An appendix table as written: inline, or `from` a sheet (contract v2, "Appendices"). */
interface SheetTableSpec {
  from: string;
  sheet?: string;
  header_row?: number;
  columns?: { header: string | number; width?: number; align?: string }[];
}

/** A letter whose appendix tables from sheets are read: inline tables now, with the cells' positions. */
export interface WithTables {
  data: unknown;
  /** Where a table cell, row or header came from; undefined for any other path. */
  locate(path: Path): Position | undefined;
  problems: Problem[];
}

/**
 * Every `table: { from: … }` of a letter's appendices, read at load time into an inline table (`columns` from the
 * header row, `rows` from every non-empty row below it), so layout only ever sees inline tables. `columns` of the
 * spec still set widths and alignment, matched to the sheet's headers by their text. The file is found relative
 * to the YAML file that names it. Returns null when the letter has no such table (the common case: nothing to do).
 */
export async function resolveTables(data: unknown, yamlFile: string, at: YamlLocate): Promise<WithTables | null> {
  const apps = (data as { appendices?: unknown })?.appendices;
  if (!Array.isArray(apps) || !apps.some(isSheetTable)) return null;
  const problems: Problem[] = [];
  const cells = new Map<string, Position>();
  const out = [];
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i] as { table?: unknown };
    if (!isSheetTable(app)) { out.push(app); continue; }
    const table = await readTable(app.table as SheetTableSpec, ['appendices', i, 'table'], yamlFile, at, problems, cells);
    out.push(table ? { ...app, table } : app);
  }
  const key = (p: Path) => JSON.stringify(p.slice(0, 6));
  return {
    data: { ...(data as object), appendices: out },
    locate: (path) => (path[0] === 'appendices' && path[2] === 'table' ? cells.get(key(path)) ?? cells.get(key(path.slice(0, 5))) : undefined),
    problems,
  };
}

const isSheetTable = (app: unknown): boolean => {
  const t = (app as { table?: { from?: unknown } } | null)?.table;
  return !!t && typeof t === 'object' && typeof t.from === 'string';
};

async function readTable(
  spec: SheetTableSpec, base: Path, yamlFile: string, at: YamlLocate, problems: Problem[], cells: Map<string, Position>,
): Promise<{ columns: unknown[]; rows: unknown[][] } | null> {
  const file = join(dirname(yamlFile), spec.from);
  const yamlErr = (path: Path, message: string, rule = 'sheet', key = false) =>
    problems.push({ file: yamlFile, ...at([...base, ...path], { key }), severity: 'error', message, rule, path: [...base, ...path].join('.') });
  if (spec.sheet !== undefined && /\.csv$/i.test(file)) { yamlErr(['sheet'], 'tệp CSV chỉ có một trang: bỏ dòng "sheet"'); return null; }
  const grid = await readSheet(file, spec.sheet);
  if (isFailure(grid)) { problems.push(failureProblem(grid, file, yamlFile, at, base)); return null; }
  const cut = cutTable(grid, spec.header_row);
  if ('failure' in cut) { yamlErr([spec.header_row === undefined ? 'from' : 'header_row'], cut.failure); return null; }
  const before = problems.length;
  const given = spec.columns ?? [];
  const byHeader = new Map(given.map((c, j) => [headerKey(String(c.header)), { c, j }]));
  given.forEach((c, j) => {
    if (cut.headers.some((h) => headerKey(h.text) === headerKey(String(c.header)))) return;
    const guess = closestHeader(String(c.header), cut.headers.map((h) => h.text));
    yamlErr(['columns', j, 'header'], `không có cột "${c.header}" ở dòng tiêu đề của ${file}${guess ? ` — có phải ý bạn là "${guess}"?` : ''}`, 'sheet-columns');
  });
  for (const pos of cut.orphans) {
    problems.push({ file, ...pos, severity: 'error', rule: 'sheet-columns', message: 'ô có dữ liệu nhưng cột không có tiêu đề; hãy ghi tiêu đề cho cột, hoặc xóa dữ liệu thừa' });
  }
  const columns = cut.headers.map((h, k) => {
    cells.set(JSON.stringify([...base, 'columns', k]), h.pos);
    const own = byHeader.get(headerKey(h.text))?.c;
    const { header: _header, ...look } = own ?? { header: '' };
    return { header: h.text, ...look };
  });
  const rows = cut.rows.map((row, r) => {
    cells.set(JSON.stringify([...base, 'rows', r]), row.pos);
    return cut.headers.map((h, k) => {
      const cell = row.cells.get(h.col);
      if (!cell) return null;
      cells.set(JSON.stringify([...base, 'rows', r, k]), { ...cell.pos, header: h.text });
      return cellValue(cell, h.text, problems, [...base, 'rows', r, k]);
    });
  });
  return problems.slice(before).some((p) => p.severity === 'error') ? null : { columns, rows };
}

/** A table cell as written: numbers stay numbers, dates become dd/mm/yyyy, text is cleaned. */
function cellValue(cell: Cell, header: string, problems: Problem[], path: Path): string | number | null {
  const v = cell.value;
  const report = (message: string, rule: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file: cell.pos.file!, ...cell.pos, header, severity, message, rule, path: formatPath(path) });
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && !(v instanceof Date)) {
    report('error' in v ? `ô đang báo lỗi ${v.error}; hãy sửa trong Excel` : 'ô có công thức nhưng tệp không lưu kết quả tính; hãy mở tệp bằng Excel và lưu lại', 'sheet-cell');
    return null;
  }
  const t = textOf(v);
  if ('problem' in t) { report(t.problem, t.rule); return null; }
  if (t.warning) report(t.warning.message, t.warning.rule, 'warning');
  return t.value;
}
