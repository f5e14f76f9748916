import { Worker } from 'node:worker_threads';
import type { WorkItem, WorkResult } from './write.js';

const CHUNK = 8;

/**
 * Renders work items on worker threads, in chunks to keep messaging cheap. `onResult` is called as results
 * arrive; `stop()` lets in-flight chunks finish (so no file is left half-written) and sends no more.
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
    const url = new URL('./worker.js', import.meta.url);
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
  async run(items: WorkItem[], onResult: (r: WorkResult) => void, use = this.workers.length): Promise<void> {
    let next = 0;
    try {
      await Promise.all(this.workers.slice(0, use).map(async (w, i) => {
        await this.ready[i];
        await new Promise<void>((resolve, reject) => {
          const feed = () => {
            if (this.stopped || next >= items.length) { resolve(); return; }
            const chunk = items.slice(next, next + CHUNK);
            next += chunk.length;
            w.postMessage(chunk);
          };
          w.on('message', (msg: WorkResult[]) => { for (const r of msg) onResult(r); feed(); });
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
