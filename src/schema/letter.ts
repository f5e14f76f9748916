import * as z from 'zod';
import { LIMITS } from '../load/limits.js';
import { isoDate } from './date.js';

/**
 * The letter data contract, version 1 (../shared/letter-contract.md): the single source of truth for what a
 * letter file may hold. The JSON Schema (`cchc schema`) and the field list in the README are derived from it.
 * Rules about *content* (symbol format, date order, "VT" first in the archive…) live in src/rules, so that
 * `cchc validate` can report them with their own ids; this file says only what fields exist and their types.
 */

/** Most tasks, recipients, cc lines or details in one list (LIMITS.listItems): a clear error, not a 90-page letter. */
const TOO_MANY = `quá nhiều mục: tối đa ${LIMITS.listItems}`;

const text = (description: string) => z.string().min(1, 'không được để trống').meta({ description });

/** Số văn bản: a positive whole number; "114" written as a string is accepted too. */
const docNumber = z
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

export const letterShape = {
  template: z.string().optional().meta({ description: `Mẫu nội dung: ${TEMPLATE_NAMES.join(' | ')} (mặc định ${DEFAULT_TEMPLATE})` }),
  issuer: Issuer,
  number: docNumber.optional(),
  symbol: text('Ký hiệu văn bản, ví dụ UBND-NCPC'),
  date: isoDate.optional().meta({ description: 'Ngày ban hành YYYY-MM-DD; bỏ trống để Văn thư ghi' }),
  subject: text('Trích yếu, in sau "V/v "'),
  urgency: Urgency.optional(),
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
};

export const LetterSchema = z.strictObject(letterShape).meta({
  title: 'Công văn cchc (hợp đồng dữ liệu v1)',
  description: 'Một công văn theo Nghị định 30/2020/NĐ-CP',
});

/** A batch entry may also name its output file. */
export const BatchEntrySchema = z.strictObject({
  ...letterShape,
  output: text('Tên tệp DOCX đầu ra (trong --out-dir)').optional(),
});

export type Letter = z.infer<typeof LetterSchema>;
export type Task = z.infer<typeof Task>;
export type DocRef = z.infer<typeof DocRef>;
export type Signer = z.infer<typeof Signer>;
