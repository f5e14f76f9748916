import type { DocMeta, LetterModel } from '../../layout/model.js';
import { TypstEngine } from './engine.js';
import { typstBinder, typstDocument, typstPrint } from './markup.js';

/**
 * Letters a print file sets in one Typst document. Typst's time and memory grow faster than the pages of one
 * document (1,000 two-page letters: 92 s, 3.9 GB), so a larger run is set in parts of this many letters, then
 * bound: a last document places each page of the parts as it is (16 s → 9 s for 1,000 letters).
 */
export const PRINT_PART = 40;

/** Writes a letter model as a PDF with the Typst engine, in this process: no office suite involved. */
export class PdfWriter {
  private engine: TypstEngine | undefined;

  /** Starts the engine and sets a line of text, so the first letter does not pay for either. */
  warm(): void {
    this.engine ??= TypstEngine.create();
    this.engine.warm();
  }

  /** The Typst source of a letter (for tests and for looking at what the engine gets). */
  source(model: LetterModel): string {
    return typstDocument(model);
  }

  write(model: LetterModel): Uint8Array {
    this.engine ??= TypstEngine.create();
    return this.engine.pdf(typstDocument(model), model.meta.date);
  }

  /**
   * Many letters in one PDF for printing, each from an odd page (markup.ts, typstPrint): PDF/A-2b up to PRINT_PART
   * letters; beyond, parts of that many bound into one (plain PDF: Typst embeds no PDF in a PDF/A file).
   */
  writePrint(models: readonly LetterModel[], meta: DocMeta): Uint8Array {
    const engine = (this.engine ??= TypstEngine.create());
    if (models.length <= PRINT_PART) return engine.pdf(typstPrint(models, meta), meta.date);
    const parts: { name: string; pages: number }[] = [];
    try {
      for (let k = 0; k < models.length; k += PRINT_PART) {
        const part = engine.pages(typstPrint(models.slice(k, k + PRINT_PART), meta), meta.date);
        const name = `part-${parts.length}.pdf`;
        engine.provide(name, part.pdf);
        parts.push({ name, pages: part.pages });
      }
      return engine.pages(typstBinder(parts, meta, models[0]!.sections[0]!.page), meta.date, false).pdf;
    } finally {
      engine.forget();
    }
  }
}
