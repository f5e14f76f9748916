import { Composer, CST, isMap, isNode, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, visit, YAMLParseError, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Problem, Severity } from '../problem.js';
import { formatPath } from '../problem.js';
import { textNfc } from '../rules/text-nfc.js';
import { LIMITS } from './limits.js';
import { cleanText, findIllegalChar } from './text.js';
import { foldedListItem, quoted, syntaxProblems } from './yaml-errors.js';

export type Path = readonly (string | number)[];
/**
 * Where a value was written. In a YAML or CSV file: the line and column. In a workbook the line and column are
 * the cell's row and column number, and `cell` names it as a clerk reads it ("Kết quả!E8"). `file` is set when
 * the value came from another file than the one being read (a row of a sheet that a batch file names), and
 * `header` is the header of the sheet column the value came from. A problem takes all of these as they are:
 * it carries a position, never a format.
 */
export interface Position { line: number; col: number; file?: string; cell?: string; header?: string }

/**
 * What to point at. By default the value at the path; with `key`, its key. With `inText`, a place inside a text
 * value: the `nth` (0-based) match of `pattern` (global) in the value as written in the file — a rule that finds
 * something in the parsed string (an unpaired "**") counts its matches there, and the same count in the
 * source finds its line and column, whatever the scalar's style (plain, quoted, block), folding or indentation.
 * The pattern must match the same way in the source as in the value (YAML escapes do not touch what it looks
 * for); when the source has fewer matches, the value's start is the answer.
 */
export interface LocateOptions { key?: boolean; inText?: { pattern: RegExp; nth: number } }

/** A YAML file turned into plain data, with a way back from a field path to where it was written. */
export interface LoadedFile {
  file: string;
  /** Plain data, every string cleaned (NFC…); undefined when the file could not be parsed. */
  data: unknown;
  problems: Problem[];
  /** Where the value (or its key, or a place in its text) at path was written; falls back to the nearest parent. */
  locate(path: Path, opts?: LocateOptions): Position;
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
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom || utf16WithoutBom(bytes)) return { problem: problem(file, { line: 1, col: 1 }, UTF16_MESSAGE, 'encoding') };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const good = firstBadUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, good));
    const lines = before.split('\n');
    const pos = { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
    return { problem: problem(file, pos, LEGACY_MESSAGE, 'encoding') };
  }
}

/** Notepad's "Unicode" and Word's "Unicode text": two bytes a character, which a YAML file must not be. */
const UTF16_MESSAGE = 'tệp đang lưu dạng UTF-16 ("Unicode" của Notepad); cchc cần UTF-8: trong Notepad chọn Tệp → Lưu thành… → Mã hóa: UTF-8; trong VS Code bấm "UTF-16" ở thanh dưới cùng → Lưu với mã hóa → UTF-8';

/** A file in a legacy Vietnamese code page: how to convert it, with the tools clerks have (Unikey). */
const LEGACY_MESSAGE = 'tệp không phải UTF-8: có vẻ đang dùng bảng mã cũ (TCVN3/ABC, VNI hoặc Windows-1258); cchc cần Unicode UTF-8. Cách chuyển: sao chép toàn bộ nội dung tệp, mở Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn: TCVN3 (ABC) hoặc VNI Windows, Đích: Unicode, bấm "Chuyển mã", dán lại vào trình soạn thảo rồi lưu với mã hóa UTF-8';

/**
 * UTF-16 without a byte-order mark: YAML is mostly ASCII, which UTF-16 writes as the character and a zero byte
 * (little-endian: zero second; big-endian: zero first). A UTF-8 letter has no zero bytes at all. Looks at the
 * first 4 KB only.
 */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'LE';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'BE';
  return null;
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence (a lone TCVN3/VNI byte, a truncated or
 * overlong sequence, a surrogate), scanning once; the length when all is valid.
 */
