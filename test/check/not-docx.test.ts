import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkDocx, checkFile } from '../../src/check/index.js';
import { docx, rawZip, W } from './docx.js';

/** Raw DEFLATE of `mb` megabytes of spaces, built from one flushed megabyte repeated: a bomb made in milliseconds. */
function spaces(mb: number): Uint8Array {
  const one = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return new Uint8Array(Buffer.concat([...Array.from({ length: mb }, () => one), Buffer.from([0x03, 0x00])]));
}

const xmlDoc = (inner: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`);

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

  it.each([
    ['a character reference to U+0000', '<w:p><w:r><w:t>a&#0;b</w:t></w:r></w:p>', 'mã ký tự'],
    ['a raw U+0001', '<w:p><w:r><w:t>a\u0001b</w:t></w:r></w:p>', 'ký tự U+0001 không được phép'],
    ['"--" inside a comment', '<!-- sửa -- lần 2 --><w:p/>', 'chú thích chứa "--"'],
    ['a namespaced attribute twice', `<w:p xmlns:x="${W}"><w:pPr><w:jc w:val="both" x:val="left"/></w:pPr></w:p>`, 'thuộc tính bị lặp'],
  ])('XML Word refuses: %s (the part and the position are named)', (_, inner, why) => {
    const msg = one(zipSync({ 'word/document.xml': xmlDoc(inner) }));
    expect(msg).toMatch(/^Phần word\/document\.xml của tệp DOCX không phải XML hợp lệ \(Word không mở được\), dòng 1, cột \d+: /);
    expect(msg).toContain(why);
  });

  it('XML Word refuses: an XML declaration that is not at the start', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(`\n<?xml version="1.0"?><w:document xmlns:w="${W}"/>`) });
    expect(one(bytes)).toMatch(/dòng 2, cột \d+: khai báo <\?xml …\?> không nằm ở đầu tệp/);
  });

  it('a part that inflates past the size it declares (a zip bomb) is refused', () => {
    // 300 MB of spaces declared as 1,000 bytes: refused once the 1,001st byte comes out.
    const msg = one(rawZip([{ name: 'word/document.xml', data: spaces(300), declared: 1000 }]));
    expect(msg).toBe('Phần word/document.xml giải nén ra nhiều hơn kích thước nó khai báo (1000 byte): tệp nén bất thường.');
  });

  it('a part that declares more than 64 MB is refused before inflating', () => {
    const msg = one(rawZip([{ name: 'word/document.xml', data: spaces(1), declared: 300 * 1024 * 1024 }]));
    expect(msg).toBe('Phần word/document.xml khai báo 300 MB khi giải nén, quá giới hạn 64 MB.');
  });

  it('a part that does not say its size (data descriptor) still stops at 64 MB', () => {
    const bytes = rawZip([{ name: 'word/document.xml', data: spaces(80), declared: 0 }]);
    // Bit 3 of the flags: sizes follow the data (they are zero in the local header), as streaming writers do.
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    const view = Buffer.from(bytes);
    view.writeUInt16LE(0x0808, 6);
    view.writeUInt32LE(0, 18);
    const dataEnd = 30 + 'word/document.xml'.length + spaces(80).length;
    const withDd = Buffer.concat([view.subarray(0, dataEnd), dd, view.subarray(dataEnd)]);
    expect(one(new Uint8Array(withDd))).toBe('Phần word/document.xml giải nén ra hơn 64 MB: tệp nén bất thường.');
  });

  it('a part whose DEFLATE data is damaged', () => {
    const msg = one(rawZip([{ name: 'word/document.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), declared: 10 }]));
    expect(msg).toBe('Phần word/document.xml của tệp nén bị hỏng.');
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
