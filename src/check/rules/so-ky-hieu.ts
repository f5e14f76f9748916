import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { decree, error, literal, lookFindings, quote, span, want, type PartCheck, type Finding } from '../rule.js';

const SO = ND30.number.label;
const SAYS = ND30.number.sizePt.says;
const SHAPE = new RegExp(`^${literal(SO)}\\s*(:?)\\s*(\\d*)\\s*\\/\\s*(.*)$`, 'u');
const BLANK = new RegExp(`${literal(SO)}\\s*:\\s+\\S*\\s*\\/`, 'u');

const SYMBOL = /^[A-ZĐ0-9]+(-[A-ZĐ0-9&]+)*$/u;

export const soKyHieu: PartCheck = {
  id: 'so-ky-hieu',
  doc: `Số, ký hiệu dạng “${SO}: 05/UBND-VP” (hoặc để trống số): số nhỏ hơn 10 có số 0 phía trước, ký hiệu in hoa, cỡ ${span(ND30.number.sizePt)}, đứng`,
  clause: CLAUSE.number,
  check({ a }) {
    const l = a.so;
    if (!l) return [error('header', `Không tìm thấy dòng số, ký hiệu (“${SO}: …/…”) ở phần đầu văn bản`)];
    return [...format(l.text), ...lookFindings('Số, ký hiệu', [l], want(ND30.number), () => 'header')];
  },
};

function format(text: string): Finding[] {
  const bad = (why: string) => [error('header', `${why}: ${quote(text)}${decree(SAYS)}`)];
  if (!text.startsWith(SO)) return bad(`Viết “${SO}:” (chữ “S” hoa, “ố” thường)`);
  const m = SHAPE.exec(text);
  if (!m) return bad(`Số, ký hiệu phải có dạng “${SO}: 05/UBND-VP” (số, dấu “/”, ký hiệu)`);
  const [, colon, num, symbol] = m as unknown as [string, string, string, string];
  if (colon !== ':') return bad(`Sau chữ “${SO}” phải có dấu hai chấm`);
  if (num === '' && !BLANK.test(text)) return bad(`Số để trống phải chừa khoảng trống giữa “${SO}:” và “/”`);
  const n = Number(num);
  if (num !== '' && n < 1) return bad('Số văn bản phải từ 1 trở lên');
  if (num !== '' && n < 10 && num.length !== 2) return bad(`Số nhỏ hơn 10 phải có số 0 phía trước (“${String(n).padStart(2, '0')}”)`);
  if (num !== '' && n >= 10 && num.startsWith('0')) return bad('Số từ 10 trở lên không có số 0 phía trước');
  if (!SYMBOL.test(symbol.trim())) return bad('Ký hiệu phải viết in hoa, các nhóm chữ nối bằng dấu “-”, không có khoảng trắng');
  return [];
}
