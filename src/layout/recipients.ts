import { ND30 } from '../decree/nd30.js';
import { stripEndPunct } from '../template/vn.js';
import { para, run } from './blocks.js';
import type { Para } from './model.js';
import { HOUSE } from './params.js';
import { textWidthPt } from './text-width.js';
import { mmToTwip, ptToTwip } from './units.js';

/**
 * Kính gửi. One recipient: on the label's line, centred, ending with ".". Several: "Kính gửi:" then one
 * "- …;" line each, the dashes aligned under the colon, the last ending with ".".
 */
export function recipientsBlock(to: readonly string[]): Para[] {
  const r = HOUSE.recipients;
  const { label, sizePt } = ND30.recipients;
  const look = { sizePt: sizePt.value };
  const spacing = (first: boolean, last: boolean) => ({ before: first ? ptToTwip(r.spaceBeforePt) : 0, after: last ? ptToTwip(r.spaceAfterPt) : 0 });
  const names = to.map(stripEndPunct);
  if (names.length === 1) return [para('recipients', [run(`${label}: ${names[0]}.`, look)], { align: 'center', ...spacing(true, true) })];
  const labelStart = mmToTwip(r.listIndentMm);
  const dashAt = labelStart + ptToTwip(textWidthPt(label, look.sizePt, false));
  const dash = ptToTwip(textWidthPt('- ', look.sizePt, false));
  const head = para('recipients', [run(`${label}:`, look)], { left: labelStart, ...spacing(true, false) });
  // A hanging indent keeps a wrapped recipient's second line under its text, not under the dash.
  const items = names.map((name, i) => {
    const last = i === names.length - 1;
    return para('recipients', [run(`- ${name}${last ? '.' : ';'}`, look)], { align: 'left', left: dashAt + dash, hanging: dash, ...spacing(false, last) });
  });
  return [head, ...items];
}
