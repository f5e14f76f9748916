import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBodyDate, formatDateLine, formatDocNumber, formatDocRef } from '../../src/template/vn.js';
import { defaultShortName } from '../../src/template/context.js';
import { example, paragraphs, run, tempDir, unzipDocx } from '../helpers.js';

const good = readFileSync(example('kien-luong-2020.yaml'), 'utf8');

/** Writes a variant of the good example and renders it; returns the CLI result and the output path. */
async function renderVariant(edit: (s: string) => string) {
  const dir = tempDir();
  const file = join(dir, 'letter.yaml');
  writeFileSync(file, edit(good));
  const r = await run(['render', file]);
  return { ...r, file, out: join(dir, 'letter.docx') };
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('render refuses bad input with a located error and writes nothing', () => {
  it.each([
    ['a typo\'d key', (s: string) => s.replace('deadline:', 'dealine:'), 'dealine:', 'unknown-key', /có phải ý bạn là "deadline"/],
    ['a wrong type', (s: string) => s.replace('number: 1795', 'number: [1795]'), 'number:', 'schema', /cần/],
    ['a date that does not exist', (s: string) => s.replace('date: 2020-12-22', 'date: 2020-02-30'), 'date: 2020-02-30', 'schema', /không có thật/],
    ['a report dated after the letter', (s: string) => s.replace('date: 2020-11-30', 'date: 2020-12-30'), 'report:', 'cited-before-letter', /sau ngày công văn/],
    ['a deadline before the letter', (s: string) => s.replace('deadline: 2020-12-29', 'deadline: 2020-12-01'), 'deadline:', 'deadline-after-letter', /không sau ngày công văn/],
    ['an archive without VT', (s: string) => s.replace('archive: [VT, SNV, ntttrng]', 'archive: [SNV, ntttrng]'), 'archive:', 'archive-vt', /VT/],
    ['a lowercase symbol', (s: string) => s.replace('symbol: UBND-NC', 'symbol: ubnd nc'), 'symbol: ubnd nc', 'symbol-format', /ký hiệu/],
    ['KT without own_title', (s: string) => s.replace('  title: CHỦ TỊCH', '  authority: KT\n  title: CHỦ TỊCH'), 'authority: KT', 'signer-own-title', /own_title/],
    ['a missing required field', (s: string) => s.replace(/^subject:.*$/m, ''), 'to:', 'schema', /thiếu trường bắt buộc/],
    ['a YAML syntax error', (s: string) => s.replace('number: 1795', 'number: [1795'), 'number: [1795', 'yaml-syntax', /dấu "\[" mở ở đây nhưng không được đóng/],
  ])('%s', async (_name, edit, needle, rule, message) => {
    const r = await renderVariant(edit);
    expect(r.code).toBe(1);
    expect(existsSync(r.out)).toBe(false);
    const text = readFileSync(r.file, 'utf8');
    const problem = r.stderr.split('\n').find((l) => l.includes(`(${rule})`));
    expect(problem, r.stderr).toBeDefined();
    expect(problem).toMatch(message);
    const line = Number(/letter\.yaml:(\d+):\d+/.exec(problem!)![1]);
    // A missing field points at the map that should hold it: here the letter's first key.
    if (rule === 'schema' && needle === 'to:') expect(line).toBe(lineOf(text, 'issuer:'));
    else if (rule === 'yaml-syntax') expect(line).toBeGreaterThanOrEqual(lineOf(text, needle));
    else if (rule === 'cited-before-letter') expect(line).toBe(lineOf(text, needle));
    else expect(line).toBe(lineOf(text, needle));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error', async () => {
    expect((await run(['render'])).code).toBe(2);
    expect((await run(['render', 'x.yaml', '--bogus'])).code).toBe(2);
  });
});

describe('Vietnamese text helpers', () => {
  it('pads dates the ND30 way', () => {
    expect(formatBodyDate('2017-01-18')).toBe('18/01/2017');
    expect(formatBodyDate('2018-04-17')).toBe('17/4/2018');
    expect(formatBodyDate('2016-09-05')).toBe('05/9/2016');
    expect(formatDateLine('Kiên Giang', '2017-01-25', 2026, ' ')).toBe('Kiên Giang, ngày 25 tháng 01 năm 2017');
    expect(formatDateLine('Hà Nội', '2021-03-05', 2026, ' ')).toBe('Hà Nội, ngày 05 tháng 3 năm 2021');
    expect(formatDateLine('Hà Nội', undefined, 2026, '   ')).toBe('Hà Nội, ngày   tháng   năm 2026');
  });

  it('pads numbers below 10 and cites documents', () => {
    expect(formatDocNumber(5)).toBe('05');
    expect(formatDocNumber(114)).toBe('114');
    expect(formatDocRef('Báo cáo', { number: 284, symbol: 'BC-ĐKT', date: '2020-11-30' })).toBe('Báo cáo số 284/BC-ĐKT ngày 30/11/2020');
  });

  it('guesses how the body names the issuer', () => {
    expect(defaultShortName('ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG')).toBe('Ủy ban nhân dân tỉnh Kiên Giang');
  });
});

describe('text goes into the letter as written, NFC, unescaped', () => {
  it('keeps "&", "<" and Handlebars syntax in data as plain text, and normalises to NFC', async () => {
    const decomposed = 'Phòng Tài chính - Kế hoạch'.normalize('NFD');
    const r = await renderVariant((s) => s
      .replace('  - CT và các PCT UBND tỉnh', '  - "Sở Kế hoạch & Đầu tư <KH&ĐT> {{constructor.constructor}}"')
      .replace('Chỉ đạo Phòng Tài chính - Kế hoạch', `Chỉ đạo ${decomposed}`));
    expect(r.code, r.stderr).toBe(0);
    const t = paragraphs(unzipDocx(r.out)['word/document.xml']!);
    expect(t).toContain('- Sở Kế hoạch & Đầu tư <KH&ĐT> {{constructor.constructor}};');
    expect(t.some((x) => x.startsWith('4. Chỉ đạo Phòng Tài chính - Kế hoạch'))).toBe(true);
    expect(t.join('\n')).toBe(t.join('\n').normalize('NFC'));
  });
});
