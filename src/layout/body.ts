import { ND30 } from '../decree/nd30.js';
import type { BodyParagraph } from '../template/markup.js';
import { para, run } from './blocks.js';
import type { Para } from './model.js';
import { mmToTwip, ptToTwip } from './units.js';

/** Nội dung: justified, first-line indent 1.27 cm, 6 pt after, line spacing as a multiple. */
export function bodyPara(spans: BodyParagraph, sizePt: number = ND30.body.sizePt.value): Para {
  const b = ND30.body;
  return para('body', spans.map((s) => run(s.text, { sizePt, bold: s.bold })), {
    align: 'justify', firstLine: mmToTwip(b.firstLineMm.value), after: ptToTwip(b.spaceAfterPt.value), lineMultiple: b.lineMultiple.value,
  });
}
