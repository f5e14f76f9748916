/**
 * The letter model: what a công văn looks like, decided once by layout (src/layout) and printed by each writer
 * (src/writers/docx, src/writers/pdf) without deciding anything of its own. It is format-neutral: sections with
 * their page, blocks (paragraphs, tables, rules, keep-together groups) and runs of text with their size and
 * style. Every ND30 decision — sizes, indents, widths, the fitted header, what must stay on one page — is already
 * made here.
 *
 * Lengths are whole twips (1/20 of a point): both writers then receive exactly the same numbers, and the DOCX
 * writer's block cache (src/writers/docx/stamp.ts) sees the same shape for the same numbers. Font sizes are points.
 */

export type Twips = number;

export interface LetterModel {
  meta: DocMeta;
  sections: Section[];
}

/** Document properties: title "V/v …", author the issuer, the letter's date (or the render day on a blank form). */
export interface DocMeta {
  title: string;
  author: string;
  subject: string;
  /** ISO day, YYYY-MM-DD: creation and modification date, so the same input gives the same bytes. */
  date: string;
}

export interface Page {
  width: Twips;
  height: Twips;
  landscape: boolean;
  margin: { top: Twips; bottom: Twips; left: Twips; right: Twips; header: Twips; footer: Twips };
}

/** A run of pages: the letter itself, then each appendix (phụ lục) on pages of its own. */
export interface Section {
  page: Page;
  /** Số trang: numbering restarts at 1 in each section and is printed from its second page on, centred on top. */
  pageNumber: { sizePt: number };
  /** Printed at the foot of the section's first page only (ô 13, the contact block). */
  firstPageFooter?: Block[];
  blocks: Block[];
}

export type Block = Para | Table | Rule | Keep;

/** A named part of the letter: the DOCX writer gives each its own paragraph style, the checker finds parts by it. */
export type Role =
  | 'parent' | 'issuer' | 'national-title' | 'motto' | 'rule' | 'number' | 'date' | 'subject' | 'urgency'
  | 'secrecy' | 'circulation' | 'recipients' | 'body' | 'signer-title' | 'signer-name' | 'distribution-label'
  | 'distribution-item' | 'contact' | 'appendix-heading' | 'appendix-title' | 'appendix-ref' | 'table-header'
  | 'table-cell' | 'spacer';

export interface Run {
  text: string;
  sizePt: number;
  bold: boolean;
  italic: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Para {
  kind: 'para';
  role: Role;
  runs: Run[];
  /** Absent: the start of the line. */
  align?: Align;
  /** Only the indents this paragraph sets (absent ones are zero). */
  indent?: { left?: Twips; right?: Twips; firstLine?: Twips; hanging?: Twips };
  spaceBefore: Twips;
  spaceAfter: Twips;
  /** Line spacing as a multiple of single (1.15); absent: single. */
  lineMultiple?: number;
  /** Keep on the same page as the next block. */
  keepNext?: boolean;
  /** A single-line frame around the text (dấu mức độ khẩn, độ mật, phạm vi lưu hành): its padding. */
  box?: { padPt: number; lineEighthsPt: number };
}

/** A solid horizontal rule (đường kẻ ngang, nét liền) of `length`, centred in `width`. */
export interface Rule {
  kind: 'rule';
  length: Twips;
  width: Twips;
  /** Stroke, in eighths of a point (OOXML's border unit; 6 = 0.75 pt). */
  strokeEighthsPt: number;
  spaceBefore: Twips;
  spaceAfter: Twips;
}

export interface Cell {
  blocks: (Para | Rule)[];
  valign: 'top' | 'center';
}

export interface Table {
  kind: 'table';
  role: 'header' | 'closing' | 'data';
  /** Column widths; their sum is the table's width. */
  columns: Twips[];
  /** Visible single borders on every cell (appendix tables), or none (the header and closing blocks). */
  borders: boolean;
  /** Rows at the top repeated on every page the table runs onto. */
  headerRows: number;
  /** Padding inside every cell. */
  cellMargin: { top: Twips; bottom: Twips; left: Twips; right: Twips };
  rows: Cell[][];
  /** Rows too tall for a page that may split after all (else a row never splits across pages). */
  splitRows?: number[];
}

/** Blocks that must stay on one page together (the last body paragraph with the signature block). */
export interface Keep {
  kind: 'keep';
  blocks: Block[];
}
