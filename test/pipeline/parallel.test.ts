import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/check/index.js';
import { cli, type CliResult, run } from '../helpers.js';
import { allFilesIn, batch, entry, errorLines, filesIn, lineOf, single, units, workspace } from './support.js';

const slug = (n: number) => `don-vi-so-${n}.docx`;

/** Runs the CLI and reports which threads ran (0 = main; others are render workers). */
function cliThreads(args: string[]): CliResult & { workers: number } {
  const log = join(workspace(), 'threads.log');
  const probe = new URL('./thread-probe.mjs', import.meta.url).href;
  const r = cli(args, { env: { NODE_OPTIONS: `--import ${probe}`, CCHC_THREAD_LOG: log } });
  const ids = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map(Number) : [];
  if (!ids.includes(0)) throw new Error('the thread probe did not run');
  return { ...r, workers: ids.filter((id) => id !== 0).length };
}
const parts = (path: string) => unzipSync(new Uint8Array(readFileSync(path)));

describe('a batch of 60 letters on the worker pool (--jobs 2)', () => {
  const dir = workspace({ 'dot.yaml': batch(units(60).map((u, i) => entry(u, [], i + 1))) });
  const out = join(dir, 'out');
  const inline = join(dir, 'inline');
  let pool: ReturnType<typeof cliThreads>;
  let one: ReturnType<typeof cliThreads>;
  beforeAll(() => {
    pool = cliThreads(['render', join(dir, 'dot.yaml'), '--out-dir', out, '--jobs', '2']);
    one = cliThreads(['render', join(dir, 'dot.yaml'), '--out-dir', inline, '--jobs', '1']);
  });

  it('renders on exactly 2 worker threads with --jobs 2, and on none with --jobs 1', () => {
    expect(pool.workers).toBe(2);
    expect(one.workers).toBe(0);
  });

  it('writes 60 files and says so', () => {
    expect(pool.code, pool.stderr).toBe(0);
    expect(filesIn(out)).toEqual(Array.from({ length: 60 }, (_, i) => slug(i + 1)).sort());
    expect(pool.stderr.trim().split('\n').at(-1)).toMatch(/^Đã ghi 60 tệp DOCX \(60\/60 công văn\); \d/);
  });

  it('every file is a valid DOCX (ND30 checker finds no error) holding its own letter, not a neighbour’s', () => {
    for (let n = 1; n <= 60; n++) {
      const bytes = new Uint8Array(readFileSync(join(out, slug(n))));
      expect(checkDocx(bytes, slug(n)).filter((p) => p.severity === 'error'), slug(n)).toEqual([]);
      const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
      expect(xml).toContain(`Đơn vị số ${n} đã triển khai`);
      expect(xml).toContain(`Số: ${String(n).padStart(2, '0')}/UBND-NC`);
    }
  });

  it('renders the same word/document.xml as the inline path (--jobs 1)', () => {
    expect(one.code, one.stderr).toBe(0);
    for (let n = 1; n <= 60; n++) {
      expect(Buffer.from(parts(join(out, slug(n)))['word/document.xml']!).equals(Buffer.from(parts(join(inline, slug(n)))['word/document.xml']!)), slug(n)).toBe(true);
    }
  });

  it('renders 24 letters or fewer in the main thread, even with --jobs', () => {
    const small = workspace({ 'dot.yaml': batch(units(24).map((u, i) => entry(u, [], i + 1))) });
    const r = cliThreads(['render', join(small, 'dot.yaml'), '--out-dir', join(small, 'out'), '--jobs', '4']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.workers).toBe(0);
    expect(filesIn(join(small, 'out'))).toHaveLength(24);
  });

  it('rejects --jobs that is not a whole number ≥ 1 (usage error, exit 2, nothing written)', async () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const o = join(dir, `bad-${bad}`);
      const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', o, '--jobs', bad]);
      expect(r.code, bad).toBe(2);
      expect(filesIn(o)).toEqual([]);
    }
  });
});

