import type { ErrorCode, YAMLError } from 'yaml';

/**
 * The `yaml` parser's errors, said in Vietnamese with the fix. The parser names what it saw ("Implicit keys need
 * to be on a single line"), not what the clerk did; several mistakes share a code, so the text around the
 * position tells them apart (a missing space after ":", a ":" inside a value, a list item out of line…).
 * A mistake often trips several errors on one line, or on every line after it (tabs): one message each.
 */

/** A syntax problem found in the text: where, what to say, and the parser's code it came from. */
export interface SyntaxProblem { offset: number; message: string; tabs?: true }

/** One Vietnamese message for every code the parser has, used when the context says nothing more precise. */
export const CODE_MESSAGES: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'bí danh YAML (*tên) không được có "&" hay "!" đi kèm; nếu đây là chữ, đặt cả giá trị trong ngoặc kép',
  BAD_ALIAS: '"&" hoặc "*" ở đầu giá trị có nghĩa riêng trong YAML (neo, bí danh); nếu đây là chữ, đặt cả giá trị trong ngoặc kép',
  BAD_DIRECTIVE: 'dòng bắt đầu bằng "%" là chỉ thị YAML không hợp lệ; xóa dòng này (nếu là chữ, đặt trong ngoặc kép)',
  BAD_DQ_ESCAPE: 'trong ngoặc kép, dấu "\\" bắt đầu một mã đặc biệt; viết "\\\\" cho một dấu "\\", hoặc dùng ngoặc đơn \'…\'',
  BAD_INDENT: 'thụt lề không khớp với các dòng trên; các mục cùng cấp phải thẳng cột (dùng dấu cách)',
  BAD_PROP_ORDER: '"&" và "!" phải viết sau dấu "- ", "? " hoặc ": "; nếu đây là chữ, đặt cả giá trị trong ngoặc kép',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này; đặt cả giá trị trong ngoặc kép',
  BLOCK_AS_IMPLICIT_KEY: 'dòng này lệch cột: các mục cùng cấp phải thẳng cột; nếu trong giá trị có dấu ":", đặt đoạn có dấu : trong ngoặc kép',
  BLOCK_IN_FLOW: 'trong cặp ngoặc [ ] hoặc { }, các mục cách nhau bằng dấu phẩy; không viết "- " hay "tên: giá trị" xuống dòng bên trong (thiếu dấu phẩy?)',
  DUPLICATE_KEY: 'khóa bị lặp lại; mỗi trường chỉ được viết một lần',
  IMPOSSIBLE: 'không đọc được dòng này; kiểm tra thụt lề, dấu ":" và dấu ngoặc',
  KEY_OVER_1024_CHARS: 'dấu ":" ở quá xa đầu dòng (hơn 1024 ký tự) nên không đọc được là "tên: giá trị"; nếu đây là đoạn văn, đặt trong ngoặc kép hoặc viết sau "|"',
  MISSING_CHAR: 'thiếu một ký tự ở đây (dấu ":", dấu phẩy, ngoặc đóng hoặc dấu cách); kiểm tra dòng này',
  MULTILINE_IMPLICIT_KEY: 'dòng này không có dạng "tên: giá trị": thiếu dấu ":" sau tên trường, hoặc dòng thuộc đoạn văn ở trên nhưng thụt lề chưa đủ',
  MULTIPLE_ANCHORS: 'một giá trị chỉ được có một neo "&"; nếu đây là chữ, đặt cả giá trị trong ngoặc kép',
  MULTIPLE_DOCS: 'tệp chỉ được có một phần: dòng "---" ở đây bắt đầu phần thứ hai; xóa dòng này (nhiều công văn trong một tệp thì dùng defaults và letters)',
  MULTIPLE_TAGS: 'một giá trị chỉ được có một thẻ "!"; nếu đây là chữ, đặt cả giá trị trong ngoặc kép',
  NON_STRING_KEY: 'tên trường phải là chữ',
  RESOURCE_EXHAUSTION: 'lồng nhau quá sâu',
  TAB_AS_INDENT: 'thụt lề bằng phím Tab; dùng dấu cách, không dùng Tab',
  TAG_RESOLVE_FAILED: 'thẻ YAML "!…" không dùng được trong công văn; nếu "!" là chữ, đặt cả giá trị trong ngoặc kép',
  UNEXPECTED_TOKEN: 'có ký tự không đúng chỗ ở đây; kiểm tra dấu ngoặc, dấu ":" và thụt lề của dòng này',
  BAD_COLLECTION_TYPE: 'thẻ YAML "!…" không khớp với giá trị; hãy bỏ thẻ',
};

