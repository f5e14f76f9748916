import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { entryProblems, loadInParts, misread, splitParts, view, type Part } from '../load/split.js';
import { loadYaml, type LoadedFile, type Path } from '../load/yaml.js';
import { LIMITS } from '../load/limits.js';
import type { Problem } from '../problem.js';
import type { Locator } from '../validate/letter.js';
import { deepMerge, isPlainObject } from './merge.js';

/** One letter to validate and render: a whole single-letter file, or one entry of a batch file. */
export interface LetterSource {
  file: string;
  /** Index in `letters:` for a batch entry. */
  index?: number;
  /** The letter's data, defaults already merged. */
  data: unknown;
  locate: Locator;
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

/** Reads and parses one input file into letters. A file is a batch when it has `letters:`. */
export function loadSources(file: string): LoadResult {
  const read = readInput(file);
  return 'failed' in read ? read.failed : fromLoaded(loadInParts(file, read.bytes) ?? loadYaml(file, read.bytes));
}

/**
 * Like loadSources, but a batch file of `streamBytes` or more is read entry by entry and each letter is handed
 * to `emit` as soon as it is read, so the caller can start on the first letters while the rest are read. The
 * result is what loadSources would return, except that `sources` holds only letters not emitted. When it has
 * `retract`, the file turned out unreadable after all (a YAML error in a later entry): the emitted letters must
 * be dropped, since loadSources would have returned none.
 */
export function streamSources(file: string, emit: (s: LetterSource) => void, streamBytes: number): LoadResult & { retract?: boolean } {
  const read = readInput(file);
  if ('failed' in read) return read.failed;
  const parts = splitParts(file, read.bytes, streamBytes);
  if (!parts) return fromLoaded(loadYaml(file, read.bytes));
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
      return { ...fromLoaded(loadYaml(file, read.bytes)), retract: emitted > 0 };
    }
    yaml.push(...entryProblems(part));
    unreadable ||= part.loaded.problems.some((p) => p.severity === 'error');
    if (unreadable || checks.length) continue;
    const entry = (part.loaded.data as unknown[])[0];
    const where = view(head, (i) => (i === k ? part : undefined), first);
    emit({ file, index: k, data: isPlainObject(entry) ? deepMerge(defaults, entry) : entry, locate: entryLocator(where, k) });
    emitted++;
  }
  const retract = emitted > 0;
  if (unreadable) return { sources: [], problems: yaml, isBatch: false, retract };
  return { sources: [], problems: [...yaml, ...checks], isBatch: true };
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

/** Letters of a parsed file: the file itself, or each entry of a batch with its defaults merged in. */
function fromLoaded(loaded: LoadedFile): LoadResult {
  const { file } = loaded;
  if (loaded.problems.some((p) => p.severity === 'error')) return { sources: [], problems: loaded.problems, isBatch: false };
  const data = loaded.data;
  if (isPlainObject(data) && 'letters' in data) return batchSources(loaded, data);
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

function batchSources(loaded: LoadedFile, data: Record<string, unknown>): LoadResult {
  const letters = data.letters;
  const count = Array.isArray(letters) ? letters.length : -1;
  const problems: Problem[] = [...loaded.problems, ...batchChecks(loaded, data, count)];
  if (problems.length > loaded.problems.length) return { sources: [], problems, isBatch: true };
  const defaults = data.defaults ?? {};
  const sources = (letters as unknown[]).map((entry, index): LetterSource => ({
    file: loaded.file, index, data: isPlainObject(entry) ? deepMerge(defaults, entry) : entry, locate: entryLocator(loaded, index),
  }));
  return { sources, problems, isBatch: true };
}

/** What is wrong with a batch file as a whole (its keys, its defaults, the size of its list); count -1: no list. */
function batchChecks(loaded: Pick<LoadedFile, 'file' | 'locate'>, data: Record<string, unknown>, count: number): Problem[] {
  const problems: Problem[] = [];
  const err = (path: Path, message: string, rule = 'schema') =>
    problems.push({ file: loaded.file, ...loaded.locate(path, { key: rule === 'unknown-key' }), severity: 'error', message, rule, path: path.join('.') });
  for (const k of Object.keys(data)) if (k !== 'letters' && k !== 'defaults') err([k], `trường lạ "${k}" trong tệp nhiều công văn; chỉ có "defaults" và "letters"`, 'unknown-key');
  if (!isPlainObject(data.defaults ?? {})) err(['defaults'], 'defaults phải là một nhóm trường (khóa: giá trị)');
  if (count < 0) { err(['letters'], 'letters phải là một danh sách công văn (mỗi mục bắt đầu bằng "- ")'); return problems; }
  if (count === 0) err(['letters'], 'letters đang trống: cần ít nhất một công văn');
  if (count > LIMITS.letters) err(['letters'], `quá nhiều công văn trong một tệp (${count}); giới hạn ${LIMITS.letters}`, 'limit');
  return problems;
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
