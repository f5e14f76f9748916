/**
 * The document as the rules see it: paragraphs in reading order, each with its runs, their EFFECTIVE properties
 * (docDefaults → table style → paragraph style chain → numbering → character style chain → direct formatting),
 * and, for a paragraph in a table, which table, row and column it sits in. Headers and footers are read the same
 * way. The walk uses an explicit stack, never recursion.
 */
import { Numbering } from './numbering.js';
import { openDocx } from './package.js';
import {
  emptyPara,
  mergePara,
  mergeRun,
  num,
  readBorders,
  readPara,
  readRun,
  type Borders,
  type ParaProps,
  type RunProps,
} from './props.js';
import type { Placement } from './drawing.js';
import { collect, runText, type TextBox } from './inline.js';
import { StyleSheet, type Resolved } from './styles.js';
import { child, childrenNamed, isElement, type XmlElement } from './xml.js';

export interface Run {
  /** Text as printed: hidden text dropped, w:caps applied, tabs and breaks as "\t" and "\n". */
  text: string;
  /** The characters stored in the file, for the NFC and control-character checks. */
  raw: string;
  props: RunProps;
}

export interface CellPos {
  table: number;
  row: number;
  /** Grid column, counting w:gridSpan of the cells to the left. */
  col: number;
}

export interface Para {
  /** Position in its part, 0-based, over all paragraphs. */
  index: number;
  part: string;
  label: string;
  runs: Run[];
  /** label + runs, as printed. */
  text: string;
  props: ParaProps;
  /** Properties of the paragraph mark: what an empty paragraph is sized by. */
  mark: RunProps;
  cell?: CellPos;
  inTextBox: boolean;
  /** The text box it is in, and where that box sits. */
  box?: BoxPos;
  /** A drawn straight line (DrawingML or VML) is anchored in this paragraph. */
  hasLine: boolean;
  /** Those lines, with where they sit. */
  lines: Placement[];
  /** Field instructions of the paragraph ("PAGE", "NUMPAGES \* Arabic"). */
  fields: string[];
  /** The paragraph starts a new page, or holds a typed page break, or Word noted a page ending in it. */
  pageBreak: boolean;
  /** Which section of the document it is in (DocModel.sections), from 0: a paragraph holding a w:sectPr ends its section. */
  section?: number;
}

export interface BoxPos {
  /** Text boxes in document order, from 0. */
  id: number;
  place: Placement;
}

export interface TableInfo {
  index: number;
  styleId?: string;
  /** Table-level borders: the table style's, overridden by the table's own w:tblBorders. */
  borders: Borders;
  cells: CellInfo[];
  /** Column widths of w:tblGrid, twips. */
  grid: number[];
  /** Space between a cell's edges and its text, left and right (w:tblCellMar; Word's default 108), twips. */
  cellMargin: { left: number; right: number };
}

export interface CellInfo {
  row: number;
  col: number;
  /** Last grid column it covers. */
  lastCol: number;
  /** Borders set on the cell itself (w:tcBorders). */
  borders: Borders;
  /** The cell's own width (w:tcW in twips), when it gives one. */
  width?: number;
  /** Its own space between edges and text (w:tcMar), over the table's. */
  margin?: { left: number; right: number };
}

export interface Part {
  name: string;
  kind: 'header' | 'footer';
  paras: Para[];
}

export interface DocModel {
  paras: Para[];
  tables: TableInfo[];
  /** w:sectPr elements in document order; the first one governs page 1. */
  sections: XmlElement[];
  /** Header and footer parts by relationship id. */
  parts: Map<string, Part>;
  styles: StyleSheet;
}

/** Style sheets by their styles and theme parts: letters sharing those parts (package.ts) share one sheet. */
const SHEETS = new WeakMap<XmlElement, WeakMap<XmlElement, StyleSheet>>();
const NO_PART: XmlElement = { name: '', attrs: {}, children: [] };

function sheetOf(styles: XmlElement | undefined, theme: XmlElement | undefined): StyleSheet {
  const byTheme = SHEETS.get(styles ?? NO_PART) ?? new WeakMap<XmlElement, StyleSheet>();
  SHEETS.set(styles ?? NO_PART, byTheme);
  let sheet = byTheme.get(theme ?? NO_PART);
  if (!sheet) byTheme.set(theme ?? NO_PART, (sheet = new StyleSheet(styles, theme)));
  return sheet;
}

/** Opens and models a DOCX. Throws NotDocx when it is not one. */
export function buildModel(bytes: Uint8Array): DocModel {
  const docx = openDocx(bytes);
  const styles = sheetOf(docx.styles, docx.theme);
  const walker = new Walker(styles, new Numbering(docx.numbering));
  const body = child(docx.document, 'w:body');
  const paras = body ? walker.walk(body, 'document') : [];
  const sections = walker.sections.slice();
  const last = child(body, 'w:sectPr');
  if (last) sections.push(last);
  const parts = new Map<string, Part>();
  for (const [id, p] of docx.parts) parts.set(id, { name: p.name, kind: p.kind, paras: walker.walk(p.root, p.name) });
  return { paras, tables: walker.tables, sections, parts, styles };
}

