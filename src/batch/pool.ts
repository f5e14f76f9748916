import { Worker } from 'node:worker_threads';
import { removeStaging } from '../files/staged.js';
import type { FromWorker, ToWorker } from './worker.js';
import type { WorkItem, WorkResult } from './write.js';

/** Letters per message: fewer, larger messages keep messaging cheap. */
const CHUNK = 8;
/** Letters a thread may hold: while one chunk's results travel, the thread works on the next. */
const IN_FLIGHT = 2 * CHUNK;

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
  onResult: (r: WorkResult) => void;
  done: () => void;
  fail: (e: Error) => void;
}

/**
 * Renders and writes letters on worker threads (src/batch/worker.ts). Letters can be sent early (`send`), while
 * the main thread is still planning the batch: the threads render them and stage their files, unnamed. `run`
 * then commits those still in the final plan (they take their names), drops the others, and renders and writes
 * the rest. `close` ends the threads and removes their staging folders.
 */
export class WorkerPool {
  private stopped = false;
  private closed: Promise<void> | undefined;
  private readonly workers: Worker[];
  /** Letters sent to each thread whose results (or staging) have not come back. */
  private readonly pending: number[];
  /** Which thread staged each letter sent early. */
  private readonly stagedOn = new Map<number, number>();
  /** The folders under which the threads stage files: their staging folders are removed on close. */
  private readonly roots = new Set<string>();
  private failure: Error | undefined;
  private active: Active | undefined;

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
      w.on('message', (msg: FromWorker) => this.received(i, msg));
      // A thread that fails while nobody waits on it must not crash the process: run() reports it.
      w.on('error', (e) => this.broke(e));
      w.on('exit', (code) => { if (code !== 0 && !this.closed) this.broke(new Error(`render worker exited with code ${code}`)); });
    });
  }

  get size(): number { return this.workers.length; }

  /** Sends no more letters; those already sent come back (so no result is lost) and run() then settles. */
  stop(): void {
    this.stopped = true;
    this.settle();
  }

  /** Sends one chunk of letters now, to the least busy thread, to be rendered and staged; they wait for run(). */
  send(chunk: WorkItem[]): void {
    const i = this.leastBusy();
    for (const item of chunk) this.stagedOn.set(item.id, i);
    this.post(i, chunk.length, { render: chunk, mode: 'stage' }, chunk);
  }

  /**
   * Commits the letters sent early that are still planned (`itemOf` gives their final item; undefined: dropped),
   * renders and writes `items` on the first `use` threads, and hands every result to `onResult`. Settles when
   * every letter sent has come back. After a stop(), letters sent early are dropped, not committed.
   */
  run(items: WorkItem[], itemOf: (id: number) => WorkItem | undefined, onResult: (r: WorkResult) => void, use = this.workers.length): Promise<void> {
    return new Promise<void>((done, fail) => {
      if (this.failure) { fail(this.failure); return; }
      this.active = { items, next: 0, use, onResult, done, fail };
      this.workers.forEach((_, i) => {
        const commit: { id: number; path: string; force: boolean }[] = [];
        const drop: number[] = [];
        for (const [id, on] of this.stagedOn) {
          if (on !== i) continue;
          const item = this.stopped ? undefined : itemOf(id);
          if (item) commit.push({ id, path: item.path, force: item.force });
          else drop.push(id);
        }
        if (commit.length || drop.length) this.post(i, commit.length, { commit, drop });
      });
      this.stagedOn.clear();
      for (let i = 0; i < this.workers.length; i++) this.feed(i);
      this.settle();
    });
  }

  /** Ends every thread, then removes their staging folders; safe to call more than once. */
  close(): Promise<void> {
    this.closed ??= Promise.all(this.workers.map(async (w) => {
      const thread = w.threadId;
      await w.terminate();
      for (const root of this.roots) removeStaging(root, thread);
    })).then(() => {});
    return this.closed;
  }

  private leastBusy(): number {
    return this.pending.indexOf(Math.min(...this.pending));
  }

  private post(i: number, letters: number, msg: ToWorker, items: WorkItem[] = []): void {
    for (const item of items) if (item.stage) this.roots.add(item.stage);
    this.pending[i]! += letters;
    this.workers[i]!.postMessage(msg);
  }

  private received(i: number, msg: FromWorker): void {
    if (msg === 'ready') return;
    if (Array.isArray(msg)) {
      this.pending[i]! -= msg.length;
      for (const r of msg) this.active?.onResult(r);
    } else this.pending[i]! -= msg.staged;
    this.feed(i);
    this.settle();
  }

  private feed(i: number): void {
    const a = this.active;
    if (!a || i >= a.use) return;
    while (!this.stopped && a.next < a.items.length && this.pending[i]! < IN_FLIGHT) {
      const chunk = a.items.slice(a.next, a.next + CHUNK);
      a.next += chunk.length;
      this.post(i, chunk.length, { render: chunk, mode: 'write' }, chunk);
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
