import type * as z from 'zod';
import { closest, knownKeysAt } from './known-keys.js';

/** One contract problem, before it is given a file position. */
export interface ContractIssue {
  path: (string | number)[];
  message: string;
  /** Point at the key itself (unknown keys) rather than its value. */
  atKey?: boolean;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'một đoạn chữ', number: 'một số', int: 'một số nguyên', object: 'một nhóm trường (khóa: giá trị)',
  array: 'một danh sách (các dòng bắt đầu bằng "- ")', boolean: 'đúng/sai', null: 'để trống', undefined: 'không có',
};

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'int' : typeof v;

function getAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  return cur;
}

/** Turns zod's issues into plain Vietnamese, one per problem, with "did you mean" for typo'd keys. */
export function contractIssues(schema: z.ZodType, data: unknown, issues: readonly z.core.$ZodIssue[]): ContractIssue[] {
  const pathOf = (issue: z.core.$ZodIssue) => issue.path.map((k) => (typeof k === 'number' ? k : String(k)));
  const others = issues.filter((i) => i.code !== 'unrecognized_keys').map((i) => ({ path: pathOf(i), message: describe(i, getAt(data, pathOf(i))) }));
  const missing = new Set(others.filter((o) => o.message === MISSING).map((o) => JSON.stringify(o.path)));
  /** Required fields a typo'd key meant: "subjetc" for a missing "subject" is one problem, not two. */
  const meant = new Set<string>();
  const unknown: ContractIssue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = pathOf(issue);
    const known = knownKeysAt(schema, path);
    for (const key of issue.keys) {
      const guess = closest(key, known);
      const fills = guess !== null && missing.has(JSON.stringify([...path, guess]));
      if (fills) meant.add(JSON.stringify([...path, guess]));
      const hint = guess ? ` — có phải ý bạn là "${guess}"?${fills ? ' (trường bắt buộc đó đang thiếu)' : ''}` : known.length ? ` (các trường được dùng: ${known.join(', ')})` : '';
      unknown.push({ path: [...path, key], message: `trường lạ "${key}"${hint}`, atKey: true });
    }
  }
  return [...unknown, ...others.filter((o) => !(o.message === MISSING && meant.has(JSON.stringify(o.path))))];
}

const MISSING = 'thiếu trường bắt buộc';

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return MISSING;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `cần ${expected}, nhưng đang là ${TYPE_NAMES[typeOf(value)] ?? typeOf(value)}${typeof value === 'string' || typeof value === 'number' ? ` (${JSON.stringify(value)})` : ''}${typeHint(issue.expected, value)}`;
    }
    case 'invalid_value':
      return `giá trị ${JSON.stringify(value)} không hợp lệ; chọn một trong: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return value === undefined ? MISSING : `giá trị không đúng dạng: cần ${unionHint(issue)}`;
    case 'too_small':
      return issue.origin === 'array' ? (issue.message.startsWith('cần') ? issue.message : `cần ít nhất ${issue.minimum} mục`)
        : issue.origin === 'string' ? 'không được để trống' : `phải từ ${issue.minimum} trở lên`;
    case 'too_big':
      // The contract's own message ("quá nhiều mục: tối đa 200") says more than the generic one.
      return issue.message.startsWith('quá') ? issue.message : `phải không quá ${issue.maximum}`;
    case 'invalid_format':
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * The likely slip behind a wrong type: "- Kính gửi: Sở A" is read as a field (a ":" and a space in the text),
 * "-Sở A" without its space as text instead of a list.
 */
function typeHint(expected: string, value: unknown): string {
  if (expected === 'string' && value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1) {
    const [k, v] = Object.entries(value)[0]!;
    return `; nếu đây là chữ có dấu ":", đặt đoạn có dấu : trong ngoặc kép: "${k}: ${typeof v === 'string' ? v : ''}"`;
  }
  if (expected === 'array' && typeof value === 'string' && /^-\S/.test(value)) return '; mỗi mục danh sách viết "- nội dung" (có dấu cách sau dấu "-")';
  return '';
}

function unionHint(issue: z.core.$ZodIssueInvalidUnion): string {
  const kinds = new Set<string>();
  for (const branch of issue.errors) for (const e of branch) if (e.code === 'invalid_type') kinds.add(TYPE_NAMES[e.expected] ?? e.expected);
  return kinds.size ? [...kinds].join(' hoặc ') : 'đúng mẫu';
}
