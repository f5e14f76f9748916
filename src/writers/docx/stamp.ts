import type { Paragraph, Table } from 'docx';
import { toXml } from './serialize.js';

type Element = Paragraph | Table;
type Context = Parameters<Element['prepForXml']>[0];

/** Placeholders for a view's texts while a block is built once; private-use characters the loader strips. */
const SLOT = (i: number): string => `\uE010${i}\uE011`;
const SLOT_RE = /\uE010(\d+)\uE011/;
const PRIVATE = /[\uE000-\uE01F]/g;
const MAX_SHAPES = 2000;

const escText = (s: string): string => s.replace(PRIVATE, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The view with every text (a string under a `text` key: the runs of the letter model) replaced by f(text), in a
 * fixed walk order. Other strings (roles, alignments) shape the XML and stay as they are.
 */
function mapStrings(v: unknown, f: (s: string) => string, key = ''): unknown {
  if (typeof v === 'string') return key === 'text' ? f(v) : v;
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f, k)]));
  return v;
}

/**
 * Serialises docx blocks fast. A block is built by the docx library from a *view* (a block of the letter model:
 * its texts plus the numbers and names that shape it). The first time a shape is seen, the block is built with numbered placeholders
 * instead of texts and its XML kept; afterwards the texts are poured into that XML. The docx library still
 * decides every element and attribute; a batch of 1,000 letters just does not rebuild them 1,000 times.
 */
export class Stamper {
  private readonly shapes = new Map<string, (string | number)[]>();
  constructor(private readonly context: Context) {}

  xml<V>(name: string, view: V, build: (v: V) => Element | Element[]): string {
    const key = name + JSON.stringify(mapStrings(view, () => ''));
    let parts = this.shapes.get(key);
    if (!parts) {
      let n = 0;
      const slotted = mapStrings(view, () => SLOT(n++)) as V;
      const xml = [build(slotted)].flat().map((el) => toXml(el.prepForXml(this.context))).join('');
      parts = xml.split(SLOT_RE).map((p, i) => (i % 2 ? Number(p) : p));
      if (this.shapes.size >= MAX_SHAPES) this.shapes.clear();
      this.shapes.set(key, parts);
    }
    const texts: string[] = [];
    mapStrings(view, (s) => { texts.push(escText(s)); return s; });
    let out = '';
    for (const p of parts) out += typeof p === 'number' ? texts[p]! : p;
    return out;
  }
}
