/**
 * A small XML parser for the parts of a DOCX. It is a loop over the text with an explicit stack (no recursion), so
 * a hostile file nested a million levels deep gives an error, not a stack overflow. It checks well-formedness
 * (matching tags, one root, quoted unique attributes, known entities) and rejects DOCTYPE, which Word never
 * writes and which is the door to entity-expansion bombs.
 *
 * Names keep their prefixes ("w:p"). When the caller passes `prefixes` (namespace URI → prefix), prefixed names
 * are rewritten to that prefix, so a file that binds WordprocessingML to "ns0" still reads as "w:p".
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (vị trí ${offset})`);
    this.name = 'XmlError';
  }
}

export interface ParseOptions {
  /** Namespace URI → canonical prefix. */
  prefixes?: Readonly<Record<string, string>>;
  /** Deepest element nesting accepted. */
  maxDepth?: number;
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces entity and character references; throws on an unknown entity or a bare "&". */
export function decodeEntities(s: string, offset = 0): string {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return out + s.slice(i);
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError('Ký tự "&" không thuộc thực thể nào', offset + amp);
    out += s.slice(i, amp) + entity(s.slice(amp + 1, semi), offset + amp);
    i = semi + 1;
  }
}

function entity(ref: string, offset: number): string {
  if (ref in PREDEFINED) return PREDEFINED[ref]!;
  const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
  if (!m) throw new XmlError(`Thực thể không xác định "&${ref};"`, offset);
  const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    throw new XmlError(`Mã ký tự không hợp lệ "&${ref};"`, offset);
  }
  return String.fromCodePoint(code);
}

interface Frame {
  el: XmlElement;
  /** Namespace bindings visible in this element: prefix → URI. */
  ns: Map<string, string>;
}

/** Parses one XML document and returns its root element. Throws XmlError when it is not well-formed. */
export function parseXml(src: string, opts: ParseOptions = {}): XmlElement {
  return new Parser(src, opts).run();
}

class Parser {
  private i = 0;
  private readonly stack: Frame[] = [];
  private root: XmlElement | undefined;
  private readonly maxDepth: number;

