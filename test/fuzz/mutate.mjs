// @ts-check
/**
 * A seeded mutator for letter files. Mutant `i` of seed `s` depends only on (s, i) and the example text, so any
 * failure is reproduced by `npm run fuzz -- --seed s --only i`. Shared by test/fuzz/*.test.ts and scripts/fuzz.mjs
 * (plain JavaScript, so the script runs without a TypeScript loader).
 */

/** mulberry32: small, fast, good enough to pick mutations. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    /** Integer in [lo, hi]. */
    between: (lo, hi) => lo + int(hi - lo + 1),
    pick: (arr) => arr[int(arr.length)],
    chance: (p) => next() < p,
  };
}

/** The seed of mutant i: a hash of (seed, i), so mutants are independent of each other. */
export function mutantSeed(seed, i) {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Payloads

const CONTROL = [
  ...Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).filter((c) => c !== '\n'),
  '\u007f', '\u0085', '\u2028', '\u2029', '\ufffe', '\uffff', '\ud800', '\udfff',
];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202a', '\u061c', '\u180e', '\u3000', '\u00a0', '\u2028'];
const COMBINING = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b', '\u0338', '\u20dd'];
const XMLISH = ['&', '<', '>', ']]>', '<![CDATA[', '</w:t>', '<w:p/>', '&amp;', '&#0;', '&#x1F;', '"', "'", '&lt;', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '\\', '\\u0000'];
const HBS = [
  '{{constructor.constructor}}', '{{constructor.constructor "return process"}}', '{{#each}}', '{{/each}}', '{{#each tasks}}{{this}}{{/each}}',
  '{{{raw}}}', '{{> partial}}', '{{__proto__}}', '{{lookup this "constructor"}}', '{{#with}}', '}}', '{{', '\\{{x}}', '{{!-- x', '{{else}}',
  '{{#bold}}', '{{/bold}}', '{{bold}}', '{{docRef}}', '{{bodyDate "x"}}', '{{@root}}', '{{../..}}', '{{this.__proto__.polluted}}',
  '\ue000', '\ue001', '\ue000\ue000\ue001',
];
const UNICODE = ['😀', '👨‍👩‍👧‍👦', '𝕏𝔸', 'مرحبا', 'שלום', '中文字', 'ภาษาไทย', 'हिन्दी', 'Ǆ', 'ﬃ', 'Ⅻ', '\u{10FFFF}', '\u{E0041}', 'Ω', 'Å', 'ế'.normalize('NFD'), 'Tiếng Việt'.normalize('NFD')];
const YAML_BITS = ['!!binary', '!!js/function', '!!python/object:os.system', '!!set', '!!omap', '!custom', '&a', '*a', '*nope', '<<:', '|', '>', '|-', '>+', '? ', '- ', '--- ', '...', '%YAML 1.1', '#', ': ', '@', '`', '{', '}', '[', ']', ',', '!', '%'];
const NUMBERS = [
  '1e309', '-1e309', '99999999999999999999999999', '0x7FFFFFFFFFFFFFFF', '.inf', '-.inf', '.nan', '-0', '0.5', '1_000', '0o777',
  '1e-400', '123456789012345678901234567890.5', '-1', '0', '00', '007', '9007199254740993', '1.0', '+5', '0b101',
];
const DATES = [
  '2021-02-30', '2020-13-01', '2020-00-10', '0000-01-01', '9999-12-31', '1899-12-31', '2020-02-29', '2021-02-29', '2020-1-5',
  '2020-12-22T10:00:00Z', '2020-12-22 10:00', '22/12/2020', '"2020-12-22"', '20201222', '-2020-01-01', '+2020-01-01',
  '2020\u201012\u201022', '２０２０-12-22', '2020-12-32', '2020-04-31', '3000-01-01', '2999-12-31', '1900-01-01',
];
const WRONG_TYPES = [
  '[]', '{}', 'null', '~', 'true', 'false', 'yes', 'no', '0', '-1', '""', "''", '[a, b]', '{a: b}', '[[]]', '[{}]', '[null]', '[~, ~]',
  '!!binary aGVsbG8=', '!!js/function "function(){return 1}"', '!!set {a, b}', '!!omap [a: 1]', '!!timestamp 2020-01-01',
  '!!float 1', '!!int "x"', '!!str 5', '!!null ""', '!!bool maybe', '!custom x', '!!map {}', '!!seq []', '*nope', '&x', '&x v', '<<: *x',
  '{constructor: 1}', '{__proto__: {polluted: 1}}', '{toString: 1}', '[1, [2, [3]]]', '"\\u0000"', '"\\ud800"', '"\\x07"', '|', '>',
];
const WEIRD_OUTPUTS = [
  '../evil.docx', '/tmp/abs.docx', 'a/../../x.docx', '..', '.', '../', '@WORK@/abs.docx', 'C:\\x.docx', 'c:x.docx', '\\\\server\\share\\x.docx',
  'sub/x.docx', 'sub\\x.docx', '"a\\0b.docx"', '"a\\x07.docx"', 'CON', 'nul.docx', 'x'.repeat(300), 'đ'.repeat(200) + '.docx', '" "',
  '".docx"', '"x.docx "', '"./x.docx"', 'x.DOCX', '"-rf"', '"--force"', '"*.docx"', '"a|b?.docx"', '"\\u202egnp.docx"', '[x]', '{a: 1}', '5', '~',
];

