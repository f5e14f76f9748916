import type { Problem } from '../problem.js';
import { loadYaml, type LoadedFile, type Path, type Position } from './yaml.js';

/**
 * Below this size a batch file is parsed whole: one parse is faster (~80 ms on 1,000 letters), and the tree
 * of a 1.5 MB file costs little memory. The split is for the files whose tree would cost hundreds of MB.
 */
export const SPLIT_BYTES = 1536 * 1024;

/**
 * A large batch file, read entry by entry. Parsing a 4 MB file whole makes the `yaml` library build one tree
 * of the whole file at once (a 227 MB heap peak for 10,000 letters, of which 76 MB stays live); parsing the
 * `letters:` entries one at a time keeps the peak near what stays live. The result behaves exactly as
 * loadYaml's would: the same data, and every position in the original file.
 *
 * Only a plain layout is split — `letters:` once at the top level, followed by a block list whose items start
 * with "- " at one indentation — and only without anchors, aliases, directives or document markers, whose
 * meaning could cross entries. Anything else returns null, and the caller parses the file whole.
 */
export function loadInParts(file: string, bytes: Uint8Array, minBytes = SPLIT_BYTES): LoadedFile | null {
  const parts = splitParts(file, bytes, minBytes);
  if (!parts) return null;
  const entries = Array.from({ length: parts.count }, (_, k) => parts.entry(k));
  if (entries.some(misread)) return null;
  return combine(file, parts.head, entries);
}

/** One entry of a split file: parsed on its own (its data is a list of one item), `offset` lines into the file. */
export interface Part { offset: number; loaded: LoadedFile }

/** A batch file cut into its head (everything but the list, parsed) and its entries, parsed one at a time. */
export interface Parts {
  head: LoadedFile;
  count: number;
  entry(k: number): Part;
}

