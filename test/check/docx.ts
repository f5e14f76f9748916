/**
 * A tiny DOCX writer for the checker's unit tests: a letter's paragraphs as WordprocessingML strings, zipped with
 * fflate. It is deliberately bare (no styles unless given), so each test states the formatting it relies on.
 */
import { strToU8, zipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Parts {
  body: string;
  styles?: string;
  numbering?: string;
  theme?: string;
  /** Header parts, by relationship id; referenced from sectPr by the body itself. */
  headers?: Record<string, string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A run of Times New Roman text; `props` is extra rPr XML such as "<w:b/><w:sz w:val=\"26\"/>". */
export const run = (text: string, props = '') =>
  `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>${props}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

export const para = (text: string, rPr = '', pPr = '') => `<w:p><w:pPr>${pPr}</w:pPr>${run(text, rPr)}</w:p>`;

export const A4_SECT =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="851" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';

export function docx(parts: Parts): Uint8Array {
  const headers = parts.headers ?? {};
  const rels = [
    parts.styles && rel('rS', 'styles', 'styles.xml'),
    parts.numbering && rel('rN', 'numbering', 'numbering.xml'),
    parts.theme && rel('rT', 'theme', 'theme/theme1.xml'),
    ...Object.keys(headers).map((id) => rel(id, 'header', `${id}.xml`)),
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(relsXml(rel('r1', 'officeDocument', 'word/document.xml'))),
    'word/_rels/document.xml.rels': strToU8(relsXml(rels)),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body}</w:body></w:document>`),
  };
  if (parts.styles) files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.theme) files['word/theme/theme1.xml'] = strToU8(parts.theme);
  for (const [id, xml] of Object.entries(headers)) files[`word/${id}.xml`] = strToU8(`<w:hdr xmlns:w="${W}">${xml}</w:hdr>`);
  return zipSync(files);
}

function rel(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
}

const relsXml = (inner: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;
