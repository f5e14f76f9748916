import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { child, findAll, parseXml, textContent, XmlError, type XmlElement } from '../../src/check/xml.js';

describe('parseXml', () => {
  it('reads elements, attributes, text, self-closing tags', () => {
    const root = parseXml(`<?xml version="1.0"?>\n<a x="1" y='two'><b/><c>hi</c></a>`);
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1', y: 'two' });
    expect(root.children.map((c) => (typeof c === 'string' ? c : c.name))).toEqual(['b', 'c']);
    expect(textContent(root)).toBe('hi');
  });

  it('decodes entities and character references, in text and attributes', () => {
    const root = parseXml('<a t="&lt;&quot;&#x1EA1;&#233;">&amp;&apos;&gt;&#7841;</a>');
    expect(root.attrs.t).toBe('<"ạé');
    expect(textContent(root)).toBe(`&'>ạ`);
  });

  it('keeps CDATA as text and skips comments and processing instructions', () => {
    const root = parseXml('<a><!-- note --><?pi x?><![CDATA[<b>&amp;]]>z</a>');
    expect(root.children).toEqual(['<b>&amp;z']);
  });

  it('normalises whitespace in attribute values', () => {
    expect(parseXml('<a v="x\ty\nz"/>').attrs.v).toBe('x y z');
  });

  it('rewrites prefixes to the caller’s canonical ones by namespace', () => {
    const src = '<ns0:document xmlns:ns0="urn:w" xmlns:q="urn:r"><ns0:p q:id="7"/><p xmlns="urn:w"/></ns0:document>';
    const root = parseXml(src, { prefixes: { 'urn:w': 'w', 'urn:r': 'r' } });
    expect(root.name).toBe('w:document');
    expect(findAll(root, 'w:p')).toHaveLength(2);
    expect(child(root, 'w:p')?.attrs['r:id']).toBe('7');
  });

  it.each([
    ['<a><b></a>', 'không khớp'],
    ['<a>', 'không được đóng'],
    ['<a x="1" x="2"/>', 'bị lặp'],
    ['<a>&nbsp;</a>', 'thực thể không xác định'],
    ['<a>& b;</a>', '&amp;'],
    ['<a>& b</a>', 'không được đóng'],
    // What Word refuses and the old hand-written parser let through:
    ['<a>&#0;</a>', 'mã ký tự'],
    ['<a>&#x1;</a>', 'mã ký tự'],
    ['<a>\u0001</a>', 'ký tự U+0001 không được phép'],
    ['<a>\uFFFE</a>', 'ký tự U+FFFE không được phép'],
    ['<a><!-- a -- b --></a>', '--'],
    ['<a/><?xml version="1.0"?>', '<?xml'],
    [' <?xml version="1.0"?><a/>', '<?xml'],
    ['<a xmlns:p="urn:u" xmlns:q="urn:u"><b p:x="1" q:x="2"/></a>', 'bị lặp'],
    ['<a><b p:x="1"/></a>', 'chưa được khai báo'],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', 'DOCTYPE'],
    ['<a/><b/>', 'nhiều hơn một'],
    ['text<a/>', 'ngoài phần tử gốc'],
    ['<a x=1/>', 'nháy'],
    ['<a x="<"/>', '<'],
    ['<p:a/>', 'chưa được khai báo'],
    ['', 'không có phần tử gốc'],
    ['<a><![CDATA[x</a>', 'không được đóng'],
    ['<a x="1"y="2"/>', 'khoảng trắng'],
  ])('rejects %j', (src, why) => {
    expect(() => parseXml(src)).toThrow(XmlError);
    expect(() => parseXml(src)).toThrow(why);
  });

  it('says the line and column where the XML goes wrong', () => {
    const e = (() => {
      try {
        parseXml('<a>\n  <b>ok</b>\n  <c>&#0;</c>\n</a>');
      } catch (x) {
        return x as XmlError;
      }
    })();
    expect(e).toBeInstanceOf(XmlError);
    expect([e!.line, e!.column]).toEqual([3, 9]);
    expect(e!.message).toBe('dòng 3, cột 9: mã ký tự "&#…;" không hợp lệ hoặc trỏ tới ký tự không được phép');
  });

  it('reads a byte-order mark, an XML declaration, CRLF and xml: attributes', () => {
    const root = parseXml('\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a xml:space="preserve"> x </a>');
    expect(root.attrs['xml:space']).toBe('preserve');
    expect(root.children).toEqual([' x ']);
  });

  it('refuses absurd nesting with an XmlError, not a stack overflow', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(() => parseXml(deep)).toThrow(XmlError);
  });

  it('walks deep but allowed trees without recursion', () => {
    const deep = '<a>'.repeat(5000) + 'x' + '</a>'.repeat(5000);
    const root = parseXml(deep, { maxDepth: 10_000 });
    expect(textContent(root)).toBe('x');
    expect(findAll(root, 'a')).toHaveLength(1); // findAll does not look inside a match
  });

  it('round-trips any tree it is given', () => {
    const name = fc.constantFrom('w:p', 'w:r', 'w:t', 'a', 'b');
    const text = fc.string({ maxLength: 8 }).map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\r]/g, ''));
    const tree: fc.Arbitrary<XmlElement> = fc.letrec<{ el: XmlElement }>((tie) => ({
      el: fc.record({
        name,
        attrs: fc.dictionary(fc.constantFrom('x', 'w:val', 'y'), text, { maxKeys: 2 }),
        children: fc.array(fc.oneof({ maxDepth: 4 }, text.filter((s) => s !== ''), tie('el')), { maxLength: 3 }),
      }),
    })).el;
    fc.assert(
      fc.property(tree, (t) => {
        const back = parseXml(`<root xmlns:w="urn:w">${serialize(t)}</root>`);
        expect(back.children[0]).toEqual(merged(t));
      }),
    );
  });
});

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\t\n]/g, (c) => `&#${c.charCodeAt(0)};`);

function serialize(el: XmlElement): string {
  const attrs = Object.entries(el.attrs).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const kids = el.children.map((c) => (typeof c === 'string' ? escape(c) : serialize(c))).join('');
  return kids === '' ? `<${el.name}${attrs}/>` : `<${el.name}${attrs}>${kids}</${el.name}>`;
}

/** What the parser gives back: adjacent text children joined. */
function merged(el: XmlElement): XmlElement {
  const children: XmlElement['children'] = [];
  for (const c of el.children) {
    const last = children[children.length - 1];
    if (typeof c === 'string' && typeof last === 'string') children[children.length - 1] = last + c;
    else children.push(typeof c === 'string' ? c : merged(c));
  }
  return { name: el.name, attrs: el.attrs, children };
}
