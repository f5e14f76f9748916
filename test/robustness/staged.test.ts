import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ExistsError } from '../../src/files/atomic.js';
import { removeStaging, StagedWriter, stagingFolder } from '../../src/files/staged.js';
import { tempDir } from '../helpers.js';

// The render workers' atomic writes (src/files/staged.ts): each thread stages its files in a folder of its own
// under a staging root (the output folder), then gives each its final name.
describe('StagedWriter', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('writes the file whole; only the (empty) staging folder is left, and removeStaging takes it', () => {
    const dir = tempDir();
    const w = new StagedWriter();
    w.write(dir, join(dir, 'a.docx'), bytes('AAA'), false);
    w.write(dir, join(dir, 'b.docx'), bytes('BBB'), true);
    expect(readdirSync(stagingFolder(dir, threadId))).toEqual([]);
    removeStaging(dir, threadId);
    expect(readdirSync(dir).sort()).toEqual(['a.docx', 'b.docx']);
    expect(readFileSync(join(dir, 'b.docx'), 'utf8')).toBe('BBB');
  });

  it('a staged file has no final name until committed; removeStaging discards what was never committed', () => {
    const dir = tempDir();
    const w = new StagedWriter();
    const tmp = w.stage(dir, bytes('EARLY'));
    w.stage(dir, bytes('DROPPED'));
    expect(readdirSync(dir)).toEqual([`.cchc-${process.pid}-${threadId}`]);
    w.commit(tmp, join(dir, 'a.docx'), false);
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('EARLY');
    removeStaging(dir, threadId);
    expect(readdirSync(dir)).toEqual(['a.docx']);
  });

  it('never replaces an existing file without force, keeps its bytes, and removes the staged file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.docx'), 'OLD');
    const w = new StagedWriter();
    expect(() => w.write(dir, join(dir, 'a.docx'), bytes('NEW'), false)).toThrow(ExistsError);
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('OLD');
    expect(readdirSync(stagingFolder(dir, threadId))).toEqual([]);
  });

  it('replaces it with force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.docx'), 'OLD');
    new StagedWriter().write(dir, join(dir, 'a.docx'), bytes('NEW'), true);
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('NEW');
  });

  it('commits into a subfolder of the staging root (made after the file was staged)', () => {
    const dir = tempDir();
    const w = new StagedWriter();
    const tmp = w.stage(dir, bytes('B'));
    mkdirSync(join(dir, 'huyen'));
    w.commit(tmp, join(dir, 'huyen', 'b.docx'), false);
    expect(readFileSync(join(dir, 'huyen', 'b.docx'), 'utf8')).toBe('B');
    expect(readdirSync(stagingFolder(dir, threadId))).toEqual([]);
  });

  it('a staging root that does not exist is an ENOENT error, and nothing is made', () => {
    const dir = tempDir();
    let code: string | undefined;
    try { new StagedWriter().stage(join(dir, 'missing'), bytes('A')); } catch (e) { code = (e as NodeJS.ErrnoException).code; }
    expect(code).toBe('ENOENT');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
