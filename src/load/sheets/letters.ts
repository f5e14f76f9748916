import { dirname, join } from 'node:path';
import type { Problem, Severity } from '../../problem.js';
import { sheetFields, type FieldKind } from '../../schema/fields.js';
import { closest } from '../../schema/known-keys.js';
import type { LettersFrom } from '../../schema/letter.js';
import { LIMITS } from '../limits.js';
import type { Path, Position } from '../yaml.js';
import { convertCell } from './convert.js';
import { cellOf, closestHeader, type Grid, type GridRow, headerKey, isFailure, type SheetFailure } from './grid.js';
import { readSheet } from './read.js';
import { cutTable, type Header, type Table } from './table.js';

/** One letter read from a row of a sheet, before `defaults` are merged under it. */
export interface SheetEntry {
  /** The row's fields, nested as in a letter ({ inspection: { report: { date: "2020-11-30" } } }). */
  data: Record<string, unknown>;
  /**
   * The cell of the column that fills a field (or, for a group such as inspection.report, the first column inside
   * it): `written` when the row has a value there; an empty cell is where a missing value belongs, unless
   * `defaults` give it. Undefined when no column fills the field.
   */
  locate(path: Path): { pos: Position; written: boolean } | undefined;
  /** The row itself, for problems about the letter as a whole. */
  pos: Position;
  /** Cells that could not become their field's value (a bad date…), and warnings. */
  problems: Problem[];
  /** How messages name this letter: "ket-qua.xlsx, dòng 8". */
  label: string;
}

/** Positions in the batch file (letters_from's own keys), for problems about the sheet as a whole. */
export type YamlLocate = (path: Path, opts?: { key?: boolean }) => Position;

/**
 * `letters_from:` of a batch file (contract v2): one letter per non-empty row below the header row. Returns the
 * letters, or problems that stop the whole sheet (no such file or sheet, a column that maps to no field…).
 */
export async function sheetLetters(batchFile: string, spec: LettersFrom, at: YamlLocate): Promise<{ entries: SheetEntry[]; problems: Problem[] }> {
  const file = join(dirname(batchFile), spec.file);
  const problems: Problem[] = [];
  const yamlErr = (path: Path, message: string, rule: string, key = false) =>
    problems.push({ file: batchFile, ...at(['letters_from', ...path], { key }), severity: 'error', message, rule, path: ['letters_from', ...path].join('.') });
  if (spec.sheet !== undefined && /\.csv$/i.test(file)) {
    yamlErr(['sheet'], 'tệp CSV chỉ có một trang: bỏ dòng "sheet"', 'sheet');
    return { entries: [], problems };
  }
  const grid = await readSheet(file, spec.sheet);
  if (isFailure(grid)) return { entries: [], problems: [failureProblem(grid, file, batchFile, at, 'letters_from')] };
  const table = cutTable(grid, spec.header_row);
  if ('failure' in table) { yamlErr(spec.header_row === undefined ? ['file'] : ['header_row'], table.failure, 'sheet'); return { entries: [], problems }; }
  const columns = mapColumns(table, spec, grid, at, batchFile, problems);
  if (problems.length) return { entries: [], problems };
  if (table.rows.length === 0) { yamlErr(['file'], `${where(grid)} không có dòng dữ liệu nào dưới dòng tiêu đề`, 'sheet'); return { entries: [], problems }; }
  if (table.rows.length > LIMITS.sheetRows) {
    yamlErr(['file'], `${where(grid)} có ${table.rows.length} dòng; giới hạn ${LIMITS.sheetRows} công văn một lần`, 'limit');
    return { entries: [], problems };
  }
  return { entries: table.rows.map((row) => rowEntry(grid, row, columns)), problems };
}

/** The sheet as messages name it: "ket-qua.xlsx (trang Kết quả)". */
const where = (g: Grid): string => (g.sheet === undefined ? g.file : `${g.file} (trang "${g.sheet}")`);

/**
 * A sheet that cannot be read, as one problem: at the batch file's line when the fix is there (no such file, no
 * such sheet), else at the sheet file itself (corrupt, password, encoding, too large).
 */
export function failureProblem(f: SheetFailure, file: string, batchFile: string, at: YamlLocate, base: string | Path): Problem {
  const basePath = typeof base === 'string' ? [base] : base;
  const inYaml = f.rule === 'io' || f.rule === 'sheet-missing';
  const key = f.rule === 'sheet-missing' ? 'sheet' : basePath[basePath.length - 1] === 'table' ? 'from' : 'file';
  if (inYaml) return { file: batchFile, ...at([...basePath, key]), severity: 'error', message: f.failure, rule: f.rule === 'io' ? 'io' : 'sheet', path: [...basePath, key].join('.') };
  return { file, line: f.pos?.line ?? 0, col: f.pos?.col ?? 0, severity: 'error', message: f.failure, rule: f.rule };
}

interface Column { header: Header; path: string; kind: FieldKind }

