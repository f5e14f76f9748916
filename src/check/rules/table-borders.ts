import { CLAUSE } from '../../decree/nd30.js';
import type { TableInfo } from '../model.js';
import { visible, type Border, type Side } from '../props.js';
import { error, type Check, type Finding } from '../rule.js';

const NAMES: Record<string, string> = { top: 'trên', bottom: 'dưới', left: 'trái', right: 'phải' };

export const tableBorders: Check = {
  id: 'table-borders',
  doc: 'Bảng trình bày phần đầu (cơ quan, Quốc hiệu) và bảng chữ ký, nơi nhận không có đường viền',
  clause: CLAUSE.layout,
  check({ model, a }) {
    const out: Finding[] = [];
    const seen = new Set<number>();
    const tables = [
      [a.headerTable, 'phần đầu văn bản', 'header'],
      [a.closingTable, 'chữ ký và nơi nhận', 'signer'],
    ] as const;
    for (const [k, what, path] of tables) {
      const t = k === undefined ? undefined : model.tables[k];
      if (!t || seen.has(t.index)) continue;
      seen.add(t.index);
      const sides = visibleSides(t);
      if (sides.length === 0) continue;
      out.push(error(path, `Bảng trình bày ${what} có đường viền (cạnh ${sides.join(', ')}): khi in ra thành khung kẻ không có trong thể thức văn bản`));
    }
    return out;
  },
};

/**
 * The sides of any cell that print a line. A cell's own border wins; otherwise the table's outer border at the
 * table's edge and its inside border between cells, as Word resolves them.
 */
export function visibleSides(t: TableInfo): string[] {
  const rows = Math.max(...t.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...t.cells.map((c) => c.lastCol)) + 1;
  const found = new Set<string>();
  for (const c of t.cells) {
    const edge: Record<string, Side> = {
      top: c.row === 0 ? 'top' : 'insideH',
      bottom: c.row === rows - 1 ? 'bottom' : 'insideH',
      left: c.col === 0 ? 'left' : 'insideV',
      right: c.lastCol === cols - 1 ? 'right' : 'insideV',
    };
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      const b: Border | undefined = c.borders[side] ?? t.borders[edge[side]!];
      if (visible(b)) found.add(edge[side] === side ? NAMES[side]! : 'giữa các ô');
    }
  }
  return [...found];
}
