import * as z from 'zod';
import { LIMITS } from '../load/limits.js';
import { isoDate } from './date.js';

/**
 * The letter data contract, version 2 (docs/contract.md): the single source of truth for what a letter file
 * may hold. The JSON Schema (`cchc schema`) and the field list in the README are derived from it.
 * Rules about *content* (symbol format, date order, "VT" first in the archive…) live in src/rules, so that
 * `cchc validate` can report them with their own ids; this file says only what fields exist and their types.
 */

/** Most tasks, recipients, cc lines or details in one list (LIMITS.listItems): a clear error, not a 90-page letter. */
const TOO_MANY = `quá nhiều mục: tối đa ${LIMITS.listItems}`;

const text = (description: string) => z.string().min(1, 'không được để trống').meta({ description });

/** Số văn bản: a positive whole number; "114" written as a string is accepted too. */
export const docNumber = z
  .union([z.number().int(), z.string().regex(/^\d+$/, 'số văn bản chỉ gồm chữ số')])
  .meta({ description: 'Số văn bản, ví dụ 114 (số nhỏ hơn 10 được in thành 05)' });

export const TEMPLATE_NAMES = ['chi-dao-sau-kiem-tra', 'cong-van'] as const;
export const DEFAULT_TEMPLATE = 'chi-dao-sau-kiem-tra';

const DocRef = z.strictObject({
  number: docNumber,
  symbol: text('Ký hiệu, ví dụ BC-ĐKT'),
  date: isoDate,
});

const Issuer = z
  .strictObject({
    parent: text('Cơ quan chủ quản, in hoa, không đậm, phía trên tên cơ quan ban hành').optional(),
    name: text('Tên cơ quan ban hành, in hoa đậm; xuống dòng trong giá trị được giữ nguyên'),
    short: text('Cách nội dung gọi cơ quan ban hành, ví dụ "Ủy ban nhân dân tỉnh"').optional(),
    place: text('Địa danh ghi ở dòng ngày tháng, ví dụ "Kiên Giang"'),
    full: text('Tên cơ quan như câu văn gọi, dùng ở dòng "Kèm theo" của phụ lục, ví dụ "Ủy ban nhân dân tỉnh Kiên Giang"').optional(),
  })
  .meta({ description: 'Cơ quan ban hành (góc trên bên trái)' });

const Inspection = z
  .strictObject({
    unit: text('Đơn vị được kiểm tra'),
    year: z.number().int().min(1900).max(2999).meta({ description: 'Năm công tác CCHC được kiểm tra' }),
    team: text('Ai kiểm tra; mặc định "Đoàn kiểm tra"').optional(),
    report: DocRef.meta({ description: 'Báo cáo kết quả kiểm tra của Đoàn' }),
    notice: DocRef.meta({ description: 'Thông báo kết luận kiểm tra (nêu tồn tại)' }).optional(),
  })
  .partial({ unit: true, year: true, report: true })
  .meta({ description: 'Cuộc kiểm tra mà công văn chỉ đạo tiếp' });

const Findings = z
  .strictObject({
    strengths: text('Kết quả đạt được; các đoạn cách nhau một dòng trống').optional(),
    weaknesses: text('Tồn tại, hạn chế; các đoạn cách nhau một dòng trống').optional(),
  })
  .meta({ description: 'Nhận xét sau kiểm tra' });

const Task = z.union([
  text('Một nhiệm vụ (một đoạn văn)'),
  z.strictObject({
    text: text('Câu dẫn của nhiệm vụ'),
    details: z.array(text('Một đoạn chi tiết')).max(LIMITS.listItems, TOO_MANY).optional().meta({ description: 'Các đoạn chi tiết dưới nhiệm vụ' }),
  }),
]);

const Signer = z
  .strictObject({
    on_behalf: text('Thay mặt tập thể: dòng đầu "TM. <on_behalf>"').optional(),
    authority: z
      .enum(['KT', 'TL', 'TUQ', 'Q'])
      .optional()
      .meta({ description: 'KT (ký thay), TL (thừa lệnh), TUQ (thừa ủy quyền), Q (quyền)' }),
    title: text('Chức vụ ký hoặc được ký thay, in hoa'),
    own_title: text('Chức vụ của người ký thật khi KT, TL, TUQ').optional(),
    name: text('Họ và tên người ký'),
  })
  .meta({ description: 'Người ký' });

