import type * as z from 'zod';
import type { LocateOptions, Path, Position } from '../load/yaml.js';
import type { Problem } from '../problem.js';
import { formatPath } from '../problem.js';
import { RULES } from '../rules/index.js';
import { NO_CONTEXT, type RuleContext } from '../rules/rule.js';
import { contractIssues } from '../schema/issues.js';
import type { Letter } from '../schema/letter.js';
import { LetterSchema } from '../schema/letter.js';

export type Locator = (path: Path, opts?: LocateOptions) => Position;

export interface Checked {
  /** The letter, when it has no errors (warnings allowed). */
  letter?: Letter;
  problems: Problem[];
}

/**
 * One letter's data judged in one pass: the contract (zod), then every lint rule. Each problem is placed in
 * the file with `locate`, which for a batch entry knows whether a value came from the entry or the defaults.
 */
export function checkLetter(data: unknown, file: string, locate: Locator, schema: z.ZodType = LetterSchema, context: RuleContext = NO_CONTEXT): Checked {
  const problems: Problem[] = [];
  const add = (path: Path, message: string, rule: string, severity: 'error' | 'warning', atKey = false, inText?: LocateOptions['inText']) =>
    problems.push({ file, ...locate(path, inText ? { inText } : { key: atKey }), severity, message, rule, path: formatPath(path) });

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    add([], data == null ? 'tệp trống: cần các trường của một công văn (xem cchc init)' : 'tệp phải là một nhóm trường (khóa: giá trị), không phải một danh sách hay một giá trị đơn', 'schema', 'error');
    return { problems };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const i of contractIssues(schema, data, parsed.error.issues)) add(i.path, i.message, i.atKey ? 'unknown-key' : 'schema', 'error', i.atKey);
  }
  /** Fields where a rule said precisely what the contract also reports there (Rule.replaces). */
  const replaced = new Set<string>();
  for (const rule of RULES) {
    try {
      rule.check(data as Partial<Letter>, (path, message, inText) => {
        for (const r of rule.replaces?.(path) ?? []) replaced.add(formatPath(r));
        add(path, message, rule.id, rule.severity, false, inText);
      }, context);
    } catch {
      // The data is malformed in a way the contract has already reported; this rule has nothing to add.
    }
  }
  if (replaced.size) {
    for (let i = problems.length - 1; i >= 0; i--) {
      const p = problems[i]!;
      if (p.rule === 'schema' && replaced.has(p.path ?? '')) problems.splice(i, 1);
    }
  }
  const ok = parsed.success && !problems.some((p) => p.severity === 'error');
  return ok ? { letter: parsed.data as Letter, problems } : { problems };
}
