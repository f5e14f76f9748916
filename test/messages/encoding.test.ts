import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../src/load/yaml.js';
import { example, run } from '../helpers.js';
import { workspace } from '../pipeline/support.js';

// UTF-16 with or without its byte-order mark is said to be UTF-16; a legacy Vietnamese code page gets a how-to.

const text = readFileSync(example('kien-luong-2020.yaml'), 'utf8');
const utf16 = (s: string, order: 'LE' | 'BE', bom: boolean): Uint8Array => {
  const le = Buffer.from(s, 'utf16le');
  if (order === 'BE') le.swap16();
  const mark = order === 'LE' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), le]) : le);
};
const only = (bytes: Uint8Array) => {
  const { problems, data } = loadYaml('a.yaml', bytes);
  expect(data).toBeUndefined();
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('files that are not UTF-8', () => {
  for (const order of ['LE', 'BE'] as const) {
    for (const bom of [true, false]) {
      it(`UTF-16 ${order} ${bom ? 'with' : 'without'} a byte-order mark is UTF-16, at 1:1, with how to save as UTF-8`, () => {
        const p = only(utf16(text, order, bom));
        expect([p.line, p.col, p.rule]).toEqual([1, 1, 'encoding']);
        expect(p.message).toMatch(/^tệp đang lưu dạng UTF-16/);
        expect(p.message).toContain('Lưu thành… → Mã hóa: UTF-8');
        expect(p.message).not.toMatch(/TCVN3/);
      });
    }
  }

  it('a short all-ASCII UTF-16 file too', () => {
    expect(only(utf16('symbol: UBND-NC\n', 'LE', false)).message).toMatch(/UTF-16/);
  });

  it('a TCVN3 file: at its first bad byte, with how to convert it in Unikey', () => {
    const bytes = Buffer.from(text.replace('Ủy ban', '\u00a6y ban'), 'latin1');
    const p = only(new Uint8Array(bytes));
    expect(p.rule).toBe('encoding');
    expect(p.message).toContain('bảng mã cũ (TCVN3/ABC, VNI hoặc Windows-1258)');
    expect(p.message).toContain('Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn: TCVN3 (ABC) hoặc VNI Windows, Đích: Unicode');
    expect(p.message).toContain('lưu với mã hóa UTF-8');
  });

  it('cchc validate of a UTF-16 file without BOM: one encoding error, exit 1', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.yaml'), utf16(text, 'LE', false));
    const r = await run(['validate', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toMatch(/^a\.yaml:1:1 {2}error {2}tệp đang lưu dạng UTF-16 .*\(encoding\)$/);
  });
});
