/**
 * The contact block (ô 13): found where Word users and cchc put it — the first page's footer, the end of page 1's
 * body, the default footer — and judged on its size, slant, page and the rule above it. Letters are built with the
 * test DOCX writer (./docx.ts); cchc's own example is rendered to DOCX and native PDF and read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anatomy } from '../../src/check/anatomy.js';
import { checkDocx, checkFile } from '../../src/check/index.js';
import { buildModel } from '../../src/check/model.js';
import { pdfAnatomy } from '../../src/check/pdf/anatomy.js';
import { extract } from '../../src/check/pdf/extract.js';
import { pdfLines } from '../../src/check/pdf/lines.js';
import { load } from '../../src/check/pdf/pdfjs-entry.js';
import { ND30 } from '../../src/decree/nd30.js';
import type { Problem } from '../../src/problem.js';
import { example, run, tempDir } from '../helpers.js';
import { A4_SECT, docx, para } from './docx.js';
import { letterXml, SHAPE, type Letter } from './letter.js';

const TEXT_TWIPS = 9354; // A4 less the 30 mm and 15 mm margins of A4_SECT
const ADDRESS = 'Địa chỉ: 18 Nguyễn Công Trứ, phường Vĩnh Thanh Vân, thành phố Rạch Giá, tỉnh Kiên Giang';
const PHONE = 'ĐT: 0297 3862 016; Fax: 0297 3862 017; E-mail: snv@kiengiang.gov.vn';
const BORDER = (side: 'top' | 'bottom') => `<w:pBdr><w:${side} w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>`;

interface Block {
  size: number;
  italic: boolean;
  /** The rule above: a bottom border on an empty paragraph (indented to `ruleTwips` long), a top border on the first line, a drawn line, or none. */
  rule: 'empty-border' | 'top-border' | 'shape' | 'none';
  ruleTwips: number;
}
const GOOD: Block = { size: 11, italic: false, rule: 'empty-border', ruleTwips: TEXT_TWIPS };

function block(change: Partial<Block> = {}): string {
  const b = { ...GOOD, ...change };
  const rPr = `<w:sz w:val="${b.size * 2}"/>${b.italic ? '<w:i/>' : ''}`;
  const inset = (TEXT_TWIPS - b.ruleTwips) / 2;
  const rule = b.rule === 'empty-border' ? `<w:p><w:pPr>${BORDER('bottom')}<w:ind w:left="${inset}" w:right="${inset}"/></w:pPr></w:p>` : b.rule === 'shape' ? `<w:p>${SHAPE}</w:p>` : '';
  const top = b.rule === 'top-border' ? BORDER('top') : '';
  return rule + para(ADDRESS, rPr, `${top}<w:jc w:val="center"/>`) + para(PHONE, rPr, '<w:jc w:val="center"/>');
}

const sect = (refs: string, titlePg: boolean) => A4_SECT.replace('<w:pgSz', `${refs}<w:pgSz`).replace('</w:sectPr>', `${titlePg ? '<w:titlePg/>' : ''}</w:sectPr>`);
const FIRST = sect('<w:footerReference w:type="first" r:id="rF1"/>', true);

/** A letter whose contact block is `footer` in the footer part the section refers to, or typed in its body (`letter.tail`). */
function letter(change: Partial<Letter> = {}, footer?: string): Uint8Array {
  return docx({ body: letterXml({ sect: footer === undefined ? A4_SECT : FIRST, ...change }), footers: footer === undefined ? {} : { rF1: footer } });
}

const check = (bytes: Uint8Array) => checkDocx(bytes, 'cv.docx');
const contactOf = (ps: Problem[]) => ps.filter((p) => p.rule === 'contact');
const errorRules = (ps: Problem[]) => [...new Set(ps.filter((p) => p.severity === 'error').map((p) => p.rule))];
const found = (bytes: Uint8Array) => {
  const a = anatomy(buildModel(bytes));
  return { texts: a.contact.map((l) => l.text), place: a.contactPlace, signer: a.signer.map((l) => l.text), body: a.body.length };
};

