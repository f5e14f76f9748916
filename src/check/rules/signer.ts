import { isUpper } from '../anatomy.js';
import { CLAUSE, ND30 } from '../../decree/nd30.js';
import type { Line } from '../model.js';
import { decree, error, literal, lookFindings, quote, span, want, warning, type PartCheck, type Finding } from '../rule.js';

/** Thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
const AUTHORITIES: readonly string[] = ND30.signer.authorities;
/** All but TM. (on behalf of a collective) and Q. (acting head) are followed by the signer's own title. */
const NEEDS_OWN_TITLE = AUTHORITIES.filter((x) => x !== 'TM' && x !== 'Q');
const BARE = new RegExp(`^(${NEEDS_OWN_TITLE.concat('TM').map(literal).join('|')})\\s`, 'u');
const LIST = AUTHORITIES.map((x) => `${x}.`).join(', ');
const { title: TITLE, name: NAME } = ND30.signer;
const ACADEMIC = /^(GS|PGS|TS|ThS|KS|BS|CN|TSKH)\.?\s/u;

export const signer: PartCheck = {
  id: 'signer',
  doc: `Chữ ký: quyền hạn, chức vụ in hoa, đậm, cỡ ${span(TITLE.sizePt)} (${LIST} nếu có); họ tên đậm, cỡ ${span(NAME.sizePt)}, không in hoa toàn bộ`,
  clause: CLAUSE.signer,
  check({ a }) {
    const lines = a.signer;
    if (lines.length === 0) return [error('signer', 'Không tìm thấy phần quyền hạn, chức vụ và họ tên người ký')];
    const where = (l: Line) => `signer ¶${lines.indexOf(l) + 1}`;
    const name = lines[lines.length - 1]!;
    const titles = lines.slice(0, -1);
    if (titles.length === 0) return [error(where(name), `Thiếu chức vụ người ký (in hoa, đậm) phía trên họ tên: ${quote(name.text)}`)];
    return [
      ...titles.flatMap((t, k) => titleFindings(t, titles[k + 1], where(t))),
      ...lookFindings('Chức vụ người ký', titles, want(TITLE), where),
      ...nameFindings(name, where(name)),
      ...lookFindings('Họ tên người ký', [name], want(NAME), where),
    ];
  },
};

function titleFindings(t: Line, next: Line | undefined, where: string): Finding[] {
  const out: Finding[] = [];
  if (!isUpper(t.text)) out.push(error(where, `Quyền hạn, chức vụ người ký phải in hoa: ${quote(t.text)}${decree(TITLE.sizePt.says)}`));
  const dotted = /^([A-ZĐ](?:[A-ZĐ.]{0,4}[A-ZĐ])?)\.\s*\S/u.exec(t.text);
  const bare = BARE.exec(t.text);
  if (bare) return [...out, error(where, `Viết “${bare[1]}.” (có dấu chấm) trước chức vụ: ${quote(t.text)}`)];
  if (!dotted) return out;
  const prefix = dotted[1]!;
  if (!AUTHORITIES.includes(prefix)) {
    return [...out, error(where, `Quyền hạn ký “${prefix}.” không đúng; dùng một trong ${LIST}: ${quote(t.text)}`)];
  }
  if (NEEDS_OWN_TITLE.includes(prefix) && !next) {
    out.push(error(where, `Sau “${prefix}. …” phải có dòng chức vụ của người ký: ${quote(t.text)}`));
  }
  return out;
}

function nameFindings(name: Line, where: string): Finding[] {
  if (isUpper(name.text)) return [error(where, `Họ tên người ký viết chữ thường có hoa đầu từ, không in hoa toàn bộ: ${quote(name.text)}${decree(NAME.sizePt.says)}`)];
  if (ACADEMIC.test(name.text)) return [warning(where, `Không ghi học hàm, học vị trước họ tên người ký: ${quote(name.text)}`)];
  return [];
}
