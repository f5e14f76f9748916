/**
 * `checkDocx`: judges any .docx letter against Nghị định 30/2020/NĐ-CP, Phụ lục I. The file is modelled once
 * (./model.ts), its parts found by content (./anatomy.ts), then every check in ./rules runs on it. Nothing here
 * throws: a file that is not a DOCX gives one "not-docx" problem, and a check that fails on an odd file reports
 * that instead of stopping the others.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Problem } from '../problem.js';
import { anatomy } from './anatomy.js';
import { buildModel } from './model.js';
import { MAX_BYTES, NotDocx, TOO_BIG } from './package.js';
import type { Context, Finding } from './rule.js';
import { DOCX_CHECKS } from './rules/index.js';

export const NOT_DOCX = 'not-docx';

/** Every check id with its one-line doc and the clause of the decree it enforces. */
export const CHECKS: { id: string; doc: string; clause: string }[] = [
  { id: NOT_DOCX, doc: 'Tệp phải là DOCX Word mở được (tệp ZIP có word/document.xml, XML đúng chuẩn, không quá 50 MB)', clause: 'tệp đọc được' },
  ...DOCX_CHECKS.map(({ id, doc, clause }) => ({ id, doc, clause })),
];

/** After this many findings of one check, the rest are summed up in one line. */
const PER_CHECK = 5;

export function checkDocx(bytes: Uint8Array, file: string): Problem[] {
  let ctx: Context;
  try {
    const model = buildModel(bytes);
    ctx = { model, a: anatomy(model) };
  } catch (e) {
    return [notDocx(file, e instanceof NotDocx ? e.message : `Không đọc được tệp DOCX (${errorText(e)}).`)];
  }
  return DOCX_CHECKS.flatMap((c) => capped(run(c.check, ctx)).map((f) => toProblem(f, c.id, file)));
}

export async function checkFile(path: string): Promise<Problem[]> {
  try {
    // Refuse huge files before reading them into memory.
    if ((await stat(path)).size > MAX_BYTES) return [notDocx(path, TOO_BIG)];
    return checkDocx(new Uint8Array(await readFile(path)), path);
  } catch (e) {
    return [notDocx(path, `Không đọc được tệp: ${errorText(e)}`)];
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const notDocx = (file: string, message: string): Problem => ({ file, line: 0, col: 0, severity: 'error', rule: NOT_DOCX, message });

function run(check: (ctx: Context) => Finding[], ctx: Context): Finding[] {
  try {
    return check(ctx);
  } catch (e) {
    return [{ severity: 'warning', path: '', message: `Không kiểm tra được mục này (lỗi nội bộ: ${errorText(e)})` }];
  }
}

function capped(findings: Finding[]): Finding[] {
  if (findings.length <= PER_CHECK + 1) return findings;
  const rest = findings.slice(PER_CHECK);
  const severity = rest.some((f) => f.severity === 'error') ? 'error' : 'warning';
  return [
    ...findings.slice(0, PER_CHECK),
    { severity, path: rest[0]!.path, message: `… và ${rest.length} chỗ khác có cùng lỗi này` },
  ];
}

function toProblem(f: Finding, rule: string, file: string): Problem {
  const p: Problem = { file, line: 0, col: 0, severity: f.severity, message: f.message, rule };
  if (f.path !== '') p.path = f.path;
  return p;
}
