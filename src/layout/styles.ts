import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { ND30 } from './nd30.js';
import { FONT } from './run.js';
import { lineMultiple, mmToTwip, ptToHalfPt, ptToTwip } from './units.js';

/**
 * Named paragraph styles, one per ND30 part, so a clerk can restyle a part in Word's style pane.
 * Ids are English; the names Word shows are "CV <Vietnamese part name>".
 */
const style = (id: string, name: string, sizePt: number, extra: Partial<IParagraphStyleOptions> = {}, run: { bold?: boolean; italics?: boolean } = {}): IParagraphStyleOptions => ({
  id, name, basedOn: 'Normal', next: id, quickFormat: true,
  run: { font: FONT, size: ptToHalfPt(sizePt), ...run },
  ...extra,
});

const centred = { paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } } };

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: ptToHalfPt(ND30.body.sizePt), language: { value: 'vi-VN', eastAsia: 'vi-VN', bidirectional: 'ar-SA' } },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
  },
  paragraphStyles: [
    style('ParentAgency', 'CV Cơ quan chủ quản', ND30.parentAgency.sizePt, centred),
    style('Issuer', 'CV Cơ quan ban hành', ND30.issuer.sizePt, centred, { bold: true }),
    style('NationalTitle', 'CV Quốc hiệu', ND30.nationalTitle.sizePt, centred, { bold: true }),
    style('Motto', 'CV Tiêu ngữ', ND30.motto.sizePt, centred, { bold: true }),
    style('Rule', 'CV Đường kẻ', ND30.rule.lineSizePt, centred),
    style('DocNumber', 'CV Số ký hiệu', ND30.number.sizePt, centred),
    style('DateLine', 'CV Địa danh ngày tháng', ND30.dateLine.sizePt, centred, { italics: true }),
    style('Subject', 'CV Trích yếu', ND30.subject.sizePt, centred),
    style('Urgency', 'CV Độ khẩn', ND30.urgency.sizePt, centred, { bold: true }),
    style('Recipients', 'CV Kính gửi', ND30.recipients.sizePt),
    style('Body', 'CV Nội dung', ND30.body.sizePt, {
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: mmToTwip(ND30.body.firstLineMm) },
        spacing: { before: 0, after: ptToTwip(ND30.body.spaceAfterPt), line: lineMultiple(ND30.body.lineMultiple), lineRule: LineRuleType.AUTO },
      },
    }),
    style('SignerTitle', 'CV Chức vụ người ký', ND30.signer.sizePt, centred, { bold: true }),
    style('SignerName', 'CV Họ tên người ký', ND30.signer.sizePt, centred, { bold: true }),
    style('DistributionLabel', 'CV Nơi nhận', ND30.distribution.labelSizePt, {}, { bold: true, italics: true }),
    style('DistributionItem', 'CV Nơi nhận - mục', ND30.distribution.itemSizePt),
    style('PageNumber', 'CV Số trang', ND30.pageNumber.sizePt, centred),
  ],
};
