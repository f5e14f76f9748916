/**
 * Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ thuật trình bày văn bản hành chính): every quantity the
 * decree sets for a công văn, as `{ allowed: [lo, hi], value }`, and every fixed text it prescribes — in one
 * table, like a LaTeX document class. Layout prints `value`; `cchc check` accepts anything in `allowed` and
 * quotes `says` (the decree's own wording) when a letter is outside it. Nothing else in src/ repeats a number or
 * a fixed text of the decree.
 *
 * Where the decree gives a range, `value` is what most offices use. Sizes in points, lengths in millimetres.
 * The layout choices the decree leaves open (column widths, spacing) are cchc's own: src/layout/params.ts.
 */

/** A quantity the decree bounds, and the value cchc prints. */
export interface Range {
  readonly allowed: readonly [number, number];
  readonly value: number;
  /** The decree's wording for it, quoted in check messages. */
  readonly says: string;
}

const range = (lo: number, hi: number, value: number, says: string): Range => ({ allowed: [lo, hi], value, says });

/** A part printed in one size and style: what `check` compares and what layout prints. */
export interface Look {
  readonly sizePt: Range;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly upper?: boolean;
}

const look = (lo: number, hi: number, value: number, style: { bold?: boolean; italic?: boolean; upper?: boolean }, says: string): Look => ({
  sizePt: range(lo, hi, value, says), bold: style.bold ?? false, italic: style.italic ?? false, ...(style.upper ? { upper: true } : {}),
});

