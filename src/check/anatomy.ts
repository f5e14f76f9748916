/**
 * Finds the parts of a công văn in a modelled DOCX by what they say, not where they sit: Word, LibreOffice and
 * python-docx lay the same letter out with different tables, breaks and text boxes. Line-level matching (a
 * paragraph split at w:br) lets "CỘNG HÒA …" and "Độc lập …" share one paragraph, as they often do.
 */
import { ND30 } from '../decree/nd30.js';
import { allBold, isEmpty, linesOf, segments, type DocModel, type Line, type Para, type Part } from './model.js';
import { estimatePages } from './pages.js';
import { center, textSpan } from './place.js';
import { onOff } from './props.js';
import { literal } from './rule.js';
import { child, childrenNamed } from './xml.js';

export interface Anatomy {
  lines: Line[];
  quocHieu?: Line;
  tieuNgu?: Line;
  headerTable?: number;
  /** Paragraphs of the header block: everything before "Kính gửi" (or before the body when it is missing). */
  headerParas: Para[];
  parent: Line[];
  issuer: Line[];
  so?: Line;
  date?: Line;
  subject: Line[];
  urgency?: Line;
  /** Secrecy and circulation marks under the subject (ô 10a, 11). */
  marks: Line[];
  kinhGui?: Line;
  recipients: Line[];
  body: Para[];
  noiNhan?: Line;
  noiNhanItems: Line[];
  closingTable?: number;
  signer: Line[];
  /** The contact block (ô 13): address, phone, fax, e-mail, website; and which pages print it. */
  contact: Line[];
  contactPlace?: ContactPlace;
  /** Where a paragraph is, for Problem.path: "header", "body ¶3", "noi-nhan ¶2", "header1 ¶1". */
  where(p: Para): string;
}

/** Uppercase without diacritics, whitespace collapsed: for finding parts whatever their spelling. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase().replace(/\s+/g, ' ').trim();

const hasLetter = (s: string): boolean => /\p{L}/u.test(s);
export const isUpper = (s: string): boolean => hasLetter(s) && s === s.toLocaleUpperCase('vi');

export const DASH = /^[-–—•+*]/;
const words = (s: string) => fold(s).split(' ').map(literal);
/** The parts' fixed words from the decree, folded (no diacritics, uppercase) so that any spelling is found. */
export const PARTS = {
  quocHieu: new RegExp(words(ND30.nationalTitle.text).join(' ')),
  // "Độc lập - Tự do - Hạnh phúc" with any dash, or none: the tieu-ngu check says what is wrong with it.
  tieuNgu: new RegExp(fold(ND30.motto.text).split(/\s*-\s*/).map((w) => w.split(' ').map(literal).join(' ')).join('\\s*[-–—]*\\s*')),
  kinhGui: new RegExp(`^${words(ND30.recipients.label).join(' ')}\\b`),
  noiNhan: new RegExp(`^${words(ND30.distribution.label.text.replace(/:$/, '')).join(' ')}\\b`),
  so: new RegExp(`^${words(ND30.number.label).join(' ')}\\s*[:.\\d/]`),
  date: /NGAY\s*\d*\s*THANG\s*\d*\s*NAM\b/,
  subject: new RegExp(`^${fold(ND30.subject.prefix).split('/').map(literal).join('\\s*\\/\\s*')}\\b`),
  urgency: new RegExp(`^(${ND30.urgency.words.map((w) => words(w).join(' ')).join('|')})$`),
  /** Ô 10a and 11: "MẬT", "LƯU HÀNH NỘI BỘ"… alone on their line. */
  mark: new RegExp(`^(${[...ND30.secrecy.words, ...ND30.circulation.words].map((w) => words(w).join(' ')).join('|')})$`),
  /** The heading that opens an appendix: "Phụ lục", "PHỤ LỤC II", "Phụ lục số 2". */
  appendix: new RegExp(`^${words(ND30.appendix.heading.text).join(' ')}\\b`),
  /** Ô 13: what a line of the contact block starts with — "Địa chỉ:", "ĐT:", "Điện thoại:", "Fax:", "E-mail:", "Website:". */
  contact: new RegExp(`^(${[...Object.values(ND30.contact.labels), 'Điện thoại', 'Email'].map((w) => words(w).join(' ').replace(/-/g, '-?')).join('|')})\\s*:`),
};
const RE = PARTS;

