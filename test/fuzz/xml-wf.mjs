// @ts-check
/**
 * A small XML 1.0 well-formedness check for the parts cchc writes: matching tags, one root, quoted and unique
 * attributes, no "<" in attribute values, only the five predefined entities and valid character references,
 * no character that XML forbids. No DTD support: a DOCX never has one. Returns null when well-formed, else a
 * message with the offset. Iterative, so no input can overflow the stack.
 */

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));|&/g;

function checkRefs(s, offset) {
  for (const m of s.matchAll(ENTITY)) {
    if (m[0] === '&') return `bare "&" at ${offset + (m.index ?? 0)}`;
    if (m[2] || m[3]) {
      const c = m[2] ? parseInt(m[2], 10) : parseInt(m[3], 16);
      const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
      if (!ok) return `character reference ${m[0]} to a forbidden character at ${offset + (m.index ?? 0)}`;
    }
  }
  return null;
}

/** @param {string} src @returns {string | null} */
export function xmlProblem(src) {
  const bad = ILLEGAL.exec(src);
  if (bad) return `forbidden character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`;
  const stack = [];
  let roots = 0;
  let i = 0;
  if (src.startsWith('\ufeff')) i = 1;
  if (src.startsWith('<?xml', i)) {
    const end = src.indexOf('?>', i);
    if (end < 0) return 'unterminated XML declaration';
    i = end + 2;
  }
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const text = src.slice(i, lt < 0 ? src.length : lt);
    if (text.length) {
      if (!stack.length && /\S/.test(text)) return `text outside the root element at ${i}`;
      const e = checkRefs(text, i);
      if (e) return e;
      if (text.includes(']]>')) return `"]]>" in text at ${i}`;
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) return `unterminated comment at ${i}`;
      if (src.slice(i + 4, end).includes('--')) return `"--" inside a comment at ${i}`;
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      if (!stack.length) return `CDATA outside the root at ${i}`;
      const end = src.indexOf(']]>', i);
      if (end < 0) return `unterminated CDATA at ${i}`;
      i = end + 3;
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i);
      if (end < 0) return `unterminated processing instruction at ${i}`;
      i = end + 2;
    } else if (src.startsWith('<!', i)) {
      return `DOCTYPE or declaration at ${i}`;
    } else if (src.startsWith('</', i)) {
      const name = NAME.exec(src.slice(i + 2, i + 300))?.[0];
      if (!name) return `bad end tag at ${i}`;
      const close = src.indexOf('>', i);
      if (close < 0 || /\S/.test(src.slice(i + 2 + name.length, close))) return `bad end tag at ${i}`;
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}> at ${i}`;
      i = close + 1;
    } else {
      const name = NAME.exec(src.slice(i + 1, i + 300))?.[0];
      if (!name) return `bad start tag at ${i}`;
      let j = i + 1 + name.length;
      const seen = new Set();
      for (;;) {
        const ws = /^[ \t\r\n]*/.exec(src.slice(j, j + 1000))[0].length;
        j += ws;
        if (src.startsWith('/>', j) || src[j] === '>') break;
        if (!ws) return `missing space before attribute at ${j}`;
        const attr = /^([A-Za-z_:][-A-Za-z0-9_:.]*)[ \t\r\n]*=[ \t\r\n]*(["'])/.exec(src.slice(j, j + 400));
        if (!attr) return `bad attribute at ${j}`;
        if (seen.has(attr[1])) return `duplicate attribute ${attr[1]} at ${j}`;
        seen.add(attr[1]);
        const vStart = j + attr[0].length;
        const vEnd = src.indexOf(attr[2], vStart);
        if (vEnd < 0) return `unterminated attribute at ${j}`;
        const value = src.slice(vStart, vEnd);
        if (value.includes('<')) return `"<" in attribute at ${vStart}`;
        const e = checkRefs(value, vStart);
        if (e) return e;
        j = vEnd + 1;
      }
      const selfClosing = src.startsWith('/>', j);
      if (!stack.length) { roots++; if (roots > 1) return `second root element at ${i}`; }
      if (!selfClosing) stack.push(name);
      i = j + (selfClosing ? 2 : 1);
    }
  }
  if (stack.length) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return 'no root element';
  return null;
}

/** Text of every <w:t> run, entities decoded, in order. */
export function runTexts(documentXml) {
  return [...documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1].replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
}