/** Which column fills which field; every problem with the mapping goes to `problems`. */
function mapColumns(table: Table, spec: LettersFrom, grid: Grid, at: YamlLocate, batchFile: string, problems: Problem[]): Column[] {
  const fields = sheetFields();
  const given = new Map(Object.entries(spec.columns ?? {}).map(([k, v]) => [headerKey(k), { key: k, target: v }]));
  const used = new Set<string>();
  const byPath = new Map<string, Header>();
  const out: Column[] = [];
  const unmatchedKeys = () => [...given.values()].filter((g) => !used.has(headerKey(g.key))).map((g) => g.key);
  for (const h of table.headers) {
    const entry = given.get(headerKey(h.text));
    if (entry) used.add(headerKey(h.text));
    const target = entry ? entry.target : fields.has(h.text) ? h.text : undefined;
    if (target === null) continue;
    if (target === undefined) {
      const guess = closestHeader(h.text, unmatchedKeys()) ?? closest(h.text, [...fields.keys()]);
      problems.push(cellProblem(h.pos, h.text, 'sheet-columns',
        `cột "${h.text}" chưa gán cho trường nào${guess ? ` — có phải ý bạn là "${guess}"?` : ''}; thêm vào letters_from.columns, ví dụ "${h.text}: inspection.unit", hoặc "${h.text}: ~" để bỏ qua cột`));
      continue;
    }
    const kind = fields.get(target);
    if (!kind) {
      const guess = closest(target, [...fields.keys()]);
      problems.push({ file: batchFile, ...at(['letters_from', 'columns', entry!.key]), severity: 'error', rule: 'sheet-columns', path: `letters_from.columns.${entry!.key}`,
        message: `"${target}" không phải tên trường của công văn${guess ? ` — có phải ý bạn là "${guess}"?` : ''}` });
      continue;
    }
    const twice = byPath.get(target);
    if (twice) {
      problems.push(cellProblem(h.pos, h.text, 'sheet-columns', `cột "${h.text}" và cột "${twice.text}" cùng ghi vào trường ${target}; bỏ một cột (gán "~")`));
      continue;
    }
    byPath.set(target, h);
    out.push({ header: h, path: target, kind });
  }
  for (const key of unmatchedKeys()) {
    const guess = closestHeader(key, table.headers.map((h) => h.text));
    problems.push({ file: batchFile, ...at(['letters_from', 'columns', key], { key: true }), severity: 'error', rule: 'sheet-columns', path: `letters_from.columns.${key}`,
      message: `không có cột "${key}" ở dòng tiêu đề của ${where(grid)}${guess ? ` — có phải ý bạn là "${guess}"?` : ''}` });
  }
  for (const pos of table.orphans) {
    problems.push(cellProblem(pos, undefined, 'sheet-columns', 'ô có dữ liệu nhưng cột không có tiêu đề; hãy ghi tiêu đề cho cột (rồi gán nó trong letters_from.columns, hoặc "~" để bỏ qua)'));
  }
  return out;
}

function cellProblem(pos: Position, header: string | undefined, rule: string, message: string, severity: Severity = 'error', path?: string): Problem {
  return { file: pos.file!, ...pos, ...(header ? { header } : {}), severity, message, rule, ...(path ? { path } : {}) };
}

/** One row as a letter's fields, each from its cell; problems at the cells that cannot be read as their field. */
function rowEntry(grid: Grid, row: GridRow, columns: Column[]): SheetEntry {
  const data: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const c of columns) {
    const cell = row.cells.get(c.header.col);
    if (!cell) continue;
    const got = convertCell(cell.value, c.kind);
    if ('problem' in got) { problems.push(cellProblem(cell.pos, c.header.text, got.rule, got.problem, 'error', c.path)); continue; }
    if (got.warning) problems.push(cellProblem(cell.pos, c.header.text, got.warning.rule, got.warning.message, 'warning', c.path));
    setPath(data, c.path.split('.'), got.value);
  }
  const locate = (path: Path) => {
    // tasks[2].details[0] is in the tasks column: list indexes do not name columns.
    const dotted = path.filter((k) => typeof k === 'string').join('.');
    const col = columns.find((c) => dotted === c.path || dotted.startsWith(`${c.path}.`))
      ?? (dotted ? columns.find((c) => c.path.startsWith(`${dotted}.`)) : undefined);
    if (!col) return undefined;
    const own = row.cells.get(col.header.col);
    return { pos: { ...(own ? own.pos : cellOf(grid, row, col.header.col)), header: col.header.text }, written: !!own };
  };
  const label = grid.sheet === undefined ? `${grid.file}, dòng ${row.pos.line}` : `${grid.file}, trang "${grid.sheet}" dòng ${row.row}`;
  return { data, locate, pos: row.pos, problems, label };
}

function setPath(into: Record<string, unknown>, keys: string[], value: unknown): void {
  let cur = into;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (next && typeof next === 'object') cur = next as Record<string, unknown>;
    else { const made: Record<string, unknown> = {}; cur[k] = made; cur = made; }
  }
  cur[keys[keys.length - 1]!] = value;
}
