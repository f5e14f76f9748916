import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateCapped } from '../../src/load/sheets/zip-guard.js';
import { run } from '../helpers.js';
import { filesIn, workspace } from '../pipeline/support.js';
import { HEADER, row, sheetBatch, writeWorkbook } from './support.js';

/** Renders dot.yaml in dir; returns the problem lines and what was written. */
async function renderIn(dir: string) {
  const r = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
  const lines = r.stderr.split('\n').filter((l) => / {2}error {2}/.test(l));
  return { code: r.code, lines, written: filesIn(join(dir, 'out')) };
}

/** An OLE compound file header, as Excel writes a workbook with a password to open (EncryptedPackage inside). */
const cfb = (inside: string): Uint8Array => {
  const b = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from(inside, 'utf16le').copy(b, 1024);
  return b;
};

describe('a workbook or CSV cchc cannot read: one clear line, exit 1, nothing written', () => {
  const cases: [string, string, Uint8Array | string, string][] = [
    ['a corrupt workbook', 'kq.xlsx', Buffer.from('PK\u0003\u0004 không phải zip thật'), 'kq.xlsx  error  tệp .xlsx bị hỏng, không đọc được; hãy mở bằng Excel và lưu lại  (sheet)'],
    ['a workbook with a password', 'kq.xlsx', cfb('EncryptedPackage'), 'kq.xlsx  error  tệp .xlsx có mật khẩu, cchc không mở được; hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại  (sheet)'],
    ['an Excel 97–2003 file named .xlsx', 'kq.xlsx', cfb('Workbook'), 'kq.xlsx  error  tệp là dạng Excel 97–2003 (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx  (sheet)'],
    ['a Word file named .xlsx', 'kq.xlsx', zipSync({ 'word/document.xml': new Uint8Array(10) }), 'kq.xlsx  error  tệp không phải bảng tính Excel .xlsx (có thể là tệp Word hoặc tệp nén khác đổi tên)  (sheet)'],
    ['a CSV in a legacy code page', 'kq.csv', Buffer.concat([Buffer.from(`${HEADER.join(';')}\r\n`), Buffer.from([0xd0, 0xf5, 0x6e, 0x20, 0x76, 0xfd]), Buffer.from(';a;1;1/1/2020;b\r\n')]),
      'kq.csv  error  tệp CSV không phải UTF-8 (có thể là bảng mã Windows-1258, TCVN3 hoặc VNI cũ); trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"  (encoding)'],
    ['a CSV in UTF-16', 'kq.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER.join('\t'), 'utf16le')]),
      'kq.csv  error  tệp CSV đang lưu dạng UTF-16 ("Unicode Text"); trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"  (encoding)'],
    ['an old .xls', 'kq.xls', cfb('Workbook'), 'kq.xls  error  tệp Excel 97–2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx  (sheet)'],
  ];
  for (const [what, name, bytes, line] of cases) {
    it(what, async () => {
      const dir = workspace({ 'dot.yaml': sheetBatch(name) });
      writeFileSync(join(dir, name), bytes);
      const r = await renderIn(dir);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toContain(line);
      expect(r.code).toBe(1);
      expect(r.written).toEqual([]);
    });
  }

  it('a missing sheet: at the line of `sheet:`, with the sheets there are', async () => {
    const dir = workspace({ 'dot.yaml': sheetBatch('kq.xlsx', '  sheet: Ket qua\n') });
    await writeWorkbook(dir, 'kq.xlsx', [{ name: 'Tổng hợp', rows: [['x', 'y']] }, { name: 'Kết quả', rows: [HEADER, row(1)] }]);
    const r = await renderIn(dir);
    expect(r.lines).toEqual(['dot.yaml:12:10  error  letters_from.sheet: không có trang tính "Ket qua" — có phải ý bạn là "Kết quả"? (tệp có: "Tổng hợp", "Kết quả")  (sheet)']);
    expect(r.code).toBe(1);
    expect(r.written).toEqual([]);
  });

  it('a missing file: at the line of `file:`', async () => {
    const dir = workspace({ 'dot.yaml': sheetBatch('khong-co.xlsx') });
    const r = await renderIn(dir);
    expect(r.lines).toEqual(['dot.yaml:11:9  error  letters_from.file: không tìm thấy tệp khong-co.xlsx  (io)']);
  });
});

describe('zip bomb guard: inflated bytes are counted as they are produced', () => {
  it('stops at the cap, whatever sizes the zip declares', () => {
    const big = zipSync({ 'xl/workbook.xml': new Uint8Array(3 << 19) });
    expect(inflateCapped(big, 1 << 19)).toEqual({ problem: 'too-large' });
    expect('parts' in inflateCapped(big, 4 << 19)).toBe(true);
    // The same zip declaring 10 bytes in its local and central headers: still stopped.
    const lying = Buffer.from(big);
    for (let i = 0; i < lying.length - 4; i++) {
      const sig = lying.readUInt32LE(i);
      if (sig === 0x04034b50) lying.writeUInt32LE(10, i + 22);
      if (sig === 0x02014b50) lying.writeUInt32LE(10, i + 24);
    }
    expect(inflateCapped(lying, 1 << 19)).toEqual({ problem: 'too-large' });
    expect(inflateCapped(zipSync({ a: new Uint8Array(1), b: new Uint8Array(1), c: new Uint8Array(1) }), 1 << 20, 2)).toEqual({ problem: 'too-many' });
  });

  it('is wired in before exceljs: a workbook of too many parts is one line, exit 1 (the byte cap is the same check)', async () => {
    const dir = workspace({ 'dot.yaml': sheetBatch('kq.xlsx') });
    const parts = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`xl/p${i}.xml`, new Uint8Array(1)]));
    writeFileSync(join(dir, 'kq.xlsx'), zipSync({ 'xl/workbook.xml': new Uint8Array(1), ...parts }));
    const r = await renderIn(dir);
    expect(r.lines).toEqual(['kq.xlsx  error  tệp .xlsx có quá nhiều phần (hơn 2000); cchc không đọc  (file-too-large)']);
    expect(r.code).toBe(1);
  });
});
