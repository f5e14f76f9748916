import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { tooWide } from '../fit.js';
import { decree, error, lookFindings, quote, span, want, type Check, type PartCheck, type Finding } from '../rule.js';

const SAYS = ND30.dateLine.sizePt.says;

/** The date line by its text and look: DOCX and PDF alike. */
export const dateLinePart: PartCheck = {
  id: 'date-line',
  doc: `Địa danh, ngày tháng năm “Kiên Giang, ngày 05 tháng 3 năm 2021”: ngày < 10 và tháng 1, 2 có số 0 phía trước, cỡ ${span(ND30.dateLine.sizePt)}, nghiêng`,
  clause: CLAUSE.dateLine,
  check({ a }) {
    const l = a.date;
    if (!l) return [error('header', 'Không tìm thấy dòng địa danh, ngày tháng năm (“…, ngày … tháng … năm …”)')];
    return [...format(l.text), ...lookFindings('Địa danh, ngày tháng năm', [l], want(ND30.dateLine), () => 'header')];
  },
};

/** For a DOCX, also whether it fits its column on one line. */
export const dateLine: Check = {
  ...dateLinePart,
  doc: `${dateLinePart.doc}; vừa một dòng trong cột`,
  check(ctx) {
    return [...dateLinePart.check(ctx), ...tooWide(ctx.model, ctx.a.date, 'Dòng địa danh, ngày tháng năm', SAYS)];
  },
};

function format(text: string): Finding[] {
  const bad = (why: string) => [error('header', `${why}: ${quote(text, 60)}${decree(SAYS)}`)];
  const m = /^(.*?)\s*,\s*ngày\s*(\S*?)\s*tháng\s*(\S*?)\s*năm\s*(\S*?)\s*\.?$/u.exec(text);
  if (!m) return bad('Dòng ngày tháng phải có dạng “Địa danh, ngày … tháng … năm …”');
  const [, place, day, month, year] = m as unknown as [string, string, string, string, string];
  if (place === '') return bad('Thiếu địa danh trước ngày tháng năm');
  if (!/^\d{4}$/.test(year)) return bad('Năm phải viết đủ bốn chữ số');
  if (day === '' && month === '') return []; // blank form, filled in by the Văn thư
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return bad('Ngày và tháng phải là số, hoặc để trống cả hai');
  const [d, mo, y] = [Number(day), Number(month), Number(year)];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return bad('Ngày tháng không có thật');
  const wantDay = d < 10 ? `0${d}` : String(d);
  const wantMonth = mo <= 2 ? `0${mo}` : String(mo);
  if (day !== wantDay) return bad(`Ngày ${d} phải viết “${wantDay}” (ngày nhỏ hơn 10 có số 0 phía trước)`);
  if (month !== wantMonth) {
    return bad(`Tháng ${mo} phải viết “${wantMonth}” (${mo <= 2 ? 'tháng 1, 2 có số 0 phía trước' : 'tháng 3 trở đi không có số 0 phía trước'})`);
  }
  return [];
}