const LONG_WORD = 'Không-có-khoảng-trắng-'.repeat(60);

function payload(r) {
  switch (r.int(9)) {
    case 0: return r.pick(CONTROL);
    case 1: return r.pick(INVISIBLE);
    case 2: return r.pick(COMBINING).repeat(r.pick([1, 1, 3, 50, 500]));
    case 3: return r.pick(XMLISH);
    case 4: return r.pick(HBS);
    case 5: return r.pick(UNICODE);
    case 6: return r.pick(YAML_BITS);
    case 7: return Array.from({ length: r.between(2, 5) }, () => r.pick([...CONTROL, ...INVISIBLE, ...XMLISH, ...HBS, ...UNICODE])).join('');
    default: return r.pick([LONG_WORD, 'a'.repeat(r.between(1000, 5000)), 'chữ '.repeat(r.between(200, 3000))]);
  }
}

/** A JSON string is a valid YAML double-quoted scalar, so a quoted payload reaches the letter as text. */
const quote = (s) => JSON.stringify(s);

// ---------------------------------------------------------------------------------------------------------------
// Mutations on lines

const KEY_VALUE = /^(\s*(?:- )?)([A-Za-z_][\w-]*):(\s+)(\S.*)$/;
const LIST_ITEM = /^(\s*- )(\S.*)$/;

/** Index of a random line matching re, or -1. */
function lineWhere(r, lines, re) {
  const idx = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
  return idx.length ? r.pick(idx) : -1;
}

