import { describe, expect, it } from 'vitest';
import { run } from './docx.js';
import { checkLetter, errorsOf } from './letter.js';

describe('the plain-paragraph letter', () => {
  it('has no errors', () => {
    expect(errorsOf(checkLetter())).toEqual([]);
  });
});

describe('date-line', () => {
  it.each([
    'Hà Nội, ngày 05 tháng 02 năm 2021',
    'Hà Nội, ngày 10 tháng 10 năm 2021',
    'Hà Nội, ngày 31 tháng 12 năm 2020',
    'Hà Nội, ngày 29 tháng 02 năm 2024',
    'TP. Hồ Chí Minh, ngày      tháng      năm 2021',
  ])('accepts %j', (date) => expect(errorsOf(checkLetter({ date }), 'date-line')).toEqual([]));

  it.each([
    ['Hà Nội, ngày 5 tháng 10 năm 2021', '“05”'],
    ['Hà Nội, ngày 05 tháng 2 năm 2021', '“02”'],
    ['Hà Nội, ngày 05 tháng 04 năm 2021', '“4”'],
    ['Hà Nội, ngày 015 tháng 4 năm 2021', 'Ngày'],
    ['Hà Nội, ngày 29 tháng 02 năm 2021', 'không có thật'],
    ['Hà Nội, ngày 05 tháng      năm 2021', 'để trống cả hai'],
    ['Hà Nội ngày 05 tháng 4 năm 2021', 'dạng'],
    ['Hà Nội, ngày 05 tháng 4 năm 21', 'bốn chữ số'],
    [', ngày 05 tháng 4 năm 2021', 'địa danh'],
  ])('rejects %j', (date, why) => {
    const e = errorsOf(checkLetter({ date }), 'date-line');
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain(why);
  });
});

describe('so-ky-hieu', () => {
  it.each(['Số: 05/UBND-VP', 'Số: 114/QĐ-UBND', 'Số:      /BC-ĐKT', 'Số: 1795/UBND-KT&HT'])('accepts %j', (so) =>
    expect(errorsOf(checkLetter({ so }), 'so-ky-hieu')).toEqual([]),
  );
  it.each([
    ['Số: 5/UBND-VP', '“05”'],
    ['Số: 007/UBND-VP', 'từ 10'.replace('từ 10', 'số 0')],
    ['Số: 0/UBND-VP', 'từ 1'],
    ['Số: 12/ubnd-vp', 'in hoa'],
    ['Số: 12/UBND - VP', 'khoảng trắng'],
    ['Số:/UBND-VP', 'khoảng trống'],
    ['Số: 12-UBND', 'dạng'],
    ['SỐ: 12/UBND-VP', 'chữ “S” hoa'],
  ])('rejects %j', (so, why) => {
    const e = errorsOf(checkLetter({ so }), 'so-ky-hieu');
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain(why);
  });
});

describe('signer', () => {
  it.each([
    [['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Thị B']],
    [['Q. GIÁM ĐỐC', 'Lê Văn C']],
    [['TL. BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ PHÁP CHẾ', 'Phạm D']],
    [['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Phạm D']],
  ])('accepts %j', (signer) => expect(errorsOf(checkLetter({ signer }), 'signer')).toEqual([]));

  it.each([
    [['KT CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A'], '“KT.”'],
    [['T.M. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A'], '“T.M.”'],
    [['TL. BỘ TRƯỞNG', 'Nguyễn Văn A'], 'chức vụ của người ký'],
    [['Chủ tịch', 'Nguyễn Văn A'], 'in hoa'],
    [['CHỦ TỊCH', 'NGUYỄN VĂN A'], 'không in hoa toàn bộ'],
  ])('rejects %j', (signer, why) => {
    const e = errorsOf(checkLetter({ signer }), 'signer');
    expect(e.length).toBeGreaterThan(0);
    expect(e[0]!.message).toContain(why);
  });

  it('warns about academic titles before the name', () => {
    const ps = checkLetter({ signer: ['CHỦ TỊCH', 'TS. Nguyễn Văn A'] }).filter((p) => p.rule === 'signer');
    expect(ps.map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('noi-nhan', () => {
  it.each([
    [['- Như trên;', '- Lưu VT.'], '“- Lưu: VT'],
    [['- Như trên;', '- Lưu: VT, VP'], 'dấu chấm “.”'],
    [['Như trên;', '- Lưu: VT, VP.'], 'bắt đầu bằng “- ”'],
    [[], 'không có nơi nhận'],
  ])('rejects %j', (noiNhan, why) => {
    const e = errorsOf(checkLetter({ noiNhan }), 'noi-nhan');
    expect(e.length).toBeGreaterThan(0);
    expect(e.map((p) => p.message).join('\n')).toContain(why);
  });

  it('warns when the archive line does not start with VT', () => {
    const ps = checkLetter({ noiNhan: ['- Như trên;', '- Lưu: VP, VT.'] }).filter((p) => p.rule === 'noi-nhan');
    expect(ps.map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('tieu-ngu-rule', () => {
  it.each(['border', 'shape', 'vml'] as const)('accepts a rule drawn as %s', (mottoRule) =>
    expect(errorsOf(checkLetter({ mottoRule }), 'tieu-ngu-rule')).toEqual([]),
  );
  it.each([
    ['none', 'Thiếu đường kẻ'],
    ['underscores', 'gõ bằng ký tự'],
  ] as const)('rejects %s', (mottoRule, why) => {
    const e = errorsOf(checkLetter({ mottoRule }), 'tieu-ngu-rule');
    expect(e.map((p) => p.message)).toEqual([expect.stringContaining(why)]);
  });
});

describe('subject', () => {
  it('rejects “V/V” and a missing “V/v”', () => {
    expect(errorsOf(checkLetter({ subject: 'V/V triển khai' }), 'subject').map((p) => p.message)).toEqual([expect.stringContaining('“V/v ”')]);
    expect(errorsOf(checkLetter({ subject: 'Triển khai công tác' }), 'subject').map((p) => p.message)).toEqual([expect.stringContaining('Không tìm thấy')]);
  });
});

describe('page-number', () => {
  const BODY = '<w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr>';
  const long = (n: number) =>
    Array.from({ length: n }, (_, k) => `<w:p>${BODY}${run(`${k + 1}. Ủy ban nhân dân thành phố đề nghị các cơ quan, đơn vị thực hiện nghiêm các nội dung cải cách hành chính đã đề ra trong kế hoạch năm, báo cáo kết quả đúng thời hạn.`, '<w:sz w:val="28"/>')}</w:p>`).join('');

  it('does not ask a one-page letter for page numbers', () => {
    expect(checkLetter().filter((p) => p.rule === 'page-number')).toEqual([]);
  });

  it('asks a letter of about two pages for page numbers (a warning, quoting the decree)', () => {
    const ps = checkLetter({ body: long(14) }).filter((p) => p.rule === 'page-number');
    expect(ps).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^Văn bản khoảng 2 trang nhưng không có số trang .*số trang được đánh bằng chữ số Ả Rập/) })]);
  });

  it('counts a typed page break as a second page', () => {
    const ps = checkLetter({ body: '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' }).filter((p) => p.rule === 'page-number');
    expect(ps.map((p) => p.severity)).toEqual(['warning']);
  });
});
