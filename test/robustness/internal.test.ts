import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, example, tempDir } from '../helpers.js';
import { batch, entry } from './support.js';

/**
 * A bug in cchc (not the user's fault) prints one line asking for a report, exits 3, and shows its details
 * only with --debug. Proved with the hidden hook CCHC_TEST_INTERNAL_ERROR: "1" makes the render command throw,
 * "letter" makes rendering each letter throw.
 */
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LETTER = example('kien-luong-2020.yaml');
const STACK_LINE = /^\s+at /m;
const REPORT = 'lỗi nội bộ — xin báo lại';

describe('internal errors', () => {
  it('without --debug: exit 3, one line asking for a report, no stack trace', () => {
    const r = cli(['render', LETTER, '--out-dir', join(dir, 'a')], { env: { CCHC_TEST_INTERNAL_ERROR: '1' } });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(REPORT);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toContain('CCHC_TEST_INTERNAL_ERROR');
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it('with --debug: the same line, then the error and its stack', () => {
    const r = cli(['--debug', 'render', LETTER, '--out-dir', join(dir, 'b')], { env: { CCHC_TEST_INTERNAL_ERROR: '1' } });
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toContain(REPORT);
    expect(r.stderr).toContain('CCHC_TEST_INTERNAL_ERROR');
    expect(r.stderr).toMatch(STACK_LINE);
  });

  it('the same bug on the worker threads (30 letters, --jobs 2): every letter fails alone, exit 3, stack only with --debug', () => {
    const input = join(dir, 'dot30.yaml');
    writeFileSync(input, batch(Array.from({ length: 30 }, (_, i) => entry(i + 1))));
    const quiet = cli(['render', input, '--out-dir', join(dir, 'e'), '--jobs', '2'], { env: { CCHC_TEST_INTERNAL_ERROR: 'letter' } });
    expect(quiet.code, quiet.stderr).toBe(3);
    expect(quiet.stderr).toContain(REPORT);
    expect(quiet.stderr).not.toMatch(STACK_LINE);
    expect(quiet.stderr).toMatch(/Đã ghi 0 tệp, lỗi 30/);
    const loud = cli(['--debug', 'render', input, '--out-dir', join(dir, 'f'), '--jobs', '2'], { env: { CCHC_TEST_INTERNAL_ERROR: 'letter' } });
    expect(loud.code).toBe(3);
    expect(loud.stderr).toContain('CCHC_TEST_INTERNAL_ERROR');
    expect(loud.stderr).toMatch(STACK_LINE);
  });

  it('a bug while rendering letters of a batch: exit 3, a report line, the stack only with --debug', () => {
    const input = join(dir, 'dot.yaml');
    writeFileSync(input, batch([entry(1), entry(2)]));
    const quiet = cli(['render', input, '--out-dir', join(dir, 'c')], { env: { CCHC_TEST_INTERNAL_ERROR: 'letter' } });
    expect(quiet.code).toBe(3);
    expect(quiet.stderr).toContain(REPORT);
    expect(quiet.stderr).toContain('(internal)');
    expect(quiet.stderr).not.toMatch(STACK_LINE);
    expect(quiet.stderr).toMatch(/Đã ghi 0 tệp, lỗi 2/);

    const loud = cli(['--debug', 'render', input, '--out-dir', join(dir, 'd')], { env: { CCHC_TEST_INTERNAL_ERROR: 'letter' } });
    expect(loud.code).toBe(3);
    expect(loud.stderr).toContain('CCHC_TEST_INTERNAL_ERROR');
    expect(loud.stderr).toMatch(STACK_LINE);
  });

  it('without the hook, the same command succeeds (the hook is the only cause above)', () => {
    const r = cli(['render', LETTER, '--out-dir', join(dir, 'e')]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain(REPORT);
  });

  it('usage mistakes are exit 2 with a message, not internal errors', () => {
    for (const args of [['render'], ['render', LETTER, '--jobs', 'zero'], ['render', LETTER, '-o', 'x.docx', '--out-dir', 'y'], ['khong-co-lenh'], ['render', LETTER, '--khong-co']]) {
      const r = cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toContain(REPORT);
    }
  });
});
