/**
 * Where things print across the page, estimated from the file: a span of points from the left edge of the
 * text area (the left margin) for a line of text (its container — table cell, text box, or the text area —, its
 * indents, alignment or tab stop, and its width in Times metrics) and for a drawn rule. Enough to tell which
 * text a rule is drawn under and how long it is against the text. Undefined where the file does not say.
 */
import { textWidthPt } from '../metrics/times.js';
import type { Placement } from './drawing.js';
import { inked, sizePt, type DocModel, type Line, type Para, type Run } from './model.js';
import { num } from './props.js';
import { child } from './xml.js';

export interface Span {
  left: number;
  right: number;
  /** False when the file's own numbers disagree (a cell whose w:tcW and grid differ): Word and LibreOffice then print different widths. */
  certain: boolean;
}

export const width = (s: Span): number => s.right - s.left;
export const center = (s: Span): number => (s.left + s.right) / 2;

/** The first section's text area and left margin, in points. */
export function textArea(model: DocModel): { width: number; marginLeft: number } {
  const sect = model.sections[0];
  const sz = child(sect, 'w:pgSz')?.attrs ?? {};
  const mar = child(sect, 'w:pgMar')?.attrs ?? {};
  const marginLeft = (num(mar['w:left']) ?? 1701) / 20;
  return { width: (num(sz['w:w']) ?? 11906) / 20 - marginLeft - (num(mar['w:right']) ?? 851) / 20, marginLeft };
}

/** The printed width of runs, in points. */
export const runsWidth = (runs: readonly Run[]): number =>
  inked(runs).reduce((sum, r) => sum + textWidthPt(r.text, sizePt(r.props), r.props), 0) +
  // Spaces between inked runs print too.
  runs.filter((r) => !/\S/.test(r.text)).reduce((sum, r) => sum + textWidthPt(r.text, sizePt(r.props), r.props), 0);

/** The span of the container a paragraph is laid out in: its table cell, its text box, or the text area. */
export function containerSpan(model: DocModel, p: Para): Span | undefined {
  const area = textArea(model);
  if (p.cell) {
    const t = model.tables[p.cell.table];
    const cell = t?.cells.find((c) => c.row === p.cell!.row && c.col === p.cell!.col);
    if (!t || !cell) return undefined;
    const grid = t.grid.length > cell.lastCol ? t.grid : undefined;
    const left = grid ? grid.slice(0, cell.col).reduce((a, b) => a + b, 0) / 20 : undefined;
    const gridWidth = grid ? grid.slice(cell.col, cell.lastCol + 1).reduce((a, b) => a + b, 0) / 20 : undefined;
    const own = cell.width === undefined ? undefined : cell.width / 20;
    const w = gridWidth ?? own;
    if (left === undefined || w === undefined) return undefined;
    const certain = own === undefined || gridWidth === undefined || Math.abs(own - gridWidth) <= Math.max(2, 0.03 * gridWidth);
    const margin = cell.margin ?? t.cellMargin;
    return { left: left + margin.left / 20, right: left + w - margin.right / 20, certain };
  }
  if (p.box) {
    const box = placed(p.box.place, { left: 0, right: area.width, certain: true }, area.marginLeft);
    return box;
  }
  return { left: 0, right: area.width, certain: true };
}

/** Where an object placed by `place` prints, given the span of the container it is anchored in. */
export function placed(place: Placement, container: Span, marginLeft: number): Span | undefined {
  if (place.width === undefined) return undefined;
  const origin = place.relative === 'page' ? -marginLeft : place.relative === 'margin' ? 0 : container.left;
  if (place.x !== undefined && place.relative !== 'inline' && place.relative !== 'character') {
    return { left: origin + place.x, right: origin + place.x + place.width, certain: container.certain };
  }
  if (place.align === 'center' || place.relative === 'inline') {
    // An inline object sits where its paragraph's text does; these rules are in centred paragraphs.
    const mid = place.relative === 'margin' || place.relative === 'page' ? undefined : center(container);
    if (mid === undefined) return undefined;
    return { left: mid - place.width / 2, right: mid + place.width / 2, certain: container.certain };
  }
  return undefined;
}

/** The span a line of text prints on, from its container, indents, alignment or tab stop, and its width. */
export function textSpan(model: DocModel, line: Line): Span | undefined {
  const box = containerSpan(model, line.para);
  if (!box) return undefined;
  const w = runsWidth(line.runs);
  const { ind, jc, tabs } = line.para.props;
  const left = box.left + (ind.left ?? 0) / 20;
  const right = box.right - (ind.right ?? 0) / 20;
  if (line.tabs) {
    // Placed by the tab stop it follows (custom stops only: default stops depend on the reader).
    const stop = tabs?.[line.tabs - 1];
    if (!stop) return undefined;
    const at = box.left + stop.pos / 20;
    if (stop.val === 'center') return { left: at - w / 2, right: at + w / 2, certain: box.certain };
    if (stop.val === 'right') return { left: at - w, right: at, certain: box.certain };
    return { left: at, right: at + w, certain: box.certain };
  }
  if (jc === 'center') {
    const mid = (left + right) / 2;
    return { left: mid - w / 2, right: mid + w / 2, certain: box.certain };
  }
  if (jc === 'right' || jc === 'end') return { left: right - w, right, certain: box.certain };
  const first = line.k === 0 ? ((ind.firstLine ?? 0) - (ind.hanging ?? 0)) / 20 : 0;
  return { left: left + first, right: left + first + w, certain: box.certain };
}

/**
 * How much wider a line prints than the room its paragraph has (its container less its indents), in points;
 * undefined when it fits or the room is unknown. A line that does not fit is wrapped by Word and LibreOffice.
 * Lines placed by tab stops are left out: their room depends on the stops.
 */
export function overflow(model: DocModel, line: Line): { width: number; room: number; certain: boolean } | undefined {
  if (line.tabs || line.segment !== undefined) return undefined;
  const box = containerSpan(model, line.para);
  if (!box) return undefined;
  const { ind } = line.para.props;
  const room = width(box) - ((ind.left ?? 0) + (ind.right ?? 0)) / 20 - (line.k === 0 ? Math.max(0, (ind.firstLine ?? 0) / 20) : 0);
  // Spaces at either end do not push a line to wrap.
  const ink = line.runs.map((r) => /\S/.test(r.text)).reduce((idx, on, k) => (on ? [idx[0] ?? k, k] : idx), [] as number[]);
  const w = ink.length ? runsWidth(line.runs.slice(ink[0], ink[1]! + 1).map((r, k, all) => ({ ...r, text: k === 0 ? r.text.trimStart() : k === all.length - 1 ? r.text.trimEnd() : r.text }))) : 0;
  return w > room + 0.5 ? { width: w, room, certain: box.certain } : undefined;
}
