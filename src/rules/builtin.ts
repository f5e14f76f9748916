import type { Severity } from '../problem.js';

/** A kind of problem that `cchc validate --rules` lists: a lint rule, or a check built into reading the file. */
export interface ProblemKind { id: string; severity: Severity; doc: string }

/**
 * Problems found while reading a file and checking it against the contract, before any lint rule runs. They
 * are not rules (they cannot be turned off: a file that fails them cannot be read as a letter), but they have
 * stable ids like the rules, so CI and editors can tell them apart.
 */
export const BUILTIN_PROBLEMS: readonly ProblemKind[] = [
  { id: 'io', severity: 'error', doc: 'Không tìm thấy hoặc không đọc được tệp, thư mục' },
  { id: 'file-too-large', severity: 'error', doc: 'Tệp lớn hơn 5 MB, hoặc có quá nhiều giá trị' },
  { id: 'encoding', severity: 'error', doc: 'Tệp không phải UTF-8 (UTF-16, bảng mã TCVN3/VNI cũ)' },
  { id: 'yaml-syntax', severity: 'error', doc: 'Lỗi cú pháp YAML (thụt lề, dấu ngoặc, dấu hai chấm…)' },
  { id: 'duplicate-key', severity: 'error', doc: 'Một trường được viết hai lần trong cùng một nhóm' },
  { id: 'alias-limit', severity: 'error', doc: 'Dùng bí danh YAML (*alias) quá nhiều: chặn tệp "bom bí danh"' },
  { id: 'depth-limit', severity: 'error', doc: 'Lồng nhau quá sâu' },
  { id: 'yaml-tag', severity: 'error', doc: 'Thẻ YAML (!!binary, !!set, !tùy-ý…) không dùng được trong công văn' },
  { id: 'no-control-chars', severity: 'error', doc: 'Văn bản có ký tự điều khiển (thường do dán từ Word/PDF)' },
  { id: 'text-limit', severity: 'error', doc: 'Một giá trị chữ dài quá giới hạn' },
  { id: 'schema', severity: 'error', doc: 'Sai hợp đồng dữ liệu: thiếu trường bắt buộc, sai kiểu, ngày sai dạng hoặc không có thật' },
  { id: 'unknown-key', severity: 'error', doc: 'Trường lạ (gõ sai tên trường), kèm gợi ý "có phải ý bạn là…"' },
  { id: 'limit', severity: 'error', doc: 'Quá nhiều công văn trong một tệp' },
  { id: 'output-path', severity: 'error', doc: 'Tên tệp đầu ra (output) ra ngoài thư mục ghi, hoặc -o trỏ vào một thư mục' },
  { id: 'output-collision', severity: 'error', doc: 'Hai công văn cùng một tên tệp đầu ra' },
  { id: 'sheet', severity: 'error', doc: 'Không đọc được bảng tính (letters_from, table.from): tệp hỏng, có mật khẩu, .xls cũ, thiếu trang tính, dòng tiêu đề trống' },
  { id: 'sheet-columns', severity: 'error', doc: 'Cột của bảng tính chưa gán cho trường nào, gán cho tên không phải trường, hai cột cùng một trường, ô có dữ liệu ở cột không tiêu đề' },
  { id: 'sheet-cell', severity: 'error', doc: 'Ô của bảng tính không hợp với trường: ngày sai hoặc không có thật, không phải số, ô báo lỗi, công thức chưa có kết quả' },
];
