import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../src/pipeline/progress.js';
import { BIN, run } from '../helpers.js';
import { SUMMARY, batch, entry, errorLines, filesIn, units, workspace } from './support.js';

/** 30 letters (enough for the worker pool), the 5th with a typo'd key. */
const yaml = batch(units(30).map((u, i) => entry(u, i === 4 ? ['dealine: 2020-12-29'] : [], i + 1)));
const PROGRESS = /công văn ·|cv\/s|\r/;
const ANSI = /\x1b\[/;

function expectOnlyErrorsAndSummary(r: { stdout: string; stderr: string }) {
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(PROGRESS);
  expect(r.stderr).not.toMatch(ANSI);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(2);
  expect(errorLines(r.stderr)).toEqual([lines[0]]);
  expect(lines[1]).toMatch(SUMMARY);
  expect(lines[1]).toMatch(/^Đã ghi 29 tệp DOCX \(29\/30 công văn\); 1 công văn có lỗi nên không ghi; /);
}

describe('off a terminal', () => {
  it('prints nothing but the errors and the one-line summary (no progress, no colour even without NO_COLOR)', async () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out'), '--jobs', '2'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.code).toBe(1);
    expectOnlyErrorsAndSummary(r);
    expect(filesIn(join(dir, 'out'))).toHaveLength(29);
  });

  it('--quiet: the same', async () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out'), '--quiet']);
    expect(r.code).toBe(1);
    expectOnlyErrorsAndSummary(r);
  });

  it('a clean batch prints only the summary line', async () => {
    const dir = workspace({ 'dot.yaml': batch(units(3).map((u, i) => entry(u, [], i + 1))) });
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([expect.stringMatching(/^Đã ghi 3 tệp DOCX \(3\/3 công văn\); \d+\.\d\d s$/)]);
  });
});

/** Runs the CLI on a pseudo-terminal (util-linux `script`); stdout and stderr arrive together. */
function onTty(args: string[], env: Record<string, string>) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-q', '-e', '-c', quoted, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout };
}

describe.runIf(process.platform === 'linux' && existsSync('/usr/bin/script'))('on a terminal', () => {
  it('shows a progress line (cleared at the end), then the errors and the summary', () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const r = onTty(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out')], { NO_COLOR: '1' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\r\d+\/29 công văn · \d+ cv\/s · còn ~\d+\.\d s/);
    expect(r.out).toContain('\r\x1b[K');
    expect(r.out).toMatch(/Đã ghi 29 tệp DOCX \(29\/30 công văn\); 1 công văn có lỗi nên không ghi; 1 lỗi; \d+\.\d\d s/);
  });

  it('respects NO_COLOR: no colour codes with it, colour without it', () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const plain = onTty(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'a')], { NO_COLOR: '1' });
    const coloured = onTty(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'b')], { NO_COLOR: '' });
    const COLOUR = /\x1b\[\d+m/;
    expect(plain.out).toContain('error');
    expect(plain.out).not.toMatch(COLOUR);
    expect(coloured.out).toMatch(COLOUR);
  });

  it('--quiet on a terminal: no progress line, only the errors and the summary', () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const r = onTty(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out'), '--quiet'], { NO_COLOR: '1' });
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/công văn ·/);
    const lines = r.out.split(/\r?\n/).filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Đã ghi 29 tệp DOCX \(29\/30 công văn\); 1 công văn có lỗi nên không ghi; /);
  });
});

describe('Progress', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('draws done/total on one line and clears it at the end', () => {
    let text = '';
    const p = new Progress(3, { write: (s: string) => { text += s; } });
    p.tick(); p.tick(); p.tick();
    p.done();
    expect(text).toMatch(/^\r1\/3 công văn/);
    expect(text).toContain('\r3/3 công văn');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing when disabled', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const p = new Progress(3, undefined);
    p.tick(); p.tick(); p.tick();
    p.done();
    expect(write).not.toHaveBeenCalled();
  });
});
