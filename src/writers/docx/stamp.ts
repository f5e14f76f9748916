import type { Paragraph, Table, TableRow } from 'docx';
import { toXml } from './serialize.js';

type Element = Paragraph | Table | TableRow;
type Context = Parameters<Paragraph['prepForXml']>[0];

/** Placeholders for a view's texts while a block is built once; private-use characters the loader strips. */
const SLOT = (i: number): string => `\uE010${i}\uE011`;
const SLOT_RE = /\uE010(\d+)\uE011/;
/** A whole paragraph that holds a slot: where other XML goes (a table cell's content). */
const HOLE_RE = /<w:p>(?:(?!<w:p>)[\s\S])*?\uE010(\d+)\uE011[\s\S]*?<\/w:p>/;
const PRIVATE = /[\uE000-\uE01F]/g;
const MAX_SHAPES = 2000;
/**
 * No docx File in the context: our blocks give every width and colour explicitly, so docx needs no document to
 * resolve them (same bytes for every example), and not building one saves ~15 ms at start-up.
 */
const CONTEXT = { stack: [] } as unknown as Context;

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
 * The view's shape as a key (JSON, every text written as "") and its texts, escaped, in the walk order of
 * mapStrings: one pass, no copy of the view (the two walks it replaces were a fifth of a letter's DOCX time).
 */
function shapeAndTexts(v: unknown, texts: string[], key = ''): string {
  if (typeof v === 'string') {
    if (key !== 'text') return JSON.stringify(v);
    texts.push(escText(v));
    return '""';
  }
  if (Array.isArray(v)) return `[${v.map((x) => shapeAndTexts(x, texts)).join(',')}]`;
  if (v && typeof v === 'object') {
    let out = '{';
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined || typeof x === 'function') continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${shapeAndTexts(x, texts, k)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * Serialises docx blocks fast. A block is built by the docx library from a *view* (a block of the letter model:
 * its texts plus the numbers and names that shape it). The first time a shape is seen, the block is built with numbered placeholders
 * instead of texts and its XML kept; afterwards the texts are poured into that XML. The docx library still
 * decides every element and attribute; a batch of 1,000 letters just does not rebuild them 1,000 times.
 */
/**
 * Shapes kept for the process, not per writer: a shape's XML depends only on its key (CONTEXT is the same for
 * every writer), and a process that makes several runs (the tests, a watch mode) need not rebuild them.
 */
const shapes = new Map<string, (string | number)[]>();

export class Stamper {
  xml<V>(name: string, view: V, build: (v: V) => Element | Element[]): string {
    const texts: string[] = [];
    const parts = this.shape(name + shapeAndTexts(view, texts), () => {
      let n = 0;
      const slotted = mapStrings(view, () => SLOT(n++)) as V;
      return this.toXml(build(slotted)).split(SLOT_RE);
    });
    return fill(parts, texts);
  }

  /**
   * An element with holes instead of content (`hole(k)` as the text of a paragraph), built once per `shape`;
   * each hole's whole paragraph gives way to contents[k], XML the caller made.
   */
  holes(name: string, shape: unknown, build: (hole: (k: number) => string) => Element, contents: readonly string[]): string {
    return fill(this.shape(name + JSON.stringify(shape), () => this.toXml(build(SLOT)).split(HOLE_RE)), contents);
  }

  /** An element's XML before its first `at` element and after the last one closes (a table around its rows), built once per `shape`. */
  around(name: string, shape: unknown, at: string, build: () => Element): [string, string] {
    const [open, close] = this.shape(name + JSON.stringify(shape), () => {
      const xml = this.toXml(build());
      const end = at.replace('<', '</');
      return [xml.slice(0, xml.indexOf(at)), xml.slice(xml.lastIndexOf(end) + end.length)];
    }, false);
    return [open as string, close as string];
  }

  private toXml(els: Element | Element[]): string {
    return [els].flat().map((el) => toXml(el.prepForXml(CONTEXT))).join('');
  }

  /** The kept XML of a shape, split into text and (when `slots`) slot numbers at odd places. */
  private shape(key: string, make: () => string[], slots = true): (string | number)[] {
    let parts = shapes.get(key);
    if (!parts) {
      parts = slots ? make().map((p, i) => (i % 2 ? Number(p) : p)) : make();
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(key, parts);
    }
    return parts;
  }
}

function fill(parts: readonly (string | number)[], values: readonly string[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? values[p]! : p;
  return out;
}
