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
  /** Footer parts, likewise. */
  footers?: Record<string, string>;
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
  const footers = parts.footers ?? {};
  const rels = [
    parts.styles && rel('rS', 'styles', 'styles.xml'),
    parts.numbering && rel('rN', 'numbering', 'numbering.xml'),
    parts.theme && rel('rT', 'theme', 'theme/theme1.xml'),
    ...Object.keys(headers).map((id) => rel(id, 'header', `${id}.xml`)),
    ...Object.keys(footers).map((id) => rel(id, 'footer', `${id}.xml`)),
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
  for (const [id, xml] of Object.entries(footers)) files[`word/${id}.xml`] = strToU8(`<w:ftr xmlns:w="${W}">${xml}</w:ftr>`);
  return zipSync(files);
}

function rel(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
}

const relsXml = (inner: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;

export interface RawEntry {
  name: string;
  /** Raw DEFLATE data (method 8) or the stored bytes (method 0). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the zip claims; the truth for stored entries. */
  declared: number;
}

/**
 * A zip written field by field, so a test can make it lie: an entry whose declared size is not what it inflates
 * to. (Every zip library writes the truth.) CRCs are left 0: the checker does not read them.
 */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method ?? 8, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}
