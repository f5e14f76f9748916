import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/problem.js';
import { stylish } from '../../src/report/stylish.js';
import { useColor } from '../../src/cli/io.js';
import { issuerShort } from '../../src/rules/issuer-short.js';
import { recipientDuplicates } from '../../src/rules/recipient-duplicates.js';
import { NO_CONTEXT, type Rule } from '../../src/rules/rule.js';
import { signerNameCase, signerTitleUppercase } from '../../src/rules/signer-case.js';
import { textSpacing } from '../../src/rules/text-spacing.js';
import type { Letter } from '../../src/schema/letter.js';

/** What a rule reports for a (partial) letter, as "path: message". */
function run(rule: Rule, letter: Record<string, unknown>): string[] {
  const out: string[] = [];
  rule.check(letter as Partial<Letter>, (path, message) => out.push(`${path.join('.')}: ${message}`), NO_CONTEXT);
  return out;
}

describe('text-spacing', () => {
  const on = (s: string) => run(textSpacing, { subject: s });
  it('flags two spaces between words, and a space before , ; : .', () => {
    expect(on('a  b')).toHaveLength(1);
    for (const p of [',', ';', ':', '.']) expect(on(`chỉ đạo ${p} tiếp`), p).toEqual([`subject: có dấu cách trước dấu "${p}": "chỉ đạo ${p} tiếp"`]);
  });
  it('leaves alone an ellipsis, the closing "./.", indentation at a line start, trailing spaces, single spaces', () => {
    expect(on('các nội dung ... khác')).toEqual([]);
    expect(on('thực hiện ./.')).toEqual([]);
    expect(on('dòng một\n  dòng hai thụt lề')).toEqual([]);
    expect(on('cuối dòng  \ndòng sau')).toEqual([]);
    expect(on('Tăng cường công tác chỉ đạo, điều hành.')).toEqual([]);
  });
  it('reports once per value, the first problem in the text, at the value\'s path (lists and nested maps too)', () => {
    expect(run(textSpacing, { tasks: ['ok', { text: 'a ,  b', details: ['x  y'] }] })).toEqual([
      'tasks.1.text: có dấu cách trước dấu ",": "a ,  b"',
      'tasks.1.details.0: có hai dấu cách liền nhau: "x  y"',
    ]);
  });
  it('skips names that are not prose (symbol, output, template, dates)', () => {
    expect(run(textSpacing, { symbol: 'UBND  NC', output: 'a  b.docx', template: 'x  y', date: '2020 .1' })).toEqual([]);
  });
});

describe('signer-title-uppercase and signer-name-case', () => {
  it('wants titles uppercase, naming the uppercase form', () => {
    expect(run(signerTitleUppercase, { signer: { on_behalf: 'Ủy ban nhân dân', title: 'CHỦ TỊCH', own_title: 'Phó Chủ tịch' } })).toEqual([
      'signer.on_behalf: "Ủy ban nhân dân" cần viết in hoa: "ỦY BAN NHÂN DÂN"',
      'signer.own_title: "Phó Chủ tịch" cần viết in hoa: "PHÓ CHỦ TỊCH"',
    ]);
  });
  it('wants the name not all uppercase, suggesting it word by word', () => {
    expect(run(signerNameCase, { signer: { name: 'NGUYỄN THỊ ĐÀO' } })).toEqual(['signer.name: họ tên người ký không viết in hoa cả (chỉ hoa chữ cái đầu mỗi tiếng); nên viết: Nguyễn Thị Đào']);
    expect(run(signerNameCase, { signer: { name: 'Nguyễn Thị Đào' } })).toEqual([]);
    expect(run(signerNameCase, { signer: { name: 'A' } })).toEqual([]);
  });
  it('reads a malformed signer without throwing', () => {
    expect(run(signerTitleUppercase, { signer: 'CHỦ TỊCH' })).toEqual([]);
    expect(run(signerNameCase, { signer: { name: 42 } })).toEqual([]);
  });
});

describe('recipient-duplicates', () => {
  it('compares recipients ignoring case, spacing, a leading "- " and final punctuation', () => {
    expect(run(recipientDuplicates, { to: ['Sở Nội vụ', 'sở  nội vụ.'] })).toEqual(['to.1: nơi nhận "sở  nội vụ." lặp lại (đã có ở to, mục thứ 1)']);
    expect(run(recipientDuplicates, { to: ['A'], cc: ['- Sở Tài chính;', 'Sở Tài chính'] })).toEqual(['cc.1: nơi nhận "Sở Tài chính" lặp lại (đã có ở cc, mục thứ 1)']);
  });
  it('"Như trên" in cc is only a problem when there is a Kính gửi', () => {
    expect(run(recipientDuplicates, { cc: ['Như trên'] })).toEqual([]);
    expect(run(recipientDuplicates, { to: ['A'], cc: ['Như trên;'] })).toHaveLength(1);
  });
});

describe('issuer-short', () => {
  const issuer = { name: 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG', place: 'Kiên Giang' };
  it('warns for the default template, naming the guess', () => {
    expect(run(issuerShort, { issuer })).toEqual(['issuer: thiếu issuer.short: nội dung sẽ gọi cơ quan ban hành là "Ủy ban nhân dân tỉnh Kiên Giang" (đoán từ issuer.name); hãy ghi rõ, ví dụ short: Ủy ban nhân dân tỉnh']);
  });
  it('for cong-van only when the closing names the issuer (a deadline, no report_to, no closing of its own)', () => {
    expect(run(issuerShort, { issuer, template: 'cong-van' })).toEqual([]);
    expect(run(issuerShort, { issuer, template: 'cong-van', deadline: '2021-01-01' })).toHaveLength(1);
    expect(run(issuerShort, { issuer, template: 'cong-van', deadline: '2021-01-01', report_to: 'Sở Nội vụ' })).toEqual([]);
  });
  it('is quiet when short is given', () => expect(run(issuerShort, { issuer: { ...issuer, short: 'UBND tỉnh' } })).toEqual([]));
});

describe('stylish colour', () => {
  const p: Problem = { file: 'a.yaml', line: 1, col: 2, severity: 'error', rule: 'schema', message: 'm' };
  it('colours on request, plain otherwise', async () => {
    expect(await stylish([p], { color: true })).toMatch(/\u001b\[31merror\u001b\[39m/);
    expect(await stylish([p], { color: false })).toBe('a.yaml:1:2  error  m  (schema)');
  });
  it('only on a terminal, and never with NO_COLOR', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    expect(useColor(tty, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
  });
});