interface Ctx {
  cell?: CellPos;
  tableStyle?: string;
  inTextBox: boolean;
  box?: BoxPos;
}

interface Item {
  el: XmlElement;
  ctx: Ctx;
}

/** Block-level containers whose children are walked as they are. */
const TRANSPARENT = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:txbxContent', 'mc:AlternateContent', 'mc:Choice']);

class Walker {
  readonly tables: TableInfo[] = [];
  readonly sections: XmlElement[] = [];
  private boxes = 0;
  private paras: Para[] = [];
  private part = '';

  constructor(
    private readonly styles: StyleSheet,
    private readonly numbering: Numbering,
  ) {}

  walk(root: XmlElement, part: string): Para[] {
    this.paras = [];
    this.part = part;
    const stack: Item[] = [];
    const pushChildren = (el: XmlElement, ctx: Ctx) => {
      const kids = el.name === 'mc:AlternateContent' ? childrenNamed(el, 'mc:Choice').slice(0, 1) : el.children;
      for (let k = kids.length - 1; k >= 0; k--) {
        const c = kids[k];
        if (isElement(c)) stack.push({ el: c, ctx });
      }
    };
    pushChildren(root, { inTextBox: false });
    while (stack.length > 0) {
      const { el, ctx } = stack.pop()!;
      if (el.name === 'w:p') {
        const boxes = this.paragraph(el, ctx).map((b) => ({ b, id: this.boxes++ }));
        for (const { b, id } of boxes.reverse()) pushChildren(b.content, { ...ctx, inTextBox: true, box: { id, place: b.place } });
      }
      else if (el.name === 'w:tbl') for (const it of this.table(el, ctx).reverse()) stack.push(it);
      else if (TRANSPARENT.has(el.name)) pushChildren(el, ctx);
    }
    return this.paras;
  }

  /** Registers a table and returns its cells' contents to walk, each with its position. */
  private table(tbl: XmlElement, ctx: Ctx): Item[] {
    const index = this.tables.length;
    const tblPr = child(tbl, 'w:tblPr');
    const styleId = child(tblPr, 'w:tblStyle')?.attrs['w:val'];
    const info: TableInfo = {
      index,
      styleId,
      borders: { ...this.styles.resolve(styleId, 'table').borders, ...readBorders(child(tblPr, 'w:tblBorders')) },
      cells: [],
      grid: childrenNamed(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => num(g.attrs['w:w']) ?? 0),
      cellMargin: cellMargin(child(tblPr, 'w:tblCellMar')),
    };
    this.tables.push(info);
    const items: Item[] = [];
    unwrap(tbl, 'w:tr').forEach((tr, row) => {
      let col = 0;
      for (const tc of unwrap(tr, 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Number.parseInt(child(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? '1', 10) || 1;
        const tcW = child(tcPr, 'w:tcW')?.attrs;
        const width = tcW && (tcW['w:type'] ?? 'dxa') === 'dxa' ? num(tcW['w:w']) : undefined;
        const tcMar = child(tcPr, 'w:tcMar');
        const margin = tcMar ? cellMargin(tcMar, info.cellMargin) : undefined;
        info.cells.push({ row, col, lastCol: col + span - 1, borders: readBorders(child(tcPr, 'w:tcBorders')), width, margin });
        // A table without w:tblStyle takes the default table style: '' resolves to it.
        const cellCtx: Ctx = { cell: { table: index, row, col }, tableStyle: styleId ?? '', inTextBox: ctx.inTextBox, box: ctx.box };
        for (const c of tc.children) if (isElement(c)) items.push({ el: c, ctx: cellCtx });
        col += span;
      }
    });
    return items;
  }

  /** Models one paragraph; returns the text boxes found in it, to be walked after it. */
  private paragraph(p: XmlElement, ctx: Ctx): TextBox[] {
    const pPr = child(p, 'w:pPr');
    const sect = child(pPr, 'w:sectPr');
    const section = this.sections.length;
    if (sect) this.sections.push(sect);
    const direct = readPara(pPr);
    const table = ctx.tableStyle === undefined ? undefined : this.resolve(ctx.tableStyle, 'table');
    const style = this.resolve(direct.styleId, 'paragraph');
    let props = mergePara(mergePara(this.styles.defaults.pPr, table?.pPr ?? emptyPara()), style.pPr);
    const numId = direct.numId ?? style.pPr.numId;
    const ilvl = direct.ilvl ?? style.pPr.ilvl;
    const level = this.numbering.level(numId, ilvl);
    if (level) props = mergePara(props, level.pPr);
    props = mergePara(props, direct);
    let base = mergeRun(this.styles.defaults.rPr, table?.rPr ?? { fonts: {} });
    base = mergeRun(base, style.rPr);
    const collected = collect(p);
    const runs = collected.runs.map((r) => this.run(r, base));
    const label = this.numbering.next(numId, ilvl);
    this.paras.push({
      index: this.paras.length,
      part: this.part,
      label,
      runs,
      text: label + runs.map((r) => r.text).join(''),
      props,
      mark: mergeRun(base, readRun(child(pPr, 'w:rPr'))),
      cell: ctx.cell,
      inTextBox: ctx.inTextBox,
      box: ctx.box,
      hasLine: collected.lines.length > 0,
      lines: collected.lines,
      fields: collected.fields,
      pageBreak: collected.pageBreak || collected.renderedBreak || props.pageBreakBefore === true,
      section,
    });
    return collected.boxes;
  }

  private run(r: XmlElement, base: RunProps): Run {
    const rPr = child(r, 'w:rPr');
    const charStyle = child(rPr, 'w:rStyle')?.attrs['w:val'];
    const props = mergeRun(mergeRun(base, this.resolve(charStyle, 'character').rPr), readRun(rPr));
    const raw = runText(r);
    let text = props.vanish ? '' : raw;
    if (props.caps) text = text.toLocaleUpperCase('vi');
    return { text, raw, props };
  }

  private resolve(id: string | undefined, type: 'paragraph' | 'character' | 'table'): Resolved {
    return this.styles.resolve(id, type);
  }
}

/** Left and right cell margins of a w:tblCellMar or w:tcMar, each falling back to `base` (Word's default 108 twips). */
function cellMargin(mar: XmlElement | undefined, base = { left: 108, right: 108 }): { left: number; right: number } {
  const side = (names: string[], d: number) => num(names.map((n) => child(mar, n)?.attrs['w:w']).find((v) => v !== undefined)) ?? d;
  return { left: side(['w:left', 'w:start'], base.left), right: side(['w:right', 'w:end'], base.right) };
}

/** Children named `name`, looking through content controls and custom XML wrappers. */
function unwrap(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = el.children.filter(isElement).reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.name === name) out.push(e);
    else if (TRANSPARENT.has(e.name)) for (const c of e.children.filter(isElement).reverse()) stack.push(c);
  }
  return out;
}

