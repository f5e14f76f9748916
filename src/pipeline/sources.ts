import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { entryProblems, loadInParts, misread, splitParts, view, type Part } from '../load/split.js';
import { loadYaml, type LoadedFile, type Path } from '../load/yaml.js';
import { LIMITS } from '../load/limits.js';
import type { Problem } from '../problem.js';
import { contractIssues } from '../schema/issues.js';
import { LettersFromSchema, type LettersFrom } from '../schema/letter.js';
import type { Locator } from '../validate/letter.js';
import { deepMerge, isPlainObject } from './merge.js';

/** One letter to validate and render: a whole single-letter file, or one entry of a batch file. */
export interface LetterSource {
  file: string;
  /** Index in `letters:` for a batch entry; a row of `letters_from` follows the list (letters.length + k). */
  index?: number;
  /** How messages name a letter that is not in `letters:` ("ket-qua.xlsx, trang "Kết quả" dòng 8"). */
  entry?: string;
  /** The letter's data, defaults already merged. */
  data: unknown;
  locate: Locator;
  /** Problems found while reading the letter (a sheet cell that is not a date…): the letter fails with them. */
  problems?: Problem[];
}

export interface LoadResult { sources: LetterSource[]; problems: Problem[]; isBatch: boolean }

const YAML_EXT = new Set(['.yaml', '.yml']);

/** Files named on the command line; a folder stands for every .yaml/.yml file in it (not recursive). */
export function expandInputs(inputs: readonly string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    let st;
    try { st = statSync(input); } catch {
      problems.push({ file: input, line: 0, col: 0, severity: 'error', message: 'không tìm thấy tệp hoặc thư mục này', rule: 'io' });
      continue;
    }
    if (st.isDirectory()) {
      const found = readdirSync(input).filter((f) => YAML_EXT.has(extname(f).toLowerCase())).sort().map((f) => join(input, f));
      if (!found.length) problems.push({ file: input, line: 0, col: 0, severity: 'error', message: 'thư mục không có tệp .yaml/.yml nào', rule: 'io' });
      files.push(...found);
    } else files.push(input);
  }
  // One file named twice ("in/" and "./in/a.yaml") is read once: else its letters would collide with themselves.
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(resolve(f)) && !!seen.add(resolve(f))), problems };
}

/**
 * Reads and parses one input file into letters. A file is a batch when it has `letters:` or `letters_from:`;
 * the rows of a `letters_from` sheet follow the entries of `letters:`. Appendix tables `from` a sheet are read
 * into inline tables here (src/load/sheets), so validate and render see the same letters.
 */
export async function loadSources(file: string): Promise<LoadResult> {
  const read = readInput(file);
  if ('failed' in read) return read.failed;
  return whole(loadInParts(file, read.bytes) ?? loadYaml(file, read.bytes));
}

/**
 * Like loadSources, but a batch file of `streamBytes` or more is read entry by entry and each letter is handed
 * to `emit` as soon as it is read, so the caller can start on the first letters while the rest are read. The
 * result is what loadSources would return, except that `sources` holds only letters not emitted. When it has
 * `retract`, the file turned out unreadable after all (a YAML error in a later entry): the emitted letters must
 * be dropped, since loadSources would have returned none.
 */
export async function streamSources(file: string, emit: (s: LetterSource) => void, streamBytes: number): Promise<LoadResult & { retract?: boolean }> {
  const read = readInput(file);
  if ('failed' in read) return read.failed;
  const parts = splitParts(file, read.bytes, streamBytes);
  if (!parts) return whole(loadYaml(file, read.bytes));
  const { head } = parts;
  // As in a whole-file read: YAML errors anywhere (head or entries) make the file unreadable and are all that
  // is reported; else the batch's own checks; else its letters.
  const yaml: Problem[] = [...head.problems];
  let unreadable = yaml.some((p) => p.severity === 'error');
  const checks = unreadable ? [] : batchChecks(head, head.data as Record<string, unknown>, parts.count);
  const defaults = unreadable || checks.length ? {} : ((head.data as Record<string, unknown>).defaults ?? {});
  let emitted = 0;
  let first: Part | undefined;
  for (let k = 0; k < parts.count; k++) {
    const part = parts.entry(k);
    first ??= part;
    if (misread(part)) {
      // The split misread the file: read it whole, as loadSources does, and drop what was emitted.
      return { ...(await whole(loadYaml(file, read.bytes))), retract: emitted > 0 };
    }
    yaml.push(...entryProblems(part));
    unreadable ||= part.loaded.problems.some((p) => p.severity === 'error');
    if (unreadable || checks.length) continue;
    const entry = (part.loaded.data as unknown[])[0];
    const where = view(head, (i) => (i === k ? part : undefined), first);
    emit(await withTables({ file, index: k, data: isPlainObject(entry) ? deepMerge(defaults, entry) : entry, locate: entryLocator(where, k) }));
    emitted++;
  }
  const retract = emitted > 0;
  if (unreadable) return { sources: [], problems: yaml, isBatch: false, retract };
  const problems = [...yaml, ...checks];
  const spec = (head.data as Record<string, unknown>).letters_from;
  if (!checks.length && spec !== undefined) {
    const rows = await sheetSources(head, { spec: spec as LettersFrom, defaults }, parts.count);
    problems.push(...rows.problems);
    for (const s of rows.sources) emit(await withTables(s));
  }
  return { sources: [], problems, isBatch: true };
}

