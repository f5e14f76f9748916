import { expandInputs, loadSources } from '../batch/sources.js';
import type { Problem } from '../problem.js';
import { sortProblems } from '../problem.js';
import { BatchEntrySchema, LetterSchema } from '../schema/letter.js';
import { checkLetter } from './letter.js';

export interface ValidateResult {
  /** Every YAML file that was checked, in the order given (folders expanded). */
  files: string[];
  /** Every problem, sorted by file, line and column. */
  problems: Problem[];
}

/**
 * `cchc validate`: the same reading and checking as `cchc render` (expandInputs, loadSources, checkLetter with
 * BatchEntrySchema for batch entries), without rendering. A value in a batch's defaults that every entry
 * inherits would be reported once per entry at the same place; it is reported once.
 */
export function validateInputs(inputs: readonly string[]): ValidateResult {
  const { files, problems } = expandInputs(inputs);
  for (const file of files) {
    const loaded = loadSources(file);
    problems.push(...loaded.problems);
    for (const source of loaded.sources) {
      const schema = source.index === undefined ? LetterSchema : BatchEntrySchema;
      problems.push(...checkLetter(source.data, source.file, source.locate, schema).problems);
    }
  }
  return { files, problems: sortProblems(unique(problems)) };
}

function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.col, p.rule, p.path ?? '', p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Errors and warnings, counted. */
export function countProblems(problems: readonly Problem[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  for (const p of problems) if (p.severity === 'error') errorCount++;
  return { errorCount, warningCount: problems.length - errorCount };
}