/** How sure a message is of the cause: on a line with several errors, the surest one is kept. */
const SURE = { unclosed: 5, fix: 4, list: 3, field: 2, code: 1, generic: 0 } as const;

interface Said { offset: number; message: string; sure: number }

/** The text around the errors: its lines and where each starts. */
class Context {
  readonly lines: string[];
  private readonly starts: number[] = [0];
  /** `base` is the file line of the text's first line: a batch entry read on its own starts further down. */
  constructor(readonly text: string, readonly base: number) {
    this.lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** 0-based line index of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  /** The line number a person sees in the file. */
  no(line: number): number { return line + this.base; }
  start(line: number): number { return this.starts[line] ?? this.text.length; }
  /** Offset of the first non-space character of a line. */
  content(line: number): number { return this.start(line) + indentOf(this.lines[line] ?? ''); }
}

const indentOf = (l: string): number => /^ */.exec(l)![0].length;
const isQuiet = (l: string): boolean => /^\s*(#.*)?$/.test(l);

/** `key: value` on one line (after an optional "- "): the parts a suggestion rewrites. */
const KEY_VALUE = /^(\s*(?:-\s+)?)([^\s#'"[\]{},:-][^:#]*?|[^\s#'"[\]{},:]):[ \t]+(.*?)\s*$/u;
/** `key:value` — a field name glued to its value. URLs ("http://…") and times ("10:30") do not count. */
const GLUED = /^(\s*(?:-\s+)?)([\p{L}_][\p{L}\p{N}_-]*):(?![\s/:])(\S.*)$/u;
/** A value as YAML text in quotes: double quotes unless the value holds one, then single quotes. */
export const quoted = (v: string): string => (v.includes('"') ? `'${v.replace(/'/g, "''")}'` : `"${v.replace(/\\/g, '\\\\')}"`);

/** The line rewritten with its value in quotes ("subject: \"V/v: …\""), or null when it has no key: value. */
function quotedLine(line: string): string | null {
  const m = KEY_VALUE.exec(line);
  if (!m || m[3] === '' || /^["']/.test(m[3]!)) return null;
  return `${m[1]!.trimStart()}${m[2]}: ${quoted(m[3]!)}`;
}

/**
 * Problems for the parser's errors, one per mistake. `errors` are the document's errors (positions are offsets
 * into `text`), `tokens` the parser's tokens of `text`; the result is sorted by offset.
 */
export function syntaxProblems(text: string, errors: readonly YAMLError[], firstLine: number, tokens: readonly unknown[]): SyntaxProblem[] {
  // A clean file costs nothing here: the text is only looked at again when the parser erred.
  if (!errors.length) return [];
  const ctx = new Context(text, firstLine);
  const tabs = tabProblem(ctx, errors);
  if (tabs) return [tabs];
  const openers = unclosed(tokens);
  const said: (Said & { line: number })[] = [];
  for (const e of errors) {
    const s = diagnose(ctx, e, openers);
    if (s) said.push({ ...s, line: ctx.lineOf(e.pos[0]) });
  }
  // One message per line where the parser erred: the surest. Then one per place and text.
  const best = new Map<number, Said>();
  for (const s of said) if ((best.get(s.line)?.sure ?? -1) < s.sure) best.set(s.line, s);
  const seen = new Set<string>();
  const out: SyntaxProblem[] = [];
  for (const s of [...best.values()].sort((a, b) => a.offset - b.offset)) {
    const key = `${s.offset}\u0000${s.message}`;
    if (!seen.has(key)) { seen.add(key); out.push({ offset: s.offset, message: s.message }); }
  }
  return out;
}

/**
 * Tab indentation, said once for the whole file: a file indented with tabs fails on nearly every line, and
 * what the parser then makes of it (keys one level up, "duplicates") is noise. Only when the parser erred on a
 * tab-indented line: tabs inside a block of text, after its spaces, are text.
 */
function tabProblem(ctx: Context, errors: readonly YAMLError[]): SyntaxProblem | null {
  const tabbed: number[] = [];
  ctx.lines.forEach((l, i) => { if (/^ *\t/.test(l) && !isQuiet(l)) tabbed.push(i); });
  if (!tabbed.length) return null;
  const onTab = new Set(tabbed);
  if (!errors.some((e) => e.code === 'TAB_AS_INDENT' || onTab.has(ctx.lineOf(e.pos[0])))) return null;
  const shown = tabbed.slice(0, 5).map((i) => ctx.no(i)).join(', ');
  const more = tabbed.length > 5 ? ` và ${tabbed.length - 5} dòng khác` : '';
  return {
    tabs: true,
    offset: ctx.start(tabbed[0]!),
    message: `tệp thụt lề bằng phím Tab (dòng ${shown}${more}); YAML chỉ nhận dấu cách: dùng dấu cách, không dùng Tab (trong trình soạn thảo, chọn thụt lề bằng dấu cách rồi thay các Tab)`,
  };
}

/** An opening quote or bracket that is never closed, from the parser's token tree. */
interface Opener { offset: number; char: string }

type Token = { type?: string; offset?: number; source?: string; start?: { source?: string; offset: number }; end?: { source?: string }[] };

/**
 * Quotes and brackets left open, where each opens, from the parser's tokens of the text. Walks the token tree with
 * an explicit stack: a hostile file nests thousands of levels deep.
 */
function unclosed(tokens: readonly unknown[]): Opener[] {
  const found: Opener[] = [];
  const stack: unknown[] = [...tokens];
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) { for (const x of t) stack.push(x); continue; }
    const tok = t as Token;
    if ((tok.type === 'double-quoted-scalar' || tok.type === 'single-quoted-scalar') && typeof tok.source === 'string') {
      const q = tok.source[0]!;
      if (tok.source.length < 2 || !closesQuote(tok.source, q)) found.push({ offset: tok.offset!, char: q });
    }
    if (tok.type === 'flow-collection' && tok.start?.source) {
      const close = tok.start.source === '[' ? ']' : '}';
      if (!tok.end?.some((e) => e.source === close)) found.push({ offset: tok.start.offset, char: tok.start.source });
    }
    for (const v of Object.values(tok)) if (v && typeof v === 'object') stack.push(v);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Whether a quoted scalar's source ends with its closing quote (not an escaped one, for double quotes). */
function closesQuote(source: string, q: string): boolean {
  if (!source.endsWith(q)) return false;
  if (q === "'") return true;
  let backslashes = 0;
  for (let i = source.length - 2; i > 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

const CLOSER: Record<string, string> = { '[': ']', '{': '}' };

function openerMessage(ctx: Context, o: Opener): string {
  if (o.char === '"') return 'ngoặc kép " mở ở đây nhưng không được đóng: thêm " ở cuối giá trị (trong ngoặc kép, dấu " của chữ viết thành \\")';
  if (o.char === "'") return 'ngoặc đơn \' mở ở đây nhưng không được đóng: thêm \' ở cuối giá trị (trong ngoặc đơn, dấu \' của chữ viết hai lần: \'\')';
  const close = CLOSER[o.char]!;
  const example = o.char === '[' ? 'to: [Sở Nội vụ, Sở Tài chính]' : 'report: { number: 18, symbol: BC-ĐKT }';
  // A closer further down, with no field between, means the bracket was closed but on a line the parser no
  // longer counted as inside it (indented too little).
  const closer = ctx.text.indexOf(close, o.offset);
  const between = closer === -1 ? '' : ctx.text.slice(o.offset + 1, closer);
  if (closer !== -1 && !between.includes(o.char) && !/^\s*[^\s:#-][^:#\n]*:(\s|$)/m.test(between)) {
    return `dấu "${o.char}" mở ở đây chưa được đóng đúng chỗ: các dòng tiếp theo đến "${close}" phải thụt lề sâu hơn tên trường, hoặc viết cả cặp ngoặc trên một dòng (ví dụ ${example})`;
  }
  return `dấu "${o.char}" mở ở đây nhưng không được đóng: thêm "${close}" ở cuối (ví dụ ${example})`;
}

/** The message for one parser error, from its code, its text and the lines around it. */
function diagnose(ctx: Context, e: YAMLError, openers: Opener[]): Said | null {
  const at = e.pos[0];
  const msg = e.message;
  const li = ctx.lineOf(at);
  const line = ctx.lines[li] ?? '';
  const say = (message: string, sure: number, offset = at): Said => ({ offset, message, sure });

  // A quote or bracket left open: said where it opens.
  if (/^Missing closing ["']quote/.test(msg) || /must (be sufficiently indented and )?end with a [\]}]/.test(msg)) {
    const kind = /quote/.test(msg) ? (msg.includes('"') ? '"' : "'") : msg.endsWith(']') ? '[' : '{';
    const o = [...openers].reverse().find((x) => x.char === kind && x.offset <= at);
    if (o) return say(openerMessage(ctx, o), SURE.unclosed, o.offset);
  }
  // A closer with no opener: when a bracket of its kind was left open before it, that is the one mistake.
  const stray = /^Unexpected flow-(seq|map)-end token/.exec(msg);
  if (stray) {
    const open = stray[1] === 'seq' ? '[' : '{';
    if (openers.some((o) => o.char === open && o.offset < at)) return null;
    return say(`dấu "${CLOSER[open]}" thừa: không có "${open}" nào mở trước nó; xóa nó, hoặc đặt cả giá trị trong ngoặc kép`, SURE.fix);
  }

  const glued = gluedAround(ctx, li);
  if (glued && (e.code === 'MULTILINE_IMPLICIT_KEY' || /^Implicit map keys need/.test(msg) || e.code === 'BAD_INDENT')) {
    return say(glued.message, SURE.fix, glued.offset);
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && /^Nested mappings/.test(msg)) return nestedMapping(ctx, li, at) ?? say(CODE_MESSAGES.BLOCK_AS_IMPLICIT_KEY, SURE.code);
  if (/block sequence may not be used as an implicit map key|All sequence items must start/.test(msg)) {
    return say(listMessage(ctx, li), SURE.list, ctx.content(li));
  }
  if (/^All mapping items must start at the same column/.test(msg)) return say(mappingMessage(ctx, li), SURE.field, ctx.content(li));
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || /^Implicit map keys need/.test(msg)) {
    if (/^\s*- /.test(line)) return say(listMessage(ctx, li), SURE.list, ctx.content(li));
    return say(CODE_MESSAGES.MULTILINE_IMPLICIT_KEY, SURE.generic, ctx.content(li));
  }
  if (/^Unexpected scalar at node end/.test(msg)) return say(afterEnd(ctx, li, at), SURE.fix);
  if (/^Unexpected block-seq-ind on same line with key/.test(msg)) {
    return say('dấu "- " của danh sách phải xuống dòng, thụt lề dưới tên trường (viết "tên:" rồi xuống dòng "  - mục"); nếu đây là chữ, đặt cả giá trị trong ngoặc kép', SURE.fix);
  }
  return say(...byMessage(ctx, e));
}

/** A field name glued to its value ("subject:x") on the error's line or the line after it. */
function gluedAround(ctx: Context, li: number): { offset: number; message: string } | null {
  for (const i of [li, li + 1]) {
    const l = ctx.lines[i];
    const m = l === undefined ? null : GLUED.exec(l);
    if (m) {
      return {
        offset: ctx.start(i) + m[1]!.length + m[2]!.length,
        message: `thiếu dấu cách sau dấu ":": viết "${m[1]!.trimStart()}${m[2]}: ${m[3]}"`,
      };
    }
  }
  return null;
}

/**
 * "Nested mappings are not allowed in compact mappings": a ":" followed by a space inside the value (the
 * parser reads a second field on the line), or the next line's field indented more than this one's.
 */
function nestedMapping(ctx: Context, li: number, at: number): Said | null {
  const line = ctx.lines[li] ?? '';
  const rest = line.slice(at - ctx.start(li));
  if (/:(\s|$)/.test(rest)) {
    const fixed = quotedLine(line);
    const example = fixed ? `: ${fixed}` : '';
    return { offset: at, message: `giá trị có dấu ":" nên bị đọc nhầm thành một trường mới; đặt đoạn có dấu : trong ngoặc kép${example}`, sure: SURE.fix };
  }
  const next = nextContent(ctx, li);
  if (next !== null && indentOf(ctx.lines[next]!) > indentOf(line)) {
    return { offset: ctx.content(next), message: mappingMessage(ctx, next), sure: SURE.field };
  }
  return null;
}

const nextContent = (ctx: Context, li: number): number | null => {
  for (let i = li + 1; i < ctx.lines.length; i++) if (!isQuiet(ctx.lines[i]!)) return i;
  return null;
};

/** A list item out of line with the list's first item (found by walking up to the line that names the list). */
function listMessage(ctx: Context, li: number): string {
  const col = indentOf(ctx.lines[li] ?? '') + 1;
  let first: number | null = null;
  for (let i = li - 1; i >= 0; i--) {
    const l = ctx.lines[i]!;
    if (isQuiet(l)) continue;
    const c = indentOf(l) + 1;
    if (/^\s*-( |$)/.test(l)) first = i;
    else if (c < Math.min(col, first === null ? col : indentOf(ctx.lines[first]!) + 1)) break;
  }
  const c = first === null ? col : indentOf(ctx.lines[first]!) + 1;
  if (first !== null && c !== col) {
    return `mục danh sách lệch cột: dấu "-" ở đây ở cột ${col}, còn mục đầu của danh sách (dòng ${ctx.no(first)}) ở cột ${c}; các dấu "-" của một danh sách phải thẳng cột`;
  }
  return `mục danh sách lệch cột (dấu "-" ở cột ${col}); các dấu "-" của một danh sách phải thẳng cột, thụt lề sâu hơn tên của danh sách`;
}

/** A field out of line with the fields of its group, or a line that is neither a field nor a list item. */
function mappingMessage(ctx: Context, li: number): string {
  const line = ctx.lines[li] ?? '';
  const col = indentOf(line) + 1;
  if (/^\s*- /.test(line)) return listMessage(ctx, li);
  const key = KEY_VALUE.exec(line)?.[2] ?? /^\s*([^\s:#]+):\s*$/.exec(line)?.[1];
  const above = previousContent(ctx, li);
  if (!key && above !== null && /^\s*- /.test(ctx.lines[above]!) && indentOf(ctx.lines[above]!) + 1 === col) {
    return `dòng này thiếu dấu "- " ở đầu: mỗi mục danh sách viết "- nội dung", thẳng cột với mục ở dòng ${ctx.no(above)}`;
  }
  const block = blockAbove(ctx, li);
  if (!key && block !== null) {
    return `dòng này thuộc đoạn văn sau "|" hoặc ">" ở dòng ${ctx.no(block)} nhưng thụt lề ít hơn dòng đầu của đoạn; các dòng của một đoạn phải thụt lề như nhau`;
  }
  for (let i = li - 1; i >= 0; i--) {
    const l = ctx.lines[i]!;
    if (isQuiet(l)) continue;
    const c = indentOf(l) + 1;
    if (c === col) break;
    const name = /^\s*([^\s:#'"-][^:#]*?):(\s|$)/.exec(l)?.[1];
    if (name && key) return `trường "${key}" lệch cột với trường "${name}" ở dòng ${ctx.no(i)} (cột ${col} so với cột ${c}); các trường cùng nhóm phải thẳng cột`;
    if (c < col) break;
  }
  if (key) return `trường "${key}" lệch cột với các trường cùng nhóm ở trên (đang ở cột ${col}); các trường cùng nhóm phải thẳng cột`;
  return 'dòng này lệch cột với dòng trên: thụt lề sai, hoặc thiếu "- " hay "tên:" ở đầu dòng';
}

const previousContent = (ctx: Context, li: number): number | null => {
  for (let i = li - 1; i >= 0; i--) if (!isQuiet(ctx.lines[i]!)) return i;
  return null;
};

/** The line that opens a block of text ("tên: |") which the lines just above this one belong to, or null. */
function blockAbove(ctx: Context, li: number): number | null {
  const own = indentOf(ctx.lines[li] ?? '');
  for (let i = li - 1; i >= 0; i--) {
    const l = ctx.lines[i]!;
    if (/^\s*$/.test(l)) continue;
    if (indentOf(l) >= own) continue;
    return /[|>][-+0-9]*\s*(#.*)?$/.test(l) ? i : null;
  }
  return null;
}

/** Text after a closed value: after a closing quote (quotes inside a quoted value), or after "]" / "}". */
function afterEnd(ctx: Context, li: number, at: number): string {
  const before = ctx.text.slice(ctx.start(li), at).trimEnd();
  const last = before.at(-1);
  if (last === '"' || last === "'") {
    const m = KEY_VALUE.exec(ctx.lines[li] ?? '');
    const raw = m?.[3] ?? '';
    // "a "b" c" meant the outer quotes as quotes: its text is what lies between them. '"V/v" abc' meant them as text.
    const text = raw.length > 1 && raw[0] === raw.at(-1) ? raw.slice(1, -1) : raw;
    const fix = m ? `; viết: ${m[1]!.trimStart()}${m[2]}: ${quoted(text)}` : '';
    return `sau dấu ngoặc đóng giá trị còn chữ: trong giá trị có dấu ngoặc trùng với ngoặc bao ngoài, hãy bao bằng loại ngoặc kia${fix}`;
  }
  if (last === ']' || last === '}') return `có chữ thừa sau dấu "${last}"; xóa chữ đó, hoặc đặt cả giá trị trong ngoặc kép`;
  return 'có chữ thừa ở cuối giá trị; nếu cả dòng là chữ, đặt nó trong ngoặc kép';
}

/** Messages chosen by the parser's message text, then by its code. */
function byMessage(ctx: Context, e: YAMLError): [string, number] {
  const msg = e.message;
  const ch = ctx.text[e.pos[0]] ?? '';
  const rules: [RegExp, string | (() => string)][] = [
    [/^Plain value cannot start with/, () => `giá trị không được bắt đầu bằng "${ch}"; đặt cả giá trị trong ngoặc kép${fixOf(ctx, e)}`],
    [/^Invalid escape sequence (.*)/, () => `trong ngoặc kép, dấu "\\" bắt đầu một mã đặc biệt và "${/sequence (\S*)/.exec(msg)?.[1] ?? '\\'}" không phải mã hợp lệ; viết "\\\\" cho một dấu "\\", hoặc dùng ngoặc đơn '…' thay cho ngoặc kép`],
    [/^Comments must be separated/, 'dấu "#" bắt đầu chú thích phải có dấu cách đứng trước; nếu "#" là chữ, đặt cả giá trị trong ngoặc kép'],
    [/^Missing , between flow/, 'thiếu dấu phẩy giữa hai mục trong cặp ngoặc [ ]'],
    [/^Missing , or : between flow map/, 'thiếu dấu phẩy (hoặc dấu ":") giữa hai mục trong cặp ngoặc { }'],
    [/^Missing space after : in flow/, 'thiếu dấu cách sau dấu ":" trong cặp ngoặc { } (viết "tên: giá trị")'],
    [/^Unexpected , in flow/, 'dấu phẩy thừa trong cặp ngoặc [ ] hoặc { }'],
    [/^Unexpected empty item/, 'mục trống giữa hai dấu phẩy trong cặp ngoặc [ ] hoặc { }'],
    [/^Sequence item without - indicator/, 'mục danh sách thiếu dấu "- " ở đầu dòng'],
    [/^Block scalar header includes extra characters|^Unexpected token in block scalar header/, 'sau "|" hoặc ">" không viết gì thêm trên cùng dòng: xuống dòng rồi viết đoạn văn, thụt lề sâu hơn tên trường'],
    [/^Block scalar values in collections must be indented/, 'đoạn văn sau "|" hoặc ">" phải thụt lề sâu hơn tên trường'],
    [/^Block scalar lines must not be less indented/, 'dòng này thụt lề ít hơn dòng đầu của đoạn văn (sau "|" hoặc ">"); các dòng của một đoạn phải thụt lề như nhau'],
    [/^Block scalars with more-indented leading empty lines/, 'các dòng trống đầu đoạn văn (sau "|" hoặc ">") có nhiều dấu cách hơn dòng chữ đầu tiên; xóa các dấu cách trên các dòng trống đó'],
    [/^Flow end indicator should be more indented/, 'dấu đóng "]" hoặc "}" phải thụt lề sâu hơn tên trường'],
    [/^Tags and anchors must be separated/, CODE_MESSAGES.BAD_ALIAS],
    [/^Missing directives-end|^Unexpected doc-end|directives-end marker/, 'dòng "---" hay "..." và dòng bắt đầu bằng "%" có nghĩa riêng trong YAML; xóa chúng (một tệp là một công văn, hoặc defaults và letters)'],
    [/Block collections are not allowed within flow/, CODE_MESSAGES.BLOCK_IN_FLOW],
  ];
  for (const [re, m] of rules) if (re.test(msg)) return [typeof m === 'string' ? m : m(), SURE.code];
  if (e.code === 'UNEXPECTED_TOKEN' && ch.trim()) return [`ký tự "${ch}" không đúng chỗ; kiểm tra dấu ngoặc, dấu ":" và thụt lề của dòng này (nếu là chữ, đặt cả giá trị trong ngoặc kép)`, SURE.generic];
  return [CODE_MESSAGES[e.code] ?? CODE_MESSAGES.IMPOSSIBLE, SURE.code];
}

/** ": key: "value"" — the error's line with its value quoted, to append to a message; '' when there is none. */
function fixOf(ctx: Context, e: YAMLError): string {
  const fixed = quotedLine(ctx.lines[ctx.lineOf(e.pos[0])] ?? '');
  return fixed ? `: ${fixed}` : '';
}

/**
 * A plain value of several lines whose later line starts with "-": a list item indented more than the item
 * above it (or "-a" without its space), which YAML reads as more text of that item. Valid YAML, so the parser
 * says nothing, but the item would silently vanish into the one above.
 */
export function foldedListItem(text: string, start: number, end: number): SyntaxProblem | null {
  // Only the value's own characters are scanned (indexOf would run on to the next line break: on a long line
  // of many short values, that is quadratic).
  const lineBreak = (from: number): number => {
    let i = from;
    while (i < end && text.charCodeAt(i) !== 10) i++;
    return i;
  };
  const dashFirst = text[start] === '-';
  for (let nl = lineBreak(start); nl < end; nl = lineBreak(nl + 1)) {
    let i = nl + 1;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= end || text[i] !== '-') continue;
    if (text[i + 1] === ' ') {
      return { offset: i, message: 'dòng này bắt đầu bằng "- " nhưng lệch cột với mục trên, nên bị nối vào mục trên thành một đoạn; các dấu "-" của một danh sách phải thẳng cột (nếu đây là chữ, đặt cả đoạn trong ngoặc kép)' };
    }
    if (dashFirst && /[^\s\d-]/u.test(text[i + 1] ?? '')) {
      return { offset: start, message: 'thiếu dấu cách sau dấu "-": mỗi mục danh sách viết "- nội dung"; không có dấu cách, các dòng bị nối thành một đoạn' };
    }
  }
  return null;
}
