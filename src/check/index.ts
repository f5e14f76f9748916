/**
 * `cchc check`: judges any letter — a .docx from Word, LibreOffice, cchc or anything else, or a PDF — against
 * Nghị định 30/2020/NĐ-CP, Phụ lục I. A DOCX is modelled once (./model.ts), its parts found by content
 * (./anatomy.ts), then every check in ./rules runs on it; a PDF is read as printed pages (./pdf). Nothing here
 * throws: a file that cannot be read gives one "not-docx" or "not-pdf" problem, and a check that fails on an
 * odd file reports that instead of stopping the others.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Problem } from '../problem.js';
import { anatomy } from './anatomy.js';
import { buildModel } from './model.js';
import { MAX_BYTES, NotDocx, TOO_BIG } from './package.js';
import type { Context } from './rule.js';
import { DOCX_CHECKS } from './rules/index.js';
import { errorText, runChecks, unreadable } from './runner.js';

export const NOT_DOCX = 'not-docx';
export const NOT_PDF = 'not-pdf';

export function checkDocx(bytes: Uint8Array, file: string): Problem[] {
  let ctx: Context;
  try {
    const model = buildModel(bytes);
    ctx = { model, a: anatomy(model) };
  } catch (e) {
    return [unreadable(file, NOT_DOCX, e instanceof NotDocx ? e.message : `Không đọc được tệp DOCX (${errorText(e)}).`)];
  }
  return runChecks(DOCX_CHECKS, ctx, file);
}

/** A PDF, judged on its printed pages. pdf.js is loaded on the first call. */
export async function checkPdf(bytes: Uint8Array, file: string): Promise<Problem[]> {
  const pdf = await import('./pdf/index.js');
  return pdf.checkPdf(bytes, file);
}

/** "%PDF-" within the first kilobyte, as readers accept it. */
export const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

/** A file on disk: a PDF by its header (or its name), a DOCX otherwise. */
export async function checkFile(path: string): Promise<Problem[]> {
  const named = /\.pdf$/i.test(path) ? NOT_PDF : NOT_DOCX;
  try {
    // Refuse huge files before reading them into memory.
    if ((await stat(path)).size > MAX_BYTES) return [unreadable(path, named, TOO_BIG.replace('DOCX', named === NOT_PDF ? 'PDF' : 'DOCX'))];
    const bytes = new Uint8Array(await readFile(path));
    if (isPdf(bytes)) return await checkPdf(bytes, path);
    if (named === NOT_PDF) return [unreadable(path, NOT_PDF, 'Tệp có đuôi .pdf nhưng không phải PDF (không có phần đầu %PDF).')];
    return checkDocx(bytes, path);
  } catch (e) {
    return [unreadable(path, named, `Không đọc được tệp: ${errorText(e)}`)];
  }
}

/** A check of either kind: its id, doc line, the decree's clause, and which files it judges. */
export interface RuleInfo {
  id: string;
  doc: string;
  clause: string;
  docx: boolean;
  pdf: boolean;
  /** For a PDF, when its doc differs from the DOCX one. */
  pdfDoc?: string;
}

/** Every check of DOCX and PDF letters, DOCX order first, each id once. */
export async function rules(): Promise<RuleInfo[]> {
  const { PDF_CHECKS } = await import('./pdf/checks.js');
  const out: RuleInfo[] = [
    { id: NOT_DOCX, doc: 'Tệp phải là DOCX Word mở được (tệp ZIP có word/document.xml, XML đúng chuẩn, không quá 50 MB)', clause: 'tệp đọc được', docx: true, pdf: false },
    { id: NOT_PDF, doc: 'Tệp phải là PDF đọc được, có lớp chữ (không phải bản quét), không mật khẩu, không quá 50 MB', clause: 'tệp đọc được', docx: false, pdf: true },
    ...DOCX_CHECKS.map(({ id, doc, clause }) => ({ id, doc, clause, docx: true, pdf: false })),
  ];
  for (const c of PDF_CHECKS) {
    const same = out.find((r) => r.id === c.id);
    if (!same) out.push({ id: c.id, doc: c.doc, clause: c.clause, docx: false, pdf: true });
    else Object.assign(same, { pdf: true }, c.doc === same.doc ? {} : { pdfDoc: c.doc });
  }
  return out;
}

/** DOCX checks (and not-docx), for callers that need no PDF code loaded. */
export const CHECKS: { id: string; doc: string; clause: string }[] = [
  { id: NOT_DOCX, doc: 'Tệp phải là DOCX Word mở được (tệp ZIP có word/document.xml, XML đúng chuẩn, không quá 50 MB)', clause: 'tệp đọc được' },
  ...DOCX_CHECKS.map(({ id, doc, clause }) => ({ id, doc, clause })),
];
