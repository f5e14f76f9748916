import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { dirErrorMessage, makeDirs } from '../files/dirs.js';
import type { Problem } from '../problem.js';
import { LetterRenderer } from '../render/letter.js';
import { EarlySender } from './early.js';
import { dropCollisions, outputProblem, planJobs, planSource, type Job, type PlanOptions } from './plan.js';
import { WorkerPool } from './pool.js';
import { Progress } from './progress.js';
import type { OutStream } from '../cli/io.js';
import type { OutputStep, StepContext, StepReport, Written } from './steps.js';
import { expandInputs, loadSources, streamSources, type LetterSource } from './sources.js';
import { writeJob, type WorkItem, type WorkResult } from './write.js';
import { pdfPathFor } from './names.js';

export interface RunOptions extends PlanOptions {
  failFast: boolean;
  templateDirs: string[];
  /** Worker threads; default: one per core. 1 renders in this thread. */
  jobs?: number;
  /** Where a terminal's progress line goes; none when not on a terminal or with --quiet. */
  progress?: OutStream;
  /** The environment the CLI was started with (passed on to the steps). */
  env?: NodeJS.ProcessEnv;
  today?: Date;
  /** Ctrl-C (the CLI's one handler): stop before writing, or stop sending letters and finish those under way. */
  signal?: AbortSignal;
  /** A PDF beside each DOCX, from the native engine, made with the DOCX on the render threads. */
  letterPdf?: boolean;
  /** What else the run makes, in order (src/pipeline/steps.ts). */
  steps?: OutputStep[];
  /** How many letters a thread makes PDFs for before a fresh one replaces it (pool.ts); tests make it small. */
  pdfLettersPerThread?: number;
}

export interface RunSummary {
  written: string[]; failed: number; problems: Problem[]; seconds: number; interrupted: boolean; internal: string[];
  /** Letters found in the inputs (a file that could not be read holds none). */
  letters?: number;
  /** Inputs that could not be read as letters at all (missing, not YAML, a syntax error): each counts in `failed`. */
  unreadable?: number;
  /** Letters sent to the workers before the whole batch was planned (shown by --debug; the bench reads it). */
  sentEarly?: number;
  /** Render threads started, replacements of PDF threads included (shown by --debug). */
  threads?: number;
  /** PDFs written beside the DOCX files by the native engine, and those that failed (their DOCX was written). */
  pdf?: { written: string[]; failed: number };
  /** What each output step did. */
  steps: StepReport[];
}

/** Below this many letters, starting workers costs more than it saves. */
const INLINE_MAX = 24;
/** Letters sent to the workers before the whole batch is planned: their bytes wait in memory (≈ 15 MB). */
const EARLY_MAX = 1024;

/** `cchc render`: every input, single letters and batches alike; a bad letter never stops the good ones. */
export async function runRender(inputs: readonly string[], opts: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const { files, problems } = expandInputs(inputs);
  const today = opts.today ?? new Date();
  const signal = opts.signal ?? new AbortController().signal;
  const pool = warmPool(files, opts, today);
  try {
    return await renderFiles(files, problems, { ...opts, today, signal }, pool, t0);
  } finally {
    await pool?.close();
  }
}

type Run = RunOptions & { today: Date; signal: AbortSignal };

const stepContext = (opts: Run): StepContext => ({
  signal: opts.signal, force: opts.force, ...(opts.progress ? { progress: opts.progress } : {}), env: opts.env ?? process.env,
  today: opts.today, templateDirs: opts.templateDirs,
});

/** Inputs this large are surely batches: their workers start now, while the main thread reads them. */
const WARM_BYTES = 64 * 1024;

function warmPool(files: readonly string[], opts: RunOptions, today: Date): WorkerPool | undefined {
  if (opts.jobs === 1) return undefined;
  const init = { templateDirs: opts.templateDirs, today: today.toISOString(), pdf: !!opts.letterPdf };
  let bytes = 0;
  for (const f of files) { try { bytes += statSync(f).size; } catch { /* reported when read */ } }
  // A few letters, with a PDF or not, are made on this thread: a worker would load cchc a second time (~80 ms)
  // to save the PDF engine's start (~50 ms); measured, one letter with --pdf: 0.39 s with a worker, 0.29 s without.
  return bytes >= WARM_BYTES && !opts.output ? new WorkerPool(opts.jobs ?? availableParallelism(), init, opts.pdfLettersPerThread) : undefined;
}

