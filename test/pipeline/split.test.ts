import { describe, expect, it } from 'vitest';
import { loadInParts as load, SPLIT_BYTES } from '../../src/load/split.js';
import { loadYaml } from '../../src/load/yaml.js';
import { batch, DEFAULTS, entry, units } from './support.js';

const enc = new TextEncoder();
/** The test batch is smaller than SPLIT_BYTES, to keep the test fast: it lowers the threshold. */
const loadInParts = (file: string, bytes: Uint8Array) => load(file, bytes, 256 * 1024);

/** A batch large enough to be read entry by entry (> 256 KB), with a few problems in it. */
function bigBatch(edit: (entries: string[]) => void = () => {}): string {
  const entries = units(800).map((u, i) => entry(u, [`# mục ${i + 1}`], i + 1));
  edit(entries);
  return `# Đợt kiểm tra\n${batch(entries, DEFAULTS)}extra_top: 1\n`;
}

describe('a large batch is read entry by entry, with the same result as a whole-file parse', () => {
  const text = bigBatch((e) => {
    e[9] = e[9]!.replace('number: 10', 'number: 10\n    dealine: 2020-12-29');
    e[499] = e[499]!.replace('number: 500', 'number: 500\n    symbol: ubnd nc\n    cc:\n      - Sở Nội vụ\n      - |\n        nhiều dòng\n        - không phải mục mới');
  });
  const bytes = enc.encode(text);
  const parts = loadInParts('dot.yaml', bytes)!;
  const whole = loadYaml('dot.yaml', bytes);

  it('splits it (the file is large and plain)', () => {
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    expect(parts).not.toBeNull();
  });

  it('gives the same data and problems', () => {
    expect(parts.problems).toEqual(whole.problems);
    expect(parts.data).toEqual(whole.data);
    expect((parts.data as { letters: unknown[] }).letters).toHaveLength(800);
  });

  it('places every path where the whole-file parse does', () => {
    const paths: [(string | number)[], boolean][] = [
      [['letters', 9, 'dealine'], true], [['letters', 499, 'symbol'], false], [['letters', 499, 'cc', 1], false],
      [['letters', 0], false], [['letters', 799, 'inspection', 'unit'], false], [['letters', 3, 'nothing'], false],
      [['defaults', 'signer', 'title'], false], [['extra_top'], true], [['letters'], false],
    ];
    for (const [path, key] of paths) {
      expect(parts.locate(path, { key }), path.join('.')).toEqual(whole.locate(path, { key }));
      expect(parts.has(path), path.join('.')).toBe(whole.has(path));
    }
  });

  it('reports a syntax error inside an entry at its line in the file', () => {
    const broken = enc.encode(bigBatch((e) => { e[600] = e[600]!.replace('number: 601', 'number: [601'); }));
    const p = loadInParts('dot.yaml', broken)!;
    const line = new TextDecoder().decode(broken).split('\n').findIndex((l) => l.includes('number: [601')) + 1;
    expect(p.problems.some((x) => x.rule === 'yaml-syntax' && x.line >= line && x.line <= line + 8)).toBe(true);
    expect(p.data).toBeUndefined();
  });

  it('leaves files with anchors, aliases or odd layouts to the whole-file parser', () => {
    expect(loadInParts('x.yaml', enc.encode(bigBatch((e) => { e[1] = e[1]!.replace('number: 2', 'number: &n 2'); })))).toBeNull();
    expect(loadInParts('x.yaml', enc.encode(bigBatch().replace('letters:\n', 'letters: # danh sách\n\n')))).not.toBeNull();
    expect(loadInParts('x.yaml', enc.encode(bigBatch().replace(/^letters:\n/m, 'letters: []\nletters:\n')))).toBeNull();
    expect(loadInParts('x.yaml', enc.encode(batch(units(3).map((u) => entry(u)))))).toBeNull(); // small: whole
    expect(load('x.yaml', enc.encode(bigBatch()))).toBeNull(); // below the real threshold
    expect(SPLIT_BYTES).toBeGreaterThan(enc.encode(bigBatch()).length);
  });
});

describe('a batch whose defaults come after the list', () => {
  // The head is parsed without the list's lines: what follows the list must still be found at its own lines.
  const entries = units(800).map((u, i) => entry(u, [], i + 1));
  const text = `letters:\n${entries.join('')}${DEFAULTS.replace('symbol: UBND-NC', 'symbol: UBND-NC\n  symbol: UBND-NC')}extra_top: 1\n`;
  const bytes = enc.encode(text);
  const parts = loadInParts('dot.yaml', bytes)!;
  const whole = loadYaml('dot.yaml', bytes);

  it('is split, and reports the duplicate key in defaults at its line, as a whole-file parse does', () => {
    expect(parts).not.toBeNull();
    expect(whole.problems.some((p) => p.rule === 'duplicate-key')).toBe(true);
    expect(parts.problems).toEqual(whole.problems);
    expect(parts.problems[0]!.line).toBe(text.split('\n').findIndex((l, i, all) => l.includes('symbol:') && all[i - 1]!.includes('symbol:')) + 1);
  });

  it('places the keys after the list where the whole-file parse does', () => {
    const clean = enc.encode(text.replace('symbol: UBND-NC\n  symbol: UBND-NC', 'symbol: UBND-NC'));
    const p = loadInParts('dot.yaml', clean)!;
    const w = loadYaml('dot.yaml', clean);
    for (const [path, key] of [[['defaults', 'signer', 'title'], false], [['defaults'], true], [['extra_top'], true], [['letters', 5, 'number'], false]] as const) {
      expect(p.locate(path, { key }), path.join('.')).toEqual(w.locate(path, { key }));
    }
    expect(p.data).toEqual(w.data);
  });
});
