import type { LocateOptions } from '../load/yaml.js';
import type { Severity } from '../problem.js';
import type { Letter } from '../schema/letter.js';
import type { ReadNode } from '../template/reads.js';

export type FieldPath = (string | number)[];

/**
 * How a rule reports: the field, the message, and optionally a place inside the field's text (the nth match of a
 * pattern in the value as written) when the problem is at one spot of a long text, not the whole value.
 */
export type Report = (path: FieldPath, message: string, inText?: LocateOptions['inText']) => void;

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
  /**
   * The contract's fields this rule's report at `path` stands in for: it says more precisely what the contract
   * also reports there (number: 2417/SNV-CCHC is "not a number", and "symbol missing", to the contract). The
   * contract's messages at those fields are left out, so the clerk reads one message for one mistake.
   */
  replaces?(path: FieldPath): FieldPath[];
  check(letter: Partial<Letter>, report: Report, context: RuleContext): void;
}

/** What a rule may know besides the letter, for one run (never kept between runs). */
export interface RuleContext {
  /** Template names found in the user's --templates folders: known, though cchc cannot know their fields. */
  userTemplates: readonly string[];
  /** What each template prints (its read tree), the user's folders included; the built-in templates when absent. */
  templates?: TemplateKnowledge;
  /** Today, for rules about dates not yet set (deadline-past); the clock when absent. */
  today?: Date;
}

/** What a template prints, by name: a TemplateSet over the run's template folders. */
export interface TemplateKnowledge { reads(name: string): ReadNode[] | undefined }

export const NO_CONTEXT: RuleContext = { userTemplates: [] };

export const isStr = (v: unknown): v is string => typeof v === 'string';
