/**
 * Serialises the element trees that docx's `prepForXml` returns (the `xml` package's object form:
 * `{ "w:p": [ { "w:pPr": [...] }, { _attr: {...} }, "text" ] }`) to an XML string.
 * docx keeps its own serialiser private and recompiles the whole package on every Packer call (~8 ms);
 * serialising only the body lets a batch reuse the static parts of the package (see ../render/package.ts).
 */
type XmlNode = string | number | boolean | { [tag: string]: unknown } | XmlNode[];

const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string): string => escText(s).replace(/"/g, '&quot;');

export function toXml(node: unknown): string {
  const out: string[] = [];
  write(node as XmlNode, out);
  return out.join('');
}

function write(node: XmlNode, out: string[]): void {
  if (node === null || node === undefined) return;
  if (typeof node !== 'object') { out.push(escText(String(node))); return; }
  if (Array.isArray(node)) { for (const n of node) write(n, out); return; }
  for (const [tag, value] of Object.entries(node)) {
    if (tag === '_attr') continue;
    element(tag, value, out);
  }
}

function element(tag: string, value: unknown, out: string[]): void {
  const children: XmlNode[] = [];
  let attrs = '';
  const take = (v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && '_attr' in v) {
      attrs += attrString((v as { _attr: Record<string, unknown> })._attr);
      const rest = Object.keys(v).filter((k) => k !== '_attr');
      if (rest.length) children.push(Object.fromEntries(rest.map((k) => [k, (v as Record<string, unknown>)[k]])) as XmlNode);
    } else if (v !== undefined && v !== null) children.push(v as XmlNode);
  };
  if (Array.isArray(value)) value.forEach(take);
  else take(value);
  // `{}` or `[]` is an empty element such as <w:b/>.
  const body = children.length ? toXml(children) : '';
  out.push(body ? `<${tag}${attrs}>${body}</${tag}>` : `<${tag}${attrs}/>`);
}

function attrString(attrs: Record<string, unknown>): string {
  let s = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) s += ` ${k}="${escAttr(String(v))}"`;
  return s;
}
