import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, example, ROOT, run, tempDir, type CliResult } from '../helpers.js';
import { batch, entry as unitEntry } from '../pipeline/support.js';
import { MARK, simulateRenderBug } from './simulated-bug.mjs';
import { spawnSync } from 'node:child_process';

/**
 * A bug in cchc (not the user's fault) prints one line asking for a report, exits 3, and shows its details
 * only with --debug. The bugs are simulated by the tests alone (cchc has no test hooks): a command that throws
 * (its Io breaks), and a letter whose rendering throws (./simulated-bug.mjs), in this process and, on the
 * worker threads, in a real CLI process.
 */
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LETTER = example('kien-luong-2020.yaml');
const STACK_LINE = /^\s+at /m;
const REPORT = 'lỗi nội bộ — xin báo lại';
const { main } = (await import(join(ROOT, 'dist', 'cli', 'main.js'))) as typeof import('../../src/cli/main.js');

/** `cchc <args>` in this process, with a stderr whose isTTY cannot be read: the command throws before writing. */
async function commandThrows(args: string[]): Promise<CliResult> {
  let stderr = '';
  const err = {
    write: (s: string) => { stderr += s; return true; },
    get isTTY(): boolean { throw new Error(`${MARK}: lỗi giả lập trong lệnh`); },
  };
  const code = await main(args, { stdout: { write: () => true }, stderr: err, env: { ...process.env, NO_COLOR: '1' } });
  return { code, stdout: '', stderr };
}

/** `cchc <args>` in this process, while rendering a letter whose text holds MARK throws. */
async function withRenderBug(args: string[]): Promise<CliResult> {
  const restore = simulateRenderBug();
  try { return await run(args); } finally { restore(); }
}

/** n letters of units "Đơn vị k"; those for which `bug(k)` holds carry MARK in their text. */
const letters = (n: number, bug: (k: number) => boolean) =>
  batch(Array.from({ length: n }, (_, i) => unitEntry(`Đơn vị ${bug(i + 1) ? `${MARK} ` : ''}${i + 1}`, [], i + 1)));

describe('internal errors', () => {
  it('without --debug: exit 3, one line asking for a report, no stack trace', async () => {
    const r = await commandThrows(['render', LETTER, '--out-dir', join(dir, 'a')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(REPORT);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toContain(MARK);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it('with --debug: the same line, then the error and its stack', async () => {
    const r = await commandThrows(['--debug', 'render', LETTER, '--out-dir', join(dir, 'b')]);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toContain(REPORT);
    expect(r.stderr).toContain(MARK);
    expect(r.stderr).toMatch(STACK_LINE);
  });

  it('the same bug on the worker threads (30 letters, --jobs 2): each such letter fails alone, exit 3, stack only with --debug', () => {
    // A real process: the worker threads are under test, and the simulated bug must reach them (preload).
    const input = join(dir, 'dot30.yaml');
    writeFileSync(input, letters(30, (k) => k % 3 === 0));
    const preload = new URL('./simulated-bug-preload.mjs', import.meta.url).href;
    const spawnCli = (args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--import ${preload}` }, timeout: 120_000 });
      return { code: r.status, stderr: r.stderr };
    };
    const quiet = spawnCli(['render', input, '--out-dir', join(dir, 'e'), '--jobs', '2']);
    expect(quiet.code, quiet.stderr).toBe(3);
    expect(quiet.stderr).toContain(REPORT);
    expect(quiet.stderr).not.toMatch(STACK_LINE);
    expect(quiet.stderr).not.toContain(MARK);
    expect(quiet.stderr).toMatch(/Đã ghi 20 tệp DOCX \(20\/30 công văn\); 10 công văn có lỗi nên không ghi/);
    const loud = spawnCli(['--debug', 'render', input, '--out-dir', join(dir, 'f'), '--jobs', '2']);
    expect(loud.code).toBe(3);
    expect(loud.stderr).toContain(MARK);
    expect(loud.stderr).toMatch(STACK_LINE);
  });

  it('a bug while rendering letters of a batch: exit 3, a report line, the stack only with --debug', async () => {
    const input = join(dir, 'dot.yaml');
    writeFileSync(input, letters(2, () => true));
    const quiet = await withRenderBug(['render', input, '--out-dir', join(dir, 'c')]);
    expect(quiet.code).toBe(3);
    expect(quiet.stderr).toContain(REPORT);
    expect(quiet.stderr).toContain('(internal)');
    expect(quiet.stderr).not.toMatch(STACK_LINE);
    expect(quiet.stderr).not.toContain(MARK);
    expect(quiet.stderr).toMatch(/Không ghi tệp nào \(0\/2 công văn\); 2 công văn có lỗi nên không ghi/);

    const loud = await withRenderBug(['--debug', 'render', input, '--out-dir', join(dir, 'd')]);
    expect(loud.code).toBe(3);
    expect(loud.stderr).toContain(MARK);
    expect(loud.stderr).toMatch(STACK_LINE);
  });

  it('without the simulated bugs, the same commands succeed (the bug is the only cause above)', async () => {
    const r = await run(['render', LETTER, '--out-dir', join(dir, 'g')]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain(REPORT);
    const batch2 = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'h')]);
    expect(batch2.code, batch2.stderr).toBe(0);
    expect(batch2.stderr).toMatch(/Đã ghi 2 tệp DOCX \(2\/2 công văn\); \d/);
  });

  it('usage mistakes are exit 2 with a message, not internal errors', async () => {
    for (const args of [['render'], ['render', LETTER, '--jobs', 'zero'], ['render', LETTER, '-o', 'x.docx', '--out-dir', 'y'], ['khong-co-lenh'], ['render', LETTER, '--khong-co']]) {
      const r = await run(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toContain(REPORT);
    }
  });
});
