import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, paragraphs, run, tempDir, unzipDocx } from '../helpers.js';

describe('an office\'s own template (--templates)', () => {
  const dir = tempDir();
  const tpl = join(dir, 'mau');
  mkdirSync(tpl);
  writeFileSync(join(tpl, 'thong-bao.hbs'), 'Thông báo tới {{addressee}} & các đơn vị: {{intro}}\n\n{{#each tasks}}\n{{label}} {{text}}\n\n{{/each}}\n{{#bold}}Hạn {{bodyDate deadline}}{{/bold}}\n');
  const yaml = join(dir, 'tb.yaml');
  writeFileSync(yaml, readFileSync(example('quyen-q.yaml'), 'utf8').replace('template: cong-van', 'template: thong-bao'));

  it('renders with the template found in the folder', async () => {
    const out = join(dir, 'tb.docx');
    const r = await run(['render', yaml, '-o', out, '--templates', tpl]);
    expect(r.code, r.stderr).toBe(0);
    const t = paragraphs(unzipDocx(out)['word/document.xml']!);
    expect(t.some((x) => x.startsWith('Thông báo tới Trưởng phòng Nội vụ các huyện, thành phố & các đơn vị: Sở Nội vụ tổ chức'))).toBe(true);
  });

  it('reports the template as unknown without the folder, at the template line', async () => {
    const r = await run(['render', yaml, '-o', join(dir, 'x.docx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tb\.yaml:3:11 +error +template: không có mẫu "thong-bao".*\(template-fields\)/);
  });

  it('is a usage error when the folder does not exist', async () => {
    expect((await run(['render', yaml, '--templates', join(dir, 'none')])).code).toBe(2);
  });
});
