import { sheetFields } from '../../schema/fields.js';
import { isFailure, plainText } from './grid.js';
import { readSheet } from './read.js';
import { cutTable, type Header } from './table.js';

/** A header's most likely field, or null (ignore); `why` says what matched, for the clerk to check. */
export interface Guess { header: string; field: string | null; why: string }

/**
 * Words clerks put in column headers, in the order they are tried (the more precise first: "số báo cáo" before
 * "số"), compared without diacritics or case. The field is the one cchc proposes in `columns:`.
 */
const WORDS: [RegExp, string | null][] = [
  [/^(stt|tt|so tt|so thu tu)$/, null],
  [/ghi chu/, null],
  [/han (bao cao|thuc hien|hoan thanh)|thoi han/, 'deadline'],
  [/ky hieu (bao cao|bc)/, 'inspection.report.symbol'],
  [/ngay (bao cao|bc)/, 'inspection.report.date'],
  [/so (bao cao|bc)|bao cao so/, 'inspection.report.number'],
  [/ngay (thong bao|tb)/, 'inspection.notice.date'],
  [/so (thong bao|tb)/, 'inspection.notice.number'],
  [/don vi|co quan duoc kiem tra/, 'inspection.unit'],
  [/nguoi nhan|kinh gui/, 'to'],
  [/noi nhan/, 'cc'],
  [/ket qua|uu diem|dat duoc/, 'findings.strengths'],
  [/ton tai|han che|khuyet diem/, 'findings.weaknesses'],
  [/nhiem vu|kien nghi|yeu cau|chi dao/, 'tasks'],
  [/trich yeu|ve viec|^v\/v/, 'subject'],
  [/nguoi ky/, 'signer.name'],
  [/chuc vu/, 'signer.title'],
  [/so (cong van|van ban|cv)/, 'number'],
  [/ngay (cong van|van ban|ban hanh|cv)/, 'date'],
  [/ky hieu/, 'symbol'],
  [/^nam|nam kiem tra/, 'inspection.year'],
  [/ten tep|tep docx/, 'output'],
];


export function guessField(header: string): Guess {
  if (sheetFields().has(header)) return { header, field: header, why: 'tiêu đề đã là tên trường' };
  const p = plainText(header);
  for (const [re, field] of WORDS) if (re.test(p)) return { header, field, why: field ? 'đoán theo tiêu đề: kiểm lại' : 'cột này thường không vào công văn' };
  return { header, field: null, why: 'chưa đoán được: gán một trường, hoặc để ~ để bỏ qua cột' };
}

/** The sheet's header row and a guess for each header, or a message when the sheet cannot be read. */
export async function guessColumns(file: string, sheet?: string): Promise<{ sheet?: string; headerRow: number; guesses: Guess[] } | { failure: string }> {
  const grid = await readSheet(file, sheet);
  if (isFailure(grid)) return { failure: grid.failure };
  const cut = cutTable(grid);
  if ('failure' in cut) return cut;
  const headerRow = cut.headers[0] ? rowOf(grid.rows, cut.headers[0]) : 1;
  // A field guessed twice goes to the first column only: two columns cannot fill one field.
  const taken = new Set<string>();
  const guesses = cut.headers.map((h) => {
    const g = guessField(h.text);
    if (g.field && taken.has(g.field)) return { ...g, field: null, why: `cột trước đã gán ${g.field}` };
    if (g.field) taken.add(g.field);
    return g;
  });
  return { ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), headerRow, guesses };
}

const rowOf = (rows: { row: number; cells: Map<number, { pos: unknown }> }[], h: Header): number =>
  rows.find((r) => [...r.cells.values()].some((c) => c.pos === h.pos))?.row ?? 1;
