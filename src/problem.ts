/**
 * A problem found in a user's input (a YAML letter or a DOCX file). Every part of cchc that judges input
 * — the YAML loader, the zod contract, the lint rules, the DOCX checker — reports in this one shape, so the
 * reporters (stylish, json, github) can print any of them.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path of the file as the user named it. */
  file: string;
  /** 1-based line and column; 0 when the problem concerns the whole file. */
  line: number;
  col: number;
  severity: Severity;
  /** Plain Vietnamese message for a clerk. */
  message: string;
  /** Stable English id: a lint rule id, or one of the built-in ids ("yaml-syntax", "schema", …). */
  rule: string;
  /** A workbook cell as the clerk reads it, "Kết quả!E8" (line and col then hold its row and column number). */
  cell?: string;
  /** The header of the sheet column the value came from (a sheet cell, or a CSV field). */
  header?: string;
  /** Field path in the letter ("signer.title", "tasks[2].details[0]"), when the problem is about a field. */
  path?: string;
}

/** Formats a field path the way the messages show it: tasks[2].details[0]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Where a problem is, as every reporter prints it: `file:Sheet!C7`, `file:LINE:COL`, or the file alone. */
export function formatWhere(p: Pick<Problem, 'file' | 'line' | 'col' | 'cell'>): string {
  if (p.cell) return `${p.file}:${p.cell}`;
  return p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
}

/** The field a problem is about, with the sheet column it came from: `inspection.report.date (cột "Ngày báo cáo")`. */
export function formatField(p: Pick<Problem, 'path' | 'header'>): string {
  const header = p.header ? `cột "${p.header}"` : '';
  if (p.path && header) return `${p.path} (${header})`;
  return p.path || header;
}

/** Sorts problems by file, line, column: the order every reporter prints them in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col,
  );
}

/**
 * One line for problems that are the same in every way (a bad value in a batch's `defaults` fails every entry
 * that inherits it, at the same place): the first, with how many letters it stopped.
 */
export function mergeRepeats(problems: readonly Problem[]): Problem[] {
  const byKey = new Map<string, { p: Problem; n: number }>();
  for (const p of problems) {
    const key = JSON.stringify([p.file, p.line, p.col, p.cell ?? '', p.rule, p.path ?? '', p.message]);
    const hit = byKey.get(key);
    if (hit) hit.n++;
    else byKey.set(key, { p, n: 1 });
  }
  return [...byKey.values()].map(({ p, n }) => (n > 1 ? { ...p, message: `${p.message} (ở ${n} công văn)` } : p));
}

