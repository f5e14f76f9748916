import type { Check } from '../rule.js';
import { appendix } from './appendix.js';
import { bodyAlign } from './body-align.js';
import { bodyIndent } from './body-indent.js';
import { bodyLineSpacing } from './body-line-spacing.js';
import { bodySize } from './body-size.js';
import { bodySpacing } from './body-spacing.js';
import { contact } from './contact.js';
import { dateLine } from './date-line.js';
import { fontFamily } from './font-family.js';
import { issuer } from './issuer.js';
import { issuerRule } from './issuer-rule.js';
import { kinhGui } from './kinh-gui.js';
import { marks } from './marks.js';
import { noiNhan } from './noi-nhan.js';
import { pageMargins } from './page-margins.js';
import { pageNumber } from './page-number.js';
import { pageSize } from './page-size.js';
import { quocHieu } from './quoc-hieu.js';
import { signer } from './signer.js';
import { soKyHieu } from './so-ky-hieu.js';
import { subject } from './subject.js';
import { tableBorders } from './table-borders.js';
import { textColor } from './text-color.js';
import { textControlChars } from './text-control-chars.js';
import { textNfc } from './text-nfc.js';
import { tieuNgu } from './tieu-ngu.js';
import { tieuNguRule } from './tieu-ngu-rule.js';
import { urgency } from './urgency.js';

/** Every DOCX check, in the order a reader meets the parts of the letter. */
export const DOCX_CHECKS: readonly Check[] = [
  pageSize,
  pageMargins,
  pageNumber,
  fontFamily,
  textNfc,
  textControlChars,
  textColor,
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
