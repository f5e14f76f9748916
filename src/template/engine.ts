import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, sep } from 'node:path';
import { fromRoot } from '../paths.js';
import type { HelperOptions } from 'handlebars';
import type { Letter } from '../schema/letter.js';
import { DEFAULT_TEMPLATE } from '../schema/letter.js';
import { COMPILE_OPTIONS } from './compile-options.js';
import { buildContext } from './context.js';
import { BOLD_OFF, BOLD_ON, parseMarkup, type BodyParagraph } from './markup.js';
import { PRECOMPILED } from './precompile.js';
import { readTree, type ReadNode } from './reads.js';
import { formatBodyDate, formatDocRef } from './vn.js';

/** The built-in templates, shipped in the package's templates/ folder. */
export const BUILTIN_DIR = fromRoot('templates') + sep;

/** A template problem: names the template file and line, so whoever wrote it can fix it. */
export class TemplateError extends Error {}

type Env = typeof import('handlebars');
type Compiled = (ctx: object) => string;
type Precompiled = Record<string, { source: string; spec: object; reads?: ReadNode[] }>;

/**
 * A sandboxed Handlebars environment with our helpers only. Handlebars' own guard against prototype access
 * stays on, and knownHelpersOnly (COMPILE_OPTIONS) keeps templates from calling anything else: templates are data.
 */
function withHelpers(hb: Env): Env {
  hb.registerHelper('bold', function (this: unknown, options: HelperOptions) {
    return BOLD_ON + options.fn(this) + BOLD_OFF;
  });
  hb.registerHelper('docRef', (kind: unknown, ref: unknown) => {
    const r = ref as { number: number; symbol: string; date: string } | undefined;
    return r ? formatDocRef(String(kind), r) : '';
  });
  hb.registerHelper('bodyDate', (iso: unknown) => (typeof iso === 'string' ? formatBodyDate(iso) : ''));
  // {{log}} would print to stdout in the middle of cchc's output: templates are data, so it prints nothing.
  hb.registerHelper('log', () => '');
  // {{#each}} counts its rounds: three nested loops over 200 tasks must be an error, not minutes of work.
  const each = hb.helpers.each as (this: unknown, ctx: unknown, options: HelperOptions) => string;
  hb.registerHelper('each', function (this: unknown, ctx: unknown, options: HelperOptions) {
    const fn = options.fn;
    const counted = (...args: Parameters<typeof fn>) => {
      if (++loopRounds > MAX_LOOP_ROUNDS) throw new Error(`mẫu lặp quá ${MAX_LOOP_ROUNDS} lần ({{#each}} lồng nhau?)`);
      return fn(...args);
    };
    return each.call(this, ctx, { ...options, fn: counted as typeof fn });
  });
  return hb;
}

/** Rounds of {{#each}} allowed in rendering one letter's body, and those used so far. */
const MAX_LOOP_ROUNDS = 20_000;
let loopRounds = 0;

/**
 * Finds, reads and compiles templates once per process; a batch of 1,000 letters compiles each once.
 * Built-in templates come precompiled from the build and need only Handlebars' runtime; the compiler is
 * loaded only for an office's own templates, or a built-in one edited since the build.
 */
export class TemplateSet {
  private readonly cache = new Map<string, Compiled>();
  private env: Env | undefined;
  private compiler: Env | undefined;
  private precompiled: Precompiled | undefined;
  private readonly readsCache = new Map<string, ReadNode[] | undefined>();

  constructor(readonly dirs: readonly string[] = [BUILTIN_DIR]) {}

  /** The build's precompiled built-in templates (none when not built: they are compiled at run time). */
  private builtins(): Precompiled {
    if (!this.precompiled) {
      try { this.precompiled = createRequire(import.meta.url)(PRECOMPILED) as Precompiled; } catch { this.precompiled = {}; }
    }
    return this.precompiled;
  }

  /** Loads what rendering (or `reads` of an office's own template) will need; call once before renderBody. */
  async prepare(): Promise<this> {
    const precompiled = this.builtins();
    const onlyBuiltins = this.dirs.every((d) => d === BUILTIN_DIR);
    const stale = this.names().some((n) => precompiled[n]?.source !== this.source(this.pathOf(n)!));
    if (!onlyBuiltins || stale) this.compiler = withHelpers((await import('handlebars')).default.create());
    // The runtime's typings omit create(); it is the same Handlebars object without the compiler.
    this.env = this.compiler ?? withHelpers(((await import('handlebars/runtime.js')) as unknown as { default: Env }).default.create());
    return this;
  }

  names(): string[] {
    const all = new Set<string>();
    for (const dir of this.dirs) {
      try { for (const f of readdirSync(dir)) if (f.endsWith('.hbs')) all.add(basename(f, '.hbs')); } catch { /* missing dir: no templates */ }
    }
    return [...all].sort();
  }

  /** User folders come last on the list and win, so an office can override a built-in template. */
  private pathOf(name: string): string | undefined {
    return [...this.dirs].reverse().map((d) => join(d, `${name}.hbs`)).find((p) => { try { readFileSync(p); return true; } catch { return false; } });
  }

  private source(path: string): string {
    return readFileSync(path, 'utf8').normalize('NFC');
  }

  private load(name: string): Compiled {
    const hit = this.cache.get(name);
    if (hit) return hit;
    if (!this.env) throw new Error('TemplateSet.prepare() was not awaited');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new TemplateError(`tên mẫu "${name}" không hợp lệ`);
    const path = this.pathOf(name);
    if (!path) throw new TemplateError(`không có mẫu "${name}"; các mẫu có sẵn: ${this.names().join(', ')}`);
    const source = this.source(path);
    const fail = (e: unknown) => new TemplateError(`${path}: ${(e as Error).message.split('\n')[0]}`);
    let fn: Compiled;
    try {
      const pre = this.builtins()[name];
      if (pre && pre.source === source && path.startsWith(BUILTIN_DIR)) {
        fn = this.env.template(pre.spec as TemplateSpecification);
      } else {
        const hb = this.compiler!;
        hb.parse(source);
        fn = hb.compile(source, COMPILE_OPTIONS);
        fn({});
      }
    } catch (e) {
      throw fail(e);
    }
    const wrapped: Compiled = (ctx) => {
      loopRounds = 0;
      try { return fn(ctx); } catch (e) { throw fail(e); }
    };
    this.cache.set(name, wrapped);
    return wrapped;
  }

  /**
   * What template `name` prints (src/template/reads.ts), or undefined when there is no such template or it does
   * not parse (rendering reports that). A built-in comes with its tree from the build; an office's own template,
   * or a built-in edited since, is parsed — which needs prepare() to have loaded the compiler.
   */
  reads(name: string): ReadNode[] | undefined {
    if (this.readsCache.has(name)) return this.readsCache.get(name);
    const path = /^[a-z0-9][a-z0-9-]*$/.test(name) ? this.pathOf(name) : undefined;
    let tree: ReadNode[] | undefined;
    if (path) {
      const source = this.source(path);
      const pre = this.builtins()[name];
      if (pre?.reads && pre.source === source && path.startsWith(BUILTIN_DIR)) tree = pre.reads;
      else if (this.compiler) try { tree = readTree(this.compiler.parse(source)); } catch { /* rendering reports it */ }
    }
    this.readsCache.set(name, tree);
    return tree;
  }

  /** The letter's body as paragraphs of spans. */
  renderBody(letter: Letter): BodyParagraph[] {
    const fn = this.load(letter.template ?? DEFAULT_TEMPLATE);
    return parseMarkup(fn(buildContext(letter)));
  }
}

type TemplateSpecification = Parameters<Env['template']>[0];
