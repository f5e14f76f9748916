import { ND30 } from '../decree/nd30.js';

/**
 * cchc's own layout choices, where Nghị định 30 leaves the decision to the office: column widths, spacing, the
 * room for signature and seal. With src/decree/nd30.ts (the decree's values) this is every layout parameter in
 * one place. Sizes in points, lengths in millimetres.
 */
export const HOUSE = {
  /** Distance of the page-number line (and the contact footer) from the page edge. */
  headerMm: 10,
  /** Header block: a borderless two-column table; the left column's width is fitted to its text (fit.ts). */
  headerTable: { leftMm: 62, leftMinMm: 55, cellMarginMm: 0.5 },
  /** Rules under issuer and motto: the bottom border of a thin paragraph, its length set by indents. */
  rule: { lineSizePt: 2, strokeEighthsPt: 6 },
  /** Room left on a blank form for the Văn thư to write the number and the date. */
  blankGap: '      ',
  subject: { spaceAfterPt: 6 },
  /** Boxed marks (khẩn, mật, lưu hành): padding inside the frame and its line (8 = 1 pt). */
  mark: { boxPaddingPt: 2, lineEighthsPt: 8, spaceBeforePt: 6 },
  recipients: { listIndentMm: 30, spaceBeforePt: 12, spaceAfterPt: 6 },
  closingTable: { leftMm: 75, spaceBeforePt: 6 },
  signer: { signatureSpaceMm: 25 },
  distribution: { hangingMm: 2.5 },
  /** Contact block (ô 13): a full-width rule, then the lines, in the first page's footer. */
  contact: { ruleSpaceAfterPt: 2 },
  /** Phụ lục: the short rule's length, the space above it (clear of the Kèm theo line's descenders) and under it. */
  appendix: { ruleMm: 30, spaceBeforeRulePt: 3, spaceAfterRulePt: 12 },
  /** Appendix tables: cell padding; body paragraphs in cells are single-spaced. */
  table: { cellMarginMm: 1.5, cellMarginVPt: 2, /** A column without a width never gets less than this. */ freeColumnMinMm: 10 },
  /** The body font size a table cell uses (ND30 allows 12–13). */
  tableCellPt: ND30.table.cell.sizePt.value,
} as const;
