import { Worker } from 'node:worker_threads';
import type { WorkItem, WorkResult } from './write.js';

const CHUNK = 8;

/**
 * Renders work items on `size` worker threads, in chunks to keep messaging cheap. `onResult` is called as
 * results arrive; `stop()` lets in-flight chunks finish (so no file is left half-written) and sends no more.
 */
export class WorkerPool {
  private stopped = false;
  constructor(private readonly size: number, private readonly init: { templateDirs: string[]; today: string }) {}

  stop(): void { this.stopped = true; }

  async run(items: WorkItem[], onResult: (r: WorkResult) => void): Promise<void> {
    let next = 0;
    const url = new URL('./worker.js', import.meta.url);
    const workers = Array.from({ length: this.size }, () => new Worker(url, { workerData: this.init }));
    try {
      await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (this.stopped || next >= items.length) { resolve(); return; }
          const chunk = items.slice(next, next + CHUNK);
          next += chunk.length;
          w.postMessage(chunk);
        };
        w.on('message', (msg: WorkResult[] | 'ready') => {
          if (msg !== 'ready') for (const r of msg) onResult(r);
          feed();
        });
        w.on('error', reject);
        w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`render worker exited with code ${code}`))));
      })));
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
}
