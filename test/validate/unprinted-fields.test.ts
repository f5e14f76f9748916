import Handlebars from 'handlebars';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BODY_FIELDS, unprinted, unprintedFields } from '../../src/rules/unprinted-fields.js';
import { NO_CONTEXT } from '../../src/rules/rule.js';
import { letterShape, type Letter } from '../../src/schema/letter.js';
import { printedPaths, readTree } from '../../src/template/reads.js';
import { ROOT, run, tempDir } from '../helpers.js';

const MINIMAL = parse(readFileSync(join(ROOT, 'test/fixtures/good/minimal.yaml'), 'utf8')) as Letter;
const letter = (over: Record<string, unknown> = {}): Letter => ({ ...structuredClone(MINIMAL), ...over } as Letter);
const tree = (source: string) => readTree(Handlebars.parse(source));
/** What a template (given as source) leaves out of a letter, as "path: message". */
const leftOut = (source: string, l: Letter, name = 'mau') => unprinted(l, tree(source), name).map(([p, m]) => `${p.join('.')}: ${m}`);
/** What a built-in template leaves out, through the rule as `validate` runs it. */
function builtin(l: Partial<Letter>): string[] {
  const out: string[] = [];
  unprintedFields.check(l, (path, message) => out.push(`${path.join('.')}: ${message}`), NO_CONTEXT);
  return out;
}

