import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessField } from '../../src/load/sheets/guess.js';
import { loadSources } from '../../src/pipeline/sources.js';
import { example, run } from '../helpers.js';
import { docText, workspace } from '../pipeline/support.js';
import { writeWorkbook } from './support.js';

const copyExamples = (dir: string) => { for (const f of ['ket-qua-kiem-tra.xlsx', 'ket-qua-kiem-tra.csv']) writeFileSync(join(dir, f), readFileSync(example(f))); };

describe('cchc init --from-sheet', () => {
  it('writes a batch file whose columns map the headers to their likely fields; it validates and renders as is', async () => {
    const dir = workspace();
    copyExamples(dir);
    const r = await run(['init', 'dot.yaml', '--from-sheet', 'ket-qua-kiem-tra.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'dot.yaml'), 'utf8');
    expect(text).toContain('  file: "ket-qua-kiem-tra.xlsx"\n  sheet: "Kết quả"\n  header_row: 4\n');
    for (const line of ['"Đơn vị được kiểm tra": inspection.unit', '"Người nhận": to', '"Số báo cáo": inspection.report.number', '"Ngày báo cáo": inspection.report.date',
      '"Tồn tại, hạn chế": findings.weaknesses', '"Nhiệm vụ": tasks', '"Trích yếu": subject', '"STT": ~', '"Ghi chú": ~']) expect(text).toContain(line);
    expect((await run(['validate', 'dot.yaml'], { cwd: dir })).code).toBe(0);
    expect((await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir })).code).toBe(0);
    expect((await run(['init', 'dot.yaml', '--from-sheet', 'ket-qua-kiem-tra.xlsx'], { cwd: dir })).code).toBe(1);
    expect((await run(['init', 'khac.yaml', '--from-sheet', 'khong-co.xlsx'], { cwd: dir })).stderr).toContain('không tìm thấy tệp khong-co.xlsx');
  });

  it('guesses from Vietnamese header words, with or without diacritics; leaves the rest to the clerk', () => {
    expect(guessField('Don vi duoc kiem tra').field).toBe('inspection.unit');
    expect(guessField('Hạn báo cáo').field).toBe('deadline');
    expect(guessField('Số thông báo').field).toBe('inspection.notice.number');
    expect(guessField('inspection.team').field).toBe('inspection.team');
    expect(guessField('Điểm CCHC')).toEqual({ header: 'Điểm CCHC', field: null, why: 'chưa đoán được: gán một trường, hoặc để ~ để bỏ qua cột' });
  });
});

describe('appendix tables from a sheet (table.from)', () => {
  const letter = (table: string) => `${readFileSync(example('kien-luong-2020.yaml'), 'utf8')}\nappendices:\n  - title: Danh sách hồ sơ giải quyết trễ hạn\n    table:\n${table}`;

  it('become inline tables at load time: the header row as columns (widths and alignment matched by header), the rows below', async () => {
    const dir = workspace();
    copyExamples(dir);
    writeFileSync(join(dir, 'cv.yaml'), letter('      from: ket-qua-kiem-tra.xlsx\n      sheet: Hồ sơ trễ hạn\n      columns:\n        - { header: STT, width: 12, align: center }\n        - { header: ngày hẹn trả, align: center }\n'));
    const [source] = (await loadSources(join(dir, 'cv.yaml'))).sources;
    const table = (source!.data as { appendices: { table: unknown }[] }).appendices[0]!.table;
    expect(table).toEqual({
      columns: [{ header: 'STT', width: 12, align: 'center' }, { header: 'Mã hồ sơ' }, { header: 'Thủ tục' }, { header: 'Ngày hẹn trả', align: 'center' }, { header: 'Ngày trả' }],
      rows: [
        [1, '000.00.22.H31-201012-0001', 'Cấp giấy phép xây dựng', '12/10/2020', '20/10/2020'],
        [2, '000.00.22.H31-201015-0007', 'Đăng ký hộ kinh doanh', '15/10/2020', '19/10/2020'],
      ],
    });
    expect(source!.locate(['appendices', 0, 'table', 'rows', 1, 2])).toMatchObject({ cell: 'Hồ sơ trễ hạn!C5', header: 'Thủ tục' });
    const r = await run(['render', 'cv.yaml', '-o', 'cv.docx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = docText(join(dir, 'cv.docx')).join('\n');
    expect(text).toContain('000.00.22.H31-201015-0007');
    expect(text).toContain('Cấp giấy phép xây dựng');
  });

  it('problems at the cell or at the YAML line that names the sheet', async () => {
    const dir = workspace();
    await writeWorkbook(dir, 'ho-so.xlsx', [{ name: 'S', rows: [['STT', 'Mã hồ sơ'], [1, { formula: 'A1*2' }], [2, { error: '#N/A' }]] }]);
    writeFileSync(join(dir, 'cv.yaml'), letter('      from: ho-so.xlsx\n      columns:\n        - { header: Ma ho so, width: 40 }\n'));
    const r = await run(['validate', '--format', 'json', 'cv.yaml'], { cwd: dir });
    const problems = (JSON.parse(r.stdout) as { problems: { file: string; cell: string | null; message: string; path: string | null }[] }).problems;
    expect(problems.map((p) => [p.file, p.cell, p.path])).toEqual([
      ['cv.yaml', null, 'appendices.0.table.columns.0.header'],
      ['ho-so.xlsx', 'S!B2', 'appendices[0].table.rows[0][1]'],
      ['ho-so.xlsx', 'S!B3', 'appendices[0].table.rows[1][1]'],
    ]);
    expect(problems[0]!.message).toBe('không có cột "Ma ho so" ở dòng tiêu đề của ho-so.xlsx — có phải ý bạn là "Mã hồ sơ"?');
    expect(problems[1]!.message).toContain('ô có công thức nhưng tệp không lưu kết quả tính');
    expect(problems[2]!.message).toContain('ô đang báo lỗi #N/A');
    expect(r.code).toBe(1);
  });
});
