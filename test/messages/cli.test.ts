import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, run } from '../helpers.js';
import { workspace } from '../pipeline/support.js';

// The command line in Vietnamese: usage errors, unknown commands and options with "có phải ý bạn là", and every
// --help ending with examples. Commander's English must not show anywhere.

const COMMANDS = ['render', 'validate', 'check', 'init', 'schema'];
/** Commander's own English words. */
const ENGLISH = /\b(error:|Usage|Options|Commands|Arguments|display help|output the version|default:|choices:|missing|unknown|argument|Did you mean|too many|Expected|invalid|Allowed)\b/;

describe('usage errors in Vietnamese, exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['render'], /^cchc render: thiếu tệp \.yaml\/\.yml hoặc thư mục, ví dụ: cchc render thu-moi\.yaml \(xem: cchc render --help\)$/],
    [['init'], /^cchc init: thiếu tệp \.yaml cần tạo, ví dụ: cchc init thu-moi\.yaml/],
    [['rendr', 'a.yaml'], /^cchc: không có lệnh "rendr" — có phải ý bạn là render\? Các lệnh: render, validate, schema, init, check/],
    [['thu-moi.yaml'], /^cchc: không có lệnh "thu-moi\.yaml" — có phải ý bạn là cchc render thu-moi\.yaml\?/],
    [['cong-van.docx'], /^cchc: không có lệnh "cong-van\.docx" — có phải ý bạn là cchc check cong-van\.docx\?/],
    [['validate', '--fromat', 'json', 'a.yaml'], /^cchc validate: không có tùy chọn "--fromat" — có phải ý bạn là --format\?/],
    [['validate', '-f', 'json', 'a.yaml'], /^cchc validate: không có tùy chọn "-f" — có phải ý bạn là --format\?/],
    [['validate', '--format', 'xml', 'a.yaml'], /^cchc validate: --format không nhận giá trị "xml"; chọn một trong: stylish, json, github/],
    [['schema', 'thua.yaml'], /^cchc schema: thừa "thua\.yaml"; lệnh này không nhận tệp hay đối số nào/],
    [['init', 'a.yaml', 'b.yaml'], /^cchc init: thừa "b\.yaml"; lệnh này chỉ nhận một tệp/],
    [['render', 'a.yaml', '-o'], /^cchc render: tùy chọn -o, --output cần một giá trị đi sau nó/],
    [['init', 'a.yaml', '--template', 'thu'], /^cchc init: --template không nhận giá trị "thu"; chọn một trong: chi-dao-sau-kiem-tra, cong-van/],
  ];
  for (const [argv, expected] of cases) {
    it(`cchc ${argv.join(' ')}`, async () => {
      const r = await run(argv, { cwd: workspace() });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toMatch(expected);
      expect(r.stderr).not.toMatch(ENGLISH);
    });
  }

  it('cchc with no command shows the help on stderr, in Vietnamese, exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Cách dùng: cchc \[tùy chọn\] \[lệnh\]/);
    expect(r.stderr).not.toMatch(ENGLISH);
  });
});

describe('every --help is Vietnamese and ends with examples', () => {
  for (const argv of [['--help'], ...COMMANDS.map((c) => [c, '--help']), ['help', 'render']]) {
    it(`cchc ${argv.join(' ')}`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Cách dùng: cchc/);
      expect(r.stdout).toMatch(/\nTùy chọn:\n/);
      expect(r.stdout).not.toMatch(ENGLISH);
      const tail = r.stdout.slice(r.stdout.lastIndexOf('Ví dụ:\n'));
      const examples = tail.split('\n').slice(1).filter((l) => /^ {2}\S/.test(l));
      expect(examples.length, r.stdout).toBeGreaterThanOrEqual(2);
      expect(examples.length).toBeLessThanOrEqual(3);
      for (const e of examples) expect(e).toMatch(/^ {2}(cchc |# )\S.*# \S/);
    });
  }

  it('names choices and defaults in Vietnamese', async () => {
    const r = await run(['validate', '--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('--format <dạng> dạng kết quả (chọn: stylish | json | github; mặc định: stylish)');
  });
});

describe('one meaning per flag across commands', () => {
  it('each short flag stands for the same long option in every command', async () => {
    const meaning = new Map<string, string>();
    for (const c of COMMANDS) {
      const help = (await run([c, '--help'])).stdout;
      for (const m of help.matchAll(/^ {2}(-\w), (--[\w-]+)/gm)) {
        const seen = meaning.get(m[1]!);
        expect(seen ?? m[2], `${c}: ${m[1]}`).toBe(m[2]);
        meaning.set(m[1]!, m[2]!);
      }
    }
    expect(meaning.get('-f')).toBe('--force');
    expect(meaning.get('-t')).toBe('--template-dir');
  });

  it('render and validate take --template-dir, and the old --templates still works', async () => {
    const dir = workspace({ 'mau/x.hbs': '{{subject}}' });
    for (const flag of ['--template-dir', '--templates', '-t']) {
      const bad = await run(['validate', 'a.yaml', flag, 'khong-co'], { cwd: dir });
      expect(bad.code, flag).toBe(2);
      expect(bad.stderr).toContain('không có thư mục mẫu "khong-co"');
      const r = await run(['render', 'a.yaml', flag, 'khong-co'], { cwd: dir });
      expect(r.stderr, flag).toContain('không có thư mục mẫu "khong-co"');
    }
    expect((await run(['render', '--help'])).stdout).not.toContain('--templates ');
  });
});

describe('a reader that closes the pipe early', () => {
  // The process itself is under test (its stdout is a pipe that closes): spawned, not in-process.
  for (const command of ['schema', '--help', 'validate --rules', 'check --checks']) {
    it(`cchc ${command} | head -1 ends quietly`, () => {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${command} | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], {
        cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
      });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('status=0');
    });
  }
});
