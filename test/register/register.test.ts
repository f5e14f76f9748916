import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/pipeline/plan.js';
import type { RunSummary } from '../../src/pipeline/run.js';
import { planNumbers } from '../../src/register/numbers.js';
import { registerRow, rowKey } from '../../src/register/row.js';
import { RegisterStep } from '../../src/register/step.js';
import { ND30 } from '../../src/decree/nd30.js';
import { run } from '../helpers.js';
import { batch, docText, DEFAULTS, entry, filesIn, units, workspace } from '../pipeline/support.js';

const COLUMNS = ND30.outgoingRegister.columns;
const TODAY = new Date(2020, 11, 22);
/** What the pipeline hands a step: only `today` matters to the register. */
const ctx = { today: TODAY, signal: new AbortController().signal, force: false, env: {}, templateDirs: [] };

/** Every row of the register's first sheet with a value, as plain values (dates as dd/mm/yyyy). */
async function rowsOf(path: string, sheet = 0): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: unknown[][] = [];
  wb.worksheets[sheet]!.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}` : v ?? null)));
  });
  return out;
}

/** A batch of n letters without numbers (entry() writes one: it is taken out). */
const unnumbered = (names: string[]) => batch(names.map((u) => entry(u).replace(/ {4}number: \d+\n/, '')));

describe('numbers (planNumbers)', () => {
  const l = (symbol: string, date?: string, number?: number) => ({ symbol, ...(date ? { date } : {}), ...(number !== undefined ? { number } : {}) });
  it('from N: the letters without a number, in order; letters with one keep it', () => {
    expect(planNumbers([l('A'), l('A', undefined, 40), l('A')], 7, [], TODAY).numbers).toEqual([7, 40, 8]);
  });
  it('auto: after the highest number of the letter\'s year in the register and in the run', () => {
    const reg = [{ number: 12, symbol: 'A', year: 2020 }, { number: 30, symbol: 'B', year: 2020 }, { number: 99, symbol: 'A', year: 2019 }];
    const p = planNumbers([l('A', '2020-12-22'), l('A', '2019-12-30'), l('A', '2021-01-04'), l('A'), l('C', '2020-01-02', 31)], 'auto', reg, TODAY);
    // 2020: highest 31 (this run's own letter), so 32, then 33 for the undated letter (this year's); 2019: 100; 2021: 1.
    expect(p.numbers).toEqual([32, 100, 1, 33, 31]);
  });
  it('already registered (same number, symbol, year) and twins within the run', () => {
    const reg = [{ number: 5, symbol: 'A', year: 2020 }];
    const p = planNumbers([l('A', '2020-02-01', 5), l('A', '2021-02-01', 5), l('B', '2020-02-01', 5), l('B', '2020-03-01', 5)], undefined, reg, TODAY);
    expect(p.registered).toEqual([true, false, false, false]);
    expect(p.twins).toEqual([undefined, undefined, undefined, 2]);
  });
});

describe('register rows', () => {
  it('the ten Phụ lục IV columns for a letter', () => {
    const letter = { number: 5, symbol: 'UBND-NC', date: '2020-12-22', subject: 'chỉ đạo sau kiểm tra', signer: { title: 'CHỦ TỊCH', name: 'Lâm Minh Thành' }, to: ['Chủ tịch UBND huyện A'], cc: ['Sở Nội vụ'], archive: ['VT', 'SNV'] };
    const row = registerRow(letter as never, 2020);
    expect(row).toEqual(['05/UBND-NC', new Date(Date.UTC(2020, 11, 22)), 'Công văn V/v chỉ đạo sau kiểm tra', 'Lâm Minh Thành', 'Chủ tịch UBND huyện A; Sở Nội vụ', 'VT, SNV', 4, null, null, null]);
    expect(registerRow({ ...letter, date: undefined } as never, 2021)[1]).toBe('…/…/2021');
    expect(rowKey('05/UBND-NC', new Date(Date.UTC(2020, 11, 22)))).toEqual({ number: 5, symbol: 'UBND-NC', year: 2020 });
    expect(rowKey('114 / UBND-NCPC', '25/01/2017')).toEqual({ number: 114, symbol: 'UBND-NCPC', year: 2017 });
    expect(rowKey('…/…/2021', null)).toBeNull();
  });
});

describe('cchc render --register', () => {
  it('--number-from numbers and records a batch; a second run with auto continues without losing a row; none is added twice', async () => {
    const dir = workspace({ 'dot.yaml': unnumbered(units(3)), 'sau.yaml': unnumbered(units(2, 4)) });
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out', '--register', 'so.xlsx', '--number-from', '5'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(docText(join(dir, 'out', 'don-vi-so-1.docx'))).toContain('Số: 05/UBND-NC');
    expect(docText(join(dir, 'out', 'don-vi-so-3.docx'))).toContain('Số: 07/UBND-NC');
    const first = await rowsOf(join(dir, 'so.xlsx'));
    expect(first[0]![0]).toBe(ND30.outgoingRegister.title);
    expect(first[1]).toEqual([...COLUMNS]);
    expect(first.slice(2).map((row) => row.slice(0, 7))).toEqual([1, 2, 3].map((n) => [
      `0${n + 4}/UBND-NC`, '22/12/2020', `Công văn V/v tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với Đơn vị số ${n}`, 'Lâm Minh Thành',
      `Thủ trưởng Đơn vị số ${n}; CT và các PCT UBND tỉnh; Sở Nội vụ`, 'VT, SNV', 5,
    ]));
    const second = await run(['render', 'sau.yaml', '--out-dir', 'out', '--register', 'so.xlsx', '--number-from', 'auto'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(docText(join(dir, 'out', 'don-vi-so-4.docx'))).toContain('Số: 08/UBND-NC');
    const after = await rowsOf(join(dir, 'so.xlsx'));
    expect(after.slice(0, first.length)).toEqual(first);
    expect(after.slice(first.length).map((row) => row[0])).toEqual(['08/UBND-NC', '09/UBND-NC']);
    // The first batch again, same numbers: written again (--force), not registered twice.
    const again = await run(['render', 'dot.yaml', '--out-dir', 'out', '--register', 'so.xlsx', '--number-from', '5', '--force'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(await rowsOf(join(dir, 'so.xlsx'))).toEqual(after);
    expect(filesIn(join(dir, 'out'))).toEqual(['don-vi-so-1.docx', 'don-vi-so-2.docx', 'don-vi-so-3.docx', 'don-vi-so-4.docx', 'don-vi-so-5.docx']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('keeps a clerk\'s register as it is: other columns, formatting, other sheets; new rows take the last row\'s look', async () => {
    const dir = workspace({ 'dot.yaml': unnumbered(units(1)) });
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('Ghi chép');
    notes.getCell('A1').value = 'không đụng tới';
    const ws = wb.addWorksheet('Sổ 2020');
    ws.getCell('A1').value = 'SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2020';
    ws.getRow(2).values = [...COLUMNS, 'Người soạn'];
    ws.getRow(3).values = ['12/UBND-NC', new Date(Date.UTC(2020, 5, 1)), 'Công văn V/v cũ', 'A', 'B', 'VT', 2, null, null, 'ghi chú cũ', 'Hà'];
    ws.getRow(3).getCell(3).font = { bold: true, color: { argb: 'FFC00000' } };
    ws.getRow(3).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getColumn(3).width = 61;
    await wb.xlsx.writeFile(join(dir, 'so.xlsx'));
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out', '--register', 'so.xlsx', '--number-from', 'auto'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(docText(join(dir, 'out', 'don-vi-so-1.docx'))).toContain('Số: 13/UBND-NC');
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(join(dir, 'so.xlsx'));
    expect(back.worksheets.map((s) => s.name)).toEqual(['Ghi chép', 'Sổ 2020']);
    expect(back.getWorksheet('Ghi chép')!.getCell('A1').value).toBe('không đụng tới');
    const sheet = back.getWorksheet('Sổ 2020')!;
    expect(sheet.getCell('K2').value).toBe('Người soạn');
    expect(sheet.getCell('K3').value).toBe('Hà');
    expect(sheet.getCell('J3').value).toBe('ghi chú cũ');
    expect(sheet.getCell('C3').font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(sheet.getColumn(3).width).toBe(61);
    expect(sheet.getCell('A4').value).toBe('13/UBND-NC');
    expect(sheet.getCell('A4').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(sheet.getCell('C4').font).toMatchObject({ bold: true });
    expect(sheet.getCell('K4').value).toBeNull();
  });

  it('stops before writing anything: a letter without a number, a register cchc cannot keep, another run holding it', async () => {
    const dir = workspace({ 'dot.yaml': unnumbered(units(2)) });
    const none = await run(['render', 'dot.yaml', '--out-dir', 'out', '--register', 'so.xlsx'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('công văn chưa có số để vào sổ đăng ký');
    expect(existsSync(join(dir, 'so.xlsx'))).toBe(false);
    expect(filesIn(join(dir, 'out'))).toEqual([]);
    writeFileSync(join(dir, '.~cchc-so.xlsx.lock'), '');
    const locked = await run(['render', 'dot.yaml', '--out-dir', 'out', '--register', 'so.xlsx', '--number-from', '1'], { cwd: dir });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('sổ đăng ký đang được một lần chạy cchc khác ghi');
    expect(filesIn(join(dir, 'out'))).toEqual([]);
    const usage = await run(['render', 'dot.yaml', '--number-from', '3'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--number-from cần --register');
  });
});

describe('the register step when committing or placing fails', () => {
  /** Jobs for n letters, planned as the pipeline plans them (final paths in dir/out). */
  async function planned(dir: string, n: number): Promise<Job[]> {
    const { planJobs } = await import('../../src/pipeline/plan.js');
    const { loadSources } = await import('../../src/pipeline/sources.js');
    writeFileSync(join(dir, 'dot.yaml'), `${DEFAULTS}letters:\n${units(n).map((u) => entry(u).replace(/ {4}number: \d+\n/, '')).join('')}`);
    mkdirSync(join(dir, 'out'), { recursive: true });
    return planJobs((await loadSources(join(dir, 'dot.yaml'))).sources, { outDir: join(dir, 'out'), force: false }).jobs;
  }
  /** As the pipeline does: every staged letter rendered (here: some bytes), and the summary that says so. */
  const rendered = (jobs: Job[]): RunSummary => {
    for (const j of jobs) writeFileSync(j.path, 'docx');
    return { written: jobs.map((j) => j.path), failed: 0, problems: [], seconds: 0, interrupted: false, internal: [] };
  };

  it('the register changed meanwhile: nothing is placed, nothing registered', async () => {
    const dir = workspace();
    const reg = join(dir, 'so.xlsx');
    const jobs0 = await planned(dir, 1);
    const first = new RegisterStep(reg, 1, false);
    expect(await first.prepare(jobs0, ctx)).toEqual([]);
    await first.settle(jobs0, rendered(jobs0));
    const before = await rowsOf(reg);
    const jobs = await planned(join(dir), 2).then((js) => js.filter((j) => !j.path.endsWith('don-vi-so-1.docx')));
    const step = new RegisterStep(reg, 'auto', false);
    expect(await step.prepare(jobs, ctx)).toEqual([]);
    const summary = rendered(jobs);
    utimesSync(reg, new Date(2030, 0, 1), new Date(2030, 0, 1));
    await step.settle(jobs, summary);
    expect(summary.written).toEqual([]);
    expect(summary.problems.map((p) => p.message)).toEqual([expect.stringContaining('vừa được sửa (lưu) trong lúc cchc chạy')]);
    expect(filesIn(join(dir, 'out'))).toEqual(['don-vi-so-1.docx']);
    expect(await rowsOf(reg)).toEqual(before);
    expect(readdirSync(join(dir, 'out'), { withFileTypes: true }).filter((d) => d.isDirectory())).toEqual([]);
  });

  it('a letter that cannot be placed is taken out of the register again', async () => {
    const dir = workspace();
    const reg = join(dir, 'so.xlsx');
    const jobs = await planned(dir, 3);
    const step = new RegisterStep(reg, 20, false);
    expect(await step.prepare(jobs, ctx)).toEqual([]);
    const summary = rendered(jobs);
    // Someone writes the second letter's file while cchc renders: without --force it is not replaced.
    writeFileSync(join(dir, 'out', 'don-vi-so-2.docx'), 'của người khác');
    await step.settle(jobs, summary);
    expect(summary.written.map((p) => p.slice(dir.length + 1))).toEqual(['out/don-vi-so-1.docx', 'out/don-vi-so-3.docx']);
    expect(summary.failed).toBe(1);
    expect((await rowsOf(reg)).slice(2).map((r) => r[0])).toEqual(['20/UBND-NC', '22/UBND-NC']);
    expect(existsSync(join(dir, '.~cchc-so.xlsx.lock'))).toBe(false);
  });
});
