import type { Block, Para } from './model.js';
import { textWidthPt } from './text-width.js';
import { twipToPt } from './units.js';

/** Word's single line for Times New Roman, in ems (Windows ascent + descent). */
const LINE_EM = 1.107;

/** How many lines a paragraph takes in `width` twips: words filled greedily, as Word and Typst both do. */
export function lineCount(p: Para, width: number): number {
  const ind = p.indent ?? {};
  const room = twipToPt(width - (ind.left ?? 0) - (ind.right ?? 0));
  let lines = 1;
  let used = twipToPt((ind.firstLine ?? 0) - (ind.hanging ?? 0));
  for (const run of p.runs) {
    for (const word of run.text.split(/(?<= )/u)) {
      const w = textWidthPt(word, run.sizePt, run.bold);
      if (used + w > room && used > 0) { lines += Math.ceil(Math.max(w - room, 0) / room) + 1; used = w % room; } else used += w;
    }
  }
  return lines;
}

/** Estimated height of a block in points (a keep group with its parts, a table by its tallest cells). */
export function heightPt(b: Block, width: number): number {
  switch (b.kind) {
    case 'para': {
      const size = Math.max(...b.runs.map((r) => r.sizePt), 1);
      return lineCount(b, width) * size * LINE_EM * (b.lineMultiple ?? 1) + twipToPt(b.spaceBefore + b.spaceAfter);
    }
    case 'rule': return 3 + twipToPt(b.spaceBefore + b.spaceAfter);
    case 'keep': return b.blocks.reduce((h, x) => h + heightPt(x, width), 0);
    case 'table': return b.rows.reduce((h, row) => h + rowHeightPt(row, b.columns, twipToPt(b.cellMargin.top + b.cellMargin.bottom), b.cellMargin.left + b.cellMargin.right), 0);
  }
}

/** A table row's height: its tallest cell, each cell's blocks in its column's width. */
export function rowHeightPt(row: { blocks: Block[] }[], columns: readonly number[], padPt: number, padTwips: number): number {
  return Math.max(...row.map((c, k) => c.blocks.reduce((h, x) => h + heightPt(x, columns[k]! - padTwips), 0) + padPt));
}
