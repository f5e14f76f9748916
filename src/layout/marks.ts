import { ND30 } from '../decree/nd30.js';
import type { Letter } from '../schema/letter.js';
import { upperVi } from '../template/vn.js';
import { para, run } from './blocks.js';
import type { Para } from './model.js';
import { HOUSE } from './params.js';
import { textWidthPt } from './text-width.js';
import { ptToTwip } from './units.js';

/**
 * The boxed marks under the V/v line, top to bottom as the decree numbers them: độ mật (ô 10a), mức độ khẩn
 * (ô 10b), phạm vi lưu hành (ô 11). Each is upper case, bold, in a single-line frame as wide as the word, centred
 * in the column; the frame is the paragraph's border, so it stays editable.
 */
export function markBoxes(letter: Letter, column: number): Para[] {
  const marks: [string | undefined, { sizePt: { value: number } }, 'secrecy' | 'urgency' | 'circulation'][] = [
    [letter.secrecy, ND30.secrecy, 'secrecy'],
    [letter.urgency, ND30.urgency, 'urgency'],
    [letter.circulation, ND30.circulation, 'circulation'],
  ];
  return marks.filter(([word]) => word).map(([word, look, role]) => markBox(upperVi(word!), look.sizePt.value, role, column));
}

function markBox(text: string, sizePt: number, role: 'secrecy' | 'urgency' | 'circulation', column: number): Para {
  const m = HOUSE.mark;
  const boxPt = Math.round(textWidthPt(text, sizePt, true) + 4 * m.boxPaddingPt + 2);
  const side = Math.max(0, Math.round((column - ptToTwip(boxPt)) / 2));
  return para(role, [run(text, { sizePt, bold: true })], {
    align: 'center', left: side, right: side, before: ptToTwip(m.spaceBeforePt), box: { padPt: m.boxPaddingPt, lineEighthsPt: m.lineEighthsPt },
  });
}
