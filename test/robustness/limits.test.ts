import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { example, ROOT, run, tempDir, unzipDocx } from '../helpers.js';
import { batch, docxFileProblem, entry, STACK } from './support.js';

/** Every input limit is a clear error (exit 1, the rule named), never a slow run, a crash or exhausted memory. */
const { LIMITS } = await import(pathToFileURL(join(ROOT, 'dist', 'load', 'limits.js')).href) as {
  LIMITS: { fileBytes: number; nodes: number; aliases: number; depth: number; letters: number; listItems: number; textChars: number };
};
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LETTER = readFileSync(example('kien-luong-2020.yaml'), 'utf8');
let n = 0;

/** Renders `text` as a letter file; returns the CLI result and where the DOCX would be. */
async function render(text: string | Buffer) {
  const name = `l${n++}`;
  const input = join(dir, `${name}.yaml`);
  writeFileSync(input, text);
  const t0 = Date.now();
  const r = await run(['render', input, '--out-dir', join(dir, 'out')]);
  return { ...r, ms: Date.now() - t0, out: join(dir, 'out', `${name}.docx`) };
}

/** The letter with a list field replaced by `count` items. */
function withList(key: 'tasks' | 'to' | 'cc', count: number): string {
  const items = Array.from({ length: count }, (_, i) => `  - Mục thứ ${i + 1} của danh sách`).join('\n');
  return LETTER.replace(new RegExp(`^${key}:\\n(?:  .*\\n)+`, 'm'), `${key}:\n${items}\n`);
}

function refused(r: Awaited<ReturnType<typeof render>>, rule: string, words: RegExp) {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain(`(${rule})`);
  expect(r.stderr).toMatch(words);
  expect(r.stderr).not.toMatch(STACK);
  expect(() => readFileSync(r.out)).toThrow();
}

describe('input limits', () => {
  it(`a file over ${LIMITS.fileBytes / 1048576} MB is refused without being read`, async () => {
    const big = Buffer.alloc(LIMITS.fileBytes + 1, 0x20);
    big.write('# lớn\n');
    const r = await render(big);
    refused(r, 'file-too-large', /tệp quá lớn .* giới hạn là 5 MB/);
    expect(r.ms).toBeLessThan(20_000);
  });

  it.runIf(process.platform === 'linux')('a device that never ends (/dev/zero) is read only up to the limit', async () => {
    const t0 = Date.now();
    const r = await run(['render', '/dev/zero', '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(file-too-large)');
    expect(r.stderr).not.toMatch(STACK);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it(`an alias bomb (more than ${LIMITS.aliases} alias expansions) is refused quickly`, async () => {
    const bomb = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let k = 1; k <= 9; k++) bomb.push(`a${k}: &a${k} [${Array(9).fill(`*a${k - 1}`).join(', ')}]`);
    const r = await render(`${bomb.join('\n')}\n${LETTER}`);
    refused(r, 'alias-limit', /bí danh/);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('a few aliases are fine (and the letter renders)', async () => {
    const r = await render(LETTER.replace(/^  unit: (.*)$/m, '  unit: &unit $1').replace(/^cc:\n/m, 'cc:\n  - *unit\n'));
    expect(r.code, r.stderr).toBe(0);
    expect(docxFileProblem(r.out)).toBeNull();
    expect(unzipDocx(r.out)['word/document.xml']).toContain('- UBND huyện Kiên Lương;');
  });

  it(`nesting deeper than ${LIMITS.depth} levels is refused, however deep (no stack overflow)`, async () => {
    for (const depth of [LIMITS.depth + 2, 1000, 50_000]) {
      const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const r = await render(`${LETTER}extra: ${deep}\n`);
      refused(r, 'depth-limit', new RegExp(`lồng nhau quá sâu \\(giới hạn ${LIMITS.depth} cấp\\)`));
    }
  });

  it(`a file of more than ${LIMITS.nodes} small values is refused quickly, before it is parsed`, async () => {
    const r = await render(`${LETTER}many: [${'1,'.repeat(LIMITS.nodes + 10)}1]\n`);
    refused(r, 'file-too-large', /quá nhiều giá trị/);
    expect(r.ms).toBeLessThan(20_000);
  });

  it(`a value longer than ${LIMITS.textChars} characters is refused`, async () => {
    const r = await render(LETTER.replace(/^subject: .*$/m, `subject: ${'chữ '.repeat(LIMITS.textChars / 4 + 1)}`));
    refused(r, 'text-limit', new RegExp(`quá dài .*giới hạn ${LIMITS.textChars}`));
  });

  for (const key of ['tasks', 'to', 'cc'] as const) {
    it(`${key}: ${LIMITS.listItems} items render, ${LIMITS.listItems + 1} are refused`, async () => {
      const ok = await render(withList(key, LIMITS.listItems));
      expect(ok.code, ok.stderr).toBe(0);
      expect(docxFileProblem(ok.out)).toBeNull();
      const tooMany = await render(withList(key, LIMITS.listItems + 1));
      refused(tooMany, 'schema', new RegExp(`${key}: .*${LIMITS.listItems}`));
    });
  }

  it(`a batch of more than ${LIMITS.letters} letters is refused before any is checked`, async () => {
    const r = await render(batch(Array.from({ length: LIMITS.letters + 1 }, () => '  - {}\n')));
    refused(r, 'limit', new RegExp(`quá nhiều công văn .*giới hạn ${LIMITS.letters}`));
    expect(r.ms).toBeLessThan(30_000);
  });

  it('YAML tags that are not plain data (!!binary, !!js/function, custom) are refused', async () => {
    for (const tag of ['!!binary AAEC', '!!js/function "function () { return 1 }"', '!thing x', '!!set {a, b}', '!!timestamp 2020-12-22']) {
      const r = await render(LETTER.replace(/^symbol: .*$/m, `symbol: ${tag}`));
      refused(r, 'yaml-tag', /thẻ YAML/);
    }
  });

  it('a list or map used as a key is refused', async () => {
    const r = await render(`${LETTER}? [a, b]\n: 1\n`);
    refused(r, 'yaml-syntax', /khóa phải là một tên trường/);
    expect(r.stderr).not.toMatch(/Warning/);
  });

  it('a batch entry that fails a limit does not stop the others', async () => {
    const r = await render(batch([entry(1), entry(2, [`cc: [${Array(LIMITS.listItems + 1).fill('x').join(', ')}]`]), entry(3)]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Đã ghi 2 tệp DOCX \(2\/3 công văn\); 1 công văn có lỗi nên không ghi/);
    for (const k of [1, 3]) expect(docxFileProblem(join(dir, 'out', `don-vi-${k}.docx`))).toBeNull();
  });
});
