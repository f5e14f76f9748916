import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { example, ROOT, run, tempDir } from '../helpers.js';
import { PRINT_PART } from '../../src/writers/pdf/writer.js';
import { allText, firstLine, pageText, pageWords, pdfFonts, pdfInfo } from './poppler.js';

/** A version 2 letter with every new part: marks, contact block, two appendices (one landscape, one long table). */
const letter = (over: Record<string, unknown> = {}) => ({
  template: 'cong-van',
  issuer: { parent: 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG', name: 'SỞ NỘI VỤ', short: 'Sở Nội vụ', place: 'Kiên Giang' },
  number: 2417, symbol: 'SNV-CCHC', date: '2025-11-28',
  subject: 'chấn chỉnh việc giải quyết hồ sơ trễ hạn',
  urgency: 'khẩn', secrecy: 'mật', circulation: 'lưu hành nội bộ',
  to: ['Ủy ban nhân dân các huyện, thành phố', 'Các sở, ban, ngành tỉnh'],
  intro: 'Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện **ngay** các nội dung sau:',
  tasks: ['Rà soát hồ sơ trễ hạn, hoàn thành **trước ngày 06 tháng 12 năm 2025**.', 'Báo cáo kết quả về Sở Nội vụ.'],
  signer: { authority: 'KT', title: 'GIÁM ĐỐC', own_title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
  cc: ['UBND tỉnh (b/c)'], archive: ['VT', 'CCHC'],
  contact: { address: '18 Nguyễn Công Trứ, thành phố Rạch Giá', phone: '0297 3862 016', email: 'snv@kiengiang.gov.vn' },
  appendices: [
    {
      title: 'Danh sách hồ sơ giải quyết trễ hạn',
      table: {
        columns: [{ header: 'STT', width: 12, align: 'center' }, { header: 'Mã hồ sơ' }, { header: 'Ngày hẹn trả', width: 30, align: 'center' }],
        rows: Array.from({ length: 70 }, (_, i) => [i + 1, `000.00.22.H31-2310-${String(i + 1).padStart(4, '0')}`, '12/10/2023']),
      },
    },
    {
      title: 'Tổng hợp theo đơn vị', landscape: true,
      table: { columns: [{ header: 'STT' }, { header: 'Đơn vị' }, { header: 'Trễ hạn', align: 'right' }], rows: [[1, 'Huyện Kiên Lương', 12]] },
    },
  ],
  ...over,
});

const dir = tempDir();

/** What `cchc check` finds in PDFs (errors and warnings), one line each: [] for a letter the Văn thư accepts. */
async function checked(...pdfs: string[]): Promise<string[]> {
  const r = await run(['check', '--format', 'json', ...pdfs]);
  const report = JSON.parse(r.stdout) as { files: string[]; problems: { file: string; severity: string; rule: string; path?: string; message: string }[] };
  expect(report.files.length).toBe(pdfs.length);
  return report.problems.map((p) => `${p.file}: ${p.severity} ${p.rule} ${p.path ?? ''} ${p.message}`);
}
const write = (name: string, data: unknown): string => { const f = join(dir, name); writeFileSync(f, stringify(data)); return f; };
let pdf: string;

beforeAll(async () => {
  const r = await run(['render', write('v2.yaml', letter()), '--pdf']);
  expect(r.code, r.stderr).toBe(0);
  pdf = join(dir, 'v2.pdf');
});

describe('native PDF of a version 2 letter', () => {
  it('embeds only the shipped serif, every font embedded', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
      expect(f.embedded).toBe(true);
    }
  });

  it('A4 portrait pages, and the landscape appendix in A4 landscape only', () => {
    const { sizes, pages } = pdfInfo(pdf);
    expect(sizes.length).toBe(pages);
    const landscape = sizes.map((s) => s.w > s.h);
    // The landscape appendix is the last section: its pages, and only they, are landscape.
    const first = landscape.indexOf(true);
    expect(first).toBeGreaterThan(1);
    expect(landscape.slice(first).every(Boolean)).toBe(true);
    for (const s of sizes) expect([s.w, s.h].sort()).toEqual([595, 842]);
  });

  it('prints every part in order, with no markup characters left over', () => {
    const text = allText(pdf);
    // The header is two columns (read in either order); from Kính gửi on, the text reads top to bottom.
    for (const part of ['ỦY BAN NHÂN DÂN', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 2417/SNV-CCHC',
      'Kiên Giang, ngày 28 tháng 11 năm 2025', 'V/v chấn chỉnh', 'MẬT', 'KHẨN', 'LƯU HÀNH NỘI BỘ']) expect(text.indexOf(part), part).toBeLessThan(text.indexOf('Kính gửi:'));
    const order = ['Kính gửi:', 'ngay', 'trước ngày 06 tháng 12 năm 2025',
      'Nơi nhận:', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An', 'Phụ lục I', 'DANH SÁCH HỒ SƠ GIẢI QUYẾT TRỄ HẠN',
      '(Kèm theo Công văn số 2417/SNV-CCHC ngày 28 tháng 11 năm 2025 của Sở Nội vụ tỉnh Kiên Giang)', 'Phụ lục II', 'TỔNG HỢP THEO ĐƠN VỊ'];
    let at = -1;
    for (const part of order) {
      const found = text.indexOf(part, at + 1);
      expect(found, `"${part}" after position ${at}`).toBeGreaterThan(at);
      at = found;
    }
    expect(text).not.toContain('**');
    expect(text).not.toContain('Phụ lục 1');
  });

  it('passes cchc check: marks, contact block, both appendices and one-line body paragraphs as printed', async () => {
    expect(await checked(pdf)).toEqual([]);
  });

  it('the last body paragraph, kept with the signature, stands as far from the one before as the others do', () => {
    // Every body paragraph of this letter is one line: equal baseline steps, the kept one's included.
    const ys = ['Sở', '1.', '2.', 'Đề'].map((w) => pageWords(pdf, 1).find((x) => x.text === w && x.x0 < 140)!.y0);
    const steps = ys.slice(1).map((y, k) => y - ys[k]!);
    for (const d of steps) expect(d).toBeCloseTo(steps[0]!, 1);
  });

  it('the contact block is on page 1 only', () => {
    const { pages } = pdfInfo(pdf);
    expect(pageText(pdf, 1)).toContain('Địa chỉ: 18 Nguyễn Công Trứ');
    for (let p = 2; p <= pages; p++) expect(pageText(pdf, p)).not.toContain('Địa chỉ:');
  });

  it('page numbers: none on page 1, "2" on page 2 of the letter; each appendix restarts, numbered from its second page', () => {
    const { pages } = pdfInfo(pdf);
    const starts = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => /Phụ lục I\b/.test(pageText(pdf, p)) || /Phụ lục II/.test(pageText(pdf, p)));
    expect(starts.length).toBe(2);
    expect(firstLine(pdf, 1)).not.toMatch(/^\d+$/);
    for (const s of starts) expect(firstLine(pdf, s)).not.toMatch(/^\d+$/);
    // Appendix I's table of 70 rows runs onto a second page: numbered 2, its header row repeated there.
    expect(firstLine(pdf, starts[0]! + 1)).toBe('2');
    expect(pageText(pdf, starts[0]! + 1)).toMatch(/STT\s+Mã hồ sơ\s+Ngày hẹn trả/);
  });

  it('metadata: title "V/v …", author the issuer, subject, creation date the letter\'s; PDF/A-2b', () => {
    const info = pdfInfo(pdf);
    expect(info.title).toBe('V/v chấn chỉnh việc giải quyết hồ sơ trễ hạn');
    expect(info.author).toBe('SỞ NỘI VỤ');
    expect(info.subject).toBe('chấn chỉnh việc giải quyết hồ sơ trễ hạn');
    expect(info.creationDate).toMatch(/Nov 28 .*2025/);
    const raw = readFileSync(pdf, 'latin1');
    expect(raw).toMatch(/pdfaid:part[>="]+2/);
    expect(raw).toMatch(/pdfaid:conformance[>="]+B/);
  });

  it('the same input gives the same bytes', async () => {
    const again = join(dir, 'again');
    const r = await run(['render', join(dir, 'v2.yaml'), '--pdf', '--out-dir', again]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(again, 'v2.pdf')).equals(readFileSync(pdf))).toBe(true);
  });
});

describe('native PDF of every example', () => {
  it('renders each with --pdf and no office suite on the PATH: A4, the shipped serif only, and each passes cchc check', async () => {
    const out = tempDir();
    const inputs = readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)).map((f) => example(f));
    // An empty PATH: no soffice, no libreoffice to find (the LibreOffice engine would fail with its install hint).
    const r = await run(['render', ...inputs, '--out-dir', out, '--pdf'], { env: { PATH: '', Path: '' } });
    expect(r.code, r.stderr).toBe(0);
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    const docx = readdirSync(out).filter((f) => f.endsWith('.docx'));
    expect(pdfs.length).toBe(docx.length);
    expect(r.stderr).toMatch(new RegExp(`Đã ghi ${docx.length} tệp DOCX và ${pdfs.length} tệp PDF \\(${docx.length}/${docx.length} công văn\\); \\d`));
    for (const f of pdfs) {
      const p = join(out, f);
      expect(pdfFonts(p).every((x) => /^LiberationSerif/.test(x.name) && x.embedded), f).toBe(true);
      expect(pdfInfo(p).sizes[0]).toEqual({ w: 595, h: 842 });
      expect(allText(p)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(allText(p)).toContain('Nơi nhận:');
    }
    // The independent reading of the printed page (pdf.js, src/check): A4, margins, fonts, sizes and styles per
    // part, the date on one line, the rules under the issuer and the motto, the signer, the page numbers.
    // Warnings too: a letter cchc makes should give the Văn thư nothing to look at twice.
    expect(await checked(...pdfs.map((f) => join(out, f)))).toEqual([]);
    // Typst reuses what it laid out for the letters before (markup.ts): a letter set after others in one run is
    // the very file it is when set alone.
    for (const name of ['kien-luong-2020', 'so-noi-vu-mat-phu-luc']) {
      const alone = join(tempDir(), `${name}.docx`);
      expect((await run(['render', example(`${name}.yaml`), '-o', alone, '--pdf'])).code).toBe(0);
      expect(readFileSync(alone.replace(/\.docx$/, '.pdf')).equals(readFileSync(join(out, `${name}.pdf`))), name).toBe(true);
    }
  });
});

describe('hostile text is data, not markup', () => {
  it('prints #, $, *, _, @, <, [ ], backslash and quotes as written; a very long word; 200 tasks', async () => {
    const odd = 'Ký tự #lạ $x$ *không đậm* _gạch_ @nhãn <thẻ> [ngoặc] \\n "nháy" #set page(width: 1pt)';
    const long = 'A'.repeat(400);
    const data = letter({
      subject: odd, appendices: undefined, contact: undefined,
      tasks: [odd, long, ...Array.from({ length: 198 }, (_, i) => `Nhiệm vụ số ${i + 3} #${i}.`)],
    });
    const r = await run(['render', write('hostile.yaml', data), '--pdf']);
    expect(r.code, r.stderr).toBe(0);
    const p = join(dir, 'hostile.pdf');
    const text = allText(p);
    expect(text).toContain('Ký tự #lạ $x$ *không đậm* _gạch_ @nhãn <thẻ> [ngoặc] \\n "nháy" #set page(width: 1pt)');
    // The long word is broken across lines (never cut off at the margin): every letter of it is on the page.
    expect(text.replace(/[\s\u200B]/g, '')).toContain(long);
    expect(text).toContain('200. Nhiệm vụ số 200 #197.');
    expect(pdfInfo(p).sizes.every((s) => s.w === 595 && s.h === 842)).toBe(true);
    // The long word's lines, all but its last, fill the line to the right margin (42.5 pt), as Word breaks it.
    const pieces = pageWords(p, 1).filter((w) => /^[A\u200B]{20,}$/.test(w.text));
    expect(pieces.length).toBeGreaterThan(3);
    for (const w of pieces.slice(0, -1)) expect(595.3 - 42.5 - w.x1).toBeLessThan(14);
    // No line of the page, the long word's first included, reaches into the right margin.
    for (const w of pageWords(p, 1)) expect(w.x1, w.text.slice(0, 20)).toBeLessThanOrEqual(595.3 - 42.5 + 0.5);
    expect(await checked(p)).toEqual([]);
  });
});

describe('long words', () => {
  it('a code that fits its column is printed (and copied out) whole; one wider than its column breaks inside it', async () => {
    const fits = '000.00.22.H31-251002-0001';
    const wide = `HS${'0123456789'.repeat(6)}`;
    const data = letter({
      appendices: [{ table: { columns: [{ header: 'STT', width: 12 }, { header: 'Mã hồ sơ', width: 60 }, { header: 'Mã dài', width: 30 }, { header: 'Ghi chú' }], rows: [[1, fits, wide, 'x']] } }],
      contact: undefined,
    });
    const r = await run(['render', write('codes.yaml', data), '--pdf']);
    expect(r.code, r.stderr).toBe(0);
    const p = join(dir, 'codes.pdf');
    const text = allText(p);
    expect(text).toContain(fits);
    expect(text).not.toMatch(new RegExp(`${fits.slice(0, 10)}\u200B`));
    // The wide code: every letter printed, on lines that start at its column and stay inside its 30 mm.
    const words = pageWords(p, pdfInfo(p).pages);
    const start = words.find((w) => w.text.startsWith('HS'))!;
    const pieces = words.filter((w) => Math.abs(w.x0 - start.x0) < 1 && /^[\u200B\dHS]+$/.test(w.text)).sort((a, b) => a.y0 - b.y0);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((w) => w.text).join('').replace(/\u200B/g, '')).toBe(wide);
    expect(Math.max(...pieces.map((w) => w.x1 - w.x0))).toBeLessThan((30 * 72) / 25.4);
  });
});

