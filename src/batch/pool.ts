import { Worker } from 'node:worker_threads';
import type { Rendered, WorkItem } from './write.js';

/** Letters per message: fewer, larger messages keep messaging cheap. */
const CHUNK = 8;
/** Chunks a thread may hold: while the main thread writes one chunk's files, the thread renders the next. */
const IN_FLIGHT = 2;

/**
 * The bundle (scripts/bundle.mjs) defines this as the path of bin/worker.js, relative to the bundle, so its
 * workers load the bundle and its code cache; from the tsc output the worker is ./worker-entry.js.
 */
declare const __CCHC_BUNDLED_WORKER__: string | undefined;
const WORKER_FILE = typeof __CCHC_BUNDLED_WORKER__ === 'string' ? __CCHC_BUNDLED_WORKER__ : './worker-entry.js';

/**
 * Renders letters on worker threads and hands back the DOCX bytes; the caller writes them. Why not write in
 * the workers: two threads creating files in one folder contend for the folder's lock (ext4: 1,000 files took
 * 70 ms from one thread and 250–280 ms from two), so one writer on the otherwise idle main thread is faster.
 *
 * Letters can be sent early (`send`), while the main thread is still reading the batch; their results wait,
 * unwritten, until `run` is called with the letters that were finally planned.
 */
export class WorkerPool {
  private stopped = false;
  private closing = false;
  private readonly workers: Worker[];
  /** Letters sent to each thread whose results have not come back. */
  private readonly pending: number[];
  /** Results that came back before run(). */
  private early: Rendered[] = [];
  private failure: Error | undefined;
  private active: { items: WorkItem[]; next: number; use: number; onResult: (r: Rendered) => void; done: () => void; fail: (e: Error) => void } | undefined;

  /**
   * Starts the threads at once: each spends ~100 ms loading the bundle and the templates, which then overlaps
   * with the main thread reading and checking the batch.
   */
  constructor(size: number, init: { templateDirs: string[]; today: string }) {
    const url = new URL(WORKER_FILE, import.meta.url);
    // A worker holds a few chunks of letters at a time: a small heap makes it collect often and keeps a
    // 10,000-letter run's memory down (≈ 60 MB less in all), at no measurable cost in speed.
    const resourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };
    this.workers = Array.from({ length: size }, () => new Worker(url, { workerData: init, resourceLimits }));
    this.pending = this.workers.map(() => 0);
    this.workers.forEach((w, i) => {
      w.on('message', (msg: 'ready' | Rendered[]) => { if (msg !== 'ready') this.received(i, msg); });
      // A thread that fails while nobody waits on it must not crash the process: run() reports it.
      w.on('error', (e) => this.broke(e));
      w.on('exit', (code) => { if (code !== 0 && !this.closing) this.broke(new Error(`render worker exited with code ${code}`)); });
    });
  }

  get size(): number { return this.workers.length; }

  /** Sends no more letters; those already sent come back (so no result is lost) and run() then settles. */
  stop(): void {
    this.stopped = true;
    this.settle();
  }

  /** Sends one chunk of letters now, to the least busy thread; its results wait for run(). */
  send(chunk: WorkItem[]): void {
    const i = this.pending.indexOf(Math.min(...this.pending));
    this.post(i, chunk);
  }

  /**
   * Renders `items` on the first `use` threads, and hands every result to `onResult`: first those of the
   * letters sent early, then the others as they arrive. Settles when every letter sent has come back.
   */
  run(items: WorkItem[], onResult: (r: Rendered) => void, use = this.workers.length): Promise<void> {
    return new Promise<void>((done, fail) => {
      if (this.failure) { fail(this.failure); return; }
      this.active = { items, next: 0, use, onResult, done, fail };
      const early = this.early;
      this.early = [];
      for (const r of early) onResult(r);
      for (let i = 0; i < use; i++) this.feed(i);
      this.settle();
    });
  }

  /** Ends every thread; safe to call more than once, and on a pool that never ran. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private post(i: number, chunk: WorkItem[]): void {
    this.pending[i]! += chunk.length;
    this.workers[i]!.postMessage(chunk);
  }

  private received(i: number, results: Rendered[]): void {
    this.pending[i]! -= results.length;
    this.feed(i);
    const a = this.active;
    if (a) for (const r of results) a.onResult(r);
    else this.early.push(...results);
    this.settle();
  }

  private feed(i: number): void {
    const a = this.active;
    if (!a || i >= a.use) return;
    while (!this.stopped && a.next < a.items.length && this.pending[i]! < IN_FLIGHT * CHUNK) {
      const chunk = a.items.slice(a.next, a.next + CHUNK);
      a.next += chunk.length;
      this.post(i, chunk);
    }
  }

  private settle(): void {
    const a = this.active;
    if (!a || (!this.stopped && a.next < a.items.length) || this.pending.some((n) => n > 0)) return;
    this.active = undefined;
    a.done();
  }

  private broke(e: Error): void {
    this.failure ??= e;
    const a = this.active;
    this.active = undefined;
    a?.fail(e);
  }
}
