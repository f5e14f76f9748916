import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { countList, shownPath, type Problem } from '../problem.js';
import type { TemplateKnowledge } from '../rules/rule.js';
import { BatchEntrySchema, LetterSchema, type Letter } from '../schema/letter.js';
import { checkLetter } from '../validate/letter.js';
import { confine, outputName, pdfPathFor } from './names.js';
import type { LetterSource } from './sources.js';
import { EXISTS } from '../files/dirs.js';

/** A valid letter and the path it will be written to. */
export interface Job { letter: Letter; path: string; source: LetterSource }

export interface PlanOptions {
  output?: string; outDir?: string; force: boolean;
  /** Template names found in the --templates folders (known to the template-fields rule). */
  userTemplates?: readonly string[];
  /** What each template prints, the --templates folders included (the unprinted-fields rule). */
  templates?: TemplateKnowledge;
  /** Each letter also gets a PDF beside its DOCX. */
  letterPdf?: boolean;
}

const where = (s: LetterSource) => s.locate([]);

/** Which letter an output file is for: "công văn mục 3 của dot.yaml", or "công văn k.yaml". */
export const letterOf = (s: Pick<LetterSource, 'file' | 'index'>): string =>
  s.index === undefined ? `công văn ${s.file}` : `công văn mục ${s.index + 1} của ${s.file}`;

/**
 * A problem with an output file (there already, its folder missing or read-only): shown on the output path,
 * which is what the clerk must look at, with the letter it was for.
 */
export const outputProblem = (path: string, s: Pick<LetterSource, 'file' | 'index'>, message: string, rule: string): Problem =>
  ({ file: shownPath(path), line: 0, col: 0, severity: 'error', message: `${message} (${letterOf(s)})`, rule });
const err = (s: LetterSource, message: string, rule: string, path?: string): Problem =>
  ({ file: s.file, ...where(s), severity: 'error', message, rule, ...(path ? { path } : {}) });

/**
 * Validates every letter and decides where each goes, before anything is written: invalid letters, names
 * outside --out-dir, two letters on one name, and existing files (without --force) are all reported here.
 */
