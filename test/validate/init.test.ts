import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterShape } from '../../src/schema/letter.js';
import { ROOT, run, tempDir } from '../helpers.js';
import { validateJson } from './support.js';

describe('cchc init', () => {
  for (const template of ['chi-dao-sau-kiem-tra', 'cong-van']) {
    it(`writes a ${template} starter that validates with no problem at all, and renders`, async () => {
      const dir = tempDir();
      const file = join(dir, 'thu-moi.yaml');
      const r = await run(['init', '--template', template, file]);
      expect(r.code).toBe(0);
      const v = await validateJson([file]);
      expect(v.report.problems).toEqual([]);
      expect(v.code).toBe(0);
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^template: ${template}$`, 'm'));
      const out = join(dir, 'thu-moi.docx');
      expect((await run(['render', file, '-o', out])).code).toBe(0);
      expect(existsSync(out)).toBe(true);
    });
  }

  it('the schema line resolves, from the new file, to the repository\'s letter.schema.json', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    expect((await run(['init', file])).code).toBe(0);
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(m).not.toBeNull();
    expect(resolve(dirname(file), m![1]!)).toBe(join(ROOT, 'letter.schema.json'));
  });

  it('--schema puts the given URL on that line', async () => {
    const file = join(tempDir(), 'a.yaml');
    expect((await run(['init', '--schema', 'https://example.org/letter.schema.json', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=https://example.org/letter.schema.json');
  });

  it('explains every field of the contract (each appears, commented out when optional)', async () => {
    const file = join(tempDir(), 'a.yaml');
    await run(['init', file]);
    const text = readFileSync(file, 'utf8');
    const missing = Object.keys(letterShape).filter((k) => !new RegExp(`^#? ?${k}:`, 'm').test(text));
    expect(missing).toEqual([]);
    // Comments are Vietnamese: a line with diacritics after "#".
    expect(text).toMatch(/^# .*[ăâđêôơưáàảãạ]/m);
  });

  it('refuses to overwrite an existing file (exit 1, file unchanged); --force overwrites', async () => {
    const file = join(tempDir(), 'da-co.yaml');
    writeFileSync(file, 'giữ nguyên\n');
    const r = await run(['init', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('giữ nguyên\n');
    expect((await run(['init', '--force', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server:/);
  });

  it('creates the folder when it does not exist yet', async () => {
    const file = join(tempDir(), 'con', 'chau', 'a.yaml');
    expect((await run(['init', file])).code).toBe(0);
    expect((await validateJson([file])).report.problems).toEqual([]);
  });

  it('a file name is required (usage error 2)', async () => expect((await run(['init'])).code).toBe(2));
});
