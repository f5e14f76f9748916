import { parentPort, workerData } from 'node:worker_threads';
import { LetterRenderer } from '../render/letter.js';
import { renderJob, type WorkItem } from './write.js';

/**
 * A render worker: builds its renderer once, then renders the chunks the main thread sends and hands the
 * bytes back (moved, not copied). It writes nothing: see WorkerPool for why the main thread writes.
 * Started by ./worker-entry.ts (tsc output) or bin/worker.js (the bundle).
 */
export async function startWorker(): Promise<void> {
  const { templateDirs, today } = workerData as { templateDirs: string[]; today: string };
  const renderer = await LetterRenderer.create({ templateDirs, today: new Date(today) });
  parentPort!.on('message', (items: WorkItem[]) => {
    const results = items.map((item) => renderJob(renderer, item));
    parentPort!.postMessage(results, results.flatMap((r) => (r.bytes ? [r.bytes.buffer as ArrayBuffer] : [])));
  });
  parentPort!.postMessage('ready');
}
