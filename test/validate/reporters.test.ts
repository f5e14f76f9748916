import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/problem.js';
import { annotation, escapeData, escapeProperty } from '../../src/report/github.js';
import { BUILTIN_PROBLEMS } from '../../src/rules/builtin.js';
import { RULES } from '../../src/rules/index.js';
import { run } from '../helpers.js';
import { bad, good, validateJson } from './support.js';

describe('--format github: workflow commands that GitHub Actions shows as annotations', () => {
  it('prints one ::error / ::warning line per problem, exactly', async () => {
    const r = await run(['validate', '--format', 'github', bad('batch'), bad('signer-name-case')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      '::error file=test/fixtures/bad/batch.yaml,line=7,col=13,title=archive-vt::archive, mục thứ 1: dòng "Lưu:" phải bắt đầu bằng VT (đang là "SNV") (ở 2 công văn)',
      '::error file=test/fixtures/bad/batch.yaml,line=18,col=92,title=symbol-format::inspection.report.symbol: ký hiệu "bc dkt" sai dạng: cần chữ in hoa và số, các nhóm nối bằng "-", ví dụ UBND-NCPC',
      '::warning file=test/fixtures/bad/signer-name-case.yaml,line=25,col=9,title=signer-name-case::signer.name: họ tên người ký không viết in hoa cả (chỉ hoa chữ cái đầu mỗi tiếng); nên viết: Lâm Minh Thành',
    ].join('\n') + '\n');
  });

  it('prints nothing for clean files', async () => {
    const r = await run(['validate', '--format', 'github', good('minimal')]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('escapes % CR LF in the message, and also : , in properties (as @actions/core does)', () => {
    expect(escapeData('50% xong\r\ndòng 2: a, b')).toBe('50%25 xong%0D%0Adòng 2: a, b');
    expect(escapeProperty('thư mục, 100%: a.yaml\n')).toBe('thư mục%2C 100%25%3A a.yaml%0A');
    const p: Problem = { file: 'a,b:c.yaml', line: 3, col: 4, severity: 'warning', rule: 'text-spacing', message: 'dòng 1\ndòng 2 100%', path: 'tasks[0]' };
    expect(annotation(p)).toBe('::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=text-spacing::tasks, nhiệm vụ thứ 1: dòng 1%0Adòng 2 100%25');
  });

  it('leaves out line and col for a problem about the whole file', () => {
    const p: Problem = { file: 'x.yaml', line: 0, col: 0, severity: 'error', rule: 'io', message: 'không tìm thấy' };
    expect(annotation(p)).toBe('::error file=x.yaml,title=io::không tìm thấy');
  });
});

describe('--format json: the documented, stable shape', () => {
  it('has version 1, files, problems with fixed fields, and counts', async () => {
    const r = await validateJson([bad('recipient-duplicates'), bad('symbol-format'), 'test/fixtures/bad/khong-co.yaml']);
    expect(r.code).toBe(1);
    expect(Object.keys(r.report)).toEqual(['version', 'files', 'problems', 'errorCount', 'warningCount']);
    expect(r.report.version).toBe(1);
    // The files read; a name that does not exist appears only as its io problem.
    expect(r.report.files).toEqual([bad('recipient-duplicates'), bad('symbol-format')]);
    for (const p of r.report.problems) expect(Object.keys(p)).toEqual(['file', 'line', 'col', 'severity', 'rule', 'path', 'message', 'cell', 'header']);
    expect(r.report.errorCount).toBe(2);
    expect(r.report.warningCount).toBe(3);
    const io = r.report.problems.find((p) => p.rule === 'io')!;
    expect(io).toEqual({ file: 'test/fixtures/bad/khong-co.yaml', line: 0, col: 0, severity: 'error', rule: 'io', path: null, message: 'không tìm thấy tệp hoặc thư mục này', cell: null, header: null });
    expect(r.report.problems.find((p) => p.rule === 'symbol-format')).toMatchObject({ line: 6, col: 9, severity: 'error', path: 'symbol' });
  });

  it('clean input: an empty problem list, zero counts, exit 0; nothing but the JSON on stdout', async () => {
    const r = await validateJson([good('minimal')]);
    expect(r.report).toEqual({ version: 1, files: [good('minimal')], problems: [], errorCount: 0, warningCount: 0 });
    expect(r.code).toBe(0);
  });
});

describe('exit codes and --max-warnings (as ESLint)', () => {
  // recipient-duplicates.yaml has 3 warnings and no error.
  it('warnings alone exit 0', async () => expect((await run(['validate', bad('recipient-duplicates')])).code).toBe(0));
  it('--max-warnings 3 with 3 warnings: exit 0', async () => expect((await run(['validate', '--max-warnings', '3', bad('recipient-duplicates')])).code).toBe(0));
  it('--max-warnings 2 with 3 warnings: exit 1, and says why', async () => {
    const r = await run(['validate', '--max-warnings', '2', bad('recipient-duplicates')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('có 3 cảnh báo, nhiều hơn --max-warnings 2');
  });
  it('--max-warnings 0 with a clean file: exit 0', async () => expect((await run(['validate', '--max-warnings', '0', good('minimal')])).code).toBe(0));
  it('an error exits 1 whatever --max-warnings says', async () => expect((await run(['validate', '--max-warnings', '100', bad('symbol-format')])).code).toBe(1));
  it('--max-warnings that is not a whole number ≥ 0 is a usage error (2)', async () => {
    for (const n of ['-1', 'abc', '1.5']) {
      const r = await run(['validate', '--max-warnings', n, good('minimal')]);
      expect(r.code, n).toBe(2);
      expect(r.stderr).toContain('--max-warnings');
    }
  });
  it('an unknown --format is a usage error (2)', async () => {
    const r = await run(['validate', '--format', 'xml', good('minimal')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stylish, json, github/);
  });
  it('no input is a usage error (2)', async () => expect((await run(['validate'])).code).toBe(2));
});

describe('--rules', () => {
  it('lists every lint rule and every built-in problem id, with its severity and doc line', async () => {
    const r = await run(['validate', '--rules']);
    expect(r.code).toBe(0);
    for (const k of [...RULES, ...BUILTIN_PROBLEMS]) {
      expect(r.stdout).toMatch(new RegExp(`^${k.id} +${k.severity} +${k.doc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
  });

  it('includes the ids the brief names: unknown-key, template-fields and the reading checks', async () => {
    const out = (await run(['validate', '--rules'])).stdout;
    for (const id of ['unknown-key', 'template-fields', 'yaml-syntax', 'duplicate-key', 'alias-limit', 'depth-limit', 'file-too-large', 'encoding', 'no-control-chars', 'schema', 'io']) {
      expect(out).toMatch(new RegExp(`^${id} `, 'm'));
    }
  });

  it('--rules --format json: id, severity, kind, doc for each', async () => {
    const rows = JSON.parse((await run(['validate', '--rules', '--format', 'json'])).stdout) as { id: string; severity: string; kind: string; doc: string }[];
    expect(rows.map((x) => x.id)).toEqual([...RULES, ...BUILTIN_PROBLEMS].map((k) => k.id));
    expect(rows.filter((x) => x.kind === 'rule').map((x) => x.id)).toEqual(RULES.map((k) => k.id));
    expect(new Set(rows.map((x) => x.id)).size).toBe(rows.length);
  });

  it('every id a fixture run produces is listed', async () => {
    const listed = new Set((JSON.parse((await run(['validate', '--rules', '--format', 'json'])).stdout) as { id: string }[]).map((x) => x.id));
    const produced = new Set((await validateJson(['test/fixtures/bad', 'test/fixtures/bad/khong-co.yaml'])).report.problems.map((p) => p.rule));
    expect([...produced].filter((id) => !listed.has(id))).toEqual([]);
  });

  it('with a file as well is a usage error (2)', async () => expect((await run(['validate', '--rules', good('minimal')])).code).toBe(2));
});
