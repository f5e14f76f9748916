import { Document, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { PAGE_HEADERS, SECTION_PROPERTIES } from '../layout/page.js';
import { STYLES } from '../layout/styles.js';
import { entry, type ZipEntry } from '../ooxml/zip.js';

const MARK = 'CCHC-BODY-MARK';

/**
 * The parts of a letter's DOCX that do not depend on the letter — styles, settings, the page-number
 * headers, section properties, fonts, content types — built once per process by the docx library and
 * deflated once. A letter then only supplies the body of word/document.xml.
 */
export interface PackagePrototype {
  /** The docx File the body elements are serialised against (prepForXml needs it as context). */
  file: Document;
  /** word/document.xml up to and including <w:body>. */
  prefix: string;
  /** From <w:sectPr …> (page size, margins, header references, titlePg) to the end. */
  suffix: string;
  /** Every other part, pre-compressed, in package order; `null` marks where word/document.xml goes. */
  parts: (ZipEntry | null)[];
}

let cached: Promise<PackagePrototype> | undefined;

export function packagePrototype(): Promise<PackagePrototype> {
  cached ??= build();
  return cached;
}

async function build(): Promise<PackagePrototype> {
  const file = new Document({
    creator: 'cchc',
    description: 'Công văn theo Nghị định 30/2020/NĐ-CP',
    styles: STYLES,
    sections: [{ properties: SECTION_PROPERTIES, headers: PAGE_HEADERS, children: [new Paragraph({ children: [new TextRun(MARK)] })] }],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(file)));
  const docXml = new TextDecoder().decode(files['word/document.xml']);
  const bodyOpen = docXml.indexOf('<w:body>') + '<w:body>'.length;
  const sectPr = docXml.lastIndexOf('<w:sectPr');
  if (bodyOpen < 8 || sectPr < bodyOpen || !docXml.slice(bodyOpen, sectPr).includes(MARK)) {
    throw new Error('docx produced an unexpected word/document.xml; cannot find the body');
  }
  const parts = Object.entries(files).map(([name, data]) => (name === 'word/document.xml' ? null : entry(name, data)));
  return { file, prefix: docXml.slice(0, bodyOpen), suffix: docXml.slice(sectPr), parts };
}
