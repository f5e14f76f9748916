/**
 * `checkPdf`: judges a PDF letter on what its printed pages show (./extract.ts reads them with pdf.js, loaded
 * only here). Nothing here throws: a file pdf.js cannot open, or a scan with no text, is one "not-pdf" problem.
 */
import type { Problem } from '../../problem.js';
import { errorText, runChecks, unreadable } from '../runner.js';
import { pdfAnatomy } from './anatomy.js';
import { PDF_CHECKS } from './checks.js';
import { extract, type PdfFacts } from './extract.js';
import { pdfLines } from './lines.js';
import { load } from './pdfjs-entry.js';

export const NOT_PDF = 'not-pdf';

export async function checkPdf(bytes: Uint8Array, file: string): Promise<Problem[]> {
  let facts: PdfFacts;
  try {
    facts = await extract(await load(), bytes);
  } catch (e) {
    return [unreadable(file, NOT_PDF, reason(e))];
  }
  const lines = pdfLines(facts);
  if (lines.length === 0) return [unreadable(file, NOT_PDF, 'PDF không có lớp chữ (có thể là bản quét): không kiểm tra được thể thức.')];
  return runChecks(PDF_CHECKS, { a: pdfAnatomy(facts, lines) }, file);
}

function reason(e: unknown): string {
  const name = (e as { name?: string })?.name;
  if (name === 'PasswordException') return 'PDF có mật khẩu: không mở được để kiểm tra.';
  if (name === 'InvalidPDFException') return 'Tệp không phải PDF đọc được (cấu trúc PDF hỏng).';
  return `Không đọc được tệp PDF (${errorText(e)}).`;
}
