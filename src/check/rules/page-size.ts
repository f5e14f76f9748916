import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { fold, PARTS } from '../anatomy.js';
import type { DocModel } from '../model.js';
import { decree, error, twipToMm, warning, type Check, type Finding } from '../rule.js';
import { child, type XmlElement } from '../xml.js';
import { visibleSides } from './table-borders.js';

const { widthMm, heightMm, toleranceMm, says, landscape } = ND30.page;
const near = (mm: number, want: number) => Math.abs(mm - want) <= toleranceMm;

export const sectionPath = (k: number): string => (k === 0 ? 'page' : `section ${k + 1}`);

export const pageSize: Check = {
  id: 'page-size',
  doc: `Khổ giấy A4 (${widthMm} × ${heightMm} mm), trình bày theo chiều dài; phụ lục và trang có bảng biểu sau trang đầu được nằm ngang`,
  clause: CLAUSE.page,
  check({ model }) {
    if (model.sections.length === 0) return [error('page', `Văn bản không khai báo khổ giấy (thiếu w:sectPr)${decree(says)}`)];
    return model.sections.flatMap((s, k) => judge(s, sectionPath(k), widePermit(model, k)));
  },
};

/**
 * Where A4 may lie on its side: a section after the first that opens an appendix or holds a table (the decree lets
 * tables and forms be set across the page). The first section carries the letter's header: landscape there is
 * only forgiven, as a warning, when it holds a table.
 */
export type Wide = 'allowed' | 'warn' | 'no';

function widePermit(model: DocModel, k: number): Wide {
  const paras = model.paras.filter((p) => p.section === k && p.part === 'document');
  // A table that prints its lines: the header and signature tables are borderless.
  const tables = new Set(paras.flatMap((p) => (p.cell ? [p.cell.table] : [])));
  const table = [...tables].some((t) => visibleSides(model.tables[t]!).length > 0);
  const first = paras.find((p) => p.text.trim() !== '' && !p.cell);
  const appendix = first !== undefined && PARTS.appendix.test(fold(first.text));
  if (k > 0 && (appendix || table)) return 'allowed';
  return table ? 'warn' : 'no';
}

function judge(sect: XmlElement, path: string, wide: Wide): Finding[] {
  const pgSz = child(sect, 'w:pgSz');
  const w = twipToMm(Number(pgSz?.attrs['w:w']));
  const h = twipToMm(Number(pgSz?.attrs['w:h']));
  if (!pgSz || !Number.isFinite(w) || !Number.isFinite(h)) return [error(path, `Văn bản không khai báo khổ giấy${decree(says)}`)];
  return pageFindings(w, h, path, wide);
}

/** A page of w × h mm against A4, portrait unless `wide` allows it across: shared with the PDF checks. */
export function pageFindings(w: number, h: number, path: string, wide: Wide = 'no'): Finding[] {
  const size = `${Math.round(w)} × ${Math.round(h)} mm`;
  if (near(w, heightMm) && near(h, widthMm)) {
    if (wide === 'allowed') return [];
    const message = `Khổ A4 nằm ngang (${size})`;
    if (wide === 'warn') return [warning(path, `${message} ở trang đầu: chỉ nên dùng khi bảng biểu không tách được thành phụ lục${decree(landscape)}`)];
    return [error(path, `${message}, phải trình bày theo chiều dài; chỉ phụ lục hoặc trang có bảng biểu mới được nằm ngang${decree(says)}`)];
  }
  if (!near(w, widthMm) || !near(h, heightMm)) return [error(path, `Khổ giấy ${size}${decree(says)}`)];
  return [];
}
