import { Worker } from 'node:worker_threads';
import type { ToWorker, WorkerInit } from './worker.js';
import { buffersOf, type Rendered, type WorkItem, type WorkResult } from './write.js';

/** Letters per message: fewer, larger messages keep messaging cheap. */
export const CHUNK = 8;
/** Letters a thread may hold: while one chunk's results travel, the thread works on the next. */
const IN_FLIGHT = 2 * CHUNK;
/** How long close() waits for a thread to remove its temporary folders before ending it anyway. */
const CLOSE_WAIT_MS = 2000;

/**
 * The bundle (scripts/bundle.mjs) defines this as the path of bin/worker.js, relative to the bundle, so its
 * workers load the bundle and its code cache; from the tsc output the worker is ./worker-entry.js.
 */
declare const __CCHC_BUNDLED_WORKER__: string | undefined;
const WORKER_FILE = typeof __CCHC_BUNDLED_WORKER__ === 'string' ? __CCHC_BUNDLED_WORKER__ : './worker-entry.js';

interface Active {
  items: WorkItem[];
  next: number;
  use: number;
  /** A letter's planned item, or undefined for a letter sent early and dropped from the plan since. */
  itemOf: (id: number) => WorkItem | undefined;
  onResult: (r: WorkResult) => void;
  done: () => void;
  fail: (e: Error) => void;
}

/**
 * Renders and writes letters on worker threads (src/pipeline/worker.ts). Letters can be sent early (`send`), while
 * the main thread is still reading the batch: they are only rendered, and their bytes wait here, unwritten,
 * until `run` is called with the final plan; then the threads write those still in it and render and write
 * the rest.
 */
export class WorkerPool {
  private stopped = false;
  private closed: Promise<void> | undefined;
  private readonly workers: Worker[];
  /** Letters sent to each thread whose results have not come back. */
  private readonly pending: number[];
  /** Letters rendered early, waiting for run(). */
  private early: Rendered[] = [];
  /** Rendered letters waiting to be sent back to a thread to be written. */
  private toWrite: { item: WorkItem; rendered: Rendered }[] = [];
  private failure: Error | undefined;
  private active: Active | undefined;

  /**
   * Starts the threads at once: each spends ~100 ms loading the bundle and the templates, which then overlaps
   * with the main thread reading and checking the batch.
   */
  constructor(size: number, init: WorkerInit) {
    const url = new URL(WORKER_FILE, import.meta.url);
    // A worker holds a few chunks of letters at a time: a small heap makes it collect often and keeps a
    // 10,000-letter run's memory down (≈ 60 MB less in all), at no measurable cost in speed.
    const resourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };
    this.workers = Array.from({ length: size }, () => new Worker(url, { workerData: init, resourceLimits }));
    this.pending = this.workers.map(() => 0);
    this.workers.forEach((w, i) => {
      w.on('message', (msg: 'ready' | 'closed' | Rendered[]) => { if (Array.isArray(msg)) this.received(i, msg); });
      // A thread that fails while nobody waits on it must not crash the process: run() reports it.
      w.on('error', (e) => this.broke(e));
      w.on('exit', (code) => { if (code !== 0 && !this.closed) this.broke(new Error(`render worker exited with code ${code}`)); });
    });
  }

  get size(): number { return this.workers.length; }

  /**
   * Sends no more letters (nor early ones to be written); those already sent come back, so no result is lost,
   * and run() then settles.
   */
  stop(): void {
    this.stopped = true;
    this.toWrite = [];
    this.settle();
  }

  /** Sends one chunk of letters now, to the least busy thread, to be rendered only; they wait for run(). */
  send(chunk: WorkItem[]): void {
    this.post(this.leastBusy(), chunk.length, { render: chunk, andWrite: false });
  }

  /**
   * Writes the letters sent early that are still planned (`itemOf`), renders and writes `items` on the first
   * `use` threads, and hands every result to `onResult`. Settles when every letter sent has come back.
   */
  run(items: WorkItem[], itemOf: Active['itemOf'], onResult: (r: WorkResult) => void, use = this.workers.length): Promise<void> {
    return new Promise<void>((done, fail) => {
      if (this.failure) { fail(this.failure); return; }
      this.active = { items, next: 0, use, itemOf, onResult, done, fail };
      const early = this.early;
      this.early = [];
      this.take(early);
      for (let i = 0; i < this.workers.length; i++) this.feed(i);
      this.settle();
    });
  }

  /**
   * Lets each thread remove its temporary folders, then ends it; safe to call more than once. A thread still
   * busy has only rendered (letters sent early to a plan that failed): it has no folder and is ended at once.
   */
  close(): Promise<void> {
    this.closed ??= Promise.all(this.workers.map(async (w, i) => {
      if (!this.failure && this.pending[i] === 0) {
        const closed = new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CLOSE_WAIT_MS);
          w.on('message', (m) => { if (m === 'closed') { clearTimeout(timer); resolve(); } });
          w.once('exit', () => { clearTimeout(timer); resolve(); });
        });
        w.postMessage({ close: true } satisfies ToWorker);
        await closed;
      }
      await w.terminate();
    })).then(() => {});
    return this.closed;
  }

  private leastBusy(): number {
    return this.pending.indexOf(Math.min(...this.pending));
  }

  private post(i: number, letters: number, msg: ToWorker): void {
    this.pending[i]! += letters;
    const transfer = 'write' in msg ? msg.write.flatMap((w) => buffersOf(w.rendered)) : [];
    this.workers[i]!.postMessage(msg, transfer);
  }

  private received(i: number, results: Rendered[]): void {
    this.pending[i]! -= results.length;
    if (this.active) this.take(results);
    else this.early.push(...results);
    this.feed(i);
    this.settle();
  }

  /** Results while run() is on: written letters are reported; early renders still planned go to be written. */
  private take(results: Rendered[]): void {
    const a = this.active!;
    if (this.stopped) results = results.filter((r) => !r.bytes);
    for (const r of results) {
      if (!r.bytes) { if (a.itemOf(r.id)) a.onResult(r); continue; }
      const item = a.itemOf(r.id);
      if (item) this.toWrite.push({ item, rendered: r });
    }
  }

  private feed(i: number): void {
    const a = this.active;
    if (!a) return;
    while (this.toWrite.length && this.pending[i]! < IN_FLIGHT) {
      const chunk = this.toWrite.splice(0, CHUNK);
      this.post(i, chunk.length, { write: chunk });
    }
    if (i >= a.use) return;
    while (!this.stopped && a.next < a.items.length && this.pending[i]! < IN_FLIGHT) {
      const chunk = a.items.slice(a.next, a.next + CHUNK);
      a.next += chunk.length;
      this.post(i, chunk.length, { render: chunk, andWrite: true });
    }
  }

  private settle(): void {
    const a = this.active;
    if (!a || this.toWrite.length || (!this.stopped && a.next < a.items.length) || this.pending.some((n) => n > 0)) return;
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