/** How many lines at the top may be a header typed in columns, when there is no "Kính gửi" to end it. */
const HEAD_LINES = 15;

export function anatomy(model: DocModel): Anatomy {
  const printed = model.paras.flatMap(linesOf).filter((l) => l.text !== '');
  // The contact block may be the last lines of page 1's body: it is no part of the body, the closing or the signer.
  const contact = contactBlock(model, printed);
  const all = printed.filter((l) => !contact.lines.includes(l));
  // A header typed in columns with tabs is read piece by piece: "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …" is two parts.
  const kg = all.findIndex((l) => RE.kinhGui.test(fold(l.text)));
  const headCount = kg >= 0 ? kg : Math.min(all.length, HEAD_LINES);
  const lines = [...all.slice(0, headCount).flatMap(segments), ...all.slice(headCount)];
  const at = (l: Line | undefined) => (l ? lines.indexOf(l) : -1);
  const find = (re: RegExp, from = 0, f = fold) => lines.slice(from).find((l) => re.test(f(l.text)));
  const quocHieu = find(RE.quocHieu);
  const tieuNgu = find(RE.tieuNgu, Math.max(0, at(quocHieu)));
  const kinhGui = find(RE.kinhGui, Math.max(0, at(quocHieu)));
  const headerEnd = kinhGui ? at(kinhGui) : headerEndWithout(lines, quocHieu);
  const head = lines.slice(0, headerEnd);
  const inHead = (re: RegExp) => head.find((l) => re.test(fold(l.text)));
  const so = inHead(RE.so);
  const date = inHead(RE.date);
  const subject = subjectLines(lines, inHead(RE.subject));
  const urgency = inHead(RE.urgency);
  const marks = head.filter((l) => RE.mark.test(fold(l.text)));
  const known = new Set([quocHieu, tieuNgu, so, date, urgency, ...marks, ...subject]);
  const { parent, issuer } = issuerLines(model, head, known, quocHieu, so);
  const recipients = kinhGui ? recipientLines(lines, kinhGui) : [];
  const lastOfKinhGui = recipients[recipients.length - 1] ?? kinhGui;
  const after = lastOfKinhGui ? at(lastOfKinhGui) + 1 : headerEnd;
  const noiNhan = lines.slice(after).reverse().find((l) => RE.noiNhan.test(fold(l.text)));
  const noiNhanItems = noiNhan ? itemLines(lines, noiNhan) : [];
  const closingTable = noiNhan ? noiNhan.para.cell?.table : lastTwoColumnTable(lines.slice(after));
  const signer = signerLines(lines.slice(after), closingTable, noiNhan, new Set(noiNhanItems));
  const start = lines[after - 1]?.para.index ?? -1;
  const end = closingStart(model, closingTable, noiNhan, signer);
  const inContact = new Set(contact.lines.map((l) => l.para));
  const body = model.paras.filter((p) => p.index > start && p.index < end && !p.cell && !p.inTextBox && !isEmpty(p) && !inContact.has(p));
  const parts = { quocHieu, tieuNgu, kinhGui, recipients, body, noiNhan, noiNhanItems, signer, contact: contact.lines };
  const headerTable = quocHieu?.para.cell?.table;
  return {
    lines, ...parts, headerTable, parent, issuer, so, date, subject, urgency, marks, closingTable, contactPlace: contact.place,
    headerParas: model.paras.slice(0, lines[headerEnd]?.para.index ?? model.paras.length),
    where: locator(model, parts, start),
  };
}

/** Without "Kính gửi", the header ends at the first long paragraph outside the header table. */
function headerEndWithout(lines: Line[], quocHieu: Line | undefined): number {
  const from = quocHieu ? lines.indexOf(quocHieu) : 0;
  const table = quocHieu?.para.cell?.table;
  const k = lines.findIndex((l, i) => i > from && l.para.cell?.table !== table && l.text.length >= 60);
  return k < 0 ? Math.min(lines.length, from + 12) : k;
}

/** "V/v …" and the lines that continue it: the rest of its paragraph and, in a table, the rest of its cell. */
function subjectLines(lines: Line[], first: Line | undefined): Line[] {
  if (!first) return [];
  const out = [first];
  for (const l of lines.slice(lines.indexOf(first) + 1)) {
    const same = l.para === first.para || (first.para.cell && sameCell(l.para, first.para));
    if (!same || endsSubject(l)) break;
    out.push(l);
  }
  return out;
}

