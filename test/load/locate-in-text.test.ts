import { describe, expect, it } from 'vitest';
import { loadInParts } from '../../src/load/split.js';
import { loadYaml, type Position } from '../../src/load/yaml.js';

const enc = new TextEncoder();
const BOLD = /\*\*/g;

/** Line and column (1-based) of the nth occurrence of `needle` in `text`, counted by hand. */
function where(text: string, needle: string, nth = 0, from = 0): Position {
  let at = text.indexOf(needle, from);
  for (let k = 0; k < nth; k++) at = text.indexOf(needle, at + needle.length);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

describe('locate: a place inside a text value', () => {
  const text = [
    'plain: mở **đậm',                         // line 1
    '  tiếp** và ** lẻ',                        // line 2: plain scalar folded over two lines
    'double: "có \\\\* rồi ** lẻ"',             // a double-quoted escape before the mark
    "single: 'nháy ''đơn'' **'",
    'block: |  # chú thích ** không tính',
    '  dòng một **',
    '  dòng hai ** nữa',
    'folded: >-',
    '  gấp **',
    '  lại',
    'list:',
    '  - [1, "ô **", ô ba **]',
  ].join('\n');
  const f = loadYaml('x.yaml', enc.encode(text));
  const loc = (path: (string | number)[], nth: number) => f.locate(path, { inText: { pattern: BOLD, nth } });

  it('parses (the fixture is valid YAML)', () => {
    expect(f.problems).toEqual([]);
  });

  it('plain scalars, on the first and a folded line', () => {
    expect(loc(['plain'], 0)).toEqual(where(text, '**'));
    expect(loc(['plain'], 1)).toEqual({ line: 2, col: 7 });
    expect(loc(['plain'], 2)).toEqual({ line: 2, col: 13 });
  });

  it('double- and single-quoted scalars (escapes and doubled quotes before the mark)', () => {
    expect(loc(['double'], 0)).toEqual(where(text, '** lẻ"'));
    expect(loc(['single'], 0)).toEqual(where(text, "**'"));
  });

  it('block scalars: the header comment is not the text', () => {
    expect(loc(['block'], 0)).toEqual({ line: 6, col: 12 });
    expect(loc(['block'], 1)).toEqual({ line: 7, col: 12 });
    expect(loc(['folded'], 0)).toEqual({ line: 9, col: 7 });
  });

  it('items of a flow list, quoted and plain', () => {
    expect(loc(['list', 0, 1], 0)).toEqual(where(text, '**"'));
    expect(loc(['list', 0, 2], 0)).toEqual(where(text, '**]'));
  });

  it('falls back to the value when the text has fewer matches, or the value is not text', () => {
    expect(loc(['plain'], 7)).toEqual(f.locate(['plain']));
    expect(loc(['list', 0], 0)).toEqual(f.locate(['list', 0]));
    expect(loc(['list', 0, 0], 0)).toEqual(f.locate(['list', 0, 0]));
    expect(loc(['nowhere'], 0)).toEqual(f.locate(['nowhere']));
  });

  it('with key, points at the key as before', () => {
    expect(f.locate(['plain'], { key: true, inText: { pattern: BOLD, nth: 0 } })).toEqual({ line: 1, col: 1 });
  });

  it('a large batch read entry by entry places it as the whole-file parse does', () => {
    const entry = (i: number) => `  - subject: "số ${i}"\n    intro: |\n      Mở đầu ${i} **đậm\n      hết** rồi ** lẻ\n`;
    const big = `letters:\n${Array.from({ length: 300 }, (_, i) => entry(i)).join('')}`;
    const bytes = enc.encode(big);
    // Read in parts: "**" after a space is inline bold, not a YAML alias that would stop the split.
    const parts = loadInParts('b.yaml', bytes, 8 * 1024)!;
    const whole = loadYaml('b.yaml', bytes);
    expect(parts).not.toBeNull();
    for (const i of [0, 150, 299]) {
      const opts = { inText: { pattern: BOLD, nth: 2 } };
      const got = parts.locate(['letters', i, 'intro'], opts);
      expect(got).toEqual(whole.locate(['letters', i, 'intro'], opts));
      expect(got).toEqual(where(big, '** lẻ', 0, big.indexOf(`Mở đầu ${i} `)));
    }
  });
});
