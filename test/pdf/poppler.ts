import { execFileSync } from 'node:child_process';

/**
 * Reading a PDF back with poppler (pdfinfo, pdffonts, pdftotext): what a reader of the printed page gets. The
 * tools are required, not optional (CI installs poppler-utils, see .ci/run).
 */
const tool = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });

export interface PdfInfo { pages: number; title: string; author: string; subject: string; creationDate: string; sizes: { w: number; h: number }[] }

export function pdfInfo(pdf: string): PdfInfo {
  const info = tool('pdfinfo', ['-f', '1', '-l', '9999', pdf]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Math.round(Number(m[1])), h: Math.round(Number(m[2])) }));
  return { pages: Number(field('Pages')), title: field('Title'), author: field('Author'), subject: field('Subject'), creationDate: field('CreationDate'), sizes };
}

/** Every embedded font: its name without the subset tag, and whether it is embedded. */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  return tool('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim()).map((l) => {
    const cols = l.trim().split(/\s+/);
    const yesNo = cols.filter((c) => c === 'yes' || c === 'no');
    return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: yesNo[0] === 'yes' };
  });
}

/** The text of one page (1-based), NFC, in reading order, lines kept. */
export const pageText = (pdf: string, page: number): string =>
  tool('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']).normalize('NFC');

/** All text, whitespace collapsed. */
export const allText = (pdf: string): string => tool('pdftotext', [pdf, '-']).normalize('NFC').replace(/\s+/g, ' ').trim();

/** Words of one page with their boxes (pdftotext -bbox). */
export function pageWords(pdf: string, page: number): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = tool('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').normalize('NFC'),
  }));
}

/** The first non-empty line of a page: where the page number is printed. */
export const firstLine = (pdf: string, page: number): string => pageText(pdf, page).split('\n').map((l) => l.trim()).find((l) => l) ?? '';
