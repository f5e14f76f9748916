import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInParts } from '../../src/load/split.js';
import { loadYaml } from '../../src/load/yaml.js';
import { CODE_MESSAGES } from '../../src/load/yaml-errors.js';
import { example, run, tempDir } from '../helpers.js';
import { batch, DEFAULTS, entry, units } from '../pipeline/support.js';

// A clerk's YAML mistakes, each said once, in Vietnamese, with the fix, at the place to fix.

const enc = new TextEncoder();
const problemsOf = (text: string) => loadYaml('x.yaml', enc.encode(text)).problems.map((p) => `${p.line}:${p.col} ${p.rule} ${p.message}`);
/** Words of the parser's English messages ("Implicit keys need to be on a single line", …). */
const ENGLISH = /\b(the|must|need|not|allowed|implicit|keys?|missing|unexpected|indicator|sequence|mapping|flow|scalar|quote|token|line|column)\b/i;

describe('YAML syntax errors in Vietnamese, with the fix', () => {
  it('a tab-indented file: one message for the whole file, naming the lines, and no bogus duplicate keys', () => {
    const text = readFileSync(example('kien-luong-2020.yaml'), 'utf8').replace(/^ {2}/gm, '\t');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^4:1 yaml-syntax tệp thụt lề bằng phím Tab \(dòng 4, 5, 6, 7, 8 và \d+ dòng khác\)/);
    expect(problems[0]).toContain('dùng dấu cách, không dùng Tab');
  });

  it('a tab after the spaces inside a block of text is text, not a problem', () => {
    expect(problemsOf('subject: |\n  dòng một\n  \tdòng hai thụt vào\nsymbol: A\n')).toEqual([]);
  });

  it('a missing space after ":" gives the line written right', () => {
    expect(problemsOf('symbol: UBND-NC\nsubject:triển khai\ndate: 2020-12-22\n')).toEqual([
      '2:8 yaml-syntax thiếu dấu cách sau dấu ":": viết "subject: triển khai"',
    ]);
    expect(problemsOf('subject:triển khai\nsymbol: UBND-NC\n')).toEqual(['1:8 yaml-syntax thiếu dấu cách sau dấu ":": viết "subject: triển khai"']);
  });

  it('a ":" inside an unquoted value: put the part with ":" in quotes, the line written out', () => {
    expect(problemsOf('subject: Về việc: triển khai\n')).toEqual([
      '1:10 yaml-syntax giá trị có dấu ":" nên bị đọc nhầm thành một trường mới; đặt đoạn có dấu : trong ngoặc kép: subject: "Về việc: triển khai"',
    ]);
    expect(problemsOf('tasks:\n  - text: Đối với huyện: xem xét\n')[0]).toContain('đặt đoạn có dấu : trong ngoặc kép: - text: "Đối với huyện: xem xét"');
  });

  it('an unclosed quote is pointed at where it opens, not at the end of the file', () => {
    expect(problemsOf('a: 1\nsubject: "triển khai\nsymbol: x\nz: 2\n')).toEqual([
      '2:10 yaml-syntax ngoặc kép " mở ở đây nhưng không được đóng: thêm " ở cuối giá trị (trong ngoặc kép, dấu " của chữ viết thành \\")',
    ]);
    expect(problemsOf("subject: 'triển khai\nsymbol: x\n")[0]).toMatch(/^1:10 yaml-syntax ngoặc đơn ' mở ở đây nhưng không được đóng/);
  });

  it('an unclosed bracket is pointed at where it opens', () => {
    expect(problemsOf('symbol: x\nto: [Sở Nội vụ, Sở Tài chính\narchive: [VT]\n')).toEqual([
      '2:5 yaml-syntax dấu "[" mở ở đây nhưng không được đóng: thêm "]" ở cuối (ví dụ to: [Sở Nội vụ, Sở Tài chính])',
    ]);
    expect(problemsOf('report: { number: 1, symbol: x\ns: 1\n')[0]).toMatch(/^1:9 yaml-syntax dấu "\{" mở ở đây nhưng không được đóng: thêm "\}"/);
    // Closed, but on a line indented too little: said so, at the opening bracket.
    expect(problemsOf('a:\n  b: [1,\n2]\n')[0]).toMatch(/^2:6 yaml-syntax dấu "\[" mở ở đây chưa được đóng đúng chỗ: các dòng tiếp theo đến "\]" phải thụt lề sâu hơn/);
    expect(problemsOf('to: [a, b]]\n')).toEqual(['1:11 yaml-syntax dấu "]" thừa: không có "[" nào mở trước nó; xóa nó, hoặc đặt cả giá trị trong ngoặc kép']);
  });

  it('quotes inside a quoted value: bound the value with the other kind', () => {
    expect(problemsOf('subject: "triển khai "Đề án 06" năm 2020"\n')[0]).toContain(`viết: subject: 'triển khai "Đề án 06" năm 2020'`);
    expect(problemsOf('subject: "Về việc" triển khai\n')[0]).toContain(`viết: subject: '"Về việc" triển khai'`);
  });

  it('list items out of line: once, naming the column of the list\'s first item', () => {
    expect(problemsOf('to:\n    - A\n  - B\nsymbol: x\n')).toEqual([
      '3:3 yaml-syntax mục danh sách lệch cột: dấu "-" ở đây ở cột 3, còn mục đầu của danh sách (dòng 2) ở cột 5; các dấu "-" của một danh sách phải thẳng cột',
    ]);
    expect(problemsOf('to:\n  - A\n - B\nsymbol: x\n')).toHaveLength(1);
  });

  it('a list item indented one space more is not silently joined to the item above', () => {
    expect(problemsOf('to:\n  - Sở Nội vụ\n   - Sở Tài chính\nsymbol: x\n')).toEqual([
      '3:4 yaml-syntax dòng này bắt đầu bằng "- " nhưng lệch cột với mục trên, nên bị nối vào mục trên thành một đoạn; các dấu "-" của một danh sách phải thẳng cột (nếu đây là chữ, đặt cả đoạn trong ngoặc kép)',
    ]);
    expect(problemsOf('to:\n  -Sở Nội vụ\n  -Sở Tài chính\n')[0]).toMatch(/^2:3 yaml-syntax thiếu dấu cách sau dấu "-"/);
    // A dash inside a line of text is text.
    expect(problemsOf('subject: triển khai - thực hiện\n  nhiệm vụ - năm 2020\n')).toEqual([]);
  });

  it('valid YAML that is not what was meant: the contract message says the likely slip', async () => {
    const dir = tempDir();
    const text = readFileSync(example('kien-luong-2020.yaml'), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), text.replace('  - Chủ tịch UBND huyện Kiên Lương', '  - Kính gửi: Chủ tịch UBND huyện Kiên Lương'));
    writeFileSync(join(dir, 'b.yaml'), text.replace('  - Chủ tịch UBND huyện Kiên Lương', '  -Chủ tịch UBND huyện Kiên Lương'));
    const a = await run(['validate', 'a.yaml'], { cwd: dir });
    expect(a.stdout).toContain('đặt đoạn có dấu : trong ngoặc kép: "Kính gửi: Chủ tịch UBND huyện Kiên Lương"');
    const b = await run(['validate', 'b.yaml'], { cwd: dir });
    expect(b.stdout).toContain('mỗi mục danh sách viết "- nội dung" (có dấu cách sau dấu "-")');
  });

  it('fields out of line and a list item without its dash', () => {
    expect(problemsOf('issuer:\n  name: A\n short: B\n')).toEqual([
      '3:2 yaml-syntax trường "short" lệch cột với trường "name" ở dòng 2 (cột 2 so với cột 3); các trường cùng nhóm phải thẳng cột',
    ]);
    expect(problemsOf('issuer:\n  name: A\n   short: B\n')[0]).toMatch(/^3:4 yaml-syntax trường "short" lệch cột với trường "name"/);
    expect(problemsOf('to:\n  - A\n  B\n')[0]).toMatch(/^3:3 yaml-syntax dòng này thiếu dấu "- " ở đầu/);
  });

  it('text starting with "*" or "@", a Windows path in double quotes, a second document', () => {
    expect(problemsOf('subject: *Khẩn*\n')[0]).toMatch(/^1:10 yaml-syntax giá trị bắt đầu bằng "\*" được YAML hiểu là bí danh .* đặt cả giá trị trong ngoặc kép/);
    expect(problemsOf('subject: @cchc\n')).toEqual(['1:10 yaml-syntax giá trị không được bắt đầu bằng "@"; đặt cả giá trị trong ngoặc kép: subject: "@cchc"']);
    expect(problemsOf('from: "D:\\du lieu\\ds.xlsx"\n')[0]).toMatch(/dấu "\\" bắt đầu một mã đặc biệt và "\\d" không phải mã hợp lệ/);
    expect(problemsOf('a: 1\n---\nb: 2\n')[0]).toMatch(/^2:1 yaml-syntax tệp chỉ được có một phần: dòng "---"/);
  });

  it('no message of the parser\'s English is left, for any of many broken files', () => {
    const broken = [
      'a:\n\tb: 1\n', 'subject:x\nsymbol: A\n', 'a: b: c\n', 'a: "x\n', "a: 'x\n", 'a: [1, 2\nb: 1\n', 'a: {x: 1\nb: 1\n',
      'to:\n  - a\n - b\nx: 1\n', 'a: - b\n', 'a\nb: 1\n', 'a: &\n', 'a: @x\n', 'a: `x`\n', 'a: %x\n', 'd: "x"#c\n',
      'a: 1\n---\nb: 2\n', 'a: "\\q"\n', 'a: [1,,2]\n', 'a: [\n- b\n]\n', `${'a'.repeat(1100)}: 1\n`, 'a: &x &y 1\n',
      'a: !!str !!str 1\n', 'a: |x\n  b\n', 'a: |\n\n    x\n  y\n', 'a: {x: 1 y: 2}\n', 'a: ]\n', 'a: "b" c\n', '? [a]\n: 1\n',
      'a: [b] c\n', 'a: |\n  x\n y\nb: 1\n', '- a\nb: 1\n', 'a: !x\n  - b\n', '%YAML 1.2\na: 1\n', 'a: *x\n',
    ];
    for (const text of broken) {
      const problems = loadYaml('x.yaml', enc.encode(text)).problems;
      expect(problems.length, text).toBeGreaterThan(0);
      for (const p of problems) expect(p.message, text).not.toMatch(ENGLISH);
    }
  });

  it('every error code of the yaml package has a Vietnamese message', () => {
    const codes = Object.keys(CODE_MESSAGES);
    expect(codes.length).toBeGreaterThanOrEqual(23);
    for (const code of codes) {
      const m = CODE_MESSAGES[code as keyof typeof CODE_MESSAGES];
      expect(m, code).toMatch(/[ạảãàáâậầấẩẫăặằắẳẵẹẻẽèéêệềếểễịỉĩìíọỏõòóôộồốổỗơợờớởỡụủũùúưựừứửữỳýỵỷỹđ]/);
      expect(m, code).not.toMatch(ENGLISH);
    }
  });

  it('cchc validate of a tab-indented file prints one line and exit 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tab.yaml'), readFileSync(example('kien-luong-2020.yaml'), 'utf8').replace(/^ {2}/gm, '\t'));
    const r = await run(['validate', 'tab.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('tab.yaml:4:1  error  tệp thụt lề bằng phím Tab');
  });
});

