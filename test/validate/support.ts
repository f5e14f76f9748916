import { type CliResult, run } from '../helpers.js';

export const bad = (name: string): string => `test/fixtures/bad/${name}.yaml`;
export const good = (name: string): string => `test/fixtures/good/${name}.yaml`;

export interface JsonProblem { file: string; line: number; col: number; severity: 'error' | 'warning'; rule: string; path: string | null; message: string }
export interface JsonReport { version: number; files: string[]; problems: JsonProblem[]; errorCount: number; warningCount: number }

/** `cchc validate --format json …`, parsed. */
export async function validateJson(args: string[], opts: { cwd?: string } = {}): Promise<CliResult & { report: JsonReport }> {
  const r = await run(['validate', '--format', 'json', ...args], opts);
  let report: JsonReport;
  try { report = JSON.parse(r.stdout) as JsonReport; } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { ...r, report };
}

/** Problems as "line:col severity rule", the form the fixture table states them in. */
export const brief = (report: JsonReport): string[] => report.problems.map((p) => `${p.line}:${p.col} ${p.severity} ${p.rule}`);
