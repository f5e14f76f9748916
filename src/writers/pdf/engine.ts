import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fromRoot } from '../../paths.js';
import { FONT_FAMILY } from './markup.js';

type Typst = typeof import('@myriaddreamin/typst-ts-node-compiler');
type Compiler = InstanceType<Typst['NodeCompiler']>;

/** A letter the engine could not set (a bug in the markup cchc wrote, never the user's text: that is data). */
export class PdfEngineError extends Error {}

/** The fonts shipped with cchc (fonts/*.ttf): the only ones a letter may use. */
export function shippedFonts(): Buffer[] {
  const dir = fromRoot('fonts');
  return readdirSync(dir).filter((f) => f.endsWith('.ttf')).sort().map((f) => readFileSync(join(dir, f)));
}

/** Every this many documents the memo cache is swept of what the last EVICT_EVERY × EVICT_AGE did not use. */
const EVICT_EVERY = 10;
const EVICT_AGE = 3;

/**
 * The Typst compiler (typst.ts's Node addon, prebuilt for Windows, macOS and Linux), made once per thread: making
 * it reads the fonts (~0.1–0.2 s); a letter then takes a few milliseconds.
 */
export class TypstEngine {
  private documents = 0;
  private constructor(private readonly compiler: Compiler) {}

  static create(): TypstEngine {
    // Loaded on demand: a DOCX-only run never pays for the addon.
    const { NodeCompiler } = createRequire(import.meta.url)('@myriaddreamin/typst-ts-node-compiler') as Typst;
    return new TypstEngine(NodeCompiler.create({ workspace: '/', fontArgs: [{ fontBlobs: shippedFonts() }] }));
  }

  /** Sets one line in the shipped fonts and discards it: Typst's first document costs several times a later one. */
  warm(): void {
    const doc = this.compiler.compile({ mainFileContent: `#set text(font: "${FONT_FAMILY}", fallback: false)\nỦy ban *nhân dân* _tỉnh_` });
    if (doc.result) this.compiler.pdf(doc.result, { pdfStandard: 'a-2b' });
  }

  /** A PDF/A-2b file from Typst source; `date` (ISO day) is its creation date, so the same input gives the same bytes. */
  pdf(source: string, date: string): Uint8Array {
    return this.pages(source, date).pdf;
  }

  /** Like pdf(), with the number of pages; `archival: false` for a file that embeds other PDFs (PDF/A forbids it in Typst). */
  pages(source: string, date: string, archival = true): { pdf: Uint8Array; pages: number } {
    const doc = this.compiler.compile({ mainFileContent: source });
    const result = doc.result;
    if (!result) {
      const diagnostics = this.compiler.fetchDiagnostics(doc.takeDiagnostics()!) as { message?: string }[];
      throw new PdfEngineError(`Typst: ${diagnostics.map((d) => d.message ?? JSON.stringify(d)).join('; ')}`);
    }
    const [y, m, d] = date.split('-').map(Number);
    const pdf = this.compiler.pdf(result, { ...(archival ? { pdfStandard: 'a-2b' } : {}), creationTimestamp: Date.UTC(y!, m! - 1, d!) / 1000 });
    const pages = result.numOfPages;
    // Memoised layouts not used by the last ~30 documents are dropped, so a long batch does not keep them all;
    // swept every 10th document (each sweep walks the whole cache: 0.2–0.3 ms).
    if (++this.documents % EVICT_EVERY === 0) this.compiler.evictCache(EVICT_AGE);
    return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages };
  }

  /** Makes `bytes` readable to the next documents as the file `name` (an image they embed). */
  provide(name: string, bytes: Uint8Array): void {
    this.compiler.mapShadow(`/${name}`, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** Forgets every file provide() gave. */
  forget(): void {
    this.compiler.resetShadow();
  }
}