async function renderFiles(files: readonly string[], problems: Problem[], opts: Run, pool: WorkerPool | undefined, t0: number): Promise<RunSummary> {
  // A file that could not be read or parsed at all counts as one failed letter.
  let unreadable = problems.length;
  // A step may change letters before they are rendered (the register numbers them): none is sent early then.
  const early = pool && !opts.steps?.some((s) => s.prepare) ? new EarlySender(pool, pool.earlyLimit(EARLY_MAX), (job, id) => workItem(job, id, opts)) : undefined;
  const loaded = early ? await loadAndPlanEarly(files, opts, problems, early) : await loadAndPlan(files, opts, problems);
  unreadable += loaded.unreadable;
  const sentEarly = early?.ids.size ?? 0;
  const summary: RunSummary = { written: [], failed: unreadable + loaded.letters, problems, seconds: 0, interrupted: false, internal: [], sentEarly, steps: [], letters: loaded.letters, unreadable };
  // -o names one file: with more letters, nothing is planned or written; render.ts reports a usage error.
  if (!loaded.jobs) return finish(summary, t0);
  const planned = loaded.jobs;
  summary.failed -= planned.length;
  if (opts.failFast && summary.failed > 0) return finish(summary, t0);
  // Lets a Ctrl-C pressed during loading be seen: a signal is read in the poll phase, which one immediate may skip.
  for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
  if (opts.signal.aborted) { summary.interrupted = true; return finish(summary, t0); }
  const ctx = stepContext(opts);
  if (opts.outDir) {
    try { makeDirs(opts.outDir); } catch (e) {
      problems.push({ file: opts.outDir, line: 0, col: 0, severity: 'error', message: `không tạo được thư mục đầu ra: ${dirErrorMessage(e, opts.outDir)}`, rule: 'io' });
      summary.failed += planned.length;
      return finish(summary, t0);
    }
  } else if (opts.output && planned.length) {
    // -o into a folder not made yet: made as --out-dir is (makeDirs: each missing folder once, never a loop).
    const dir = dirname(resolve(opts.output));
    try { makeDirs(dir); } catch (e) {
      problems.push(outputProblem(resolve(opts.output), planned[0]!.source, `không tạo được thư mục: ${dirErrorMessage(e, dir)}`, 'io'));
      summary.failed += planned.length;
      return finish(summary, t0);
    }
  }
  const jobs = makeSubfolders(planned, summary);
  if (opts.failFast && summary.failed > 0) return finish(summary, t0);
  const steps = opts.steps ?? [];
  for (const [k, step] of steps.entries()) {
    const stop = (await step.prepare?.(jobs, ctx)) ?? [];
    problems.push(...stop);
    if (stop.some((p) => p.severity === 'error')) {
      summary.failed += jobs.length;
      // The steps already prepared undo what they staged.
      for (const done of steps.slice(0, k).reverse()) await done.settle?.(jobs, { ...summary, interrupted: true });
      return finish(summary, t0);
    }
  }
  const written = await execute(jobs, opts, summary, pool, early?.ids);
  if (written.length > 0 && !summary.interrupted && !(opts.failFast && summary.failed > 0)) {
    for (const step of steps) {
      if (!step.finish || opts.signal.aborted) continue;
      const report = await step.finish(written, ctx);
      summary.steps.push(report);
      problems.push(...report.problems);
      summary.internal.push(...(report.internal ?? []));
    }
    if (opts.signal.aborted) summary.interrupted = true;
  }
  for (const step of [...steps].reverse()) await step.settle?.(jobs, summary);
  return finish(summary, t0);
}

/** The work item of a planned letter: where its DOCX goes, and its PDF when the run makes one per letter. */
const workItem = (job: Job, id: number, opts: Pick<RunOptions, 'force' | 'letterPdf'>): WorkItem =>
  ({ id, letter: job.letter, path: job.path, force: opts.force, ...(opts.letterPdf ? { pdf: pdfPathFor(job.path) } : {}) });

/**
 * Reads every file and plans every letter. Kept apart so the parsed files (sources, with their YAML trees)
 * go out of scope once the jobs are planned: a 10,000-letter batch then renders in far less memory.
 */
async function loadAndPlan(files: readonly string[], opts: RunOptions, problems: Problem[]): Promise<{ jobs?: Job[]; letters: number; unreadable: number }> {
  let unreadable = 0;
  const sources: LetterSource[] = [];
  for (const f of files) {
    const r = await loadSources(f);
    problems.push(...r.problems);
    if (r.sources.length === 0 && r.problems.some((p) => p.severity === 'error')) unreadable++;
    sources.push(...r.sources);
  }
  if (opts.output && unreadable + sources.length > 1) return { letters: sources.length, unreadable };
  const plan = planJobs(sources, opts);
  problems.push(...plan.problems);
  return { jobs: plan.jobs, letters: sources.length, unreadable };
}

/**
 * The same plan as loadAndPlan, with the same problems, but large batch files are read entry by entry and each
 * letter is sent to the workers as soon as it is planned, so rendering overlaps reading. A file that turns out
 * unreadable after some of its letters went out takes them back (their renders are never written).
 */
async function loadAndPlanEarly(files: readonly string[], opts: RunOptions, problems: Problem[], early: EarlySender): Promise<{ jobs: Job[]; letters: number; unreadable: number }> {
  let unreadable = 0;
  let letters = 0;
  const jobs: Job[] = [];
  const planProblems: Problem[] = [];
  for (const f of files) {
    let fileJobs: Job[] = [];
    let fileProblems: Problem[] = [];
    let count = 0;
    const plan = (s: LetterSource) => {
      count++;
      const job = planSource(s, opts, fileProblems);
      if (job) { fileJobs.push(job); early.offer(job); }
    };
    const r = await streamSources(f, plan, WARM_BYTES);
    problems.push(...r.problems);
    if (r.retract) { fileJobs = []; fileProblems = []; count = 0; }
    for (const s of r.sources) plan(s);
    if (count === 0 && r.problems.some((p) => p.severity === 'error')) unreadable++;
    letters += count;
    jobs.push(...fileJobs);
    planProblems.push(...fileProblems);
  }
  early.flush();
  problems.push(...planProblems);
  return { jobs: dropCollisions(jobs, problems, opts.force, opts.letterPdf), letters, unreadable };
}

