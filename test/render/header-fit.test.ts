import { describe, expect, it } from 'vitest';
import { fitHeader } from '../../src/layout/header.js';
import { TEXT_WIDTH } from '../../src/layout/geometry.js';
import { textWidthPt } from '../../src/layout/text-width.js';
import type { Letter } from '../../src/schema/letter.js';
import { formatDateLine } from '../../src/template/vn.js';

const letter = (issuer: Partial<Letter['issuer']>): Letter => ({
  issuer: { name: 'SỞ NỘI VỤ', place: 'Hà Tiên', ...issuer }, symbol: 'UBND-VP', subject: 'x', to: ['A'],
  signer: { title: 'CHỦ TỊCH', name: 'B' }, archive: ['VT'],
}) as Letter;

const fit = (issuer: Partial<Letter['issuer']>, date = '2025-11-28') => {
  const l = letter(issuer);
  return fitHeader(l, formatDateLine(l.issuer.place, date, 2025, '      '));
};
const issuerLines = (name: string) => fit({ name }).issuer.lines;
const mm = (twips: number) => (twips * 25.4) / 1440;

describe('agency names break only between phrases', () => {
  it('breaks a long one-line name before its administrative level, as offices do', () => {
    expect(issuerLines('Ủy ban nhân dân tỉnh Kiên Giang')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH KIÊN GIANG']);
    expect(issuerLines('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TIÊN')).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ TIÊN']);
  });

  it('never splits "THỊ XÃ" itself', () => {
    expect(issuerLines('ỦY BAN NHÂN DÂN THỊ XÃ KIÊN LƯƠNG')).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ KIÊN LƯƠNG']);
  });

  it("keeps a name that fits, and the clerk's own line breaks", () => {
    expect(issuerLines('SỞ NỘI VỤ')).toEqual(['SỞ NỘI VỤ']);
    expect(issuerLines('ỦY BAN NHÂN DÂN TỈNH\nKIÊN GIANG')).toEqual(['ỦY BAN NHÂN DÂN TỈNH', 'KIÊN GIANG']);
  });

  it('a long board name: no word split, no word alone on a line ("CÔNG / NGHIỆP" was printed before)', () => {
    const f = fit({ name: 'BAN QUẢN LÝ CÁC KHU CHẾ XUẤT VÀ CÔNG NGHIỆP' }).issuer;
    expect(f.lines.join(' ')).toBe('BAN QUẢN LÝ CÁC KHU CHẾ XUẤT VÀ CÔNG NGHIỆP');
    for (const line of f.lines) expect(line.split(' ').length).toBeGreaterThan(1);
    expect(f.lines.some((l) => /CÔNG$/.test(l))).toBe(false);
    expect(f.lines.some((l) => /^CHẾ|^XUẤT|^NGHIỆP/.test(l))).toBe(false);
    expect([12, 13]).toContain(f.sizePt);
  });

  it('"UBND THÀNH PHỐ CẦN THƠ" as parent stays on one line at 13 pt (the column widens for it)', () => {
    const f = fit({ parent: 'UBND THÀNH PHỐ CẦN THƠ', name: 'SỞ NỘI VỤ' });
    expect(f.parent!.lines).toEqual(['UBND THÀNH PHỐ CẦN THƠ']);
    expect(f.parent!.sizePt).toBe(13);
    expect(mm(f.left)).toBeGreaterThan(62);
    // The Quốc hiệu still fits the right column at 13 pt.
    expect(textWidthPt('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 13, true) * 20).toBeLessThan(TEXT_WIDTH - f.left);
  });

  it('a department with a dash keeps "LAO ĐỘNG - THƯƠNG BINH" together', () => {
    const f = fit({ name: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI' }).issuer;
    for (const l of f.lines) expect(l).not.toMatch(/^- |-$| -$/);
    expect(f.lines).toEqual(['SỞ LAO ĐỘNG - THƯƠNG BINH', 'VÀ XÃ HỘI']);
  });
});

describe('the date line is always one line', () => {
  it('14 pt where it fits', () => {
    expect(fit({ place: 'Kiên Giang' }).dateSizePt).toBe(14);
  });
  it('13 pt for "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025", which does not fit the column at 14 pt', () => {
    const f = fit({ place: 'Thành phố Hồ Chí Minh' });
    expect(f.dateSizePt).toBe(13);
    const width = textWidthPt('Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025', 13, false) * 20;
    expect(width).toBeLessThan(TEXT_WIDTH - f.left);
  });
  it('a place longer still (103 mm at 13 pt) widens the right column', () => {
    const place = 'Thành phố Buôn Ma Thuột';
    const f = fit({ place });
    expect(f.dateSizePt).toBe(13);
    expect(textWidthPt(`${place}, ngày 28 tháng 11 năm 2025`, 13, false) * 20).toBeLessThan(TEXT_WIDTH - f.left);
  });
});
