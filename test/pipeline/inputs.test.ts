import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, run } from '../helpers.js';
import { allFilesIn, batch, docText, entry, errorLines, filesIn, single, workspace } from './support.js';

describe('a folder as input', () => {
  it('renders every .yaml and .yml file in it (single letters and batches), not other files, not subfolders', async () => {
    const dir = workspace({
      'in/dot.yaml': batch([entry('Sở Tài chính', [], 1), entry('Sở Tư pháp', [], 2)]),
      'in/kien-luong.yml': single('UBND huyện Kiên Lương', 3),
      'in/GHI-CHU.YAML': single('Sở Y tế', 4),
      'in/notes.txt': 'not a letter',
      'in/old/ignored.yaml': single('Sở Xây dựng', 5),
    });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'in'), '--out-dir', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(out)).toEqual(['GHI-CHU.docx', 'kien-luong.docx', 'so-tai-chinh.docx', 'so-tu-phap.docx']);
    expect(docText(join(out, 'kien-luong.docx')).join('\n')).toContain('UBND huyện Kiên Lương');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^Đã ghi 4 tệp DOCX \(4\/4 công văn\); \d/);
  });

  it('a folder with no YAML file is an error, exit 1', async () => {
    const dir = workspace({ 'in/readme.txt': 'x' });
    const r = await run(['render', join(dir, 'in'), '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.yaml/.yml');
    expect(filesIn(join(dir, 'out'))).toEqual([]);
  });

  it('the examples folder renders as a whole', async () => {
    const dir = workspace();
    const r = await run(['render', join(example('x'), '..'), '--out-dir', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(join(dir, 'out'))).toContain('kien-luong-2020.docx');
    expect(filesIn(join(dir, 'out'))).toContain('ubnd-huyen-giang-thanh.docx');
  });
});

describe('many files, single letters and batches mixed', () => {
  it('writes one DOCX per single-letter file (named after the file) and one per batch entry', async () => {
    const dir = workspace({
      'a.yaml': single('UBND huyện Kiên Lương', 1),
      'b.yaml': batch([entry('Sở Tài chính', [], 2), entry('Sở Tư pháp', [], 3)]),
      'c.yml': single('Sở Y tế', 4),
    });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'c.yml'), '--out-dir', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(out)).toEqual(['a.docx', 'c.docx', 'so-tai-chinh.docx', 'so-tu-phap.docx']);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^Đã ghi 4 tệp DOCX \(4\/4 công văn\); \d/);
  });

  it('the same file named twice, in different spellings (through its folder, "./in/b.yaml", absolute), is rendered once', async () => {
    const dir = workspace({ 'in/b.yaml': batch([entry('Sở Tài chính')]) });
    const r = await run(['render', 'in', './in/b.yaml', join(dir, 'in', 'b.yaml'), '--out-dir', 'out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('output-collision');
    expect(filesIn(join(dir, 'out'))).toEqual(['so-tai-chinh.docx']);
  });

  it('a single-letter file and a batch entry on the same name collide: both reported, neither written', async () => {
    const dir = workspace({ 'so-tai-chinh.yaml': single('Sở Tài chính'), 'b.yaml': batch([entry('Sở Tài chính'), entry('Sở Tư pháp')]) });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'so-tai-chinh.yaml'), join(dir, 'b.yaml'), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr).filter((l) => l.includes('(output-collision)'))).toHaveLength(2);
    expect(filesIn(out)).toEqual(['so-tu-phap.docx']);
  });
});

describe('-o with batches', () => {
  it('-o with several letters is a usage error (exit 2) and writes nothing, not even next to the batch', async () => {
    const dir = workspace({ 'b.yaml': batch([entry('Sở Tài chính'), entry('Sở Tư pháp')]) });
    const r = await run(['render', join(dir, 'b.yaml'), '-o', join(dir, 'x.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out-dir');
    expect(allFilesIn(dir)).toEqual(['b.yaml']);
  });

  it('-o with two single-letter files is a usage error and writes nothing', async () => {
    const dir = workspace({ 'a.yaml': single('Sở Tài chính'), 'b.yaml': single('Sở Tư pháp') });
    const r = await run(['render', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '-o', join(dir, 'x.docx')]);
    expect(r.code).toBe(2);
    expect(allFilesIn(dir)).toEqual(['a.yaml', 'b.yaml']);
  });

  it('-o with a batch of one letter writes that letter to the -o path', async () => {
    const dir = workspace({ 'b.yaml': batch([entry('Sở Tài chính', ['output: ignored.docx'])]) });
    const r = await run(['render', join(dir, 'b.yaml'), '-o', join(dir, 'x.docx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(allFilesIn(dir)).toEqual(['b.yaml', 'x.docx']);
    expect(docText(join(dir, 'x.docx')).join('\n')).toContain('Sở Tài chính');
  });

  it('-o and --out-dir together are a usage error', async () => {
    const dir = workspace({ 'b.yaml': batch([entry('Sở Tài chính')]) });
    const r = await run(['render', join(dir, 'b.yaml'), '-o', join(dir, 'x.docx'), '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});