/**
 * A batch entry's `output` may name a subfolder of the output folder ("huyen/kien-luong.docx"; names.ts has
 * already confined it there): the subfolder is created. An entry whose folder cannot be made fails alone.
 */
function makeSubfolders(jobs: Job[], summary: RunSummary): Job[] {
  const made = new Map<string, string | undefined>();
  return jobs.filter((j) => {
    if (j.source.index === undefined) return true;
    const dir = dirname(j.path);
    if (!made.has(dir)) {
      try { makeDirs(dir); made.set(dir, undefined); } catch (e) {
        made.set(dir, dirErrorMessage(e, dir));
      }
    }
    const error = made.get(dir);
    if (error === undefined) return true;
    summary.failed++;
    summary.problems.push(outputProblem(j.path, j.source, `không tạo được thư mục: ${error}`, 'io'));
    return false;
  });
}

function finish(s: RunSummary, t0: number): RunSummary {
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

async function execute(jobs: Job[], opts: Run, summary: RunSummary, warm?: WorkerPool, sent?: ReadonlyMap<Job, number>): Promise<Written[]> {
  const { today } = opts;
  // Letters sent early keep their ids; the others get ids after them. A result whose id is not here belongs to
  // a letter dropped since it was sent, and is not written.
  let nextId = sent?.size ?? 0;
  const items: WorkItem[] = jobs.map((j) => workItem(j, sent?.get(j) ?? nextId++, opts));
  const byId = new Map(items.map((item, k) => [item.id, { item, job: jobs[k]!, k }]));
  const done: (Written | undefined)[] = [];
  const progress = new Progress(items.length, opts.progress);
  const workers = Math.min(opts.jobs ?? availableParallelism(), Math.ceil(items.length / INLINE_MAX));
  let stop = () => {};
  const onAbort = () => { summary.interrupted = true; stop(); };
  opts.signal.addEventListener('abort', onAbort);
  const onResult = (r: WorkResult) => {
    const { job, item, k } = byId.get(r.id)!;
    // A file that could not be written is shown on its path; a letter that could not be made, on the letter.
    const problem = (message: string, rule: string, path = job.path) => summary.problems.push(rule === 'io' || rule === 'output-exists'
      ? outputProblem(path, job.source, message, rule)
      : { file: job.source.file, ...job.source.locate([]), severity: 'error', message, rule });
    if (r.ok) {
      summary.written.push(job.path);
      done[k] = { job, ...(r.pdf?.ok ? { pdf: item.pdf! } : {}) };
      if (r.pdf) {
        summary.pdf ??= { written: [], failed: 0 };
        if (r.pdf.ok) summary.pdf.written.push(item.pdf!);
        else {
          summary.pdf.failed++;
          problem(r.pdf.message!, r.pdf.rule!, item.pdf!);
          if (r.pdf.internal) summary.internal.push(r.pdf.internal);
        }
      }
    } else {
      summary.failed++;
      problem(r.message!, r.rule!);
      if (r.internal) summary.internal.push(r.internal);
      if (opts.failFast) stop();
    }
    progress.tick();
  };
  try {
    if (workers <= 1 && !warm) {
      const renderer = await LetterRenderer.create({ templateDirs: opts.templateDirs, today });
      // A Ctrl-C while the renderer was being made came before this `stop`: it halts the loop at once.
      let halted = summary.interrupted || opts.signal.aborted;
      stop = () => { halted = true; };
      for (const item of items) {
        if (halted) break;
        onResult(writeJob(renderer, item));
        // Let a Ctrl-C be seen between letters in a long inline run.
        if (item.id % 64 === 63) await new Promise((r) => setImmediate(r));
      }
    } else {
      const pool = warm ?? new WorkerPool(workers, { templateDirs: opts.templateDirs, today: today.toISOString(), pdf: !!opts.letterPdf }, opts.pdfLettersPerThread);
      stop = () => pool.stop();
      if (summary.interrupted || opts.signal.aborted) { summary.interrupted = true; pool.stop(); }
      try {
        // Letters sent early and still planned are written now; the others are rendered and written.
        await pool.run(items.filter((_, k) => !sent?.has(jobs[k]!)), (id) => byId.get(id)?.item, onResult, Math.max(1, Math.min(workers, pool.size)));
      } finally {
        // Its threads would keep the process alive (a warm pool is closed again by runRender: harmless).
        await pool.close();
        summary.threads = pool.started;
      }
    }
  } finally {
    opts.signal.removeEventListener('abort', onAbort);
    progress.done();
  }
  return done.filter((w): w is Written => w !== undefined);
}
