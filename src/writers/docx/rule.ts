import { BorderStyle, LineRuleType, Paragraph } from 'docx';
import type { Rule } from '../../layout/model.js';
import { HOUSE } from '../../layout/params.js';
import { FONT } from './run.js';
import { ptToHalfPt } from './units.js';

/**
 * The solid rule under the issuer and under the motto (đường kẻ ngang, nét liền): an empty, thin paragraph
 * with a bottom border, its length set by left/right indents, so it stays a real, editable line in Word
 * (underscores or drawn shapes drift when the text is edited).
 */
export function ruleParagraph(r: Rule): Paragraph {
  const side = Math.max(0, Math.round((r.width - r.length) / 2));
  return new Paragraph({
    style: 'Rule',
    indent: { left: side, right: side },
    // Auto line spacing on a 2 pt paragraph mark keeps the paragraph thin without an exact line height.
    spacing: { before: r.spaceBefore, after: r.spaceAfter, line: 240, lineRule: LineRuleType.AUTO },
    run: { font: FONT, size: ptToHalfPt(HOUSE.rule.lineSizePt) },
    border: { bottom: { style: BorderStyle.SINGLE, size: r.strokeEighthsPt, color: '000000', space: 1 } },
  });
}
