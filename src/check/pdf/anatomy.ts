/**
 * The parts of a công văn found on printed pages: by what they say (the same patterns as for DOCX) and where
 * they print — the header is what stands above "Kính gửi" on page 1, the issuer is left of the Quốc hiệu, the
 * signer right of "Nơi nhận", the body between them. Body lines are gathered into paragraphs (an indented
 * line or a wider gap starts one), so paragraph checks can measure indents and spacing.
 */
import { DASH, endsSubject, fold, isUpper, PARTS, recipientLines, splitIssuer, type Anatomy, type ContactPlace } from '../anatomy.js';
import type { Line, Para } from '../model.js';
import type { PdfFacts, PdfRule } from './extract.js';
import type { PdfLine } from './lines.js';

export interface PdfParagraph {
  para: Para;
  lines: PdfLine[];
}

export interface PdfAnatomy extends Anatomy {
  facts: PdfFacts;
  all: PdfLine[];
  /** The date line's first printed line, and the line it wrapped onto when it did not fit its width. */
  dateFirst?: PdfLine;
  dateWrap?: PdfLine;
  /** Likewise for the Quốc hiệu, which must print on one line. */
  quocHieuWrap?: PdfLine;
  paragraphs: PdfParagraph[];
  /** Page numbers: the lone numbers printed in the top margin, page by page; and those printed at the foot. */
  pageNumbers: PdfLine[];
  footerNumbers: PdfLine[];
  /**
   * The contact block (ô 13) at the foot of page 1: address, phone, e-mail, website; and the rule printed above it.
   * Without one on page 1, a block at the foot of a later page of the letter (not of an appendix).
   */
  contact: PdfLine[];
  contactRule?: PdfRule;
  /** Pages that open an appendix ("Phụ lục …" first on the page), 1-based; every page after the first of them is an appendix's. */
  appendixStarts: number[];
  /** Where the body's lines start (the left margin as printed) and end (the right margin: an edge two full lines share), points. */
  bodyLeft?: number;
  bodyRight?: number;
  /** The furthest end of any full line (not a paragraph's last): where lines should end when none share an edge. */
  fullRight?: number;
}

const is = (re: RegExp) => (l: PdfLine) => re.test(fold(l.text));
const mid = (l: PdfLine) => (l.x + l.right) / 2;
const NOTE = /^\(.*\)$/; // "(Đã ký)", "(Ký, đóng dấu)"

export function pdfAnatomy(facts: PdfFacts, all: PdfLine[]): PdfAnatomy {
  const pageNumbers = all.filter((l) => isPageNumber(l, facts, 'top'));
  const footerNumbers = all.filter((l) => isPageNumber(l, facts, 'foot'));
  const numbered = new Set([...pageNumbers, ...footerNumbers]);
  const starts = appendixStarts(all.filter((l) => !numbered.has(l)));
  const { lines: contact, rule: contactRule, place: contactPlace, repeats } = contactLines(facts, all, starts[0]);
  const aside = new Set([...numbered, ...contact, ...repeats]);
  const lines = all.filter((l) => !aside.has(l));
  const first = lines.filter((l) => l.page === 1);
  const { line: quocHieu, wrap: quocHieuWrap } = oneOrWrapped(first, PARTS.quocHieu);
  const tieuNgu = first.find((l) => is(PARTS.tieuNgu)(l) && l !== quocHieu);
  const kinhGui = lines.find(is(PARTS.kinhGui));
  const headEnd = kinhGui ? lines.indexOf(kinhGui) : headerEndWithout(first);
  const head = lines.slice(0, headEnd).filter((l) => l.page === 1);
  const so = head.find(is(PARTS.so));
  const { date: dateAsPrinted, dateWrap } = dateLine(head);
  const date = dateAsPrinted && dateWrap ? joined(dateAsPrinted, dateWrap) : dateAsPrinted;
  const subject = subjectLines(head, head.find(is(PARTS.subject)));
  const urgency = head.find(is(PARTS.urgency));
  const marks = head.filter(is(PARTS.mark));
  const known = new Set<PdfLine | undefined>([quocHieu, quocHieuWrap, tieuNgu, so, dateAsPrinted, dateWrap, urgency, ...marks, ...subject]);
  for (const l of first) if (quocHieuWrap && (l.y === quocHieu!.y || l.y === quocHieuWrap.y) && Math.abs(l.x - quocHieu!.x) < 1) known.add(l);
  const left = (l: PdfLine) => !quocHieu || mid(l) < quocHieu.x;
  const { parent, issuer } = splitIssuer(head.filter((l) => !known.has(l) && isUpper(l.text) && left(l) && (!so || l.y < so.y)));
  const recipients = kinhGui ? (recipientLines(lines, kinhGui) as PdfLine[]) : [];
  const afterHead = lines.indexOf(recipients[recipients.length - 1] ?? kinhGui ?? head[head.length - 1]!) + 1;
  const rest = lines.slice(afterHead);
  const noiNhan = [...rest].reverse().find(is(PARTS.noiNhan));
  const noiNhanItems = noiNhan ? itemLines(rest, noiNhan) : [];
  const itemSet = new Set(noiNhan ? rest.filter((l) => l.page === noiNhan.page && l.y > noiNhan.y && l.x - noiNhan.x <= 30 && (l.x + l.right) / 2 < facts.pages[l.page - 1]!.width / 2) : []);
  const signer = signerLines(facts, rest, noiNhan, itemSet);
  const closing = [noiNhan, signer[0]].filter((l): l is PdfLine => l !== undefined).map((l) => rest.indexOf(l));
  const bodyLines = rest.slice(0, closing.length ? Math.min(...closing) : rest.length).filter((l) => !signer.includes(l) && !itemSet.has(l));
  const paragraphs = paragraphsOf(bodyLines, leftMargin(bodyLines, noiNhan));
  const body = paragraphs.map((p) => p.para);
  const names = new Map<Para, string>();
  paragraphs.forEach((p, k) => names.set(p.para, `body ¶${k + 1} (trang ${p.lines[0]!.page})`));
  const headerParas = head.map((l) => l.para);
  return {
    facts, all, lines, quocHieu, quocHieuWrap, tieuNgu, headerParas, parent, issuer, so, date, dateFirst: dateAsPrinted, dateWrap, subject, urgency, marks, kinhGui, recipients,
    body, noiNhan, noiNhanItems, signer, paragraphs, pageNumbers, footerNumbers, contact, contactRule, contactPlace, appendixStarts: starts, ...margins(paragraphs, leftMargin(bodyLines, noiNhan)),
    where: (p) => names.get(p) ?? p.part,
  };
}

