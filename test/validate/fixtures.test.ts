import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { ROOT, run } from '../helpers.js';
import { bad, brief, good, validateJson } from './support.js';

/**
 * One fixture per rule and per error class, each with every problem it must produce — exact line, column,
 * severity and id — and the exit code. A fixture is the good letter test/fixtures/good/minimal.yaml with one
 * thing broken (except "many", which breaks several at once to show they come in one pass).
 */
const CASES: Record<string, { problems: string[]; code: number; message?: RegExp; path?: string }> = {
  // The contract (zod), as problems "schema" and "unknown-key".
  // A typo of a required key is one problem: the unknown key, whose suggestion says the field it meant is missing.
  'unknown-key': { problems: ['8:1 error unknown-key'], code: 1, message: /trường lạ "subjet" — có phải ý bạn là "subject"\? \(trường bắt buộc đó đang thiếu\)/ },
  'wrong-type': { problems: ['13:9 error schema'], code: 1, message: /cần một số, nhưng đang là một đoạn chữ/, path: 'inspection.year' },
  'missing-required': { problems: ['1:1 error schema'], code: 1, message: /thiếu trường bắt buộc/, path: 'symbol' },
  'date-impossible': { problems: ['7:7 error schema'], code: 1, message: /ngày 2021-02-30 không có thật trên lịch/, path: 'date' },
  'date-format': { problems: ['7:7 error schema'], code: 1, message: /NĂM-THÁNG-NGÀY/, path: 'date' },
  // Lint rules that are errors.
  'report-after-letter': { problems: ['17:11 error cited-before-letter'], code: 1, path: 'inspection.report.date' },
  'deadline-before-letter': { problems: ['22:11 error deadline-after-letter'], code: 1, path: 'deadline' },
  'archive-no-vt': { problems: ['28:11 error archive-vt'], code: 1, path: 'archive[0]' },
  'symbol-format': { problems: ['6:9 error symbol-format'], code: 1, path: 'symbol' },
  'number-positive': { problems: ['5:9 error number-positive'], code: 1, path: 'number' },
  'signer-own-title': { problems: ['24:14 error signer-own-title'], code: 1, path: 'signer.authority' },
  'template-fields': { problems: ['1:11 error template-fields'], code: 1, message: /không có mẫu "cong-viec"/ },
  'bold-unpaired': { problems: ['25:9 error bold-unpaired'], code: 1, message: /viết thêm "\*\*".*hoặc viết \\\* nếu muốn in dấu sao/, path: 'tasks[0].details[0]' },
  'table-row-cells': { problems: ['38:11 error table-row-cells', '39:11 error table-row-cells'], code: 1, message: /dòng 2 của bảng có 2 ô, nhưng bảng có 3 cột \(STT, Mã hồ sơ, Ngày hẹn trả\): mỗi dòng cần đúng 3 ô/ },
  'issuer-full': { problems: ['2:3 error issuer-full'], code: 1, message: /ví dụ full: Ban quản lý các khu chế xuất và công nghiệp thành phố Hồ Chí Minh/, path: 'issuer.full' },
  // Lint rules that are warnings: exit 0.
  'signer-title-uppercase': { problems: ['24:10 warning signer-title-uppercase'], code: 0, message: /"CHỦ TỊCH"/ },
  'signer-name-case': { problems: ['25:9 warning signer-name-case'], code: 0, message: /nên viết: Lâm Minh Thành$/ },
  'recipient-duplicates': { problems: ['28:5 warning recipient-duplicates', '29:5 warning recipient-duplicates', '30:5 warning recipient-duplicates'], code: 0 },
  'text-spacing': { problems: ['19:14 warning text-spacing', '21:5 warning text-spacing'], code: 0 },
  'text-nfc': { problems: ['21:5 warning text-nfc'], code: 0, path: 'tasks[0]' },
  'issuer-short': { problems: ['2:3 warning issuer-short'], code: 0, message: /"Ủy ban nhân dân tỉnh Kiên Giang"/ },
  'unprinted-fields': { problems: ['22:11 warning unprinted-fields'], code: 0, message: /deadline có giá trị nhưng mẫu "chi-dao-sau-kiem-tra" chỉ in trường này khi không có closing/, path: 'deadline' },
  'bold-outside-text': { problems: ['8:40 warning bold-outside-text', '32:45 warning bold-outside-text'], code: 0, message: /"\*\*" chỉ in đậm trong các đoạn văn/ },
  'table-width': { problems: ['32:9 warning table-width'], code: 0, message: /tổng cộng 185 mm, hơn bề rộng vùng chữ 165 mm \(trang dọc\): cchc sẽ thu nhỏ/ },
  'number-symbol': { problems: ['5:9 error number-symbol'], code: 1, message: /nên viết number: 2417 và symbol: UBND-NC/, path: 'number' },
  'deadline-past': { problems: ['21:11 warning deadline-past'], code: 0, message: /hạn báo cáo 29\/12\/2020 đã qua, mà công văn chưa có ngày/ },
  'subject-vv': { problems: ['8:10 warning subject-vv'], code: 0, message: /nên viết: subject: tiếp tục chỉ đạo/ },
  // Reading the file.
  'yaml-syntax': { problems: ['13:9 error yaml-syntax'], code: 1, message: /dấu "\[" mở ở đây nhưng không được đóng/ },
  'duplicate-key': { problems: ['23:1 error duplicate-key'], code: 1, message: /khóa "symbol" bị lặp lại \(đã viết ở dòng 6\)/ },
  'alias-bomb': { problems: ['1:1 error alias-limit'], code: 1 },
  'deep': { problems: ['2:40 error depth-limit'], code: 1 },
  'no-control-chars': { problems: ['19:14 error no-control-chars'], code: 1, message: /U\+0007/ },
  'yaml-tag': { problems: ['19:23 error yaml-tag'], code: 1 },
  'empty': { problems: ['1:1 error schema'], code: 1, message: /tệp trống/ },
  'comments-only': { problems: ['1:1 error schema'], code: 1, message: /tệp trống/ },
  // Several problems of different kinds in one file, all in one pass, sorted by line.
  'many': {
    problems: ['3:3 warning issuer-short', '6:9 error symbol-format', '15:5 warning text-spacing', '16:11 error deadline-after-letter', '17:1 error unknown-key'],
    code: 1,
  },
  // A batch: the defaults' error at the defaults line (once, though two entries inherit it), the entry's at the entry.
  'batch': { problems: ['7:13 error archive-vt', '18:92 error symbol-format'], code: 1 },
};

