/**
 * Where a drawn object sits and how wide it is, from DrawingML (wp:anchor / wp:inline) or VML (w:pict): the
 * straight lines people draw as rules and the text boxes they lay a header out in. Positions are horizontal
 * only, in points, relative to what the file says: the column (the text area, or the table cell when the
 * object is laid out in a cell), the margin, the page, or the character it is anchored to.
 */
import { child, isElement, some, type XmlElement } from './xml.js';

export type Relative = 'column' | 'margin' | 'page' | 'character' | 'inline';

export interface Placement {
  /** Left edge in points from the `relative` origin; undefined when aligned or unknown. */
  x?: number;
  /** Width in points, when the file gives one. */
  width?: number;
  relative: Relative;
  /** "center", "left", "right" when the object is aligned instead of offset. */
  align?: string;
}

const EMU_PER_PT = 12700;

/** A CSS/VML length ("57pt", "1.5in", "2cm", "20mm", "10px", "0") in points; unitless means pixels. */
export function lengthPt(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|pc|emu)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'px').toLowerCase();
  const per: Record<string, number> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, px: 0.75, pc: 12, emu: 1 / EMU_PER_PT };
  return Number.isFinite(n) ? n * per[unit]! : undefined;
}

const emu = (v: string | undefined): number | undefined => (v === undefined || !/^-?\d+$/.test(v) ? undefined : Number(v) / EMU_PER_PT);

/** The placement of a DrawingML object: the wp:anchor or wp:inline inside a w:drawing. */
function drawingMl(frame: XmlElement): Placement {
  const width = emu(child(frame, 'wp:extent')?.attrs.cx);
  if (frame.name === 'wp:inline') return { width, relative: 'inline' };
  const h = child(frame, 'wp:positionH');
  const from = h?.attrs.relativeFrom ?? 'column';
  const relative: Relative = from === 'page' ? 'page' : from === 'margin' || from === 'leftMargin' ? 'margin' : from === 'character' ? 'character' : 'column';
  const offset = child(h, 'wp:posOffset');
  const align = child(h, 'wp:align');
  const x = offset ? emu(textOf(offset).trim()) : undefined;
  return { x, width, relative, align: align ? textOf(align).trim() : undefined };
}

/** VML: a style="position:absolute;margin-left:57pt;width:180pt;mso-position-horizontal-relative:margin". */
function vml(shape: XmlElement): Placement {
  const style = parseStyle(shape.attrs.style ?? '');
  const rel = style['mso-position-horizontal-relative'];
  const relative: Relative = rel === 'page' ? 'page' : rel === 'margin' ? 'margin' : rel === 'char' ? 'character' : style.position === 'absolute' ? 'column' : 'inline';
  const align = style['mso-position-horizontal'];
  if (shape.name === 'v:line') {
    const [x1, x2] = [shape.attrs.from, shape.attrs.to].map((p) => lengthPt((p ?? '0,0').split(',')[0]));
    if (x1 !== undefined && x2 !== undefined) return { x: Math.min(x1, x2) + (lengthPt(style['margin-left']) ?? 0), width: Math.abs(x2 - x1), relative, align };
  }
  return { x: lengthPt(style['margin-left'] ?? style.left), width: lengthPt(style.width), relative, align: align === 'absolute' ? undefined : align };
}

function parseStyle(style: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0) out[decl.slice(0, colon).trim().toLowerCase()] = decl.slice(colon + 1).trim();
  }
  return out;
}

function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}

/** The first element below `el` (itself included) named one of `names`, not looking into text boxes. */
function first(el: XmlElement, names: readonly string[]): XmlElement | undefined {
  const stack = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (names.includes(e.name)) return e;
    if (e.name === 'w:txbxContent' || e.name === 'mc:Fallback') continue;
    for (let k = e.children.length - 1; k >= 0; k--) {
      const c = e.children[k];
      if (isElement(c)) stack.push(c);
    }
  }
  return undefined;
}

/** Where a drawing-like element (w:drawing, w:pict, w:object) sits. */
export function placement(d: XmlElement): Placement {
  const frame = first(d, ['wp:anchor', 'wp:inline']);
  if (frame) return drawingMl(frame);
  const shape = first(d, ['v:line', 'v:shape', 'v:rect', 'v:group']);
  return shape ? vml(shape) : { relative: 'inline' };
}

/** A straight line: a DrawingML line or connector preset, or a VML line or straight connector (not what is inside a text box). */
export function isLine(d: XmlElement): boolean {
  const found = first(d, ['a:prstGeom', 'v:line', 'v:shape']);
  if (!found) return false;
  if (found.name === 'a:prstGeom') return /^(line|straightConnector1)$/.test(found.attrs.prst ?? '');
  if (found.name === 'v:line') return true;
  return (found.attrs.type ?? '').endsWith('_x0000_t32') || some(found, (e) => e.name === 'v:path' && /^m[\d,\s-]+l[\d,\s-]+e$/i.test(e.attrs.v ?? ''));
}
