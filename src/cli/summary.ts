/**
 * The last line of `cchc render`: what was written and what was not, counted the way they happened — files
 * written (DOCX, PDF) against the letters found, letters that failed, input files that could not be read at
 * all (they hold no letters to count), and the problems printed above, once each.
 */
export interface RenderCounts {
  /** DOCX files written: one a letter. */
  written: number;
  /** Letters found in the inputs. */
  letters: number;
  /** Letters not written because of a problem (their own, or their output file's). */
  failedLetters: number;
  /** Input files or folders that could not be read as letters at all. */
  unreadable: number;
  /** With --pdf: PDFs written, PDFs that failed, and whether PDF could not be made at all. */
  pdf?: { written: number; failed: number; none: boolean };
  /** With --print: the one PDF for printing, or null when it was not made. */
  print?: string | null;
  /** The problem lines printed above (repeats merged), by severity. */
  errors: number;
  warnings: number;
  seconds: number;
  interrupted: boolean;
}

export function renderSummary(c: RenderCounts): string {
  const pdfDone = c.pdf && c.pdf.written > 0 ? ` và ${c.pdf.written} tệp PDF` : '';
  const head = c.written > 0 ? `Đã ghi ${c.written} tệp DOCX${pdfDone}` : 'Không ghi tệp nào';
  const parts = [c.letters > 0 ? `${head} (${c.written}/${c.letters} công văn)` : head];
  if (c.failedLetters > 0) parts.push(`${c.failedLetters} công văn có lỗi nên không ghi`);
  const left = c.letters - c.written - c.failedLetters;
  if (c.interrupted && left > 0) parts.push(`${left} công văn chưa ghi`);
  if (c.unreadable > 0) parts.push(`${c.unreadable} tệp đầu vào không đọc ra được công văn nào`);
  if (c.pdf?.none) parts.push('chưa tạo PDF nào');
  else if (c.pdf && c.pdf.failed > 0) parts.push(`${c.pdf.failed} tệp PDF không tạo được`);
  if (c.print !== undefined) parts.push(c.print ? `tệp in ${c.print}` : 'chưa tạo tệp in');
  const counted = [c.errors > 0 ? `${c.errors} lỗi` : '', c.warnings > 0 ? `${c.warnings} cảnh báo` : ''].filter(Boolean);
  if (counted.length) parts.push(counted.join(', '));
  parts.push(`${c.seconds.toFixed(2)} s`);
  const stopped = c.interrupted ? ' — đã dừng giữa chừng (Ctrl-C); các tệp đã ghi đều hoàn chỉnh' : '';
  return `${parts.join('; ')}${stopped}`;
}

/**
 * The last line of `cchc validate` and `cchc check`: the problems printed above, counted once each, and what
 * was read ("2 tệp, 5 công văn"). `clean` is said when there is nothing at all.
 */
export function problemSummary(errors: number, warnings: number, read: string, clean = 'Không có lỗi'): string {
  if (errors + warnings === 0) return `${clean} (${read})`;
  const e = errors > 0 ? `${errors} lỗi` : 'Không có lỗi';
  return warnings > 0 ? `${e}, ${warnings} cảnh báo (${read})` : `${e} (${read})`;
}
