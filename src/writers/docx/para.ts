import { AlignmentType, BorderStyle, LineRuleType, Paragraph } from 'docx';
import type { Align, Para, Role } from '../../layout/model.js';
import { textRun } from './run.js';
import { lineMultiple } from './units.js';

/** The named paragraph style of each part (styles.ts): Word shows them as "CV <tên phần>". */
export const STYLE_OF: Record<Role, string> = {
  parent: 'ParentAgency', issuer: 'Issuer', 'national-title': 'NationalTitle', motto: 'Motto', rule: 'Rule', number: 'DocNumber',
  date: 'DateLine', subject: 'Subject', urgency: 'Urgency', secrecy: 'Secrecy', circulation: 'Circulation', recipients: 'Recipients',
  body: 'Body', 'signer-title': 'SignerTitle', 'signer-name': 'SignerName', 'distribution-label': 'DistributionLabel',
  'distribution-item': 'DistributionItem', contact: 'Contact', 'appendix-heading': 'AppendixHeading', 'appendix-title': 'AppendixTitle',
  'appendix-ref': 'AppendixRef', 'table-header': 'TableHeader', 'table-cell': 'TableCell', spacer: 'Rule',
};

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED,
};

/** A paragraph of the model as the docx library builds it; `keepNext` may be forced by a keep-together group. */
export function docxParagraph(p: Para, keepNext = false): Paragraph {
  // lineRule "auto" on purpose: LibreOffice reads a bare w:line as an exact height and squeezes 14 pt text.
  const line = p.lineMultiple === undefined ? {} : { line: lineMultiple(p.lineMultiple), lineRule: LineRuleType.AUTO };
  const frame = p.box && { style: BorderStyle.SINGLE, size: p.box.lineEighthsPt, color: '000000', space: p.box.padPt };
  return new Paragraph({
    style: STYLE_OF[p.role],
    ...(p.align ? { alignment: ALIGN[p.align] } : {}),
    ...(p.indent ? { indent: p.indent } : {}),
    ...(p.keepNext || keepNext ? { keepNext: true } : {}),
    spacing: { before: p.spaceBefore, after: p.spaceAfter, ...line },
    ...(frame ? { border: { top: frame, bottom: frame, left: frame, right: frame } } : {}),
    children: p.runs.map(textRun),
  });
}
