import type { Problem } from '../problem.js';
import { sortProblems } from '../problem.js';

/**
 * `--format json`: one JSON document, shape version 1. Stable: fields are only ever added, and a change to
 * an existing field's meaning raises `version`.
 *
 * ```
 * { "version": 1,
 *   "files": ["letters/a.yaml", …],                  every YAML file read (folders expanded), also those without problems
 *   "problems": [{ "file": "letters/a.yaml", "line": 12, "col": 3,      1-based; 0 and 0: the whole file
 *                  "severity": "error" | "warning", "rule": "symbol-format",
 *                  "path": "inspection.report.symbol" | null,         the field, when the problem is about one
 *                  "message": "…",
 *                  "cell": "Kết quả!E8" | null,                       a workbook cell (line, col: its row, column number)
 *                  "header": "Ngày báo cáo" | null }, …],             the sheet column's header (xlsx or csv)                              sorted by file, line, column
 *   "errorCount": 1, "warningCount": 0 }
 * ```
 */
export interface JsonReport {
  version: 1;
  files: string[];
  problems: {
    file: string; line: number; col: number; severity: Problem['severity']; rule: string; path: string | null; message: string;
    cell: string | null; header: string | null;
  }[];
  errorCount: number;
  warningCount: number;
}

export function toJsonReport(problems: readonly Problem[], files: readonly string[]): JsonReport {
  const sorted = sortProblems([...problems]);
  const errorCount = sorted.filter((p) => p.severity === 'error').length;
  return {
    version: 1,
    files: [...files],
    problems: sorted.map((p) => ({
      file: p.file, line: p.line, col: p.col, severity: p.severity, rule: p.rule, path: p.path ?? null, message: p.message,
      cell: p.cell ?? null, header: p.header ?? null,
    })),
    errorCount,
    warningCount: sorted.length - errorCount,
  };
}

export function json(problems: readonly Problem[], files: readonly string[]): string {
  return JSON.stringify(toJsonReport(problems, files), null, 2);
}
