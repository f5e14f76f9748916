/**
 * What a printed page shows, read from a PDF with pdf.js: each page's size, its pieces of text (where, how big,
 * in which font) and its straight lines (stroked segments, and the thin filled rectangles Word prints borders
 * as). Coordinates are points from the page's top-left corner, y down, whatever the PDF's own transforms.
 * The result is plain data: the checks never see pdf.js.
 */
import { FONTLESS_DOCUMENT, type Pdfjs } from './pdfjs-entry.js';

export interface PdfText {
  str: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  /** Font size in points as printed (the text matrix times the page's transforms). */
  size: number;
  width: number;
  /** pdf.js's name for the font: a key of PdfFacts.fonts. */
  font: string;
}

/** A horizontal (y1 = y2) or vertical (x1 = x2) line at least RULE_MIN long. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width or rectangle thickness, points. */
  thickness: number;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}

export interface PdfFont {
  /** PostScript name without the subset tag: "LiberationSerif-Bold", "TimesNewRomanPS-BoldMT", "Arial,Bold". */
  name: string;
  /** The font program is in the file (a PDF reader elsewhere prints these glyphs, not a substitute). */
  embedded: boolean;
}

export interface PdfFacts {
  pages: PdfPage[];
  fonts: Record<string, PdfFont>;
}

/** Shorter lines are glyph parts, underline dots or noise. */
const RULE_MIN = 3;
/** A filled rectangle thinner than this is a line. */
const THIN = 2.5;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export async function extract(pdfjs: Pdfjs, bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await pdfjs.getDocument({
    // pdf.js takes over (detaches) the buffer it is given: the caller keeps its own.
    data: bytes.slice(),
    isEvalSupported: false,
    // Fonts go to a document that keeps none (pdfjs-entry.ts): no glyph outlines are built for drawing.
    disableFontFace: false,
    ownerDocument: FONTLESS_DOCUMENT,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    const fonts: Record<string, PdfFont> = {};
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as Matrix;
      const ops = await page.getOperatorList();
      const text = await page.getTextContent();
      pages.push({ width: viewport.width, height: viewport.height, texts: texts(text.items, view), rules: rules(pdfjs, ops, view) });
      for (const id of Object.keys(text.styles)) fonts[id] ??= font(page, id);
      page.cleanup();
    }
    return { pages, fonts };
  } finally {
    await doc.destroy();
  }
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

function texts(items: readonly unknown[], view: Matrix): PdfText[] {
  const out: PdfText[] = [];
  for (const it of items as TextItem[]) {
    if (typeof it.str !== 'string' || !/\S/.test(it.str)) continue;
    const m = multiply(view, it.transform as Matrix);
    const [x, y] = [m[4], m[5]];
    // The glyphs' height on the page: the text matrix's vertical scale, through the page's transforms.
    const size = Math.hypot(m[2], m[3]);
    out.push({ str: it.str.normalize('NFC'), x, y, size, width: it.width * (Math.hypot(view[0], view[1]) || 1), font: it.fontName });
  }
  return out;
}

/**
 * A font as pdf.js loaded it. An embedded program is converted and handed over with a MIME type; a font the PDF
 * only names has none (pdf.js's "font extra properties" would say so too, at a third of the reading time).
 */
function font(page: { commonObjs: { has(id: string): boolean; get(id: string): unknown } }, id: string): PdfFont {
  const f = (page.commonObjs.has(id) ? page.commonObjs.get(id) : undefined) as { name?: string; mimetype?: string | null } | undefined;
  // pdf.js 5 passes font facts in a packed form where a missing MIME type comes back as the string "null".
  const mime = f?.mimetype;
  return { name: (f?.name ?? id).replace(/^[A-Z]{6}\+/, ''), embedded: typeof mime === 'string' && mime !== '' && mime !== 'null' };
}

/** Straight lines of the page: stroked segments and thin filled rectangles, through the graphics state's transforms. */
function rules(pdfjs: Pdfjs, list: { fnArray: number[]; argsArray: unknown[] }, view: Matrix): PdfRule[] {
  const { OPS } = pdfjs;
  const out: PdfRule[] = [];
  const stack: { ctm: Matrix; width: number }[] = [];
  let ctm = IDENTITY;
  let lineWidth = 1;
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ctm, width: lineWidth });
    else if (fn === OPS.restore) ({ ctm, width: lineWidth } = stack.pop() ?? { ctm: IDENTITY, width: 1 });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, width: lineWidth });
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, width: lineWidth } = stack.pop() ?? { ctm: IDENTITY, width: 1 });
    else if (fn === OPS.constructPath) out.push(...pathRules(pdfjs, args, multiply(view, ctm), lineWidth));
  });
  return out;
}

