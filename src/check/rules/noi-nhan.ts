import { CLAUSE, ND30 } from '../../decree/nd30.js';
import type { Line } from '../model.js';
import { decree, error, literal as esc, lookFindings, quote, span, want, warning, type PartCheck, type Finding } from '../rule.js';

const D = ND30.distribution;
const LABEL = D.label.text;
/** "- Lưu: VT, …" */
const ARCHIVE = `- ${D.archive}: ${D.archiveFirst}, …`;
const SAME_AS_ABOVE = new RegExp(`^- ${esc(D.sameAsAbove)}\\s*;?$`, 'u');
const IS_ARCHIVE = new RegExp(`^- ${esc(D.archive)}\\s*:`, 'u');
const ARCHIVE_FIRST = new RegExp(`^- ${esc(D.archive)}\\s*:\\s*${esc(D.archiveFirst)}\\b`, 'u');

export const noiNhan: PartCheck = {
  id: 'noi-nhan',
  doc: `“${LABEL}” cỡ ${span(D.label.sizePt)}, đậm nghiêng; mỗi mục cỡ ${span(D.item.sizePt)} bắt đầu “- ”, kết thúc “;”, mục cuối “${ARCHIVE}” kết thúc “.”`,
  clause: CLAUSE.distribution,
  check({ a }) {
    const l = a.noiNhan;
    if (!l) return [error('noi-nhan', `Không tìm thấy “${LABEL}” ở cuối văn bản`)];
    const out: Finding[] = [];
    if (l.text !== LABEL) out.push(error('noi-nhan', `Phải viết “${LABEL}” (có dấu hai chấm, riêng một dòng): ${quote(l.text)}${decree(D.label.sizePt.says)}`));
    out.push(...lookFindings(`Chữ “${LABEL}”`, [l], want(D.label), () => 'noi-nhan'));
    const items = a.noiNhanItems;
    if (items.length === 0) return [...out, error('noi-nhan', `Dưới “${LABEL}” không có nơi nhận nào (mỗi nơi một dòng “- …;”, dòng cuối “${ARCHIVE}.”)`)];
    const where = (x: Line) => `noi-nhan ¶${items.indexOf(x) + 1}`;
    out.push(...items.flatMap((x, k) => punctuation(x, k === items.length - 1, where(x))));
    out.push(...lookFindings('Nơi nhận', items, want(D.item), where));
    if (a.kinhGui && !SAME_AS_ABOVE.test(items[0]!.text) && items.length > 1) {
      out.push(warning(where(items[0]!), `${ND30.appendix.docType} có “${ND30.recipients.label}” thì nơi nhận đầu tiên thường là “- ${D.sameAsAbove};”: ${quote(items[0]!.text)}`));
    }
    return out;
  },
};

function punctuation(x: Line, last: boolean, where: string): Finding[] {
  const bad = (why: string) => [error(where, `${why}: ${quote(x.text, 60)}${decree(D.item.sizePt.says)}`)];
  if (!/^- \S/u.test(x.text)) return bad('Mỗi nơi nhận bắt đầu bằng “- ”');
  if (!last) return x.text.endsWith(';') ? [] : bad('Mỗi nơi nhận (trừ dòng cuối) kết thúc bằng dấu chấm phẩy “;”');
  if (!IS_ARCHIVE.test(x.text)) return bad(`Dòng cuối của nơi nhận phải là “${ARCHIVE}”`);
  if (!x.text.endsWith('.')) return bad(`Dòng “- ${D.archive}: …” kết thúc bằng dấu chấm “.”`);
  if (!ARCHIVE_FIRST.test(x.text)) return [warning(where, `Dòng “${D.archive}:” bắt đầu bằng ${D.archiveFirst} (Văn thư): ${quote(x.text, 60)}`)];
  return [];
}
