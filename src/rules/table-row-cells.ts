import { appendixTables } from './body-texts.js';
import type { Rule } from './rule.js';

/** Contract v2, appendix tables: each row has as many cells as the table has columns (nothing shifts, nothing is lost). */
export const tableRowCells: Rule = {
  id: 'table-row-cells',
  severity: 'error',
  doc: 'Mỗi dòng của bảng trong phụ lục có đúng số ô bằng số cột',
  check(letter, report) {
    for (const [i, , table] of appendixTables(letter)) {
      if (!Array.isArray(table.rows)) continue;
      const n = table.columns.length;
      const headers = table.columns.map((c) => (c && typeof c === 'object' ? String(c.header) : '?')).join(', ');
      for (const [r, row] of table.rows.entries()) {
        if (!Array.isArray(row) || row.length === n) continue;
        const fix = row.length < n ? `thêm ${n - row.length} ô (ô trống viết ~ hoặc "")` : `bỏ bớt ${row.length - n} ô, hoặc thêm cột`;
        report(['appendices', i, 'table', 'rows', r], `dòng ${r + 1} của bảng có ${row.length} ô, nhưng bảng có ${n} cột (${headers}): mỗi dòng cần đúng ${n} ô; ${fix}`);
      }
    }
  },
};
