import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { inked, type Line } from '../model.js';
import { decree, error, lookFindings, quote, span, want, warning, type PartCheck, type Finding } from '../rule.js';

const LABEL = ND30.recipients.label;
const SAYS = ND30.recipients.sizePt.says;

export const kinhGui: PartCheck = {
  id: 'kinh-gui',
  doc: `“${LABEL}:” cỡ ${span(ND30.recipients.sizePt)}, đứng; một nơi nhận cùng dòng, kết thúc “.”; nhiều nơi nhận mỗi dòng “- …;”, dòng cuối “.”`,
  clause: CLAUSE.recipients,
  check({ a }) {
    const l = a.kinhGui;
    if (!l) return [error('kinh-gui', `Không tìm thấy “${LABEL}:” sau phần đầu văn bản`)];
    const all = [l, ...a.recipients];
    const out = [...punctuation(l, a.recipients), ...lookFindings(LABEL, all, want(ND30.recipients, { bold: undefined }), () => 'kinh-gui')];
    if (all.some((x) => inked(x.runs).some((r) => r.props.bold))) out.push(warning('kinh-gui', `“${LABEL}” và tên nơi nhận trình bày chữ đứng, không đậm: ${quote(l.text)}${decree(SAYS)}`));
    return out;
  },
};

function punctuation(l: Line, recipients: Line[]): Finding[] {
  const bad = (line: Line, why: string) => error('kinh-gui', `${why}: ${quote(line.text, 60)}`);
  if (!l.text.startsWith(`${LABEL}:`)) return [bad(l, `Phải viết “${LABEL}:” (có dấu hai chấm)`)];
  const rest = l.text.slice(LABEL.length + 1).trim();
  if (rest !== '') return rest.endsWith('.') ? [] : [bad(l, `Một nơi nhận viết cùng dòng “${LABEL}:” và kết thúc bằng dấu chấm “.”`)];
  if (recipients.length === 0) return [bad(l, `Sau “${LABEL}:” không có nơi nhận (mỗi nơi nhận một dòng bắt đầu “- ”)`)];
  return recipients.flatMap((r, k) => {
    const last = k === recipients.length - 1;
    if (!/^- \S/u.test(r.text)) return [bad(r, 'Mỗi nơi nhận bắt đầu bằng “- ”')];
    if (last && !r.text.endsWith('.')) return [bad(r, 'Nơi nhận cuối cùng kết thúc bằng dấu chấm “.”')];
    if (!last && !r.text.endsWith(';')) return [bad(r, 'Mỗi nơi nhận (trừ nơi cuối) kết thúc bằng dấu chấm phẩy “;”')];
    return [];
  });
}
