/**
 * How many pages a DOCX prints on, estimated from what the file says: a page break, a second section or Word's
 * own note of a page ending settle it; otherwise the body is laid out roughly (Times metrics, each paragraph's
 * size, indents and spacing, tables row by row) against the first section's text area. Rough on purpose: it only
 * decides whether a letter without page numbers needs them (the decree numbers pages from page 2).
 */
import { textWidthPt } from '../metrics/times.js';
import { inked, linesOf, sizePt, type DocModel, type Para, type TableInfo } from './model.js';
import { num } from './props.js';
import { child } from './xml.js';

/** Times New Roman's single line: ascent + descent + line gap, in ems. */
const SINGLE = 1.15;
/** Greedy line breaking leaves part of each line empty. */
const WRAP_WASTE = 1.06;
/** A4 with the decree's usual margins, when the file does not say (twips). */
const DEFAULT_PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 851 };

export function estimatePages(model: DocModel): number {
  if (model.sections.length > 1 || model.paras.some((p) => p.pageBreak)) return 2;
  const page = pageArea(model);
  let height = 0;
  const done = new Set<number>();
  for (const p of model.paras) {
    if (p.inTextBox) continue;
    if (!p.cell) height += paraHeight(p, page.width);
    else if (!done.has(p.cell.table)) {
      done.add(p.cell.table);
      height += tableHeight(model, model.tables[p.cell.table]!, page.width);
    }
  }
  return Math.max(1, Math.ceil(height / page.height));
}

/** Width and height of the first section's text area, in points. */
function pageArea(model: DocModel): { width: number; height: number } {
  const sect = model.sections[0];
  const sz = child(sect, 'w:pgSz')?.attrs ?? {};
  const mar = child(sect, 'w:pgMar')?.attrs ?? {};
  const tw = (v: string | undefined, d: number) => Math.abs(num(v) ?? d);
  const width = tw(sz['w:w'], DEFAULT_PAGE.width) - tw(mar['w:left'], DEFAULT_PAGE.left) - tw(mar['w:right'], DEFAULT_PAGE.right);
  const height = tw(sz['w:h'], DEFAULT_PAGE.height) - tw(mar['w:top'], DEFAULT_PAGE.top) - tw(mar['w:bottom'], DEFAULT_PAGE.bottom);
  return { width: width / 20, height: height / 20 };
}

/** A table's rows, each as tall as its tallest cell. */
function tableHeight(model: DocModel, t: TableInfo, fullWidth: number): number {
  const cols = Math.max(1, ...t.cells.map((c) => c.lastCol + 1));
  const rows = new Map<number, number>();
  for (const c of t.cells) {
    const grid = t.grid.slice(c.col, c.lastCol + 1).reduce((a, b) => a + b, 0) / 20;
    const width = grid > 0 ? grid : (fullWidth * (c.lastCol - c.col + 1)) / cols;
    const inCell = model.paras.filter((p) => p.cell?.table === t.index && p.cell.row === c.row && p.cell.col === c.col && !p.inTextBox);
    const h = inCell.reduce((sum, p) => sum + paraHeight(p, width), 0);
    rows.set(c.row, Math.max(rows.get(c.row) ?? 0, h));
  }
  return [...rows.values()].reduce((a, b) => a + b, 0);
}

/** Lines × line height + spacing, in points, for a paragraph laid out in `width` points. */
function paraHeight(p: Para, width: number): number {
  const { ind, spacing } = p.props;
  const avail = Math.max(36, width - ((ind.left ?? 0) + (ind.right ?? 0)) / 20);
  let lines = 0;
  let size = sizePt(p.mark);
  for (const line of linesOf(p)) {
    const runs = inked(line.runs);
    const w = runs.reduce((sum, r) => sum + textWidthPt(r.text, sizePt(r.props), r.props), 0);
    if (runs.length > 0) size = Math.max(...runs.map((r) => sizePt(r.props)));
    lines += Math.max(1, Math.ceil((w * WRAP_WASTE + Math.max(0, (ind.firstLine ?? 0) / 20)) / avail));
  }
  return lines * lineHeight(spacing, size) + ((spacing.before ?? 0) + (spacing.after ?? 0)) / 20;
}

function lineHeight(spacing: Para['props']['spacing'], size: number): number {
  const natural = size * SINGLE;
  if (spacing.line === undefined) return natural;
  if (spacing.lineRule === 'exact') return spacing.line / 20;
  if (spacing.lineRule === 'atLeast') return Math.max(natural, spacing.line / 20);
  return (natural * spacing.line) / 240;
}