/** The split of a plain batch file (see loadInParts), or null when it cannot be split safely. Parses only the head. */
export function splitParts(file: string, bytes: Uint8Array, minBytes = SPLIT_BYTES): Parts | null {
  if (bytes.length < minBytes) return null;
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { return null; }
  if (/(^|[\s[{,])(?:[&!]|\*(?!\*))\S/m.test(text) || /^(%|---|\.\.\.)/m.test(text)) return null;
  // A tab in an indentation is reported once for the whole file, which only the whole-file parse can do.
  if (/^ *\t/m.test(text)) return null;
  const lines = text.split(/\r?\n/);
  const block = lettersBlock(lines);
  if (!block) return null;
  const enc = new TextEncoder();
  // The head is the file without its list: the key's line becomes "letters: []". The list's lines are left out
  // when nothing follows the list (the usual layout): as blank lines, they made the parser walk thousands of
  // lines (80 ms for 1,000 letters). Otherwise they stay, blank, so what follows keeps its line numbers, in
  // positions and in messages ("đã viết ở dòng …").
  const after = lines.slice(block.end);
  const headLines = after.every((l) => /^\s*(#.*)?$/.test(l))
    ? [...lines.slice(0, block.keyLine), 'letters: []']
    : lines.map((l, i) => (i === block.keyLine ? 'letters: []' : i > block.keyLine && i < block.end ? '' : l));
  return {
    head: loadYaml(file, enc.encode(headLines.join('\n'))),
    count: block.starts.length,
    entry(k) {
      const start = block.starts[k]!;
      const slice = enc.encode(lines.slice(start, block.starts[k + 1] ?? block.end).join('\n'));
      return { offset: start, loaded: light(file, slice, loadYaml(file, slice, { firstLine: start + 1 }), start + 1) };
    },
  };
}

/** An entry that parsed without error must be exactly one list item; otherwise the split misread the file. */
export const misread = (e: Part): boolean =>
  !e.loaded.problems.some((p) => p.severity === 'error') && !(Array.isArray(e.loaded.data) && e.loaded.data.length === 1);

/**
 * An entry that parsed cleanly keeps only its data, its text and the two positions every letter needs (the
 * entry, its `output`); any other position is found by parsing the entry's text again, which happens only for
 * a letter with a problem. Keeping 10,000 parsed trees would cost more memory than the one tree of the file.
 */
function light(file: string, slice: Uint8Array, loaded: LoadedFile, firstLine: number): LoadedFile {
  if (loaded.problems.length) return loaded;
  const known = new Map<string, Position>();
  for (const path of [[0], [0, 'output']]) known.set(JSON.stringify(path), loaded.locate(path));
  const data = loaded.data;
  let again: LoadedFile | undefined;
  return {
    file,
    data,
    problems: [],
    locate(path, opts) {
      const hit = opts?.key || opts?.inText ? undefined : known.get(JSON.stringify(path));
      if (hit) return hit;
      again ??= loadYaml(file, slice, { firstLine });
      return again.locate(path, opts);
    },
    has: (path) => hasPath(data, path),
  };
}

/** Whether a path was written: the plain data holds every key the file wrote (a key with no value as null). */
function hasPath(data: unknown, path: Path): boolean {
  let cur: unknown = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return false;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return true;
}

/** Where the `letters:` list is: its key's line, each item's first line, and the line after it ends. */
function lettersBlock(lines: string[]): { keyLine: number; starts: number[]; end: number } | null {
  const keys = lines.flatMap((l, i) => (/^letters\s*:/.test(l) ? [i] : []));
  if (keys.length !== 1 || !/^letters:\s*(#.*)?$/.test(lines[keys[0]!]!)) return null;
  const keyLine = keys[0]!;
  const isQuiet = (l: string) => /^\s*(#.*)?$/.test(l);
  let i = keyLine + 1;
  while (i < lines.length && isQuiet(lines[i]!)) i++;
  const first = /^( *)-( |$)/.exec(lines[i] ?? '');
  if (!first) return null;
  const indent = first[1]!.length;
  const item = new RegExp(`^ {${indent}}-( |$)`);
  const starts: number[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (isQuiet(l)) continue;
    const lead = /^ */.exec(l)![0].length;
    if (item.test(l)) starts.push(i);
    else if (lead < indent || (indent === 0 && lead === 0)) break;
  }
  // The list ends at a top-level key; anything less indented than the items but not at column 0 is odd YAML,
  // best left to the whole-file parser and its error message.
  if (i < lines.length && /^ +\S/.test(lines[i]!)) return null;
  return starts.length ? { keyLine, starts, end: i } : null;
}

/** One LoadedFile over the head (everything but the list) and the entries, in the original file's lines. */
function combine(file: string, head: LoadedFile, entries: Part[]): LoadedFile {
  const problems: Problem[] = [...head.problems];
  for (const e of entries) problems.push(...entryProblems(e));
  const data = problems.some((p) => p.severity === 'error')
    ? undefined
    : { ...(head.data as Record<string, unknown>), letters: entries.map((e) => (e.loaded.data as unknown[])[0]) };
  return { ...view(head, (i) => entries[i], entries[0]!), data, problems };
}

const shift = (p: Position, offset: number): Position => (p.line > 0 ? { line: p.line + offset, col: p.col } : p);

/** An entry's problems at their lines in the whole file. */
export const entryProblems = (e: Part): Problem[] => e.loaded.problems.map((p) => ({ ...p, ...shift(p, e.offset) }));

/**
 * Positions in the whole file over the head and the entries that `entryAt` knows (all of them, or only the
 * one a streamed letter needs); `first` is the list's first entry, where the list itself starts.
 */
export function view(head: LoadedFile, entryAt: (index: number) => Part | undefined, first: Part): Pick<LoadedFile, 'file' | 'locate' | 'has'> {
  const entryOf = (path: Path) => (path[0] === 'letters' && typeof path[1] === 'number' ? entryAt(path[1]) : undefined);
  return {
    file: head.file,
    locate(path, opts) {
      const e = entryOf(path);
      if (e) return shift(e.loaded.locate([0, ...path.slice(2)], opts), e.offset);
      // The list itself starts where its first item does (the head holds only "letters: []").
      if (path.length === 1 && path[0] === 'letters' && !opts?.key) return shift(first.loaded.locate([]), first.offset);
      return head.locate(path, opts);
    },
    has(path) {
      const e = entryOf(path);
      return e ? e.loaded.has([0, ...path.slice(2)]) : head.has(path);
    },
  };
}
