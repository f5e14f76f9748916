import { readFileSync, writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { fromRoot } from '../../paths.js';
import { pageOf } from '../../layout/geometry.js';
import { firstFooter, noFooter, pageHeaders, sectionProperties } from './section.js';
import { STYLES, STYLES_V2 } from './styles.js';
import { entry, type ZipEntry } from './zip.js';

const MARK = 'CCHC-BODY-MARK';
const FOOTER_MARK = 'CCHC-FOOTER-MARK';
/** Built by `npm run build` (the prepare script), so a single `cchc render` does not run the docx Packer. */
const CACHE = fromRoot('dist', 'package-prototype.json');

/** The kinds of section a letter's pages come in; each has its own w:sectPr in the prototype. */
export type SectionKind = 'main' | 'main-footer' | 'appendix' | 'appendix-landscape';
const KINDS: SectionKind[] = ['main', 'main-footer', 'appendix', 'appendix-landscape'];

/**
 * The parts of a letter's DOCX that do not depend on the letter — styles, settings, the page-number headers,
 * section properties, fonts, content types — built by the docx library once and deflated once. A letter then
 * only supplies the body of word/document.xml (and, with a contact block, its first-page footer).
 *
 * Two prototypes: `plain` for a letter of one section with no footer (every version 1 letter: the same package
 * as cchc always made), `full` with the styles of the version 2 parts and a section of each kind.
 */
export interface PackagePrototype {
  /** word/document.xml up to and including <w:body>. */
  prefix: string;
  /** After the last w:sectPr: the end of the body and the document. */
  suffix: string;
  /** Each kind of section's w:sectPr (`plain` has only `main`). */
  sectPr: Partial<Record<SectionKind, string>>;
  /** The first-page footer part, around its content. */
  footer?: { name: string; prefix: string; suffix: string };
  /** Every other part, pre-compressed, in package order; a string marks a part each letter writes itself. */
  parts: (ZipEntry | string)[];
  /** docProps/core.xml, whose title and dates are the letter's. */
  coreXml: string;
}

interface Stored {
  prefix: string; suffix: string; sectPr: Partial<Record<SectionKind, string>>;
  footer?: { name: string; prefix: string; suffix: string };
  parts: { name: string; text: string; own?: boolean }[];
}

export interface Prototypes { plain: PackagePrototype; full: PackagePrototype }

let cached: Promise<Prototypes> | undefined;

export function packagePrototypes(): Promise<Prototypes> {
  cached ??= load();
  return cached;
}

const section = (kind: SectionKind, marker: string): ISectionOptions => ({
  properties: sectionProperties(pageOf(kind === 'appendix-landscape'), kind.startsWith('appendix')),
  headers: pageHeaders(),
  ...(kind === 'main-footer' ? { footers: firstFooter(FOOTER_MARK) } : kind.startsWith('appendix') ? { footers: noFooter() } : {}),
  children: [new Paragraph({ children: [new TextRun(marker)] })],
});

function newFile(full: boolean): Document {
  return new Document({
    creator: 'cchc',
    lastModifiedBy: 'cchc',
    description: 'Công văn theo Nghị định 30/2020/NĐ-CP',
    styles: full ? STYLES_V2 : STYLES,
    sections: full ? KINDS.map((k) => section(k, `${MARK}-${k}`)) : [section('main', MARK)],
  });
}

async function load(): Promise<Prototypes> {
  let stored: { plain: Stored; full: Stored };
  try {
    stored = JSON.parse(readFileSync(CACHE, 'utf8')) as typeof stored;
  } catch {
    stored = await buildStored();
  }
  return { plain: fromStored(stored.plain), full: fromStored(stored.full) };
}

function fromStored(s: Stored): PackagePrototype {
  const core = s.parts.find((p) => p.name === 'docProps/core.xml');
  const own = new Set(['word/document.xml', 'docProps/core.xml', s.footer?.name]);
  const parts = s.parts.map((p) => (own.has(p.name) ? p.name : entry(p.name, p.text)));
  return { prefix: s.prefix, suffix: s.suffix, sectPr: s.sectPr, ...(s.footer ? { footer: s.footer } : {}), parts, coreXml: core?.text ?? '' };
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

const SECT_PR = /<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g;

/** Runs the docx Packer on a document of marker paragraphs and splits its parts. */
async function buildOne(full: boolean): Promise<Stored> {
  const { unzipSync } = await import('fflate');
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(newFile(full))));
  const dec = new TextDecoder();
  const docXml = dec.decode(files['word/document.xml']);
  const bodyOpen = docXml.indexOf('<w:body>') + '<w:body>'.length;
  const sects = [...docXml.matchAll(SECT_PR)];
  const last = sects.at(-1);
  if (bodyOpen < 8 || !last || sects.length !== (full ? KINDS.length : 1) || !docXml.slice(bodyOpen, last.index).includes(MARK)) {
    throw new Error('docx produced an unexpected word/document.xml; cannot find the body');
  }
  const sectPr = Object.fromEntries(sects.map((m, i) => [full ? KINDS[i]! : 'main', m[0]]));
  let footer: Stored['footer'];
  if (full) {
    const name = Object.keys(files).find((n) => /^word\/footer\d+\.xml$/.test(n) && dec.decode(files[n]).includes(FOOTER_MARK));
    if (!name) throw new Error('docx produced no first-page footer');
    const xml = dec.decode(files[name]);
    const open = xml.indexOf('<w:p>');
    const close = xml.lastIndexOf('</w:p>') + '</w:p>'.length;
    footer = { name, prefix: xml.slice(0, open), suffix: xml.slice(close) };
  }
  const parts = Object.entries(files).map(([name, data]) => ({ name, text: name === 'word/document.xml' ? '' : dec.decode(data) }));
  return { prefix: docXml.slice(0, bodyOpen), suffix: docXml.slice(last.index + last[0].length), sectPr, ...(footer ? { footer } : {}), parts };
}

export async function buildStored(): Promise<{ plain: Stored; full: Stored }> {
  return { plain: await buildOne(false), full: await buildOne(true) };
}

/** Build step (src/build.ts): stores the prototypes next to the compiled code. */
export async function writePrototype(): Promise<void> {
  writeFileSync(CACHE, JSON.stringify(await buildStored()));
}