describe('cchc validate: every fixture gives exactly its problems, at the exact place', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const r = await validateJson([bad(name)]);
      expect(brief(r.report)).toEqual(c.problems);
      expect(r.code).toBe(c.code);
      for (const p of r.report.problems) expect(p.file).toBe(bad(name));
      if (c.message) expect(r.report.problems.map((p) => p.message).join('\n')).toMatch(c.message);
      if (c.path) expect(r.report.problems.map((p) => p.path)).toContain(c.path);
    });
  }

  it('has a case for every fixture file, and no case without its file', () => {
    const files = readdirSync(join(ROOT, 'test/fixtures/bad')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(Object.keys(CASES).sort()).toEqual(files);
  });

  it('covers every lint rule with a fixture', () => {
    const seen = new Set(Object.values(CASES).flatMap((c) => c.problems.map((p) => p.split(' ')[2])));
    expect(RULES.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('the good letter is clean: no problem, exit 0', async () => {
    const r = await validateJson([good('minimal')]);
    expect(r.report.problems).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('prints stylish lines path:LINE:COL  severity  field: message  (rule), and a summary on stderr', async () => {
    const r = await run(['validate', bad('symbol-format'), bad('issuer-short')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'test/fixtures/bad/issuer-short.yaml:2:3  warning  issuer: thiếu issuer.short: nội dung sẽ gọi cơ quan ban hành là "Ủy ban nhân dân tỉnh Kiên Giang" (đoán từ issuer.name); hãy ghi rõ, ví dụ short: Ủy ban nhân dân tỉnh  (issuer-short)',
      'test/fixtures/bad/symbol-format.yaml:6:9  error  symbol: ký hiệu "ubnd nc" sai dạng: cần chữ in hoa và số, các nhóm nối bằng "-", ví dụ UBND-NCPC  (symbol-format)',
    ]);
    expect(r.stderr).toContain('1 lỗi, 1 cảnh báo (2 tệp, 2 công văn)');
  });

  it('a folder: every .yaml file, every problem of every kind in one run, sorted by file then line', async () => {
    const r = await validateJson(['test/fixtures/bad']);
    expect(r.code).toBe(1);
    const files = readdirSync(join(ROOT, 'test/fixtures/bad')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `test/fixtures/bad/${f}`);
    expect(r.report.files).toEqual(files);
    const total = Object.values(CASES).reduce((n, c) => n + c.problems.length, 0);
    expect(r.report.problems).toHaveLength(total);
    const order = r.report.problems.map((p) => [p.file, p.line, p.col] as const);
    const sorted = [...order].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1] || a[2] - b[2]);
    expect(order).toEqual(sorted);
    expect(new Set(r.report.problems.map((p) => p.rule))).toEqual(new Set(Object.values(CASES).flatMap((c) => c.problems.map((p) => p.split(' ')[2]))));
  });

  it('a file that does not exist is an io error for that file; the others are still checked', async () => {
    const r = await validateJson(['test/fixtures/bad/khong-co.yaml', good('minimal'), bad('symbol-format')]);
    expect(r.code).toBe(1);
    expect(r.report.problems.map((p) => `${p.file} ${p.line}:${p.col} ${p.rule}`)).toEqual([
      'test/fixtures/bad/khong-co.yaml 0:0 io',
      'test/fixtures/bad/symbol-format.yaml 6:9 symbol-format',
    ]);
  });
});

describe('cchc validate --templates', () => {
  it('a template found in the folder is known (as for render); without the folder it is an error; a missing folder is usage (2)', async () => {
    const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tempDir } = await import('../helpers.js');
    const dir = tempDir();
    mkdirSync(join(dir, 'mau'));
    writeFileSync(join(dir, 'mau', 'thong-bao.hbs'), '{{intro}}\n');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, `template: thong-bao\n${readFileSync(join(ROOT, good('minimal')), 'utf8')}`);
    const without = await validateJson([file]);
    expect(without.report.problems.map((p) => `${p.line}:${p.col} ${p.rule}`)).toEqual(['1:11 template-fields']);
    expect(without.code).toBe(1);
    const withDir = await validateJson(['-t', join(dir, 'mau'), '--', file]);
    // Known, and judged from its own text: it prints only intro, so what the letter gives besides is reported.
    expect(withDir.report.problems.map((p) => `${p.severity} ${p.rule} ${p.path}`)).toEqual([
      'warning unprinted-fields inspection.year', 'warning unprinted-fields inspection.report', 'warning unprinted-fields findings',
      'warning unprinted-fields tasks', 'warning unprinted-fields deadline',
    ]);
    expect(withDir.code).toBe(0);
    expect((await run(['validate', '-t', join(dir, 'khong-co'), '--', file])).code).toBe(2);
  });
});