describe('contact block in the first page’s footer (as cchc writes it)', () => {
  it('is found, and passes at 11 pt under a rule as wide as the text', () => {
    const bytes = letter({}, block());
    expect(found(bytes)).toMatchObject({ texts: [ADDRESS, PHONE], place: 'first-page' });
    expect(check(bytes)).toEqual([]);
  });

  it('passes at 12 pt, and with the rule as a top border or a drawn line', () => {
    for (const b of [{ size: 12 }, { rule: 'top-border' as const }, { rule: 'shape' as const }]) expect(check(letter({}, block(b)))).toEqual([]);
  });

  it('at 13 pt fails with contact alone, one finding a line, quoting the decree', () => {
    const ps = check(letter({}, block({ size: 13 })));
    expect(errorRules(ps)).toEqual(['contact']);
    expect(ps.map((p) => [p.path, p.message])).toEqual([
      ['rF1 ¶2', `Thông tin liên hệ: cỡ chữ 13 pt (phải 11–12 pt): “${ADDRESS.slice(0, 40).trimEnd()}…” (Nghị định 30: “${ND30.contact.sizePt.says}”)`],
      ['rF1 ¶3', expect.stringMatching(/^Thông tin liên hệ: cỡ chữ 13 pt/)],
    ]);
  });

  it('in italic fails with contact alone', () => {
    const ps = check(letter({}, block({ italic: true })));
    expect(errorRules(ps)).toEqual(['contact']);
    expect(ps.map((p) => p.message)).toEqual([expect.stringContaining('phải in đứng, không nghiêng'), expect.stringContaining('phải in đứng, không nghiêng')]);
  });

  it('without a rule above fails with contact alone', () => {
    const ps = check(letter({}, block({ rule: 'none' })));
    expect(ps).toEqual([expect.objectContaining({ rule: 'contact', severity: 'error', path: 'rF1 ¶1', message: `Thiếu đường kẻ ngang nét liền phía trên thông tin liên hệ (Nghị định 30: “${ND30.contact.ruleFraction.says}”)` })]);
  });

  it('with a rule half the text’s width fails, saying its length and share', () => {
    const ps = check(letter({}, block({ ruleTwips: TEXT_TWIPS / 2 })));
    expect(errorRules(ps)).toEqual(['contact']);
    expect(ps.map((p) => p.message)).toEqual([expect.stringMatching(/^Đường kẻ phía trên thông tin liên hệ dài 82,5 mm, bằng 50% chiều ngang vùng trình bày văn bản \(165 mm\)/)]);
  });

  it('is not printed when the section has no distinct first page', () => {
    const ps = check(letter({ sect: sect('<w:footerReference w:type="first" r:id="rF1"/>', false) }, block()));
    expect(ps.map((p) => [p.rule, p.severity, p.message])).toEqual([['contact', 'error', expect.stringContaining('chưa bật "Trang đầu khác"')]]);
  });
});

