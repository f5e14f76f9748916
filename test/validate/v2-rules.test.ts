import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../src/load/yaml.js';
import { loadSources } from '../../src/pipeline/sources.js';
import { boldOutsideText } from '../../src/rules/bold-outside-text.js';
import { boldUnpaired } from '../../src/rules/bold-unpaired.js';
import { issuerFull } from '../../src/rules/issuer-full.js';
import { NO_CONTEXT, type Rule } from '../../src/rules/rule.js';
import { tableRowCells } from '../../src/rules/table-row-cells.js';
import { tableWidth } from '../../src/rules/table-width.js';
import type { Letter } from '../../src/schema/letter.js';
import { checkLetter } from '../../src/validate/letter.js';
import { ROOT, tempDir } from '../helpers.js';

const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/good/minimal.yaml'), 'utf8');

/** The minimal good letter with `extra` YAML appended; its problems of one rule as "line:col path". */
function problemsOf(rule: string, extra: string, base = MINIMAL): string[] {
  const text = `${base.trimEnd()}\n${extra}`;
  const f = loadYaml('x.yaml', new TextEncoder().encode(text));
  expect(f.problems).toEqual([]);
  return checkLetter(f.data, 'x.yaml', f.locate).problems.filter((p) => p.rule === rule).map((p) => `${p.line}:${p.col} ${p.path}`);
}

