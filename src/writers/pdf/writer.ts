import type { DocMeta, LetterModel } from '../../layout/model.js';
import { TypstEngine } from './engine.js';
import { typstDocument, typstPrint } from './markup.js';

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

  /** Many letters in one PDF for printing, each from an odd page (markup.ts, typstPrint). */
  writePrint(models: readonly LetterModel[], meta: DocMeta): Uint8Array {
    this.engine ??= TypstEngine.create();
    return this.engine.pdf(typstPrint(models, meta), meta.date);
  }
}
