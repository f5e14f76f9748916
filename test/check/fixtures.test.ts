/**
 * The checker against DOCX files written by python-docx (and LibreOffice), made by
 * scripts/check-fixtures/make.py: the conforming letter and its legitimate variants give no error; each broken
 * variant gives exactly the error rule it breaks, nothing unrelated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, checkDocx, checkFile } from '../../src/check/index.js';
import { ND30 } from '../../src/decree/nd30.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'docx');
const expected: Record<string, string[]> = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const load = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));
const errorRules = (f: string) => [...new Set(checkDocx(load(f), f).filter((p) => p.severity === 'error').map((p) => p.rule))].sort();

describe('DOCX fixtures', () => {
  it('has the conforming letter, a LibreOffice copy of it, and a broken file per check', () => {
    expect(expected['ok.docx']).toEqual([]);
    expect(Object.keys(expected).length).toBeGreaterThan(40);
    const broken = new Set(Object.values(expected).flat());
    const untested = CHECKS.map((c) => c.id).filter((id) => !broken.has(id));
    // text-color is a warning.
    expect(untested.sort()).toEqual(['text-color']);
  });

  for (const [file, rules] of Object.entries(expected)) {
    it(`${file} → ${rules.length === 0 ? 'no errors' : rules.join(', ')}`, () => {
      expect(errorRules(file)).toEqual([...rules].sort());
    });
  }

  it('says where and quotes the paragraph', () => {
    const ps = checkDocx(load('font-arial.docx'), 'font-arial.docx');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ file: 'font-arial.docx', line: 0, col: 0, severity: 'error', rule: 'font-family', path: 'body ¶3' });
    expect(ps[0]!.message).toContain('Arial');
    expect(ps[0]!.message).toContain('“1. Tăng cường');
  });

  it('gives margins in millimetres and quotes the decree (from src/decree/nd30.ts)', () => {
    const ps = checkDocx(load('margin-left-25.docx'), 'x.docx');
    expect(ps.map((p) => p.message)).toEqual([`Lề trái 25 mm (Nghị định 30: “${ND30.margin.leftMm.says}”)`]);
    expect(ND30.margin.leftMm.says).toContain('30 - 35 mm');
  });

  it('quotes the decree’s wording for the part in a look message', () => {
    const [p] = checkDocx(load('quoc-hieu-size-14.docx'), 'x.docx');
    expect(p!.message).toBe(`Quốc hiệu: cỡ chữ 14 pt (phải 12–13 pt): “${ND30.nationalTitle.text}” (Nghị định 30: “${ND30.nationalTitle.sizePt.says}”)`);
  });

  it('names Nơi nhận items and signer lines by their position', () => {
    const nn = checkDocx(load('noi-nhan-missing-semicolon.docx'), 'x.docx');
    expect(nn.map((p) => p.path)).toEqual(['noi-nhan ¶2']);
    const sg = checkDocx(load('signer-name-uppercase.docx'), 'x.docx');
    expect(sg.map((p) => p.path)).toEqual(['signer ¶4']);
  });

  it('sums up a repeated problem instead of flooding', () => {
    const ps = checkDocx(load('font-theme.docx'), 'x.docx');
    expect(ps.length).toBeLessThanOrEqual(6);
    expect(ps[ps.length - 1]!.message).toMatch(/và \d+ chỗ khác/);
  });

  it('reads a file from disk the same way', async () => {
    expect(await checkFile(join(DIR, 'date-unpadded.docx'))).toEqual(checkDocx(load('date-unpadded.docx'), join(DIR, 'date-unpadded.docx')));
  });

  it('lists every check once, with a Vietnamese doc line', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(c.doc).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
  });
});
