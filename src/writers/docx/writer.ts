import { Paragraph } from 'docx';
import type { Block, LetterModel, Section, Table } from '../../layout/model.js';
import { letterCoreXml, packagePrototypes, type PackagePrototype, type Prototypes, type SectionKind } from './package.js';
import { docxParagraph } from './para.js';
import { ruleParagraph } from './rule.js';
import { Stamper } from './stamp.js';
import { rowShape, tableFrame, tableRow } from './table.js';
import { entry, LEVEL, zip } from './zip.js';

/** Word wants a paragraph after a final table; a 2 pt one adds no visible space and no extra page. */
const endParagraph = () => new Paragraph({ style: 'Rule', spacing: { before: 0, after: 0 } });

/**
 * Writes a letter model as DOCX bytes. Create one per process (or worker): the package prototypes are loaded
 * once, then `write` is synchronous and cheap. Every block of the model becomes one docx-library element; the
 * Stamper keeps the XML of each block shape, so a batch pours new texts into XML it already has.
 */
export class DocxWriter {
  private readonly stamper = new Stamper();
  private constructor(private readonly protos: Prototypes) {}

  static async create(): Promise<DocxWriter> {
    return new DocxWriter(await packagePrototypes());
  }

  /** word/document.xml of a letter (and the prototype it belongs to). */
  documentXml(model: LetterModel): { xml: string; proto: PackagePrototype } {
    const [main, ...appendices] = model.sections;
    const plain = appendices.length === 0 && !main!.firstPageFooter;
    const proto = plain ? this.protos.plain : this.protos.full;
    const kinds = model.sections.map((s, i): SectionKind => (i === 0 ? (s.firstPageFooter ? 'main-footer' : 'main') : s.page.landscape ? 'appendix-landscape' : 'appendix'));
    let body = '';
    model.sections.forEach((s, i) => {
      body += this.blocks(s.blocks);
      const end = this.stamper.xml('end', {}, endParagraph);
      // A section ends in a paragraph holding its w:sectPr; the last one's goes at the end of the body.
      body += i < kinds.length - 1 ? end.replace(/<\/w:pPr>/, `${proto.sectPr[kinds[i]!]}</w:pPr>`) : end + proto.sectPr[kinds[i]!];
    });
    return { xml: proto.prefix + body + proto.suffix, proto };
  }

  write(model: LetterModel): Uint8Array {
    const { xml, proto } = this.documentXml(model);
    const own: Record<string, ReturnType<typeof entry>> = {
      'word/document.xml': entry('word/document.xml', xml, LEVEL.perLetter),
      'docProps/core.xml': entry('docProps/core.xml', letterCoreXml(proto.coreXml, model.meta.title, model.meta.date), LEVEL.perLetter),
    };
    if (proto.footer) own[proto.footer.name] = entry(proto.footer.name, this.footerXml(proto, model.sections[0]!), LEVEL.perLetter);
    return zip(proto.parts.map((p) => (typeof p === 'string' ? own[p]! : p)));
  }

  private footerXml(proto: PackagePrototype, main: Section): string {
    const f = proto.footer!;
    // A footer part needs at least one paragraph; a letter without a contact block has an empty one.
    const content = main.firstPageFooter ? this.blocks(main.firstPageFooter) : this.stamper.xml('end', {}, endParagraph);
    return f.prefix + content + f.suffix;
  }

  private blocks(blocks: readonly Block[], keepNext = false): string {
    return blocks.map((b) => this.block(b, keepNext)).join('');
  }

  private block(b: Block, keepNext: boolean): string {
    switch (b.kind) {
      case 'para': return this.stamper.xml('para', { b, keepNext }, (v) => docxParagraph(v.b, v.keepNext));
      case 'rule': return this.stamper.xml('rule', b, ruleParagraph);
      case 'table': return this.table(b, keepNext);
      // Keep together: every block but the last keeps with the next (the last body paragraph with the signature).
      case 'keep': return b.blocks.map((x, i) => this.block(x, i < b.blocks.length - 1)).join('');
    }
  }

  /** A table: its frame, then each row of its shape with the cells' paragraphs poured in. */
  private table(t: Table, keepNext: boolean): string {
    const [open, close] = this.stamper.around('table', [t.columns, t.borders], '<w:tr>', () => tableFrame(t, ''));
    let out = open;
    t.rows.forEach((cells, r) => {
      out += this.stamper.holes('row', rowShape(t, r), (hole) => tableRow(t, r, hole), cells.map((c) => this.blocks(c.blocks, keepNext)));
    });
    return out + close;
  }
}
