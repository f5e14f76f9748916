import { dirname, relative, sep } from 'node:path';
import { guessColumns } from '../../load/sheets/guess.js';

/**
 * `cchc init dot.yaml --from-sheet ket-qua.xlsx`: a batch file whose `letters_from` names the sheet and whose
 * `columns:` maps each header to its most likely field (guess.ts), each with a comment saying why, for the clerk
 * to confirm; `defaults` hold the fields every letter needs and no column gives, with example values.
 */
export async function sheetStarter(sheetFile: string, target: string, schema: string, sheet: string | undefined, today: Date): Promise<{ text: string } | { failure: string }> {
  const found = await guessColumns(sheetFile, sheet);
  if ('failure' in found) return found;
  const mapped = new Set(found.guesses.flatMap((g) => (g.field ? [g.field] : [])));
  const has = (f: string) => mapped.has(f);
  const year = today.getFullYear();
  const file = relative(dirname(target), sheetFile).split(sep).join('/');
  const width = Math.max(...found.guesses.map((g) => JSON.stringify(g.header).length + (g.field ?? '~').length));
  const columns = found.guesses.map((g) => {
    const line = `${JSON.stringify(g.header)}: ${g.field ?? '~'}`;
    return `    ${line.padEnd(width + 2)}  # ${g.why}`;
  });
  const inspection = [
    has('inspection.year') ? '' : `    year: ${year}`,
    '    team: Đoàn kiểm tra',
    `    report: { ${[has('inspection.report.symbol') ? '' : 'symbol: BC-ĐKT', has('inspection.report.number') ? '' : 'number: 1', has('inspection.report.date') ? '' : `date: ${today.toISOString().slice(0, 10)}`].filter(Boolean).join(', ')} }`,
  ].filter((l) => l && !/report: \{ {2}\}/.test(l));
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    `# Tệp nhiều công văn lấy từ bảng tính ${file} — do "cchc init --from-sheet" tạo.`,
    '# Mỗi dòng dưới dòng tiêu đề là một công văn, trộn với defaults. Hãy KIỂM LẠI phần columns: cchc đoán trường',
    '# cho từng cột theo tiêu đề; cột gán ~ bị bỏ qua. Rồi sửa defaults, và chạy:',
    '#   cchc validate <tệp>    lỗi chỉ đúng ô của bảng tính',
    '#   cchc render <tệp> --out-dir out/',
    'defaults:',
    '  issuer:',
    '    name: ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG',
    '    short: Ủy ban nhân dân tỉnh',
    '    place: Kiên Giang',
    has('symbol') ? '' : '  symbol: UBND-NC',
    has('date') ? '' : `  date: ${today.toISOString().slice(0, 10)}`,
    has('subject') ? '' : `  subject: chỉ đạo sau kiểm tra công tác cải cách hành chính năm ${year}`,
    has('to') ? '' : '  to: [Chủ tịch Ủy ban nhân dân huyện]',
    '  inspection:',
    ...inspection,
    has('tasks') ? '' : '  tasks: [Tiếp tục thực hiện tốt công tác cải cách hành chính.]',
    '  signer: { title: CHỦ TỊCH, name: Nguyễn Văn An }',
    '  archive: [VT, SNV]',
    'letters_from:',
    `  file: ${JSON.stringify(file)}`,
    found.sheet !== undefined ? `  sheet: ${JSON.stringify(found.sheet)}` : '',
    `  header_row: ${found.headerRow}`,
    '  columns:',
    ...columns,
  ];
  return { text: `${lines.filter((l) => l !== '').join('\n')}\n` };
}
