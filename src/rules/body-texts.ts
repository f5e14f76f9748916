import type { FieldPath } from './rule.js';
import { isStr } from './rule.js';
import type { Letter } from '../schema/letter.js';

/**
 * Every body text value of a letter, where a clerk's markup (**bold**, \*) counts (contract v2, "Inline bold in
 * text"): intro, closing, findings, tasks and their details, appendix text and note, table cells.
 */
export function* bodyTexts(letter: Partial<Letter>): Generator<[FieldPath, string]> {
  for (const k of ['intro', 'closing'] as const) if (isStr(letter[k])) yield [[k], letter[k]];
  const findings = letter.findings;
  if (findings && typeof findings === 'object') {
    for (const k of ['strengths', 'weaknesses'] as const) if (isStr(findings[k])) yield [['findings', k], findings[k]];
  }
  const tasks = Array.isArray(letter.tasks) ? letter.tasks : [];
  for (const [i, t] of tasks.entries()) {
    if (isStr(t)) { yield [['tasks', i], t]; continue; }
    if (!t || typeof t !== 'object') continue;
    if (isStr(t.text)) yield [['tasks', i, 'text'], t.text];
    const details = Array.isArray(t.details) ? t.details : [];
    for (const [j, d] of details.entries()) if (isStr(d)) yield [['tasks', i, 'details', j], d];
  }
  const appendices = Array.isArray(letter.appendices) ? letter.appendices : [];
  for (const [i, a] of appendices.entries()) {
    if (!a || typeof a !== 'object') continue;
    for (const k of ['text', 'note'] as const) if (isStr(a[k])) yield [['appendices', i, k], a[k]];
    const rows = a.table && typeof a.table === 'object' && 'rows' in a.table && Array.isArray(a.table.rows) ? a.table.rows : [];
    for (const [r, row] of rows.entries()) {
      if (!Array.isArray(row)) continue;
      for (const [c, cell] of row.entries()) if (isStr(cell)) yield [['appendices', i, 'table', 'rows', r, c], cell];
    }
  }
}
