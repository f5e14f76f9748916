import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { fold, isUpper, PARTS } from '../anatomy.js';
import type { Line } from '../model.js';
import { decree, error, lookFindings, quote, span, want, type Finding, type PartCheck } from '../rule.js';

const A = ND30.appendix;
/** "Phụ lục", "PHỤ LỤC II", "Phụ lục 2", "Phụ lục số 2": the heading alone on its line. */
const HEADING = new RegExp(`${PARTS.appendix.source}(\\s+(SO\\s+)?([IVXLC]+|\\d+))?\\s*$`);
const ATTACHED = new RegExp(`^\\(\\s*${fold(A.attachedTo.text)}\\b`);

/**
 * Each appendix's heading, title and "Kèm theo" line (ô phụ lục): found by what they say, on DOCX lines and
 * printed lines alike, after the letter's signature.
 */
export const appendix: PartCheck = {
  id: 'appendix',
  doc: `Phụ lục: dòng "${A.heading.text}" (số La Mã) cỡ ${span(A.heading.sizePt)}, đậm; tên phụ lục in hoa, đậm; dòng "(${A.attachedTo.text} …)" nghiêng`,
  clause: CLAUSE.appendix,
  check({ a }) {
    const last = a.signer.at(-1) ?? a.noiNhanItems.at(-1) ?? a.noiNhan;
    const from = last ? a.lines.indexOf(last) + 1 : 0;
    const rest = a.lines.slice(from);
    const out: Finding[] = [];
    rest.forEach((l, k) => {
      if (!HEADING.test(fold(l.text)) || l.para.cell) return;
      out.push(...headingFindings(l));
      const attached = rest.slice(k + 1, k + 6).findIndex((x) => ATTACHED.test(fold(x.text)));
      const title = rest.slice(k + 1, attached < 0 ? k + 2 : k + 1 + attached).filter((x) => !x.para.cell && !HEADING.test(fold(x.text)));
      out.push(...titleFindings(title));
      if (attached >= 0) out.push(...lookFindings('Dòng "Kèm theo" của phụ lục', [rest[k + 1 + attached]!], want(A.attachedTo), () => 'appendix'));
    });
    return out;
  },
};

function headingFindings(l: Line): Finding[] {
  const out = lookFindings('Dòng "Phụ lục"', [l], want(A.heading), () => 'appendix');
  if (/\d/.test(l.text)) out.push(error('appendix', `Số thứ tự phụ lục phải dùng chữ số La Mã: ${quote(l.text)}${decree(A.heading.sizePt.says)}`));
  return out;
}

function titleFindings(title: readonly Line[]): Finding[] {
  const out = lookFindings('Tên phụ lục', title, want(A.title), () => 'appendix');
  for (const l of title) if (!isUpper(l.text)) out.push(error('appendix', `Tên phụ lục phải in hoa: ${quote(l.text)}${decree(A.title.sizePt.says)}`));
  return out;
}
