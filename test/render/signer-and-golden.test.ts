import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, paragraphs, ROOT, run, tempDir, unzipDocx } from '../helpers.js';

async function texts(name: string): Promise<string[]> {
  const out = join(tempDir(), 'x.docx');
  const r = await run(['render', example(name), '-o', out]);
  expect(r.code, r.stderr).toBe(0);
  return paragraphs(unzipDocx(out)['word/document.xml']!);
}

/** The signer block: the lines between the last Nơi nhận item and the end. */
function signerLines(t: string[]): string[] {
  const lastItem = t.findIndex((x) => x.startsWith('- Lưu:'));
  return t.slice(lastItem + 1).filter((x) => x.trim() !== '');
}

describe('signer block forms', () => {
  it.each([
    ['ban-quan-ly-kkt-2016.yaml', ['CHỦ TỊCH', 'Phạm Vũ Hồng']],
    ['ky-thay-tm-kt.yaml', ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An']],
    ['thua-lenh-tl.yaml', ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Trần Thị Bình']],
    ['thua-uy-quyen-tuq.yaml', ['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ', 'Lê Văn Cường']],
    ['quyen-q.yaml', ['Q. GIÁM ĐỐC', 'Phan Thị Dung']],
  ])('%s', async (file, lines) => {
    expect(signerLines(await texts(file))).toEqual(lines);
  });
});

describe('Kính gửi and Nơi nhận', () => {
  it('lists several recipients one per line, ";" then "." at the end', async () => {
    const t = await texts('thua-lenh-tl.yaml');
    const i = t.indexOf('Kính gửi:');
    expect(t.slice(i, i + 3)).toEqual(['Kính gửi:', '- Các sở, ban, ngành cấp tỉnh;', '- UBND các huyện, thành phố.']);
  });

  it('prints an archive string as written, with a final "."', async () => {
    expect(await texts('thua-lenh-tl.yaml')).toContain('- Lưu: VT, KSTT (2). Ha.');
  });

  it('boxes the urgency mark in capitals', async () => {
    const out = join(tempDir(), 'q.docx');
    expect((await run(['render', example('quyen-q.yaml'), '-o', out])).code).toBe(0);
    const doc = unzipDocx(out)['word/document.xml']!;
    const p = [...doc.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes('>HỎA TỐC<'))!;
    for (const side of ['top', 'bottom', 'left', 'right']) expect(p).toMatch(new RegExp(`<w:${side} [^>]*w:val="single"`));
    expect(p).toMatch(/<w:b\/>/);
  });
});

/**
 * Golden text: two real letters of UBND tỉnh Kiên Giang (public documents; test/fixtures/seeds, each file's first
 * line names its letter), as plain text, must come out of their YAML examples paragraph for paragraph. The texts
 * were extracted from PDFs, so a few artefacts are mended first (markdown stars, a space in "114 /", subject lines
 * wrapped, a word split by a page break).
 */
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');

function seedParagraphs(file: string): string[] {
  const raw = readFileSync(join(SEEDS, file), 'utf8').normalize('NFC');
  // The first line says where the text comes from; it is not part of the letter.
  const [source, ...rest] = raw.split('\n');
  expect(source).toMatch(/^# Nguồn: Công văn số \d+\/UBND-/);
  const lines = rest.map((l) => l.replace(/\*\*/g, '').replace(/ \*[A-Z]+\*$/, '').replace(/\u00a0/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') { out.push(''); continue; }
    const prev = out.at(-1);
    // A wrapped subject ("V/v …" over several lines) is one paragraph.
    if (prev !== undefined && prev.startsWith('V/v ') && !/^(Kiên Giang|Kính gửi)/.test(line)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out.filter((l) => l !== '').map((l) => l.replace(/^Số: (\d+) \//, 'Số: $1/'));
}

const mendPageBreak = (ps: string[]): string[] => {
  // Letter 1795/UBND-NC: "… khắc phục tốt hồ sơ trễ" [page break] "hện để …" is one paragraph ("trễ hẹn").
  const i = ps.findIndex((p) => p.endsWith('hồ sơ trễ'));
  if (i < 0) return ps;
  return [...ps.slice(0, i), `${ps[i]} ${ps[i + 1]!.replace(/^hện/, 'hẹn')}`, ...ps.slice(i + 2)];
};

describe('golden text of the two real letters', () => {
  it.each([
    ['ubnd-kien-giang-114-UBND-NCPC-2017.txt', 'ban-quan-ly-kkt-2016.yaml'],
    ['ubnd-kien-giang-1795-UBND-NC-2020.txt', 'kien-luong-2020.yaml'],
  ])('%s is reproduced by %s', async (seed, yaml) => {
    const expected = mendPageBreak(seedParagraphs(seed));
    const actual = (await texts(yaml)).filter((t) => t.trim() !== '');
    // The header's parts sit in table cells whose reading order is the table's, not the page's: check that
    // they are there. From "Kính gửi" on, every seed paragraph appears in order (the seed repeats the
    // signer's name once, an artefact).
    const k = expected.findIndex((e) => e.startsWith('Kính gửi'));
    expect(expected.slice(0, k).filter((e) => !actual.includes(e))).toEqual([]);
    let at = actual.findIndex((a) => a.startsWith('Kính gửi'));
    const missing: string[] = [];
    for (const e of [...new Set(expected.slice(k))]) {
      const j = actual.indexOf(e, at);
      if (j < 0) missing.push(e); else at = j + 1;
    }
    expect(missing).toEqual([]);
    // And nothing else is printed but the header's own parts.
    const extra = actual.filter((a) => !expected.includes(a));
    expect(extra).toEqual([]);
  });
});
