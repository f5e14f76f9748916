/**
 * Every layout parameter of a công văn, named after Nghị định 30/2020/NĐ-CP, Phụ lục I, in one table — like a
 * LaTeX document class — so a reader can hold it against the decree.
 * Where the decree gives a range, the value here is the one most offices use.
 * Sizes in points, lengths in millimetres; the OOXML units are derived in ./units.ts.
 */
export const ND30 = {
  /** Khổ giấy A4, trình bày theo chiều dài. */
  page: { widthMm: 210, heightMm: 297 },
  /** Lề trên 20–25, lề dưới 20–25, lề trái 30–35, lề phải 15–20 mm. */
  margin: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15, headerMm: 10 },
  /** Phông chữ Times New Roman, bộ mã Unicode TCVN 6909:2001. */
  font: 'Times New Roman',
  /** Số trang: chữ số Ả Rập, cỡ 13–14, đứng, canh giữa lề trên, không đánh số trang đầu. */
  pageNumber: { sizePt: 14 },

  /** Header table: left column (cơ quan) and right column (Quốc hiệu), borderless. */
  headerTable: { leftMm: 62, cellMarginMm: 0.5 },
  /** Cơ quan, tổ chức chủ quản: in hoa, cỡ 12–13, đứng. */
  parentAgency: { sizePt: 13, bold: false },
  /** Tên cơ quan ban hành: in hoa, cỡ 12–13, đứng, đậm; đường kẻ ngang nét liền, 1/3–1/2 độ dài dòng chữ. */
  issuer: { sizePt: 13, bold: true, ruleFraction: 0.4 },
  /** Quốc hiệu: in hoa, cỡ 12–13, đứng, đậm. */
  nationalTitle: { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', sizePt: 13, bold: true },
  /** Tiêu ngữ: in thường, cỡ 13–14, đứng, đậm; đường kẻ ngang nét liền bằng độ dài dòng chữ. */
  motto: { text: 'Độc lập - Tự do - Hạnh phúc', sizePt: 14, bold: true },
  /** Rule lines under issuer and motto: a bottom border on a thin paragraph of its own, width set by indents. */
  rule: { lineSizePt: 2, borderEighthsPt: 6 },
  /** Số, ký hiệu của văn bản: cỡ 13, đứng. Blank form leaves room for the Văn thư. */
  number: { sizePt: 13, blankGap: '      ' },
  /** Địa danh và thời gian ban hành: cỡ 13–14, nghiêng. */
  dateLine: { sizePt: 14, italic: true, blankGap: '      ' },
  /** Trích yếu nội dung công văn: "V/v …", cỡ 12–13, đứng, canh giữa dưới số và ký hiệu. */
  subject: { sizePt: 13, spaceAfterPt: 6 },
  /** Dấu chỉ mức độ khẩn: in hoa, cỡ 13–14, đậm, trong khung chữ nhật. */
  urgency: { sizePt: 13, bold: true, boxPaddingPt: 2 },
  /** Kính gửi: cỡ 14, đứng; several recipients as a "- …;" list aligned under the colon. */
  recipients: { sizePt: 14, listIndentMm: 30, spaceBeforePt: 12, spaceAfterPt: 6 },
  /** Nội dung: cỡ 13–14, canh đều, lùi đầu dòng 1–1,27 cm, cách đoạn ≥ 6 pt, dãn dòng đơn đến 1,5 dòng. */
  body: { sizePt: 14, firstLineMm: 12.7, spaceAfterPt: 6, lineMultiple: 1.15 },
  /** Signature/Nơi nhận table: left column Nơi nhận, right column chữ ký. */
  closingTable: { leftMm: 75, spaceBeforePt: 6 },
  /** Quyền hạn, chức vụ người ký: in hoa, cỡ 13–14, đậm; họ tên: cỡ 13–14, đậm. */
  signer: { sizePt: 14, bold: true, signatureSpaceMm: 25 },
  /** Nơi nhận: chữ "Nơi nhận" cỡ 12, nghiêng, đậm; các mục cỡ 11, đứng. */
  distribution: { labelSizePt: 12, itemSizePt: 11, hangingMm: 2.5 },
} as const;
