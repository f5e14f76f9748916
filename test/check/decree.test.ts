/**
 * The decree lives once: its fixed texts and its wording appear in src/decree/nd30.ts and nowhere else in src/
 * (comments aside), and the checks take their ranges from it rather than from number literals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ND30 } from '../../src/decree/nd30.js';
import { ROOT } from '../helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The code of a file without its comments (a rough cut: enough for literals). */
const code = (path: string) => readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every string in the decree table long enough to be a fixed text or a quotation of the decree. */
function texts(v: unknown): string[] {
  // Short labels ("Kính gửi", "Công văn") are everyday words in messages and help; from 12 characters on, a
  // string is a fixed text (Quốc hiệu, Tiêu ngữ, marks, the font) or the decree's wording.
  if (typeof v === 'string') return v.length >= 12 ? [v] : [];
  if (Array.isArray(v)) return v.flatMap(texts);
  if (v && typeof v === 'object') return Object.values(v).flatMap(texts);
  return [];
}

const SRC = join(ROOT, 'src');
const outside = files(SRC).filter((f) => !f.startsWith(join(SRC, 'decree')));

describe('the decree table is the only place the decree is written', () => {
  it('has the fixed texts and quotations to look for', () => {
    expect(texts(ND30)).toContain(ND30.nationalTitle.text);
    expect(texts(ND30)).toContain(ND30.margin.leftMm.says);
    expect(texts(ND30).length).toBeGreaterThan(30);
  });

  it('no other source file spells a fixed text or quotes the decree', () => {
    const found = outside.flatMap((f) => {
      const c = code(f);
      return texts(ND30).filter((t) => c.includes(t)).map((t) => `${relative(ROOT, f)}: ${t}`);
    });
    expect(found).toEqual([]);
  });

  it('no check writes a size or length range as a literal', () => {
    const found = files(join(SRC, 'check')).flatMap((f) =>
      [...code(f).matchAll(/\[\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*\]|\bsize:\s*\[/g)].map((m) => `${relative(ROOT, f)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
