import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, twipToMm, type Check, type Finding } from '../rule.js';
import { child, type XmlElement } from '../xml.js';

const { widthMm, heightMm, toleranceMm, says } = ND30.page;
const near = (mm: number, want: number) => Math.abs(mm - want) <= toleranceMm;

export const sectionPath = (k: number): string => (k === 0 ? 'page' : `section ${k + 1}`);

export const pageSize: Check = {
  id: 'page-size',
  doc: `Khổ giấy A4 (${widthMm} × ${heightMm} mm), trình bày theo chiều dọc`,
  clause: CLAUSE.page,
  check({ model }) {
    if (model.sections.length === 0) return [error('page', `Văn bản không khai báo khổ giấy (thiếu w:sectPr)${decree(says)}`)];
    return model.sections.flatMap((s, k) => judge(s, sectionPath(k)));
  },
};

function judge(sect: XmlElement, path: string): Finding[] {
  const pgSz = child(sect, 'w:pgSz');
  const w = twipToMm(Number(pgSz?.attrs['w:w']));
  const h = twipToMm(Number(pgSz?.attrs['w:h']));
  if (!pgSz || !Number.isFinite(w) || !Number.isFinite(h)) return [error(path, `Văn bản không khai báo khổ giấy${decree(says)}`)];
  return pageFindings(w, h, path);
}

/** A page of w × h mm against A4 portrait: shared with the PDF checks. */
export function pageFindings(w: number, h: number, path: string): Finding[] {
  const size = `${Math.round(w)} × ${Math.round(h)} mm`;
  if (near(w, heightMm) && near(h, widthMm)) return [error(path, `Khổ A4 nằm ngang (${size}), phải trình bày theo chiều dài${decree(says)}`)];
  if (!near(w, widthMm) || !near(h, heightMm)) return [error(path, `Khổ giấy ${size}${decree(says)}`)];
  return [];
}