export function planJobs(sources: readonly LetterSource[], opts: PlanOptions): { jobs: Job[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const jobs: Job[] = [];
  for (const source of sources) {
    const job = planSource(source, opts, problems);
    if (job) jobs.push(job);
  }
  return { jobs: dropCollisions(jobs, problems, opts.force, opts.letterPdf), problems };
}

/**
 * One letter: validated, and its file named and confined; its problems go to `problems`. Whether its name
 * collides with another letter's, or with a file already there, is dropCollisions' part, once all are planned.
 */
export function planSource(source: LetterSource, opts: PlanOptions, problems: Problem[]): Job | undefined {
  const batch = source.index !== undefined;
  const checked = checkLetter(source.data, source.file, source.locate, batch ? BatchEntrySchema : LetterSchema, { userTemplates: opts.userTemplates ?? [], templates: opts.templates });
  // Problems found while reading (a sheet cell that is no date): the letter fails with them. A field they already
  // explain is not reported again as missing.
  const read = source.problems ?? [];
  const explained = new Set(read.filter((p) => p.severity === 'error').map((p) => p.path));
  problems.push(...read, ...checked.problems.filter((p) => !explained.has(p.path)));
  if (!checked.letter || explained.size > 0) return undefined;
  const { output, ...letter } = checked.letter as Letter & { output?: string };
  const target = targetPath(source, { ...letter, output }, opts);
  if ('error' in target) {
    // -o is the command line's, not the YAML's: the problem is shown on it. A batch's `output` is the YAML's.
    problems.push(opts.output ? outputProblem(resolve(opts.output), source, target.error, 'output-path') : { ...err(source, target.error, 'output-path', 'output'), ...source.locate(['output']) });
    return undefined;
  }
  return { letter, path: target.path, source: detach(source) };
}

/**
 * The source without its parsed file: from here on a job only points at its entry (or its output field),
 * so the YAML tree — the largest thing in memory for a big batch — can be freed before rendering starts.
 */
function detach(s: LetterSource): LetterSource {
  const at = s.locate([]);
  const out = s.locate(['output']);
  return {
    file: s.file, ...(s.index !== undefined ? { index: s.index } : {}), ...(s.entry !== undefined ? { entry: s.entry } : {}),
    data: undefined, locate: (p) => (p[0] === 'output' ? out : at),
  };
}

function targetPath(source: LetterSource, letter: Letter & { output?: string }, opts: PlanOptions): { path: string } | { error: string } {
  // -o names the one letter's file, whether it is a single-letter file or a batch of one (run.ts refuses -o
  // with more letters before anything is planned).
  if (opts.output) {
    // "-o out/" or "-o ." names a folder: the letter would become a file called "out", or fail on the folder.
    if (/[\\/]$/.test(opts.output) || isDirectory(opts.output)) {
      return { error: 'đây là thư mục; -o cần tên tệp .docx (muốn ghi vào một thư mục thì dùng --out-dir)' };
    }
    return { path: resolve(opts.output) };
  }
  if (source.index === undefined) {
    const name = `${basename(source.file, extname(source.file))}.docx`;
    return { path: resolve(opts.outDir ?? dirname(source.file), name) };
  }
  return confine(opts.outDir ?? dirname(source.file), outputName(letter));
}

function isDirectory(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

/** "mục 1 và 3" (one batch file), or "a.yaml mục 2; b.yaml" (several files; a single-letter file by its name). */
function entriesNamed(group: Job[]): string {
  // A row of a sheet names itself ("ket-qua.xlsx, trang "Kết quả" dòng 8"); entries of letters: by their number.
  const rows = group.flatMap((j) => (j.source.entry === undefined ? [] : [j.source.entry]));
  const listed = group.filter((j) => j.source.entry === undefined);
  const byFile = new Map<string, number[]>();
  for (const j of listed) byFile.set(j.source.file, [...(byFile.get(j.source.file) ?? []), ...(j.source.index === undefined ? [] : [j.source.index])]);
  const named = [...byFile].map(([file, idx]) => (idx.length ? `mục ${countList(idx)}` : file));
  const entries = byFile.size === 1 && !rows.length ? named : [...byFile].map(([file, idx], k) => (idx.length ? `${file} ${named[k]}` : file));
  return [...entries, ...rows].join('; ');
}

/** The jobs that may be written: two letters on one file (names equal but for case too) and existing files fail. */
export function dropCollisions(jobs: Job[], problems: Problem[], force: boolean, letterPdf = false): Job[] {
  // Names that differ only in case are one file on Windows and macOS, where the letters often end up.
  const byPath = new Map<string, Job[]>();
  for (const j of jobs) {
    const key = j.path.toLocaleLowerCase('vi');
    byPath.set(key, [...(byPath.get(key) ?? []), j]);
  }
  const keep: Job[] = [];
  for (const group of byPath.values()) {
    const path = group[0]!.path;
    if (group.length > 1) {
      // Entries counted from 1, as a person does ("mục 1 và 3"); the file named too when they come from several.
      const list = entriesNamed(group);
      for (const j of group) problems.push(err(j.source, `${group.length} công văn cùng ghi vào ${shownPath(path)} (${list}); đặt "output" khác nhau`, 'output-collision', 'output'));
    } else if (!force && existsSync(path)) {
      problems.push(outputProblem(path, group[0]!.source, EXISTS, 'output-exists'));
    } else if (!force && letterPdf && existsSync(pdfPathFor(path))) {
      problems.push(outputProblem(pdfPathFor(path), group[0]!.source, EXISTS, 'output-exists'));
    } else keep.push(group[0]!);
  }
  return keep;
}

