import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import type { BodyParagraph } from '../template/markup.js';
import { ND30 } from './nd30.js';
import { run } from './run.js';
import { lineMultiple, mmToTwip, ptToTwip } from './units.js';

/** Nội dung: justified, first-line indent 1.27 cm, 6 pt after, line spacing as a multiple ("auto"). */
export function bodyParagraph(spans: BodyParagraph): Paragraph {
  const b = ND30.body;
  return new Paragraph({
    style: 'Body',
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwip(b.firstLineMm) },
    // lineRule "auto" on purpose: LibreOffice reads a bare w:line as an exact height and squeezes 14 pt text.
    spacing: { before: 0, after: ptToTwip(b.spaceAfterPt), line: lineMultiple(b.lineMultiple), lineRule: LineRuleType.AUTO },
    children: spans.map((s) => run(s.text, { sizePt: b.sizePt, bold: s.bold })),
  });
}