/** A line that cannot continue the subject: a mark or the date typed under it. */
export const endsSubject = (l: { text: string }): boolean => [RE.urgency, RE.mark, RE.date].some((re) => re.test(fold(l.text)));

export const sameCell = (a: Para, b: Para): boolean =>
  a.cell !== undefined &&
  b.cell !== undefined &&
  a.cell.table === b.cell.table &&
  a.cell.row === b.cell.row &&
  a.cell.col === b.cell.col;

/**
 * The issuer is the bold uppercase line(s) of the left header column; uppercase regular lines above it are the
 * parent body. When none is bold, the last uppercase paragraph is taken as the issuer, so its rule can say so.
 */
function issuerLines(model: DocModel, head: Line[], known: Set<Line | undefined>, quocHieu: Line | undefined, so: Line | undefined) {
  const soAt = so ? head.indexOf(so) : head.length;
  const leftOfQuocHieu = leftOf(model, quocHieu);
  return splitIssuer(head.filter((l, i) => !known.has(l) && isUpper(l.text) && i <= soAt && leftOfQuocHieu(l)));
}

/** Uppercase lines of the left column: the bold ones at the end are the issuer, the rest its parent body. */
export function splitIssuer(upper: Line[]): { parent: Line[]; issuer: Line[] } {
  let k = upper.length;
  while (k > 0 && allBold(upper[k - 1]!.runs)) k--;
  if (k === upper.length && k > 0) {
    const lastPara = upper[k - 1]!.para;
    while (k > 0 && upper[k - 1]!.para === lastPara) k--;
  }
  return { parent: upper.slice(0, k), issuer: upper.slice(k) };
}

/**
 * Whether a line sits in the header's left column, where the issuer is: left of the Quốc hiệu's table cell, text
 * box or tab stop; in a header of plain paragraphs, any paragraph but the Quốc hiệu's.
 */
function leftOf(model: DocModel, quocHieu: Line | undefined): (l: Line) => boolean {
  if (!quocHieu) return () => true;
  const { cell, box } = quocHieu.para;
  if (cell) return (l) => l.para.cell?.table === cell.table && l.para.cell.col < cell.col;
  if (!box && quocHieu.segment === undefined && !quocHieu.tabs) return (l) => l.para !== quocHieu.para;
  const qh = textSpan(model, quocHieu);
  return (l) => {
    if (box && l.para.box?.id === box.id) return false;
    if (l.para === quocHieu.para && (l.segment ?? 0) >= (quocHieu.segment ?? 0)) return false;
    const s = textSpan(model, l);
    return !qh || !s || center(s) < qh.left;
  };
}

/** "Kính gửi:" alone on its line is followed by one "- recipient" line each. */
export function recipientLines(lines: Line[], kinhGui: Line): Line[] {
  const rest = kinhGui.text.replace(/^[^:]*:?/, '').trim();
  if (rest !== '') return [];
  const out: Line[] = [];
  for (const l of lines.slice(lines.indexOf(kinhGui) + 1)) {
    if (!DASH.test(l.text)) break;
    out.push(l);
  }
  return out;
}

/** Items under "Nơi nhận:": the rest of its table cell, or else the lines that follow at the left margin. */
function itemLines(lines: Line[], noiNhan: Line): Line[] {
  const out: Line[] = [];
  for (const l of lines.slice(lines.indexOf(noiNhan) + 1)) {
    const { cell, box } = noiNhan.para;
    const ok = cell ? sameCell(l.para, noiNhan.para) : box ? l.para.box?.id === box.id && !l.para.cell : !l.para.cell && !aside(l);
    if (!ok) break;
    out.push(l);
  }
  return out;
}

/** A line set off to the right: centred, right-aligned, indented 4 cm or more, or pushed by tabs. */
const aside = (l: Line): boolean =>
  ['center', 'right', 'end'].includes(l.para.props.jc ?? '') || (l.para.props.ind.left ?? 0) >= 2268 || /^\t/.test(l.para.text);

/** With no "Nơi nhận", the signature table is the last table with text right of its first column. */
function lastTwoColumnTable(lines: Line[]): number | undefined {
  const l = [...lines].reverse().find((x) => x.para.cell && x.para.cell.col > 0);
  return l?.para.cell?.table;
}

