import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { loadInParts } from '../load/split.js';
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
  let bytes: Uint8Array;
  try {
    const st = statSync(file);
    if (st.size > LIMITS.fileBytes) {
      // Not even read: a huge file must not cost memory.
      const message = `tệp quá lớn (${(st.size / 1048576).toFixed(1)} MB), giới hạn là ${LIMITS.fileBytes / 1048576} MB`;
      return { sources: [], problems: [{ file, line: 1, col: 1, severity: 'error', message, rule: 'file-too-large' }], isBatch: false };
    }
    bytes = readCapped(file);
    if (bytes.length > LIMITS.fileBytes) {
      // A device or pipe (/dev/zero, /dev/stdin) has no size to check first: reading stops past the limit.
      const message = `tệp quá lớn (hơn ${LIMITS.fileBytes / 1048576} MB), giới hạn là ${LIMITS.fileBytes / 1048576} MB`;
      return { sources: [], problems: [{ file, line: 1, col: 1, severity: 'error', message, rule: 'file-too-large' }], isBatch: false };
    }
  } catch (e) {
    const msg = (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'đây là thư mục, không phải tệp' : 'không đọc được tệp này';
    return { sources: [], problems: [{ file, line: 0, col: 0, severity: 'error', message: msg, rule: 'io' }], isBatch: false };
  }
  const loaded = loadInParts(file, bytes) ?? loadYaml(file, bytes);
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
  const { file } = loaded;
  const problems: Problem[] = [...loaded.problems];
  const err = (path: Path, message: string, rule = 'schema') =>
    problems.push({ file, ...loaded.locate(path, { key: rule === 'unknown-key' }), severity: 'error', message, rule, path: path.join('.') });
  for (const k of Object.keys(data)) if (k !== 'letters' && k !== 'defaults') err([k], `trường lạ "${k}" trong tệp nhiều công văn; chỉ có "defaults" và "letters"`, 'unknown-key');
  const defaults = data.defaults ?? {};
  if (!isPlainObject(defaults)) err(['defaults'], 'defaults phải là một nhóm trường (khóa: giá trị)');
  const letters = data.letters;
  if (!Array.isArray(letters)) { err(['letters'], 'letters phải là một danh sách công văn (mỗi mục bắt đầu bằng "- ")'); return { sources: [], problems, isBatch: true }; }
  if (letters.length === 0) err(['letters'], 'letters đang trống: cần ít nhất một công văn');
  if (letters.length > LIMITS.letters) { err(['letters'], `quá nhiều công văn trong một tệp (${letters.length}); giới hạn ${LIMITS.letters}`, 'limit'); return { sources: [], problems, isBatch: true }; }
  if (problems.length > loaded.problems.length) return { sources: [], problems, isBatch: true };
  const sources = letters.map((entry, index): LetterSource => ({
    file, index, data: isPlainObject(entry) ? deepMerge(defaults, entry) : entry, locate: entryLocator(loaded, index),
  }));
  return { sources, problems, isBatch: true };
}

/** A batch entry's field points at the entry's line when the entry wrote it, else at the defaults. */
function entryLocator(loaded: LoadedFile, index: number): Locator {
  return (path, opts) => {
    const own = ['letters', index, ...path];
    if (loaded.has(own)) return loaded.locate(own, opts);
    const inherited = ['defaults', ...path];
    if (path.length && loaded.has(inherited)) return loaded.locate(inherited, opts);
    return loaded.locate(own, opts);
  };
}
