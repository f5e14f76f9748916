import { BorderStyle, LineRuleType, Paragraph } from 'docx';
import { FONT } from './run.js';
import { ND30 } from './nd30.js';
import { ptToTwip } from './units.js';

/**
 * The solid rule under the issuer and under the motto (đường kẻ ngang, nét liền): an empty, thin paragraph
 * with a bottom border, its length set by left/right indents, so it stays a real, editable line in Word
 * (underscores or drawn shapes drift when the text is edited).
 */
export function ruleLine(columnTwips: number, lengthPt: number): Paragraph {
  const length = Math.min(ptToTwip(lengthPt), columnTwips);
  const side = Math.max(0, Math.round((columnTwips - length) / 2));
  return new Paragraph({
    style: 'Rule',
    indent: { left: side, right: side },
    // Auto line spacing on a 2 pt paragraph mark keeps the paragraph thin without an exact line height.
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    run: { font: FONT, size: ND30.rule.lineSizePt * 2 },
    border: { bottom: { style: BorderStyle.SINGLE, size: ND30.rule.borderEighthsPt, color: '000000', space: 1 } },
  });
}