function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= b.length) return i;
    const c1 = b[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/**
 * Parses YAML text; reports syntax errors, duplicate keys, alias bombs, deep nesting, illegal characters.
 * `firstLine`: the file line the bytes start at (a batch entry read on its own), for line numbers in messages.
 */
export function loadYaml(file: string, bytes: Uint8Array, opts: { firstLine?: number } = {}): LoadedFile {
  const firstLine = opts.firstLine ?? 1;
  const decoded = decode(file, bytes);
  const lc = new LineCounter();
  const text = decoded.text ?? '';
  const crowded = decoded.text === undefined ? null : tooManyNodes(file, text);
  const parsed = decoded.text === undefined || crowded ? null : parseKeepingTokens(text, lc);
  const doc = parsed?.doc ?? null;
  const at = (offset: number): Position => lc.linePos(offset);
  const problems: Problem[] = decoded.problem ? [decoded.problem] : crowded ? [crowded] : [];
  let data: unknown;
  if (doc) {
    // Nesting thousands of levels deep overflows the parser's stack ("RESOURCE_EXHAUSTION"): that is the depth
    // limit, said once, not a syntax error quoting a JavaScript message.
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message));
    const syntax = exhausted ? [] : syntaxProblems(text, doc.errors, firstLine, parsed!.tokens);
    if (exhausted) problems.push(problem(file, at(exhausted.pos[0]), `lồng nhau quá sâu (giới hạn ${LIMITS.depth} cấp)`, 'depth-limit'));
    else for (const s of syntax) problems.push(problem(file, at(s.offset), s.message, 'yaml-syntax'));
    // A file indented with tabs is misread from the first tab on: the "duplicates" it then shows are not real.
    const duplicates = exhausted || syntax.some((s) => s.tabs) ? false : duplicateKeys(file, doc, at, firstLine, problems);
    if (doc.errors.length === 0 && !duplicates && !badNodes(file, doc, text, at, problems)) data = toPlain(file, doc, at, problems);
  }
  const locate = (path: Path, opts?: LocateOptions): Position => {
    if (!doc) return { line: 1, col: 1 };
    const inText = opts?.inText && !opts.key ? offsetInScalar(text, findNode(doc, path, false, true), opts.inText) : undefined;
    if (inText !== undefined) return at(inText);
    const found = findNode(doc, path, opts?.key ?? false);
    return found?.range ? at(found.range[0]) : { line: 1, col: 1 };
  };
  const has = (path: Path): boolean => !!doc && findNode(doc, path, false, true) !== null;
  return { file, data, problems, locate, has };
}

/**
 * yaml's parseDocument, keeping the parser's tokens: a file with syntax errors is explained from them
 * (yaml-errors.ts) instead of being parsed a second time — on a 5 MB broken file, ~2 s of ~6. A file is one
 * document, whose token holds the whole tree while it is composed either way: keeping them costs no more memory.
 */
function parseKeepingTokens(text: string, lc: LineCounter): { doc: Document.Parsed; tokens: CST.Token[] } {
  const tokens = [...new Parser(lc.addNewLine).parse(text)];
  let doc: Document.Parsed | undefined;
  for (const d of new Composer({ uniqueKeys: false, prettyErrors: false, strict: true }).compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      // As parseDocument says it: only the first document is read.
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return { doc: doc!, tokens };
}

/**
 * Offset in the file of the nth match of pattern inside a scalar's source text, or undefined. A block scalar's
 * header line ("|", "|-  # comment") is not part of its text.
 */
function offsetInScalar(text: string, node: Node | null, find: { pattern: RegExp; nth: number }): number | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  let [start] = node.range;
  const end = node.range[1];
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') start = text.indexOf('\n', start) + 1 || end;
  const pattern = new RegExp(find.pattern.source, find.pattern.flags.includes('g') ? find.pattern.flags : `${find.pattern.flags}g`);
  let n = 0;
  for (const m of text.slice(start, end).matchAll(pattern)) if (n++ === find.nth) return start + m.index!;
  return undefined;
}

const NODE_TOKENS = new Set(['scalar', 'alias', 'flow-map-start', 'flow-seq-start', 'seq-item-ind']);

/**
 * Characters that start or separate values: a line end, ":", "-", "?", ",", a bracket, a quote, "*" (an alias).
 * Every value yaml's lexer finds has one of them before it (anchors, tags and spaces may stand between), and one
 * such character serves at most two values: a "[" is a value (a list) and may be all that stands before the next.
 */
const BEFORE_VALUE = new Set([...'\n\r:-?,[]{}"\'*'].map((c) => c.charCodeAt(0)));

/** Twice those characters in `text`, plus one: at least the values its lexer finds (test/load/value-bound.test.ts). */
export function valueBound(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (BEFORE_VALUE.has(text.charCodeAt(i))) n++;
  return 2 * n + 1;
}

