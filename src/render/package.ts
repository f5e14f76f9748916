import { readFileSync, writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PAGE_HEADERS, SECTION_PROPERTIES } from '../layout/page.js';
import { STYLES } from '../layout/styles.js';
import { entry, type ZipEntry } from '../ooxml/zip.js';
import { fromRoot } from '../paths.js';

const MARK = 'CCHC-BODY-MARK';
/** Built by `npm run build` (the prepare script), so a single `cchc render` does not run the docx Packer. */
const CACHE = fromRoot('dist', 'package-prototype.json');

/**
 * The parts of a letter's DOCX that do not depend on the letter — styles, settings, the page-number
 * headers, section properties, fonts, content types — built by the docx library once and deflated once.
 * A letter then only supplies the body of word/document.xml.
 */
export interface PackagePrototype {
  /** word/document.xml up to and including <w:body>. */
  prefix: string;
  /** From <w:sectPr …> (page size, margins, header references, titlePg) to the end. */
  suffix: string;
  /** Every other part, pre-compressed, in package order; a string marks a part each letter writes itself. */
  parts: (ZipEntry | 'word/document.xml' | 'docProps/core.xml')[];
  /** docProps/core.xml, whose title and dates are the letter's. */
  coreXml: string;
}

interface Stored { prefix: string; suffix: string; parts: ({ name: string; text: string } | null)[] }

let cached: Promise<PackagePrototype> | undefined;

export function packagePrototype(): Promise<PackagePrototype> {
  cached ??= load();
  return cached;
}

function newFile(): Document {
  return new Document({
    creator: 'cchc',
    lastModifiedBy: 'cchc',
    description: 'Công văn theo Nghị định 30/2020/NĐ-CP',
    styles: STYLES,
    sections: [{ properties: SECTION_PROPERTIES, headers: PAGE_HEADERS, children: [new Paragraph({ children: [new TextRun(MARK)] })] }],
  });
}

async function load(): Promise<PackagePrototype> {
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(CACHE, 'utf8')) as Stored;
  } catch {
    stored = await buildStored();
  }
  const core = stored.parts.find((p) => p?.name === 'docProps/core.xml');
  const parts = stored.parts.map((p) => (p === null ? 'word/document.xml' as const : p.name === 'docProps/core.xml' ? p.name : entry(p.name, p.text)));
  return { prefix: stored.prefix, suffix: stored.suffix, parts, coreXml: core?.text ?? '' };
}

const escXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * docProps/core.xml for one letter: its subject as the title Word shows in File › Properties, and its date
 * (or, on a blank form, the day it was rendered) as created/modified — not the clock time, so the same letter
 * renders to the same bytes, whichever process and second it is rendered in.
 */
export function letterCoreXml(coreXml: string, title: string, isoDay: string): string {
  const stamp = `${isoDay}T00:00:00Z`;
  return coreXml
    .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`)
    .replace(/<dc:title>[^<]*<\/dc:title>|(?=<dc:creator>)/, `<dc:title>${escXml(title)}</dc:title>`);
}

/** Runs the docx Packer on a one-paragraph document and splits its parts. */
export async function buildStored(): Promise<Stored> {
  const { unzipSync } = await import('fflate');
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(newFile())));
  const dec = new TextDecoder();
  const docXml = dec.decode(files['word/document.xml']);
  const bodyOpen = docXml.indexOf('<w:body>') + '<w:body>'.length;
  const sectPr = docXml.lastIndexOf('<w:sectPr');
  if (bodyOpen < 8 || sectPr < bodyOpen || !docXml.slice(bodyOpen, sectPr).includes(MARK)) {
    throw new Error('docx produced an unexpected word/document.xml; cannot find the body');
  }
  const parts = Object.entries(files).map(([name, data]) => (name === 'word/document.xml' ? null : { name, text: dec.decode(data) }));
  return { prefix: docXml.slice(0, bodyOpen), suffix: docXml.slice(sectPr), parts };
}

/** Build step (src/build.ts): stores the prototype next to the compiled code. */
export async function writePrototype(): Promise<void> {
  writeFileSync(CACHE, JSON.stringify(await buildStored()));
}
