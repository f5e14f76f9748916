/// <reference types="handlebars" />
import { HELPERS } from './compile-options.js';

/**
 * What a body template prints, read from its Handlebars syntax tree — so that `validate` and `render` can tell a
 * clerk that a field they gave is never printed by the chosen template (contract v2, "Nothing silently dropped").
 *
 * The tree is reduced to what matters for that question: which paths a `{{mustache}}` prints, and the blocks
 * that decide whether (`#if`, `#unless`), how often and where (`#each`, `#with`) it runs. It is plain data:
 * the build stores it beside each precompiled built-in template, so a run needs no Handlebars compiler.
 */
export type ReadNode =
  | { print: Ref }
  | { if: Ref | null; not?: true; zero?: true; then: ReadNode[]; else: ReadNode[] }
  | { each: Ref | null; body: ReadNode[]; else: ReadNode[] }
  | { with: Ref | null; body: ReadNode[]; else: ReadNode[] };

/** A path as the template wrote it: `parts` below the context `depth` levels up (`../`), or from the root (`@root.`). */
export interface Ref { parts: string[]; depth: number; root?: true }

/** Handlebars' own helpers, which a template may call besides ours (knownHelpersOnly). */
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);
const isHelper = (name: string): boolean => BUILTIN_HELPERS.has(name) || (HELPERS as readonly string[]).includes(name);

/** The read tree of a parsed template (Handlebars.parse). */
export function readTree(program: hbs.AST.Program): ReadNode[] {
  return statements(program);
}

function statements(program: hbs.AST.Program | undefined): ReadNode[] {
  return (program?.body ?? []).flatMap(statement);
}

function statement(s: hbs.AST.Statement): ReadNode[] {
  if (s.type === 'MustacheStatement') return mustache(s as hbs.AST.MustacheStatement);
  if (s.type === 'BlockStatement') return block(s as hbs.AST.BlockStatement);
  return [];
}

/** `{{x}}` prints x; `{{helper a b}}` prints what its arguments give (helpers here only format them). */
function mustache(m: hbs.AST.MustacheStatement): ReadNode[] {
  const path = m.path as hbs.AST.PathExpression;
  const called = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || (path.type === 'PathExpression' && isPlainName(path) && isHelper(path.original));
  if (!called) return path.type === 'PathExpression' ? refOf(path).map((print) => ({ print })) : [];
  return args(m.params, m.hash);
}

function block(b: hbs.AST.BlockStatement): ReadNode[] {
  const name = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
  const subject = b.params[0] && b.params[0].type === 'PathExpression' ? refOf(b.params[0] as hbs.AST.PathExpression)[0] ?? null : null;
  const body = statements(b.program);
  const other = statements(b.inverse);
  if (name === 'if' || name === 'unless') {
    const zero = b.hash?.pairs.some((p) => p.key === 'includeZero' && p.value.type === 'BooleanLiteral' && (p.value as hbs.AST.BooleanLiteral).value);
    return [{ if: subject, ...(name === 'unless' ? { not: true as const } : {}), ...(zero ? { zero: true as const } : {}), then: body, else: other }];
  }
  if (name === 'each') return [{ each: subject, body, else: other }];
  if (name === 'with') return [{ with: subject, body, else: other }];
  // Our block helpers ({{#bold}}) print their block in the same context.
  return [...args(b.params, b.hash), ...body, ...other];
}

/** Paths given to a helper (also inside sub-expressions) count as printed. */
function args(params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined): ReadNode[] {
  const out: ReadNode[] = [];
  const visit = (e: hbs.AST.Expression): void => {
    if (e.type === 'PathExpression') for (const print of refOf(e as hbs.AST.PathExpression)) out.push({ print });
    else if (e.type === 'SubExpression') {
      const sub = e as hbs.AST.SubExpression;
      sub.params.forEach(visit);
      sub.hash?.pairs.forEach((p) => visit(p.value));
    }
  };
  params.forEach(visit);
  hash?.pairs.forEach((p) => visit(p.value));
  return out;
}

const isPlainName = (p: hbs.AST.PathExpression): boolean => !p.data && p.depth === 0 && p.parts.length === 1 && !/^(this|\.)\b/.test(p.original);

