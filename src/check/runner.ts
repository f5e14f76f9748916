/**
 * Running checks on a letter, DOCX or PDF alike: each check in turn, a check that fails on an odd file reporting
 * that instead of stopping the others, repeated findings summed up, findings turned into Problems.
 */
import type { Problem } from '../problem.js';
import type { Finding } from './rule.js';

/** After this many findings of one check, the rest are summed up in one line. */
const PER_CHECK = 5;

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The problems of every check, in the checks' order. */
export function runChecks<C>(checks: readonly { id: string; check(ctx: C): Finding[] }[], ctx: C, file: string): Problem[] {
  return checks.flatMap((c) => capped(safely(() => c.check(ctx))).map((f) => toProblem(f, c.id, file)));
}

/** The one problem of a file that cannot be read as a letter at all. */
export const unreadable = (file: string, rule: string, message: string): Problem => ({ file, line: 0, col: 0, severity: 'error', rule, message });

function safely(check: () => Finding[]): Finding[] {
  try {
    return check();
  } catch (e) {
    return [{ severity: 'warning', path: '', message: `Không kiểm tra được mục này (lỗi nội bộ: ${errorText(e)})` }];
  }
}

function capped(findings: Finding[]): Finding[] {
  if (findings.length <= PER_CHECK + 1) return findings;
  const rest = findings.slice(PER_CHECK);
  const severity = rest.some((f) => f.severity === 'error') ? 'error' : 'warning';
  return [...findings.slice(0, PER_CHECK), { severity, path: rest[0]!.path, message: `… và ${rest.length} chỗ khác có cùng lỗi này` }];
}

function toProblem(f: Finding, rule: string, file: string): Problem {
  const p: Problem = { file, line: 0, col: 0, severity: f.severity, message: f.message, rule };
  if (f.path !== '') p.path = f.path;
  return p;
}
