import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../problem.js';
import { formatPath } from '../problem.js';
import { LIMITS } from './limits.js';
import { cleanText, findIllegalChar } from './text.js';

export type Path = readonly (string | number)[];
export interface Position { line: number; col: number }

/** A YAML file turned into plain data, with a way back from a field path to where it was written. */
export interface LoadedFile {
  file: string;
  /** Plain data, every string cleaned (NFC…); undefined when the file could not be parsed. */
  data: unknown;
  problems: Problem[];
  /** Where the value (or with key: true, the key) at path was written; falls back to the nearest parent. */
  locate(path: Path, opts?: { key?: boolean }): Position;
  /** True when path was written in the file (used to tell a batch entry's own fields from its defaults). */
  has(path: Path): boolean;
}

const problem = (file: string, pos: Position, message: string, rule: string, path?: Path): Problem => ({
  file, ...pos, severity: 'error', message, rule, ...(path ? { path: formatPath(path) } : {}),
});

/** Decodes bytes as UTF-8, or explains why not (UTF-16 from Notepad, a legacy TCVN3/VNI file…). */
function decode(file: string, bytes: Uint8Array): { text?: string; problem?: Problem } {
  if (bytes.length > LIMITS.fileBytes) {
    const mb = (bytes.length / 1048576).toFixed(1);
    return { problem: problem(file, { line: 1, col: 1 }, `tệp quá lớn (${mb} MB), giới hạn là ${LIMITS.fileBytes / 1048576} MB`, 'file-too-large') };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: problem(file, { line: 1, col: 1 }, 'tệp đang lưu dạng UTF-16; hãy lưu lại dạng UTF-8', 'encoding') };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const good = firstBadUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, good));
    const lines = before.split('\n');
    const pos = { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
    return { problem: problem(file, pos, 'tệp không phải UTF-8 (có thể là bảng mã TCVN3/VNI cũ); hãy lưu lại dạng UTF-8 (Unicode dựng sẵn)', 'encoding') };
  }
}

/** Offset of the first byte that is not valid UTF-8. */
function firstBadUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0, hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try { dec.decode(bytes.subarray(0, mid), { stream: true }); lo = mid; } catch { hi = mid - 1; }
  }
  return lo;
}

/** Parses YAML text; reports syntax errors, duplicate keys, alias bombs, deep nesting, illegal characters. */
export function loadYaml(file: string, bytes: Uint8Array): LoadedFile {
  const decoded = decode(file, bytes);
  const lc = new LineCounter();
  const text = decoded.text ?? '';
  const doc = decoded.text === undefined ? null : parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): Position => lc.linePos(offset);
  const problems: Problem[] = decoded.problem ? [decoded.problem] : [];
  let data: unknown;
  if (doc) {
    // Nesting thousands of levels deep overflows the parser's stack ("RESOURCE_EXHAUSTION"): that is the depth
    // limit, said once, not a syntax error quoting a JavaScript message.
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message));
    if (exhausted) problems.push(problem(file, at(exhausted.pos[0]), `lồng nhau quá sâu (giới hạn ${LIMITS.depth} cấp)`, 'depth-limit'));
    else for (const e of doc.errors) problems.push(problem(file, at(e.pos[0]), yamlMessage(e.code, e.message), e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax'));
    if (doc.errors.length === 0) data = toPlain(file, doc, at, problems);
  }
  const locate = (path: Path, opts?: { key?: boolean }): Position => {
    if (!doc) return { line: 1, col: 1 };
    const found = findNode(doc, path, opts?.key ?? false);
    return found?.range ? at(found.range[0]) : { line: 1, col: 1 };
  };
  const has = (path: Path): boolean => !!doc && findNode(doc, path, false, true) !== null;
  return { file, data, problems, locate, has };
}

function toPlain(file: string, doc: Document.Parsed, at: (o: number) => Position, problems: Problem[]): unknown {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (e) {
    const msg = String((e as Error).message);
    const rule = /alias/i.test(msg) ? 'alias-limit' : 'yaml-syntax';
    const text = rule === 'alias-limit' ? `dùng bí danh (*alias) quá nhiều lần (giới hạn ${LIMITS.aliases}); có thể là tệp độc hại` : `không đọc được YAML: ${msg}`;
    problems.push(problem(file, { line: 1, col: 1 }, text, rule));
    return undefined;
  }
  const tooDeep = depthPath(data, []);
  if (tooDeep) {
    problems.push(problem(file, at(findNode(doc, tooDeep, false)?.range?.[0] ?? 0), `lồng nhau quá sâu (giới hạn ${LIMITS.depth} cấp)`, 'depth-limit', tooDeep));
    return undefined;
  }
  return cleanStrings(data, [], (path, char) => {
    const pos = at(findNode(doc, path, false)?.range?.[0] ?? 0);
    problems.push(problem(file, pos, `có ký tự điều khiển ${char} không được phép trong văn bản (thường do dán từ Word/PDF); hãy xóa nó`, 'no-control-chars', path));
  });
}

/** Path to the first value nested deeper than the limit, or null. Iterative, so it cannot blow the stack. */
function depthPath(root: unknown, start: (string | number)[]): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: root, path: start }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (path.length > LIMITS.depth) return path;
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) stack.push({ v: c, path: [...path, Array.isArray(v) ? Number(k) : k] });
  }
  return null;
}

/** Copies data with every string (values and keys) cleaned; reports XML-illegal characters by path. */
function cleanStrings(v: unknown, path: (string | number)[], report: (p: Path, c: string) => void): unknown {
  if (typeof v === 'string') {
    const bad = findIllegalChar(v);
    if (bad) report(path, bad);
    return cleanText(v);
  }
  if (Array.isArray(v)) return v.map((x, i) => cleanStrings(x, [...path, i], report));
  if (v instanceof Uint8Array || v instanceof Date) return String(v);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[cleanText(k)] = cleanStrings(x, [...path, k], report);
    return { ...out };
  }
  return v;
}

/** Walks the YAML node tree along path. With key, returns the key node of the last step. */
function findNode(doc: Document.Parsed, path: Path, key: boolean, exact = false): Node | null {
  let node: unknown = doc.contents;
  let last: Node | null = (doc.contents as Node) ?? null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    let next: unknown = undefined;
    let keyNode: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair) { next = pair.value; keyNode = pair.key as Node; }
    } else if (isSeq(node) && typeof seg === 'number') next = node.items[seg];
    if (next === undefined) return exact ? null : last;
    if (key && i === path.length - 1 && keyNode) return keyNode;
    node = next;
    last = (next as Node) ?? keyNode ?? last;
  }
  return last;
}

function yamlMessage(code: string, msg: string): string {
  if (code === 'DUPLICATE_KEY') return `khóa bị lặp lại: ${msg.replace(/^Map keys must be unique.*$/s, 'mỗi trường chỉ được viết một lần')}`;
  const first = msg.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `lỗi cú pháp YAML: ${first}`;
}
