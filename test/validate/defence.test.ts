import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { brief, good, validateJson } from './support.js';

/**
 * Hostile or broken input is an error, found quickly and without exhausting memory: huge files, files with
 * hundreds of thousands of values, alias bombs, duplicate keys in huge maps, other encodings, empty files.
 * The fixed fixtures are in fixtures.test.ts; these are generated, being large or binary.
 */
const minimal = readFileSync(good('minimal'), 'utf8');

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await f();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

describe('cchc validate on hostile and broken files', () => {
  const dir = tempDir();

  it('a file over 5 MB is an error at 1:1, without being parsed', async () => {
    const file = join(dir, 'lon.yaml');
    // Valid YAML all the way: only the size is wrong. 5 MB + 1 byte.
    writeFileSync(file, minimal + '#'.repeat(5 * 1024 * 1024 + 1 - Buffer.byteLength(minimal)));
    const { value: r, seconds } = await timed(() => validateJson([file]));
    expect(brief(r.report)).toEqual(['1:1 error file-too-large']);
    expect(r.report.problems[0]!.message).toMatch(/tệp quá lớn \(5\.0 MB\), giới hạn là 5 MB/);
    expect(r.code).toBe(1);
    expect(seconds).toBeLessThan(15);
  });

  it('a file of exactly 5 MB is read (the limit is "more than 5 MB")', async () => {
    const file = join(dir, 'vua.yaml');
    writeFileSync(file, minimal + '#'.repeat(5 * 1024 * 1024 - Buffer.byteLength(minimal)));
    const r = await validateJson([file]);
    expect(r.report.problems).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('under 5 MB but millions of tiny values ("[1,1,1,…") is refused before the tree is built', async () => {
    const file = join(dir, 'day-dac.yaml');
    // Parsed, this would take about a minute and gigabytes of memory.
    writeFileSync(file, `a: [${'1,'.repeat(2_400_000)}1]\n`);
    const { value: r, seconds } = await timed(() => validateJson([file]));
    expect(brief(r.report)).toEqual(['1:1 error file-too-large']);
    expect(r.report.problems[0]!.message).toMatch(/quá nhiều giá trị/);
    expect(seconds).toBeLessThan(20);
  });

  it('a map of 40,000 keys with one duplicate: found in linear time (yaml\'s own check is quadratic)', async () => {
    const file = join(dir, 'nhieu-khoa.yaml');
    const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1`);
    writeFileSync(file, `findings:\n${keys.join('\n')}\n  k0: 2\n`);
    const { value: r, seconds } = await timed(() => validateJson([file]));
    expect(brief(r.report)).toEqual(['40002:3 error duplicate-key']);
    expect(r.report.problems[0]!.message).toMatch(/khóa "k0" bị lặp lại \(đã viết ở dòng 2\)/);
    expect(seconds).toBeLessThan(15);
  });

  it('a legacy-encoded file (TCVN3/VNI/Latin-1 bytes) is an encoding error at the first bad byte', async () => {
    const file = join(dir, 'tcvn3.yaml');
    const text = Buffer.from(minimal.replace('place: Kiên Giang', 'place: Ki\u0000n Giang'), 'utf8');
    text[text.indexOf(0)] = 0xd5; // "ê" in TCVN3: a lone byte that is not UTF-8
    writeFileSync(file, text);
    const r = await validateJson([file]);
    expect(brief(r.report)).toEqual(['4:12 error encoding']);
    expect(r.report.problems[0]!.message).toMatch(/không phải UTF-8/);
    expect(r.code).toBe(1);
  });

  it('a UTF-16 file (Notepad "Unicode") is an encoding error at 1:1', async () => {
    const file = join(dir, 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal, 'utf16le')]));
    const r = await validateJson([file]);
    expect(brief(r.report)).toEqual(['1:1 error encoding']);
    expect(r.report.problems[0]!.message).toMatch(/UTF-16/);
  });

  it('a UTF-8 byte-order mark is fine', async () => {
    const file = join(dir, 'bom.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal, 'utf8')]));
    const r = await validateJson([file]);
    expect(r.report.problems).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a folder with no YAML file is an io error, exit 1', async () => {
    const empty = tempDir();
    const r = await validateJson([empty]);
    expect(r.report.problems.map((p) => [p.file, p.line, p.col, p.rule])).toEqual([[empty, 0, 0, 'io']]);
    expect(r.code).toBe(1);
  });

  it('an alias bomb 9 levels deep is stopped at once', async () => {
    const file = join(dir, 'bom-bi-danh.yaml');
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const n of 'bcdefghi') { lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`); prev = n; }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { value: r, seconds } = await timed(() => validateJson([file]));
    expect(brief(r.report)).toEqual(['1:1 error alias-limit']);
    expect(seconds).toBeLessThan(10);
  });
});
