import type { Block, Cell, DocMeta, LetterModel, Para, Rule, Run, Section, Table } from '../../layout/model.js';
import { emToPt, textWidthPt, WIDEST } from '../../metrics/times.js';
import { typstString } from './escape.js';

/**
 * The letter model as a Typst document. Layout has decided everything; this only says it in Typst: every length
 * comes from the model (twips → pt), every text is a string literal (escape.ts). Spacing is explicit: paragraphs
 * and blocks have none of their own, and the model's space after and before each paragraph is added between them
 * (as Word adds them up), so both writers put text at the same places.
 */

/** The shipped serif (fonts/), the only font the PDF may use: no fallback to a system font for any glyph. */
export const FONT_FAMILY = 'Liberation Serif';

const pt = (twips: number): string => `${+(twips / 20).toFixed(2)}pt`;

/**
 * Word's single line for Times New Roman is the font's Windows ascent + descent (0.891 + 0.216 em; Liberation Serif
 * has the same metrics); Typst would use the smaller typographic ones. A multiple of single adds the rest as leading.
 */
const ASCENT = 0.891;
const DESCENT = 0.216;
const SINGLE = ASCENT + DESCENT;
const leading = (multiple: number | undefined): string => `${+(((multiple ?? 1) - 1) * SINGLE).toFixed(4)}em`;

/** The width a paragraph's lines have, points: its first line's, and the others'. */
interface Widths { first: number; rest: number }

/**
 * Word breaks a word wider than its line where the line ends; Typst lets it run off the page or out of its cell.
 * Such a word (a long code, a URL, a clerk's typo) gets a zero-width space wherever a line would end, and only
 * such a word: text copied out of the PDF keeps every code that fits its line intact.
 */
function breakable(r: Run, w: Widths, first: boolean): string {
  const narrowest = Math.min(w.first, w.rest);
  // A word of no more characters than the widest character fits in the line fits: only longer ones are measured.
  if (!longerRun(r.text, narrowest / emToPt(WIDEST, r.sizePt))) return r.text;
  // Only the paragraph's first word starts on its first line; any other too-long word starts a line after it.
  return r.text.replace(/\S+/g, (word, at: number) =>
    (textWidthPt(word, r.sizePt, r) <= narrowest ? word : broken(word, r, first && at === 0 ? w.first : w.rest, w.rest)));
}

/** Whether `text` has more than `n` characters between two spaces (a scan: most runs have no such word). */
function longerRun(text: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 32) run = 0;
    else if (++run > n) return true;
  }
  return false;
}

/**
 * A zero-width space before each character that would start a new line: the first piece as wide as the line it
 * starts (`first`), the next ones as the lines after it (`rest`), so those lines end at the margin as Word's do.
 */
function broken(word: string, r: Run, first: number, rest: number): string {
  let line = 0;
  let width = first;
  return [...word].map((c) => {
    const cw = textWidthPt(c, r.sizePt, r);
    const cut = line > 0 && line + cw > width;
    if (cut) width = rest;
    line = cut ? cw : line + cw;
    return cut ? `\u200B${c}` : c;
  }).join('');
}

/**
 * Each run as a Typst text. The break points of a too-long word go between texts (`#sym.zws`), not inside one
 * string: inside, Typst justified the line ending there one character past the margin (measured; between, the
 * line ends at the margin).
 */
function runs(rs: readonly Run[], widths: Widths): string {
  return rs.map((r, k) => {
    const style = `size: ${r.sizePt}pt${r.bold ? ', weight: "bold"' : ''}${r.italic ? ', style: "italic"' : ''}`;
    return breakable(r, widths, k === 0).split('\u200B').map((piece) => `#text(${style}, ${typstString(piece)})`).join('#sym.zws');
  }).join('');
}

const ALIGN = { left: 'left', center: 'center', right: 'right', justify: 'left' } as const;

