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
 * Letters a thread makes PDFs for before a fresh thread takes its place. Each Typst compiler (typst.ts 0.7.0) keeps
 * ~0.3–0.9 MB per document however its caches are evicted; it is freed with the compiler, but V8 does not know that
 * native memory and collects a dropped compiler late or never, so ending the thread is the sure way to return it.
 * Measured on 1,000 letters, 2 threads (2026-11-27): every 50 → peak 330 MB; 100 → 400 MB, ~1 s less wall time
 * (a fresh thread costs ~0.1 s: loading cchc, starting the engine, a cold layout cache); never → 855 MB and
 * growing with the batch. 10,000 letters: 430 MB (50), 530 MB (100).
 */
export const PDF_LETTERS_PER_THREAD = 100;

/**
 * The bundle (scripts/bundle.mjs) defines this as the path of bin/worker.js, relative to the bundle, so its
 * workers load the bundle and its code cache; from the tsc output the worker is ./worker-entry.js.
 */
declare const __CCHC_BUNDLED_WORKER__: string | undefined;
const WORKER_FILE = typeof __CCHC_BUNDLED_WORKER__ === 'string' ? __CCHC_BUNDLED_WORKER__ : './worker-entry.js';

/** The render worker's file, for threads started outside the pool (print-parts.ts). */
export const workerUrl = (): URL => new URL(WORKER_FILE, import.meta.url);

/** Worker heap limits: a thread holds a few letters at a time (see start()). */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

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
  /** Letters sent to each thread to render since it started, and the threads being replaced (see PDF_LETTERS_PER_THREAD). */
  private readonly made: number[];
  private readonly retiring = new Set<number>();
  private readonly retired: Promise<void>[] = [];
  /** Threads ended on purpose: their exit is no failure. */
  private readonly dismissed = new WeakSet<Worker>();
  private readonly url = workerUrl();

  /**
   * Starts the threads at once: each spends ~100 ms loading the bundle and the templates, which then overlaps
   * with the main thread reading and checking the batch.
   */
  constructor(size: number, private readonly init: WorkerInit, private readonly pdfLettersPerThread = PDF_LETTERS_PER_THREAD) {
    this.workers = Array.from({ length: size }, (_, i) => this.start(i));
    this.pending = this.workers.map(() => 0);
    this.made = this.workers.map(() => 0);
  }

  /** A thread for slot i. */
  private start(i: number): Worker {
    // A worker holds a few chunks of letters at a time: a small heap makes it collect often and keeps a
    // 10,000-letter run's memory down (≈ 60 MB less in all), at no measurable cost in speed.
    const w = new Worker(this.url, { workerData: this.init, resourceLimits: WORKER_LIMITS });
    this.started++;
    w.on('message', (msg: 'ready' | 'closed' | Rendered[]) => { if (Array.isArray(msg) && this.workers[i] === w) this.received(i, msg); });
    // A thread that fails while nobody waits on it must not crash the process: run() reports it.
    w.on('error', (e) => this.broke(e));
    w.on('exit', (code) => { if (code !== 0 && !this.closed && !this.dismissed.has(w)) this.broke(new Error(`render worker exited with code ${code}`)); });
    return w;
  }

  get size(): number { return this.workers.length; }

  /**
   * How many letters may be sent early, of `max`: with PDFs, half of what the threads make before they are
   * replaced (letters sent early would overrun a thread's share, and rendering, not reading, takes the time).
   */
  earlyLimit(max: number): number {
    return this.init.pdf ? Math.min(max, (this.workers.length * this.pdfLettersPerThread) / 2) : max;
  }

  /** Threads started so far, replacements included. */
  started = 0;

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
    this.closed ??= Promise.all([
      ...this.retired,
      ...this.workers.map(async (w, i) => {
        if (!this.failure && this.pending[i] === 0 && !this.retiring.has(i)) await closeThread(w);
        await w.terminate();
      }),
    ]).then(() => {});
    return this.closed;
  }

  /**
   * Replaces thread i once it has made its share of PDFs and holds no letter: it removes its folders and ends,
   * and a fresh thread takes its place (its letters so far are all reported).
   */
  private recycle(i: number): void {
    if (!this.due(i) || this.pending[i] !== 0 || this.retiring.has(i) || this.closed) return;
    const old = this.workers[i]!;
    this.retiring.add(i);
    this.dismissed.add(old);
    this.retired.push(closeThread(old).then(() => old.terminate()).then(() => {
      if (this.closed || this.failure) return;
      this.workers[i] = this.start(i);
      this.made[i] = 0;
      this.retiring.delete(i);
      this.feed(i);
      this.settle();
    }));
  }

  private leastBusy(): number {
    const open = this.pending.map((n, i) => (this.retiring.has(i) || this.due(i) ? Infinity : n));
    return open.indexOf(Math.min(...open));
  }

  private post(i: number, letters: number, msg: ToWorker): void {
    this.pending[i]! += letters;
    if ('render' in msg) this.made[i]! += letters;
    const transfer = 'write' in msg ? msg.write.flatMap((w) => buffersOf(w.rendered)) : [];
    this.workers[i]!.postMessage(msg, transfer);
  }

  private received(i: number, results: Rendered[]): void {
    this.pending[i]! -= results.length;
    if (this.active) this.take(results);
    else this.early.push(...results);
    this.feed(i);
    this.recycle(i);
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

  /** Thread i has made its share of PDFs: it gets no more letters, and is replaced once it holds none. */
  private due(i: number): boolean {
    return this.share(i) <= 0;
  }

  /** Letters thread i may still be sent to render. */
  private share(i: number): number {
    return this.init.pdf === true ? this.pdfLettersPerThread - this.made[i]! : Infinity;
  }

  private feed(i: number): void {
    const a = this.active;
    if (!a || this.retiring.has(i) || this.due(i)) return;
    while (this.toWrite.length && this.pending[i]! < IN_FLIGHT) {
      const chunk = this.toWrite.splice(0, CHUNK);
      this.post(i, chunk.length, { write: chunk });
    }
    if (i >= a.use) return;
    while (!this.stopped && a.next < a.items.length && this.pending[i]! < IN_FLIGHT && !this.due(i)) {
      const chunk = a.items.slice(a.next, a.next + Math.min(CHUNK, this.share(i)));
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

/** Asks a thread to remove its temporary folders; settles when it has (or could not, or after CLOSE_WAIT_MS). */
export function closeThread(w: Worker): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CLOSE_WAIT_MS);
    w.on('message', (m) => { if (m === 'closed') { clearTimeout(timer); resolve(); } });
    w.once('exit', () => { clearTimeout(timer); resolve(); });
  });
  w.postMessage({ close: true } satisfies ToWorker);
  return closed;
}