describe('what cannot stay on one page still prints whole', () => {
  it('a last paragraph longer than a page, 180 Nơi nhận lines, a table cell of many paragraphs: nothing cut off', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `câu thứ ${i + 1} của đoạn cuối rất dài`).join(', ');
    const cell = Array.from({ length: 90 }, (_, i) => `dòng ${i + 1}`).join(' ');
    const data = letter({
      closing: `${long}, HẾT ĐOẠN CUỐI./.`, cc: Array.from({ length: 180 }, (_, i) => `Nơi nhận số ${i + 1}`), contact: undefined,
      appendices: [{ table: { columns: [{ header: 'STT' }, { header: 'Nội dung' }], rows: [[1, cell], [2, 'CUỐI BẢNG']] } }],
    });
    const r = await run(['render', write('tall.yaml', data), '--pdf']);
    expect(r.code, r.stderr).toBe(0);
    const text = allText(join(dir, 'tall.pdf'));
    expect(text).toContain('HẾT ĐOẠN CUỐI./.');
    expect(text).toContain('- Nơi nhận số 180;');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('dòng 90');
    expect(text).toContain('CUỐI BẢNG');
  });
});

describe('a blank form leaves the same blanks as the DOCX for the signing tool', () => {
  it('"Số:" then room before "/SYMBOL", and "ngày      tháng      năm"', async () => {
    const r = await run(['render', write('blank.yaml', letter({ number: undefined, date: undefined, appendices: undefined })), '--pdf']);
    expect(r.code, r.stderr).toBe(0);
    const words = pageWords(join(dir, 'blank.pdf'), 1);
    const so = words.find((w) => w.text === 'Số:')!;
    const sym = words.find((w) => w.text.startsWith('/SNV-CCHC'))!;
    // Six spaces of 13 pt Times (≈ 19.5 pt): room for a number written by hand or stamped.
    expect(sym.x0 - so.x1).toBeGreaterThan(15);
    const ngay = words.find((w) => w.text === 'ngày')!;
    const thang = words.find((w) => w.text === 'tháng')!;
    expect(thang.x0 - ngay.x1).toBeGreaterThan(15);
  });
});

