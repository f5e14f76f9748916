import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExistsError } from '../../src/files/atomic.js';
import { StagedWriter } from '../../src/files/staged.js';
import { tempDir } from '../helpers.js';

// The render workers' atomic writes (src/files/staged.ts): each thread stages its files in a folder of its own.
describe('StagedWriter', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('writes the file whole, and leaves nothing else behind once closed', () => {
    const dir = tempDir();
    const w = new StagedWriter();
    w.write(join(dir, 'a.docx'), bytes('AAA'), false);
    w.write(join(dir, 'b.docx'), bytes('BBB'), false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.cchc-'))).toHaveLength(1);
    w.close();
    expect(readdirSync(dir).sort()).toEqual(['a.docx', 'b.docx']);
    expect(readFileSync(join(dir, 'b.docx'), 'utf8')).toBe('BBB');
  });

  it('never replaces an existing file without force, and keeps its bytes', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.docx'), 'OLD');
    const w = new StagedWriter();
    expect(() => w.write(join(dir, 'a.docx'), bytes('NEW'), false)).toThrow(ExistsError);
    w.close();
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['a.docx']);
  });

  it('replaces it with force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.docx'), 'OLD');
    const w = new StagedWriter();
    w.write(join(dir, 'a.docx'), bytes('NEW'), true);
    w.close();
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('NEW');
    expect(readdirSync(dir)).toEqual(['a.docx']);
  });

  it('stages beside each destination folder (one folder per destination folder, removed on close)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'huyen'));
    const w = new StagedWriter();
    w.write(join(dir, 'a.docx'), bytes('A'), false);
    w.write(join(dir, 'huyen', 'b.docx'), bytes('B'), false);
    expect(readdirSync(join(dir, 'huyen')).some((f) => f.startsWith('.cchc-'))).toBe(true);
    w.close();
    expect(readdirSync(dir).sort()).toEqual(['a.docx', 'huyen']);
    expect(readdirSync(join(dir, 'huyen'))).toEqual(['b.docx']);
  });

  it('a missing destination folder gives the plain write error (ENOENT), not a staging error', () => {
    const dir = tempDir();
    const w = new StagedWriter();
    let code: string | undefined;
    try { w.write(join(dir, 'missing', 'a.docx'), bytes('A'), false); } catch (e) { code = (e as NodeJS.ErrnoException).code; }
    w.close();
    expect(code).toBe('ENOENT');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
