import { archiveStartsWithVt } from './archive-vt.js';
import { citedBeforeLetter, deadlineAfterLetter } from './date-order.js';
import { numberPositive } from './number-positive.js';
import type { Rule } from './rule.js';
import { signerOwnTitle } from './signer-own-title.js';
import { symbolFormat } from './symbol-format.js';
import { templateFields } from './template-fields.js';

/** Every lint rule, in the order `cchc validate --rules` lists them. */
export const RULES: readonly Rule[] = [
  templateFields,
  symbolFormat,
  numberPositive,
  citedBeforeLetter,
  deadlineAfterLetter,
  archiveStartsWithVt,
  signerOwnTitle,
];
