import { isUpper } from '../anatomy.js';
import type { Line } from '../model.js';
import { error, lookFindings, quote, warning, type Check, type Finding } from '../rule.js';

/** Thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
const AUTHORITIES = ['TM', 'KT', 'TL', 'TUQ', 'Q'];
/** KT., TL. and TUQ. are followed by the signer's own title. */
const NEEDS_OWN_TITLE = ['KT', 'TL', 'TUQ'];
const ACADEMIC = /^(GS|PGS|TS|ThS|KS|BS|CN|TSKH)\.?\s/u;

export const signer: Check = {
  id: 'signer',
  doc: 'Chữ ký: quyền hạn, chức vụ in hoa, đậm, cỡ 13–14 (TM., KT., TL., TUQ., Q. nếu có); họ tên đậm, cỡ 13–14, không in hoa toàn bộ',
  check({ a }) {
    const lines = a.signer;
    if (lines.length === 0) return [error('signer', 'Không tìm thấy phần quyền hạn, chức vụ và họ tên người ký')];
    const where = (l: Line) => `signer ¶${lines.indexOf(l) + 1}`;
    const name = lines[lines.length - 1]!;
    const titles = lines.slice(0, -1);
    if (titles.length === 0) return [error(where(name), `Thiếu chức vụ người ký (in hoa, đậm) phía trên họ tên: ${quote(name.text)}`)];
    return [
      ...titles.flatMap((t, k) => titleFindings(t, titles[k + 1], where(t))),
      ...lookFindings('Chức vụ người ký', titles, { size: [13, 14], bold: true, italic: false }, where),
      ...nameFindings(name, where(name)),
      ...lookFindings('Họ tên người ký', [name], { size: [13, 14], bold: true, italic: false }, where),
    ];
  },
};

function titleFindings(t: Line, next: Line | undefined, where: string): Finding[] {
  const out: Finding[] = [];
  if (!isUpper(t.text)) out.push(error(where, `Quyền hạn, chức vụ người ký phải in hoa: ${quote(t.text)}`));
  const dotted = /^([A-ZĐ](?:[A-ZĐ.]{0,4}[A-ZĐ])?)\.\s*\S/u.exec(t.text);
  const bare = /^(TM|KT|TL|TUQ)\s/u.exec(t.text);
  if (bare) return [...out, error(where, `Viết “${bare[1]}.” (có dấu chấm) trước chức vụ: ${quote(t.text)}`)];
  if (!dotted) return out;
  const prefix = dotted[1]!;
  if (!AUTHORITIES.includes(prefix)) {
    return [...out, error(where, `Quyền hạn ký “${prefix}.” không đúng; dùng một trong TM., KT., TL., TUQ., Q.: ${quote(t.text)}`)];
  }
  if (NEEDS_OWN_TITLE.includes(prefix) && !next) {
    out.push(error(where, `Sau “${prefix}. …” phải có dòng chức vụ của người ký: ${quote(t.text)}`));
  }
  return out;
}

function nameFindings(name: Line, where: string): Finding[] {
  if (isUpper(name.text)) return [error(where, `Họ tên người ký viết chữ thường có hoa đầu từ, không in hoa toàn bộ: ${quote(name.text)}`)];
  if (ACADEMIC.test(name.text)) return [warning(where, `Không ghi học hàm, học vị trước họ tên người ký: ${quote(name.text)}`)];
  return [];
}
