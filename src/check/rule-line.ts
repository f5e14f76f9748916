import { isEmpty, linesOf, type DocModel, type Line, type Para } from './model.js';
import { visible } from './props.js';
import { sameCell } from './anatomy.js';
import { decree } from './rule.js';

export type RuleLine = 'ok' | 'chars' | 'missing';

/** Lines typed with characters instead of drawn: "______", "────", "-----". */
const TYPED = /^[\s_\-‐‑–—―─━=.·…]{3,}$/u;

/**
 * Whether a solid rule is drawn under `line`: a bottom border on its paragraph (when it is the paragraph's last
 * line), a border on an empty paragraph right after, or a line shape anchored nearby or, failing that, anywhere
 * in the header block.
 * Word, LibreOffice and hand-made files use all three.
 */
export function ruleUnder(model: DocModel, line: Line, headerParas: Para[]): RuleLine {
  const p = line.para;
  const last = line.k === linesOf(p).length - 1;
  if ((last && visible(p.props.borders.bottom)) || p.hasLine) return 'ok';
  for (const next of following(model, p).slice(0, 3)) {
    if (TYPED.test(next.text)) return 'chars';
    if (!isEmpty(next)) break;
    if (visible(next.props.borders.bottom) || visible(next.props.borders.top) || next.hasLine) return 'ok';
  }
  if (neighbours(model, p).some((q) => q.hasLine)) return 'ok';
  // Word anchors floating lines wherever the mouse was; a drawn line anywhere in the header may be this one.
  return headerParas.some((q) => q.hasLine) ? 'ok' : 'missing';
}

/** Paragraphs after p in the same container (the same table cell, or the page body). */
function following(model: DocModel, p: Para): Para[] {
  return model.paras.slice(p.index + 1).filter((q) => together(p, q));
}

const together = (p: Para, q: Para) => (p.cell ? sameCell(p, q) : !q.cell && !q.inTextBox);

/** Where a drawn line may be anchored: the same cell, or three paragraphs either side. */
function neighbours(model: DocModel, p: Para): Para[] {
  if (p.cell) return model.paras.filter((q) => sameCell(p, q));
  return model.paras.slice(Math.max(0, p.index - 3), p.index + 4);
}

/** The message for a rule that is typed or missing, quoting the decree's words for the rule. */
export function ruleMessage(what: string, state: RuleLine, says: string): string | undefined {
  if (state === 'chars') return `Đường kẻ dưới ${what} gõ bằng ký tự; nên vẽ bằng đường viền đoạn văn, gạch chân hoặc đường thẳng (nét liền)${decree(says)}`;
  if (state === 'missing') return `Thiếu đường kẻ ngang nét liền dưới ${what}${decree(says)}`;
  return undefined;
}
