import type { Problem } from '../problem.js';
import { formatField, sortProblems } from '../problem.js';

/**
 * `--format github`: GitHub Actions workflow commands, which the Actions runner turns into annotations on the
 * pull request's lines: `::error file=F,line=L,col=C,title=RULE::message` (`::warning` for warnings).
 * A problem in a workbook cell has no line GitHub can show: see annotation().
 * Escaping follows @actions/core (toolkit/packages/core/src/command.ts): in the message %, CR and LF; in a
 * property also ":" and ",", which would otherwise end the property.
 */
export function github(problems: readonly Problem[]): string {
  return sortProblems([...problems]).map(annotation).join('\n');
}

export function annotation(p: Problem): string {
  const props = [`file=${escapeProperty(p.file)}`];
  // A workbook is not text: GitHub cannot show a line of it, so its cell problems are annotations on the whole
  // file, and the cell goes in the title and the message. CSV cells keep their line and column.
  if (p.line > 0 && !p.cell) props.push(`line=${p.line}`, `col=${p.col}`);
  props.push(`title=${escapeProperty(p.cell ? `${p.rule} ${p.cell}` : p.rule)}`);
  const field = formatField(p);
  const message = `${p.cell ? `${p.cell}: ` : ''}${field ? `${field}: ` : ''}${p.message}`;
  return `::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(message)}`;
}

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