describe('contact block elsewhere', () => {
  it('in the default footer of a section without a distinct first page: a warning, it prints on every page', () => {
    const bytes = letter({ sect: sect('<w:footerReference w:type="default" r:id="rF1"/>', false) }, block());
    expect(found(bytes).place).toBe('every-page');
    const ps = check(bytes);
    expect(ps.map((p) => [p.rule, p.severity, p.message])).toEqual([['contact', 'warning', expect.stringMatching(/^Thông tin liên hệ in ở mọi trang \(chân trang chung\)/)]]);
  });

  it('in the first page’s footer and in the default footer too: a warning, it prints on every page', () => {
    const refs = '<w:footerReference w:type="default" r:id="rF2"/><w:footerReference w:type="first" r:id="rF1"/>';
    const bytes = docx({ body: letterXml({ sect: sect(refs, true) }), footers: { rF1: block(), rF2: block() } });
    expect(found(bytes).place).toBe('every-page');
    expect(check(bytes).map((p) => [p.rule, p.severity])).toEqual([['contact', 'warning']]);
  });

  it('in the default footer when page 1 has its own: an error, page 1 does not print it', () => {
    const ps = check(letter({ sect: sect('<w:footerReference w:type="default" r:id="rF1"/>', true) }, block()));
    expect(ps.map((p) => [p.rule, p.severity])).toEqual([['contact', 'error']]);
    expect(ps[0]!.message).toContain('không in ở trang thứ nhất');
  });

  it('typed as the last lines of page 1’s body (top border): found apart from the signer and the body, and passes', () => {
    const plain = found(letter());
    const bytes = letter({ tail: block({ rule: 'top-border' }) });
    expect(found(bytes)).toEqual({ texts: [ADDRESS, PHONE], place: 'first-page', signer: plain.signer, body: plain.body });
    expect(check(bytes)).toEqual([]);
  });

  it('typed in the body under an empty paragraph with a bottom border, 13 pt: contact alone, named by its place', () => {
    const ps = check(letter({ tail: block({ size: 13 }) }));
    expect(errorRules(ps)).toEqual(['contact']);
    expect(ps.map((p) => p.path)).toEqual(['contact ¶1', 'contact ¶2']);
  });

  it('typed after a page break: not on page 1', () => {
    const ps = check(letter({ tail: `<w:p><w:r><w:br w:type="page"/></w:r></w:p>${block()}` }));
    expect(contactOf(ps).map((p) => [p.severity, p.message])).toEqual([['error', expect.stringContaining('nằm ở trang sau, không ở trang thứ nhất')]]);
  });

  it('a letter without one has no contact finding: the decree asks for it only “nếu có”', () => {
    const bytes = letter();
    expect(found(bytes).texts).toEqual([]);
    expect(contactOf(check(bytes))).toEqual([]);
  });

  it('a body paragraph that starts with “Địa chỉ:” is not taken for it', () => {
    const body = para('Địa chỉ: Phòng họp số 2, trụ sở Ủy ban nhân dân thành phố, sáng ngày 10/3/2021.', '<w:sz w:val="28"/>', '<w:ind w:firstLine="720"/><w:jc w:val="both"/><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>');
    const bytes = letter({ body });
    expect(found(bytes).texts).toEqual([]);
    expect(contactOf(check(bytes))).toEqual([]);
  });
});

describe('a contact block in a footer every page shares (python-docx, and printed by LibreOffice)', () => {
  const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
  it.each(['docx/contact-every-page.docx', 'pdf/contact-every-page.pdf'])('%s: one warning, and the later pages’ copies are kept out of the letter', async (f) => {
    const ps = (await checkFile(join(FIXTURES, f))).filter((p) => p.rule !== 'page-number');
    expect(ps.map((p) => [p.rule, p.severity, p.message])).toEqual([['contact', 'warning', expect.stringMatching(/^Thông tin liên hệ in ở mọi trang/)]]);
  });
});

describe('cchc’s own letter with a contact block (so-noi-vu-mat-phu-luc.yaml), rendered to DOCX and native PDF', () => {
  it('is found in both and passes', async () => {
    const dir = tempDir();
    const out = join(dir, 'cv.docx');
    const r = await run(['render', example('so-noi-vu-mat-phu-luc.yaml'), '-o', out, '--pdf', '--pdf-engine', 'native', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const a = anatomy(buildModel(new Uint8Array(readFileSync(out))));
    expect(a.contact.map((l) => l.text)).toEqual([expect.stringMatching(/^Địa chỉ: /), expect.stringMatching(/^ĐT: /), 'Website: sonoivu.kiengiang.gov.vn']);
    expect(a.contactPlace).toBe('first-page');
    const pdf = out.replace(/\.docx$/, '.pdf');
    const facts = await extract(await load(), new Uint8Array(readFileSync(pdf)));
    const p = pdfAnatomy(facts, pdfLines(facts));
    expect(p.contact.map((l) => l.text).join(' ')).toMatch(/^Địa chỉ: .*Website: sonoivu\.kiengiang\.gov\.vn$/);
    expect(p.contactRule).toBeDefined();
    for (const f of [out, pdf]) expect(contactOf(await checkFile(f)), f).toEqual([]);
  });
});
