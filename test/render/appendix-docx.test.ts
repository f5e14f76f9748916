import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { LetterRenderer } from '../../src/render/letter.js';
import { LetterSchema, type Letter } from '../../src/schema/letter.js';
import { example, paragraphs } from '../helpers.js';

/**
 * The version 2 parts of a letter, read back from the DOCX: appendix sections, their headings and "Kèm theo"
 * line, bordered tables, boxed marks, the contact block, inline bold. Rendered in this process from the examples.
 */
let renderer: LetterRenderer;
beforeAll(async () => { renderer = await LetterRenderer.create({ today: new Date(2025, 10, 28) }); });

const load = (name: string): Letter => LetterSchema.parse(parse(readFileSync(example(name), 'utf8')));
function parts(letter: Letter): Record<string, string> {
  const files = unzipSync(renderer.render(letter));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextDecoder().decode(v)]));
}
const sectPrs = (xml: string) => [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
/** The XML of each paragraph (outside tables too), in order. */
const paraXml = (xml: string) => [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const textOf = (p: string) => paragraphs(p)[0] ?? '';
const para = (xml: string, text: string | RegExp) => {
  const found = paraXml(xml).find((p) => (typeof text === 'string' ? textOf(p) === text : text.test(textOf(p))));
  if (!found) throw new Error(`no paragraph ${String(text)}`);
  return found;
};
/** Body text between the n-th appendix section break and the next (n = 0: the letter). */
function sectionXml(xml: string, n: number): string {
  const ends = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m.index! + m[0].length);
  return xml.slice(n === 0 ? 0 : ends[n - 1], ends[n]);
}

describe('two appendices, one landscape; marks; contact block; inline bold (so-noi-vu-mat-phu-luc.yaml)', () => {
  const letter = load('so-noi-vu-mat-phu-luc.yaml');
  let doc: Record<string, string>;
  let xml: string;
  beforeAll(() => { doc = parts(letter); xml = doc['word/document.xml']!; });

  it('each appendix is a section of its own: page numbers restart at 1, none on its first page; landscape for Phụ lục II only', () => {
    const s = sectPrs(xml);
    expect(s).toHaveLength(3);
    expect(s[0]).not.toMatch(/w:start=/);
    for (const a of s.slice(1)) {
      expect(a).toMatch(/<w:pgNumType w:start="1"\/>/);
      expect(a).toMatch(/<w:titlePg\/>/);
    }
    expect(s[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(s[1]).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(s[2]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('headings "Phụ lục I", "Phụ lục II" (Roman, never "Phụ lục 1"), 14 pt bold centred; titles upper case bold', () => {
    const texts = paragraphs(xml);
    expect(texts.filter((t) => t.startsWith('Phụ lục'))).toEqual(['Phụ lục I', 'Phụ lục II']);
    expect(texts.join('\n')).not.toMatch(/Phụ lục \d/);
    for (const h of ['Phụ lục I', 'Phụ lục II']) {
      const p = para(xml, h);
      expect(p).toMatch(/<w:b\/>/);
      expect(p).toMatch(/<w:sz w:val="28"\/>/);
      expect(p).toMatch(/<w:jc w:val="center"\/>/);
    }
    const title = para(xml, 'DANH SÁCH HỒ SƠ GIẢI QUYẾT TRỄ HẠN');
    expect(title).toMatch(/<w:b\/>/);
    expect(texts).toContain('TỔNG HỢP HỒ SƠ TRỄ HẠN THEO CƠ QUAN, ĐƠN VỊ');
    // Each appendix starts with its heading: it is the first paragraph of its section.
    expect(textOf(paraXml(sectionXml(xml, 1))[0]!)).toBe('Phụ lục I');
    expect(textOf(paraXml(sectionXml(xml, 2))[0]!)).toBe('Phụ lục II');
  });

  it('the italic "Kèm theo" line leaves the number blank exactly as the header does, then a short rule', () => {
    const header = paragraphs(xml).find((t) => t.startsWith('Số:'))!;
    const gap = /^Số:(\s+)\//.exec(header)![1]!;
    const ref = `(Kèm theo Công văn số${gap}/SNV-CCHC ngày 28 tháng 11 năm 2025 của Sở Nội vụ tỉnh Kiên Giang)`;
    expect(paragraphs(xml).filter((t) => t === ref)).toHaveLength(2);
    const p = para(xml, ref);
    expect(p).toMatch(/<w:i\/>/);
    expect(p).toMatch(/<w:jc w:val="center"\/>/);
    const all = paraXml(sectionXml(xml, 1));
    const next = all[all.findIndex((x) => textOf(x) === ref) + 1]!;
    expect(next).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('tables: full width, single visible borders, header row bold, centred and repeated (tblHeader), no row split (cantSplit), 13 pt cells', () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).filter((t) => t.includes('STT'));
    expect(tables).toHaveLength(2);
    const widths = [9354, 14287]; // 165 mm and 252 mm in twips
    tables.forEach((t, i) => {
      expect(t).toMatch(new RegExp(`<w:tblW w:type="dxa" w:w="${widths[i]}"/>`));
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((s, m) => s + Number(m[1]), 0);
      expect(Math.abs(grid - widths[i]!)).toBeLessThanOrEqual(7);
      expect(t).toMatch(/<w:tblBorders><w:top w:val="single"[^>]*w:sz="\d+"[\s\S]*<w:insideV w:val="single"/);
      const rows = [...t.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows.length).toBeGreaterThan(5);
      rows.forEach((r, k) => {
        expect(r, `row ${k}`).toMatch(/<w:cantSplit\/>/);
        expect(r.includes('<w:tblHeader/>'), `row ${k}`).toBe(k === 0);
        for (const size of r.matchAll(/<w:sz w:val="(\d+)"\/>/g)) expect(Number(size[1])).toBe(26);
      });
      for (const cell of paraXml(rows[0]!)) {
        expect(cell).toMatch(/<w:b\/>/);
        expect(cell).toMatch(/<w:jc w:val="center"\/>/);
      }
    });
    // Alignment per column: "Ngày hẹn trả" centred, the numbers of Phụ lục II right-aligned.
    expect(para(xml, '12/10/2025')).toMatch(/<w:jc w:val="center"\/>/);
    expect(para(xml, '1204')).toMatch(/<w:jc w:val="right"\/>/);
  });

  it('marks: MẬT, KHẨN, LƯU HÀNH NỘI BỘ, upper case bold in a single-line box, in the decree\'s order', () => {
    const texts = paragraphs(xml);
    const order = ['MẬT', 'KHẨN', 'LƯU HÀNH NỘI BỘ'].map((w) => texts.indexOf(w));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order[0]).toBeGreaterThan(texts.findIndex((t) => t.startsWith('V/v ')));
    for (const w of ['MẬT', 'KHẨN', 'LƯU HÀNH NỘI BỘ']) {
      const p = para(xml, w);
      expect(p).toMatch(/<w:b\/>/);
      for (const side of ['top', 'left', 'bottom', 'right']) expect(p).toMatch(new RegExp(`<w:${side} w:val="single"`));
    }
  });

  it('the contact block is in the letter\'s first-page footer only, under a full-width rule, 11 pt', () => {
    const rels = doc['word/_rels/document.xml.rels']!;
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
    const firstFooters = sectPrs(xml).map((s) => /<w:footerReference w:type="first" r:id="(rId\d+)"\/>/.exec(s)![1]!).map((id) => doc[`word/${target(id)}`]!);
    expect(firstFooters[0]).toContain('Địa chỉ: 18 Nguyễn Công Trứ, phường Vĩnh Thanh Vân, thành phố Rạch Giá, tỉnh Kiên Giang');
    expect(paragraphs(firstFooters[0]!).join(' ')).toMatch(/ĐT: 0297 3862 016; Fax: 0297 3862 017/);
    expect(paragraphs(firstFooters[0]!).join(' ')).toMatch(/E-mail: snv@kiengiang\.gov\.vn;? Website: sonoivu\.kiengiang\.gov\.vn$/);
    const runs = [...firstFooters[0]!.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]).filter((r) => r.includes('<w:t'));
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r).toMatch(/<w:sz w:val="22"\/>/);
    expect(firstFooters[0]).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    for (const f of firstFooters.slice(1)) expect(f).not.toMatch(/Địa chỉ|ĐT:/);
    // No default footer anywhere: pages after the first carry no contact block.
    expect(xml).not.toMatch(/<w:footerReference w:type="default"/);
    expect(xml).not.toContain('Địa chỉ:');
  });

  it('inline bold: **…** prints bold, never as asterisks; \\* prints one asterisk', () => {
    const all = Object.entries(doc).filter(([k]) => k.endsWith('.xml')).map(([, v]) => v).join('');
    expect(all).not.toContain('**');
    const task = para(xml, /^- Rà soát toàn bộ hồ sơ trễ hạn/);
    expect(task).toMatch(/<w:b\/>[\s\S]*?<w:t xml:space="preserve">trước ngày 06 tháng 12 năm 2025<\/w:t>/);
    expect(textOf(task)).toBe('- Rà soát toàn bộ hồ sơ trễ hạn nêu tại Phụ lục I, giải quyết dứt điểm và báo cáo kết quả về Sở Nội vụ trước ngày 06 tháng 12 năm 2025.');
    expect(paragraphs(xml)).toContain('- Chỉ đạo công chức tại Bộ phận Một cửa cập nhật đầy đủ trạng thái hồ sơ trên Hệ thống; các hồ sơ đánh dấu * tại Phụ lục II là hồ sơ liên thông, cần phối hợp với cơ quan liên quan.');
    expect(paragraphs(xml)).toContain('5 *');
    expect(para(xml, '20/10/2025')).toMatch(/<w:b\/>/);
    expect(para(xml, 'Tổng cộng')).toMatch(/<w:b\/>/);
  });

  it('the last body paragraph keeps with the signature block, whose row never splits', () => {
    const closing = para(xml, 'Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.');
    expect(closing).toMatch(/<w:keepNext\/>/);
    const tables = [...sectionXml(xml, 0).matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const signature = tables.find((t) => t.includes('Nơi nhận:'))!;
    expect(signature).toMatch(/<w:cantSplit\/>/);
    // Keep-with-next runs from that paragraph into the table: nothing but the table follows it.
    const after = sectionXml(xml, 0).slice(sectionXml(xml, 0).indexOf(closing) + closing.length);
    expect(after.startsWith('<w:tbl>')).toBe(true);
  });
});

describe('one appendix: "Phụ lục" alone; a long table (examples/an-bien-2025-phu-luc.yaml)', () => {
  const letter = load('an-bien-2025-phu-luc.yaml');
  let xml: string;
  beforeAll(() => { xml = parts(letter)['word/document.xml']!; });

  it('is headed "Phụ lục", portrait, numbered from 1', () => {
    expect(paragraphs(xml).filter((t) => t.startsWith('Phụ lục'))).toEqual(['Phụ lục']);
    const s = sectPrs(xml);
    expect(s[1]).toMatch(/w:orient="portrait"/);
    expect(s[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
  });

  it('its Kèm theo line names the letter\'s number and date, and the issuer derived from its name', () => {
    expect(paragraphs(xml)).toContain('(Kèm theo Công văn số 2468/UBND-NC ngày 28 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh Kiên Giang)');
  });

  it('the date left blank for the Văn thư is blank in the Kèm theo line as in the header', () => {
    const { number: _n, date: _d, ...blank } = letter;
    const x = parts(blank as Letter)['word/document.xml']!;
    const dateLine = paragraphs(x).find((t) => t.startsWith('Kiên Giang, ngày'))!;
    const gap = /ngày(\s+)tháng/.exec(dateLine)![1]!;
    expect(paragraphs(x)).toContain(`(Kèm theo Công văn số${gap}/UBND-NC ngày${gap}tháng${gap}năm 2025 của Ủy ban nhân dân tỉnh Kiên Giang)`);
  });

  it('48 rows, one header row marked to repeat on every page', () => {
    const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('Mã hồ sơ'))!;
    expect([...table.matchAll(/<w:tr>/g)]).toHaveLength(49);
    expect([...table.matchAll(/<w:tblHeader\/>/g)]).toHaveLength(1);
  });
});
