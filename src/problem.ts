import { isAbsolute, relative } from 'node:path';

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
  const path = p.path ? fieldLabel(p.path) : '';
  if (path && header) return `${path} (${header})`;
  return path || header;
}

/** What one item of a list is called, by the list's field name: "tasks[3]" is "nhiệm vụ thứ 4". */
const ITEM_NOUNS: Record<string, string> = {
  tasks: 'nhiệm vụ', details: 'đoạn', to: 'nơi nhận', cc: 'nơi nhận', archive: 'mục', letters: 'công văn',
  appendices: 'phụ lục', columns: 'cột', rows: 'dòng',
};

/**
 * A field path as a person reads it, counting from 1: "tasks[3].details[0]" → "tasks, nhiệm vụ thứ 4, details,
 * đoạn thứ 1". Field names stay as written in the file (the clerk finds them there); list positions become
 * words. The machine path (JSON `path`) is left as it is.
 */
export function fieldLabel(path: string): string {
  const parts: string[] = [];
  let field = '';
  let lastKey = '';
  let lastWasIndex = false;
  for (const m of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) {
    if (m[1] !== undefined) {
      if (field) { parts.push(field); field = ''; }
      const noun = lastWasIndex ? (lastKey === 'rows' ? 'ô' : 'mục') : ITEM_NOUNS[lastKey] ?? 'mục';
      parts.push(`${noun} thứ ${Number(m[1]) + 1}`);
      lastWasIndex = true;
    } else {
      field = field ? `${field}.${m[2]}` : m[2]!;
      lastKey = m[2]!;
      lastWasIndex = false;
    }
  }
  if (field) parts.push(field);
  return parts.join(', ');
}

/** 1-based positions as a person lists them: [0, 2] → "1 và 3", [0, 1, 4] → "1, 2 và 5". */
export function countList(indexes: readonly number[]): string {
  const n = indexes.map((i) => String(i + 1));
  return n.length < 2 ? n.join('') : `${n.slice(0, -1).join(', ')} và ${n.at(-1)}`;
}

/**
 * An output file's path as messages show it: relative to the working folder when it lies inside it
 * ("docx/kien-luong.docx"), else absolute. The problem is placed on this path, not on a line of the YAML.
 */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
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