/** Replaces the value of a random `key: value` or `- value` line (with `plain`, not a block or flow value). */
function withValue(r, lines, f, plain = false) {
  const any = new RegExp(`${KEY_VALUE.source}|${LIST_ITEM.source}`);
  const i = lineWhere(r, lines, plain ? { test: (l) => any.test(l) && !/(?::\s+|^\s*- )[|>[{&*!]/.test(l) && !/:\s*$/.test(l) } : any);
  if (i < 0) return false;
  const m = KEY_VALUE.exec(lines[i]);
  if (m) lines[i] = `${m[1]}${m[2]}:${m[3]}${f(m[4], m[2])}`;
  else {
    const l = LIST_ITEM.exec(lines[i]);
    lines[i] = `${l[1]}${f(l[2], '-')}`;
  }
  return true;
}

/** Sets `key: value` at the top level (replacing an existing top-level key). */
function setTop(lines, key, value) {
  const re = new RegExp(`^${key}:`);
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) { lines.push(`${key}: ${value}`); return; }
  let j = i + 1;
  while (j < lines.length && (/^\s/.test(lines[j]) || lines[j] === '')) j++;
  lines.splice(i, j - i, `${key}: ${value}`);
}

function deepValue(r) {
  const d = r.pick([10, 31, 33, 60, 200, 2000]);
  switch (r.int(3)) {
    case 0: return '['.repeat(d) + ']'.repeat(d);
    case 1: return '{a: '.repeat(d) + '1' + '}'.repeat(d);
    default: return '[{x: '.repeat(d) + '1' + '}]'.repeat(d);
  }
}

function aliasBomb(r) {
  const levels = r.between(3, 9);
  const out = ['bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let k = 1; k <= levels; k++) out.push(`bomb${k}: &b${k} [${Array(9).fill(`*b${k - 1}`).join(', ')}]`);
  return out;
}

function longList(r, key) {
  const n = r.pick([5, 150, 199, 200, 201, 250, 1000]);
  return [`${key}:`, ...Array.from({ length: n }, (_, k) => `  - Mục số ${k + 1} ${r.chance(0.1) ? payload(r) : ''}`.trimEnd())];
}

/** Wraps a single letter into a batch of n entries (the letter is the defaults or each entry). */
function toBatch(r, lines) {
  if (lines.some((l) => /^letters:/.test(l))) return lines;
  // Now and then more than 24 letters, so the CLI renders them on worker threads.
  const n = r.chance(0.1) ? r.between(25, 40) : r.between(1, 12);
  const body = lines.filter((l) => !/^\s*#/.test(l));
  const out = [];
  const asDefaults = r.chance(0.5);
  if (asDefaults) out.push('defaults:', ...body.map((l) => (l ? `  ${l}` : l)));
  out.push('letters:');
  for (let k = 0; k < n; k++) {
    const output = r.chance(0.3) ? r.pick(WEIRD_OUTPUTS) : r.chance(0.1) ? 'same.docx' : `thu-${k}.docx`;
    if (asDefaults) {
      out.push(`  - output: ${output}`);
      if (r.chance(0.3)) out.push(`    to: [${r.chance(0.5) ? quote(payload(r)) : r.pick(WRONG_TYPES)}]`);
      if (r.chance(0.2)) out.push(`    ${r.pick(['symbol', 'subject', 'date', 'number', 'template'])}: ${r.chance(0.5) ? r.pick(WRONG_TYPES) : quote(payload(r))}`);
      if (r.chance(0.1)) out.push('    bogus_key: 1');
    } else {
      const entry = body.map((l, j) => (j === 0 ? `  - ${l}` : l ? `    ${l}` : l));
      out.push(...entry, `    output: ${output}`);
    }
  }
  if (r.chance(0.1)) out.push(r.pick(['  - ~', '  - 5', '  - []', '  - "text"', '  - {}']));
  if (r.chance(0.05)) out.push('extra_top: 1');
  return out;
}

/** Each mutation returns the new lines (it may edit them in place). */
const LINE_MUTATIONS = {
  deleteLines(r, lines) {
    const at = r.int(lines.length);
    lines.splice(at, r.between(1, 3));
    return lines;
  },
  duplicateLines(r, lines) {
    const at = r.int(lines.length);
    const n = r.between(1, 4);
    lines.splice(at, 0, ...lines.slice(at, at + n));
    return lines;
  },
  reindent(r, lines) {
    const i = r.int(lines.length);
    const d = r.pick([-4, -2, -1, 1, 2, 3, 8]);
    lines[i] = r.chance(0.15) ? `\t${lines[i].trimStart()}` : d < 0 ? lines[i].replace(new RegExp(`^ {0,${-d}}`), '') : ' '.repeat(d) + lines[i];
    return lines;
  },
  swapLines(r, lines) {
    const a = r.int(lines.length), b = r.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines;
  },
  injectRaw(r, lines) {
    const i = r.int(lines.length);
    const at = r.int(lines[i].length + 1);
    lines[i] = lines[i].slice(0, at) + payload(r) + lines[i].slice(at);
    return lines;
  },
  injectValue(r, lines) {
    const p = payload(r);
    withValue(r, lines, (v) => {
      if (r.chance(0.5)) return quote(v.replace(/^["']|["']$/g, '') + p);
      const at = r.int(v.length + 1);
      return v.slice(0, at) + p + v.slice(at);
    });
    return lines;
  },
  injectQuoted(r, lines) {
    const p = payload(r);
    withValue(r, lines, (v) => {
      const text = v.replace(/^["']|["']$/g, '');
      const at = r.int(text.length + 1);
      return quote(text.slice(0, at) + p + text.slice(at));
    }, true);
    return lines;
  },
  replaceValue(r, lines) {
    const pool = r.pick([WRONG_TYPES, NUMBERS, DATES, WRONG_TYPES, HBS.map(quote), UNICODE.map(quote)]);
    withValue(r, lines, () => r.pick(pool));
    return lines;
  },
  wrongTopField(r, lines) {
    const key = r.pick(['number', 'date', 'deadline', 'symbol', 'subject', 'to', 'tasks', 'cc', 'archive', 'signer', 'issuer', 'inspection', 'findings', 'template', 'urgency', 'task_style', 'intro', 'closing']);
    setTop(lines, key, r.pick([...WRONG_TYPES, ...NUMBERS, ...DATES, ...HBS.map(quote), 'constructor', '../../etc/passwd', 'cong-van', 'khẩn', 'HỎA TỐC', 'dash']));
    return lines;
  },
  nfd(r, lines) {
    if (r.chance(0.3)) return lines.map((l) => l.normalize('NFD'));
    const i = r.int(lines.length);
    lines[i] = lines[i].normalize(r.pick(['NFD', 'NFKD', 'NFKC']));
    return lines;
  },
  longLine(r, lines) {
    const big = r.pick([LONG_WORD.repeat(r.between(1, 20)), 'x'.repeat(r.pick([10_000, 100_001, 200_000])), 'rất dài '.repeat(r.between(500, 20_000))]);
    withValue(r, lines, (v) => (r.chance(0.5) ? quote(v + big) : `${v} ${big}`));
    return lines;
  },
  deepNest(r, lines) {
    if (r.chance(0.5)) { withValue(r, lines, () => deepValue(r)); return lines; }
    const d = r.pick([20, 33, 40, 100]);
    lines.push('nested:', ...Array.from({ length: d }, (_, k) => `${'  '.repeat(k + 1)}k${k}:`), `${'  '.repeat(d + 1)}leaf`);
    return lines;
  },
  manyValues(r, lines) {
    // Cheap to write, costly to parse: stopped by the value count limit before a tree is built.
    const n = r.pick([1000, 10_000, 450_000]);
    lines.push(r.chance(0.5) ? `many: [${'1,'.repeat(n)}1]` : `many: {${Array.from({ length: n > 10_000 ? 250_000 : n }, (_, k) => `k${k}: 1`).join(', ')}}`);
    return lines;
  },
  aliases(r, lines) {
    if (r.chance(0.4)) return [...aliasBomb(r), ...lines];
    // Anchor a value and reuse it; or an alias with no anchor; or a merge key.
    const i = lineWhere(r, lines, /^(\w+):\s+\S/);
    if (i < 0) return lines;
    const m = /^(\w+):\s+(.*)$/.exec(lines[i]);
    lines[i] = `${m[1]}: &anc ${m[2]}`;
    const form = r.pick(['alias', 'merge', 'dangling', 'self']);
    if (form === 'alias') withValue(r, lines, () => '*anc');
    else if (form === 'merge') lines.push('issuer2: &iss {name: X}', 'signer:', '  <<: *iss', '  title: T');
    else if (form === 'dangling') withValue(r, lines, () => '*missing');
    else lines.push('loop: &l [*l]');
    return lines;
  },
  manyItems(r, lines) {
    const key = r.pick(['to', 'cc', 'tasks', 'archive']);
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    const block = longList(r, key);
    if (i < 0) return [...lines, ...block];
    let j = i + 1;
    while (j < lines.length && (/^\s/.test(lines[j]) || lines[j] === '')) j++;
    lines.splice(i, j - i, ...block);
    return lines;
  },
  batch(r, lines) { return toBatch(r, lines); },
  documents(r, lines) {
    switch (r.int(6)) {
      case 0: return ['---', ...lines, '---', ...lines];
      case 1: return ['%YAML 1.1', '---', ...lines];
      case 2: return [...lines, '...', 'garbage: [', ''];
      case 3: return [r.pick(['', ' ', '~', '# chỉ có chú thích', '- a', '"chuỗi"', '5', '[]', '{}', '!!binary aGk=', '---', '*a', '&a', '? x', '{{x}}'])];
      case 4: return lines.slice(0, r.int(lines.length));
      default: return lines.map((l) => l.replace(/^(\s*)/, (s) => s.replace(/ {2}/g, '\t')));
    }
  },
  comment(r, lines) {
    const i = r.int(lines.length);
    lines[i] = r.chance(0.5) ? `# ${lines[i]}` : `${lines[i]} #${payload(r)}`;
    return lines;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Mutations on bytes (after the text is encoded)

const BYTE_MUTATIONS = {
  invalidUtf8(r, b) {
    const at = r.int(b.length + 1);
    const bad = r.pick([[0xff], [0xc3], [0xe1, 0xba], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]]);
    return concat(b.subarray(0, at), Uint8Array.from(bad), b.subarray(at));
  },
  bom(r, b) {
    const bom = r.pick([[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]);
    if (r.chance(0.2)) {
      const at = r.int(b.length + 1);
      return concat(b.subarray(0, at), Uint8Array.from(bom), b.subarray(at));
    }
    return concat(Uint8Array.from(bom), b);
  },
  utf16(r, b) {
    const text = new TextDecoder().decode(b);
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) { out[2 + 2 * i] = text.charCodeAt(i) & 0xff; out[3 + 2 * i] = text.charCodeAt(i) >> 8; }
    return r.chance(0.5) ? out : out.subarray(2);
  },
  truncate(r, b) { return b.subarray(0, r.int(b.length)); },
  nul(r, b) {
    const at = r.int(b.length + 1);
    return concat(b.subarray(0, at), Uint8Array.of(0), b.subarray(at));
  },
  lineEndings(r, b) {
    const text = new TextDecoder().decode(b);
    return new TextEncoder().encode(r.chance(0.5) ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r'));
  },
};

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Mutations are picked evenly, except the slow ones (a second each): rarer, so `npm test` stays quick. */
const WEIGHTS = { manyValues: 0.25 };
const LINE_NAMES = Object.keys(LINE_MUTATIONS).flatMap((k) => Array(Math.round((WEIGHTS[k] ?? 1) * 4)).fill(k));
const BYTE_NAMES = Object.keys(BYTE_MUTATIONS);

/**
 * Mutant number `index` of `seed`: one to four mutations of a randomly chosen example.
 * @param {number} seed
 * @param {number} index
 * @param {{ name: string; text: string }[]} examples
 * @returns {{ index: number; seed: number; example: string; ops: string[]; bytes: Uint8Array }}
 */
export function makeMutant(seed, index, examples) {
  const s = mutantSeed(seed, index);
  const r = rng(s);
  const ex = r.pick(examples);
  let lines = ex.text.replace(/\r\n?/g, '\n').split('\n');
  const ops = [];
  // Some mutants only put odd text into values, still valid YAML: these reach the renderer and the DOCX.
  const gentle = r.chance(0.35);
  const n = r.pick([1, 1, 1, 2, 2, 3, 4]);
  for (let k = 0; k < n; k++) {
    if (lines.length === 0) lines = [''];
    const name = gentle ? r.pick(['injectQuoted', 'injectQuoted', 'injectQuoted', 'nfd']) : r.pick(LINE_NAMES);
    ops.push(name);
    lines = LINE_MUTATIONS[name](r, lines);
  }
  let bytes = new TextEncoder().encode(lines.join('\n'));
  if (!gentle && r.chance(0.12)) {
    const name = r.pick(BYTE_NAMES);
    ops.push(name);
    bytes = BYTE_MUTATIONS[name](r, bytes);
  }
  return { index, seed: s, example: ex.name, ops, bytes };
}
