import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/problem.js';
import { annotation } from '../../src/report/github.js';
import { toJsonReport } from '../../src/report/json.js';
import { stylish } from '../../src/report/stylish.js';

const inCell: Problem = {
  file: 'dot/ket-qua.xlsx', line: 8, col: 5, cell: 'Kết quả!E8', header: 'Ngày báo cáo', severity: 'error', rule: 'sheet-cell',
  path: 'inspection.report.date', message: 'ngày "31/02/2020" không có thật trên lịch',
};
const inCsv: Problem = { ...inCell, file: 'dot/ket-qua.csv', cell: undefined, line: 8, col: 5 };

describe('a problem in a sheet cell, in every reporter', () => {
  it('stylish: file:Sheet!E8 for a workbook, file:line:col for a CSV, with the column header', async () => {
    expect(await stylish([inCell], { color: false })).toBe(
      'dot/ket-qua.xlsx:Kết quả!E8  error  inspection.report.date (cột "Ngày báo cáo"): ngày "31/02/2020" không có thật trên lịch  (sheet-cell)');
    expect(await stylish([inCsv], { color: false })).toBe(
      'dot/ket-qua.csv:8:5  error  inspection.report.date (cột "Ngày báo cáo"): ngày "31/02/2020" không có thật trên lịch  (sheet-cell)');
  });

  it('json: cell and header beside line and col', () => {
    const [p] = toJsonReport([inCell], []).problems;
    expect(p).toMatchObject({ file: 'dot/ket-qua.xlsx', line: 8, col: 5, cell: 'Kết quả!E8', header: 'Ngày báo cáo', path: 'inspection.report.date' });
    expect(toJsonReport([inCsv], []).problems[0]).toMatchObject({ line: 8, col: 5, cell: null, header: 'Ngày báo cáo' });
  });

  it('github: a workbook cell annotates the whole file and names the cell; a CSV cell keeps its line', () => {
    expect(annotation(inCell)).toBe(
      '::error file=dot/ket-qua.xlsx,title=sheet-cell Kết quả!E8::Kết quả!E8: inspection.report.date (cột "Ngày báo cáo"): ngày "31/02/2020" không có thật trên lịch');
    expect(annotation(inCsv)).toBe(
      '::error file=dot/ket-qua.csv,line=8,col=5,title=sheet-cell::inspection.report.date (cột "Ngày báo cáo"): ngày "31/02/2020" không có thật trên lịch');
  });
});
