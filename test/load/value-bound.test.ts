import { describe, expect, it } from 'vitest';
import { lexedValues, valueBound } from '../../src/load/yaml.js';

/**
 * The node limit's quick scan (src/load/yaml.ts, valueBound) lets a file skip the lexer only when it cannot hold
 * more values than the limit: the scan must never count fewer values than the lexer finds, or a file of millions
 * of tiny values could reach the parser.
 */
describe('valueBound: never fewer than the values the lexer finds', () => {
  const COUNT = Number(process.env.BOUND_COUNT ?? 20_000);
  // A small seeded generator (mulberry32): the same strings on every run.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const PIECES = ['a', 'bc', ' ', '  ', '\n', '\r\n', '\r', '\t', ':', ': ', '- ', '-', '? ', ',', '[', ']', '{', '}', '"', "'", '*a', '*', '&x ', '!t ', '!!str ', '#', '|', '>', '|-\n', '---', '...', '%YAML 1.2\n', '1', 'ệ', '\\', '@', '`'];

  it(`on ${COUNT} random strings of YAML's significant characters`, () => {
    const next = random(2020);
    let worst = 0;
    for (let k = 0; k < COUNT; k++) {
      let text = '';
      const len = 1 + Math.floor(next() * 40);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      const lexed = lexedValues(text);
      expect(lexed, JSON.stringify(text)).toBeLessThanOrEqual(valueBound(text));
      worst = Math.max(worst, lexed / valueBound(text));
    }
    // Not loose everywhere: some strings come close to it.
    expect(worst).toBeGreaterThan(0.6);
  });

  it('on the shapes of value bombs and of real letters', () => {
    for (const text of [`a: [${'1,'.repeat(5000)}1]`, `${'- 1\n'.repeat(5000)}`, `${'[a]'.repeat(3000)}`, `${'*a '.repeat(3000)}`, `${'{a: b}'.repeat(2000)}`,
      `${'"a"b'.repeat(2000)}`, `x: &a ${'[*a, '.repeat(500)}`, 'subject: "V/v kiểm tra, đôn đốc"\ntasks:\n  - Rà soát, công khai thủ tục.\n  - "Cập nhật: kết quả"\n']) {
      expect(lexedValues(text), text.slice(0, 40)).toBeLessThanOrEqual(valueBound(text));
    }
  });
});