/**
 * Signer lines: right of "Nơi nhận" in the signature table; without a table, the short lines set off to the right
 * at the end of the letter, read backwards so that the body (justified, long) stops the block.
 */
function signerLines(lines: Line[], table: number | undefined, noiNhan: Line | undefined, items: Set<Line>): Line[] {
  const real = (l: Line) => !/^\(.*\)$/.test(l.text); // "(Đã ký)", "(Ký, đóng dấu)" are notes, not lines
  if (table !== undefined) {
    const col = noiNhan?.para.cell?.col ?? 0;
    return lines.filter((l) => l.para.cell?.table === table && l.para.cell.col > col && real(l));
  }
  const out: Line[] = [];
  for (const l of [...lines].reverse()) {
    if (l === noiNhan || items.has(l)) continue;
    if (l.para.cell || !aside(l) || l.text.length > 80) break;
    if (real(l)) out.unshift(l);
  }
  return out;
}

/** The body ends where the signature table, "Nơi nhận" or the signer lines begin. */
function closingStart(model: DocModel, table: number | undefined, noiNhan: Line | undefined, signer: Line[]): number {
  const starts = [model.paras.length];
  if (table !== undefined) starts.push(model.paras.find((p) => p.cell?.table === table)?.index ?? Infinity);
  if (noiNhan) starts.push(noiNhan.para.index);
  if (signer[0]) starts.push(signer[0].para.index);
  return Math.min(...starts);
}

interface Parts {
  kinhGui?: Line;
  recipients: Line[];
  body: Para[];
  noiNhan?: Line;
  noiNhanItems: Line[];
  signer: Line[];
  contact: Line[];
}

/** Builds the path function: region names for the letter's parts, ordinals where a reader counts. */
function locator(model: DocModel, parts: Parts, bodyStart: number): (p: Para) => string {
  const names = new Map<Para, string>();
  const label = (ls: Line[], region: string) =>
    ls.forEach((l, k) => names.has(l.para) || names.set(l.para, `${region} ¶${k + 1}`));
  parts.body.forEach((p, k) => names.set(p, `body ¶${k + 1}`));
  for (const l of [parts.kinhGui, ...parts.recipients]) if (l) names.set(l.para, 'kinh-gui');
  if (parts.noiNhan) names.set(parts.noiNhan.para, 'noi-nhan');
  label(parts.noiNhanItems, 'noi-nhan');
  label(parts.signer, 'signer');
  label(parts.contact.filter((l) => l.para.part === 'document'), 'contact');
  return (p) => {
    const known = names.get(p);
    if (known) return known;
    if (p.part !== 'document') return `${p.part.replace(/^.*\//, '').replace(/\.xml$/, '')} ¶${p.index + 1}`;
    return p.index <= bodyStart ? 'header' : `¶${p.index + 1}`;
  };
}

/**
 * Which pages print the contact block: page 1 only, as the decree asks; every page (the default footer of a section
 * without a distinct first page, or of one whose first page has it too); not page 1 (another footer, or a later page
 * of the body); no page (a first-page footer while the section has none); or, at the end of a body of several
 * pages, most likely the last.
 */
export type ContactPlace = 'first-page' | 'every-page' | 'other-footer' | 'first-footer-off' | 'later-page' | 'last-page';

/**
 * The contact block (ô 13), found by its labels ("Địa chỉ:", "ĐT:"…): the first labelled line and the lines that
 * continue it. Looked for where a reader of page 1 meets it — the first page's footer (as cchc writes it), the last
 * lines of page 1's body (as Word users type it), the default footer —, then where it would print on other pages.
 */
