/**
 * The XML parts of a DOCX, read with saxes (a strict, well-formedness-checking SAX parser) into a small tree.
 * Anything Word would refuse to open is an XmlError with its line and column: a forbidden character (raw or as
 * "&#0;"), "--" inside a comment, an XML declaration that is not at the very start, an unknown entity, a
 * duplicated attribute — also one duplicated through two prefixes bound to the same namespace. DOCTYPE is
 * refused: Word never writes one, and it is the door to entity-expansion bombs. saxes is a state machine and
 * the tree is built with an explicit stack, so a file nested a million levels deep gives an error, not a stack
 * overflow.
 *
 * saxes runs without its own namespace processing (twice as fast, measured): this module resolves prefixes
 * itself. Names keep their prefixes ("w:p"); when the caller passes `prefixes` (namespace URI → prefix),
 * prefixed names are rewritten to that prefix, so a file that binds WordprocessingML to "ns0" still reads as "w:p".
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`dòng ${line}, cột ${column}: ${reason}`);
    this.name = 'XmlError';
  }
}

export interface ParseOptions {
  /** Namespace URI → canonical prefix. */
  prefixes?: Readonly<Record<string, string>>;
  /** Deepest element nesting accepted. */
  maxDepth?: number;
}

/** saxes' messages (English) in Vietnamese, by their start; anything else is passed on as saxes says it. */
const REASONS: [RegExp, string][] = [
  [/^disallowed character\.$/, 'ký tự không được phép trong XML (ký tự điều khiển, U+FFFE/U+FFFF hoặc "<" trong giá trị thuộc tính)'],
  [/^malformed character entity/, 'mã ký tự "&#…;" không hợp lệ hoặc trỏ tới ký tự không được phép'],
  [/^malformed comment/, 'chú thích chứa "--"'],
  [/XML declaration must (appear|be) at the start/, 'khai báo <?xml …?> không nằm ở đầu tệp'],
  [/^disallowed character in entity name|^empty entity name/, 'ký tự "&" không mở đầu một thực thể (viết "&amp;")'],
  [/^undefined entity/, 'thực thể không xác định (chỉ có &lt; &gt; &amp; &quot; &apos;)'],
  [/^duplicate attribute: (.*)\.$/, 'thuộc tính bị lặp: $1'],
  [/^unbound namespace prefix: (.*)\.$/, 'tiền tố $1 chưa được khai báo'],
  [/^unexpected close tag|^unmatched closing tag/, 'thẻ đóng không khớp thẻ mở'],
  [/^unclosed tag: (.*)$/, 'thẻ <$1> không được đóng'],
  [/^documents may contain only one root/, 'có nhiều hơn một phần tử gốc'],
  [/^document must contain a root element/, 'không có phần tử gốc'],
  [/^text data outside of root node/, 'có văn bản nằm ngoài phần tử gốc'],
  [/^the string "\]\]>" is disallowed/, 'chuỗi "]]>" không được xuất hiện trong văn bản'],
  [/^unquoted attribute value|^value must be quoted/, 'giá trị thuộc tính phải đặt trong dấu nháy'],
  [/^no whitespace between attributes/, 'thiếu khoảng trắng giữa hai thuộc tính'],
  [/^unexpected end/, 'tệp kết thúc giữa chừng'],
];

/** The character saxes stopped at (line and column are 1-based; the column is just past it), as U+XXXX. */
function charAt(src: string, line: number, column: number): string | undefined {
  let at = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let l = 1; l < line && at >= 0; l++) at = src.indexOf('\n', at) + 1 || -1;
  const code = at < 0 ? undefined : src.codePointAt(at + column - 1);
  if (code === undefined) return undefined;
  const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(code)) ? `"${String.fromCodePoint(code)}" (${u})` : u;
}

function reason(saxesMessage: string, char?: string): string {
  const m = saxesMessage.replace(/^\d+:\d+: /, '');
  if (m === 'disallowed character.' && char) return `ký tự ${char} không được phép trong XML`;
  for (const [re, vi] of REASONS) {
    const hit = re.exec(m);
    if (hit) return vi.replace(/\$(\d)/g, (_, d: string) => hit[Number(d)] ?? '');
  }
  return m.replace(/\.$/, '');
}

/**
 * The namespace bindings visible in an element (prefix → URI), and the names already resolved in it: elements
 * share their parent's scope unless they declare a namespace, so each raw name is resolved once per scope.
 */
class Scope {
  private readonly elements = new Map<string, Name>();
  private readonly attributes = new Map<string, Name>();

  constructor(
    readonly ns: Map<string, string>,
    private readonly prefixes: Readonly<Record<string, string>>,
  ) {}

  /** The element's scope: this one, or a new one when it declares namespaces. */
  enter(attrs: Record<string, string>): Scope {
    let ns: Map<string, string> | undefined;
    for (const k in attrs) {
      if (k.charCodeAt(0) !== 120 || !(k === 'xmlns' || k.startsWith('xmlns:'))) continue; // 120: "x"
      ns ??= new Map(this.ns);
      ns.set(k === 'xmlns' ? '' : k.slice(6), attrs[k]!);
    }
    return ns ? new Scope(ns, this.prefixes) : this;
  }

