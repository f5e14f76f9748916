import type { Problem } from '../problem.js';
import { formatField, formatWhere, sortProblems } from '../problem.js';

export interface ReportOptions { color: boolean }

/**
 * The default reporter: one line per problem, `file:LINE:COL  error|warning  field: message  (rule-id)`,
 * which editors and terminals turn into a link to the place. A workbook cell prints as `file.xlsx:Sheet!C7`, and
 * a value from a sheet names its column: `field (cột "Ngày báo cáo"): message`.
 */
export async function stylish(problems: readonly Problem[], opts: ReportOptions): Promise<string> {
  const chalk = opts.color ? (await import('chalk')).Chalk : null;
  const c = chalk ? new chalk({ level: 1 }) : null;
  const lines = sortProblems([...problems]).map((p) => {
    const where = formatWhere(p);
    const sev = p.severity === 'error' ? (c ? c.red('error') : 'error') : c ? c.yellow('warning') : 'warning';
    const field = formatField(p) ? `${formatField(p)}: ` : '';
    return `${c ? c.underline(where) : where}  ${sev}  ${field}${p.message}  ${c ? c.dim(`(${p.rule})`) : `(${p.rule})`}`;
  });
  return lines.join('\n');
}
