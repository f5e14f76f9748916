import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/layout/appendix.js';
import { keepPhrases } from '../../src/layout/fit.js';
import { textWidthOf } from '../../src/layout/geometry.js';
import { textWidthPt } from '../../src/layout/text-width.js';
import { mmToTwip } from '../../src/layout/units.js';

/** The lines Word makes of a centred line of text: greedy, breaking only at ordinary spaces. */
function greedy(text: string, sizePt: number, bold: boolean, widthPt: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && textWidthPt(`${last} ${word}`.replace(/\u00A0/g, ' '), sizePt, bold) <= widthPt) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

describe('centred lines Word wraps: no word split, no word alone', () => {
  it('a title that would break inside a place name keeps the place together', () => {
    const title = 'DANH SÁCH HỒ SƠ GIẢI QUYẾT TRỄ HẠN CỦA ỦY BAN NHÂN DÂN HUYỆN AN BIÊN NĂM 2025';
    const width = 300;
    const before = greedy(title, 14, true, width);
    // Without help, Word splits the name somewhere inside (the case this guards against).
    const kept = keepPhrases(title, 14, true, width);
    const after = greedy(kept, 14, true, width);
    expect(after.join(' ').replace(/\u00A0/g, ' ')).toBe(title);
    for (const line of after.map((l) => l.replace(/\u00A0/g, ' '))) {
      expect(line.startsWith('BIÊN')).toBe(false);
      expect(line.startsWith('DÂN')).toBe(false);
    }
    expect(before.length).toBeGreaterThan(1);
  });

  it('a V/v subject whose last line would be one word keeps it with the word before; a good one is unchanged', () => {
    const subject = 'V/v chấn chỉnh việc giải quyết hồ sơ trễ hạn trên Hệ thống thông tin giải quyết thủ tục hành chính';
    const width = 173;
    expect(greedy(subject, 13, false, width).at(-1)).toBe('chính');
    const lines = greedy(keepPhrases(subject, 13, false, width), 13, false, width);
    expect(lines.at(-1)!.split(/[ \u00A0]/).length).toBeGreaterThan(1);
    const fine = 'V/v tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020';
    expect(keepPhrases(fine, 13, false, width)).toBe(fine);
  });
});

describe('appendix column widths', () => {
  const portrait = textWidthOf(false);
  it('free columns share what given widths leave', () => {
    const w = columnWidths([{ width: 12 }, {}, {}], portrait);
    expect(w[0]).toBe(mmToTwip(12));
    expect(Math.abs(w[1]! - w[2]!)).toBeLessThanOrEqual(1);
    expect(w.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(portrait);
  });
  it('given widths filling the page leave a free column its 10 mm, never nothing', () => {
    const w = columnWidths([{ width: 100 }, { width: 65 }, {}], portrait);
    expect(w[2]).toBeGreaterThanOrEqual(mmToTwip(10) - 2);
    expect(w.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(portrait);
  });
  it('widths wider than the page are scaled to it', () => {
    const w = columnWidths([{ width: 200 }, { width: 100 }], portrait);
    expect(w.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(portrait);
    expect(w[0]! / w[1]!).toBeCloseTo(2, 1);
  });
});
