/**
 * A công văn for unit tests, written as plain paragraphs (no tables): the second layout the checker must read.
 * Every part is formatted as ND30 asks, so a test changes one part and looks at one rule.
 */
import { checkDocx } from '../../src/check/index.js';
import type { Problem } from '../../src/problem.js';
import { A4_SECT, docx, para, run } from './docx.js';

const B = '<w:b/>';
const I = '<w:i/>';
const sz = (pt: number) => `<w:sz w:val="${pt * 2}"/>`;
const CENTER = '<w:jc w:val="center"/>';
const BODY_PPR = '<w:spacing w:before="0" w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/>';
/** A bottom border whose indents leave it `twips` long in the 9354-twip text area, centred. */
const border = (twips: number) => `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:ind w:left="${(9354 - twips) / 2}" w:right="${(9354 - twips) / 2}"/>`;
/** The issuer's rule: 2/5 of "ỦY BAN NHÂN DÂN THÀNH PHỐ" (13 pt bold, 205 pt wide); the motto's: as long as the motto (171 pt). */
const ISSUER_RULE = border(1638);
const RULE = border(3428);
const SIGNER_PPR = `${CENTER}<w:ind w:left="4536"/>`;

export interface Letter {
  so: string;
  subject: string;
  date: string;
  signer: string[];
  noiNhan: string[];
  /** Extra body XML placed before the letter's own body paragraphs. */
  body: string;
  /** How the rule under the motto is drawn. */
  mottoRule: 'border' | 'shape' | 'vml' | 'underscores' | 'none';
  /** Extra body XML after the signer (the contact block typed at the end of page 1), and the section's properties. */
  tail: string;
  sect: string;
}

export const LETTER: Letter = {
  so: 'Số: 05/UBND-VP',
  subject: 'V/v triển khai công tác cải cách hành chính',
  date: 'Hà Nội, ngày 05 tháng 3 năm 2021',
  signer: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A'],
  noiNhan: ['- Như trên;', '- Lưu: VT, VP.'],
  body: '',
  mottoRule: 'border',
  tail: '',
  sect: A4_SECT,
};

export const SHAPE = `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="urn:wp"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r>`;
const VML = '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" type="#_x0000_t32"/></w:pict></w:r>';

function motto(rule: Letter['mottoRule']): string {
  const text = run('Độc lập - Tự do - Hạnh phúc', B + sz(14));
  if (rule === 'border') return `<w:p><w:pPr>${CENTER + RULE}</w:pPr>${text}</w:p>`;
  if (rule === 'underscores') return `<w:p><w:pPr>${CENTER}</w:pPr>${text}</w:p>${para('____________', sz(14), CENTER)}`;
  const shape = rule === 'shape' ? SHAPE : rule === 'vml' ? VML : '';
  return `<w:p><w:pPr>${CENTER}</w:pPr>${text}</w:p>` + para('', '', '') + para('', '', '').replace('</w:pPr>', `</w:pPr>${shape}`);
}

export function letterXml(change: Partial<Letter> = {}): string {
  const l = { ...LETTER, ...change };
  return [
    para('ỦY BAN NHÂN DÂN THÀNH PHỐ', B + sz(13), CENTER),
    `<w:p><w:pPr>${ISSUER_RULE}</w:pPr></w:p>`,
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', B + sz(13), CENTER),
    motto(l.mottoRule),
    para(l.so, sz(13), CENTER),
    para(l.subject, sz(13), CENTER),
    para(l.date, I + sz(14), CENTER),
    para('Kính gửi: Giám đốc Sở Nội vụ.', sz(14), CENTER),
    l.body,
    para('Thực hiện kế hoạch cải cách hành chính năm 2021, Ủy ban nhân dân thành phố đề nghị như sau.', sz(14), BODY_PPR),
    para('Giám đốc Sở Nội vụ báo cáo kết quả thực hiện trước ngày 30/4/2021./.', sz(14), BODY_PPR),
    para('Nơi nhận:', B + I + sz(12)),
    ...l.noiNhan.map((t) => para(t, sz(11))),
    ...l.signer.slice(0, -1).map((t) => para(t, B + sz(14), SIGNER_PPR)),
    `<w:p><w:pPr>${SIGNER_PPR}</w:pPr></w:p>`,
    para(l.signer[l.signer.length - 1]!, B + sz(14), SIGNER_PPR),
    l.tail,
    l.sect,
  ].join('');
}

export const checkLetter = (change: Partial<Letter> = {}): Problem[] => checkDocx(docx({ body: letterXml(change) }), 'letter.docx');

export const errorsOf = (ps: Problem[], rule?: string) =>
  ps.filter((p) => p.severity === 'error' && (rule === undefined || p.rule === rule));
