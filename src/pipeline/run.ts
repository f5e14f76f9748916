import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { dirErrorMessage, makeDirs } from '../files/dirs.js';
import type { Problem } from '../problem.js';
import { LetterRenderer } from '../render/letter.js';
import { EarlySender } from './early.js';
import { dropCollisions, planJobs, planSource, type Job, type PlanOptions } from './plan.js';
import { WorkerPool } from './pool.js';
import { Progress } from './progress.js';
import type { OutStream } from '../cli/io.js';
import { expandInputs, loadSources, streamSources, type LetterSource } from './sources.js';
import type { OutputStep } from './steps.js';
import { writeJob, type WorkItem, type WorkResult } from './write.js';

export interface RunOptions extends PlanOptions {
  failFast: boolean;
  templateDirs: string[];
  /** Worker threads; default: one per core. 1 renders in this thread. */
  jobs?: number;
  /** Where a terminal's progress line goes; none when not on a terminal or with --quiet. */
  progress?: OutStream;
  /** The environment the CLI was started with (LibreOffice lookup). */
  env?: NodeJS.ProcessEnv;
  today?: Date;
  /** Aborted (Ctrl-C while the CLI was still starting): stop before writing anything. */
  signal?: AbortSignal;
  /** Also write a PDF beside each DOCX written (LibreOffice; src/pdf). */
  pdf?: boolean;
  /** Output steps the CLI hands in (the outgoing register): run around the rendering, in order. */
  steps?: OutputStep[];
}

export interface RunSummary {
  written: string[]; failed: number; problems: Problem[]; seconds: number; interrupted: boolean; internal: string[];
  /** Letters sent to the workers before the whole batch was planned (shown by --debug; the bench reads it). */
  sentEarly?: number;
  /** With --pdf: PDFs written, conversions failed, and `fatal` when LibreOffice could not be found. */
  pdf?: { written: string[]; failed: number; fatal?: string };
}

/** Below this many letters, starting workers costs more than it saves. */
const INLINE_MAX = 24;
/** Letters sent to the workers before the whole batch is planned: their bytes wait in memory (≈ 15 MB). */
const EARLY_MAX = 1024;

/** `cchc render`: every input, single letters and batches alike; a bad letter never stops the good ones. */
export async function runRender(inputs: readonly string[], opts: RunOptions): Promise<RunSummary> {
  // Ctrl-C while the letters are read and checked (a second or two for thousands), or before (opts.signal):
  // nothing is written and the summary says the run stopped. Once writing starts, execute() takes over.
  const stopping = { interrupted: false, off: () => {} };
  const onSigint = () => { stopping.interrupted = true; };
  process.on('SIGINT', onSigint);
  stopping.off = () => process.off('SIGINT', onSigint);
  try { return await renderAll(inputs, opts, stopping); } finally { stopping.off(); }
}

async function renderAll(inputs: readonly string[], opts: RunOptions, stopping: { interrupted: boolean; off: () => void }): Promise<RunSummary> {
  const t0 = performance.now();
  const { files, problems } = expandInputs(inputs);
  const today = opts.today ?? new Date();
  const pool = warmPool(files, opts, today);
  try {
    return await renderFiles(files, problems, { ...opts, today }, stopping, pool, t0);
  } finally {
    await pool?.close();
  }
}

/** Inputs this large are surely batches: their workers start now, while the main thread reads them. */
const WARM_BYTES = 64 * 1024;

function warmPool(files: readonly string[], opts: RunOptions, today: Date): WorkerPool | undefined {
  if (opts.jobs === 1 || opts.output) return undefined;
  let bytes = 0;
  for (const f of files) { try { bytes += statSync(f).size; } catch { /* reported when read */ } }
  if (bytes < WARM_BYTES) return undefined;
  return new WorkerPool(opts.jobs ?? availableParallelism(), { templateDirs: opts.templateDirs, today: today.toISOString() });
}

