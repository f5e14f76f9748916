/**
 * What is inside one paragraph: its runs in reading order (through hyperlinks, content controls, tracked
 * insertions), the instructions of its fields, the text boxes anchored in it and whether a straight line is drawn
 * there. Deleted text, field instructions and mc:Fallback copies are left out, so nothing is read twice.
 */
import { isLine, placement, type Placement } from './drawing.js';
import { child, childrenNamed, isElement, textContent, type XmlElement } from './xml.js';

/** Inline wrappers whose runs count as the paragraph's own. */
const INLINE = new Set([
  'w:hyperlink', 'w:smartTag', 'w:ins', 'w:moveTo', 'w:sdt', 'w:sdtContent', 'w:customXml', 'w:fldSimple', 'w:dir',
  'w:bdo', 'mc:AlternateContent', 'mc:Choice',
]);

/** A text box anchored in the paragraph: its content and where it sits. */
export interface TextBox {
  content: XmlElement;
  place: Placement;
}

export interface Collected {
  runs: XmlElement[];
  boxes: TextBox[];
  fields: string[];
  /** Straight lines drawn from this paragraph, with where they sit. */
  lines: Placement[];
  /** A page break typed in the paragraph (w:br w:type="page"). */
  pageBreak: boolean;
  /** Word's note of where a page ended when it last laid the file out (w:lastRenderedPageBreak). */
  renderedBreak: boolean;
}

/** The runs of a paragraph in order, its field instructions, text boxes and drawn lines. */
export function collect(p: XmlElement): Collected {
  const out: Collected = { runs: [], boxes: [], fields: [], lines: [], pageBreak: false, renderedBreak: false };
  let instr: OpenField[] = [];
  const stack = p.children.filter(isElement).reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.name === 'w:fldSimple') out.fields.push(e.attrs['w:instr'] ?? '');
    if (e.name === 'w:r') {
      out.runs.push(e);
      instr = fieldParts(e, instr, out.fields);
      for (const c of e.children) {
        if (!isElement(c)) continue;
        if (c.name === 'w:br' && c.attrs['w:type'] === 'page') out.pageBreak = true;
        else if (c.name === 'w:lastRenderedPageBreak') out.renderedBreak = true;
      }
      for (const d of drawings(e)) {
        const place = placement(d);
        out.boxes.push(...textBoxes(d).map((content) => ({ content, place })));
        if (isLine(d)) out.lines.push(place);
      }
    } else if (INLINE.has(e.name)) {
      const kids = e.name === 'mc:AlternateContent' ? childrenNamed(e, 'mc:Choice').slice(0, 1) : e.children;
      for (let k = kids.length - 1; k >= 0; k--) {
        const c = kids[k];
        if (isElement(c)) stack.push(c);
      }
    }
  }
  return out;
}

interface OpenField {
  instr: string;
  /** The instruction is complete once "separate" (or "end") is reached. */
  closed: boolean;
}

/** Tracks complex fields (fldChar begin … instrText … separate … end) across runs; nested fields stack. */
function fieldParts(r: XmlElement, open: OpenField[], done: string[]): OpenField[] {
  for (const c of r.children) {
    if (!isElement(c)) continue;
    const top = open[open.length - 1];
    const type = c.name === 'w:fldChar' ? c.attrs['w:fldCharType'] : undefined;
    if (type === 'begin') open.push({ instr: '', closed: false });
    else if (c.name === 'w:instrText' && top && !top.closed) top.instr += textContent(c);
    else if ((type === 'separate' || type === 'end') && top) {
      if (!top.closed) done.push(top.instr.trim());
      top.closed = true;
      if (type === 'end') open.pop();
    }
  }
  return open;
}

/** The drawing-like objects of a run: w:drawing, w:pict, w:object (through mc:AlternateContent's first choice). */
function drawings(r: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of r.children) {
    if (!isElement(c)) continue;
    if (['w:drawing', 'w:pict', 'w:object'].includes(c.name)) out.push(c);
    if (c.name === 'mc:AlternateContent') {
      const choice = child(c, 'mc:Choice');
      if (choice) out.push(...choice.children.filter(isElement));
    }
  }
  return out;
}

function textBoxes(d: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [d];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.name === 'w:txbxContent') out.unshift(e);
    else if (e.name !== 'mc:Fallback') for (const c of e.children) if (isElement(c)) stack.push(c);
  }
  return out;
}

/** The text a run prints: w:t, tabs, breaks; not deleted text or field instructions. */
export function runText(r: XmlElement): string {
  let s = '';
  for (const c of r.children) {
    if (!isElement(c)) continue;
    if (c.name === 'w:t') s += textContent(c);
    else if (c.name === 'w:tab' || c.name === 'w:ptab') s += '\t';
    else if (c.name === 'w:br' || c.name === 'w:cr') s += '\n';
    else if (c.name === 'w:noBreakHyphen') s += '-';
  }
  return s;
}
