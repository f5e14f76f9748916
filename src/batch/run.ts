import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { dirErrorMessage, makeDirs } from '../files/dirs.js';
import type { Problem } from '../problem.js';
import { LetterRenderer } from '../render/letter.js';
import { planJobs, type Job, type PlanOptions } from './plan.js';
import { WorkerPool } from './pool.js';
import { Progress } from './progress.js';
import { expandInputs, loadSources } from './sources.js';
import { writeJob, writeRendered, type Rendered, type WorkItem, type WorkResult } from './write.js';

export interface RunOptions extends PlanOptions {
  failFast: boolean;
  templateDirs: string[];
  /** Worker threads; default: one per core. 1 renders in this thread. */
  jobs?: number;
  progress: boolean;
  today?: Date;
  /** Aborted (Ctrl-C while the CLI was still starting): stop before writing anything. */
  signal?: AbortSignal;
  /** Also write a PDF beside each DOCX written (LibreOffice; src/pdf). */
  pdf?: boolean;
}

export interface RunSummary {
  written: string[]; failed: number; problems: Problem[]; seconds: number; interrupted: boolean; internal: string[];
  /** With --pdf: PDFs written, conversions failed, and `fatal` when LibreOffice could not be found. */
  pdf?: { written: string[]; failed: number; fatal?: string };
}

/** Below this many letters, starting workers costs more than it saves. */
const INLINE_MAX = 24;

/** `cchc render`: every input, single letters and batches alike; a bad letter never stops the good ones. */
export async function runRender(inputs: readonly string[], opts: RunOptions): Promise<RunSummary> {
  // Ctrl-C while the letters are read and checked (a second or two for thousands), or before (opts.signal):
  // nothing is written and the summary says the run stopped. Once writing starts, execute() takes over.
  const early = { interrupted: false, off: () => {} };
  const onSigint = () => { early.interrupted = true; };
  process.on('SIGINT', onSigint);
  early.off = () => process.off('SIGINT', onSigint);
  try { return await renderAll(inputs, opts, early); } finally { early.off(); }
}

async function renderAll(inputs: readonly string[], opts: RunOptions, early: { interrupted: boolean; off: () => void }): Promise<RunSummary> {
  const t0 = performance.now();
  const { files, problems } = expandInputs(inputs);
  const today = opts.today ?? new Date();
  const pool = warmPool(files, opts, today);
  try {
    return await renderFiles(files, problems, { ...opts, today }, early, pool, t0);
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
  early: { interrupted: boolean; off: () => void }, pool: WorkerPool | undefined, t0: number,
): Promise<RunSummary> {
  // A file that could not be read or parsed at all counts as one failed letter.
  let unreadable = problems.length;
  const loaded = loadAndPlan(files, opts, problems);
  unreadable += loaded.unreadable;
  if (!loaded.plan) {
    // -o names one file: with more letters, nothing is planned or written; render.ts reports a usage error.
    return finish({ written: [], failed: unreadable + loaded.letters, problems, seconds: 0, interrupted: false, internal: [] }, t0);
  }
  const { plan } = loaded;
  const summary: RunSummary = { written: [], failed: unreadable + loaded.letters - plan.jobs.length, problems, seconds: 0, interrupted: false, internal: [] };
  if (opts.failFast && summary.failed > 0) return finish(summary, t0);
  // Lets a Ctrl-C pressed during loading be seen: a signal is read in the poll phase, which one immediate may skip.
  for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
  early.off();
  if (early.interrupted || opts.signal?.aborted) { summary.interrupted = true; return finish(summary, t0); }
  if (opts.outDir) {
    try { makeDirs(opts.outDir); } catch (e) {
      problems.push({ file: opts.outDir, line: 0, col: 0, severity: 'error', message: `không tạo được thư mục đầu ra: ${dirErrorMessage(e, opts.outDir)}`, rule: 'io' });
      summary.failed += plan.jobs.length;
      return finish(summary, t0);
    }
  }
  const jobs = makeSubfolders(plan.jobs, summary);
  if (opts.failFast && summary.failed > 0) return finish(summary, t0);
  await execute(jobs, opts, summary, pool);
  if (opts.pdf && summary.written.length > 0 && !summary.interrupted && !(opts.failFast && summary.failed > 0)) {
    const { pdfPhase } = await import('../pdf/phase.js');
    await pdfPhase(jobs, opts, summary);
  }
  return finish(summary, t0);
}

/**
 * Reads every file and plans every letter. Kept apart so the parsed files (sources, with their YAML trees)
 * go out of scope once the jobs are planned: a 10,000-letter batch then renders in far less memory.
 */
function loadAndPlan(files: readonly string[], opts: RunOptions, problems: Problem[]): { plan?: ReturnType<typeof planJobs>; letters: number; unreadable: number } {
  let unreadable = 0;
  const sources = files.flatMap((f) => {
    const r = loadSources(f);
    problems.push(...r.problems);
    if (r.sources.length === 0 && r.problems.some((p) => p.severity === 'error')) unreadable++;
    return r.sources;
  });
  if (opts.output && unreadable + sources.length > 1) return { letters: sources.length, unreadable };
  const plan = planJobs(sources, opts);
  problems.push(...plan.problems);
  return { plan, letters: sources.length, unreadable };
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

async function execute(jobs: Job[], opts: RunOptions & { today: Date }, summary: RunSummary, warm?: WorkerPool): Promise<void> {
  const { today } = opts;
  const items: WorkItem[] = jobs.map((j, id) => ({ id, letter: j.letter, path: j.path, force: opts.force }));
  const progress = new Progress(items.length, opts.progress);
  const workers = Math.min(opts.jobs ?? availableParallelism(), Math.ceil(items.length / INLINE_MAX));
  let stop = () => {};
  const onSigint = () => { summary.interrupted = true; stop(); };
  process.on('SIGINT', onSigint);
  const onResult = (r: WorkResult) => {
    const job = jobs[r.id]!;
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
      // Letters already rendered when a Ctrl-C or a --fail-fast stop comes are still written, as before the stop.
      const write = (r: Rendered) => onResult(r.bytes ? writeRendered(items[r.id]!, r.bytes) : r);
      await pool.run(items, write, Math.min(workers, pool.size));
    }
  } finally {
    process.off('SIGINT', onSigint);
    progress.done();
  }
}