/** Dấu chỉ mức độ khẩn: written in any case; "hoả" (old tone placement) accepted as "hỏa". */
const Urgency = z.preprocess(
  (v) => (typeof v === 'string' ? v.toLowerCase().replace('hoả', 'hỏa').trim() : v),
  z.enum(['khẩn', 'thượng khẩn', 'hỏa tốc']),
).meta({ description: 'Mức độ khẩn: khẩn | thượng khẩn | hỏa tốc' });

/** A mark word written in any case ("Mật", "MẬT"); `words` are the decree's, in lower case. */
const markWord = (words: readonly string[], description: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim() : v), z.enum(words as [string, ...string[]]))
    .meta({ description });

const Contact = z
  .strictObject({
    address: text('Địa chỉ cơ quan').optional(),
    phone: z.union([text('Số điện thoại'), z.number()]).optional().meta({ description: 'Số điện thoại' }),
    fax: z.union([text('Số fax'), z.number()]).optional().meta({ description: 'Số fax' }),
    email: text('Thư điện tử').optional(),
    website: text('Trang thông tin điện tử').optional(),
  })
  .meta({ description: 'Địa chỉ, điện thoại, fax, thư điện tử, website (ô 13): cuối trang đầu, cỡ 11–12' });

/** A table cell as written: text (with **bold**), a number, or empty. Dates and numbers print as written. */
const Cell = z.union([z.string(), z.number(), z.null()]).meta({ description: 'Một ô: chữ (có thể dùng **đậm**), số, hoặc để trống' });

const Column = z.strictObject({
  header: z.union([text('Tiêu đề cột'), z.number()]).meta({ description: 'Tiêu đề cột' }),
  width: z.number().min(1).max(400).optional().meta({ description: 'Độ rộng cột, mm (các cột không ghi chia đều phần còn lại)' }),
  align: z.enum(['left', 'center', 'right']).optional().meta({ description: 'Canh lề: left | center | right' }),
});

const InlineTable = z.strictObject({
  columns: z.array(Column).min(1, 'cần ít nhất một cột').max(30, 'quá nhiều cột: tối đa 30').meta({ description: 'Các cột, theo thứ tự' }),
  rows: z.array(z.array(Cell)).max(LIMITS.tableRows, `quá nhiều dòng: tối đa ${LIMITS.tableRows}`).meta({ description: 'Các dòng; mỗi dòng đủ số ô như số cột' }),
});

const SheetTable = z.strictObject({
  from: text('Tệp .xlsx hoặc .csv, đường dẫn tính từ tệp YAML'),
  sheet: text('Tên trang tính (chỉ .xlsx); mặc định trang đầu').optional(),
  header_row: z.number().int().min(1).max(1000).optional().meta({ description: 'Dòng tiêu đề; mặc định dòng không trống đầu tiên' }),
  columns: z.array(Column).max(30).optional().meta({ description: 'Độ rộng, canh lề theo tiêu đề cột' }),
});

const Appendix = z.strictObject({
  title: text('Tên phụ lục, in hoa đậm').optional(),
  landscape: z.boolean().optional().meta({ description: 'Trang khổ A4 nằm ngang (cho bảng rộng)' }),
  text: text('Các đoạn trước bảng').optional(),
  table: z.union([InlineTable, SheetTable]).optional().meta({ description: 'Bảng: columns + rows, hoặc from: tệp .xlsx/.csv' }),
  note: text('Các đoạn sau bảng').optional(),
}).meta({ description: 'Một phụ lục, bắt đầu ở trang mới' });

