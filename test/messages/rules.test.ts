import { describe, expect, it } from 'vitest';
import { deadlinePast } from '../../src/rules/deadline-past.js';
import { RULES } from '../../src/rules/index.js';
import { numberSymbol } from '../../src/rules/number-symbol.js';
import type { Rule, RuleContext } from '../../src/rules/rule.js';
import { signerNameCase } from '../../src/rules/signer-case.js';
import { subjectVv } from '../../src/rules/subject-vv.js';
import type { Letter } from '../../src/schema/letter.js';
import { run as cli } from '../helpers.js';
import { single, workspace } from '../pipeline/support.js';

// Warnings that say what to write.

function run(rule: Rule, letter: Record<string, unknown>, context: RuleContext = { userTemplates: [] }): string[] {
  const out: string[] = [];
  rule.check(letter as Partial<Letter>, (path, message) => out.push(`${path.join('.')}: ${message}`), context);
  return out;
}

describe('subject-vv', () => {
  it('a subject that starts with "V/v" or "Về việc" would print "V/v V/v …": says the subject to write', () => {
    expect(run(subjectVv, { subject: 'V/v triển khai nhiệm vụ CCHC' })).toEqual([
      'subject: trích yếu bắt đầu bằng "V/v", mà cchc đã tự in "V/v " trước trích yếu (sẽ thành "V/v V/v triển khai nhiệm vụ CCHC"); nên viết: subject: triển khai nhiệm vụ CCHC',
    ]);
    expect(run(subjectVv, { subject: 'Về việc: tăng cường kỷ luật' })[0]).toMatch(/nên viết: subject: tăng cường kỷ luật$/);
    expect(run(subjectVv, { subject: 'v/v báo cáo' })[0]).toMatch(/nên viết: subject: báo cáo$/);
    expect(run(subjectVv, { subject: 'vận động nhân dân' })).toEqual([]);
    expect(run(subjectVv, { subject: 'triển khai V/v mới' })).toEqual([]);
  });
});

describe('signer-name-case', () => {
  it('a name in capitals: "nên viết: Lê Quang Vinh"', () => {
    expect(run(signerNameCase, { signer: { name: 'LÊ QUANG VINH' } })).toEqual([
      'signer.name: họ tên người ký không viết in hoa cả (chỉ hoa chữ cái đầu mỗi tiếng); nên viết: Lê Quang Vinh',
    ]);
  });
});

describe('deadline-past', () => {
  const today = new Date(2026, 10, 27);
  it('a letter without a date whose deadline is past or today: says so, with a deadline to write', () => {
    expect(run(deadlinePast, { deadline: '2020-12-29' }, { userTemplates: [], today })).toEqual([
      'deadline: hạn báo cáo 29/12/2020 đã qua, mà công văn chưa có ngày nên sẽ ban hành từ hôm nay (27/11/2026) trở đi; nên viết một hạn sau ngày ban hành, ví dụ deadline: 2026-12-12',
    ]);
    expect(run(deadlinePast, { deadline: '2026-11-27' }, { userTemplates: [], today })[0]).toContain('là hôm nay');
  });

  it('says nothing with a date (deadline-after-letter judges then) or a deadline still ahead', () => {
    expect(run(deadlinePast, { date: '2020-12-22', deadline: '2020-12-29' }, { userTemplates: [], today })).toEqual([]);
    expect(run(deadlinePast, { deadline: '2026-11-28' }, { userTemplates: [], today })).toEqual([]);
  });
});

describe('number-symbol', () => {
  it('number: 2417/SNV-CCHC → "nên viết number: 2417 và symbol: SNV-CCHC"', () => {
    expect(run(numberSymbol, { number: '2417/SNV-CCHC' })).toEqual([
      'number: số và ký hiệu viết chung một trường: ký hiệu viết ở trường symbol; nên viết number: 2417 và symbol: SNV-CCHC',
    ]);
    expect(run(numberSymbol, { number: 'Số: 18/BC-ĐKT' })[0]).toContain('nên viết number: 18 và symbol: BC-ĐKT');
    expect(run(numberSymbol, { inspection: { report: { number: '284/BC-ĐKT' } } })[0]).toMatch(/^inspection\.report\.number: .*nên viết number: 284 và symbol: BC-ĐKT$/);
    expect(run(numberSymbol, { number: 2417 })).toEqual([]);
  });

  it('cchc validate: one message for the mistake, not also "not a number" and "symbol missing"', async () => {
    const dir = workspace({ 'a.yaml': single('Sở Tài chính').replace(/^number: .*$/m, 'number: 2417/SNV-CCHC').replace(/^symbol: .*\n/m, '') });
    const r = await cli(['validate', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^a\.yaml:\d+:\d+ {2}error {2}number: .*nên viết number: 2417 và symbol: SNV-CCHC {2}\(number-symbol\)$/)]);
  });
});

describe('the new rules are registered', () => {
  it('in the order validate --rules lists them', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of ['subject-vv', 'deadline-past', 'number-symbol', 'signer-name-case']) expect(ids).toContain(id);
  });

  it('a subject with V/v shows in cchc validate as a warning, exit 0', async () => {
    const dir = workspace({ 'a.yaml': single('Sở Tài chính').replace(/^subject: /m, 'subject: V/v ') });
    const r = await cli(['validate', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning {2}subject: trích yếu bắt đầu bằng "V\/v".*\(subject-vv\)/);
  });
});
