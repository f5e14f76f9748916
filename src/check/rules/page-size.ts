import { error, type Check, type Finding } from '../rule.js';
import { child, type XmlElement } from '../xml.js';

/** A4 in twips: 210 × 297 mm. */
const A4 = { w: 11906, h: 16838 };
const near = (v: number, want: number) => Math.abs(v - want) <= want * 0.01;

export const sectionPath = (k: number): string => (k === 0 ? 'page' : `section ${k + 1}`);

export const pageSize: Check = {
  id: 'page-size',
  doc: 'Khổ giấy A4 (210 × 297 mm), trình bày theo chiều dọc',
  check({ model }) {
    if (model.sections.length === 0) return [error('page', 'Văn bản không khai báo khổ giấy (thiếu w:sectPr), Nghị định 30 yêu cầu A4 dọc')];
    return model.sections.flatMap((s, k) => judge(s, sectionPath(k)));
  },
};

function judge(sect: XmlElement, path: string): Finding[] {
  const pgSz = child(sect, 'w:pgSz');
  const w = Number(pgSz?.attrs['w:w']);
  const h = Number(pgSz?.attrs['w:h']);
  if (!pgSz || !Number.isFinite(w) || !Number.isFinite(h)) {
    return [error(path, 'Văn bản không khai báo khổ giấy, Nghị định 30 yêu cầu A4 (210 × 297 mm)')];
  }
  const size = `${Math.round((w * 25.4) / 1440)} × ${Math.round((h * 25.4) / 1440)} mm`;
  if (near(w, A4.h) && near(h, A4.w)) return [error(path, `Khổ A4 nằm ngang (${size}), Nghị định 30 yêu cầu A4 chiều dọc`)];
  if (!near(w, A4.w) || !near(h, A4.h)) return [error(path, `Khổ giấy ${size}, Nghị định 30 yêu cầu A4 (210 × 297 mm)`)];
  return [];
}
