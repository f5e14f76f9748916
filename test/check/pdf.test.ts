/**
 * `cchc check` of PDF letters, made by scripts/check-fixtures/pdf.py: the DOCX fixtures printed by LibreOffice,
 * cchc's own letters printed by LibreOffice and by the native writer, and PDFs broken in ways only print shows (a
 * fallback font for the Vietnamese letters, a date line that wraps, a page with no text). Each gives exactly the
 * error rules expected.json names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkPdf, rules } from '../../src/check/index.js';
import { pdfAnatomy } from '../../src/check/pdf/anatomy.js';
import { extract } from '../../src/check/pdf/extract.js';
import { pdfLines } from '../../src/check/pdf/lines.js';
import { pageNumber } from '../../src/check/pdf/rules/page-number.js';
import { pageSize } from '../../src/check/pdf/rules/page-size.js';
import { load } from '../../src/check/pdf/pdfjs-entry.js';
import { ND30 } from '../../src/decree/nd30.js';
import { run, tempDir } from '../helpers.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'pdf');
const expected: Record<string, string[]> = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const check = (f: string) => checkFile(join(DIR, f));
const errorRules = async (f: string) => [...new Set((await check(f)).filter((p) => p.severity === 'error').map((p) => p.rule))].sort();

describe('PDF fixtures', () => {
  // Taken before pdf.js is first loaded: it must leave the process's built-ins as they were.
  const builtins = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];

  it('has cchc letters, broken letters and the PDFs only print can break', () => {
    expect(Object.keys(expected).length).toBeGreaterThan(50);
    for (const f of ['ok.pdf', 'cchc-kien-luong-2020.pdf', 'native-kien-luong-2020.pdf', 'fallback-font.pdf', 'date-wraps.pdf', 'tieu-ngu-no-rule.pdf']) {
      expect(expected).toHaveProperty([f]);
    }
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file} → ${want.length === 0 ? 'no errors' : want.join(', ')}`, async () => {
      expect(await errorRules(file)).toEqual(want);
    });
  }

  it('leaves the built-ins pdf.js’s polyfills replace as they were', async () => {
    await check('ok.pdf');
    expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).toEqual(builtins);
  });

  it('names the fallback font and quotes the letters it printed', async () => {
    const ps = (await check('fallback-font.pdf')).filter((p) => p.rule === 'font-family');
    expect(ps.length).toBeGreaterThan(0);
    expect(ps[0]!.message).toMatch(/^Phông DejaVuSerif\S* không phải Times New Roman \(phông thay thế cho những chữ Việt mà phông chính thiếu\): “.” trong dòng “[^”]+”/);
    expect(ps[0]!.message).toContain(ND30.font.says);
  });

  it('says a wrapped date line wrapped, with both printed lines', async () => {
    const [p] = (await check('date-wraps.pdf')).filter((x) => x.rule === 'date-line');
    expect(p!.message).toMatch(/^Dòng địa danh, ngày tháng năm bị xuống dòng \(không vừa độ rộng cột\): “Thành phố Hồ Chí Minh, ngày 22 tháng 12 năm \/ 2020”/);
  });

  it('measures the printed rules against their text', async () => {
    const [short] = (await check('tieu-ngu-rule-short.pdf')).filter((x) => x.rule === 'tieu-ngu-rule');
    expect(short!.message).toMatch(/^Đường kẻ dưới Tiêu ngữ dài \d+,\d mm, bằng 5\d% dòng chữ/);
    const [missing] = (await check('tieu-ngu-no-rule.pdf')).filter((x) => x.rule === 'tieu-ngu-rule');
    expect(missing!.message).toMatch(/^Thiếu đường kẻ ngang nét liền dưới Tiêu ngữ/);
  });

  it('finds page numbers from page 2 in a letter of three pages, and none on page 1', async () => {
    const ps = await check('cchc-kien-luong-2020.pdf');
    expect(ps.filter((p) => p.rule === 'page-number')).toEqual([]);
    expect((await check('page-number-first-page.pdf')).filter((p) => p.rule === 'page-number').map((p) => p.message)).toEqual([
      expect.stringMatching(/^Trang đầu có in số trang/),
    ]);
  });
});

/** A one-page PDF printing `text` in a font the file only names (no font program in it). */
function namedFontPdf(baseFont: string, text: string): Uint8Array {
  const content = `BT /F1 14 Tf 100 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /TrueType /BaseFont /${baseFont} /Encoding /WinAnsiEncoding >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, k) => {
    const at = out.length;
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

describe('a version 2 letter as printed (marks, contact block, two appendices, one landscape)', () => {
  const read = async (f: string) => {
    const facts = await extract(await load(), new Uint8Array(readFileSync(join(DIR, f))));
    return pdfAnatomy(facts, pdfLines(facts));
  };
  for (const f of ['native-so-noi-vu-mat-phu-luc.pdf', 'cchc-so-noi-vu-mat-phu-luc.pdf']) {
    it(`${f}: each part where it belongs`, async () => {
      const a = await read(f);
      const texts = (ls: { text: string }[]) => ls.map((l) => l.text);
      // The marks under the subject are marks, not more of the subject.
      expect(texts(a.marks)).toEqual(['MẬT', 'LƯU HÀNH NỘI BỘ']);
      expect(texts(a.subject).join(' ')).not.toMatch(/MẬT|KHẨN|LƯU HÀNH/);
      expect(a.urgency?.text).toBe('KHẨN');
      // The contact block at the foot of page 1 is apart from the signer beside Nơi nhận.
      expect(texts(a.contact)[0]).toMatch(/^Địa chỉ: /);
      expect(texts(a.contact).join(' ')).toMatch(/Website: sonoivu\.kiengiang\.gov\.vn$/);
      expect(a.contact.every((l) => l.page === 1)).toBe(true);
      expect(texts(a.signer)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']);
      // Each appendix opens a page; the second lies across the page.
      expect(a.appendixStarts).toEqual([2, 3]);
      const p3 = a.facts.pages[2]!;
      expect(p3.width).toBeGreaterThan(p3.height);
      expect(await errorRules(f)).toEqual([]);
      expect((await check(f)).filter((p) => p.rule === 'page-number')).toEqual([]);
    });
  }

  it('a landscape first page is still refused; pages with no number are excused only where an appendix opens', async () => {
    expect(await errorRules('page-landscape.pdf')).toEqual(['page-size']);
    const a = await read('native-so-noi-vu-mat-phu-luc.pdf');
    const asIfNoAppendix = { ...a, appendixStarts: [] };
    const found = pageNumber.check({ a: asIfNoAppendix });
    expect(found.map((p) => p.message)).toEqual([expect.stringMatching(/^Không thấy số trang ở lề trên của trang 2, 3 /)]);
    expect(pageSize.check({ a: asIfNoAppendix }).map((p) => p.path)).toEqual([]); // page 3 has a ruled table
    const portraitOnly = { ...asIfNoAppendix, facts: { ...a.facts, pages: a.facts.pages.map((p) => ({ ...p, rules: [] })) } };
    expect(pageSize.check({ a: portraitOnly }).map((p) => p.path)).toEqual(['trang 3']);
  });
});

describe('fonts a PDF only names', () => {
  it('Times New Roman not embedded: another machine prints a substitute', async () => {
    const ps = (await checkPdf(namedFontPdf('TimesNewRomanPSMT', 'Kinh gui'), 'x.pdf')).filter((p) => p.rule === 'font-family');
    expect(ps.map((p) => p.message)).toEqual([expect.stringMatching(/^Phông TimesNewRomanPSMT không được nhúng vào tệp PDF: máy khác in bằng phông thay thế: “Kinh gui”/)]);
  });

  it('Arial, named or not, is not Times New Roman', async () => {
    const ps = (await checkPdf(namedFontPdf('Arial,Bold', 'Kinh gui'), 'x.pdf')).filter((p) => p.rule === 'font-family');
    expect(ps.map((p) => p.message)).toEqual([expect.stringMatching(/^Phông Arial-Bold không phải Times New Roman: “Kinh gui”/)]);
  });
});

describe('PDFs that cannot be judged', () => {
  const one = async (bytes: Uint8Array) => {
    const ps = await checkPdf(bytes, 'x.pdf');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ file: 'x.pdf', severity: 'error', rule: 'not-pdf' });
    return ps[0]!.message;
  };

  it('a page with no text (a scan)', async () => {
    expect(await one(new Uint8Array(readFileSync(join(DIR, 'scan.pdf'))))).toMatch(/không có lớp chữ/);
  });

  it('a damaged PDF', async () => {
    const ok = new Uint8Array(readFileSync(join(DIR, 'ok.pdf')));
    expect(await one(ok.slice(0, 400))).toMatch(/PDF/);
  });

  it('a .pdf that is not a PDF, through checkFile', async () => {
    const path = join(tempDir(), 'cong-van.pdf');
    writeFileSync(path, 'Kính gửi: Sở Nội vụ.\n');
    expect(await checkFile(path)).toEqual([expect.objectContaining({ rule: 'not-pdf', message: expect.stringContaining('không phải PDF') })]);
  });
});

describe('cchc check on PDFs (CLI, in process)', () => {
  it('judges PDFs and DOCX in one run, with the same reporters', async () => {
    const r = await run(['check', join(DIR, 'ok.pdf'), join(DIR, 'tieu-ngu-no-rule.pdf'), '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { problems: { file: string; rule: string }[] };
    expect(report.problems.map((p) => p.rule)).toEqual(['tieu-ngu-rule']);
    expect(report.problems[0]!.file).toMatch(/tieu-ngu-no-rule\.pdf$/);
    const ok = await run(['check', join(DIR, 'ok.pdf'), join(DIR, 'cchc-ky-thay-tm-kt.pdf')]);
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, '', 'Đúng thể thức (2 tệp)\n']);
  });

  it('lists every DOCX and PDF rule with the decree’s clause', async () => {
    const all = await rules();
    expect(all.filter((x) => x.pdf).map((x) => x.id)).toEqual(expect.arrayContaining(['not-pdf', 'page-size', 'font-family', 'tieu-ngu-rule', 'date-line', 'body-spacing']));
    expect(all.filter((x) => x.docx && !x.pdf).map((x) => x.id).sort()).toEqual(['not-docx', 'text-color', 'text-control-chars', 'text-nfc']);
    const r = await run(['check', '--rules', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(all);
  });
});
