/**
 * The solid rule under the issuer and under the motto, found whichever way it was drawn: the text underlined, a
 * bottom border on its paragraph or on an empty paragraph below (width set by indents), or a
 * straight line shape (DrawingML line or connector, VML line) anchored nearby — inside the same table cell or
 * text box, or, as Word anchors floating lines wherever the mouse was, anywhere in the header. A drawn line
 * belongs to the text it is horizontally closest to, so the issuer's rule is never taken for the motto's.
 * The rule's span, where the file gives it, measures its length against the text's.
 */
import type { Range } from '../decree/nd30.js';
import { sameContainer } from './anatomy.js';
import { inked, isEmpty, linesOf, type DocModel, type Line, type Para } from './model.js';
import { center, containerSpan, placed, runsWidth, textArea, textSpan, width, type Span } from './place.js';
import { visible } from './props.js';
import { decree, error, vn, warning, type Finding } from './rule.js';

export interface RuleFound {
  /** 'spaces': underlined spaces at the end of a paragraph, which Word and LibreOffice print without a line. */
  state: 'ok' | 'chars' | 'spaces' | 'missing';
  /** Where the rule prints, when the file says. */
  span?: Span;
}

/** Lines typed with characters instead of drawn: "______", "────", "-----" (not underlined spaces, which print a line). */
const TYPED = /^(?=.*[^\s])[\s_\-‐‑–—―─━=.·…]{3,}$/u;

export function ruleUnder(model: DocModel, line: Line, headerParas: Para[], rivals: readonly Line[]): RuleFound {
  const p = line.para;
  const ink = inked(line.runs);
  if (ink.length > 0 && ink.every((r) => r.props.underline)) return { state: 'ok', span: textSpan(model, line) };
  if (line.k === linesOf(p).length - 1 && visible(p.props.borders.bottom)) return { state: 'ok', span: borderSpan(model, p) };
  for (const next of following(model, p).slice(0, 3)) {
    if (TYPED.test(next.text)) return { state: 'chars' };
    if (!isEmpty(next)) break;
    if (visible(next.props.borders.bottom) || visible(next.props.borders.top)) return { state: 'ok', span: borderSpan(model, next) };
    const spaces = linesOf(next)[0]!;
    if (spaces.runs.some((r) => r.props.underline && r.text !== '')) return { state: 'spaces' };
    if (next.hasLine) break;
  }
  const drawn = (paras: Para[]) => paras.flatMap((q) => q.lines.map((place) => ({ q, span: lineSpan(model, q, place) })));
  const mine = (found: { q: Para; span?: Span }[]) => pick(model, line, rivals, found);
  // Word anchors floating lines wherever the mouse was: a drawn line anywhere in the header may be this one.
  return mine(drawn(neighbours(model, p))) ?? mine(drawn(headerParas)) ?? { state: 'missing' };
}

/**
 * The solid rule above a block (the contact block's, ô 13): a top border on its first paragraph, a bottom (or top)
 * border on the empty paragraph just above it, or a straight line drawn there — in a header or footer, anywhere in
 * the part, where Word anchors floating lines. `paras` are the paragraphs of the block's part.
 */
export function ruleAbove(model: DocModel, line: Line, paras: Para[]): RuleFound {
  const p = line.para;
  if (line.k === 0 && visible(p.props.borders.top)) return { state: 'ok', span: borderSpan(model, p) };
  const above = paras.slice(0, paras.indexOf(p)).filter((q) => sameContainer(p, q)).reverse();
  const text = above.findIndex((q) => !isEmpty(q));
  const empty = text < 0 ? above : above.slice(0, text);
  const next = empty[0];
  if (next && (visible(next.props.borders.bottom) || visible(next.props.borders.top))) return { state: 'ok', span: borderSpan(model, next) };
  if (above[0] && TYPED.test(above[0].text)) return { state: 'chars' };
  const near = p.part === 'document' ? [p, ...empty] : paras;
  const drawn = near.flatMap((q) => q.lines.map((place) => lineSpan(model, q, place)));
  if (drawn.length === 0) return { state: 'missing' };
  // The widest of the lines drawn there whose place is known: the others may be anything.
  const known = drawn.filter((s): s is Span => s !== undefined).sort((a, b) => width(b) - width(a));
  return { state: 'ok', span: known[0] };
}