  constructor(
    private readonly src: string,
    private readonly opts: ParseOptions,
  ) {
    this.maxDepth = opts.maxDepth ?? 1000;
    if (src.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  run(): XmlElement {
    const { src } = this;
    while (this.i < src.length) {
      const lt = src.indexOf('<', this.i);
      if (lt < 0) {
        this.text(src.slice(this.i), this.i);
        break;
      }
      if (lt > this.i) this.text(src.slice(this.i, lt), this.i);
      this.i = lt;
      this.markup();
    }
    if (this.stack.length > 0) {
      throw new XmlError(`Thẻ <${this.stack[this.stack.length - 1]!.el.name}> không được đóng`, src.length);
    }
    if (!this.root) throw new XmlError('Không có phần tử gốc', 0);
    return this.root;
  }

  private markup(): void {
    const { src, i } = this;
    if (src.startsWith('<!--', i)) this.i = this.until('-->', i + 4, 'Chú thích không được đóng');
    else if (src.startsWith('<![CDATA[', i)) this.cdata();
    else if (src.startsWith('<?', i)) this.i = this.until('?>', i + 2, 'Chỉ thị xử lý không được đóng');
    else if (src.startsWith('<!', i)) throw new XmlError('DOCTYPE và khai báo "<!" không được hỗ trợ', i);
    else if (src.startsWith('</', i)) this.endTag();
    else this.startTag();
  }

  /** Index just past `end`, searching from `from`. */
  private until(end: string, from: number, message: string): number {
    const at = this.src.indexOf(end, from);
    if (at < 0) throw new XmlError(message, this.i);
    return at + end.length;
  }

  private cdata(): void {
    const start = this.i + 9;
    const end = this.src.indexOf(']]>', start);
    if (end < 0) throw new XmlError('CDATA không được đóng', this.i);
    if (this.stack.length === 0) throw new XmlError('CDATA nằm ngoài phần tử gốc', this.i);
    this.append(this.src.slice(start, end));
    this.i = end + 3;
  }

  private text(raw: string, offset: number): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== '') throw new XmlError('Có văn bản nằm ngoài phần tử gốc', offset);
      return;
    }
    if (raw.includes(']]>')) throw new XmlError('Chuỗi "]]>" không được xuất hiện trong văn bản', offset);
    this.append(decodeEntities(raw, offset));
  }

  private append(s: string): void {
    if (s === '') return;
    const { children } = this.stack[this.stack.length - 1]!.el;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] += s;
    else children.push(s);
  }

  private name(): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.src);
    if (!m) throw new XmlError('Thiếu tên thẻ hoặc tên thuộc tính', this.i);
    this.i = NAME.lastIndex;
    return m[0];
  }

  /** Skips whitespace and says whether there was any. */
  private space(): boolean {
    SPACE.lastIndex = this.i;
    SPACE.exec(this.src);
    const moved = SPACE.lastIndex > this.i;
    this.i = SPACE.lastIndex;
    return moved;
  }

  private endTag(): void {
    const at = this.i;
    this.i += 2;
    const raw = this.name();
    this.space();
    if (this.src[this.i] !== '>') throw new XmlError(`Thẻ đóng </${raw}> sai cú pháp`, at);
    this.i++;
    const frame = this.stack.pop();
    if (!frame) throw new XmlError(`Thẻ đóng </${raw}> không có thẻ mở`, at);
    if (frame.el.name !== this.qualify(raw, frame.ns, at)) {
      throw new XmlError(`Thẻ đóng </${raw}> không khớp thẻ mở <${frame.el.name}>`, at);
    }
  }

  private startTag(): void {
    const at = this.i;
    this.i++;
    const raw = this.name();
    const rawAttrs = this.attributes(at);
    const selfClosing = this.src.startsWith('/>', this.i);
    if (!selfClosing && this.src[this.i] !== '>') throw new XmlError(`Thẻ <${raw}> sai cú pháp`, this.i);
    this.i += selfClosing ? 2 : 1;
    this.open(raw, rawAttrs, selfClosing, at);
  }

  private attributes(at: number): [string, string][] {
    const out: [string, string][] = [];
    const seen = new Set<string>();
    for (;;) {
      const spaced = this.space();
      const c = this.src[this.i];
      if (c === '>' || c === '/' || c === undefined) return out;
      if (!spaced) throw new XmlError('Thiếu khoảng trắng giữa các thuộc tính', this.i);
      const name = this.name();
      if (seen.has(name)) throw new XmlError(`Thuộc tính "${name}" bị lặp`, at);
      seen.add(name);
      this.space();
      if (this.src[this.i] !== '=') throw new XmlError(`Thuộc tính "${name}" thiếu dấu "="`, this.i);
      this.i++;
      this.space();
      out.push([name, this.attrValue()]);
    }
  }

  private attrValue(): string {
    const quote = this.src[this.i];
    if (quote !== '"' && quote !== "'") throw new XmlError('Giá trị thuộc tính phải nằm trong dấu nháy', this.i);
    const end = this.src.indexOf(quote, this.i + 1);
    if (end < 0) throw new XmlError('Giá trị thuộc tính không được đóng', this.i);
    const raw = this.src.slice(this.i + 1, end);
    if (raw.includes('<')) throw new XmlError('Ký tự "<" trong giá trị thuộc tính', this.i);
    const value = decodeEntities(raw.replace(/[\t\r\n]/g, ' '), this.i + 1);
    this.i = end + 1;
    return value;
  }

  private open(raw: string, rawAttrs: [string, string][], selfClosing: boolean, at: number): void {
    if (this.stack.length === 0 && this.root) throw new XmlError('Có nhiều hơn một phần tử gốc', at);
    if (this.stack.length >= this.maxDepth) throw new XmlError('Các thẻ lồng nhau quá sâu', at);
    const parent = this.stack[this.stack.length - 1];
    const ns = scope(parent?.ns, rawAttrs);
    const attrs: Record<string, string> = {};
    for (const [k, v] of rawAttrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) attrs[k] = v;
      else attrs[k.includes(':') ? this.qualify(k, ns, at) : k] = v;
    }
    const el: XmlElement = { name: this.qualify(raw, ns, at), attrs, children: [] };
    if (parent) parent.el.children.push(el);
    else this.root = el;
    if (!selfClosing) this.stack.push({ el, ns });
  }

  /** Rewrites "p:local" to the caller's canonical prefix for p's namespace, when it has one. */
  private qualify(raw: string, ns: Map<string, string>, at: number): string {
    const colon = raw.indexOf(':');
    const prefix = colon < 0 ? '' : raw.slice(0, colon);
    const uri = ns.get(prefix);
    if (colon >= 0 && uri === undefined && prefix !== 'xml') {
      throw new XmlError(`Tiền tố "${prefix}" chưa được khai báo`, at);
    }
    const canonical = uri === undefined ? undefined : this.opts.prefixes?.[uri];
    if (canonical === undefined) return raw;
    return `${canonical}:${colon < 0 ? raw : raw.slice(colon + 1)}`;
  }
}

/** The namespace scope of an element: its parent's, plus its own xmlns declarations. Shared when unchanged. */
function scope(parent: Map<string, string> | undefined, attrs: [string, string][]): Map<string, string> {
  const decls = attrs.filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'));
  if (decls.length === 0 && parent) return parent;
  const ns = new Map(parent ?? []);
  for (const [k, v] of decls) ns.set(k === 'xmlns' ? '' : k.slice(6), v);
  return ns;
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