/**
 * Counts the values in the text with yaml's lexer (no tree is built) and stops at LIMITS.nodes. A text that cannot
 * hold that many is not lexed at all: it is shorter than the limit, or has fewer characters that can start or
 * separate values (one scan, ~50× cheaper than lexing; for a 1,000-letter batch it gives 1/4 of the limit).
 */
function tooManyNodes(file: string, text: string): Problem | null {
  if (text.length <= LIMITS.nodes || valueBound(text) <= LIMITS.nodes || lexedValues(text, LIMITS.nodes) <= LIMITS.nodes) return null;
  const message = `tệp có quá nhiều giá trị (hơn ${LIMITS.nodes.toLocaleString('vi-VN')}); hãy chia thành nhiều tệp nhỏ hơn`;
  return problem(file, { line: 1, col: 1 }, message, 'file-too-large');
}

/** The values (scalars, aliases, lists, maps, list items) yaml's lexer finds in `text`, counting no further than `max` + 1. */
export function lexedValues(text: string, max = Infinity): number {
  let n = 0;
  for (const token of new Lexer().lex(text)) if (NODE_TOKENS.has(CST.tokenType(token) ?? '') && ++n > max) break;
  return n;
}

function toPlain(file: string, doc: Document.Parsed, at: (o: number) => Position, problems: Problem[]): unknown {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (e) {
    problems.push(toJsProblem(file, doc, at, String((e as Error).message)));
    return undefined;
  }
  const tooDeep = depthPath(data, []);
  if (tooDeep) {
    problems.push(problem(file, at(findNode(doc, tooDeep, false)?.range?.[0] ?? 0), `lồng nhau quá sâu (giới hạn ${LIMITS.depth} cấp)`, 'depth-limit', tooDeep));
    return undefined;
  }
  return cleanStrings(data, [], (path, message, rule, severity = 'error') => {
    const pos = at(findNode(doc, path, false)?.range?.[0] ?? 0);
    problems.push({ ...problem(file, pos, message, rule, path), severity });
  });
}

/**
 * Reports keys written twice in one map; true when any was. One linear walk with a set per map: yaml's own
 * `uniqueKeys` check compares every key with every earlier one, which a 5 MB file of keys turns into hours.
 * Keys are compared as text ("1" and 1 are the same field once the file is read).
 */