export const letterShape = {
  template: z.string().optional().meta({ description: `Mẫu nội dung: ${TEMPLATE_NAMES.join(' | ')} (mặc định ${DEFAULT_TEMPLATE})` }),
  issuer: Issuer,
  number: docNumber.optional(),
  symbol: text('Ký hiệu văn bản, ví dụ UBND-NCPC'),
  date: isoDate.optional().meta({ description: 'Ngày ban hành YYYY-MM-DD; bỏ trống để Văn thư ghi' }),
  subject: text('Trích yếu, in sau "V/v "'),
  urgency: Urgency.optional(),
  secrecy: markWord(['mật', 'tối mật', 'tuyệt mật'], 'Độ mật (ô 10a): mật | tối mật | tuyệt mật').optional(),
  circulation: markWord(['xem xong trả lại', 'lưu hành nội bộ'], 'Phạm vi lưu hành (ô 11): xem xong trả lại | lưu hành nội bộ').optional(),
  to: z.array(text('Một nơi nhận')).min(1, 'cần ít nhất một nơi nhận').max(LIMITS.listItems, TOO_MANY).meta({ description: 'Kính gửi' }),
  addressee: text('Cách phần kết gọi người nhận (thêm vào hợp đồng); mặc định là nơi nhận đầu tiên').optional(),
  inspection: Inspection.optional(),
  findings: Findings.optional(),
  task_style: z.enum(['numbered', 'dash']).optional().meta({ description: 'numbered ("1.") hoặc dash ("- ")' }),
  tasks: z.array(Task).max(LIMITS.listItems, TOO_MANY).optional().meta({ description: 'Nhiệm vụ, theo thứ tự' }),
  deadline: isoDate.optional().meta({ description: 'Hạn báo cáo (in đậm ở đoạn kết)' }),
  report_to: text('Nơi nhận báo cáo, ví dụ "UBND tỉnh (qua Sở Nội vụ)"').optional(),
  intro: text('Thay đoạn mở đầu của mẫu').optional(),
  closing: text('Thay đoạn kết của mẫu').optional(),
  signer: Signer,
  cc: z.array(text('Một nơi nhận bản sao')).max(LIMITS.listItems, TOO_MANY).optional().meta({ description: 'Nơi nhận (sau "Như trên")' }),
  archive: z
    .union([z.array(text('Một mục lưu')).min(1, 'cần ít nhất "VT"'), text('Dòng lưu, ví dụ "VT, SNV"')])
    .meta({ description: 'Dòng "Lưu:", bắt đầu bằng VT' }),
  contact: Contact.optional(),
  appendices: z.array(Appendix).max(20, 'quá nhiều phụ lục: tối đa 20').optional().meta({ description: 'Phụ lục, sau công văn, mỗi phụ lục từ trang mới' }),
};

export const LetterSchema = z.strictObject(letterShape).meta({
  title: 'Công văn cchc (hợp đồng dữ liệu v2)',
  description: 'Một công văn theo Nghị định 30/2020/NĐ-CP',
});

/** A batch entry may also name its output file. */
export const BatchEntrySchema = z.strictObject({
  ...letterShape,
  output: text('Tên tệp DOCX đầu ra (trong --out-dir)').optional(),
});

/** `letters_from:` of a batch file: one letter per row of a sheet (contract v2). */
export const LettersFromSchema = z.strictObject({
  file: text('Tệp .xlsx hoặc .csv, đường dẫn tính từ tệp YAML'),
  sheet: text('Tên trang tính (chỉ .xlsx); mặc định trang đầu').optional(),
  header_row: z.number().int().min(1).max(1000).optional().meta({ description: 'Dòng tiêu đề; mặc định dòng không trống đầu tiên' }),
  columns: z.record(z.string(), z.union([z.string(), z.null()])).optional().meta({ description: 'Tiêu đề cột → trường (inspection.unit, to, …); ~ để bỏ qua cột' }),
});

export type Letter = z.infer<typeof LetterSchema>;
export type Appendix = z.infer<typeof Appendix>;
export type InlineTable = z.infer<typeof InlineTable>;
export type SheetTable = z.infer<typeof SheetTable>;
export type Column = z.infer<typeof Column>;
export type Contact = z.infer<typeof Contact>;
export type LettersFrom = z.infer<typeof LettersFromSchema>;
export type Task = z.infer<typeof Task>;
export type DocRef = z.infer<typeof DocRef>;
export type Signer = z.infer<typeof Signer>;
