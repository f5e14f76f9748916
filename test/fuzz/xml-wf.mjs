// @ts-check
/**
 * The test suite's XML oracle, on saxes (a strict, well-formedness-checking parser, with its namespace checks
 * on): it is an independent judge of the parts cchc writes, not a copy of src/check/xml.ts. DOCTYPE is refused
 * as well: a DOCX never has one.
 */
import { SaxesParser } from 'saxes';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Null when `src` is one well-formed, namespace-well-formed XML document, else saxes' message with its line and
 * column.
 * @param {string} src
 * @returns {string | null}
 */
export function xmlProblem(src) {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let problem = null;
  parser.on('error', (e) => {
    problem ??= e.message;
  });
  parser.on('doctype', () => {
    problem ??= `${parser.line}:${parser.column}: DOCTYPE in a DOCX part`;
  });
  try {
    parser.write(src.startsWith('\ufeff') ? src.slice(1) : src).close();
  } catch (e) {
    problem ??= String(e);
  }
  return problem;
}

/**
 * Text of every <w:t> run, entities decoded, in order.
 * @param {string} documentXml
 * @returns {string[]}
 */
export function runTexts(documentXml) {
  const parser = new SaxesParser({ xmlns: true });
  /** @type {string[]} */
  const out = [];
  let depth = 0;
  parser.on('opentag', (t) => {
    if (t.local === 't' && t.uri === W) {
      depth++;
      out.push('');
    }
  });
  parser.on('closetag', (t) => {
    if (t.local === 't' && t.uri === W) depth--;
  });
  parser.on('text', (s) => {
    if (depth > 0) out[out.length - 1] += s;
  });
  parser.write(documentXml).close();
  return out;
}