// ---- Lines and formatting facts ----

export interface Line {
  para: Para;
  /** Which line of the paragraph (lines are split at w:br). */
  k: number;
  /** Printed text with runs of whitespace collapsed, NFC, trimmed. */
  text: string;
  runs: Run[];
  /** For a piece of a line typed in columns with tabs (./anatomy.ts): which piece, from 0, and how many tabs precede it. */
  segment?: number;
  tabs?: number;
}

export const normalize = (s: string): string => s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();

/** Splits a paragraph at its line breaks; each line keeps the pieces of the runs on it. */
export function linesOf(p: Para): Line[] {
  const lines: Line[] = [];
  let runs: Run[] = [];
  let text = p.label;
  const flush = () => {
    lines.push({ para: p, k: lines.length, text: normalize(text), runs });
    runs = [];
    text = '';
  };
  for (const r of p.runs) {
    r.text.split('\n').forEach((piece, k) => {
      if (k > 0) flush();
      if (piece !== '') runs.push({ ...r, text: piece });
      text += piece;
    });
  }
  flush();
  return lines;
}

/**
 * A line typed in columns ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …"), split at its tabs into pieces, each with the runs
 * printed in it and the number of tabs before it (which tab stop places it). A line with one piece of text is
 * returned as it is, with its leading tabs counted.
 */
export function segments(line: Line): Line[] {
  const pieces: { runs: Run[]; text: string; tabs: number }[] = [{ runs: [], text: '', tabs: 0 }];
  let tabs = 0;
  for (const r of line.runs) {
    r.text.split('\t').forEach((piece, k) => {
      if (k > 0) {
        tabs++;
        if (/\S/.test(pieces[pieces.length - 1]!.text)) pieces.push({ runs: [], text: '', tabs });
        else pieces[pieces.length - 1]!.tabs = tabs;
      }
      if (piece === '') return;
      pieces[pieces.length - 1]!.runs.push({ ...r, text: piece });
      pieces[pieces.length - 1]!.text += piece;
    });
  }
  const full = pieces.filter((p) => /\S/.test(p.text));
  if (full.length <= 1) return [{ ...line, tabs: full[0]?.tabs ?? 0 }];
  return full.map((p, segment) => ({ para: line.para, k: line.k, text: normalize(p.text), runs: p.runs, segment, tabs: p.tabs }));
}

/** Runs that print something other than whitespace: the only ones whose look a reader sees. */
export const inked = (runs: readonly Run[]): Run[] => runs.filter((r) => /\S/.test(r.text));

/** Font size in points; Word's built-in default is 10 pt when no level sets one. */
export const sizePt = (p: RunProps): number => (p.size ?? 20) / 2;

export const sizesOf = (runs: readonly Run[]): number[] => [...new Set(inked(runs).map((r) => sizePt(r.props)))];

export const allBold = (runs: readonly Run[]): boolean => inked(runs).every((r) => r.props.bold === true);
export const allItalic = (runs: readonly Run[]): boolean => inked(runs).every((r) => r.props.italic === true);

export const isEmpty = (p: Para): boolean => !/\S/.test(p.text);

/** Every paragraph a reader sees: the document's, then its headers' and footers'. */
export const allParas = (model: DocModel): Para[] => [...model.paras, ...[...model.parts.values()].flatMap((p) => p.paras)];