/** `width`: what the paragraph stands in (the page's text width, or its cell's less the cell's margins), twips. */
function para(p: Para, width: number): string {
  const ind = p.indent ?? {};
  const hanging = ind.hanging ?? 0;
  const left = (ind.left ?? 0) - hanging;
  const right = ind.right ?? 0;
  // What its first line and its other lines hold (a first-line indent or a hanging indent narrows one of them).
  const inner = width - Math.max(0, left) - right;
  const lineWidth: Widths = { first: (inner - (ind.firstLine ?? 0)) / 20, rest: (inner - hanging) / 20 };
  const size = p.runs[0]?.sizePt ?? 14;
  const settings = [
    `justify: ${p.align === 'justify'}`,
    `leading: ${leading(p.lineMultiple)}`,
    ...(ind.firstLine ? [`first-line-indent: (amount: ${pt(ind.firstLine)}, all: true)`] : []),
    ...(hanging ? [`hanging-indent: ${pt(hanging)}`] : []),
  ].join(', ');
  // An explicit par: Typst makes the only inline content of a block a paragraph only when told to.
  let body = `#set align(${ALIGN[p.align ?? 'left']})\n#set text(size: ${size}pt)\n#par(${settings})[${runs(p.runs, lineWidth)}]`;
  if (p.box) {
    // The frame of a mark (khẩn, mật, lưu hành): a single line around the word, the paragraph's box in Word.
    body = `#align(center, box(stroke: ${p.box.lineEighthsPt / 8}pt, inset: (x: ${p.box.padPt * 2}pt, y: ${p.box.padPt}pt), [${runs(p.runs, lineWidth)}]))`;
    return `#block(width: 100%, spacing: 0pt)[${body}]`;
  }
  const padded = left || right ? `#pad(left: ${pt(Math.max(0, left))}, right: ${pt(right)})[${body}]` : body;
  return `#block(width: 100%, spacing: 0pt, breakable: true)[${padded}]`;
}

/** A rule: the model's length, centred, 0.75 pt; it sits under the line above as Word's paragraph border does. */
function rule(r: Rule): string {
  return `#block(width: 100%, spacing: 0pt, above: 0pt, below: 0pt, inset: (top: 2.6pt, bottom: 1.4pt))[#align(center, line(length: ${pt(r.length)}, stroke: ${r.strokeEighthsPt / 8}pt))]`;
}

/** Space between two blocks: what the first has after and the second before, added up as Word does. */
const gap = (twips: number): string => (twips > 0 ? `#v(${pt(twips)})\n` : '');

/**
 * Word gives every line of a paragraph spaced at a multiple its whole height, the first line too; Typst adds
 * leading only between lines. The first line's share goes above the paragraph, so paragraphs stand as far apart
 * as in Word.
 */
const firstLeading = (p: Para): number => (p.lineMultiple && p.lineMultiple > 1
  ? Math.round((p.lineMultiple - 1) * SINGLE * Math.max(...p.runs.map((r) => r.sizePt), 0) * 20) : 0);

const before = (b: Block): number => (b.kind === 'para' ? b.spaceBefore + firstLeading(b) : b.kind === 'rule' ? b.spaceBefore : b.kind === 'keep' ? before(b.blocks[0]!) : 0);
const after = (b: Block): number => (b.kind === 'para' || b.kind === 'rule' ? b.spaceAfter : b.kind === 'keep' ? after(b.blocks.at(-1)!) : 0);

/**
 * Blocks one after another with their spacing. With `edges` (a section, a table cell) the first block's space
 * before and the last one's space after are given too; a keep group leaves its edges to the blocks around it,
 * which count them already (before() and after() of a keep are its first and last block's).
 */
function blocks(bs: readonly Block[], width: number, edges = true): string {
  let out = '';
  bs.forEach((b, i) => {
    if (i > 0 || edges) out += gap(i === 0 ? before(b) : after(bs[i - 1]!) + before(b));
    out += `${block(b, width)}\n`;
  });
  const last = bs.at(-1);
  if (last && edges) out += gap(after(last));
  return out;
}

function block(b: Block, width: number): string {
  switch (b.kind) {
    case 'para': return para(b, width);
    case 'rule': return rule(b);
    case 'table': return table(b);
    // Kept together: the last body paragraph and the signature block never part across pages.
    case 'keep': return `#block(width: 100%, spacing: 0pt, breakable: false)[\n${blocks(b.blocks, width, false)}]`;
  }
}

const cell = (c: Cell, width: number): string => `[\n${blocks(c.blocks, width)}]`;

/**
 * The header and closing blocks as a borderless grid; an appendix table with single 0.5 pt lines, its header row
 * repeated on every page, rows never split.
 */
function table(t: Table): string {
  const columns = `(${t.columns.map(pt).join(', ')})`;
  const m = t.cellMargin;
  const inset = `(left: ${pt(m.left)}, right: ${pt(m.right)}, top: ${pt(m.top)}, bottom: ${pt(m.bottom)})`;
  const row = (cells: Cell[], r: number) =>
    cells.map((c, k) => `table.cell(align: ${c.valign === 'center' ? 'horizon' : 'top'}, breakable: ${!!t.splitRows?.includes(r)})${cell(c, t.columns[k]! - m.left - m.right)}`).join(',\n');
  const header = t.rows.slice(0, t.headerRows);
  const parts = [
    ...(header.length ? [`table.header(repeat: true,\n${header.map(row).join(',\n')})`] : []),
    ...t.rows.slice(t.headerRows).map((cells, k) => row(cells, t.headerRows + k)),
  ];
  const stroke = t.borders ? '0.5pt + black' : 'none';
  return `#table(columns: ${columns}, stroke: ${stroke}, inset: ${inset}, gutter: 0pt,\n${parts.join(',\n')})`;
}

