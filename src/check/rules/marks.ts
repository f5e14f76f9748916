import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { fold } from '../anatomy.js';
import type { Line } from '../model.js';
import { visible } from '../props.js';
import { decree, error, lookFindings, quote, span, want, type Check, type Finding } from '../rule.js';

/** Which mark a line is: secrecy (ô 10a) or circulation (ô 11), each with what the decree asks of it. */
export function markKind(l: Line) {
  const secret = (ND30.secrecy.words as readonly string[]).some((w) => fold(w) === fold(l.text));
  return secret
    ? { label: 'Dấu chỉ độ mật', look: ND30.secrecy, clause: CLAUSE.secrecy }
    : { label: 'Chỉ dẫn phạm vi lưu hành', look: ND30.circulation, clause: CLAUSE.circulation };
}

/** A mark's size, style and frame: `boxed` says whether it printed inside a rectangle. */
export function markFindings(l: Line, boxed: boolean, where: string): Finding[] {
  const { label, look } = markKind(l);
  const out = lookFindings(label, [l], want(look, { italic: undefined }), () => where);
  if (l.text !== l.text.toLocaleUpperCase('vi')) out.push(error(where, `${label} phải in hoa: ${quote(l.text)}${decree(look.sizePt.says)}`));
  if (!boxed) out.push(error(where, `${label} phải đặt trong khung chữ nhật viền đơn: ${quote(l.text)}${decree(look.sizePt.says)}`));
  return out;
}

/** A paragraph framed on all four sides, or set in a text box. */
export const boxedPara = (l: Line): boolean =>
  l.para.inTextBox || (['top', 'bottom', 'left', 'right'] as const).every((s) => visible(l.para.props.borders[s]));

export const marks: Check = {
  id: 'marks',
  doc: `Dấu chỉ độ mật (${ND30.secrecy.words.join(', ')}) và chỉ dẫn phạm vi lưu hành nếu có: in hoa, cỡ ${span(ND30.secrecy.sizePt)}, đậm, trong khung chữ nhật`,
  clause: `${CLAUSE.secrecy}; ${CLAUSE.circulation}`,
  check({ a }) {
    return a.marks.flatMap((l) => markFindings(l, boxedPara(l), 'header'));
  },
};
