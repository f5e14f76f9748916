import { textWidthMm } from '../layout/geometry.js';
import { HOUSE } from '../layout/params.js';
import { appendicesOf } from './body-texts.js';
import type { Rule } from './rule.js';

/** Narrower than this, a column cannot hold a word of 13 pt text: layout keeps it for each column without a width. */
const MIN_FREE_MM = HOUSE.table.freeColumnMinMm;

const mm = (n: number): string => `${Number(n.toFixed(1)).toLocaleString('vi-VN')} mm`;

/**
 * Column widths in mm are the clerk's wish; the table is as wide as the text. Widths that add up to more than
 * that are scaled down (all columns narrower than written), and so are widths that would leave a column without a
 * width less than 10 mm: worth a warning, so the clerk can choose the widths instead.
 */
export const tableWidth: Rule = {
  id: 'table-width',
  severity: 'warning',
  doc: 'Độ rộng các cột (mm) của bảng không vượt bề rộng vùng chữ của trang (dọc hoặc ngang), và còn chỗ cho các cột không ghi độ rộng',
  check(letter, report) {
    for (const [i, a] of appendicesOf(letter)) {
      const columns = a.table && typeof a.table === 'object' ? a.table.columns : undefined;
      if (!Array.isArray(columns)) continue;
      const widths = columns.map((c) => (c && typeof c === 'object' && typeof c.width === 'number' ? c.width : 0));
      const sum = widths.reduce((s, w) => s + w, 0);
      const free = widths.filter((w) => w === 0).length;
      const page = a.landscape === true ? 'trang ngang' : 'trang dọc';
      const room = textWidthMm(a.landscape === true);
      const path = ['appendices', i, 'table', 'columns'];
      if (sum > room) {
        report(path, `các cột rộng tổng cộng ${mm(sum)}, hơn bề rộng vùng chữ ${mm(room)} (${page}): cchc sẽ thu nhỏ các cột theo tỷ lệ${free ? `, mỗi cột không ghi độ rộng chỉ còn ${mm(MIN_FREE_MM)}` : ''}; hãy giảm độ rộng${a.landscape === true ? '' : ' hoặc dùng landscape: true'}`);
      } else if (free && room - sum < free * MIN_FREE_MM) {
        report(path, `các cột có ghi độ rộng chiếm ${mm(sum)} trong ${mm(room)} của vùng chữ (${page}): ${free} cột không ghi độ rộng chỉ còn ${mm((room - sum) / free)} mỗi cột, nên cchc thu nhỏ các cột có ghi độ rộng để mỗi cột kia có ${mm(MIN_FREE_MM)}; hãy giảm độ rộng`);
      }
    }
  },
};