describe('the batch and single code paths produce the same DOCX for the same letter', () => {
  const UNIT = 'Đơn vị số 17';
  // Entry 17 of a 30-entry batch (> 24 letters: rendered on worker threads with --jobs 2) and the same letter alone.
  const dir = workspace({
    'dot.yaml': batch(units(30).map((u, i) => entry(u, [], i + 1))),
    'alone.yaml': single(UNIT, 17),
  });
  const fromBatch = join(dir, 'out', slug(17));
  const alone = join(dir, 'alone.docx');
  let b: ReturnType<typeof cliThreads>;
  let s: ReturnType<typeof cliThreads>;
  beforeAll(() => {
    b = cliThreads(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out'), '--jobs', '2']);
    s = cliThreads(['render', join(dir, 'alone.yaml'), '-o', alone]);
  });

  it('the batch ran on worker threads, the single letter in the main thread', () => {
    expect(b.code, b.stderr).toBe(0);
    expect(b.workers).toBe(2);
    expect(s.code, s.stderr).toBe(0);
    expect(s.workers).toBe(0);
  });

  it('word/document.xml is byte-identical', () => {
    const a = parts(alone)['word/document.xml']!;
    const b = parts(fromBatch)['word/document.xml']!;
    expect(new TextDecoder().decode(a)).toContain(UNIT);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('every part is byte-identical', () => {
    const a = parts(alone);
    const b = parts(fromBatch);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    const differing = Object.keys(a).filter((k) => !Buffer.from(a[k]!).equals(Buffer.from(b[k]!)));
    expect(differing).toEqual([]);
  });

  it('the whole .docx file is byte-identical', () => {
    expect(readFileSync(alone).equals(readFileSync(fromBatch))).toBe(true);
  });
});

describe('a file that cannot be written on the worker-pool path fails alone', () => {
  // The workers only render; the main thread writes. A write that fails there (here: --force over a folder
  // that has the letter's name) must fail that letter only, with its location, and every other letter is written.
  const dir = workspace({ 'dot.yaml': batch(units(30).map((u, i) => entry(u, [], i + 1))) });
  const out = join(dir, 'out');
  let r: ReturnType<typeof cliThreads>;
  beforeAll(() => {
    mkdirSync(join(out, slug(7)), { recursive: true });
    writeFileSync(join(out, slug(7), 'keep.txt'), 'do not lose me');
    r = cliThreads(['render', join(dir, 'dot.yaml'), '--out-dir', out, '--jobs', '2', '--force']);
  });

  it('renders on the workers, writes 29 files, reports the one on its output path with its entry, exits 1', () => {
    expect(r.workers).toBe(2);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^Đã ghi 29 tệp DOCX \(29\/30 công văn\); 1 công văn có lỗi nên không ghi; 1 lỗi; /);
    const errors = r.stderr.split('\n').filter((l) => l.includes('  error  '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${slug(7)}  error  đây là một thư mục`);
    expect(errors[0]).toMatch(/\(công văn mục 7 của .*dot\.yaml\)/);
    expect(filesIn(out)).toHaveLength(30);
    expect(readFileSync(join(out, slug(7), 'keep.txt'), 'utf8')).toBe('do not lose me');
    expect(allFilesIn(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the workers’ temporary folders', () => {
  // Each render thread stages its files in a folder of its own beside the destination (src/files/staged.ts);
  // none may be left once the run ends, in the output folder or in a subfolder named by `output`.
  it('are all removed after a run on the worker pool, subfolders included', () => {
    const entries = units(40).map((u, i) => entry(u, i % 2 ? [`output: huyen/so-${i + 1}.docx`] : [], i + 1));
    const dir = workspace({ 'dot.yaml': batch(entries) });
    const out = join(dir, 'out');
    const r = cliThreads(['render', join(dir, 'dot.yaml'), '--out-dir', out, '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.workers).toBe(2);
    expect(allFilesIn(out)).toHaveLength(40);
    expect(filesIn(out).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(filesIn(join(out, 'huyen')).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(filesIn(join(out, 'huyen'))).toHaveLength(20);
  });
});
