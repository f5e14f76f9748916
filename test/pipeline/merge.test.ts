import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deepMerge } from '../../src/pipeline/merge.js';
import { type CliResult, run } from '../helpers.js';
import { DEFAULTS, batch, docText, entry, filesIn, workspace } from './support.js';

describe('deepMerge (defaults under an entry)', () => {
  it('merges objects key by key, the entry winning', () => {
    const defaults = { signer: { title: 'CHỦ TỊCH', name: 'Lâm Minh Thành' }, symbol: 'UBND-NC' };
    expect(deepMerge(defaults, { signer: { name: 'Nguyễn Văn A' } })).toEqual({
      signer: { title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' }, symbol: 'UBND-NC',
    });
  });

  it('merges nested objects at every depth', () => {
    const defaults = { inspection: { year: 2020, report: { symbol: 'BC-ĐKT', date: '2020-11-30' } } };
    const over = { inspection: { unit: 'Sở X', report: { number: 5 } } };
    expect(deepMerge(defaults, over)).toEqual({
      inspection: { year: 2020, unit: 'Sở X', report: { symbol: 'BC-ĐKT', date: '2020-11-30', number: 5 } },
    });
  });

  it('replaces lists whole, never concatenating or merging by index', () => {
    expect(deepMerge({ cc: ['A', 'B', 'C'] }, { cc: ['X'] })).toEqual({ cc: ['X'] });
    expect(deepMerge({ tasks: [{ text: 'a', details: ['1'] }] }, { tasks: [{ text: 'b' }] })).toEqual({ tasks: [{ text: 'b' }] });
  });

  it('replaces scalars, and lets a scalar or list replace an object (and the reverse)', () => {
    expect(deepMerge({ symbol: 'UBND-NC', number: 1 }, { symbol: 'UBND-VX' })).toEqual({ symbol: 'UBND-VX', number: 1 });
    expect(deepMerge({ archive: ['VT'] }, { archive: 'VT, SNV' })).toEqual({ archive: 'VT, SNV' });
    expect(deepMerge({ signer: { title: 'X' } }, { signer: 'Y' })).toEqual({ signer: 'Y' });
    expect(deepMerge({ signer: 'Y' }, { signer: { title: 'X' } })).toEqual({ signer: { title: 'X' } });
  });

  it('lets an explicit null in the entry replace a default', () => {
    expect(deepMerge({ cc: ['A'] }, { cc: null })).toEqual({ cc: null });
  });

  it('keeps defaults-only and entry-only keys', () => {
    expect(deepMerge({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(deepMerge({}, { b: 2 })).toEqual({ b: 2 });
  });

  it('never changes the defaults it merges into (each entry gets its own copy)', () => {
    const defaults = { signer: { title: 'CHỦ TỊCH', name: 'A' }, cc: ['X'] };
    const snapshot = structuredClone(defaults);
    const first = deepMerge(defaults, { signer: { name: 'B' }, cc: ['Y'] }) as { signer: Record<string, unknown> };
    first.signer.title = 'changed';
    expect(defaults).toEqual(snapshot);
    expect(deepMerge(defaults, {})).toEqual(snapshot);
  });

  it('keeps a key written "__proto__" as a plain field (so validation reports it) instead of changing the prototype', () => {
    const over = JSON.parse('{"__proto__": {"symbol": "UBND-XX"}, "to": ["A"]}') as Record<string, unknown>;
    const merged = deepMerge({ symbol: 'UBND-NC' }, over) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged).sort()).toEqual(['__proto__', 'symbol', 'to']);
    expect(merged.symbol).toBe('UBND-NC');
  });
});

describe('defaults merged under each entry, seen in the DOCX', () => {
  const yaml = batch([
    entry('UBND huyện Kiên Lương', ['output: a.docx', 'signer: { name: Nguyễn Văn An }', 'cc: [Thành viên Đoàn kiểm tra]']),
    entry('UBND huyện Giang Thành', ['output: b.docx']),
  ]);
  const dir = workspace({ 'dot.yaml': yaml });
  const out = join(dir, 'out');
  let r: CliResult;
  beforeAll(async () => { r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]); });

  it('renders both letters (inspection.year, required, came from the defaults)', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(out)).toEqual(['a.docx', 'b.docx']);
  });

  it('an entry overriding signer.name keeps signer.title from the defaults', () => {
    const t = docText(join(out, 'a.docx'));
    expect(t).toContain('Nguyễn Văn An');
    expect(t).not.toContain('Lâm Minh Thành');
    const name = t.indexOf('Nguyễn Văn An');
    expect(t.slice(0, name).filter((x) => x.trim()).at(-1)).toBe('CHỦ TỊCH');
  });

  it("an entry's cc list replaces the defaults' list (not appended)", () => {
    const t = docText(join(out, 'a.docx'));
    expect(t).toContain('- Thành viên Đoàn kiểm tra;');
    expect(t.some((x) => x.includes('CT và các PCT UBND tỉnh'))).toBe(false);
    expect(t.some((x) => x.includes('Sở Nội vụ'))).toBe(false);
  });

  it('an entry without those fields gets the defaults unchanged (the other entry did not leak into them)', () => {
    const t = docText(join(out, 'b.docx'));
    expect(t).toContain('Lâm Minh Thành');
    expect(t).not.toContain('Nguyễn Văn An');
    expect(t).toContain('- CT và các PCT UBND tỉnh;');
    expect(t).toContain('- Sở Nội vụ;');
    expect(t.some((x) => x.includes('Thành viên Đoàn kiểm tra'))).toBe(false);
  });

  it('merges inspection: the team from the defaults, unit and report from the entry', () => {
    expect(DEFAULTS).toContain('team: Đoàn Kiểm tra');
    const t = docText(join(out, 'b.docx')).join('\n');
    expect(t).toContain('Đoàn Kiểm tra');
    expect(t).toContain('UBND huyện Giang Thành');
    expect(t).toContain('101/BC-ĐKT');
  });
});
