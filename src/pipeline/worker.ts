import { parentPort, workerData } from 'node:worker_threads';
import { StagedWriter } from '../files/staged.js';
import type { DocMeta } from '../layout/model.js';
import { LetterRenderer } from '../render/letter.js';
import type { Letter } from '../schema/letter.js';
import type { PrintPart } from '../writers/pdf/writer.js';
import { buffersOf, renderJob, writeRendered, type Rendered, type WorkItem, type WorkResult } from './write.js';

/** What a worker starts with: the run's template folders, its "today", and whether it will make PDFs. */
export interface WorkerInit { templateDirs: string[]; today: string; pdf?: boolean }

/** What the main thread sends a worker (see WorkerPool). */
export type ToWorker =
  | { render: WorkItem[]; andWrite: boolean }
  | { write: { item: WorkItem; rendered: Rendered }[] }
  | { printPart: Letter[]; meta: DocMeta }
  | { bindPrint: PrintPart[]; meta: DocMeta; first: Letter }
  | { close: true };

/** What a worker sends back for a print file (print-parts.ts): a part it set, or the file it bound. */
export type PrintDone = { part: PrintPart } | { bound: Uint8Array };

/**
 * A render worker. It renders letters, and writes them — each thread into a temporary folder of its own, so
 * threads do not wait on each other (src/files/staged.ts). Letters rendered while the batch is still being
 * planned are not written: their bytes go back to the main thread (moved, not copied), which sends them to be
 * written once the plan is final. Messages are handled one at a time, in order.
 * Started by ./worker-entry.ts (tsc output) or bin/worker.js (the bundle).
 */
export function startWorker(): Promise<void> {
  const { templateDirs, today, pdf } = workerData as WorkerInit;
  const ready = LetterRenderer.create({ templateDirs, today: new Date(today), pdf });
  const writer = new StagedWriter();
  const write = writer.write.bind(writer);
  let queue: Promise<LetterRenderer> = ready;
  parentPort!.on('message', (msg: ToWorker) => {
    queue = queue.then((renderer) => {
      if ('close' in msg) { writer.close(); parentPort!.postMessage('closed'); return renderer; }
      if ('printPart' in msg) {
        const part = renderer.printPart(msg.printPart, msg.meta);
        parentPort!.postMessage({ part } satisfies PrintDone, [part.pdf.buffer as ArrayBuffer]);
        return renderer;
      }
      if ('bindPrint' in msg) {
        const bound = renderer.bindPrint(msg.bindPrint, msg.meta, msg.first);
        parentPort!.postMessage({ bound } satisfies PrintDone, [bound.buffer as ArrayBuffer]);
        return renderer;
      }
      if ('render' in msg) {
        const rendered = msg.render.map((item) => renderJob(renderer, item));
        if (!msg.andWrite) { post(rendered); return renderer; }
        post(rendered.map((r, k) => (r.bytes ? writeRendered(msg.render[k]!, r, write) : r)));
        return renderer;
      }
      post(msg.write.map(({ item, rendered }) => writeRendered(item, rendered, write)));
      return renderer;
    });
  });
  // A renderer that cannot be built fails the thread (an unhandled rejection): the pool reports it.
  return ready.then(() => parentPort!.postMessage('ready'));
}

function post(results: (Rendered | WorkResult)[]): void {
  parentPort!.postMessage(results, results.flatMap(buffersOf));
}
