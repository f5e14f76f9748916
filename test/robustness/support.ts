import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../helpers.js';
import { docxProblem, loadPipeline } from '../fuzz/oracle.mjs';
import { entry as unitEntry } from '../pipeline/support.js';

/** The project's own XML parser (src/check/xml.ts) when it is built, as a second opinion on well-formedness. */
const { parseXml } = await loadPipeline(ROOT);

export { DEFAULTS, batch } from '../pipeline/support.js';

/** One `letters:` entry for unit n ("Đơn vị n"), written to don-vi-<n>.docx unless `extra` says otherwise. */
export const entry = (n: number, extra: string[] = []): string => unitEntry(`Đơn vị ${n}`, extra, n);

/** Every file under dir (relative paths), folders left out. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Null when the file is a complete, valid DOCX, else why not. */
export const docxFileProblem = (path: string): string | null => docxProblem(new Uint8Array(readFileSync(path)), parseXml);

/**
 * Null when the file is a whole DOCX: a zip whose central directory reads and whose parts all inflate, with the
 * document part ending where Word's does. What a write cut short breaks, at a tenth of the cost of parsing every
 * part (for runs that leave hundreds of files).
 */
export function docxFileWhole(path: string): string | null {
  let files: Record<string, Uint8Array>;
  try { files = unzipSync(new Uint8Array(readFileSync(path))); } catch (e) { return `not a zip: ${(e as Error).message}`; }
  const doc = files['word/document.xml'];
  if (!doc) return 'missing part word/document.xml';
  return new TextDecoder().decode(doc).trimEnd().endsWith('</w:document>') ? null : 'word/document.xml is cut short';
}

/** Signs of a JavaScript stack trace or a raw Node error on stderr. */
export const STACK = /^\s+at .+:\d+:\d+\)?$|^\w*Error: |node:internal/m;
