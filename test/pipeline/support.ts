import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { paragraphs, tempDir, unzipDocx } from '../helpers.js';

/** Shared by every letter of a test batch; line numbers in assertions are found with lineOf, never hard-coded. */
export const DEFAULTS = `defaults:
  issuer: { name: ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG, short: Ủy ban nhân dân tỉnh, place: Kiên Giang }
  symbol: UBND-NC
  date: 2020-12-22
  inspection: { year: 2020, team: Đoàn Kiểm tra }
  signer: { title: CHỦ TỊCH, name: Lâm Minh Thành }
  cc: [CT và các PCT UBND tỉnh, Sở Nội vụ]
  archive: [VT, SNV]
`;

/**
 * One `letters:` entry for an inspected unit; `extra` are more lines of the entry, written without indentation
 * ("output: x.docx"). `number` makes every letter's text distinct.
 */
export function entry(unit: string, extra: string[] = [], number = 1): string {
  const lines = [
    `to: [Thủ trưởng ${unit}]`,
    `number: ${number}`,
    `subject: tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với ${unit}`,
    `inspection: { unit: ${unit}, report: { number: ${100 + number}, symbol: BC-ĐKT, date: 2020-11-30 } }`,
    `findings: { strengths: "${unit} đã triển khai các nhiệm vụ CCHC năm 2020." }`,
    `tasks: ["Tiếp tục thực hiện tốt công tác CCHC tại ${unit}."]`,
    ...extra,
  ];
  return lines.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}\n`).join('');
}

export const batch = (entries: string[], defaults = DEFAULTS): string => `${defaults}letters:\n${entries.join('')}`;

/** Units "Đơn vị số 1" … "Đơn vị số n": their files are don-vi-so-1.docx … */
export const units = (n: number, from = 1): string[] => Array.from({ length: n }, (_, i) => `Đơn vị số ${from + i}`);

/** 1-based line of the first line of text containing needle (after `from`, a line number). */
export function lineOf(text: string, needle: string, from = 0): number {
  const i = text.split('\n').findIndex((l, n) => n >= from && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in the YAML`);
  return i + 1;
}

/** A fresh work folder with the given files written (paths relative to it). */
export function workspace(files: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Files directly in dir (sorted), [] when it does not exist. */
export const filesIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Every file under dir, recursively, relative and sorted. */
export const allFilesIn = (dir: string): string[] =>
  existsSync(dir) ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile()).map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name).slice(dir.length + 1)).sort() : [];

/** Paragraph texts of a written DOCX. */
export const docText = (path: string): string[] => paragraphs(unzipDocx(path)['word/document.xml']!);

/** stderr lines that report a problem (file:line:col  error …). */
export const errorLines = (stderr: string): string[] => stderr.split('\n').filter((l) => /:\d+:\d+ {2}error {2}/.test(l));

/** The final summary line: DOCX files written, letters not written (src/cli/summary.ts). */
export const SUMMARY = /^(?:Đã ghi (\d+) tệp DOCX \(\d+\/\d+ công văn\)|Không ghi tệp nào(?: \(0\/\d+ công văn\))?)(?:; (\d+) công văn có lỗi nên không ghi)?(?:; [^;]+)*; \d+\.\d\d s$/;

/** The same letter as DEFAULTS + entry(unit, [], number), written as a single-letter file (fields in another order). */
export function single(unit: string, number = 1): string {
  return [
    `to: [Thủ trưởng ${unit}]`,
    `subject: tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với ${unit}`,
    'issuer: { name: ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG, short: Ủy ban nhân dân tỉnh, place: Kiên Giang }',
    `number: ${number}`,
    'symbol: UBND-NC',
    'date: 2020-12-22',
    `inspection: { unit: ${unit}, year: 2020, team: Đoàn Kiểm tra, report: { number: ${100 + number}, symbol: BC-ĐKT, date: 2020-11-30 } }`,
    `findings: { strengths: "${unit} đã triển khai các nhiệm vụ CCHC năm 2020." }`,
    `tasks: ["Tiếp tục thực hiện tốt công tác CCHC tại ${unit}."]`,
    'signer: { title: CHỦ TỊCH, name: Lâm Minh Thành }',
    'cc: [CT và các PCT UBND tỉnh, Sở Nội vụ]',
    'archive: [VT, SNV]',
    '',
  ].join('\n');
}
