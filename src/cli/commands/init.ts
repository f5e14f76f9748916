import { dirname, relative, resolve, sep } from 'node:path';
import { Option } from 'commander';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import type { CchcCommand } from '../vi.js';

interface InitFlags { force?: boolean; template: 'chi-dao-sau-kiem-tra' | 'cong-van'; schema?: string; fromSheet?: string; sheet?: string }

export function registerInit(program: CchcCommand, setCode: (c: number) => void, io: Io): void {
  program
    .command('init')
    .description('tạo một tệp công văn mẫu có chú thích từng trường (kiểm tra không lỗi); không ghi đè nếu không có --force')
    .argument('<tệp>', 'tệp .yaml cần tạo')
    .addOption(new Option('--template <tên>', 'mẫu nội dung, như trường template: trong tệp').choices(['chi-dao-sau-kiem-tra', 'cong-van']).default('chi-dao-sau-kiem-tra'))
    .option('--schema <url>', 'đường dẫn hoặc URL của letter.schema.json ghi ở dòng yaml-language-server (mặc định: tệp đi kèm cchc)')
    .option('-f, --force', 'ghi đè tệp đã có')
    .option('--from-sheet <tệp>', 'tạo tệp nhiều công văn lấy từ bảng tính .xlsx/.csv: columns: gán sẵn theo tiêu đề cột, để kiểm lại')
    .option('--sheet <tên>', 'với --from-sheet: trang tính (mặc định trang đầu)')
    .examples([
      ['cchc init thu-moi.yaml', 'công văn chỉ đạo sau kiểm tra, có chú thích từng trường'],
      ['cchc init letters/cv.yaml --template cong-van', 'công văn thông thường, trong thư mục letters/'],
      ['cchc init dot.yaml --from-sheet ket-qua.xlsx', 'tệp nhiều công văn, mỗi dòng của bảng tính một công văn'],
    ])
    .action(async (file: string, flags: InitFlags) => setCode(await init(file, flags, io)));
}

async function init(file: string, flags: InitFlags, io: Io): Promise<number> {
  const [{ fromRoot }, { writeFileAtomic, ExistsError }, { makeDirs, dirErrorMessage, EXISTS, WRITE_ERRORS }] = await Promise.all([
    import('../../paths.js'), import('../../files/atomic.js'), import('../../files/dirs.js'),
  ]);
  const target = resolve(file);
  let schema = flags.schema;
  if (schema === undefined) {
    // The schema shipped with cchc, relative to the new file, as yaml-language-server resolves it.
    const shipped = fromRoot('letter.schema.json');
    schema = relative(dirname(target), shipped).split(sep).join('/');
  }
  let text: string;
  if (flags.fromSheet) {
    const { sheetStarter } = await import('./init-sheet.js');
    const made = await sheetStarter(flags.fromSheet, target, schema, flags.sheet, new Date());
    if ('failure' in made) { io.stderr.write(`cchc: ${flags.fromSheet}: ${made.failure}\n`); return EXIT.problems; }
    text = made.text;
  } else text = starter(flags.template, schema, new Date());
  // Folders made as render makes them (makeDirs): Node's recursive mkdir never returns on /proc.
  try { makeDirs(dirname(target)); } catch (e) {
    io.stderr.write(`${file}  error  không tạo được thư mục: ${dirErrorMessage(e, dirname(target))}\n`);
    return EXIT.problems;
  }
  try {
    writeFileAtomic(target, new TextEncoder().encode(text), !!flags.force);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = e instanceof ExistsError ? EXISTS : code ? WRITE_ERRORS[code] : undefined;
    if (!why) throw e;
    io.stderr.write(`${file}  error  ${why}\n`);
    return EXIT.problems;
  }
  io.stderr.write(`Đã tạo ${file}. Sửa các giá trị, rồi chạy: cchc validate ${file} && cchc render ${file}\n`);
  return EXIT.ok;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number): Date => new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate() + n));