/** Line:col of the nth "**" (0-based) after `from` in the text that problemsOf builds. */
function at(extra: string, from: string, nth = 0): string {
  const text = `${MINIMAL.trimEnd()}\n${extra}`;
  let i = text.indexOf('**', text.indexOf(from));
  for (let k = 0; k < nth; k++) i = text.indexOf('**', i + 2);
  const lines = text.slice(0, i).split('\n');
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

/** Line:col of the first "**" on the first line of `text` that contains `on`. */
function markOn(text: string, on: string): string {
  const lines = text.split('\n');
  const n = lines.findIndex((l) => l.includes(on));
  return `${n + 1}:${lines[n]!.indexOf('**') + 1}`;
}

function run(rule: Rule, letter: Record<string, unknown>): string[] {
  const out: string[] = [];
  rule.check(letter as Partial<Letter>, (path, message) => out.push(`${path.join('.')}: ${message}`), NO_CONTEXT);
  return out;
}

describe('bold-unpaired: the unpaired ** at its own line and column', () => {
  it('a plain scalar, the unpaired mark after a closed pair', () => {
    const extra = 'intro: Qua kiểm tra, **Ủy ban** nhận thấy ** một số';
    expect(problemsOf('bold-unpaired', extra)).toEqual([`${at(extra, 'nhận thấy')} intro`]);
  });

  it('a plain scalar folded over lines', () => {
    const extra = 'closing: Yêu cầu báo cáo\n  trước ngày **06/12/2020.\n  Hết.';
    expect(problemsOf('bold-unpaired', extra)).toEqual(['30:14 closing']);
  });

  it('double-quoted, with an escaped backslash and a \\* before it', () => {
    const extra = 'intro: "Dấu \\\\* sao, **đậm** rồi ** lẻ"';
    expect(problemsOf('bold-unpaired', extra)).toEqual([`${at(extra, 'rồi')} intro`]);
  });

  it('single-quoted', () => {
    const extra = "intro: 'Nháy ''đơn'' **lẻ'";
    expect(problemsOf('bold-unpaired', extra)).toEqual([`${at(extra, "''đơn")} intro`]);
  });

  it('a block scalar (|), not fooled by a ** in its header comment', () => {
    const extra = 'intro: |  # ** chú thích\n  Dòng một **đậm** xong.\n\n  Dòng ba ** lẻ.';
    expect(problemsOf('bold-unpaired', extra)).toEqual(['32:11 intro']);
  });

  it('findings, tasks as text, a task\'s details, appendix text and note, table cells', () => {
    const base = MINIMAL.replace(/findings:\n.*\n/, '').replace(/tasks:\n.*\n/, '');
    const extra = [
      'findings: { strengths: "a **b", weaknesses: ok }',
      'tasks:',
      '  - một **hai',
      '  - text: ba **bốn',
      '    details: [ "x", "y **z" ]',
      'appendices:',
      '  - text: t **u',
      '    note: n **o',
      '    table:',
      '      columns: [{ header: A }, { header: B }]',
      '      rows:',
      '        - [1, "**c"]',
    ].join('\n');
    const text = `${base.trimEnd()}\n${extra}`;
    expect(problemsOf('bold-unpaired', extra, base)).toEqual([
      `${markOn(text, 'strengths: "a')} findings.strengths`, `${markOn(text, 'một **')} tasks[0]`, `${markOn(text, 'ba **')} tasks[1].text`,
      `${markOn(text, 'y **z')} tasks[1].details[1]`, `${markOn(text, 't **u')} appendices[0].text`, `${markOn(text, 'n **o')} appendices[0].note`,
      `${markOn(text, '**c')} appendices[0].table.rows[0][1]`,
    ]);
  });

  it('no problem for pairs, \\* literals, or fields that are not body text (subject)', () => {
    expect(run(boldUnpaired, { intro: '**a** \\* b \\*\\* c', closing: 'x **y**', subject: 'a ** b', tasks: [{ text: 'ok', details: ['**d**'] }] })).toEqual([]);
  });

  it('in a batch, a value inherited from defaults is reported at the defaults line, an entry\'s own at the entry', async () => {
    const base = MINIMAL.trimEnd().replace(/^/gm, '  ');
    const text = `defaults:\n${base}\n  closing: "Hết **lẻ"\nletters:\n  - intro: mở **đầu\n  - output: b.docx\n`;
    const file = join(tempDir(), 'b.yaml');
    writeFileSync(file, text);
    const got = (await loadSources(file)).sources.flatMap((s) => checkLetter(s.data, file, s.locate).problems).filter((p) => p.rule === 'bold-unpaired');
    expect(got.map((p) => `${p.line}:${p.col} ${p.path}`)).toEqual([`${markOn(text, 'mở')} intro`, `${markOn(text, 'Hết')} closing`, `${markOn(text, 'Hết')} closing`]);
  });
});

describe('table-row-cells', () => {
  const table = (rows: unknown[]) => ({ appendices: [{ table: { columns: [{ header: 'STT' }, { header: 'Tên' }], rows } }] });
  it('says how many cells the columns need, row by row', () => {
    expect(run(tableRowCells, table([[1, 'a'], [2], [3, 'c', 'd']]))).toEqual([
      'appendices.0.table.rows.1: dòng 2 của bảng có 1 ô, nhưng bảng có 2 cột (STT, Tên): mỗi dòng cần đúng 2 ô; thêm 1 ô (ô trống viết ~ hoặc "")',
      'appendices.0.table.rows.2: dòng 3 của bảng có 3 ô, nhưng bảng có 2 cột (STT, Tên): mỗi dòng cần đúng 2 ô; bỏ bớt 1 ô, hoặc thêm cột',
    ]);
  });
  it('leaves sheet tables and malformed data alone', () => {
    expect(run(tableRowCells, { appendices: [{ table: { from: 'a.xlsx' } }, null, { table: { columns: 'x', rows: [[1]] } }] })).toEqual([]);
  });
  it('points at the row, block or flow style', () => {
    const extra = 'appendices:\n  - table:\n      columns: [{ header: A }, { header: B }]\n      rows:\n        - [1]\n        - - 2\n          - b\n          - c';
    expect(problemsOf('table-row-cells', extra)).toEqual(['33:11 appendices[0].table.rows[0]', '34:11 appendices[0].table.rows[1]']);
  });
});

describe('issuer-full', () => {
  const appendices = [{ text: 'x' }];
  it('asks for issuer.full when the name cannot be turned into a sentence name, with an example from the name', () => {
    expect(run(issuerFull, { issuer: { name: 'BAN QUẢN LÝ DỰ ÁN\nĐẦU TƯ XÂY DỰNG', place: 'Cần Thơ' }, appendices })).toEqual([
      'issuer.full: công văn có phụ lục: dòng "(Kèm theo Công văn … của …)" cần tên cơ quan như câu văn gọi, mà cchc không tự suy ra được từ "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG"; thêm vào issuer, ví dụ full: Ban quản lý dự án đầu tư xây dựng (viết hoa đúng các tên riêng)',
    ]);
  });
  it('adds the place of a people\'s committee parent to the example', () => {
    const [m] = run(issuerFull, { issuer: { parent: 'UBND TỈNH BÀ RỊA - VŨNG TÀU', name: 'BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP', place: 'Vũng Tàu' }, appendices });
    expect(m).toMatch(/ví dụ full: Ban quản lý các khu công nghiệp tỉnh Bà Rịa - Vũng Tàu \(/);
  });
  it('nothing when derivable, given, or without appendices', () => {
    expect(run(issuerFull, { issuer: { name: 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG' }, appendices })).toEqual([]);
    expect(run(issuerFull, { issuer: { name: 'SỞ NỘI VỤ', parent: 'UBND TỈNH KIÊN GIANG' }, appendices })).toEqual([]);
    expect(run(issuerFull, { issuer: { name: 'BAN QUẢN LÝ', full: 'Ban Quản lý' }, appendices })).toEqual([]);
    expect(run(issuerFull, { issuer: { name: 'BAN QUẢN LÝ' } })).toEqual([]);
    expect(run(issuerFull, { issuer: { name: 'BAN QUẢN LÝ' }, appendices: [] })).toEqual([]);
  });
});

describe('table-width', () => {
  const cols = (...w: (number | undefined)[]) => w.map((width, i) => ({ header: `c${i}`, ...(width ? { width } : {}) }));
  const one = (columns: unknown, landscape?: boolean) => run(tableWidth, { appendices: [{ ...(landscape ? { landscape } : {}), table: { columns, rows: [] } }] });
  it('warns when widths add up to more than the text width (165 mm portrait, 252 mm landscape), saying they will be scaled', () => {
    expect(one(cols(100, 66))).toEqual(['appendices.0.table.columns: các cột rộng tổng cộng 166 mm, hơn bề rộng vùng chữ 165 mm (trang dọc): cchc sẽ thu nhỏ các cột theo tỷ lệ; hãy giảm độ rộng hoặc dùng landscape: true']);
    expect(one(cols(100, 65))).toEqual([]);
    expect(one(cols(200, 52), true)).toEqual([]);
    expect(one(cols(200, 52.5), true)).toEqual(['appendices.0.table.columns: các cột rộng tổng cộng 252,5 mm, hơn bề rộng vùng chữ 252 mm (trang ngang): cchc sẽ thu nhỏ các cột theo tỷ lệ; hãy giảm độ rộng']);
  });
  it('warns when columns without a width are left (almost) no room', () => {
    expect(one(cols(100, 60, undefined))).toEqual(['appendices.0.table.columns: các cột có ghi độ rộng chiếm 160 mm trong 165 mm của vùng chữ (trang dọc): 1 cột không ghi độ rộng chỉ còn 5 mm mỗi cột, nên cchc thu nhỏ các cột có ghi độ rộng để mỗi cột kia có 10 mm; hãy giảm độ rộng']);
    expect(one(cols(100, 55, undefined))).toEqual([]);
    expect(one(cols(undefined, undefined))).toEqual([]);
  });
});

describe('bold-outside-text', () => {
  it('warns where ** cannot make bold (subject, recipients, titles, headers), never in body text or cells', () => {
    const got = run(boldOutsideText, {
      subject: 'a **b**', to: ['**X**'], intro: '**ok**', tasks: [{ text: '**ok**', details: ['**ok**'] }],
      appendices: [{ title: '**T**', text: '**ok**', table: { columns: [{ header: '**H**' }], rows: [['**ok**']] } }],
    });
    expect(got.map((m) => m.split(':')[0])).toEqual(['subject', 'to.0', 'appendices.0.title', 'appendices.0.table.columns.0.header']);
  });
});
