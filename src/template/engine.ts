import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Letter } from '../schema/letter.js';
import { DEFAULT_TEMPLATE } from '../schema/letter.js';
import { buildContext } from './context.js';
import { BOLD_OFF, BOLD_ON, parseMarkup, type BodyParagraph } from './markup.js';
import { formatBodyDate, formatDocRef } from './vn.js';

/** The built-in templates, shipped in the package's templates/ folder. */
export const BUILTIN_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A template problem: names the template file and line, so whoever wrote it can fix it. */
export class TemplateError extends Error {}

const HELPERS = ['bold', 'docRef', 'bodyDate'];

/**
 * A sandboxed Handlebars: no HTML escaping (a letter is not HTML: "&" stays "&"), only our helpers
 * (knownHelpersOnly), and Handlebars' own guard against prototype access left on. Templates are data.
 */
function makeEnv(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('bold', function (this: unknown, options: Handlebars.HelperOptions) {
    return BOLD_ON + options.fn(this) + BOLD_OFF;
  });
  hb.registerHelper('docRef', (kind: unknown, ref: unknown) => {
    const r = ref as { number: number; symbol: string; date: string } | undefined;
    return r ? formatDocRef(String(kind), r) : '';
  });
  hb.registerHelper('bodyDate', (iso: unknown) => (typeof iso === 'string' ? formatBodyDate(iso) : ''));
  return hb;
}

type Compiled = (ctx: object) => string;

/** Finds, reads and compiles templates once per process; a batch of 1,000 letters compiles each once. */
export class TemplateSet {
  private readonly env = makeEnv();
  private readonly cache = new Map<string, Compiled>();
  constructor(readonly dirs: readonly string[] = [BUILTIN_DIR]) {}

  names(): string[] {
    const all = new Set<string>();
    for (const dir of this.dirs) {
      try { for (const f of readdirSync(dir)) if (f.endsWith('.hbs')) all.add(basename(f, '.hbs')); } catch { /* missing dir: no templates */ }
    }
    return [...all].sort();
  }

  private load(name: string): Compiled {
    const hit = this.cache.get(name);
    if (hit) return hit;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new TemplateError(`tên mẫu "${name}" không hợp lệ`);
    // User folders come first so an office can override a built-in template of the same name.
    const path = [...this.dirs].reverse().map((d) => join(d, `${name}.hbs`)).find((p) => { try { readFileSync(p); return true; } catch { return false; } });
    if (!path) throw new TemplateError(`không có mẫu "${name}"; các mẫu có sẵn: ${this.names().join(', ')}`);
    const source = readFileSync(path, 'utf8').normalize('NFC');
    let fn: Compiled;
    try {
      this.env.parse(source);
      fn = this.env.compile(source, { noEscape: true, strict: false, knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])), knownHelpersOnly: true });
      fn({});
    } catch (e) {
      throw new TemplateError(`${path}: ${(e as Error).message.split('\n')[0]}`);
    }
    const wrapped: Compiled = (ctx) => {
      try { return fn(ctx); } catch (e) { throw new TemplateError(`${path}: ${(e as Error).message.split('\n')[0]}`); }
    };
    this.cache.set(name, wrapped);
    return wrapped;
  }

  /** The letter's body as paragraphs of spans. */
  renderBody(letter: Letter): BodyParagraph[] {
    const fn = this.load(letter.template ?? DEFAULT_TEMPLATE);
    return parseMarkup(fn(buildContext(letter)));
  }
}
