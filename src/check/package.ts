/**
 * Opening a DOCX: the zip, its relationships and the XML parts the checker reads. Anything that stops the file
 * from being a DOCX Word could open becomes a NotDocx error with a Vietnamese reason, which the caller turns into
 * the single "not-docx" problem.
 */
import { childrenNamed, parseXml, XmlError, type XmlElement } from './xml.js';
import { readZip, ZipError } from './zip.js';

export const MAX_BYTES = 50 * 1024 * 1024;
export const TOO_BIG = 'Tệp lớn hơn 50 MB, không kiểm tra tệp DOCX lớn như vậy.';

export class NotDocx extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotDocx';
  }
}

/** Namespace URIs (transitional and strict) → the prefixes the checker's code is written with. */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
};

export interface Docx {
  document: XmlElement;
  styles?: XmlElement;
  numbering?: XmlElement;
  theme?: XmlElement;
  /** Header and footer parts by relationship id of the main document. */
  parts: Map<string, { name: string; kind: 'header' | 'footer'; root: XmlElement }>;
}

export function openDocx(bytes: Uint8Array): Docx {
  if (bytes.length === 0) throw new NotDocx('Tệp rỗng, không phải tệp DOCX.');
  if (bytes.length > MAX_BYTES) throw new NotDocx(TOO_BIG);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new NotDocx('Tệp không phải DOCX (không phải tệp nén ZIP).');
  const files = unzip(bytes);
  const mainName = mainPartName(files);
  const main = files.get(mainName);
  if (!main) throw new NotDocx(`Tệp ZIP không chứa ${mainName}, không phải tệp DOCX.`);
  const document = xmlPart(mainName, main);
  if (document.name !== 'w:document') throw new NotDocx(`${mainName} không phải văn bản Word (w:document).`);
  const rels = relationships(files, mainName);
  const byType = (t: string) => rels.find((r) => r.type.endsWith(`/${t}`));
  const load = (t: string) => {
    const r = byType(t);
    const data = r && files.get(r.target);
    return data ? sharedPart(r.target, data) : undefined;
  };
  const parts: Docx['parts'] = new Map();
  for (const r of rels) {
    const kind = r.type.endsWith('/header') ? 'header' : r.type.endsWith('/footer') ? 'footer' : undefined;
    const data = files.get(r.target);
    if (kind && data) parts.set(r.id, { name: r.target, kind, root: xmlPart(r.target, data) });
  }
  return { document, styles: load('styles'), numbering: load('numbering'), theme: load('theme'), parts };
}

/** Only XML parts are read; pictures and fonts are left packed. */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  try {
    return readZip(bytes, (name) => /\.(xml|rels)$/i.test(name));
  } catch (e) {
    throw new NotDocx(e instanceof ZipError ? e.message : 'Tệp không phải DOCX (tệp nén ZIP bị hỏng hoặc không đọc được).');
  }
}

function xmlPart(name: string, data: Uint8Array): XmlElement {
  return parsePart(name, partText(name, data));
}

/**
 * Styles, numbering and theme parts recently read, by their text. Letters made by one program or from one
 * template share these parts byte for byte (a python-docx styles part is 350 KB): a run over many letters parses
 * each once. The trees are only read, never changed, so one serves every letter that has the same text.
 */
const SHARED = new Map<string, XmlElement>();
const SHARED_MAX = 8;

function sharedPart(name: string, data: Uint8Array): XmlElement {
  const text = partText(name, data);
  let root = SHARED.get(text);
  if (!root) {
    root = parsePart(name, text);
    if (SHARED.size >= SHARED_MAX) SHARED.delete(SHARED.keys().next().value!);
    SHARED.set(text, root);
  }
  return root;
}

function partText(name: string, data: Uint8Array): string {
  try {
    const utf16 = data[0] === 0xff && data[1] === 0xfe;
    return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(data);
  } catch {
    throw new NotDocx(`Phần ${name} của tệp DOCX không phải văn bản UTF-8 hợp lệ.`);
  }
}

function parsePart(name: string, text: string): XmlElement {
  try {
    return parseXml(text, { prefixes: PREFIXES });
  } catch (e) {
    const why = e instanceof XmlError ? e.message : String(e);
    throw new NotDocx(`Phần ${name} của tệp DOCX không phải XML hợp lệ (Word không mở được), ${why}.`);
  }
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

/** The main part named by _rels/.rels; Word, LibreOffice and python-docx all use word/document.xml. */
function mainPartName(files: Map<string, Uint8Array>): string {
  const data = files.get('_rels/.rels');
  if (!data) return 'word/document.xml';
  const rel = readRels(xmlPart('_rels/.rels', data), '').find((r) => r.type.endsWith('/officeDocument'));
  return rel?.target ?? 'word/document.xml';
}

function relationships(files: Map<string, Uint8Array>, partName: string): Rel[] {
  const dir = partName.includes('/') ? partName.slice(0, partName.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${partName.slice(dir.length)}.rels`;
  const data = files.get(relsName);
  return data ? readRels(xmlPart(relsName, data), dir) : [];
}

function readRels(root: XmlElement, baseDir: string): Rel[] {
  return childrenNamed(root, 'rel:Relationship')
    .concat(childrenNamed(root, 'Relationship'))
    .filter((r) => r.attrs.TargetMode !== 'External')
    .map((r) => ({
      id: r.attrs.Id ?? '',
      type: r.attrs.Type ?? '',
      target: resolveTarget(baseDir, r.attrs.Target ?? ''),
    }));
}

/** Resolves a relationship target ("styles.xml", "../word/x.xml", "/word/x.xml") to a zip entry name. */
export function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return decodeURIComponentSafe(out.join('/'));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
