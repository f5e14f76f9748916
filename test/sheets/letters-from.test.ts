import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, run } from '../helpers.js';
import { docText, filesIn, workspace } from '../pipeline/support.js';
import { COLUMNS, HEADER, row, sheetBatch, SHEET_DEFAULTS, writeWorkbook } from './support.js';

/** `cchc validate --format json` in dir, parsed. */
async function validateJson(dir: string, file = 'dot.yaml') {
  const r = await run(['validate', '--format', 'json', file], { cwd: dir });
  return { code: r.code, report: JSON.parse(r.stdout) as { problems: { file: string; line: number; col: number; cell: string | null; header: string | null; path: string | null; rule: string; message: string; severity: string }[] } };
}

describe('letters_from: one letter per row of the example workbook', () => {
  it('renders a letter per unit with the sheet\'s values: title rows, a blank row, date cells and typed dates, a formula, multi-line cells, a second sheet', async () => {
    const dir = workspace();
    for (const f of ['dot-kiem-tra-2020-excel.yaml', 'ket-qua-kiem-tra.xlsx']) writeFileSync(join(dir, f), readFileSync(example(f)));
    const r = await run(['render', 'dot-kiem-tra-2020-excel.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/Đã ghi 3 tệp DOCX \(3\/3 công văn\); \d/);
    expect(r.code).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['so-xay-dung.docx', 'ubnd-huyen-an-minh.docx', 'ubnd-huyen-u-minh-thuong.docx']);
    const kl = docText(join(dir, 'out', 'ubnd-huyen-an-minh.docx'));
    // The report date from a date cell; the subject from a formula's saved result.
    expect(kl).toContain('V/v tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với UBND huyện An Minh');
    expect(kl.some((p) => p.includes('Báo cáo số 284/BC-ĐKT ngày 30/11/2020 của Đoàn Kiểm tra'))).toBe(true);
    // Two lines of the weaknesses cell are two paragraphs; two lines of the tasks cell are two tasks.
    expect(kl).toContain('Việc cập nhật, niêm yết thủ tục hành chính mới ban hành còn chậm.');
    expect(kl).toContain('Chưa bố trí đủ kinh phí cho công tác CCHC.');
    expect(kl).toContain('1. Tăng cường công tác chỉ đạo, điều hành; bố trí kinh phí đảm bảo nguồn lực thực hiện công tác CCHC.');
    expect(kl).toContain('2. Chỉ đạo Phòng Nội vụ tăng cường kiểm tra chuyên môn nghiệp vụ công tác CCHC.');
    // The "Ghi chú" column is ignored (mapped to ~).
    expect(kl.join('\n')).not.toContain('Đã kiểm tra thực tế');
    const gt = docText(join(dir, 'out', 'ubnd-huyen-u-minh-thuong.docx'));
    // A date typed as text "01/12/2020"; two recipients from two lines of one cell.
    expect(gt.some((p) => p.includes('Báo cáo số 285/BC-ĐKT ngày 01/12/2020'))).toBe(true);
    expect(gt).toContain('- Chủ tịch UBND huyện U Minh Thượng;');
    expect(gt).toContain('- Trưởng phòng Nội vụ huyện U Minh Thượng.');
    // ISO text "2020-12-02"; an empty weaknesses cell leaves the letter without that section.
    const tc = docText(join(dir, 'out', 'so-xay-dung.docx'));
    expect(tc.some((p) => p.includes('Báo cáo số 286/BC-ĐKT ngày 02/12/2020'))).toBe(true);
    expect(tc.join('\n')).not.toContain('tồn tại, hạn chế như sau');
  });

  it('the same rows as a semicolon CSV with a BOM give byte-identical letters', async () => {
    const dir = workspace();
    for (const f of ['dot-kiem-tra-2020-excel.yaml', 'ket-qua-kiem-tra.xlsx', 'ket-qua-kiem-tra.csv']) writeFileSync(join(dir, f), readFileSync(example(f)));
    const csvBatch = readFileSync(join(dir, 'dot-kiem-tra-2020-excel.yaml'), 'utf8')
      .replace('file: ket-qua-kiem-tra.xlsx', 'file: ket-qua-kiem-tra.csv').replace(/^ {2}sheet: .*$/m, '');
    writeFileSync(join(dir, 'csv.yaml'), csvBatch);
    expect(readFileSync(join(dir, 'ket-qua-kiem-tra.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await run(['render', 'dot-kiem-tra-2020-excel.yaml', '--out-dir', 'x'], { cwd: dir })).code).toBe(0);
    expect((await run(['render', 'csv.yaml', '--out-dir', 'c'], { cwd: dir })).code).toBe(0);
    const names = filesIn(join(dir, 'x'));
    expect(names).toHaveLength(3);
    expect(filesIn(join(dir, 'c'))).toEqual(names);
    for (const n of names) expect(readFileSync(join(dir, 'c', n)).equals(readFileSync(join(dir, 'x', n))), n).toBe(true);
  });
});

describe('letters_from: problems at the cell', () => {
  it('a bad date and a missing required cell are reported at their cells, with the column header, in every reporter', async () => {
    const dir = workspace();
    await writeWorkbook(dir, 'ket-qua.xlsx', [{
      name: 'Kết quả',
      rows: [['KẾT QUẢ KIỂM TRA'], null, HEADER, row(1), ['Đơn vị số 2', 'Thủ trưởng Đơn vị số 2', 102, '31/02/2020', 'Nhiệm vụ.'], ['Đơn vị số 3', null, 103, '30/11/2020', 'Nhiệm vụ.']],
      merges: ['A1:E1'],
    }]);
    writeFileSync(join(dir, 'dot.yaml'), sheetBatch('ket-qua.xlsx'));
    const { code, report } = await validateJson(dir);
    expect(code).toBe(1);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.file, p.cell, p.header, p.path, p.rule])).toEqual([
      ['ket-qua.xlsx', 'Kết quả!D5', 'Ngày báo cáo', 'inspection.report.date', 'sheet-cell'],
      ['ket-qua.xlsx', 'Kết quả!B6', 'Người nhận', 'to', 'schema'],
    ]);
    expect(errors[0]!.message).toBe('ngày "31/02/2020" không có thật trên lịch (ngày/tháng/năm)');
    expect(errors.map((p) => [p.line, p.col])).toEqual([[5, 4], [6, 2]]);
    // stylish (render) and github name the same cells; nothing is written for the two bad rows.
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.stderr).toContain('ket-qua.xlsx:Kết quả!D5  error  inspection.report.date (cột "Ngày báo cáo"): ngày "31/02/2020" không có thật trên lịch');
    expect(r.stderr).toContain('ket-qua.xlsx:Kết quả!B6  error  to (cột "Người nhận"): thiếu trường bắt buộc');
    expect(r.code).toBe(1);
    expect(filesIn(join(dir, 'out'))).toEqual(['don-vi-so-1.docx']);
    const g = await run(['validate', '--format', 'github', 'dot.yaml'], { cwd: dir });
    expect(g.stdout).toContain('::error file=ket-qua.xlsx,title=sheet-cell Kết quả!D5::Kết quả!D5: inspection.report.date (cột "Ngày báo cáo"): ');
  });

  it('CSV cells are reported at line:field', async () => {
    const dir = workspace({
      'ket-qua.csv': `\ufeff${HEADER.join(';')}\r\nĐơn vị số 1;Thủ trưởng;101;30/11/2020;Nhiệm vụ.\r\nĐơn vị số 2;Thủ trưởng;một trăm;30/11/2020;Nhiệm vụ.\r\n`,
      'dot.yaml': sheetBatch('ket-qua.csv'),
    });
    const { report } = await validateJson(dir);
    expect(report.problems.map((p) => [p.file, p.line, p.col, p.cell, p.header])).toEqual([['ket-qua.csv', 3, 3, null, 'Số báo cáo']]);
    expect(report.problems[0]!.message).toBe('cần một số (chỉ gồm chữ số, ví dụ 18), nhưng ô đang là "một trăm"');
  });

  it('an empty cell leaves the field to defaults; a problem with an inherited value points at the defaults', async () => {
    const dir = workspace();
    await writeWorkbook(dir, 'kq.xlsx', [{ name: 'S', rows: [HEADER, row(1), ['Đơn vị số 2', null, 102, new Date(Date.UTC(2020, 10, 30)), 'Nhiệm vụ.']] }]);
    const defaults = SHEET_DEFAULTS.replace('  archive: [VT, SNV]\n', '  archive: [VT, SNV]\n  to: [Chủ tịch UBND tỉnh]\n  deadline: 2020-01-01\n');
    writeFileSync(join(dir, 'dot.yaml'), sheetBatch('kq.xlsx', '', COLUMNS, defaults));
    const { report } = await validateJson(dir);
    const text = readFileSync(join(dir, 'dot.yaml'), 'utf8').split('\n');
    // The deadline (from defaults) is before the letter's date, for both rows: one problem, at its YAML line.
    const deadline = report.problems.filter((p) => p.path === 'deadline');
    expect(deadline).toHaveLength(1);
    expect(deadline[0]!.file).toBe('dot.yaml');
    expect(text[deadline[0]!.line - 1]).toContain('deadline: 2020-01-01');
    expect(deadline[0]!.message).toContain('(ở 2 công văn)');
    writeFileSync(join(dir, 'dot.yaml'), sheetBatch('kq.xlsx', '', COLUMNS, defaults.replace('  deadline: 2020-01-01\n', '')));
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(docText(join(dir, 'out', 'don-vi-so-2.docx'))).toContain('Kính gửi: Chủ tịch UBND tỉnh.');
  });
});

