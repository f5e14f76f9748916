import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { docxProblem, loadPipeline } from '../fuzz/oracle.mjs';

/** The project's own XML parser (src/check/xml.ts) when it is built, as a second opinion on well-formedness. */
const { parseXml } = await loadPipeline(ROOT);

/** The top of a batch file: everything a letter needs except its own unit. */
export const DEFAULTS = `defaults:
  issuer: { name: ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG, short: Ủy ban nhân dân tỉnh, place: Kiên Giang }
  symbol: UBND-NC
  date: 2020-12-22
  inspection: { year: 2020, team: Đoàn Kiểm tra }
  signer: { title: CHỦ TỊCH, name: Lâm Minh Thành }
  cc: [CT và các PCT UBND tỉnh, Sở Nội vụ]
  archive: [VT, SNV]
`;

/** One `letters:` entry for unit n, written to don-vi-<n>.docx unless `extra` says otherwise. */
export function entry(n: number, extra: string[] = []): string {
  const unit = `Đơn vị ${n}`;
  const lines = [
    `to: [Thủ trưởng ${unit}]`,
    `number: ${n}`,
    `subject: tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với ${unit}`,
    `inspection: { unit: ${unit}, report: { number: ${100 + n}, symbol: BC-ĐKT, date: 2020-11-30 } }`,
    `findings: { strengths: "${unit} đã triển khai các nhiệm vụ CCHC năm 2020." }`,
    `tasks: ["Tiếp tục thực hiện tốt công tác CCHC tại ${unit}."]`,
    ...extra,
  ];
  return lines.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}\n`).join('');
}

export const batch = (entries: string[]): string => `${DEFAULTS}letters:\n${entries.join('')}`;

/** Every file under dir (relative paths), folders left out. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Null when the file is a complete, valid DOCX, else why not. */
export const docxFileProblem = (path: string): string | null => docxProblem(new Uint8Array(readFileSync(path)), parseXml);

/** Signs of a JavaScript stack trace or a raw Node error on stderr. */
export const STACK = /^\s+at .+:\d+:\d+\)?$|^\w*Error: |node:internal/m;