describe('a large batch read entry by entry says the same, with the same line numbers', () => {
  // Line numbers inside messages ("mục đầu của danh sách (dòng N)", "đã viết ở dòng N") are the file's, also
  // when an entry is parsed on its own.
  const big = (edit: (entries: string[]) => void) => {
    const entries = units(40).map((u, i) => entry(u, [`# mục ${i + 1}`], i + 1));
    edit(entries);
    return enc.encode(batch(entries, DEFAULTS));
  };
  const same = (bytes: Uint8Array) => {
    const parts = loadInParts('dot.yaml', bytes, 1);
    expect(parts).not.toBeNull();
    const whole = loadYaml('dot.yaml', bytes);
    expect(parts!.problems).toEqual(whole.problems);
    return whole.problems;
  };

  it('a list item out of line in entry 20', () => {
    const problems = same(big((e) => { e[19] = e[19]!.replace('# mục 20', 'cc:\n      - Sở Nội vụ\n     - Sở Tài chính'); }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/mục đầu của danh sách \(dòng (\d+)\)/);
    const line = Number(/dòng (\d+)/.exec(problems[0]!.message)![1]);
    expect(line).toBe(problems[0]!.line - 1);
  });

  it('a duplicate key in entry 30 names the line of the first one in the file', () => {
    const problems = same(big((e) => { e[29] = e[29]!.replace('# mục 30', 'number: 31'); }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(`(đã viết ở dòng ${problems[0]!.line - 5})`);
  });

  it('a ":" in a value and an unclosed quote in entries', () => {
    const problems = same(big((e) => {
      e[9] = e[9]!.replace('# mục 10', 'report_to: UBND tỉnh: Sở Nội vụ');
      e[35] = e[35]!.replace('# mục 36', 'report_to: "UBND tỉnh');
    }));
    expect(problems).toHaveLength(2);
    expect(problems[0]!.message).toMatch(/^giá trị có dấu ":" nên bị đọc nhầm/);
    expect(problems[1]!.message).toMatch(/^ngoặc kép " mở ở đây nhưng không được đóng/);
  });

  it('a tab-indented batch is read whole, so the tabs are said once', () => {
    const bytes = enc.encode(new TextDecoder().decode(big(() => {})).replace(/^ {4}number/gm, '\tnumber'));
    expect(loadInParts('dot.yaml', bytes, 1)).toBeNull();
    expect(loadYaml('dot.yaml', bytes).problems).toHaveLength(1);
  });
});

describe('the checks added for clerks cost little on any file', () => {
  it('a 1 MB line of 150,000 short values is read at once (no scan to the end of the line for each value)', () => {
    const text = `to: [${'Sở A, '.repeat(150_000)}Sở B]\n`;
    const loaded = loadYaml('x.yaml', enc.encode(text));
    expect((loaded.data as { to: string[] }).to).toHaveLength(150_001);
  });
});
