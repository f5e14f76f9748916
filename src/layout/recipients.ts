import { AlignmentType, Paragraph } from 'docx';
import { ND30 } from './nd30.js';
import { run } from './run.js';
import { textWidthPt } from './text-width.js';
import { mmToTwip, ptToTwip } from './units.js';

const LABEL = 'Kính gửi';

/**
 * Kính gửi. One recipient: on the label's line, centred, ending with ".". Several: "Kính gửi:" then one
 * "- …;" line each, the dashes aligned under the colon, the last ending with ".".
 * `to` comes without end punctuation (the caller strips it): this builder may run on placeholders.
 */
export function recipients(to: readonly string[]): Paragraph[] {
  const r = ND30.recipients;
  const s = { sizePt: r.sizePt };
  const spacing = (first: boolean, last: boolean) => ({ before: first ? ptToTwip(r.spaceBeforePt) : 0, after: last ? ptToTwip(r.spaceAfterPt) : 0 });
  const names = to;
  if (names.length === 1) {
    return [new Paragraph({ style: 'Recipients', alignment: AlignmentType.CENTER, spacing: spacing(true, true), children: [run(`${LABEL}: ${names[0]}.`, s)] })];
  }
  const labelStart = mmToTwip(r.listIndentMm);
  const dashAt = labelStart + ptToTwip(textWidthPt(LABEL, r.sizePt, false));
  const dash = ptToTwip(textWidthPt('- ', r.sizePt, false));
  const head = new Paragraph({ style: 'Recipients', indent: { left: labelStart }, spacing: spacing(true, false), children: [run(`${LABEL}:`, s)] });
  const items = names.map((name, i) => {
    const last = i === names.length - 1;
    return new Paragraph({
      style: 'Recipients',
      alignment: AlignmentType.LEFT,
      // A hanging indent keeps a wrapped recipient's second line under its text, not under the dash.
      indent: { left: dashAt + dash, hanging: dash },
      spacing: spacing(false, last),
      children: [run(`- ${name}${last ? '.' : ';'}`, s)],
    });
  });
  return [head, ...items];
}
