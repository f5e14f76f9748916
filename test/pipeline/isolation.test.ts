import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { SUMMARY, batch, docText, entry, errorLines, filesIn, lineOf, units, workspace } from './support.js';

/** Ten letters; entries 4 and 8 are bad (an invalid date, a missing required field). */
function tenWithTwoBad(): string {
  return batch(units(10).map((u, i) => {
    if (i === 3) return entry(u, ['date: 2020-02-30'], i + 1);
    if (i === 7) return entry(u, [], i + 1).replace(/ {4}subject: .*\n/, '');
    return entry(u, [], i + 1);
  }));
}

const summaryOf = (stderr: string) => stderr.trim().split('\n').at(-1)!;

describe('a bad entry never stops the good ones', () => {
  it('10 entries, 2 bad → 8 written, both bad ones reported at their lines, exit 1, "Đã ghi 8 tệp DOCX (8/10 công văn)"', async () => {
    const yaml = tenWithTwoBad();
    const dir = workspace({ 'dot.yaml': yaml });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(filesIn(out)).toEqual(units(10).filter((_, i) => i !== 3 && i !== 7).map((u) => `${u.toLowerCase().replace(/đơn vị số /, 'don-vi-so-')}.docx`).sort());
    const lines = errorLines(r.stderr).map((l) => Number(/dot\.yaml:(\d+):/.exec(l)![1]));
    expect(lines).toEqual([lineOf(yaml, 'date: 2020-02-30'), lineOf(yaml, '- to: [Thủ trưởng Đơn vị số 8]')]);
    expect(summaryOf(r.stderr)).toMatch(SUMMARY);
    expect(summaryOf(r.stderr)).toMatch(/^Đã ghi 8 tệp DOCX \(8\/10 công văn\); 2 công văn có lỗi nên không ghi; 2 lỗi; /);
    // Every written letter is its own, complete letter.
    expect(docText(join(out, 'don-vi-so-9.docx')).join('\n')).toContain('Đơn vị số 9');
  });

  it('a good batch exits 0 and says all were written', async () => {
    const dir = workspace({ 'dot.yaml': batch(units(3).map((u, i) => entry(u, [], i + 1))) });
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(summaryOf(r.stderr)).toMatch(/^Đã ghi 3 tệp DOCX \(3\/3 công văn\); \d/);
    expect(filesIn(join(dir, 'out'))).toHaveLength(3);
  });

  it('a file that cannot be parsed counts as one failure; the other inputs are still written', async () => {
    const dir = workspace({ 'a.yaml': batch([entry('Sở Tài chính')]), 'b.yaml': 'letters: [\n' });
    const r = await run(['render', join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'missing.yaml'), '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(filesIn(join(dir, 'out'))).toEqual(['so-tai-chinh.docx']);
    expect(summaryOf(r.stderr)).toMatch(/^Đã ghi 1 tệp DOCX \(1\/1 công văn\); 2 tệp đầu vào không đọc ra được công văn nào; /);
  });
});

describe('--fail-fast', () => {
  it('stops at the first error: nothing written when validation fails, exit 1', async () => {
    const dir = workspace({ 'dot.yaml': tenWithTwoBad() });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out, '--fail-fast']);
    expect(r.code).toBe(1);
    expect(filesIn(out)).toEqual([]);
    expect(errorLines(r.stderr).length).toBeGreaterThan(0);
    expect(summaryOf(r.stderr)).toMatch(/^Không ghi tệp nào \(0\/10 công văn\); 2 công văn có lỗi nên không ghi; /);
  });

  it('writes everything when nothing is wrong', async () => {
    const dir = workspace({ 'dot.yaml': batch(units(4).map((u, i) => entry(u, [], i + 1))) });
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out'), '--fail-fast']);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(join(dir, 'out'))).toHaveLength(4);
  });

  it('also stops for an input of a mixed run: the good single-letter file is not written either', async () => {
    const single = batch([entry('Sở Tài chính')]);
    const dir = workspace({ 'a.yaml': single, 'b.yaml': tenWithTwoBad() });
    const r = await run(['render', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--out-dir', join(dir, 'out'), '--fail-fast']);
    expect(r.code).toBe(1);
    expect(filesIn(join(dir, 'out'))).toEqual([]);
  });
});

describe('existing files and --force', () => {
  const yaml = batch([entry('Sở Tài chính', [], 1), entry('Sở Tư pháp', [], 2)]);

  it('without --force an existing file is kept byte for byte, reported on its path with its entry, exit 1; the others are written', async () => {
    const dir = workspace({ 'dot.yaml': yaml, 'out/so-tai-chinh.docx': 'bản cũ, không được ghi đè' });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'so-tai-chinh.docx'), 'utf8')).toBe('bản cũ, không được ghi đè');
    const errors = r.stderr.split('\n').filter((l) => l.includes('  error  '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`so-tai-chinh\\.docx  error  .*--force.*\\(công văn mục 1 của .*dot\\.yaml\\)`));
    expect(docText(join(out, 'so-tu-phap.docx')).join('\n')).toContain('Sở Tư pháp');
    expect(summaryOf(r.stderr)).toMatch(/^Đã ghi 1 tệp DOCX \(1\/2 công văn\); 1 công văn có lỗi nên không ghi; 1 lỗi; /);
  });

  it('with --force the existing file is replaced by the letter', async () => {
    const dir = workspace({ 'dot.yaml': yaml, 'out/so-tai-chinh.docx': 'bản cũ' });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(docText(join(out, 'so-tai-chinh.docx')).join('\n')).toContain('Sở Tài chính');
    expect(filesIn(out)).toEqual(['so-tai-chinh.docx', 'so-tu-phap.docx']);
  });

  it('running the same batch twice: the second run writes nothing and leaves the files as they were', async () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const out = join(dir, 'out');
    expect((await run(['render', join(dir, 'dot.yaml'), '--out-dir', out])).code).toBe(0);
    const before = statSync(join(out, 'so-tu-phap.docx')).mtimeMs;
    writeFileSync(join(out, 'marker'), '');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(summaryOf(r.stderr)).toMatch(/^Không ghi tệp nào \(0\/2 công văn\); 2 công văn có lỗi nên không ghi; 2 lỗi; /);
    expect(statSync(join(out, 'so-tu-phap.docx')).mtimeMs).toBe(before);
    // No temporary files left behind.
    expect(filesIn(out)).toEqual(['marker', 'so-tai-chinh.docx', 'so-tu-phap.docx']);
  });
});
