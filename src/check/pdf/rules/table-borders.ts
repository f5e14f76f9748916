import { tableBorders as docx } from '../../rules/table-borders.js';
import { error, type Finding } from '../../rule.js';
import type { PdfLine } from '../lines.js';
import { TALL, type PdfCheck } from './check.js';


/** Vertical lines printed in the header or beside Nơi nhận and the signer: the frame of a table left visible. */
export const tableBorders: PdfCheck = {
  id: docx.id,
  doc: 'Phần đầu (cơ quan, Quốc hiệu) và phần chữ ký, nơi nhận không in khung kẻ',
  clause: docx.clause,
  check({ a }) {
    const out: Finding[] = [];
    const firstBody = a.paragraphs[0]?.lines[0];
    const head = a.facts.pages[0]?.rules.filter((r) => r.x1 === r.x2 && r.y2 - r.y1 > TALL && (!firstBody || firstBody.page > 1 || r.y2 < firstBody.y - firstBody.size));
    if (head?.length) out.push(error('header', 'Phần đầu văn bản in khung kẻ (đường dọc giữa các cột): bảng trình bày phần đầu phải không có viền'));
    const nn = a.noiNhan as PdfLine | undefined;
    const closing = nn && a.facts.pages[nn.page - 1]!.rules.filter((r) => r.x1 === r.x2 && r.y2 - r.y1 > TALL && r.y2 > nn.y - nn.size);
    if (closing?.length) out.push(error('signer', 'Phần nơi nhận và chữ ký in khung kẻ: bảng trình bày phần này phải không có viền'));
    return out;
  },
};
