import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { LetterRenderer } from '../../src/render/letter.js';
import { LetterSchema, type Letter } from '../../src/schema/letter.js';
import { paragraphs, tempDir } from '../helpers.js';
import { norm, pdfPages, requireTools } from './pdf-tools.js';

/**
 * The audit's short letter (3 recipients, 3 tasks, a KT. signer) must never leave the signature block alone on a
 * page: the last body paragraph moves with it. Checked where it matters, in LibreOffice's pages: the letter's
 * body is lengthened line by line so that its end sweeps across the bottom of page 1, and every variant is read
 * back page by page.
 */
const CLOSING = 'Đề nghị các cơ quan, đơn vị quan tâm, phối hợp triển khai thực hiện các nội dung nêu trên và báo cáo kết quả theo đúng thời hạn quy định./.';
/** About one line of 14 pt text across the body's width. */
const LINE = 'Nội dung này được nhắc lại để kéo dài phần mở đầu của công văn thêm một dòng chữ.';

function letter(lines: number): Letter {
  return LetterSchema.parse({
    template: 'cong-van',
    issuer: { parent: 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG', name: 'SỞ NỘI VỤ', short: 'Sở Nội vụ', place: 'Kiên Giang' },
    number: 215, symbol: 'SNV-CCHC', date: '2025-11-28',
    subject: 'triển khai kiểm tra công tác cải cách hành chính năm 2025',
    to: ['Ủy ban nhân dân huyện An Biên', 'Ủy ban nhân dân huyện Kiên Lương', 'Ủy ban nhân dân thành phố Rạch Giá'],
    intro: `Thực hiện Kế hoạch kiểm tra công tác cải cách hành chính năm 2025 của Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau. ${Array(lines).fill(LINE).join(' ')}`,
    tasks: [
      'Tự kiểm tra, đánh giá kết quả thực hiện nhiệm vụ cải cách hành chính năm 2025 tại cơ quan, đơn vị.',
      'Chuẩn bị đầy đủ hồ sơ, tài liệu kiểm chứng phục vụ Đoàn kiểm tra.',
      'Phân công lãnh đạo và công chức làm việc với Đoàn kiểm tra theo lịch.',
    ],
    closing: CLOSING,
    signer: { authority: 'KT', title: 'GIÁM ĐỐC', own_title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
    cc: ['UBND tỉnh (b/c)', 'Giám đốc, các Phó Giám đốc Sở'],
    archive: ['VT', 'CCHC'],
  });
}

/** Lines added to the body: the signature moves to page 2 between about 10 and 12 (Liberation Serif, LibreOffice 7). */
const VARIANTS = Array.from({ length: 8 }, (_, i) => i * 3 + 6);
const dir = tempDir();
let renderer: LetterRenderer;
beforeAll(async () => { renderer = await LetterRenderer.create({ today: new Date(2025, 10, 28) }); });

describe('the last body paragraph keeps with the signature block (DOCX)', () => {
  it('keepNext on the last body paragraph only, and on the signer\'s title lines; the closing table\'s row never splits', () => {
    const xml = new TextDecoder().decode(unzipSync(renderer.render(letter(0)))['word/document.xml']!);
    const paras = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const body = paras.filter((p) => /<w:pStyle w:val="Body/.test(p) || /<w:firstLine/.test(p));
    const closing = paras.find((p) => paragraphs(p)[0] === CLOSING)!;
    expect(closing).toMatch(/<w:keepNext\/>/);
    expect(body.filter((p) => p !== closing && p.includes('<w:keepNext/>')).map((p) => paragraphs(p)[0])).toEqual([]);
    const table = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?Nơi nhận:[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect([...table.matchAll(/<w:tr>/g)]).toHaveLength(1);
    expect(table).toMatch(/<w:trPr><w:cantSplit\/>/);
    for (const t of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']) expect(paras.find((p) => paragraphs(p)[0] === t)).toMatch(/<w:keepNext\/>/);
    // Nothing comes between that paragraph and the table.
    expect(xml.slice(xml.indexOf(closing) + closing.length).startsWith('<w:tbl>')).toBe(true);
  });
});

describe('in LibreOffice, the signature block is never alone on a page', () => {
  const pages: { lines: number; count: number; sign: number; text: string[] }[] = [];
  beforeAll(() => {
    requireTools();
    for (const n of VARIANTS) writeFileSync(join(dir, `l${String(n).padStart(2, '0')}.docx`), renderer.render(letter(n)));
    // One soffice run for all the variants: its start-up is most of the cost.
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f))], { stdio: 'ignore', timeout: 180_000 });
    for (const n of VARIANTS) {
      const pdf = join(dir, `l${String(n).padStart(2, '0')}.pdf`);
      const count = pdfPages(pdf);
      const text = Array.from({ length: count }, (_, i) => norm(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' })));
      pages.push({ lines: n, count, sign: text.findIndex((t) => t.includes('Nơi nhận:')), text });
    }
  }, 240_000);

  it('the sweep crosses the page: some variants sign on page 1, some on page 2', () => {
    expect(pages.some((p) => p.sign === 0)).toBe(true);
    expect(pages.some((p) => p.sign === 1)).toBe(true);
  });

  it('on every variant, the page that holds Nơi nhận holds the signer and the end of the last body paragraph too', () => {
    for (const p of pages) {
      const page = p.text[p.sign]!;
      expect(page, `${p.lines} lines`).toContain('Nguyễn Văn An');
      expect(page, `${p.lines} lines`).toContain('KT. GIÁM ĐỐC');
      expect(page, `${p.lines} lines: the page of the signature lacks the closing paragraph`).toContain('theo đúng thời hạn quy định./.');
      // And the body text before the signature on that page is more than nothing.
      expect(page.indexOf('theo đúng thời hạn quy định./.'), `${p.lines} lines`).toBeLessThan(page.indexOf('Nơi nhận:'));
    }
  });
});