/** The letters of a file read whole: its own, then its sheet's rows, with their appendix tables read. */
async function whole(loaded: LoadedFile): Promise<LoadResult> {
  const result = fromLoaded(loaded);
  if (result.sheet) {
    const rows = await sheetSources(loaded, result.sheet, result.sources.length);
    result.problems.push(...rows.problems);
    result.sources.push(...rows.sources);
  }
  const sources: LetterSource[] = [];
  for (const s of result.sources) sources.push(await withTables(s));
  return { sources, problems: result.problems, isBatch: result.isBatch };
}

/** The file's bytes, or the result for a file that cannot be read (missing, a folder, too large). */
function readInput(file: string): { bytes: Uint8Array } | { failed: LoadResult } {
  try {
    const st = statSync(file);
    if (st.size > LIMITS.fileBytes) {
      // Not even read: a huge file must not cost memory.
      const message = `tệp quá lớn (${(st.size / 1048576).toFixed(1)} MB), giới hạn là ${LIMITS.fileBytes / 1048576} MB`;
      return { failed: { sources: [], problems: [{ file, line: 1, col: 1, severity: 'error', message, rule: 'file-too-large' }], isBatch: false } };
    }
    const bytes = readCapped(file);
    if (bytes.length > LIMITS.fileBytes) {
      // A device or pipe (/dev/zero, /dev/stdin) has no size to check first: reading stops past the limit.
      const message = `tệp quá lớn (hơn ${LIMITS.fileBytes / 1048576} MB), giới hạn là ${LIMITS.fileBytes / 1048576} MB`;
      return { failed: { sources: [], problems: [{ file, line: 1, col: 1, severity: 'error', message, rule: 'file-too-large' }], isBatch: false } };
    }
    return { bytes };
  } catch (e) {
    const msg = (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'đây là thư mục, không phải tệp' : 'không đọc được tệp này';
    return { failed: { sources: [], problems: [{ file, line: 0, col: 0, severity: 'error', message: msg, rule: 'io' }], isBatch: false } };
  }
}

/** A batch's `letters_from`, still to be read, with the defaults its rows merge over. */
interface PendingSheet { spec: LettersFrom; defaults: unknown }

/** Letters of a parsed file: the file itself, or each entry of a batch with its defaults merged in. */
function fromLoaded(loaded: LoadedFile): LoadResult & { sheet?: PendingSheet } {
  const { file } = loaded;
  if (loaded.problems.some((p) => p.severity === 'error')) return { sources: [], problems: loaded.problems, isBatch: false };
  const data = loaded.data;
  if (isPlainObject(data) && ('letters' in data || 'letters_from' in data)) return batchSources(loaded, data);
  return { sources: [{ file, data, locate: loaded.locate }], problems: loaded.problems, isBatch: false };
}

/** The file's bytes, but never more than one byte past the size limit, whatever the file is. */
function readCapped(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, LIMITS.fileBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > LIMITS.fileBytes) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function batchSources(loaded: LoadedFile, data: Record<string, unknown>): LoadResult & { sheet?: PendingSheet } {
  const letters = data.letters ?? [];
  const count = Array.isArray(letters) ? letters.length : -1;
  const problems: Problem[] = [...loaded.problems, ...batchChecks(loaded, data, count)];
  if (problems.length > loaded.problems.length) return { sources: [], problems, isBatch: true };
  const defaults = data.defaults ?? {};
  const sources = (letters as unknown[]).map((entry, index): LetterSource => ({
    file: loaded.file, index, data: isPlainObject(entry) ? deepMerge(defaults, entry) : entry, locate: entryLocator(loaded, index),
  }));
  const sheet = data.letters_from === undefined ? undefined : { spec: data.letters_from as LettersFrom, defaults };
  return { sources, problems, isBatch: true, ...(sheet ? { sheet } : {}) };
}

const BATCH_KEYS = new Set(['defaults', 'letters', 'letters_from']);

/**
 * What is wrong with a batch file as a whole (its keys, its defaults, letters_from, the size of its list); count
 * -1: `letters` is not a list. A batch needs `letters:` or `letters_from:` (or both).
 */
function batchChecks(loaded: Pick<LoadedFile, 'file' | 'locate'>, data: Record<string, unknown>, count: number): Problem[] {
  const problems: Problem[] = [];
  const err = (path: Path, message: string, rule = 'schema') =>
    problems.push({ file: loaded.file, ...loaded.locate(path, { key: rule === 'unknown-key' }), severity: 'error', message, rule, path: path.join('.') });
  for (const k of Object.keys(data)) if (!BATCH_KEYS.has(k)) err([k], `trường lạ "${k}" trong tệp nhiều công văn; chỉ có "defaults", "letters" và "letters_from"`, 'unknown-key');
  if (!isPlainObject(data.defaults ?? {})) err(['defaults'], 'defaults phải là một nhóm trường (khóa: giá trị)');
  if (data.letters_from !== undefined) {
    const parsed = LettersFromSchema.safeParse(data.letters_from);
    if (!parsed.success) {
      for (const i of contractIssues(LettersFromSchema, data.letters_from, parsed.error.issues)) {
        err(['letters_from', ...i.path], i.message, i.atKey ? 'unknown-key' : 'schema');
      }
    }
  }
  if (count < 0) { err(['letters'], 'letters phải là một danh sách công văn (mỗi mục bắt đầu bằng "- ")'); return problems; }
  if (count === 0 && data.letters_from === undefined) err(['letters'], 'letters đang trống: cần ít nhất một công văn');
  if (count > LIMITS.letters) err(['letters'], `quá nhiều công văn trong một tệp (${count}); giới hạn ${LIMITS.letters}`, 'limit');
  return problems;
}

/**
 * The rows of a batch's `letters_from` sheet as letters, after the `letters:` entries (their index goes on from
 * `first`). A row's field points at its cell when the row wrote it, else at the defaults that gave it, else at
 * the cell where it belongs (a required value missing) or the row.
 */
async function sheetSources(loaded: Pick<LoadedFile, 'file' | 'locate' | 'has'>, sheet: PendingSheet, first: number): Promise<{ sources: LetterSource[]; problems: Problem[] }> {
  const { sheetLetters } = await import('../load/sheets/letters.js');
  const { entries, problems } = await sheetLetters(loaded.file, sheet.spec, loaded.locate);
  const sources = entries.map((e, k): LetterSource => ({
    file: loaded.file, index: first + k, entry: e.label, data: deepMerge(sheet.defaults, e.data), problems: e.problems,
    locate: (path, opts) => {
      const hit = e.locate(path);
      if (hit?.written) return hit.pos;
      if (path.length && loaded.has(['defaults', ...path])) return loaded.locate(['defaults', ...path], opts);
      return hit?.pos ?? e.pos;
    },
  }));
  return { sources, problems };
}

/** A letter with its appendix tables `from` sheets read into inline tables (src/load/sheets/appendix.ts). */
async function withTables(s: LetterSource): Promise<LetterSource> {
  const apps = (s.data as { appendices?: unknown } | null)?.appendices;
  if (!Array.isArray(apps)) return s;
  const { resolveTables } = await import('../load/sheets/appendix.js');
  const read = await resolveTables(s.data, s.file, s.locate);
  if (!read) return s;
  return {
    ...s, data: read.data, problems: [...(s.problems ?? []), ...read.problems],
    locate: (path, opts) => read.locate(path) ?? s.locate(path, opts),
  };
}

/** A batch entry's field points at the entry's line when the entry wrote it, else at the defaults. */
function entryLocator(loaded: Pick<LoadedFile, 'locate' | 'has'>, index: number): Locator {
  return (path, opts) => {
    const own = ['letters', index, ...path];
    if (loaded.has(own)) return loaded.locate(own, opts);
    const inherited = ['defaults', ...path];
    if (path.length && loaded.has(inherited)) return loaded.locate(inherited, opts);
    return loaded.locate(own, opts);
  };
}
