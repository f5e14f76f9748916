import { Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type Paragraph } from 'docx';
import type { Cell, Table as TableModel } from '../../layout/model.js';
import { docxParagraph } from './para.js';
import { ruleParagraph } from './rule.js';
import { CELL_LINES, CELL_NO_BORDERS, NO_BORDERS, TABLE_LINES } from './run.js';

const cellContent = (c: Cell, keepNext: boolean): Paragraph[] =>
  c.blocks.map((b) => (b.kind === 'rule' ? ruleParagraph(b) : docxParagraph(b, keepNext)));

/**
 * A table of the model: fixed layout at the model's column widths, rows that never split across pages, the
 * header row repeated on every page (w:tblHeader), borders single and visible or none at all.
 */
export function docxTable(t: TableModel, keepNext = false): Table {
  const width = t.columns.reduce((s, w) => s + w, 0);
  const m = t.cellMargin;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: t.columns,
    borders: t.borders ? TABLE_LINES : NO_BORDERS,
    rows: t.rows.map((cells, r) => new TableRow({
      cantSplit: !t.splitRows?.includes(r),
      ...(r < t.headerRows ? { tableHeader: true } : {}),
      children: cells.map((c, k) => new TableCell({
        width: { size: t.columns[k]!, type: WidthType.DXA },
        borders: t.borders ? CELL_LINES : CELL_NO_BORDERS,
        margins: { left: m.left, right: m.right, top: m.top, bottom: m.bottom },
        verticalAlign: c.valign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
        children: cellContent(c, keepNext),
      })),
    })),
  });
}