/** A paragraph border runs across the paragraph: its container less its indents. */
function borderSpan(model: DocModel, p: Para): Span | undefined {
  const box = containerSpan(model, p);
  if (!box) return undefined;
  return { left: box.left + (p.props.ind.left ?? 0) / 20, right: box.right - (p.props.ind.right ?? 0) / 20, certain: box.certain };
}

function lineSpan(model: DocModel, q: Para, place: Para['lines'][number]): Span | undefined {
  const box = containerSpan(model, q);
  return box && placed(place, box, textArea(model).marginLeft);
}

/**
 * The drawn line that belongs to `line`: the nearest to it, horizontally, among lines that are not nearer to a
 * rival text. Lines whose place is unknown count only when nothing better is known.
 */
function pick(model: DocModel, line: Line, rivals: readonly Line[], found: { q: Para; span?: Span }[]): RuleFound | undefined {
  if (found.length === 0) return undefined;
  const mine = textSpan(model, line);
  if (!mine) return { state: 'ok', span: found[0]!.span };
  const others = rivals.map((r) => textSpan(model, r)).filter((s): s is Span => s !== undefined);
  const distance = (a: Span, b: Span) => Math.abs(center(a) - center(b));
  const ours = found
    .filter((f) => f.span === undefined || others.every((o) => distance(f.span!, mine) <= distance(f.span!, o)))
    .filter((f) => f.span === undefined || distance(f.span, mine) <= width(mine) / 2 + 12)
    .sort((a, b) => (a.span ? distance(a.span, mine) : Infinity) - (b.span ? distance(b.span, mine) : Infinity));
  return ours[0] ? { state: 'ok', span: ours[0].span } : undefined;
}

/** Paragraphs after p in the same container (the same table cell, the same text box, or the page body). */
function following(model: DocModel, p: Para): Para[] {
  return model.paras.slice(p.index + 1).filter((q) => sameContainer(p, q));
}


/** Where a drawn line may be anchored: the same cell or text box, or three paragraphs either side. */
function neighbours(model: DocModel, p: Para): Para[] {
  if (p.cell || p.box) return model.paras.filter((q) => q === p || sameContainer(p, q));
  return model.paras.slice(Math.max(0, p.index - 3), p.index + 4).filter((q) => !q.cell);
}

/** The message for a rule that is typed or missing, quoting the decree's words for the rule. */
export function ruleFindings(what: string, found: RuleFound, textWidth: number | undefined, fraction: Range): Finding[] {
  if (found.state === 'chars') {
    return [error('header', `Đường kẻ dưới ${what} gõ bằng ký tự; nên vẽ bằng đường viền đoạn văn, gạch chân hoặc đường thẳng (nét liền)${decree(fraction.says)}`)];
  }
  if (found.state === 'spaces') {
    return [error('header', `Đường kẻ dưới ${what} là một dòng khoảng trắng gạch chân: Word và LibreOffice không in gạch chân ở khoảng trắng cuối đoạn, nên bản in không có đường kẻ${decree(fraction.says)}`)];
  }
  if (found.state === 'missing') return [error('header', `Thiếu đường kẻ ngang nét liền dưới ${what}${decree(fraction.says)}`)];
  if (!found.span || !textWidth) return [];
  const ratio = width(found.span) / textWidth;
  const [lo, hi] = fraction.allowed;
  // A twentieth of the text's width either way: rules are drawn by hand and measured here by estimate.
  if (ratio >= lo - 0.05 && ratio <= hi + 0.05) return [];
  const say = found.span.certain ? error : warning;
  const why = found.span.certain ? '' : ' (ước tính: độ rộng ô bảng ghi trong tệp không thống nhất)';
  return [say('header', `Đường kẻ dưới ${what} dài ${vn(width(found.span) * 25.4 / 72)} mm, bằng ${vn(ratio * 100, 0)}% dòng chữ${why}${decree(fraction.says)}`)];
}

/** The printed width of the widest of some lines, in points. */
export const widest = (lines: readonly Line[]): number => Math.max(0, ...lines.map((l) => runsWidth(l.runs)));
