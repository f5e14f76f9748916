import { Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Cell, Table as TableModel } from '../../layout/model.js';
import { CELL_LINES, CELL_NO_BORDERS, NO_BORDERS, TABLE_LINES } from './run.js';

/**
 * A table of the model in pieces the Stamper keeps apart: the table's frame (fixed layout at the model's column
 * widths, borders single and visible or none at all) and each row's shape (never split across pages, the header
 * row repeated on every page with w:tblHeader, cell widths, margins, vertical alignment). A cell's content is a
 * paragraph holding `hole(k)`, which the writer replaces with the cell's own paragraphs: so a table of any length
 * costs the docx library one build per row shape, not one per table.
 */
export function tableFrame(t: TableModel, hole: string): Table {
  const width = t.columns.reduce((s, w) => s + w, 0);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: t.columns,
    borders: t.borders ? TABLE_LINES : NO_BORDERS,
    rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph(hole)] })] })],
  });
}

/** The shape of row r: everything but the cells' content, which stands as holes 0, 1, … */
export function tableRow(t: TableModel, r: number, hole: (k: number) => string): TableRow {
  const m = t.cellMargin;
  return new TableRow({
    cantSplit: !t.splitRows?.includes(r),
    ...(r < t.headerRows ? { tableHeader: true } : {}),
    children: t.rows[r]!.map((c: Cell, k) => new TableCell({
      width: { size: t.columns[k]!, type: WidthType.DXA },
      borders: t.borders ? CELL_LINES : CELL_NO_BORDERS,
      margins: { left: m.left, right: m.right, top: m.top, bottom: m.bottom },
      verticalAlign: c.valign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      children: [new Paragraph(hole(k))],
    })),
  });
}

/** What decides a row's XML apart from its cells' content: the key the Stamper keeps it under. */
export const rowShape = (t: TableModel, r: number): unknown => ({
  columns: t.columns, borders: t.borders, margin: t.cellMargin, split: t.splitRows?.includes(r) ?? false,
  header: r < t.headerRows, valign: t.rows[r]!.map((c) => c.valign),
});