function contactBlock(model: DocModel, printed: Line[]): { lines: Line[]; place?: ContactPlace } {
  const sect = model.sections[0];
  const titlePg = onOff(child(sect, 'w:titlePg')) === true;
  const footers = footerParts(model);
  const first = footers.find((f) => f.section === 0 && f.type === 'first');
  const own = footers.find((f) => f.section === 0 && f.type === 'default');
  const pages = bodyPages(model, printed);
  const k = pages.findIndex((page) => endOfPage(page).length > 0);
  const inBody = k < 0 ? [] : endOfPage(pages[k]!);
  // Laid out roughly only when it decides: a block at the end of a body with no page break in it.
  const bodyPlace: ContactPlace = k > 0 ? 'later-page' : k === 0 && pages.length === 1 && estimatePages(model) > 1 ? 'last-page' : 'first-page';
  // A first page with its own footer, and the same block in the footer of the other pages: it prints on every page.
  const alsoLater = titlePg && inFooter(own?.part).length > 0;
  const found: [Line[], ContactPlace][] = [
    [titlePg ? inFooter(first?.part) : [], alsoLater ? 'every-page' : 'first-page'],
    [k === 0 ? inBody : [], bodyPlace],
    [titlePg ? [] : inFooter(own?.part), 'every-page'],
    [k > 0 ? inBody : [], bodyPlace],
    [titlePg ? [] : inFooter(first?.part), 'first-footer-off'],
    ...footers.filter((f) => f !== first).map((f): [Line[], ContactPlace] => [inFooter(f.part), 'other-footer']),
  ];
  const [lines, place] = found.find(([ls]) => ls.length > 0) ?? [[], undefined];
  return { lines, place };
}

/** Footer parts as the sections reference them: which section, which pages (default, first, even). */
function footerParts(model: DocModel): { section: number; type: string; part: Part }[] {
  return model.sections.flatMap((sect, section) =>
    childrenNamed(sect, 'w:footerReference').flatMap((r) => {
      const part = model.parts.get(r.attrs['r:id'] ?? '');
      return part ? [{ section, type: r.attrs['w:type'] ?? 'default', part }] : [];
    }),
  );
}

/** A footer's contact lines: from the first labelled one, while the lines stay in its container (a page number ends them). */
function inFooter(part: Part | undefined): Line[] {
  const lines = part?.paras.flatMap(linesOf).filter((l) => l.text !== '') ?? [];
  const start = lines.findIndex((l) => RE.contact.test(fold(l.text)));
  if (start < 0) return [];
  const out = [lines[start]!];
  for (const l of lines.slice(start + 1)) {
    if (!sameContainer(l.para, out[0]!.para) || l.para.fields.length > 0) break;
    out.push(l);
  }
  return out;
}

/**
 * The body's printed lines page by page, as far as the file says: a page break (before a paragraph, or typed after
 * its text) or a section that starts on a new page. Empty paragraphs count: a page break is often one.
 */
function bodyPages(model: DocModel, lines: Line[]): Line[][] {
  const page = new Map<Para, number>();
  model.paras.forEach((p, k) => {
    const prev = model.paras[k - 1];
    const newSection = prev !== undefined && p.section !== prev.section && sectionStart(model, p.section) !== 'continuous';
    const broken = prev !== undefined && ((p.pageBreak && !breakAfter(p)) || (prev.pageBreak && breakAfter(prev)));
    page.set(p, (prev ? page.get(prev)! : 0) + (newSection || broken ? 1 : 0));
  });
  const pages: Line[][] = [];
  for (const l of lines) (pages[page.get(l.para) ?? 0] ??= []).push(l);
  return pages.filter((ls) => ls !== undefined);
}

const sectionStart = (model: DocModel, section: number | undefined) => child(model.sections[section ?? 0], 'w:type')?.attrs['w:val'];

/** A page break typed after a paragraph's text ("…<w:br w:type="page"/>"): the text stays on the page before. */
function breakAfter(p: Para): boolean {
  const ls = linesOf(p);
  return !p.props.pageBreakBefore && ls.length > 1 && ls[0]!.text !== '' && ls[ls.length - 1]!.text === '';
}

/** At most this many lines at the end of a page are read for a contact block (address, phone, mail, web, and wraps). */
const CONTACT_LINES = 8;

/** The contact block as the last lines of a page: from the first labelled line among them, in one container. */
function endOfPage(page: Line[]): Line[] {
  const last = page[page.length - 1];
  if (!last) return [];
  let from = page.length - 1;
  while (from > 0 && page.length - from < CONTACT_LINES && sameContainer(page[from - 1]!.para, last.para)) from--;
  const tail = page.slice(from);
  const start = tail.findIndex((l) => RE.contact.test(fold(l.text)));
  return start < 0 ? [] : tail.slice(start);
}

/** Two paragraphs laid out in the same place: one table cell, one text box, or the page itself (of one part). */
export const sameContainer = (a: Para, b: Para): boolean =>
  a.part === b.part && (a.cell ? sameCell(a, b) : !b.cell && a.box?.id === b.box?.id);