async function renderFiles(
  files: readonly string[], problems: Problem[], opts: RunOptions & { today: Date },
  stopping: { interrupted: boolean; off: () => void }, pool: WorkerPool | undefined, t0: number,
): Promise<RunSummary> {
  // A file that could not be read or parsed at all counts as one failed letter.
  let unreadable = problems.length;
  // A step may change letters before they are rendered (the register numbers them): none is sent early then.
  const early = pool && !opts.steps?.length ? new EarlySender(pool, EARLY_MAX) : undefined;
  const loaded = early ? await loadAndPlanEarly(files, opts, problems, early) : await loadAndPlan(files, opts, problems);
  unreadable += loaded.unreadable;
  const sentEarly = early?.ids.size ?? 0;
  if (!loaded.jobs) {
    // -o names one file: with more letters, nothing is planned or written; render.ts reports a usage error.
    return finish({ written: [], failed: unreadable + loaded.letters, problems, seconds: 0, interrupted: false, internal: [] }, t0);
  }
  const planned = loaded.jobs;
  const summary: RunSummary = { written: [], failed: unreadable + loaded.letters - planned.length, problems, seconds: 0, interrupted: false, internal: [], sentEarly };
  if (opts.failFast && summary.failed > 0) return finish(summary, t0);
  // Lets a Ctrl-C pressed during loading be seen: a signal is read in the poll phase, which one immediate may skip.
  for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
  stopping.off();
  if (stopping.interrupted || opts.signal?.aborted) { summary.interrupted = true; return finish(summary, t0); }
  if (opts.outDir) {
    try { makeDirs(opts.outDir); } catch (e) {
      problems.push({ file: opts.outDir, line: 0, col: 0, severity: 'error', message: `không tạo được thư mục đầu ra: ${dirErrorMessage(e, opts.outDir)}`, rule: 'io' });
      summary.failed += planned.length;
      return finish(summary, t0);
    }
  }
  const jobs = makeSubfolders(planned, summary);
  if (opts.failFast && summary.failed > 0) return finish(summary, t0);
  const steps = opts.steps ?? [];
  for (const [k, step] of steps.entries()) {
    const stop = await step.before(jobs, { today: opts.today });
    if (stop.length) {
      problems.push(...stop);
      summary.failed += jobs.length;
      // The steps already prepared undo what they staged.
      for (const done of steps.slice(0, k).reverse()) await done.after(jobs, { ...summary, interrupted: true });
      return finish(summary, t0);
    }
  }
  await execute(jobs, opts, summary, pool, early?.ids);
  if (opts.pdf && summary.written.length > 0 && !summary.interrupted && !(opts.failFast && summary.failed > 0)) {
    const { pdfPhase } = await import('../pdf/phase.js');
    await pdfPhase(jobs, opts, summary);
  }
  for (const step of [...steps].reverse()) await step.after(jobs, summary);
  return finish(summary, t0);
}

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
  return { jobs: dropCollisions(jobs, problems, opts.force), letters, unreadable };
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
    summary.problems.push({ file: j.source.file, ...j.source.locate(['output']), severity: 'error', message: error, rule: 'io', path: 'output' });
    return false;
  });
}

function finish(s: RunSummary, t0: number): RunSummary {
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

async function execute(jobs: Job[], opts: RunOptions & { today: Date }, summary: RunSummary, warm?: WorkerPool, sent?: ReadonlyMap<Job, number>): Promise<void> {
  const { today } = opts;
  // Letters sent early keep their ids; the others get ids after them. A result whose id is not here belongs to
  // a letter dropped since it was sent, and is not written.
  let nextId = sent?.size ?? 0;
  const items: WorkItem[] = jobs.map((j) => ({ id: sent?.get(j) ?? nextId++, letter: j.letter, path: j.path, force: opts.force }));
  const byId = new Map(items.map((item, k) => [item.id, { item, job: jobs[k]! }]));
  const progress = new Progress(items.length, opts.progress);
  const workers = Math.min(opts.jobs ?? availableParallelism(), Math.ceil(items.length / INLINE_MAX));
  let stop = () => {};
  const onSigint = () => { summary.interrupted = true; stop(); };
  process.on('SIGINT', onSigint);
  const onResult = (r: WorkResult) => {
    const job = byId.get(r.id)!.job;
    if (r.ok) summary.written.push(job.path);
    else {
      summary.failed++;
      summary.problems.push({ file: job.source.file, ...job.source.locate([]), severity: 'error', message: r.message!, rule: r.rule! });
      if (r.internal) summary.internal.push(r.internal);
      if (opts.failFast) stop();
    }
    progress.tick();
  };
  try {
    if (workers <= 1) {
      const renderer = await LetterRenderer.create({ templateDirs: opts.templateDirs, today });
      // A Ctrl-C while the renderer was being made came before this `stop`: it halts the loop at once.
      let halted = summary.interrupted;
      stop = () => { halted = true; };
      for (const item of items) {
        if (halted) break;
        onResult(writeJob(renderer, item));
        // Let a Ctrl-C be seen between letters in a long inline run.
        if (item.id % 64 === 63) await new Promise((r) => setImmediate(r));
      }
    } else {
      const pool = warm ?? new WorkerPool(workers, { templateDirs: opts.templateDirs, today: today.toISOString() });
      stop = () => pool.stop();
      if (summary.interrupted) pool.stop();
      try {
        // Letters sent early and still planned are written now; the others are rendered and written.
        await pool.run(items.filter((_, k) => !sent?.has(jobs[k]!)), (id) => byId.get(id)?.item, onResult, Math.min(workers, pool.size));
      } finally {
        // Its threads would keep the process alive (a warm pool is closed again by renderAll: harmless).
        await pool.close();
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
    progress.done();
  }
}