function duplicateKeys(file: string, doc: Document.Parsed, at: (o: number) => Position, firstLine: number, problems: Problem[]): boolean {
  let found = false;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const k = pair.key;
        if (isScalar(k)) {
          const name = String(k.value);
          const first = seen.get(name);
          const offset = k.range?.[0] ?? 0;
          if (first === undefined) seen.set(name, offset);
          else {
            found = true;
            problems.push(problem(file, at(offset), `khóa "${name}" bị lặp lại (đã viết ở dòng ${at(first).line + firstLine - 1}); mỗi trường chỉ được viết một lần`, 'duplicate-key'));
          }
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return found;
}

/** Core-schema tags; anything else (!!binary, !!set, !!timestamp, !!js/function, !custom…) is not letter text. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Reports what YAML can say but a letter cannot: tags beyond plain text, numbers, lists and maps (they would
 * otherwise turn silently into text or bytes), and lists or maps used as keys. True when any was found.
 */
function badNodes(file: string, doc: Document.Parsed, text: string, at: (o: number) => Position, problems: Problem[]): boolean {
  const before = problems.length;
  const seen = new Set<number>();
  const tagProblem = (offset: number, tag: string, why: string) => {
    if (seen.has(offset)) return;
    seen.add(offset);
    problems.push(problem(file, at(offset), `thẻ YAML "${tag.replace('tag:yaml.org,2002:', '!!')}" ${why}; hãy viết giá trị bình thường (chữ, số, danh sách, nhóm trường)`, 'yaml-tag'));
  };
  for (const w of doc.warnings) {
    // A plain tag whose value does not fit it ("!!int x"); other unknown tags are reported by the walk below.
    const tag = /tag: (\S+?)(?: at|$)/m.exec(w.message)?.[1];
    if (w.code === 'TAG_RESOLVE_FAILED' && tag && PLAIN_TAGS.has(tag)) tagProblem(w.pos[0], tag, 'không khớp với giá trị');
  }
  // An explicit stack, not yaml's visit(), which copies the path at every level: slow and memory-hungry for the
  // thousands of levels a hostile file nests. The depth limit is checked here too, before toJS(), whose alias
  // resolution walks the whole tree again for every alias.
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      const k = node.key as Node | null;
      if (k && !isScalar(k)) problems.push(problem(file, at(k.range?.[0] ?? 0), 'khóa phải là một tên trường, không phải danh sách hay nhóm trường', 'yaml-syntax'));
      stack.push([node.key, depth], [node.value, depth]);
      continue;
    }
    if (!isNode(node)) continue;
    if (depth > LIMITS.depth) {
      problems.push(problem(file, at(node.range?.[0] ?? 0), `lồng nhau quá sâu (giới hạn ${LIMITS.depth} cấp)`, 'depth-limit'));
      break;
    }
    if (node.tag && !PLAIN_TAGS.has(node.tag)) tagProblem(node.range?.[0] ?? 0, node.tag, 'không dùng được trong công văn');
    if (isScalar(node) && node.type === 'PLAIN' && node.range) {
      // A list item indented one space more than the one above is read as more text of that item: valid YAML,
      // but the item is silently lost.
      const folded = foldedListItem(text, node.range[0], node.range[1]);
      if (folded) problems.push(problem(file, at(folded.offset), folded.message, 'yaml-syntax'));
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
  }
  return problems.length > before;
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

type Report = (p: Path, message: string, rule: string, severity?: Severity) => void;

/**
 * Copies data with every string (values and keys) cleaned; reports XML-illegal characters, over-long text and
 * (as a warning: the copy is normalised anyway) text not in NFC, by path.
 */
function cleanStrings(v: unknown, path: (string | number)[], report: Report): unknown {
  if (typeof v === 'string') {
    if (v !== v.normalize('NFC')) report(path, textNfc.message(v), textNfc.id, textNfc.severity);
    const bad = findIllegalChar(v);
    if (bad) report(path, `có ký tự điều khiển ${bad} không được phép trong văn bản (thường do dán từ Word/PDF); hãy xóa nó`, 'no-control-chars');
    if (v.length > LIMITS.textChars) report(path, `đoạn văn quá dài (${v.length} ký tự); giới hạn ${LIMITS.textChars} ký tự một giá trị`, 'text-limit');
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

/** Each map's pairs by key text, built on first use: locating many problems in a huge map stays linear. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
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
      const pair = pairOf(node, String(seg));
      if (pair) { next = pair.value; keyNode = pair.key as Node; }
    } else if (isSeq(node) && typeof seg === 'number') next = node.items[seg];
    if (next === undefined) return exact ? null : last;
    if (key && i === path.length - 1 && keyNode) return keyNode;
    node = next;
    last = (next as Node) ?? keyNode ?? last;
  }
  return last;
}

/**
 * Why toJS() failed: too many aliases (an alias bomb), or an alias ("*tên") with no anchor ("&tên") before it,
 * which in a letter is nearly always text that starts with "*" ("*Lưu ý*").
 */
function toJsProblem(file: string, doc: Document.Parsed, at: (o: number) => Position, msg: string): Problem {
  if (/excessive alias/i.test(msg)) {
    return problem(file, { line: 1, col: 1 }, `dùng bí danh (*alias) quá nhiều lần (giới hạn ${LIMITS.aliases}); có thể là tệp độc hại`, 'alias-limit');
  }
  const name = /unresolved alias.*?: (.*)$/is.exec(msg)?.[1];
  let alias: Alias | undefined;
  visit(doc, { Alias(_k, node) { if (node.source === name) { alias = node; return visit.BREAK; } return undefined; } });
  if (alias) {
    const word = `*${alias.source}`;
    const message = `giá trị bắt đầu bằng "*" được YAML hiểu là bí danh (${word}), mà không có neo "&${alias.source}" nào trước đó; nếu đây là chữ, đặt cả giá trị trong ngoặc kép: ${quoted(word)}`;
    return problem(file, at(alias.range?.[0] ?? 0), message, 'yaml-syntax');
  }
  return problem(file, { line: 1, col: 1 }, 'không đọc được tệp YAML này; kiểm tra các giá trị bắt đầu bằng "*", "&" hoặc "!" (đặt chúng trong ngoặc kép)', 'yaml-syntax');
}
