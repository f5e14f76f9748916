import type { DocMeta, LetterModel, Section } from '../../layout/model.js';
import { TypstEngine } from './engine.js';
import { typstBinder, typstDocument, typstPrint } from './markup.js';

/**
 * Letters a print file sets in one Typst document. Typst's time and memory grow faster than the pages of one
 * document (1,000 two-page letters: 92 s, 3.9 GB), so a larger run is set in parts of this many letters, then
 * bound: a last document places each page of the parts as it is (16 s → 9 s for 1,000 letters).
 */
export const PRINT_PART = 40;

/** A part of a print file as set: its PDF and its number of pages. */
export interface PrintPart { pdf: Uint8Array; pages: number }

/** Writes a letter model as a PDF with the Typst engine, in this process: no office suite involved. */
export class PdfWriter {
  private engine: TypstEngine | undefined;

  /** Starts the engine and sets a line of text, so the first letter does not pay for either. */
  warm(): void {
    this.engineNow().warm();
  }

  /** The Typst source of a letter (for tests and for looking at what the engine gets). */
  source(model: LetterModel): string {
    return typstDocument(model);
  }

  write(model: LetterModel): Uint8Array {
    return this.engineNow().pdf(typstDocument(model), model.meta.date);
  }

  /**
   * Letters in one print document, each from an odd page (markup.ts, typstPrint), PDF/A-2b: a print file of up to
   * PRINT_PART letters, or one part of a larger one (src/pipeline/print-parts.ts sets the parts, bind() binds them).
   */
  printPart(models: readonly LetterModel[], meta: DocMeta): PrintPart {
    return this.engineNow().pages(typstPrint(models, meta), meta.date);
  }

  /**
   * The print file from its parts, in order; `blank` is the page added after a part that ends on an odd page.
   * Plain PDF: Typst embeds no PDF in a PDF/A file.
   */
  bind(parts: readonly PrintPart[], meta: DocMeta, blank: Section['page']): Uint8Array {
    const engine = this.engineNow();
    try {
      const named = parts.map((part, k) => {
        const name = `part-${k}.pdf`;
        engine.provide(name, part.pdf);
        return { name, pages: part.pages };
      });
      return engine.pages(typstBinder(named, meta, blank), meta.date, false).pdf;
    } finally {
      engine.forget();
    }
  }

  private engineNow(): TypstEngine {
    return (this.engine ??= TypstEngine.create());
  }
}