describe('--print: every letter in one PDF, each from an odd page', () => {
  it('adds a blank page after a letter of an odd number of pages', async () => {
    const out = tempDir();
    const printFile = join(out, 'in.pdf');
    const r = await run(['render', example('dot-kiem-tra-2020.yaml'), '--out-dir', out, '--print', printFile]);
    expect(r.code, r.stderr).toBe(0);
    const letters = readdirSync(out).filter((f) => f.endsWith('.docx')).length;
    const { pages } = pdfInfo(printFile);
    // Find where each letter starts: the page with the Quốc hiệu.
    const starts = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => pageText(printFile, p).includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(starts.length).toBe(letters);
    for (const s of starts) expect(s % 2).toBe(1);
    expect(r.stderr).toContain(`tệp in ${printFile}`);
  });

  it(`a run of more than ${PRINT_PART} letters is set in parts and bound: the same order, odd starts, fonts embedded`, async () => {
    const n = PRINT_PART + 5;
    const one = letter({ appendices: undefined, contact: undefined, secrecy: undefined, circulation: undefined, urgency: undefined });
    const data = { defaults: one, letters: Array.from({ length: n }, (_, i) => ({ to: [`Đơn vị thứ ${i + 1}`], output: `thu-${i + 1}.docx` })) };
    const out = tempDir();
    const printFile = join(out, 'in.pdf');
    const r = await run(['render', write('bound.yaml', data), '--out-dir', out, '--print', printFile]);
    expect(r.code, r.stderr).toBe(0);
    const { pages } = pdfInfo(printFile);
    // One-page letters: each followed by a blank page, but the last; the first part's odd end gets one too.
    expect(pages).toBe(2 * n - 1);
    const starts = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => pageText(printFile, p).includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(starts).toEqual(Array.from({ length: n }, (_, i) => 2 * i + 1));
    expect(pageText(printFile, 2 * PRINT_PART).trim()).toBe('');
    for (const k of [1, PRINT_PART, PRINT_PART + 1, n]) expect(pageText(printFile, 2 * k - 1)).toContain(`Đơn vị thứ ${k}`);
    expect(pdfFonts(printFile).every((f) => f.embedded && /LiberationSerif/.test(f.name))).toBe(true);
    expect(pdfInfo(printFile).sizes.every((s) => s.w === 595 && s.h === 842)).toBe(true);
  });

  it('refuses an existing print file before writing anything (unless --force)', async () => {
    const out = tempDir();
    const printFile = join(out, 'in.pdf');
    writeFileSync(printFile, 'giữ nguyên');
    const r = await run(['render', example('kien-luong-2020.yaml'), '--out-dir', out, '--print', printFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(printFile);
    expect(readFileSync(printFile, 'utf8')).toBe('giữ nguyên');
    expect(readdirSync(out)).toEqual(['in.pdf']);
  });
});
