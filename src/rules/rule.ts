import type { Severity } from '../problem.js';
import type { Letter } from '../schema/letter.js';

export type FieldPath = (string | number)[];

/**
 * A lint rule, ESLint style: one module, one id, one doc line. Rules judge the *content* of a letter against
 * ND30 and the contract; they run after the YAML is parsed, also when the contract already failed, so every
 * problem is reported in one pass. They must therefore read the letter defensively (fields may be missing
 * or of the wrong type); an exception inside a rule is swallowed by the runner for that reason.
 */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line, Vietnamese, shown by `cchc validate --rules`. */
  doc: string;
  check(letter: Partial<Letter>, report: (path: FieldPath, message: string) => void): void;
}

export const isStr = (v: unknown): v is string => typeof v === 'string';
