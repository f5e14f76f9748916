import type { Letter } from '../schema/letter.js';
import { BUILTIN_DIR, TemplateSet } from '../template/engine.js';
import { entry, LEVEL, zip } from '../ooxml/zip.js';
import { composeLetter } from './compose.js';
import { letterCoreXml, packagePrototype, type PackagePrototype } from './package.js';
import { Stamper } from './stamp.js';

const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export interface RenderOptions {
  /** Folders of user templates, searched before the built-in ones. */
  templateDirs?: string[];
  /** "Today", for the year of a blank-form date line; fixed in tests. */
  today?: Date;
}

/**
 * Renders letters to DOCX bytes. Create one per process (or per worker): templates are compiled and the
 * static package parts built once, then `render` is synchronous and cheap. Single and batch rendering go
 * through this same class, so they produce the same bytes for the same letter.
 */
export class LetterRenderer {
  private readonly stamper: Stamper;
  private constructor(private readonly proto: PackagePrototype, private readonly templates: TemplateSet, private readonly today: Date) {
    // No docx File in the context: our blocks give every width and colour explicitly, so docx needs no
    // document to resolve them (same bytes for every example), and not building one saves ~15 ms at start-up.
    this.stamper = new Stamper({ stack: [] } as unknown as ConstructorParameters<typeof Stamper>[0]);
  }

  static async create(opts: RenderOptions = {}): Promise<LetterRenderer> {
    const templates = new TemplateSet([BUILTIN_DIR, ...(opts.templateDirs ?? [])]);
    const [proto] = await Promise.all([packagePrototype(), templates.prepare()]);
    return new LetterRenderer(proto, templates, opts.today ?? new Date());
  }

  /** word/document.xml of one letter. */
  documentXml(letter: Letter): string {
    return this.proto.prefix + composeLetter(letter, this.templates, this.today, this.stamper) + this.proto.suffix;
  }

  render(letter: Letter): Uint8Array {
    const own = {
      'word/document.xml': entry('word/document.xml', this.documentXml(letter), LEVEL.perLetter),
      'docProps/core.xml': entry('docProps/core.xml', letterCoreXml(this.proto.coreXml, `V/v ${letter.subject}`, letter.date ?? isoDay(this.today)), LEVEL.perLetter),
    };
    return zip(this.proto.parts.map((p) => (typeof p === 'string' ? own[p] : p)));
  }
}