/**
 * The line matching `re`; or, when none does, two lines of one column, one under the other, that do together:
 * the text wrapped because it did not fit (a Quốc hiệu set too large for its column).
 */
function oneOrWrapped(lines: PdfLine[], re: RegExp): { line?: PdfLine; wrap?: PdfLine } {
  const line = lines.find(is(re));
  if (line) return { line };
  for (const a of lines) {
    const b = lines.find((l) => l.y > a.y && l.y - a.y < 2 * a.size && Math.abs(mid(l) - mid(a)) < 80);
    if (b && re.test(fold(`${a.text} ${b.text}`))) return { line: joined(a, b), wrap: b };
  }
  return {};
}

interface ContactFound {
  lines: PdfLine[];
  rule?: PdfRule;
  place?: ContactPlace;
  /** The same block printed again at the foot of later pages (a footer shared by every page). */
  repeats: PdfLine[];
}

/**
 * The contact block at the foot of page 1 (ô 13), and the same block at the foot of later pages; without one on
 * page 1, the first at the foot of a later page before the appendices, which is then not on page 1.
 */
function contactLines(facts: PdfFacts, all: PdfLine[], appendix = Infinity): ContactFound {
  const onPage1 = footBlock(facts, all, 1);
  const later = facts.pages.map((_, k) => k + 1).filter((n) => n > 1).map((n) => footBlock(facts, all, n));
  if (onPage1.lines.length > 0) {
    const repeats = later.flatMap((b) => b.lines);
    return { ...onPage1, place: repeats.length > 0 ? 'every-page' : 'first-page', repeats };
  }
  const first = later.find((b) => b.lines.length > 0 && b.lines[0]!.page < appendix);
  return first ? { ...first, place: 'later-page', repeats: [] } : { lines: [], repeats: [] };
}

/**
 * A contact block at the foot of a page: the lines under the last rule drawn across the lower part of the page,
 * when they start with one of its labels; without such a rule, the labelled lines in the page's lowest quarter and
 * what follows them. Its rule is the nearest horizontal line above its first line, whatever its length.
 */
function footBlock(facts: PdfFacts, all: PdfLine[], n: number): { lines: PdfLine[]; rule?: PdfRule } {
  const page = facts.pages[n - 1];
  if (!page) return { lines: [] };
  const on = all.filter((l) => l.page === n);
  const across = page.rules.filter((r) => r.y1 === r.y2 && r.x2 - r.x1 > page.width / 2 && r.y1 > page.height * 0.6).sort((a, b) => b.y1 - a.y1)[0];
  const under = across ? on.filter((l) => l.y > across.y1) : [];
  if (under.some(is(PARTS.contact))) return { lines: under, rule: across };
  const start = on.find((l) => l.y > page.height * 0.75 && is(PARTS.contact)(l));
  if (!start) return { lines: [] };
  // A rule above its first line by at most two lines of text.
  const above = page.rules.filter((r) => r.y1 === r.y2 && r.y1 < start.y - 0.7 * start.size && r.y1 > start.y - 3 * start.size);
  return { lines: on.filter((l) => l.y >= start.y), rule: above.sort((a, b) => b.y1 - a.y1)[0] };
}

