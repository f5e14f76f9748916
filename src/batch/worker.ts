import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { discard, StagedWriter } from '../files/staged.js';
import { LetterRenderer } from '../render/letter.js';
import { failed, renderJob, writeRendered, type WorkItem, type WorkResult } from './write.js';

/** What the main thread sends a worker (see WorkerPool). */
export type ToWorker =
  | { render: WorkItem[]; mode: 'write' | 'stage' }
  | { commit: { id: number; path: string; force: boolean }[]; drop: number[] };
/** What a worker answers: results, or how many letters it has staged. */
export type FromWorker = 'ready' | WorkResult[] | { staged: number };

/**
 * A render worker: renders letters and writes them (src/files/staged.ts). Letters sent while the batch is still
 * being planned are only staged — written to temporary files — and kept until the main thread commits them
 * (they take their final names) or drops them (they left the plan). Messages are handled one at a time, in order.
 * Started by ./worker-entry.ts (tsc output) or bin/worker.js (the bundle).
 */
export function startWorker(): Promise<void> {
  const { templateDirs, today } = workerData as { templateDirs: string[]; today: string };
  const ready = LetterRenderer.create({ templateDirs, today: new Date(today) });
  const writer = new StagedWriter();
  /** Letters staged: their temporary file, or why there is none. */
  const staged = new Map<number, string | WorkResult>();
  const post = (msg: FromWorker) => parentPort!.postMessage(msg);
  let queue: Promise<LetterRenderer> = ready;
  parentPort!.on('message', (msg: ToWorker) => {
    queue = queue.then((renderer) => {
      if ('commit' in msg) {
        for (const id of msg.drop) { const s = staged.get(id); if (typeof s === 'string') discard(s); staged.delete(id); }
        post(msg.commit.map(({ id, path, force }) => {
          const s = staged.get(id)!;
          staged.delete(id);
          if (typeof s !== 'string') return s;
          try { writer.commit(s, path, force); return { id, ok: true }; } catch (e) { return failed(id, e, path); }
        }));
      } else if (msg.mode === 'stage') {
        for (const item of msg.render) staged.set(item.id, stage(writer, renderJob(renderer, item), item));
        post({ staged: msg.render.length });
      } else {
        post(msg.render.map((item) => {
          const r = renderJob(renderer, item);
          const root = item.stage ?? dirname(item.path);
          return r.bytes ? writeRendered(item, r.bytes, (dest, bytes, force) => writer.write(root, dest, bytes, force)) : r;
        }));
      }
      return renderer;
    });
  });
  // A renderer that cannot be built fails the thread (an unhandled rejection): the pool reports it.
  return ready.then(() => post('ready'));
}

function stage(writer: StagedWriter, r: ReturnType<typeof renderJob>, item: WorkItem): string | WorkResult {
  if (!r.bytes) return r;
  try { return writer.stage(item.stage ?? dirname(item.path), r.bytes); } catch (e) { return failed(item.id, e, item.path); }
}