export const ND30 = {
  /** Khổ giấy A4 (210 mm × 297 mm), trình bày theo chiều dài; phụ lục có bảng rộng được trình bày theo chiều rộng. */
  page: {
    widthMm: 210, heightMm: 297, toleranceMm: 1, says: 'khổ A4 (210 mm x 297 mm)',
    landscape: 'trường hợp nội dung văn bản có các bảng, biểu nhưng không được làm thành các phụ lục riêng thì văn bản có thể được trình bày theo chiều rộng',
  },
  /** Định lề trang. */
  margin: {
    topMm: range(20, 25, 20, 'lề trên: cách mép trên từ 20 - 25 mm'),
    bottomMm: range(20, 25, 20, 'lề dưới: cách mép dưới từ 20 - 25 mm'),
    leftMm: range(30, 35, 30, 'lề trái: cách mép trái từ 30 - 35 mm'),
    rightMm: range(15, 20, 15, 'lề phải: cách mép phải từ 15 - 20 mm'),
  },
  /** Phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode theo TCVN 6909:2001, màu đen. */
  font: { family: 'Times New Roman', says: 'phông chữ tiếng Việt của bộ mã ký tự Unicode theo Tiêu chuẩn Việt Nam TCVN 6909:2001, màu đen' },
  /** Số trang: chữ số Ả Rập, cỡ 13–14, kiểu chữ đứng, canh giữa theo chiều ngang trong phần lề trên; không hiển thị số trang thứ nhất. */
  pageNumber: look(13, 14, 14, {}, 'số trang được đánh bằng chữ số Ả Rập, cỡ chữ 13 đến 14, kiểu chữ đứng, được đặt canh giữa theo chiều ngang trong phần lề trên của văn bản, không hiển thị số trang thứ nhất'),

  /** Ô 2 — tên cơ quan, tổ chức chủ quản trực tiếp: in hoa, cỡ 12–13, đứng. */
  parentAgency: look(12, 13, 13, { upper: true }, 'tên cơ quan, tổ chức chủ quản trực tiếp được trình bày bằng chữ in hoa, cỡ chữ từ 12 đến 13, kiểu chữ đứng'),
  /** Ô 2 — tên cơ quan ban hành: in hoa, cỡ 12–13, đứng, đậm; đường kẻ ngang nét liền dài 1/3 đến 1/2 dòng chữ. */
  issuer: {
    ...look(12, 13, 13, { bold: true, upper: true }, 'tên cơ quan, tổ chức ban hành văn bản được trình bày bằng chữ in hoa, cỡ chữ từ 12 đến 13, kiểu chữ đứng, đậm'),
    ruleFraction: range(1 / 3, 1 / 2, 0.4, 'phía dưới có đường kẻ ngang, nét liền, có độ dài bằng từ 1/3 đến 1/2 độ dài của dòng chữ và đặt cân đối so với dòng chữ'),
  },
  /** Ô 1 — Quốc hiệu: in hoa, cỡ 12–13, đứng, đậm. */
  nationalTitle: {
    text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ...look(12, 13, 13, { bold: true, upper: true }, 'dòng trên "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" được trình bày bằng chữ in hoa, cỡ chữ từ 12 đến 13, kiểu chữ đứng, đậm'),
  },
  /** Ô 1 — Tiêu ngữ: in thường, cỡ 13–14, đứng, đậm, chữ cái đầu các cụm từ viết hoa, gạch nối có cách; đường kẻ bằng độ dài dòng chữ. */
  motto: {
    text: 'Độc lập - Tự do - Hạnh phúc',
    ...look(13, 14, 14, { bold: true }, 'dòng dưới "Độc lập - Tự do - Hạnh phúc" được trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm; chữ cái đầu của các cụm từ được viết hoa, giữa các cụm từ có gạch nối (-), có cách chữ'),
    ruleFraction: range(0.9, 1.1, 1, 'phía dưới có đường kẻ ngang, nét liền, có độ dài bằng độ dài của dòng chữ'),
  },
  /** Ô 3 — số, ký hiệu: cỡ 13, đứng; "Số" rồi dấu hai chấm; số nhỏ hơn 10 ghi thêm số 0 phía trước. */
  number: { ...look(13, 13, 13, {}, 'từ "Số" được trình bày bằng chữ in thường, cỡ chữ 13, kiểu chữ đứng; sau từ "Số" có dấu hai chấm (:); với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước'), label: 'Số' },
  /** Ô 4 — địa danh và thời gian: cỡ 13–14, nghiêng; ngày dưới 10 và tháng 1, 2 ghi thêm số 0. */
  dateLine: look(13, 14, 14, { italic: true }, 'địa danh và thời gian ban hành văn bản được trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ nghiêng; các số chỉ ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước'),
  /** Ô 5b — trích yếu công văn: sau "V/v", cỡ 12–13, đứng, canh giữa dưới số và ký hiệu. */
  subject: { ...look(12, 13, 13, {}, 'trích yếu nội dung công văn được trình bày tại ô số 5b, sau chữ "V/v", bằng chữ in thường, cỡ chữ từ 12 đến 13, kiểu chữ đứng; được đặt canh giữa dưới số và ký hiệu văn bản'), prefix: 'V/v' },
  /** Ô 9a — Kính gửi (nơi nhận của công văn): cỡ 14, đứng. */
  recipients: { ...look(13, 14, 14, {}, 'từ "Kính gửi" và tên các cơ quan, tổ chức hoặc cá nhân nhận văn bản được trình bày bằng chữ in thường, cỡ chữ 14, kiểu chữ đứng'), label: 'Kính gửi' },
  /** Ô 6 — nội dung: cỡ 13–14, canh đều, lùi đầu dòng 1–1,27 cm, cách đoạn tối thiểu 6 pt, dãn dòng từ đơn đến 1,5 dòng. */
  body: {
    ...look(13, 14, 14, {}, 'phần nội dung văn bản được trình bày bằng chữ in thường, được canh đều cả hai lề, cỡ chữ từ 13 đến 14'),
    firstLineMm: range(10, 12.7, 12.7, 'khi xuống dòng, chữ đầu dòng phải được lùi vào từ 1 cm đến 1,27 cm'),
    spaceAfterPt: range(6, 72, 6, 'khoảng cách giữa các đoạn văn tối thiểu là 6pt'),
    lineMultiple: range(1, 1.5, 1.15, 'khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5 lines'),
  },
  /** Ô 7a, 7b, 7c — quyền hạn, chức vụ người ký: in hoa, cỡ 13–14, đứng, đậm; họ tên: cỡ 13–14, đứng, đậm. */
  signer: {
    title: look(13, 14, 14, { bold: true, upper: true }, 'quyền hạn, chức vụ của người ký được trình bày bằng chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm'),
    name: look(13, 14, 14, { bold: true }, 'họ và tên của người ký được trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm'),
    /** Ký thay, thừa lệnh, thừa ủy quyền, thay mặt, quyền: the words before the title. */
    authorities: ['TM', 'KT', 'TL', 'TUQ', 'Q'] as const,
  },
  /** Ô 9b — nơi nhận: "Nơi nhận" cỡ 12, nghiêng, đậm; các mục cỡ 11, đứng; mục cuối "Lưu: VT, …". */
  distribution: {
    label: { text: 'Nơi nhận:', ...look(12, 12, 12, { bold: true, italic: true }, 'từ "Nơi nhận" được trình bày trên một dòng riêng, ngay sau có dấu hai chấm (:), bằng chữ in thường, cỡ chữ 12, kiểu chữ nghiêng, đậm') },
    item: look(11, 11, 11, {}, 'phần liệt kê các cơ quan, tổ chức, đơn vị và cá nhân nhận văn bản được trình bày bằng chữ in thường, cỡ chữ 11, kiểu chữ đứng; tên mỗi nơi nhận được trình bày trên một dòng riêng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu chấm phẩy (;); riêng dòng cuối cùng bao gồm chữ "Lưu" sau có dấu hai chấm (:), tiếp theo là chữ viết tắt "VT", dấu phẩy (,), chữ viết tắt tên đơn vị soạn thảo văn bản và số lượng bản lưu (nếu cần), cuối cùng là dấu chấm (.)'),
    sameAsAbove: 'Như trên',
    archive: 'Lưu',
    archiveFirst: 'VT',
  },
  /** Ô 10b — dấu chỉ mức độ khẩn: in hoa, cỡ 13–14, đứng, đậm, trong khung hình chữ nhật viền đơn. */
  urgency: { words: ['KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC'] as const, ...look(13, 14, 13, { bold: true, upper: true }, 'dấu chỉ mức độ khẩn được khắc sẵn theo tên mức độ khẩn, bằng chữ in hoa, phông chữ Times New Roman, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm, được đặt cân đối trong khung hình chữ nhật viền đơn') },
  /** Ô 10a — dấu chỉ độ mật: in hoa, đậm, trong khung viền đơn. */
  secrecy: { words: ['MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const, ...look(13, 14, 13, { bold: true, upper: true }, 'dấu chỉ độ mật được trình bày bằng chữ in hoa, đậm, trong khung hình chữ nhật viền đơn, dưới số và ký hiệu, trích yếu') },
  /** Ô 11 — chỉ dẫn về phạm vi lưu hành: in hoa, cỡ 13–14, đứng, đậm, trong khung viền đơn. */
  circulation: { words: ['XEM XONG TRẢ LẠI', 'LƯU HÀNH NỘI BỘ'] as const, ...look(13, 14, 13, { bold: true, upper: true }, 'các chỉ dẫn về phạm vi lưu hành như "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ" trình bày bằng chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm, trong khung hình chữ nhật viền đơn') },
  /** Ô 13 — địa chỉ, điện thoại, thư điện tử, website, fax: cỡ 11–12, đứng, cuối trang đầu, dưới một đường kẻ nét liền suốt chiều ngang vùng trình bày. */
  contact: {
    ...look(11, 12, 11, {}, 'địa chỉ cơ quan, tổ chức; thư điện tử; trang thông tin điện tử; số điện thoại; số Fax được trình bày tại trang thứ nhất của văn bản, trong ô số 13, bằng chữ in thường, cỡ chữ từ 11 đến 12, kiểu chữ đứng, dưới một đường kẻ nét liền kéo dài hết chiều ngang của vùng trình bày văn bản'),
    labels: { address: 'Địa chỉ', phone: 'ĐT', fax: 'Fax', email: 'E-mail', website: 'Website' },
    /** "Hết chiều ngang", read as the motto's rule is: within a tenth of the text area's width. */
    ruleFraction: range(0.9, 1.1, 1, 'dưới một đường kẻ nét liền kéo dài hết chiều ngang của vùng trình bày văn bản'),
  },
  /** Phụ lục: "Phụ lục" (và số thứ tự La Mã) cỡ 14, đứng, đậm; tên phụ lục in hoa, cỡ 13–14, đậm; dòng "Kèm theo" nghiêng. */
  appendix: {
    heading: { text: 'Phụ lục', ...look(14, 14, 14, { bold: true }, 'từ "Phụ lục" và số thứ tự của phụ lục được trình bày trên một dòng riêng, canh giữa, bằng chữ in thường, cỡ chữ 14, kiểu chữ đứng, đậm; số thứ tự của phụ lục dùng chữ số La Mã') },
    title: look(13, 14, 14, { bold: true, upper: true }, 'tên phụ lục (nếu có) được trình bày canh giữa, bằng chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm'),
    attachedTo: { text: 'Kèm theo', ...look(13, 14, 14, { italic: true }, 'dòng ghi chú "(Kèm theo … số … ngày … tháng … năm … của …)" được trình bày canh giữa, bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ nghiêng') },
    /** The letter's type as the "Kèm theo" line names it. */
    docType: 'Công văn',
  },
  /** Bảng trong văn bản, phụ lục: chữ cỡ 12–13 (cchc's reading of the decree's 'cỡ chữ nhỏ hơn nội dung'). */
  table: { cell: look(12, 13, 13, {}, 'chữ trong bảng được trình bày cỡ chữ từ 12 đến 13, kiểu chữ đứng; hàng tiêu đề in đậm, canh giữa'), headerBold: true },
  /** Dấu kết thúc nội dung: "./." is optional; the body may end with it. */
  endMark: './.',
  /**
   * Phụ lục IV (mẫu sổ đăng ký văn bản đi): the register's title and its ten columns, in order; the letter's type
   * as column 3 names it before the trích yếu.
   */
  outgoingRegister: {
    title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
    columns: [
      'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản',
      'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
    ],
    docType: 'Công văn',
    says: 'Sổ đăng ký văn bản đi (Phụ lục IV): Số, ký hiệu văn bản; Ngày tháng văn bản; Tên loại và trích yếu nội dung văn bản; Người ký; Nơi nhận văn bản; Đơn vị, người nhận bản lưu; Số lượng bản; Ngày chuyển; Ký nhận; Ghi chú',
  },
} as const;

/** True when `x` lies within the decree's range (with a small slack for rounding in the file's units). */
export const within = (r: Range, x: number, slack = 0): boolean => x >= r.allowed[0] - slack && x <= r.allowed[1] + slack;

/**
 * Where the decree says it: the clause of Phụ lục I, Phần I of Nghị định 30/2020/NĐ-CP for each part (Mục I: quy
 * định chung; Mục II: các thành phần thể thức chính; Mục III: các thành phần thể thức khác; "ô" is the box number
 * of the layout diagram in Mục IV). `cchc check --rules` shows it beside each check.
 */
export const CLAUSE = {
  page: 'PL I, Mục I.1–2',
  margin: 'PL I, Mục I.3',
  font: 'PL I, Mục I.4',
  pageNumber: 'PL I, Mục I.7',
  nationalTitle: 'PL I, Mục II.1 (ô 1)',
  issuer: 'PL I, Mục II.2 (ô 2)',
  number: 'PL I, Mục II.3 (ô 3)',
  dateLine: 'PL I, Mục II.4 (ô 4)',
  subject: 'PL I, Mục II.5 (ô 5b)',
  body: 'PL I, Mục II.6 (ô 6)',
  signer: 'PL I, Mục II.7 (ô 7a, 7b, 7c)',
  recipients: 'PL I, Mục II.9 (ô 9a)',
  distribution: 'PL I, Mục II.9 (ô 9b)',
  appendix: 'PL I, Mục III.1',
  secrecy: 'PL I, Mục III.2 (ô 10a)',
  urgency: 'PL I, Mục III.3 (ô 10b)',
  circulation: 'PL I, Mục III.4 (ô 11)',
  contact: 'PL I, Mục III.6 (ô 13)',
  /** The layout diagram: parts placed in boxes of the page, no frames drawn around them. */
  layout: 'PL I, Mục IV (sơ đồ bố trí)',
} as const;

/** What "PL I, Mục II.1" abbreviates, for docs and `--rules`. */
export const CLAUSE_LEGEND = 'PL I = Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I; Mục I = quy định chung, Mục II = các thành phần thể thức chính, Mục III = các thành phần thể thức khác; ô = vị trí trên sơ đồ bố trí (Mục IV)';
