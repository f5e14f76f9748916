/**
 * A PDF's pieces of text gathered into printed lines: pieces on one baseline close enough together are one line;
 * a wide gap (the two columns of a header, Nơi nhận beside the signer) starts another. Each line is also a
 * `Line` of the DOCX model (./../model.ts), with runs carrying the size and style its font prints, so the checks
 * that judge a part by its text and look run on PDFs unchanged.
 */
import { textWidthPt } from '../../metrics/times.js';
import type { Line, Para, Run } from '../model.js';
import { emptyPara, type RunProps } from '../props.js';
import type { PdfFacts, PdfFont, PdfText } from './extract.js';

export interface PdfLine extends Line {
  /** 1-based page number. */
  page: number;
  /** Left end and right end of the ink, baseline, points from the page's top-left corner. */
  x: number;
  right: number;
  y: number;
  /** Largest font size on the line. */
  size: number;
  pieces: PdfText[];
}

/** A gap wider than this many font sizes separates two lines on one baseline. */
const COLUMN_GAP = 1.6;

/** Bold and italic as a font's PostScript name says them ("TimesNewRomanPS-BoldItalicMT", "Times-Bold", "Arial,Italic"). */
export function fontStyle(f: PdfFont | undefined): { bold: boolean; italic: boolean } {
  const name = f?.name ?? '';
  return { bold: /bold|black|heavy|semibold|demi/i.test(name), italic: /italic|oblique/i.test(name) };
}

/** Every printed line of the document, page by page, top to bottom, left to right. */
export function pdfLines(facts: PdfFacts): PdfLine[] {
  const out: PdfLine[] = [];
  facts.pages.forEach((page, k) => {
    const pieces = [...page.texts].sort((a, b) => a.y - b.y || a.x - b.x);
    for (const row of baselines(pieces)) for (const group of columns(row)) out.push(line(group, k + 1, out.length, facts));
  });
  return out;
}

/** Pieces grouped by baseline: within a quarter of their size of each other. */
function baselines(pieces: PdfText[]): PdfText[][] {
  const rows: PdfText[][] = [];
  for (const t of pieces) {
    const row = rows[rows.length - 1];
    const y = row?.[0]!.y;
    if (row && Math.abs(t.y - y!) <= Math.max(1, 0.25 * t.size)) row.push(t);
    else rows.push([t]);
  }
  return rows.map((r) => untangle(r).sort((a, b) => a.x - b.x));
}

/**
 * pdf.js joins the glyphs a PDF draws one after another in one font into one piece, even when glyphs of another
 * font sit between them: a fallback font's "ủ ị" spans the "t" of "Chủ tịch". A piece that other pieces start
 * inside is cut at its spaces, each word placed by its share of the piece's width (Times metrics), so the line
 * reads in order.
 */
function untangle(row: PdfText[]): PdfText[] {
  return row.flatMap((t) => {
    const inside = row.some((o) => o !== t && o.x > t.x + 0.5 && o.x < t.x + t.width - 0.5);
    if (!inside || !/\S\s+\S/.test(t.str)) return [t];
    const total = textWidthPt(t.str, t.size) || 1;
    const out: PdfText[] = [];
    let at = 0;
    for (const word of t.str.split(/(\s+)/)) {
      const w = (textWidthPt(word, t.size) / total) * t.width;
      if (/\S/.test(word)) out.push({ ...t, str: word, x: t.x + at, width: w });
      at += w;
    }
    return out;
  });
}

/** A baseline split where the gap between pieces is wider than a column gap. */
function columns(row: PdfText[]): PdfText[][] {
  const out: PdfText[][] = [[row[0]!]];
  for (let k = 1; k < row.length; k++) {
    const prev = row[k - 1]!;
    const gap = row[k]!.x - (prev.x + prev.width);
    if (gap > COLUMN_GAP * Math.max(prev.size, row[k]!.size)) out.push([]);
    out[out.length - 1]!.push(row[k]!);
  }
  return out;
}

function line(pieces: PdfText[], page: number, index: number, facts: PdfFacts): PdfLine {
  const runs: Run[] = [];
  let text = '';
  pieces.forEach((t, k) => {
    const prev = pieces[k - 1];
    // Pieces apart by more than a sliver were separate words.
    if (prev && t.x - (prev.x + prev.width) > 0.15 * t.size && !/\s$/.test(text) && !/^\s/.test(t.str)) {
      runs.push(run(' ', t, facts));
      text += ' ';
    }
    runs.push(run(t.str, t, facts));
    text += t.str;
  });
  const last = pieces[pieces.length - 1]!;
  const para: Para = {
    index,
    part: `trang ${page}`,
    label: '',
    runs,
    text,
    props: emptyPara(),
    mark: runs[0]!.props,
    inTextBox: false,
    hasLine: false,
    lines: [],
    fields: [],
    pageBreak: false,
  };
  return {
    para,
    k: 0,
    text: text.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim(),
    runs,
    page,
    x: pieces[0]!.x,
    right: last.x + last.width,
    y: pieces[0]!.y,
    size: Math.max(...pieces.map((t) => t.size)),
    pieces,
  };
}

function run(text: string, t: PdfText, facts: PdfFacts): Run {
  const f = facts.fonts[t.font];
  const props: RunProps = { ...fontStyle(f), size: Math.round(t.size * 2), fonts: f ? { ascii: { name: f.name }, hAnsi: { name: f.name } } : {} };
  return { text, raw: text, props };
}