const isoParts = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `datetime(year: ${y}, month: ${m}, day: ${d})`;
};

/** Page setup of a section: size, margins, the page number from its second page, the contact float on its first. */
function section(s: Section, first: boolean): string {
  const p = s.page;
  const mg = p.margin;
  const number = `context { let n = counter(page).get().first(); if n > 1 { align(center, text(size: ${s.pageNumber.sizePt}pt, str(n))) } }`;
  const setup = [
    // Numbering restarts with each section: the counter is set before the page break, so the new page is 1.
    ...(first ? [] : ['#counter(page).update(0)']),
    `#set page(width: ${pt(p.width)}, height: ${pt(p.height)}, margin: (top: ${pt(mg.top)}, bottom: ${pt(mg.bottom)}, left: ${pt(mg.left)}, right: ${pt(mg.right)}),`,
    // The number's line starts `header` from the page's top edge, as in the DOCX.
    `  header: ${number}, header-ascent: ${+((mg.top - mg.header) / 20 - SINGLE * s.pageNumber.sizePt).toFixed(2)}pt, footer: none)`,
  ].join('\n');
  // The contact block (ô 13) at the foot of this section's first page: a float there, so the text above makes room.
  const width = p.width - mg.left - mg.right;
  const footer = s.firstPageFooter ? `#place(bottom, float: true, clearance: 12pt)[\n${blocks(s.firstPageFooter, width)}]\n` : '';
  return `${setup}\n${footer}${blocks(s.blocks, width)}`;
}


/** The defaults every part starts from (the shipped font, no fallback, Word's lines). */
const DEFAULTS = [
  `#set text(font: ${typstString(FONT_FAMILY)}, lang: "vi", fallback: false, hyphenate: false, top-edge: ${ASCENT}em, bottom-edge: -${DESCENT}em, size: 14pt)`,
  '#set par(spacing: 0pt, leading: 0pt, linebreaks: "simple")',
  '#set block(spacing: 0pt)',
].join('\n');

/**
 * The document's properties, written after the content on purpose: a set rule styles everything after it, and Typst
 * reuses a part it set for an earlier letter only when its styles are the same. Placed first, each letter's own
 * title would make every part of every letter new (measured: 13 → 3 ms to set a letter of a batch; same bytes).
 */
const properties = (meta: DocMeta): string =>
  `#set document(title: ${typstString(meta.title)}, author: ${typstString(meta.author)}, description: ${typstString(meta.subject)}, date: ${isoParts(meta.date)})`;

/** Content between the defaults and the document's properties. */
const document = (meta: DocMeta, content: string): string => `${DEFAULTS}\n${content}\n${properties(meta)}\n`;

/** A letter's sections; `first` when it opens the document (else its numbering restarts like an appendix's). */
const letterBody = (model: LetterModel, first: boolean): string =>
  model.sections.map((s, i) => section(s, first && i === 0)).join('\n');

export function typstDocument(model: LetterModel): string {
  return document(model.meta, letterBody(model, true));
}

/**
 * Every letter of a run in one document for printing: each letter starts on an odd page (a blank page is added
 * where needed), so a duplex printer never puts the end of one letter and the start of the next on one sheet.
 */
export function typstPrint(models: readonly LetterModel[], meta: DocMeta): string {
  const letters = models.map((m, i) => `${i ? '#pagebreak(to: "odd", weak: true)\n' : ''}${letterBody(m, i === 0)}`);
  return document(meta, letters.join('\n'));
}

/**
 * The print file of a large run from its parts (PDFs made by typstPrint): each page as it was set, on a page of
 * its own size; a part that ends on an odd page is followed by a `blank` page (a letter's first page, as layout
 * made it), so the next letter still starts on an odd page.
 */
export function typstBinder(parts: readonly { name: string; pages: number }[], meta: DocMeta, blank: Section['page']): string {
  const pages = parts.map((p, i) => {
    const own = Array.from({ length: p.pages }, (_, k) => `#page(width: auto, height: auto, margin: 0pt)[#image(${typstString(p.name)}, page: ${k + 1})]`);
    const pad = p.pages % 2 === 1 && i < parts.length - 1 ? [`#page(width: ${pt(blank.width)}, height: ${pt(blank.height)})[]`] : [];
    return [...own, ...pad].join('\n');
  });
  return document(meta, pages.join('\n'));
}
