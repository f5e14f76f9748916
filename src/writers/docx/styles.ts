import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { ND30 } from '../../decree/nd30.js';
import { HOUSE } from '../../layout/params.js';
import { mmToTwip, ptToTwip } from '../../layout/units.js';
import { FONT } from './run.js';
import { lineMultiple, ptToHalfPt } from './units.js';

/**
 * Named paragraph styles, one per ND30 part, so a clerk can restyle a part in Word's style pane.
 * Ids are English; the names Word shows are "CV <Vietnamese part name>".
 */
const style = (id: string, name: string, sizePt: number, extra: Partial<IParagraphStyleOptions> = {}, run: { bold?: boolean; italics?: boolean } = {}): IParagraphStyleOptions => ({
  id, name, basedOn: 'Normal', next: id, quickFormat: true,
  run: { font: FONT, size: ptToHalfPt(sizePt), ...run },
  ...extra,
});

const D = ND30;
const centred = { paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } } };

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: ptToHalfPt(D.body.sizePt.value), language: { value: 'vi-VN', eastAsia: 'vi-VN', bidirectional: 'ar-SA' } },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
  },
  paragraphStyles: [
    style('ParentAgency', 'CV Cơ quan chủ quản', D.parentAgency.sizePt.value, centred),
    style('Issuer', 'CV Cơ quan ban hành', D.issuer.sizePt.value, centred, { bold: true }),
    style('NationalTitle', 'CV Quốc hiệu', D.nationalTitle.sizePt.value, centred, { bold: true }),
    style('Motto', 'CV Tiêu ngữ', D.motto.sizePt.value, centred, { bold: true }),
    style('Rule', 'CV Đường kẻ', HOUSE.rule.lineSizePt, centred),
    style('DocNumber', 'CV Số ký hiệu', D.number.sizePt.value, centred),
    style('DateLine', 'CV Địa danh ngày tháng', D.dateLine.sizePt.value, centred, { italics: true }),
    style('Subject', 'CV Trích yếu', D.subject.sizePt.value, centred),
    style('Urgency', 'CV Độ khẩn', D.urgency.sizePt.value, centred, { bold: true }),
    style('Recipients', 'CV Kính gửi', D.recipients.sizePt.value),
    style('Body', 'CV Nội dung', D.body.sizePt.value, {
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: mmToTwip(D.body.firstLineMm.value) },
        spacing: { before: 0, after: ptToTwip(D.body.spaceAfterPt.value), line: lineMultiple(D.body.lineMultiple.value), lineRule: LineRuleType.AUTO },
      },
    }),
    style('SignerTitle', 'CV Chức vụ người ký', D.signer.title.sizePt.value, centred, { bold: true }),
    style('SignerName', 'CV Họ tên người ký', D.signer.name.sizePt.value, centred, { bold: true }),
    style('DistributionLabel', 'CV Nơi nhận', D.distribution.label.sizePt.value, {}, { bold: true, italics: true }),
    style('DistributionItem', 'CV Nơi nhận - mục', D.distribution.item.sizePt.value),
    style('PageNumber', 'CV Số trang', D.pageNumber.sizePt.value, centred),
  ],
};

/** Styles of the parts a version 2 letter may add (marks, contact block, appendices, tables). */
export const STYLES_V2: IStylesOptions = {
  ...STYLES,
  paragraphStyles: [
    ...STYLES.paragraphStyles!,
    style('Secrecy', 'CV Độ mật', D.secrecy.sizePt.value, centred, { bold: true }),
    style('Circulation', 'CV Phạm vi lưu hành', D.circulation.sizePt.value, centred, { bold: true }),
    style('Contact', 'CV Địa chỉ liên hệ', D.contact.sizePt.value, centred),
    style('AppendixHeading', 'CV Phụ lục', D.appendix.heading.sizePt.value, centred, { bold: true }),
    style('AppendixTitle', 'CV Tên phụ lục', D.appendix.title.sizePt.value, centred, { bold: true }),
    style('AppendixRef', 'CV Kèm theo', D.appendix.attachedTo.sizePt.value, centred, { italics: true }),
    style('TableHeader', 'CV Bảng - tiêu đề', HOUSE.tableCellPt, centred, { bold: true }),
    style('TableCell', 'CV Bảng - ô', HOUSE.tableCellPt, { paragraph: { spacing: { before: 0, after: 0 } } }),
  ],
};
