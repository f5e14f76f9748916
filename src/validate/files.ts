import { planJobs, type PlanOptions } from '../pipeline/plan.js';
import { expandInputs, loadSources, type LetterSource } from '../pipeline/sources.js';
import type { Problem } from '../problem.js';
import { mergeRepeats, sortProblems } from '../problem.js';

export interface ValidateResult {
  /** Every YAML file that was checked, in the order given (folders expanded). */
  files: string[];
  /** Letters found in them (a batch file holds many, a file that cannot be read none). */
  letters: number;
  /** Every problem, sorted by file, line and column. */
  problems: Problem[];
}

/**
 * `cchc validate`: the same reading and planning as `cchc render` (expandInputs, loadSources, planJobs), without
 * rendering — so a file that validates also renders: besides the letters themselves, output names that climb
 * out of the folder or that two letters share are reported. Existing output files are not (render's --force
 * decides). A value in a batch's defaults that every entry inherits is reported once, with how many letters it
 * stops (the same merging as render's output).
 */
export async function validateInputs(inputs: readonly string[], context: Pick<PlanOptions, 'userTemplates' | 'templates'> = {}): Promise<ValidateResult> {
  const { files, problems } = expandInputs(inputs);
  const sources: LetterSource[] = [];
  for (const file of files) {
    const loaded = await loadSources(file);
    problems.push(...loaded.problems);
    sources.push(...loaded.sources);
  }
  problems.push(...planJobs(sources, { force: true, ...context }).problems);
  return { files, letters: sources.length, problems: sortProblems(mergeRepeats(problems)) };
}

/** Errors and warnings, counted. */
export function countProblems(problems: readonly Problem[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  for (const p of problems) if (p.severity === 'error') errorCount++;
  return { errorCount, warningCount: problems.length - errorCount };
}