function pathRules(pdfjs: Pdfjs, args: unknown[], m: Matrix, lineWidth: number): PdfRule[] {
  const { OPS } = pdfjs;
  const paint = args[0] as number;
  const data = (args[1] as (Float32Array | null)[] | undefined)?.[0];
  if (!data || paint === OPS.endPath) return [];
  const stroked = [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
  const filled = [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
  const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
  const subpaths = points(data).map((sp) => sp.map(([x, y]) => apply(m, x, y)));
  const out: PdfRule[] = [];
  for (const sp of subpaths) {
    if (filled) {
      const r = thinRectangle(sp);
      if (r) {
        out.push(r);
        continue;
      }
    }
    if (!stroked) continue;
    for (let k = 1; k < sp.length; k++) {
      const seg = straight(sp[k - 1]!, sp[k]!, lineWidth * scale);
      if (seg) out.push(seg);
    }
  }
  return out;
}

/** pdf.js's path codes (its DrawOPS, not exported). */
const D = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };

/** The subpaths of a pdf.js path as polylines; curves keep their end point. */
function points(data: Float32Array): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === D.moveTo) {
      if (cur.length > 1) out.push(cur);
      cur = [[data[i]!, data[i + 1]!]];
      i += 2;
    } else if (op === D.lineTo) {
      cur.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === D.curveTo) {
      cur.push([data[i + 4]!, data[i + 5]!]);
      i += 6;
    } else if (op === D.quadraticCurveTo) {
      cur.push([data[i + 2]!, data[i + 3]!]);
      i += 4;
    } else if (op === D.closePath) {
      if (cur.length > 0) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

function straight([x1, y1]: [number, number], [x2, y2]: [number, number], thickness: number): PdfRule | undefined {
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x2 - x1) >= RULE_MIN) return { x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1, y2: y1, thickness };
  if (Math.abs(x1 - x2) < 0.5 && Math.abs(y2 - y1) >= RULE_MIN) return { x1, x2: x1, y1: Math.min(y1, y2), y2: Math.max(y1, y2), thickness };
  return undefined;
}

/** An axis-aligned rectangle thinner than THIN, as a line through its middle. */
function thinRectangle(sp: [number, number][]): PdfRule | undefined {
  if (sp.length < 4 || sp.length > 6) return undefined;
  const xs = sp.map((p) => p[0]);
  const ys = sp.map((p) => p[1]);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axis = sp.every((p, k) => k === 0 || Math.abs(p[0] - sp[k - 1]![0]) < 0.01 || Math.abs(p[1] - sp[k - 1]![1]) < 0.01);
  if (!axis) return undefined;
  const w = right - left;
  const h = bottom - top;
  if (h < THIN && w >= RULE_MIN) return { x1: left, x2: right, y1: (top + bottom) / 2, y2: (top + bottom) / 2, thickness: h };
  if (w < THIN && h >= RULE_MIN) return { x1: (left + right) / 2, x2: (left + right) / 2, y1: top, y2: bottom, thickness: w };
  return undefined;
}
