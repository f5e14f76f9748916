#!/usr/bin/env node
// Makes the example workbook and CSV in examples/ (letters from a sheet): `node scripts/make-sheet-examples.mjs`.
// The files are reproducible byte for byte: fixed dates in the workbook's properties and in the zip, the zip
// written by fflate in a fixed order. Run it again after changing the rows below, and commit what it writes.
//   examples/ket-qua-kiem-tra.xlsx   sheet "Kết quả" (title rows, a blank row, date cells and typed dates, a
//                                    formula, multi-line cells) and sheet "Hồ sơ trễ hạn" (an appendix table)
//   examples/ket-qua-kiem-tra.csv    the same rows as "Kết quả", semicolons, UTF-8 with BOM, as Excel saves them
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXED = new Date(Date.UTC(2020, 11, 22, 8, 0, 0));

export const HEADERS = ['STT', 'Đơn vị được kiểm tra', 'Người nhận', 'Số báo cáo', 'Ngày báo cáo', 'Kết quả đạt được', 'Tồn tại, hạn chế', 'Nhiệm vụ', 'Trích yếu', 'Ghi chú'];

/** The inspected units: report dates as Excel date cells (Date) or typed text ("01/12/2020"), as clerks mix them. */
export const UNITS = [
  {
    unit: 'UBND huyện An Minh', to: 'Chủ tịch UBND huyện An Minh', report: 284, date: new Date(Date.UTC(2020, 10, 30)),
    strengths: 'Ủy ban nhân dân huyện An Minh đã ban hành khá đầy đủ các văn bản chỉ đạo điều hành thực hiện công tác CCHC năm 2020.',
    weaknesses: 'Việc cập nhật, niêm yết thủ tục hành chính mới ban hành còn chậm.\nChưa bố trí đủ kinh phí cho công tác CCHC.',
    tasks: 'Tăng cường công tác chỉ đạo, điều hành; bố trí kinh phí đảm bảo nguồn lực thực hiện công tác CCHC.\nChỉ đạo Phòng Nội vụ tăng cường kiểm tra chuyên môn nghiệp vụ công tác CCHC.',
    note: 'Đã kiểm tra thực tế',
  },
  {
    unit: 'UBND huyện U Minh Thượng', to: 'Chủ tịch UBND huyện U Minh Thượng\nTrưởng phòng Nội vụ huyện U Minh Thượng', report: 285, date: '01/12/2020',
    strengths: 'Ủy ban nhân dân huyện U Minh Thượng đã triển khai thực hiện cơ bản các nhiệm vụ CCHC năm 2020.',
    weaknesses: 'Tỷ lệ hồ sơ trực tuyến mức độ 3, 4 còn thấp.',
    tasks: 'Đẩy mạnh thực hiện dịch vụ công trực tuyến mức độ 3, 4.',
    note: '',
  },
  null, // a blank row between units: skipped
  {
    unit: 'Sở Xây dựng', to: 'Giám đốc Sở Xây dựng', report: 286, date: '2020-12-02',
    strengths: 'Sở Xây dựng đã hoàn thành đúng tiến độ các nhiệm vụ CCHC năm 2020.',
    weaknesses: '',
    tasks: 'Tiếp tục rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền.\nCông khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công.',
    note: 'Ghi chú này không vào công văn',
  },
];

export const LATE_FILES = [
  ['STT', 'Mã hồ sơ', 'Thủ tục', 'Ngày hẹn trả', 'Ngày trả'],
  [1, '000.00.22.H31-201012-0001', 'Cấp giấy phép xây dựng', new Date(Date.UTC(2020, 9, 12)), '20/10/2020'],
  [2, '000.00.22.H31-201015-0007', 'Đăng ký hộ kinh doanh', new Date(Date.UTC(2020, 9, 15)), '19/10/2020'],
];

const subject = (unit) => `tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với ${unit}`;

async function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Kết quả');
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG';
  ws.mergeCells('A2:J2');
  ws.getCell('A2').value = 'KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2020';
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { bold: true };
  const head = ws.getRow(4);
  head.values = HEADERS;
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  let r = 5;
  let n = 0;
  for (const u of UNITS) {
    if (u) {
      n++;
      const row = ws.getRow(r);
      row.values = [n, u.unit, u.to, u.report, u.date, u.strengths, u.weaknesses || null, u.tasks, null, u.note || null];
      // Trích yếu is a formula, as clerks build it; its result is saved with it, as Excel does.
      row.getCell(9).value = { formula: `"tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với "&B${r}`, result: subject(u.unit) };
      row.alignment = { wrapText: true, vertical: 'top' };
    }
    r++;
  }
  ws.getColumn(5).numFmt = 'dd/mm/yyyy';
  [6, 28, 30, 10, 12, 40, 40, 50, 40, 20].forEach((w, i) => { ws.getColumn(i + 1).width = w; });

  const late = wb.addWorksheet('Hồ sơ trễ hạn');
  late.mergeCells('A1:E1');
  late.getCell('A1').value = 'DANH SÁCH HỒ SƠ GIẢI QUYẾT TRỄ HẠN';
  LATE_FILES.forEach((values, i) => { late.getRow(i + 3).values = values; });
  late.getColumn(4).numFmt = 'dd/mm/yyyy';
  return wb;
}

/** The workbook's parts zipped again in a fixed order with a fixed date, so the file is the same on every run. */
export async function workbookBytes() {
  const parts = unzipSync(new Uint8Array(await (await workbook()).xlsx.writeBuffer()));
  const sorted = Object.fromEntries(Object.keys(parts).sort().map((k) => [k, [parts[k], { mtime: FIXED }]]));
  return zipSync(sorted, { level: 6, mtime: FIXED });
}

/** The "Kết quả" rows as Excel saves "CSV UTF-8" with ";" as the list separator: BOM, quotes around multi-line text. */
export function csvText() {
  const q = (v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const dmy = (d) => (d instanceof Date ? `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}` : d);
  const lines = ['ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG;;;;;;;;;', 'KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2020;;;;;;;;;', ';;;;;;;;;'];
  lines.push(HEADERS.map(q).join(';'));
  let n = 0;
  for (const u of UNITS) {
    if (!u) { lines.push(';;;;;;;;;'); continue; }
    n++;
    lines.push([String(n), u.unit, u.to, String(u.report), dmy(u.date), u.strengths, u.weaknesses, u.tasks, subject(u.unit), u.note].map(q).join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(ROOT, 'examples', 'ket-qua-kiem-tra.xlsx'), await workbookBytes());
  writeFileSync(join(ROOT, 'examples', 'ket-qua-kiem-tra.csv'), csvText());
  console.log('examples/ket-qua-kiem-tra.xlsx, examples/ket-qua-kiem-tra.csv');
}