  /** "p:local" with the caller's canonical prefix for p's namespace; undefined when p is not bound. */
  resolve(raw: string, isAttribute: boolean): Name | undefined {
    const names = isAttribute ? this.attributes : this.elements;
    let n = names.get(raw);
    if (n) return n;
    const colon = raw.indexOf(':');
    // Unprefixed attributes are in no namespace (the default namespace does not apply to them).
    if (isAttribute && (colon < 0 || raw.startsWith('xmlns:'))) n = { name: raw, expanded: raw };
    else {
      const uri = this.ns.get(colon < 0 ? '' : raw.slice(0, colon));
      if (colon >= 0 && uri === undefined) return undefined;
      const local = raw.slice(colon + 1);
      const canonical = uri === undefined ? undefined : this.prefixes[uri];
      n = { name: canonical === undefined ? raw : `${canonical}:${local}`, expanded: `{${uri ?? ''}}${local}` };
    }
    names.set(raw, n);
    return n;
  }
}

interface Name {
  /** As the checker's code reads it: "w:val". */
  name: string;
  /** Namespace URI and local name: what makes two attributes the same. */
  expanded: string;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Parses one XML document and returns its root element. Throws XmlError when it is not well-formed. */
export function parseXml(src: string, opts: ParseOptions = {}): XmlElement {
  const maxDepth = opts.maxDepth ?? 1000;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const fail = (why: string): never => {
    throw new XmlError(why, parser.line, parser.column);
  };
  const unbound = (raw: string): never => fail(`tiền tố "${raw.slice(0, raw.indexOf(':'))}" chưa được khai báo`);
  const elements: XmlElement[] = [];
  const scopes: Scope[] = [new Scope(new Map([['xml', XML_NS]]), opts.prefixes ?? {})];
  let root: XmlElement | undefined;
  const append = (s: string) => {
    const top = elements[elements.length - 1];
    if (!top || s === '') return;
    const { children } = top;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] += s;
    else children.push(s);
  };
  parser.on('error', (e) => fail(reason(e.message, charAt(src, parser.line, parser.column))));
  parser.on('doctype', () => fail('có khai báo DOCTYPE (tệp Word không bao giờ có)'));
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('opentag', (tag) => {
    if (elements.length >= maxDepth) fail('các thẻ lồng nhau quá sâu');
    const raw = tag.attributes as Record<string, string>;
    const scope = scopes[scopes.length - 1]!.enter(raw);
    let renamed = false;
    let first: string | undefined;
    let seen: string[] | undefined;
    for (const k in raw) {
      const n = scope.resolve(k, true) ?? unbound(k);
      if (n.name !== k) renamed = true;
      if (n.expanded.charCodeAt(0) !== 123) continue;
      // "{": a prefixed attribute. Two prefixes bound to one namespace make a duplicate, as for Word.
      if (first === undefined) first = n.expanded;
      else {
        seen ??= [first];
        if (seen.includes(n.expanded)) fail(`thuộc tính bị lặp: ${k} (cùng không gian tên với một thuộc tính khác)`);
        seen.push(n.expanded);
      }
    }
    // saxes gives each tag its own attributes object: kept as it is unless a prefix is rewritten.
    let attrs = raw;
    if (renamed) {
      attrs = {};
      for (const k in raw) attrs[scope.resolve(k, true)!.name] = raw[k]!;
    }
    const el: XmlElement = { name: (scope.resolve(tag.name, false) ?? unbound(tag.name)).name, attrs, children: [] };
    const parent = elements[elements.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    elements.push(el);
    scopes.push(scope);
  });
  parser.on('closetag', () => {
    elements.pop();
    scopes.pop();
  });
  // A leading byte-order mark is not part of the document.
  parser.write(src.charCodeAt(0) === 0xfeff ? src.slice(1) : src).close();
  return root ?? fail('không có phần tử gốc');
}

// ---- Reading helpers. All iterative, so depth is never a problem. ----

export const isElement = (n: XmlNode | undefined): n is XmlElement => typeof n === 'object';

export function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter(isElement);
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => isElement(c) && c.name === name);
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c): c is XmlElement => isElement(c) && c.name === name) : [];
}

/** Descendants named `name` in document order; does not look inside a match. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [...elementChildren(el)].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.name === name) out.push(e);
    else for (let k = e.children.length - 1; k >= 0; k--) {
      const c = e.children[k];
      if (isElement(c)) stack.push(c);
    }
  }
  return out;
}

/** Whether any descendant (or the element itself) satisfies `pred`. */
export function some(el: XmlElement, pred: (e: XmlElement) => boolean): boolean {
  const stack: XmlElement[] = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (pred(e)) return true;
    for (const c of e.children) if (isElement(c)) stack.push(c);
  }
  return false;
}

/** All character data below `el`, in order. */
export function textContent(el: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') out += n;
    else for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]!);
  }
  return out;
}

/** Follows a path of child names: path(styles, 'w:docDefaults', 'w:rPrDefault', 'w:rPr'). */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}
