import type { Line } from '../model.js';
import { error, lookFindings, quote, warning, type Check, type Finding } from '../rule.js';

export const noiNhan: Check = {
  id: 'noi-nhan',
  doc: '“Nơi nhận:” cỡ 12, đậm nghiêng; mỗi mục cỡ 11 bắt đầu “- ”, kết thúc “;”, mục cuối “- Lưu: VT, …” kết thúc “.”',
  check({ a }) {
    const l = a.noiNhan;
    if (!l) return [error('noi-nhan', 'Không tìm thấy “Nơi nhận:” ở cuối văn bản')];
    const out: Finding[] = [];
    if (l.text !== 'Nơi nhận:') out.push(error('noi-nhan', `Phải viết “Nơi nhận:” (có dấu hai chấm, riêng một dòng): ${quote(l.text)}`));
    out.push(...lookFindings('Chữ “Nơi nhận”', [l], { size: [12, 12], bold: true, italic: true }, () => 'noi-nhan'));
    const items = a.noiNhanItems;
    if (items.length === 0) return [...out, error('noi-nhan', 'Dưới “Nơi nhận:” không có nơi nhận nào (mỗi nơi một dòng “- …;”, dòng cuối “- Lưu: VT, ….”)')];
    const where = (x: Line) => `noi-nhan ¶${items.indexOf(x) + 1}`;
    out.push(...items.flatMap((x, k) => punctuation(x, k === items.length - 1, where(x))));
    out.push(...lookFindings('Nơi nhận', items, { size: [11, 11], bold: false, italic: false }, where));
    if (a.kinhGui && !/^- Như trên\s*;?$/u.test(items[0]!.text) && items.length > 1) {
      out.push(warning(where(items[0]!), `Công văn có “Kính gửi” thì nơi nhận đầu tiên thường là “- Như trên;”: ${quote(items[0]!.text)}`));
    }
    return out;
  },
};

function punctuation(x: Line, last: boolean, where: string): Finding[] {
  const bad = (why: string) => [error(where, `${why}: ${quote(x.text, 60)}`)];
  if (!/^- \S/u.test(x.text)) return bad('Mỗi nơi nhận bắt đầu bằng “- ”');
  if (!last) return x.text.endsWith(';') ? [] : bad('Mỗi nơi nhận (trừ dòng cuối) kết thúc bằng dấu chấm phẩy “;”');
  if (!/^- Lưu\s*:/u.test(x.text)) return bad('Dòng cuối của nơi nhận phải là “- Lưu: VT, …”');
  if (!x.text.endsWith('.')) return bad('Dòng “- Lưu: …” kết thúc bằng dấu chấm “.”');
  if (!/^- Lưu\s*:\s*VT\b/u.test(x.text)) return [warning(where, `Dòng “Lưu:” bắt đầu bằng VT (Văn thư): ${quote(x.text, 60)}`)];
  return [];
}
