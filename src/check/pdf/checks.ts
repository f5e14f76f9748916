import { appendix } from '../rules/appendix.js';
import { bodySize } from '../rules/body-size.js';
import { issuerPart as issuer } from '../rules/issuer.js';
import { kinhGui } from '../rules/kinh-gui.js';
import { marks } from './rules/marks.js';
import { noiNhan } from '../rules/noi-nhan.js';
import { quocHieu } from './rules/quoc-hieu.js';
import { signer } from '../rules/signer.js';
import { soKyHieu } from '../rules/so-ky-hieu.js';
import { subject } from '../rules/subject.js';
import { tieuNgu } from '../rules/tieu-ngu.js';
import { bodyAlign, bodyIndent, bodyLineSpacing, bodySpacing } from './rules/body.js';
import { contact } from './rules/contact.js';
import type { PdfCheck } from './rules/check.js';
import { dateLine } from './rules/date-line.js';
import { fontFamily } from './rules/font-family.js';
import { issuerRule } from './rules/issuer-rule.js';
import { pageMargins } from './rules/page-margins.js';
import { pageNumber } from './rules/page-number.js';
import { pageSize } from './rules/page-size.js';
import { tableBorders } from './rules/table-borders.js';
import { tieuNguRule } from './rules/tieu-ngu-rule.js';
import { urgency } from './rules/urgency.js';

/**
 * Every PDF check, in the order of the DOCX ones, under the same id where the rule is the same. The checks of a
 * part's text and look are the DOCX ones, run on the printed lines; the rest measure the page.
 */
export const PDF_CHECKS: readonly PdfCheck[] = [
  pageSize,
  pageMargins,
  pageNumber,
  fontFamily,
  issuer,
  issuerRule,
  quocHieu,
  tieuNgu,
  tieuNguRule,
  tableBorders,
  soKyHieu,
  dateLine,
  subject,
  urgency,
  marks,
  kinhGui,
  bodySize,
  bodyAlign,
  bodyIndent,
  bodySpacing,
  bodyLineSpacing,
  noiNhan,
  signer,
  contact,
  appendix,
];
