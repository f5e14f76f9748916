import { describe, expect, it } from 'vitest';
import { headerView } from '../../src/layout/header.js';
import type { Letter } from '../../src/schema/letter.js';

const letter = (name: string): Letter => ({
  issuer: { name, place: 'Hà Tiên' }, symbol: 'UBND-VP', subject: 'x', to: ['A'],
  signer: { title: 'CHỦ TỊCH', name: 'B' }, archive: ['VT'],
}) as Letter;

const issuerLines = (name: string) => headerView(letter(name), new Date(2026, 0, 1)).issuer;

describe('issuer name lines', () => {
  it('breaks a long one-line name before its administrative level, as offices do', () => {
    expect(issuerLines('Ủy ban nhân dân tỉnh Kiên Giang')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH KIÊN GIANG']);
    expect(issuerLines('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TIÊN')).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ TIÊN']);
  });

  it('never splits "THỊ XÃ" itself', () => {
    expect(issuerLines('ỦY BAN NHÂN DÂN THỊ XÃ KIÊN LƯƠNG')).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ KIÊN LƯƠNG']);
  });

  it('keeps a name that fits, and the clerk\'s own line breaks', () => {
    expect(issuerLines('SỞ NỘI VỤ')).toEqual(['SỞ NỘI VỤ']);
    expect(issuerLines('ỦY BAN NHÂN DÂN TỈNH\nKIÊN GIANG')).toEqual(['ỦY BAN NHÂN DÂN TỈNH', 'KIÊN GIANG']);
  });
});