/** The starter letter: every field with a Vietnamese comment; optional fields commented out. Dates around today. */
export function starter(template: InitFlags['template'], schema: string, today: Date): string {
  const date = iso(addDays(today, 0));
  const reportDate = iso(addDays(today, -7));
  const deadline = iso(addDays(today, 30));
  const year = today.getFullYear();
  const head = `# yaml-language-server: $schema=${schema}
# Công văn theo Nghị định 30/2020/NĐ-CP — tệp mẫu do "cchc init" tạo.
# Sửa các giá trị cho đúng công văn của bạn, rồi chạy:
#   cchc validate <tệp>    kiểm tra dữ liệu (cú pháp, trường bắt buộc, quy tắc ND30)
#   cchc render <tệp>      tạo tệp DOCX
# Dòng bắt đầu bằng "#" là chú thích, không in ra. Trường tùy chọn đang bị "#" che: bỏ "#" để dùng.
# Giữ nguyên thụt lề (dấu cách, không dùng Tab). Ngày viết dạng NĂM-THÁNG-NGÀY, ví dụ 2017-01-25.

# Mẫu nội dung: chi-dao-sau-kiem-tra (chỉ đạo sau kiểm tra CCHC) hoặc cong-van (công văn thông thường).
template: ${template}

# Cơ quan ban hành (góc trên bên trái).
issuer:
  # parent: SỞ NỘI VỤ TỈNH KIÊN GIANG    # tùy chọn: cơ quan chủ quản, in phía trên, không đậm
  name: ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG  # tên cơ quan ban hành, in hoa đậm
  short: Ủy ban nhân dân tỉnh            # cách nội dung gọi cơ quan: "… Ủy ban nhân dân tỉnh yêu cầu …"
  place: Kiên Giang                      # địa danh ở dòng ngày tháng: "Kiên Giang, ngày … tháng … năm …"
  # full: Ủy ban nhân dân tỉnh Kiên Giang  # tùy chọn: tên cơ quan như câu văn gọi, dùng ở dòng "Kèm theo" của phụ lục

# number: 114           # tùy chọn: số văn bản; bỏ trống để Văn thư ghi khi đăng ký ("Số:      /UBND-NC")
symbol: UBND-NC          # ký hiệu: chữ in hoa, các nhóm nối bằng "-", không có dấu cách
date: ${date}         # tùy chọn: ngày ban hành; bỏ dòng này để Văn thư ghi ngày
# urgency: khẩn         # tùy chọn: khẩn | thượng khẩn | hỏa tốc
# secrecy: mật          # tùy chọn: độ mật — mật | tối mật | tuyệt mật
# circulation: lưu hành nội bộ   # tùy chọn: xem xong trả lại | lưu hành nội bộ

# Trích yếu: in thành "V/v …" dưới số, ký hiệu.
subject: ${template === 'cong-van' ? 'triển khai thực hiện nhiệm vụ cải cách hành chính' : `chỉ đạo sau kiểm tra công tác cải cách hành chính năm ${year}`}

# Kính gửi: một nơi nhận thì in cùng dòng; nhiều nơi thì mỗi nơi một dòng "- …;".
to:
  - Chủ tịch Ủy ban nhân dân huyện Kiên Lương
# addressee: Chủ tịch Ủy ban nhân dân huyện Kiên Lương   # tùy chọn: cách đoạn kết gọi người nhận
`;
  const body = template === 'cong-van' ? `
# Đoạn mở đầu; các đoạn cách nhau một dòng trống.
intro: |
  Thực hiện Kế hoạch cải cách hành chính năm ${year} của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh đề nghị
  Ủy ban nhân dân huyện Kiên Lương thực hiện các nội dung sau:

# task_style: dash      # tùy chọn: numbered ("1.", "2.", mặc định) hoặc dash ("- ")
# Nhiệm vụ, theo thứ tự: mỗi mục là một đoạn, hoặc text + details (các đoạn con).
tasks:
  - Rà soát, cập nhật danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của huyện.
  - text: "Về công tác tuyên truyền:"
    details:
      - Đẩy mạnh tuyên truyền về dịch vụ công trực tuyến đến người dân và doanh nghiệp.

deadline: ${deadline}     # tùy chọn: hạn báo cáo, in đậm ở đoạn kết ("chậm nhất là ngày …")
report_to: Ủy ban nhân dân tỉnh (qua Sở Nội vụ)   # tùy chọn: nơi nhận báo cáo
# closing: …            # tùy chọn: thay cả đoạn kết bằng đoạn này
` : `
# Cuộc kiểm tra mà công văn chỉ đạo tiếp.
inspection:
  unit: Ủy ban nhân dân huyện Kiên Lương   # đơn vị được kiểm tra
  year: ${year}                            # năm công tác CCHC được kiểm tra
  # team: Đoàn kiểm tra                    # tùy chọn: ai kiểm tra (mặc định "Đoàn kiểm tra")
  report:                                  # báo cáo kết quả kiểm tra mà công văn trích dẫn
    number: 18
    symbol: BC-ĐKT
    date: ${reportDate}                      # không được sau ngày công văn
  # notice:                                # tùy chọn: thông báo kết luận kiểm tra (nêu tồn tại)
  #   number: 19
  #   symbol: TB-ĐKT
  #   date: ${reportDate}

# Nhận xét sau kiểm tra; các đoạn cách nhau một dòng trống.
findings:
  strengths: |
    Nhìn chung, Ủy ban nhân dân huyện đã kịp thời chỉ đạo, triển khai các nhiệm vụ cải cách hành chính theo
    kế hoạch của tỉnh.
  weaknesses: |
    Việc cập nhật, niêm yết thủ tục hành chính mới ban hành còn chậm.

# task_style: dash      # tùy chọn: numbered ("1.", "2.", mặc định) hoặc dash ("- ")
# Nhiệm vụ, theo thứ tự: mỗi mục là một đoạn, hoặc text + details (các đoạn con).
tasks:
  - Tăng cường công tác chỉ đạo, điều hành; bố trí kinh phí bảo đảm nguồn lực thực hiện công tác CCHC.
  - text: "Đối với kiến nghị của huyện:"
    details:
      - Ủy ban nhân dân tỉnh giao Sở Nội vụ nghiên cứu, tham mưu giải quyết.

deadline: ${deadline}     # tùy chọn: hạn báo cáo, in đậm ở đoạn kết ("chậm nhất là ngày …")
report_to: Ủy ban nhân dân tỉnh (qua Sở Nội vụ)   # tùy chọn: nơi nhận báo cáo
# intro: …              # tùy chọn: thay đoạn mở đầu của mẫu
# closing: …            # tùy chọn: thay đoạn kết của mẫu
`;
  const tail = `
# Người ký (góc dưới bên phải). Chức vụ in hoa; họ tên viết hoa chữ đầu, không in hoa cả.
signer:
  # on_behalf: ỦY BAN NHÂN DÂN   # tùy chọn: thay mặt tập thể, in "TM. ỦY BAN NHÂN DÂN"
  # authority: KT                # tùy chọn: KT (ký thay) | TL (thừa lệnh) | TUQ (thừa ủy quyền) | Q (quyền)
  title: CHỦ TỊCH                # chức vụ ký (hoặc được ký thay)
  # own_title: PHÓ CHỦ TỊCH      # với KT, TL, TUQ: chức vụ của người ký thật
  name: Nguyễn Văn An            # họ và tên người ký

# Nơi nhận: cchc tự thêm "Như trên" đầu danh sách; không ghi lại các nơi đã có ở Kính gửi.
cc:
  - CT và các PCT UBND tỉnh
  - Sở Nội vụ

# Dòng "Lưu:", bắt đầu bằng VT (Văn thư), rồi đơn vị soạn thảo, chữ viết tắt tên người soạn.
archive: [VT, SNV, nva]

# Tùy chọn: địa chỉ liên hệ, in ở chân trang đầu (cỡ 11), dưới một đường kẻ.
# contact:
#   address: 18 Nguyễn Công Trứ, phường Vĩnh Thanh Vân, thành phố Rạch Giá
#   phone: "0297 3862 016"
#   email: snv@kiengiang.gov.vn

# Tùy chọn: phụ lục, mỗi phụ lục từ trang mới; trong mọi đoạn văn, **chữ đậm** in đậm.
# appendices:
#   - title: Danh sách hồ sơ giải quyết trễ hạn
#     landscape: false          # true: trang nằm ngang cho bảng rộng
#     table:
#       columns:
#         - { header: STT, width: 12, align: center }
#         - { header: Mã hồ sơ }
#         - { header: Ngày hẹn trả, align: center }
#       rows:
#         - [1, "000.00.22.H31-231012-0001", "12/10/2023"]
`;
  return head + body + tail;
}
