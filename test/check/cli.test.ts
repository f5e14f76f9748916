import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'docx');

describe('cchc check (CLI)', () => {
  it('passes every letter cchc renders from the examples, with no warning either', async () => {
    const out = tempDir();
    expect((await run(['render', join(ROOT, 'examples'), '--out-dir', out])).code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.docx')).map((f) => join(out, f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const r = await run(['check', ...files]);
    expect(r.stdout).toBe('');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Đúng thể thức/);
  });

  it('fails a broken letter from another writer, naming the check', async () => {
    const r = await run(['check', join(FIX, 'body-double-spacing.docx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/body-double-spacing\.docx +error +body ¶1: .*\(body-line-spacing\)/);
  });

  it('reports in json and github formats', async () => {
    const j = await run(['check', join(FIX, 'body-double-spacing.docx'), '--format', 'json']);
    const parsed = JSON.parse(j.stdout) as { problems: { rule: string }[] };
    expect(parsed.problems.every((p) => p.rule === 'body-line-spacing')).toBe(true);
    const g = await run(['check', join(ROOT, 'README.md'), '--format', 'github']);
    expect(g.code).toBe(1);
    expect(g.stdout.trim()).toMatch(/^::error file=.*README\.md,title=not-docx::/);
  });

  it('is a usage error without files', async () => {
    expect((await run(['check'])).code).toBe(2);
  });
});
