import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, run, tempDir } from '../helpers.js';

/** A letter using template `name` from a fresh folder holding `source`, with `tasks` tasks. */
function setup(name: string, source: string, tasks: number) {
  const dir = tempDir();
  mkdirSync(join(dir, 'mau'));
  writeFileSync(join(dir, 'mau', `${name}.hbs`), source);
  const list = Array.from({ length: tasks }, (_, i) => `"Nhiệm vụ ${i + 1}"`).join(', ');
  const yaml = readFileSync(example('quyen-q.yaml'), 'utf8').replace('template: cong-van', `template: ${name}`).replace(/^intro:/m, `tasks: [${list}]\nintro:`);
  writeFileSync(join(dir, 'cv.yaml'), yaml);
  return { dir, file: join(dir, 'cv.yaml'), out: join(dir, 'cv.docx'), tpl: join(dir, 'mau') };
}

describe('template limits', () => {
  it('stops nested {{#each}} loops that would run for minutes, naming the template', async () => {
    const loops = '{{#each tasks}}{{#each ../tasks}}{{#each ../../tasks}}{{#each ../../../tasks}}x{{/each}}{{/each}}{{/each}}{{/each}}';
    const t = setup('vong-lap', loops, 150);
    const started = Date.now();
    const r = await run(['render', t.file, '-o', t.out, '--templates', t.tpl]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/vong-lap\.hbs: mẫu lặp quá 20000 lần.*\(template\)/);
  });

  it('allows ordinary loops, and {{log}} prints nothing', async () => {
    const t = setup('nhat-ky', '{{log "bí mật"}}{{#each tasks}}{{label}} {{text}}\n\n{{/each}}', 150);
    const r = await run(['render', t.file, '-o', t.out, '--templates', t.tpl]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('bí mật');
  });

  it('says "quá nhiều mục" when a list passes its limit', async () => {
    const t = setup('it-muc', '{{intro}}', 201);
    const r = await run(['render', t.file, '-o', t.out, '--templates', t.tpl]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tasks: quá nhiều mục: tối đa 200/);
  });
});