describe('letters_from: columns', () => {
  it('a header that is a field path needs no mapping; an unmapped header is an error naming it, with a guess', async () => {
    const dir = workspace();
    await writeWorkbook(dir, 'kq.xlsx', [{
      name: 'S', rows: [['inspection.unit', 'to', 'inspection.report.number', 'inspection.report.date', 'tasks', 'Ghi chu'], ['Đơn vị A', 'Thủ trưởng', 5, '30/11/2020', 'Việc.', 'x']],
    }]);
    writeFileSync(join(dir, 'dot.yaml'), sheetBatch('kq.xlsx', '', '  columns:\n    Ghi chú: ~\n'));
    const { report, code } = await validateJson(dir);
    expect(code).toBe(1);
    // Sorted by file: the YAML key that matches no header, then the header that no key maps.
    expect(report.problems.map((p) => [p.file, p.cell, p.rule])).toEqual([['dot.yaml', null, 'sheet-columns'], ['kq.xlsx', 'S!F1', 'sheet-columns']]);
    expect(report.problems[0]!.message).toBe('không có cột "Ghi chú" ở dòng tiêu đề của kq.xlsx (trang "S") — có phải ý bạn là "Ghi chu"?');
    expect(report.problems[1]!.message).toBe('cột "Ghi chu" chưa gán cho trường nào — có phải ý bạn là "Ghi chú"?; thêm vào letters_from.columns, ví dụ "Ghi chu: inspection.unit", hoặc "Ghi chu: ~" để bỏ qua cột');
    writeFileSync(join(dir, 'dot.yaml'), sheetBatch('kq.xlsx', '', '  columns:\n    Ghi chu: ~\n'));
    const ok = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['don-vi-a.docx']);
  });

  it('a mapping to a name that is no field is an error at its YAML line, with the closest field', async () => {
    const dir = workspace();
    await writeWorkbook(dir, 'kq.xlsx', [{ name: 'S', rows: [HEADER, row(1)] }]);
    writeFileSync(join(dir, 'dot.yaml'), sheetBatch('kq.xlsx', '', COLUMNS.replace('inspection.report.date', 'inspection.report.dat')));
    const { report } = await validateJson(dir);
    expect(report.problems.map((p) => [p.file, p.path, p.message])).toEqual([
      ['dot.yaml', 'letters_from.columns.Ngày báo cáo', '"inspection.report.dat" không phải tên trường của công văn — có phải ý bạn là "inspection.report.date"?'],
    ]);
  });

  it('letters: and letters_from: together render both, letters first', async () => {
    const dir = workspace();
    await writeWorkbook(dir, 'kq.xlsx', [{ name: 'S', rows: [HEADER, row(2), row(3)] }]);
    const entry = `letters:\n  - to: [Thủ trưởng Đơn vị số 1]\n    inspection: { unit: Đơn vị số 1, report: { number: 101, date: 2020-11-30 } }\n    tasks: [Việc.]\n`;
    writeFileSync(join(dir, 'dot.yaml'), `${SHEET_DEFAULTS}${entry}letters_from:\n  file: kq.xlsx\n${COLUMNS}`);
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['don-vi-so-1.docx', 'don-vi-so-2.docx', 'don-vi-so-3.docx']);
    // Same output name twice: the collision names the sheet row.
    await writeWorkbook(dir, 'kq.xlsx', [{ name: 'S', rows: [HEADER, row(1)] }]);
    const c = await run(['validate', 'dot.yaml'], { cwd: dir });
    expect(c.stdout).toContain('dot.yaml mục 1; kq.xlsx, trang "S" dòng 2');
  });

  it('header_row names the header row; sheet picks the sheet', async () => {
    const dir = workspace();
    await writeWorkbook(dir, 'kq.xlsx', [
      { name: 'Khác', rows: [['không dùng', 'x']] },
      { name: 'Kết quả', rows: [['Tiêu đề', 'phụ'], HEADER, row(7)] },
    ]);
    writeFileSync(join(dir, 'dot.yaml'), sheetBatch('kq.xlsx', '  sheet: Kết quả\n  header_row: 2\n'));
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['don-vi-so-7.docx']);
  });
});

describe('letters_from in a large batch file (read entry by entry, letters sent to the workers early)', () => {
  it('renders the entries of letters: and then the rows of the sheet, as a small file does', async () => {
    const { batch, entry, units } = await import('../pipeline/support.js');
    const dir = workspace();
    await writeWorkbook(dir, 'kq.xlsx', [{ name: 'S', rows: [HEADER, row(901), row(902)] }]);
    const text = `${batch(units(200).map((u, i) => entry(u, [], i + 1)), SHEET_DEFAULTS)}letters_from:\n  file: kq.xlsx\n${COLUMNS}`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    writeFileSync(join(dir, 'dot.yaml'), text);
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out', '--jobs', '2'], { cwd: dir });
    expect(r.stderr).toMatch(/Đã ghi 202 tệp DOCX \(202\/202 công văn\); \d/);
    expect(filesIn(join(dir, 'out'))).toContain('don-vi-so-902.docx');
    expect(docText(join(dir, 'out', 'don-vi-so-901.docx'))).toContain('1. Nhiệm vụ của đơn vị 901.');
  });
});