/** Pages whose first printed line (page numbers aside) is an appendix heading. */
function appendixStarts(lines: PdfLine[]): number[] {
  const firsts = lines.filter((l, k) => l.page > 1 && lines[k - 1]?.page !== l.page);
  return firsts.filter(is(PARTS.appendix)).map((l) => l.page);
}

/** A number alone, centred in the top (or bottom) tenth of a page: its page number. */
function isPageNumber(l: PdfLine, facts: PdfFacts, where: 'top' | 'foot'): boolean {
  const page = facts.pages[l.page - 1]!;
  const edge = where === 'top' ? l.y < page.height * 0.1 : l.y > page.height * 0.9;
  return /^\d{1,3}$/.test(l.text) && edge && Math.abs(mid(l) - page.width / 2) < page.width * 0.15;
}

/** Without "Kính gửi", the header ends at the first long line. */
function headerEndWithout(first: PdfLine[]): number {
  const k = first.findIndex((l) => l.text.length >= 60 && !PARTS.quocHieu.test(fold(l.text)));
  return k < 0 ? Math.min(first.length, 12) : k;
}

/**
 * The date line; and, when it did not fit its width, the line it wrapped onto: the next line in the same
 * column that completes "…, ngày … tháng … năm 2021".
 */
function dateLine(head: PdfLine[]): { date?: PdfLine; dateWrap?: PdfLine } {
  const date = head.find((l) => PARTS.date.test(fold(l.text)) || /\bngày\b/iu.test(l.text));
  if (!date || /năm\s*\d{4}\s*$/u.test(date.text)) return { date };
  const next = head.find((l) => l !== date && l.y > date.y && l.y - date.y < 2 * date.size && Math.abs(mid(l) - mid(date)) < 60);
  return next ? { date, dateWrap: next } : { date };
}

/** "V/v …" and the lines under it in the same centred block. */
function subjectLines(head: PdfLine[], first: PdfLine | undefined): PdfLine[] {
  if (!first) return [];
  const out = [first];
  for (const l of head.filter((x) => x.y > first.y).sort((a, b) => a.y - b.y)) {
    const prev = out[out.length - 1]!;
    if (l.y - prev.y > 1.8 * prev.size || Math.abs(mid(l) - mid(first)) > 40) continue;
    if (endsSubject(l)) break;
    out.push(l);
  }
  return out;
}

/**
 * Items under "Nơi nhận:": the lines below it starting where it starts, until a gap; an item too long for its
 * column wraps onto lines set a little to the right, which are joined to it.
 */
function itemLines(rest: PdfLine[], noiNhan: PdfLine): PdfLine[] {
  const out: PdfLine[] = [];
  let prev = noiNhan;
  for (const l of rest.filter((x) => x.page === noiNhan.page && x.y > noiNhan.y).sort((a, b) => a.y - b.y)) {
    const dx = l.x - noiNhan.x;
    if (dx < -6 || dx > 30) continue;
    if (l.y - prev.y > 2.2 * Math.max(l.size, prev.size)) break;
    const item = out[out.length - 1];
    if (dx > 6 && item && !DASH.test(l.text)) out[out.length - 1] = joined(item, l);
    else out.push(l);
    prev = l;
  }
  return out;
}

/** Two printed lines read as one: a wrapped item, a wrapped date. */
export function joined(a: PdfLine, b: PdfLine): PdfLine {
  const space = { ...b.runs[0]!, text: ' ', raw: ' ' };
  return { ...a, text: `${a.text} ${b.text}`, runs: [...a.runs, space, ...b.runs], right: Math.max(a.right, b.right), pieces: [...a.pieces, ...b.pieces] };
}

/**
 * Signer lines: right of "Nơi nhận" from its height down on its page; without "Nơi nhận", the last lines of
 * the letter in the right half of the page.
 */
function signerLines(facts: PdfFacts, rest: PdfLine[], noiNhan: PdfLine | undefined, items: Set<PdfLine>): PdfLine[] {
  const real = (l: PdfLine) => !NOTE.test(l.text);
  if (noiNhan) {
    // The signer's first line is level with "Nơi nhận", in the column to its right; the block may end on the next page.
    const right = (l: PdfLine) => l.x > noiNhan.x + 100 && !items.has(l) && real(l);
    const here = rest.filter((l) => l.page === noiNhan.page && l.y >= noiNhan.y - 0.6 * l.size && right(l));
    // Carried over only while the block has no name yet (its last line a title in capitals).
    const last = here[here.length - 1];
    if (last && !isUpper(last.text)) return here;
    const next = rest.filter((l) => l.page === noiNhan.page + 1);
    const stop = next.findIndex((l) => !right(l));
    return [...here, ...next.slice(0, stop < 0 ? next.length : stop)];
  }
  const out: PdfLine[] = [];
  for (const l of [...rest].reverse()) {
    if (mid(l) <= facts.pages[l.page - 1]!.width * 0.55 || l.text.length > 80) break;
    if (real(l)) out.unshift(l);
  }
  return out;
}

