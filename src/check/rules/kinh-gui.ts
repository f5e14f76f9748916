import { inked, type Line } from '../model.js';
import { error, lookFindings, quote, warning, type Check, type Finding } from '../rule.js';

export const kinhGui: Check = {
  id: 'kinh-gui',
  doc: '“Kính gửi:” cỡ 14 (13–14), đứng; một nơi nhận cùng dòng, kết thúc “.”; nhiều nơi nhận mỗi dòng “- …;”, dòng cuối “.”',
  check({ a }) {
    const l = a.kinhGui;
    if (!l) return [error('kinh-gui', 'Không tìm thấy “Kính gửi:” sau phần đầu văn bản')];
    const all = [l, ...a.recipients];
    const out = [...punctuation(l, a.recipients), ...lookFindings('Kính gửi', all, { size: [13, 14], italic: false }, () => 'kinh-gui')];
    if (all.some((x) => inked(x.runs).some((r) => r.props.bold))) out.push(warning('kinh-gui', `“Kính gửi” và tên nơi nhận trình bày chữ đứng, không đậm: ${quote(l.text)}`));
    return out;
  },
};

function punctuation(l: Line, recipients: Line[]): Finding[] {
  const bad = (line: Line, why: string) => error('kinh-gui', `${why}: ${quote(line.text, 60)}`);
  if (!/^Kính gửi:/u.test(l.text)) return [bad(l, 'Phải viết “Kính gửi:” (có dấu hai chấm)')];
  const rest = l.text.replace(/^Kính gửi:\s*/u, '');
  if (rest !== '') return rest.endsWith('.') ? [] : [bad(l, 'Một nơi nhận viết cùng dòng “Kính gửi:” và kết thúc bằng dấu chấm “.”')];
  if (recipients.length === 0) return [bad(l, 'Sau “Kính gửi:” không có nơi nhận (mỗi nơi nhận một dòng bắt đầu “- ”)')];
  return recipients.flatMap((r, k) => {
    const last = k === recipients.length - 1;
    if (!/^- \S/u.test(r.text)) return [bad(r, 'Mỗi nơi nhận bắt đầu bằng “- ”')];
    if (last && !r.text.endsWith('.')) return [bad(r, 'Nơi nhận cuối cùng kết thúc bằng dấu chấm “.”')];
    if (!last && !r.text.endsWith(';')) return [bad(r, 'Mỗi nơi nhận (trừ nơi cuối) kết thúc bằng dấu chấm phẩy “;”')];
    return [];
  });
}
