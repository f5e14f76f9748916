import { archiveStartsWithVt } from './archive-vt.js';
import { boldOutsideText } from './bold-outside-text.js';
import { boldUnpaired } from './bold-unpaired.js';
import { citedBeforeLetter, deadlineAfterLetter } from './date-order.js';
import { issuerFull } from './issuer-full.js';
import { issuerShort } from './issuer-short.js';
import { deadlinePast } from './deadline-past.js';
import { numberPositive } from './number-positive.js';
import { numberSymbol } from './number-symbol.js';
import { recipientDuplicates } from './recipient-duplicates.js';
import type { Rule } from './rule.js';
import { signerNameCase, signerTitleUppercase } from './signer-case.js';
import { signerOwnTitle } from './signer-own-title.js';
import { subjectVv } from './subject-vv.js';
import { symbolFormat } from './symbol-format.js';
import { tableRowCells } from './table-row-cells.js';
import { tableWidth } from './table-width.js';
import { templateFields } from './template-fields.js';
import { textNfc } from './text-nfc.js';
import { textSpacing } from './text-spacing.js';
import { unprintedFields } from './unprinted-fields.js';

/** Every lint rule, in the order `cchc validate --rules` lists them. */
export const RULES: readonly Rule[] = [
  templateFields,
  unprintedFields,
  symbolFormat,
  numberSymbol,
  numberPositive,
  citedBeforeLetter,
  deadlineAfterLetter,
  deadlinePast,
  archiveStartsWithVt,
  signerOwnTitle,
  boldUnpaired,
  tableRowCells,
  issuerFull,
  signerTitleUppercase,
  signerNameCase,
  subjectVv,
  recipientDuplicates,
  issuerShort,
  tableWidth,
  boldOutsideText,
  textSpacing,
  textNfc,
];
