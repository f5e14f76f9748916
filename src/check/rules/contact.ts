import { CLAUSE, ND30 } from '../../decree/nd30.js';
import type { ContactPlace } from '../anatomy.js';
import type { Line } from '../model.js';
import { textArea, width } from '../place.js';
import { ruleAbove, type RuleFound } from '../rule-line.js';
import { decree, error, lookFindings, span, vn, want, warning, type Check, type Finding } from '../rule.js';

const C = ND30.contact;
const WHAT = 'Thông tin liên hệ';

/**
 * Where the block prints, said when it is not page 1 alone. The decree puts it on the first page only; a block in
 * the default footer of a section without a distinct first page prints there too, and on every other page.
 */
const PLACES: Record<Exclude<ContactPlace, 'first-page'>, (where: string) => Finding> = {
  'every-page': (w) => warning(w, `${WHAT} in ở mọi trang (chân trang chung), Nghị định chỉ đặt ở trang thứ nhất: chỉ để khối này ở chân trang của trang đầu (bật "Trang đầu khác")${decree(C.sizePt.says)}`),
  'other-footer': (w) => error(w, `${WHAT} nằm ở chân trang không in ở trang thứ nhất (chân trang chung khi đã bật "Trang đầu khác", hoặc chân trang của phần sau): phải đặt ở chân trang của trang đầu${decree(C.sizePt.says)}`),
  'first-footer-off': (w) => error(w, `${WHAT} nằm ở chân trang của trang đầu nhưng chưa bật "Trang đầu khác" (w:titlePg), nên không được in${decree(C.sizePt.says)}`),
  'later-page': (w) => error(w, `${WHAT} nằm ở trang sau, không ở trang thứ nhất${decree(C.sizePt.says)}`),
  'last-page': (w) => warning(w, `${WHAT} ở cuối một văn bản dài hơn một trang nên in ở trang cuối, không ở trang thứ nhất: nên đặt ở chân trang của trang đầu${decree(C.sizePt.says)}`),
};

/** The rule above the block: drawn, solid, across the text area (its width in points, when known). */
function ruleFindings(found: RuleFound, textWidth: number | undefined, where: string): Finding[] {
  const says = decree(C.ruleFraction.says);
  if (found.state === 'missing') return [error(where, `Thiếu đường kẻ ngang nét liền phía trên ${WHAT.toLowerCase()}${says}`)];
  if (found.state !== 'ok') return [error(where, `Đường kẻ phía trên ${WHAT.toLowerCase()} gõ bằng ký tự; nên vẽ bằng đường viền đoạn văn hoặc đường thẳng (nét liền)${says}`)];
  if (!found.span || !textWidth) return [];
  const ratio = width(found.span) / textWidth;
  const [lo, hi] = C.ruleFraction.allowed;
  if (ratio >= lo && ratio <= hi) return [];
  const say = found.span.certain ? error : warning;
  const mm = (pt: number) => vn((pt * 25.4) / 72);
  return [say(where, `Đường kẻ phía trên ${WHAT.toLowerCase()} dài ${mm(width(found.span))} mm, bằng ${vn(ratio * 100, 0)}% chiều ngang vùng trình bày văn bản (${mm(textWidth)} mm)${says}`)];
}

/** Everything the contact block is judged on, in a DOCX as in a PDF: its look, where it prints, the rule above it. */
export function contactFindings(lines: readonly Line[], place: ContactPlace | undefined, rule: RuleFound, textWidth: number | undefined, where: (l: Line) => string): Finding[] {
  const at = where(lines[0]!);
  const out = lookFindings(WHAT, lines, want(C, { bold: undefined }), where);
  if (place && place !== 'first-page') out.push(PLACES[place](at));
  return [...out, ...ruleFindings(rule, textWidth, at)];
}

export const contact: Check = {
  id: 'contact',
  doc: `${WHAT} nếu có (ô 13: ${Object.values(C.labels).join(', ')}): ở trang thứ nhất (chân trang của trang đầu hoặc cuối trang đầu), cỡ ${span(C.sizePt)}, chữ đứng, dưới đường kẻ nét liền hết chiều ngang vùng trình bày`,
  clause: CLAUSE.contact,
  check({ model, a }) {
    const first = a.contact[0];
    if (!first) return [];
    const part = first.para.part === 'document' ? model.paras : ([...model.parts.values()].find((p) => p.name === first.para.part)?.paras ?? []);
    return contactFindings(a.contact, a.contactPlace, ruleAbove(model, first, part), textArea(model).width, (l) => a.where(l.para));
  },
};
