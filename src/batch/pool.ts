import { Worker } from 'node:worker_threads';
import type { Rendered, WorkItem } from './write.js';

const CHUNK = 8;

/**
 * The bundle (scripts/bundle.mjs) defines this as the path of bin/worker.js, relative to the bundle, so its
 * workers load the bundle and its code cache; from the tsc output the worker is ./worker-entry.js.
 */
declare const __CCHC_BUNDLED_WORKER__: string | undefined;
const WORKER_FILE = typeof __CCHC_BUNDLED_WORKER__ === 'string' ? __CCHC_BUNDLED_WORKER__ : './worker-entry.js';
const IN_FLIGHT = 2;

/**
 * Renders work items on worker threads, in chunks to keep messaging cheap. `onResult` is called as results
 * arrive, with the DOCX bytes; the caller writes them. Why not write in the workers: two threads creating
 * files in one folder contend for the folder's lock (ext4: 1,000 files took 70 ms from one thread and
 * 250–280 ms from two), so one writer on the otherwise idle main thread is faster. `stop()` lets in-flight
 * chunks finish and sends no more.
 */
export class WorkerPool {
  private stopped = false;
  private readonly workers: Worker[];
  /** Settles when each thread has built its renderer (its 'ready' message) or failed to start. */
  private readonly ready: Promise<void>[];

  /**
   * Starts the threads at once: each spends ~150 ms loading docx and the templates, which then overlaps
   * with the main thread reading and checking the batch.
   */
  constructor(size: number, init: { templateDirs: string[]; today: string }) {
    const url = new URL(WORKER_FILE, import.meta.url);
    // A worker holds one chunk of letters at a time: a small heap makes it collect often and keeps a 10,000-letter
    // run's memory down (≈ 60 MB less in all), at no measurable cost in speed.
    const resourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };
    this.workers = Array.from({ length: size }, () => new Worker(url, { workerData: init, resourceLimits }));
    this.ready = this.workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    }));
    // A thread that fails while nobody waits on it must not crash the process; run() reports it.
    for (const r of this.ready) r.catch(() => {});
  }

  get size(): number { return this.workers.length; }

  stop(): void { this.stopped = true; }

  /** Ends every thread; safe to call more than once, and on a pool that never ran. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Renders on the first `use` threads (all by default), then ends every thread. */
  async run(items: WorkItem[], onResult: (r: Rendered) => void, use = this.workers.length): Promise<void> {
    let next = 0;
    try {
      await Promise.all(this.workers.slice(0, use).map(async (w, i) => {
        await this.ready[i];
        await new Promise<void>((resolve, reject) => {
          // Two chunks in flight per thread: while the main thread writes one chunk's files, the thread is
          // already rendering the next (with one, it waited for every write: 40% of its time).
          let inflight = 0;
          const feed = () => {
            while (inflight < IN_FLIGHT && !this.stopped && next < items.length) {
              const chunk = items.slice(next, next + CHUNK);
              next += chunk.length;
              inflight++;
              w.postMessage(chunk);
            }
            if (inflight === 0) resolve();
          };
          w.on('message', (msg: Rendered[]) => {
            inflight--;
            feed();
            for (const r of msg) onResult(r);
            if (inflight === 0) resolve();
          });
          w.on('error', reject);
          w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`render worker exited with code ${code}`))));
          feed();
        });
      }));
    } finally {
      await this.close();
    }
  }
}
