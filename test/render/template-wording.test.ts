import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Letter } from '../../src/schema/letter.js';
import { TemplateSet } from '../../src/template/engine.js';
import { ROOT } from '../helpers.js';

const MINIMAL = parse(readFileSync(join(ROOT, 'test/fixtures/good/minimal.yaml'), 'utf8')) as Letter;
const NOTICE = { number: 19, symbol: 'TB-ĐKT', date: '2020-11-30' };
let templates: TemplateSet;
beforeAll(async () => { templates = await new TemplateSet().prepare(); });

/** The body's paragraphs for the minimal letter with findings S/W, a notice N, an intro I of its own. */
function body(c: { S?: boolean; W?: boolean; N?: boolean; I?: boolean; template?: string }): string[] {
  const l = structuredClone(MINIMAL) as Letter;
  l.findings = { ...(c.S ? { strengths: 'KẾT QUẢ.' } : {}), ...(c.W ? { weaknesses: 'TỒN TẠI.' } : {}) };
  if (c.N) l.inspection = { ...l.inspection!, notice: NOTICE };
  if (c.I) l.intro = 'MỞ ĐẦU.';
  if (c.template) l.template = c.template;
  return templates.renderBody(l).map((p) => p.map((s) => s.text).join(''));
}

const COMBOS = [false, true].flatMap((S) => [false, true].flatMap((W) => [false, true].flatMap((N) => [false, true].map((I) => ({ S, W, N, I })))));

describe('the default template says only what the letter gives', () => {
  it.each(COMBOS)('strengths %#: %o', (c) => {
    const t = body(c);
    const text = t.join('\n');
    // Results are referred to only when stated.
    if (!c.S) expect(text).not.toMatch(/kết quả đạt được/);
    else expect(t).toContain('KẾT QUẢ.');
    // Weaknesses and the notice are printed when given, and said to exist only then.
    expect(t.includes('TỒN TẠI.')).toBe(c.W);
    expect(text.includes('Thông báo số 19/TB-ĐKT ngày 30/11/2020')).toBe(c.N);
    if (!c.W && !c.N) expect(text).not.toMatch(/tồn tại/);
    // Every "như sau:"/"cụ thể:" lead-in is followed by what it announces, and the tasks are always announced.
    t.forEach((p, i) => { if (/(như sau|nội dung sau|cụ thể|nhận thấy):$/.test(p)) expect(t[i + 1], p).toBeDefined(); });
    const tasks = t.indexOf('1. Tăng cường công tác chỉ đạo, điều hành.');
    expect(t[tasks - 1]).toMatch(/(yêu cầu .* (thực hiện|nội dung) .*sau|tiếp tục thực hiện tốt trong thời gian tới như sau):$/);
    // The opening: the letter's own intro, or the sentence citing the report.
    expect(t[0]).toBe(c.I ? 'MỞ ĐẦU.' : t[0]);
    if (!c.I) expect(t[0]).toMatch(/^Qua xem xét Báo cáo số 284\/BC-ĐKT ngày 30\/11\/2020 của Đoàn kiểm tra/);
  });

  it('keeps the real letters\' sentences for their cases', () => {
    expect(body({ S: true })[2]).toBe('Tuy nhiên, bên cạnh những kết quả đạt được vẫn còn một số hạn chế, cần khắc phục và tiếp tục thực hiện tốt trong thời gian tới như sau:');
    expect(body({ S: true, N: true })[2]).toMatch(/^Bên cạnh những kết quả đạt được nêu trên, UBND huyện Kiên Lương vẫn còn một số tồn tại như đã nêu tại Thông báo/);
  });

  it('without strengths, states the shortcomings plainly', () => {
    expect(body({ W: true })[1]).toBe('UBND huyện Kiên Lương còn một số tồn tại, hạn chế như sau:');
    expect(body({ N: true })[1]).toMatch(/^UBND huyện Kiên Lương còn một số tồn tại như đã nêu tại Thông báo số 19\/TB-ĐKT ngày 30\/11\/2020 của Đoàn kiểm tra công tác cải cách hành chính năm 2020\. Để thực hiện tốt hơn/);
    expect(body({})[0]).toBe('Qua xem xét Báo cáo số 284/BC-ĐKT ngày 30/11/2020 của Đoàn kiểm tra về kết quả kiểm tra công tác cải cách hành chính (CCHC) năm 2020, để công tác CCHC trong thời gian tới đạt kết quả tốt hơn, Ủy ban nhân dân tỉnh yêu cầu UBND huyện Kiên Lương thực hiện tốt một số nội dung sau:');
  });
});

describe('cong-van prints findings', () => {
  it('strengths then weaknesses, as paragraphs, after the intro and before the tasks', () => {
    const l = structuredClone(MINIMAL) as Letter;
    Object.assign(l, { template: 'cong-van', intro: 'MỞ ĐẦU.', findings: { strengths: 'Một.\n\nHai.', weaknesses: 'Ba.' } });
    expect(templates.renderBody(l).map((p) => p.map((s) => s.text).join('')).slice(0, 5)).toEqual(['MỞ ĐẦU.', 'Một.', 'Hai.', 'Ba.', '1. Tăng cường công tác chỉ đạo, điều hành.']);
  });
});