/** The path as a Ref; none for data variables other than @root (@index, @key, @first…), which are not fields. */
function refOf(p: hbs.AST.PathExpression): Ref[] {
  if (p.data) return p.parts[0] === 'root' ? [{ parts: p.parts.slice(1), depth: 0, root: true }] : [];
  return [{ parts: p.parts, depth: p.depth }];
}

/** A path into the template's context: keys and list indexes. */
export type ContextPath = (string | number)[];

/** A print in a branch the letter does not take, with the conditions that keep it from printing. */
export interface Missed { path: ContextPath; because: { path: ContextPath; wanted: boolean }[] }

interface Scope { value: unknown; path: ContextPath }

/** Most items of one list a walk looks at: templates loop over tasks and details, which the contract caps lower. */
const MAX_ITEMS = 1000;
/**
 * Most statements one walk visits. Nested loops over the same list ({{#each tasks}}{{#each ../tasks}}…) multiply;
 * rendering stops such a template with an error, and the walk must not take minutes before that: past this, it
 * gives up (printedPaths returns undefined) and the fields are left unjudged.
 */
const MAX_STEPS = 50_000;
class OverBudget extends Error {}

/**
 * Runs the read tree against a letter's template context as Handlebars would run the template: `#if` takes the
 * branch the value decides (Handlebars' truthiness: empty text, empty list, 0 unless includeZero, are false),
 * `#each` walks the actual items. Returns every context path printed, and the prints in branches not taken;
 * undefined when the template loops too much to tell (see MAX_STEPS).
 */
export function printedPaths(tree: readonly ReadNode[], context: object): { printed: ContextPath[]; missed: Missed[] } | undefined {
  const printed: ContextPath[] = [];
  const missed: Missed[] = [];
  let steps = 0;
  const walk = (nodes: readonly ReadNode[], scopes: Scope[], because: Missed['because'] | null): void => {
    for (const n of nodes) {
      if (++steps > MAX_STEPS) throw new OverBudget();
      if ('print' in n) {
        const at = resolve(n.print, scopes);
        if (!at) continue;
        if (because) missed.push({ path: at.path, because });
        else printed.push(at.path);
      } else if ('if' in n) {
        const at = n.if ? resolve(n.if, scopes) : undefined;
        if (!at) { walk(n.then, scopes, because); walk(n.else, scopes, because); continue; }
        const yes = truthy(at.value, n.zero === true) !== (n.not === true);
        const cond = (wanted: boolean) => [...(because ?? []), { path: at.path, wanted: wanted !== (n.not === true) }];
        walk(n.then, scopes, yes ? because : cond(true));
        walk(n.else, scopes, yes ? cond(false) : because);
      } else {
        const subject = 'each' in n ? n.each : n.with;
        const at = subject ? resolve(subject, scopes) : undefined;
        if (!at || because) { walk(n.else, scopes, because); continue; }
        const items = 'each' in n ? itemsOf(at) : empty(at.value) ? [] : [at];
        if (!items.length) walk(n.else, scopes, because);
        for (const item of items) walk(n.body, [...scopes, item], because);
      }
    }
  };
  try {
    walk(tree, [{ value: context, path: [] }], null);
  } catch (e) {
    if (e instanceof OverBudget) return undefined;
    throw e;
  }
  return { printed, missed };
}

function resolve(ref: Ref, scopes: Scope[]): Scope | undefined {
  const base = ref.root ? scopes[0] : scopes[scopes.length - 1 - ref.depth];
  if (!base) return undefined;
  let value = base.value;
  for (const k of ref.parts) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined;
  return { value, path: [...base.path, ...ref.parts] };
}

function itemsOf(at: Scope): Scope[] {
  const v = at.value;
  if (Array.isArray(v)) return v.slice(0, MAX_ITEMS).map((value, i) => ({ value, path: [...at.path, i] }));
  if (v && typeof v === 'object') return Object.entries(v).slice(0, MAX_ITEMS).map(([k, value]) => ({ value, path: [...at.path, k] }));
  return [];
}

/** Handlebars' Utils.isEmpty. */
const empty = (v: unknown): boolean => (!v && v !== 0) || (Array.isArray(v) && v.length === 0);
/** Handlebars' `if`: false for an empty value, and for 0 unless includeZero. */
const truthy = (v: unknown, includeZero: boolean): boolean => !((!includeZero && !v) || empty(v));
