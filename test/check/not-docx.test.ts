import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocx, checkFile } from '../../src/check/index.js';
import { docx, W } from './docx.js';

const one = (bytes: Uint8Array) => {
  const ps = checkDocx(bytes, 'x.docx');
  expect(ps).toHaveLength(1);
  expect(ps[0]).toMatchObject({ file: 'x.docx', line: 0, col: 0, severity: 'error', rule: 'not-docx' });
  return ps[0]!.message;
};

describe('not a DOCX', () => {
  it('an empty file', () => expect(one(new Uint8Array())).toContain('rỗng'));
  it('a text file', () => expect(one(strToU8('Kính gửi: Chủ tịch UBND huyện.\n'))).toContain('không phải tệp nén ZIP'));
  it('random bytes', () => expect(one(new Uint8Array([0x50, 0x4b, 1, 2, 3, 4, 5, 6, 7, 8]))).toContain('ZIP'));
  it('a zip without word/document.xml', () => expect(one(zipSync({ 'a.txt': strToU8('x') }))).toContain('word/document.xml'));
  it('a file over 50 MB', () => expect(one(new Uint8Array(50 * 1024 * 1024 + 1))).toContain('50 MB'));

  it('malformed XML in the document', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body><w:p></w:body></w:document>`) });
    expect(one(bytes)).toMatch(/word\/document\.xml .*XML/);
  });

  it('a document that is not WordprocessingML', () => {
    expect(one(zipSync({ 'word/document.xml': strToU8('<html/>') }))).toContain('w:document');
  });

  it('a part that is not UTF-8', () => {
    const bytes = zipSync({ 'word/document.xml': new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]) });
    expect(one(bytes)).toContain('UTF-8');
  });

  it('malformed styles', () => {
    const bytes = docx({ body: '<w:p/>', styles: '<w:style>' });
    expect(one(bytes)).toContain('styles.xml');
  });

  it('a missing file or a directory, through checkFile', async () => {
    const dir = mkdtempSync(join(process.env.CCHC_TEST_TMP ?? tmpdir(), 'cchc-check-'));
    for (const path of [join(dir, 'none.docx'), dir]) {
      const ps = await checkFile(path);
      expect(ps).toHaveLength(1);
      expect(ps[0]).toMatchObject({ file: path, rule: 'not-docx', severity: 'error' });
    }
    const big = join(dir, 'big.docx');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024 + 1); // sparse: nothing is written
    expect((await checkFile(big)).map((p) => p.message)).toEqual([expect.stringContaining('50 MB')]);
    const txt = join(dir, 'letter.docx');
    writeFileSync(txt, 'not a zip');
    expect((await checkFile(txt)).map((p) => p.rule)).toEqual(['not-docx']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('never throws, whatever the bytes (damaged copies of a real letter)', () => {
    const ok = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'docx', 'ok.docx')));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(ok.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = ok.slice();
        for (const [at, v] of edits) bytes[at] = v;
        expect(Array.isArray(checkDocx(bytes, 'x.docx'))).toBe(true);
      }),
      { numRuns: 60 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => checkDocx(b, 'x').length >= 1));
  });
});
