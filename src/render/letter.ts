import { layoutLetter } from '../layout/letter.js';
import type { DocMeta, LetterModel } from '../layout/model.js';
import type { Letter } from '../schema/letter.js';
import { BUILTIN_DIR, TemplateSet } from '../template/engine.js';
import { inlineBold, parseMarkup, type BodyParagraph } from '../template/markup.js';
import { DocxWriter } from '../writers/docx/writer.js';
import { PdfWriter, type PrintPart } from '../writers/pdf/writer.js';

export interface RenderOptions {
  /** Folders of user templates, searched before the built-in ones. */
  templateDirs?: string[];
  /** "Today", for the year of a blank-form date line; fixed in tests. */
  today?: Date;
  /** PDFs will be made: start the PDF engine now, alongside the templates. */
  pdf?: boolean;
}

/** A value with the clerk's **bold**, as paragraphs of spans (a blank line starts a new paragraph). */
const textOf = (s: string | undefined): BodyParagraph[] => (s ? parseMarkup(inlineBold(s)) : []);
/** A table cell: one paragraph, line breaks inside the cell kept as spaces. */
const cellOf = (v: string | number | null): BodyParagraph => parseMarkup(inlineBold(v === null ? '' : String(v))).flat();

/**
 * Letters in, documents out: the body from its template, the layout (the letter model, src/layout), then the
 * writers. Create one per process (or per worker): templates are compiled and the package prototypes loaded once,
 * then rendering is synchronous and cheap. Single letters and batches go through this same class.
 */
export class LetterRenderer {
  private readonly pdf = new PdfWriter();
  private constructor(private readonly templates: TemplateSet, private readonly docx: DocxWriter, private readonly today: Date) {}

  static async create(opts: RenderOptions = {}): Promise<LetterRenderer> {
    const templates = new TemplateSet([BUILTIN_DIR, ...(opts.templateDirs ?? [])]);
    const [docx] = await Promise.all([DocxWriter.create(), templates.prepare()]);
    const renderer = new LetterRenderer(templates, docx, opts.today ?? new Date());
    if (opts.pdf) renderer.pdf.warm();
    return renderer;
  }

  /** The letter laid out, for every writer. */
  model(letter: Letter): LetterModel {
    const appendices = (letter.appendices ?? []).map((a) => ({
      text: textOf(a.text),
      note: textOf(a.note),
      cells: a.table && 'rows' in a.table ? a.table.rows.map((row) => row.map(cellOf)) : [],
    }));
    return layoutLetter(letter, { body: this.templates.renderBody(letter), appendices }, this.today);
  }

  /** word/document.xml of one letter. */
  documentXml(letter: Letter): string {
    return this.docx.documentXml(this.model(letter)).xml;
  }

  render(letter: Letter): Uint8Array {
    return this.docx.write(this.model(letter));
  }

  /** The same letter as a PDF (native engine, src/writers/pdf). */
  renderPdf(letter: Letter): Uint8Array {
    return this.pdf.write(this.model(letter));
  }

  /** A laid-out letter as DOCX bytes (one layout can feed both writers). */
  docxOf(model: LetterModel): Uint8Array {
    return this.docx.write(model);
  }

  /** A laid-out letter as PDF bytes. */
  pdfOf(model: LetterModel): Uint8Array {
    return this.pdf.write(model);
  }

  /**
   * Letters (PRINT_PART at most) in one PDF for printing, each from an odd page: a whole print file, or a part of
   * a larger one as a render thread sets it.
   */
  printPart(letters: readonly Letter[], meta: DocMeta): PrintPart {
    return this.pdf.printPart(letters.map((l) => this.model(l)), meta);
  }

  /** The print file from parts set elsewhere, in order; `first` is the run's first letter (its page size). */
  bindPrint(parts: readonly PrintPart[], meta: DocMeta, first: Letter): Uint8Array {
    return this.pdf.bind(parts, meta, this.model(first).sections[0]!.page);
  }

  /** The Typst source the PDF engine gets (for tests). */
  pdfSource(letter: Letter): string {
    return this.pdf.source(this.model(letter));
  }
}
