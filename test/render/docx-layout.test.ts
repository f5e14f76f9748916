import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { example, paragraphs, paragraphXml, run, tempDir, unzipDocx } from '../helpers.js';

/** Renders an example through the real CLI and returns its unzipped parts. */
async function render(name: string): Promise<Record<string, string>> {
  const out = join(tempDir(), name.replace('.yaml', '.docx'));
  const r = await run(['render', example(name), '-o', out]);
  expect(r.code, r.stderr).toBe(0);
  return unzipDocx(out);
}

const attr = (xml: string, tag: string, name: string): string | undefined =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** Run properties of the first run of a paragraph: size in half-points, bold, italic. */
function runProps(p: string) {
  const rPr = /<w:r>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(p)?.[1] ?? '';
  return {
    size: Number(attr(rPr, 'w:sz', 'w:val')),
    bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(rPr),
    italic: /<w:i\/>|<w:i w:val="(true|1|on)"\/>/.test(rPr),
  };
}

describe('ND30 layout of a rendered letter (kien-luong-2020)', () => {
  let files: Record<string, string>;
  let doc: string;
  beforeAll(async () => {
    files = await render('kien-luong-2020.yaml');
    doc = files['word/document.xml']!;
  });

  it('is A4 portrait with margins 20/20/30/15 mm', () => {
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('1134');
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('1134');
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('1701');
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('850');
  });

  it('sets Times New Roman on all four font slots of every run, and in the document defaults', () => {
    const runs = [...doc.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(30);
    for (const r of runs) {
      const fonts = /<w:rFonts ([^>]*)\/>/.exec(r)?.[1] ?? '';
      for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia']) expect(fonts).toContain(`w:${slot}="Times New Roman"`);
    }
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(files['word/styles.xml']!)![0];
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('w:eastAsia="Times New Roman"');
  });

  it('draws the header as a table without visible borders', () => {
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(tbl)![1]!;
    const sides = [...borders.matchAll(/<w:(\w+) [^>]*w:val="(\w+)"/g)];
    expect(sides.length).toBe(6);
    for (const [, , val] of sides) expect(['none', 'nil']).toContain(val);
    for (const m of tbl.matchAll(/<w:tcBorders>([\s\S]*?)<\/w:tcBorders>/g)) expect(m[1]).not.toMatch(/w:val="single"/);
  });

  it('sizes and weights each header part as ND30 says', () => {
    expect(runProps(paragraphXml(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toEqual({ size: 26, bold: true, italic: false });
    expect(runProps(paragraphXml(doc, 'Độc lập - Tự do - Hạnh phúc'))).toEqual({ size: 28, bold: true, italic: false });
    expect(runProps(paragraphXml(doc, 'ỦY BAN NHÂN DÂN'))).toEqual({ size: 26, bold: true, italic: false });
    expect(runProps(paragraphXml(doc, 'Số: 1795/UBND-NC'))).toEqual({ size: 26, bold: false, italic: false });
    expect(runProps(paragraphXml(doc, 'Kiên Giang, ngày 22 tháng 12 năm 2020'))).toEqual({ size: 28, bold: false, italic: true });
    expect(runProps(paragraphXml(doc, 'V/v tiếp tục chỉ đạo'))).toEqual({ size: 26, bold: false, italic: false });
    expect(runProps(paragraphXml(doc, 'Kính gửi: Chủ tịch UBND huyện Kiên Lương.'))).toEqual({ size: 28, bold: false, italic: false });
  });

  it('draws the issuer and motto rules as paragraph bottom borders of the right length', () => {
    const rules = [...doc.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pBdr><w:bottom [^>]*w:val="single"[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(rules.length).toBe(2);
    const width = (p: string) => 9355 - 2 * 28 - Number(attr(p, 'w:ind', 'w:left')) - Number(attr(p, 'w:ind', 'w:right'));
    const [issuerRule, mottoRule] = rules as [string, string];
    // The left column is 62 mm (3515 twips) less cell margins; the issuer rule is 1/3–1/2 of "ỦY BAN NHÂN DÂN" (~2300 twips).
    const issuerRuleTwips = 3515 - 2 * 28 - Number(attr(issuerRule, 'w:ind', 'w:left')) - Number(attr(issuerRule, 'w:ind', 'w:right'));
    expect(issuerRuleTwips).toBeGreaterThan(2300 / 3);
    expect(issuerRuleTwips).toBeLessThan(2700 / 2);
    // The motto "Độc lập - Tự do - Hạnh phúc" in 14 pt bold is about 3.5 inches wide.
    const mottoRuleTwips = width(mottoRule) - 3515;
    expect(mottoRuleTwips).toBeGreaterThan(3000);
    expect(mottoRuleTwips).toBeLessThan(4200);
    expect(paragraphs(doc).filter((t) => /_{3,}/.test(t))).toEqual([]);
  });

  it('justifies body paragraphs with a 1.27 cm first-line indent, 6 pt after and auto line spacing', () => {
    const body = paragraphXml(doc, 'Qua xem xét Báo cáo số 284/BC-ĐKT');
    expect(attr(body, 'w:jc', 'w:val')).toBe('both');
    expect(attr(body, 'w:ind', 'w:firstLine')).toBe('720');
    expect(Number(attr(body, 'w:spacing', 'w:after'))).toBeGreaterThanOrEqual(120);
    expect(attr(body, 'w:spacing', 'w:lineRule')).toBe('auto');
    expect(runProps(body).size).toBe(28);
    expect(attr(body, 'w:pStyle', 'w:val')).toBe('Body');
  });

  it('prints the report-back deadline in bold', () => {
    const closing = paragraphXml(doc, 'Yêu cầu Chủ tịch Ủy ban nhân dân huyện Kiên Lương');
    const bold = [...closing.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find((m) => m[1]!.includes('chậm nhất là ngày 29/12/2020.'))![1]!;
    expect(bold).toMatch(/<w:b\/>/);
  });

  it('writes Nơi nhận in 12 pt bold italic, items in 11 pt, ";" after each but the last "- Lưu: ….', () => {
    expect(runProps(paragraphXml(doc, 'Nơi nhận:'))).toEqual({ size: 24, bold: true, italic: true });
    const texts = paragraphs(doc);
    const start = texts.indexOf('Nơi nhận:');
    const items = texts.slice(start + 1, texts.indexOf('CHỦ TỊCH'));
    expect(items[0]).toBe('- Như trên;');
    expect(items.at(-1)).toBe('- Lưu: VT, SNV, ntttrng.');
    for (const i of items.slice(0, -1)) expect(i).toMatch(/^- .*;$/);
    expect(runProps(paragraphXml(doc, '- Như trên;')).size).toBe(22);
  });

  it('writes the signer title and name in 14 pt bold', () => {
    expect(runProps(paragraphXml(doc, 'CHỦ TỊCH'))).toEqual({ size: 28, bold: true, italic: false });
    expect(runProps(paragraphXml(doc, 'Lâm Minh Thành'))).toEqual({ size: 28, bold: true, italic: false });
  });

  it('numbers pages from page 2: a PAGE field in the default header, none on the first page', () => {
    expect(doc).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    const rels = files['word/_rels/document.xml.rels']!;
    const headerFile = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(doc)![1]!;
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    };
    expect(files[`word/${headerFile('default')}`]).toMatch(/PAGE/);
    expect(files[`word/${headerFile('first')}`]).not.toMatch(/PAGE/);
  });

  it('uses named paragraph styles a clerk can restyle in Word', () => {
    const styles = files['word/styles.xml']!;
    for (const id of ['Issuer', 'NationalTitle', 'Motto', 'DocNumber', 'DateLine', 'Subject', 'Recipients', 'Body', 'SignerTitle', 'SignerName', 'DistributionLabel', 'DistributionItem']) {
      expect(styles).toContain(`w:styleId="${id}"`);
      expect(doc).toContain(`<w:pStyle w:val="${id}"/>`);
    }
  });

  it('stores all text in NFC with no XML-illegal characters', () => {
    const text = paragraphs(doc).join('\n');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});

describe('number and date padding (ND30)', () => {
  it('pads a number below 10 and the day below 10, but not a month from March on', async () => {
    const texts = paragraphs((await render('ky-thay-tm-kt.yaml'))['word/document.xml']!);
    expect(texts).toContain('Số: 05/UBND-NV');
    expect(texts).toContain('Kiên Lương, ngày 05 tháng 3 năm 2021');
  });

  it('pads January and February', async () => {
    const texts = paragraphs((await render('thua-lenh-tl.yaml'))['word/document.xml']!);
    expect(texts).toContain('Kiên Giang, ngày 05 tháng 02 năm 2024');
  });

  it('leaves the number and date blank for the Văn thư on the blank form', async () => {
    const texts = paragraphs((await render('mau-trong.yaml'))['word/document.xml']!);
    expect(texts).toContain('Số:      /UBND-NC');
    expect(texts.some((t) => /^Kiên Giang, ngày {6}tháng {6}năm \d{4}$/.test(t))).toBe(true);
  });
});