describe('reads: what a template prints, from its syntax tree', () => {
  const paths = (source: string, context: object) => printedPaths(tree(source), context)!.printed.map((p) => p.join('.'));

  it('mustaches print their path; helper names are not fields, their arguments are', () => {
    expect(paths('{{a}} {{b.c}} {{docRef "Báo cáo" d}} {{bodyDate (lookup e "x")}} {{#bold}}{{f}}{{/bold}}', {})).toEqual(['a', 'b.c', 'd', 'e', 'f']);
  });

  it('#if takes the branch the value decides, with Handlebars\' truthiness (empty text and list, 0 unless includeZero)', () => {
    const src = '{{#if x}}{{yes}}{{else}}{{no}}{{/if}}';
    expect(paths(src, { x: 'a' })).toEqual(['yes']);
    for (const x of ['', [], 0, null, undefined, false]) expect(paths(src, { x }), JSON.stringify(x)).toEqual(['no']);
    expect(paths('{{#if x includeZero=true}}{{yes}}{{/if}}', { x: 0 })).toEqual(['yes']);
    expect(paths('{{#unless x}}{{yes}}{{else}}{{no}}{{/unless}}', { x: 'a' })).toEqual(['no']);
    expect(paths('{{#if a}}{{p}}{{else if b}}{{q}}{{else}}{{r}}{{/if}}', { b: 1 })).toEqual(['q']);
  });

  it('#each walks the actual items (this, ../, @root, @index), #with changes the context; empty lists take {{else}}', () => {
    const ctx = { tasks: [{ text: 't0', details: ['d'] }, { text: 't1' }], top: 'x' };
    expect(paths('{{#each tasks}}{{text}} {{../top}} {{@root.top}} {{@index}}{{#each details}}{{this}}{{/each}}{{/each}}', ctx))
      .toEqual(['tasks.0.text', 'top', 'top', 'tasks.0.details.0', 'tasks.1.text', 'top', 'top']);
    expect(paths('{{#each none}}{{a}}{{else}}{{b}}{{/each}}', { none: [] })).toEqual(['b']);
    expect(paths('{{#with inspection}}{{unit}}{{/with}}', { inspection: { unit: 'u' } })).toEqual(['inspection.unit']);
  });

  it('gives up quickly on loops nested too deep to walk (rendering stops those with an error)', () => {
    const tasks = Array.from({ length: 150 }, (_, i) => ({ text: `t${i}` }));
    const t0 = performance.now();
    expect(printedPaths(tree('{{#each tasks}}{{#each ../tasks}}{{#each ../../tasks}}{{text}}{{/each}}{{/each}}{{/each}}'), { tasks })).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('says which conditions keep a print from running', () => {
    const { missed } = printedPaths(tree('{{#if closing}}{{closing}}{{else if deadline}}{{deadline}}{{/if}}'), { closing: 'c', deadline: 'd' })!;
    expect(missed).toEqual([{ path: ['deadline'], because: [{ path: ['closing'], wanted: false }] }]);
  });
});

describe('unprinted-fields with the built-in templates', () => {
  it('is quiet for the real letters\' data (every given field is printed)', () => {
    for (const f of ['kien-luong-2020.yaml', 'ban-quan-ly-kkt-2016.yaml', 'quyen-q.yaml', 'thua-lenh-tl.yaml']) {
      expect(builtin(parse(readFileSync(join(ROOT, 'examples', f), 'utf8')) as Letter), f).toEqual([]);
    }
  });

  it('deadline with a closing of the letter\'s own: not printed, in both templates, saying why', () => {
    const l = letter({ closing: 'Đề nghị thực hiện./.' });
    expect(builtin(l)).toEqual(['deadline: deadline có giá trị nhưng mẫu "chi-dao-sau-kiem-tra" chỉ in trường này khi không có closing: nội dung đó sẽ không có trong công văn']);
    expect(builtin({ ...l, template: 'cong-van', inspection: undefined })).toEqual([
      'deadline: deadline có giá trị nhưng mẫu "cong-van" chỉ in trường này khi không có closing: nội dung đó sẽ không có trong công văn',
    ]);
  });

  it('addressee and report_to belong to the template\'s closing: dropped with a closing of the letter\'s own', () => {
    const got = builtin(letter({ closing: 'Hết./.', deadline: undefined, addressee: 'Chủ tịch UBND huyện', report_to: 'Sở Nội vụ' }));
    expect(got.map((m) => m.split(':')[0])).toEqual(['addressee', 'report_to']);
  });

  it('cong-van prints findings now; the inspection it never prints is reported (its unit aside)', () => {
    const l = letter({ template: 'cong-van', intro: 'Mở đầu.', findings: { strengths: 'Tốt.', weaknesses: 'Chưa tốt.' } });
    expect(builtin(l)).toEqual([
      'inspection.year: inspection.year có giá trị nhưng mẫu "cong-van" không in trường này: nội dung đó sẽ không có trong công văn; bỏ trường, hoặc chọn mẫu có in nó',
      'inspection.report: inspection.report có giá trị nhưng mẫu "cong-van" không in trường này: nội dung đó sẽ không có trong công văn; bỏ trường, hoặc chọn mẫu có in nó',
    ]);
  });

  it('the default template with an intro of the letter\'s own does not cite the report', () => {
    expect(builtin(letter({ intro: 'Thực hiện Kế hoạch kiểm tra.' }))).toEqual([
      'inspection.year: inspection.year có giá trị nhưng mẫu "chi-dao-sau-kiem-tra" chỉ in trường này khi không có intro: nội dung đó sẽ không có trong công văn',
      'inspection.report: inspection.report có giá trị nhưng mẫu "chi-dao-sau-kiem-tra" chỉ in trường này khi không có intro: nội dung đó sẽ không có trong công văn',
    ]);
    // With a notice, the year is printed in the sentence on it.
    const notice = { number: 19, symbol: 'TB-ĐKT', date: '2020-11-30' };
    expect(builtin(letter({ intro: 'Mở đầu.', inspection: { ...MINIMAL.inspection, notice } })).map((m) => m.split(':')[0])).toEqual(['inspection.report']);
  });

  it('never reports what the layout prints whatever the template, nor the inspected unit (it names batch files)', () => {
    const l = letter({
      template: 'cong-van', intro: 'x', inspection: { unit: 'UBND huyện' }, secrecy: 'mật', circulation: 'lưu hành nội bộ', urgency: 'khẩn',
      contact: { phone: '1' }, appendices: [{ text: 'a' }], cc: ['b'], number: 1,
    });
    expect(builtin(l)).toEqual([]);
  });

  it('every field of the contract is either printed by the layout or judged here (a new field needs a decision)', () => {
    const layout = ['appendices', 'archive', 'cc', 'circulation', 'contact', 'date', 'issuer', 'number', 'secrecy', 'signer', 'subject', 'symbol', 'template', 'to', 'urgency'];
    expect(Object.keys(letterShape).sort()).toEqual([...Object.keys(BODY_FIELDS), ...layout].sort());
    const keysOf = (k: 'findings' | 'inspection') => Object.keys((letterShape[k].unwrap() as unknown as { shape: object }).shape).sort();
    expect(keysOf('findings')).toEqual([...BODY_FIELDS.findings!].sort());
    expect(keysOf('inspection')).toEqual([...BODY_FIELDS.inspection!, 'unit'].sort());
    // Each judged field is printed by some built-in template for some letter: giving it is never pointless.
    const all = letter({ addressee: 'A', report_to: 'B', task_style: 'dash', tasks: [{ text: 't', details: ['d'] }], findings: { strengths: 's', weaknesses: 'w' } });
    expect(builtin(all)).toEqual([]);
    expect(builtin({ ...all, template: 'cong-van', inspection: undefined, intro: 'i' })).toEqual([]);
    expect(builtin(letter({ closing: 'c', deadline: undefined }))).toEqual([]);
  });
});

describe('unprinted-fields with an office\'s own template', () => {
  it('names the field and the template; a group printed in part reports its missing parts', () => {
    const l = letter({ findings: { strengths: 'a', weaknesses: 'b' } });
    const src = '{{findings.strengths}}\n\n{{#each tasks}}{{label}} {{text}}\n\n{{/each}}{{inspection.year}} {{docRef "Báo cáo" inspection.report}} {{deadline}}';
    expect(leftOut(src, l, 'thong-bao')).toEqual([
      'findings.weaknesses: findings.weaknesses có giá trị nhưng mẫu "thong-bao" không in trường này: nội dung đó sẽ không có trong công văn; bỏ trường, hoặc chọn mẫu có in nó',
    ]);
  });

  it('a group none of whose parts is printed is one warning', () => {
    const l = letter({ findings: { strengths: 'a', weaknesses: 'b' } });
    expect(leftOut('{{#each tasks}}{{text}}{{/each}}{{inspection.year}}{{inspection.report}}{{deadline}}', l, 'cong-van-rieng')).toEqual([
      'findings: findings có giá trị nhưng mẫu "cong-van-rieng" không in trường này: nội dung đó sẽ không có trong công văn; bỏ trường, hoặc chọn mẫu có in nó',
    ]);
  });

  it('task details and the task style: the first task of each kind, once', () => {
    const l = letter({ task_style: 'dash', tasks: [{ text: 'a', details: ['x'] }, { text: 'b', details: ['y'] }] });
    const got = leftOut('{{#each tasks}}{{text}}{{/each}}{{findings.strengths}}{{inspection.year}}{{inspection.report}}{{deadline}}', l);
    expect(got.map((m) => m.split(':')[0])).toEqual(['tasks.0.details', 'task_style']);
  });

  it('string tasks are printed through {{text}}; the derived names map back to their fields', () => {
    const l = letter({ addressee: 'A', report_to: 'B', inspection: { ...MINIMAL.inspection, team: 'Đoàn' } });
    const src = '{{#each tasks}}{{label}} {{text}}{{/each}}{{findings.strengths}}{{addressee}}{{reportTo}}{{team}}{{issuerShort}}{{inspection.year}}{{inspection.report}}{{deadline}}';
    expect(leftOut(src, l)).toEqual([]);
    expect(leftOut(src.replace('{{team}}', ''), l).map((m) => m.split(':')[0])).toEqual(['inspection.team']);
  });
});

describe('validate and render report it, user templates included (--template-dir)', () => {
  const dir = tempDir();
  const tpl = join(dir, 'mau');
  mkdirSync(tpl);
  // An office's template without findings, and one overriding the built-in cong-van that drops the weaknesses.
  writeFileSync(join(tpl, 'thong-bao.hbs'), '{{intro}}\n\n{{#each tasks}}\n{{label}} {{text}}\n\n{{/each}}\n');
  writeFileSync(join(tpl, 'cong-van.hbs'), '{{intro}}\n\n{{findings.strengths}}\n\n{{#each tasks}}\n{{label}} {{text}}\n\n{{/each}}\n');
  const source = readFileSync(join(ROOT, 'examples/quyen-q.yaml'), 'utf8').replace(/^intro:/m, 'findings:\n  strengths: Đã làm tốt.\n  weaknesses: Còn chậm.\nintro:');
  const line = source.split('\n').findIndex((l) => l.startsWith('findings:')) + 1;
  writeFileSync(join(dir, 'tb.yaml'), source.replace('template: cong-van', 'template: thong-bao'));
  writeFileSync(join(dir, 'cv.yaml'), source);

  it('validate: the field and the template, at the field', async () => {
    const r = await run(['validate', join(dir, 'tb.yaml'), '--template-dir', tpl]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`tb.yaml:${line + 1}:3  warning  findings: findings có giá trị nhưng mẫu "thong-bao" không in trường này`);
    // Without the folder the template is unknown (an error), and nothing is said about its fields.
    const without = await run(['validate', join(dir, 'tb.yaml')]);
    expect(without.stdout).not.toContain('unprinted-fields');
  });

  it('an office\'s template that overrides a built-in one is judged as written', async () => {
    const own = await run(['validate', join(dir, 'cv.yaml'), '--template-dir', tpl]);
    expect(own.stdout).toMatch(/findings\.weaknesses: findings\.weaknesses có giá trị nhưng mẫu "cong-van" không in trường này.*\(unprinted-fields\)/);
    expect((await run(['validate', join(dir, 'cv.yaml')])).stdout).not.toContain('unprinted-fields');
  });

  it('render prints the same warning and still writes the letter', async () => {
    const out = join(dir, 'tb.docx');
    const r = await run(['render', join(dir, 'tb.yaml'), '-o', out, '--template-dir', tpl]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning {2}findings: findings có giá trị nhưng mẫu "thong-bao" không in trường này.*\(unprinted-fields\)/);
    expect(existsSync(out)).toBe(true);
  });
});
