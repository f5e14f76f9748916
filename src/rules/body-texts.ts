import type { FieldPath } from './rule.js';
import { isStr } from './rule.js';
import type { Appendix, InlineTable, Letter } from '../schema/letter.js';

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
  for (const [i, a] of appendicesOf(letter)) {
    for (const k of ['text', 'note'] as const) if (isStr(a[k])) yield [['appendices', i, k], a[k]];
  }
  for (const [i, , table] of appendixTables(letter)) {
    for (const [r, row] of (Array.isArray(table.rows) ? table.rows : []).entries()) {
      if (!Array.isArray(row)) continue;
      for (const [c, cell] of row.entries()) if (isStr(cell)) yield [['appendices', i, 'table', 'rows', r, c], cell];
    }
  }
}

/** The letter's appendices that are groups of fields, with their index (read defensively, as rules must). */
export function* appendicesOf(letter: Partial<Letter>): Generator<[number, Appendix]> {
  const all = Array.isArray(letter.appendices) ? letter.appendices : [];
  for (const [i, a] of all.entries()) if (a && typeof a === 'object') yield [i, a];
}

/** The appendices' tables written in the letter (not taken from a sheet) that have a list of columns. */
export function* appendixTables(letter: Partial<Letter>): Generator<[number, Appendix, InlineTable]> {
  for (const [i, a] of appendicesOf(letter)) {
    const t = a.table;
    if (t && typeof t === 'object' && !('from' in t) && Array.isArray(t.columns)) yield [i, a, t];
  }
}