/**
 * Where body lines start: the leftmost body line, or "Nơi nhận" (at the margin, in its cell) when every body
 * line is an indented first line.
 */
function leftMargin(lines: PdfLine[], noiNhan: PdfLine | undefined): number | undefined {
  const xs = lines.map((l) => l.x);
  if (xs.length === 0) return undefined;
  const least = Math.min(...xs);
  return noiNhan && noiNhan.x < least - 4 ? noiNhan.x - NOI_NHAN_INSET : least;
}

/** How far Nơi nhận prints right of the margin: the cell margin of a borderless table (Word's 0.19 cm, LibreOffice's 0.05 cm). */
const NOI_NHAN_INSET = 1.4;

/**
 * Body lines in paragraphs: a gap wider than the usual line pitch starts one, and so does a line indented past a
 * line that stood at the margin (paragraphs with no space between them). A hanging list item's wrapped lines,
 * indented past its first line, stay with it.
 */
function paragraphsOf(lines: PdfLine[], left = 0): PdfParagraph[] {
  const usual = commonGap(lines);
  const edge = sharedRight(lines);
  const out: PdfLine[][] = [];
  for (const l of lines) {
    const cur = out[out.length - 1];
    const prev = cur?.[cur.length - 1];
    const gap = prev && prev.page === l.page ? l.y - prev.y : undefined;
    const indented = prev !== undefined && l.x > left + 4 && Math.abs(prev.x - left) < 2;
    // One-line paragraphs evenly spaced look like the lines of one paragraph (their gap is the usual one). But the
    // lines of a paragraph after its first start left of its indented first line, and all but its last run to the
    // right edge: a line indented just as the one before, which fell short of that edge (or of any edge, when no
    // two lines share one), begins a paragraph.
    const again = prev !== undefined && l.x > left + 4 && Math.abs(l.x - prev.x) < 1 && (edge === undefined || edge - prev.right > 12);
    // A point and a half over the usual pitch: less is rounding, more is space between paragraphs.
    if (!cur || (gap !== undefined && gap > (usual ?? 1.2 * l.size * 1.149) + 1.5) || indented || again) out.push([l]);
    else cur.push(l);
  }
  return out.map((ls) => ({ para: paragraph(ls), lines: ls }));
}

/**
 * The line pitch inside paragraphs: the smallest distance between consecutive lines on a page that occurs more
 * than once (the gaps between paragraphs are wider; a letter of one-line paragraphs has more of those).
 */
function commonGap(lines: PdfLine[]): number | undefined {
  const counts = new Map<number, number>();
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    const gap = prev?.page === l.page ? Math.round((l.y - prev.y) * 2) / 2 : undefined;
    if (gap !== undefined && gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  });
  const repeated = [...counts].filter(([, n]) => n > 1).map(([g]) => g);
  const pick = repeated.length ? Math.min(...repeated) : counts.size ? Math.min(...counts.keys()) : undefined;
  return pick;
}

function paragraph(lines: PdfLine[]): Para {
  const first = lines[0]!.para;
  const runs = lines.flatMap((l, k) => (k === 0 ? l.runs : [{ ...l.runs[0]!, text: ' ', raw: ' ' }, ...l.runs]));
  return { ...first, runs, text: lines.map((l) => l.text).join(' ') };
}

/** The furthest right end that two or more lines share (within a point): the edge justified lines are set to. */
function sharedRight(lines: readonly PdfLine[]): number | undefined {
  const rights = lines.map((l) => l.right).sort((a, b) => b - a);
  const k = rights.findIndex((r, i) => i > 0 && rights[i - 1]! - r <= 1);
  return k < 0 ? undefined : rights[k - 1];
}

/**
 * Where body lines start and where full lines end: the edge the paragraphs' lines other than their last share.
 * A body with no such edge (one full line, or none) does not say where its right margin is.
 */
function margins(paragraphs: PdfParagraph[], left: number | undefined): { bodyLeft?: number; bodyRight?: number; fullRight?: number } {
  const full = paragraphs.flatMap((p) => p.lines.slice(0, -1));
  return { bodyLeft: left, bodyRight: sharedRight(full), fullRight: full.length ? Math.max(...full.map((l) => l.right)) : undefined };
}

export type { Line };
