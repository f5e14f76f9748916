import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocMeta } from '../layout/model.js';
import type { Letter } from '../schema/letter.js';
import { PRINT_PART, type PrintPart } from '../writers/pdf/writer.js';
import { closeThread, WORKER_LIMITS, workerUrl } from './pool.js';
import type { PrintDone, ToWorker, WorkerInit } from './worker.js';

/**
 * Parts of a print file a thread sets before it ends. Typst keeps what it set in the thread that set it (pool.ts,
 * PDF_LETTERS_PER_THREAD): the parts of 1,000 letters set in the main thread took it to 1.1 GB; a thread that ends
 * after this many parts gives its share back.
 */
export const PARTS_PER_THREAD = 3;

/**
 * A print file of more than PRINT_PART letters: its parts set on render threads, as many at once as there are
 * cores, each thread ending after `perThread` parts; then bound, in order, on a thread of its own. Undefined
 * when `signal` aborts (Ctrl-C ends the threads at once).
 */
export async function printInParts(letters: readonly Letter[], meta: DocMeta, init: WorkerInit, signal: AbortSignal, perThread = PARTS_PER_THREAD): Promise<Uint8Array | undefined> {
  const groups = Array.from({ length: Math.ceil(letters.length / PRINT_PART) }, (_, k) => letters.slice(k * PRINT_PART, (k + 1) * PRINT_PART));
  const parts: PrintPart[] = [];
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < groups.length && !signal.aborted) {
      const mine = Array.from({ length: Math.min(perThread, groups.length - next) }, (_, k) => next + k);
      next += mine.length;
      await onThread(init, signal, async (ask) => {
        for (const k of mine) if (!signal.aborted) parts[k] = ((await ask({ printPart: groups[k]!, meta })) as { part: PrintPart }).part;
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), Math.ceil(groups.length / perThread))) }, work));
    let bound: Uint8Array | undefined;
    if (!signal.aborted) {
      await onThread(init, signal, async (ask) => {
        bound = ((await ask({ bindPrint: parts, meta, first: letters[0]! })) as { bound: Uint8Array }).bound;
      });
    }
    return signal.aborted ? undefined : bound;
  } catch (e) {
    if (signal.aborted) return undefined;
    throw e;
  }
}

type Ask = (msg: ToWorker) => Promise<PrintDone>;

/** Runs `use` with a fresh render thread, which then ends. */
async function onThread(init: WorkerInit, signal: AbortSignal, use: (ask: Ask) => Promise<void>): Promise<void> {
  const w = new Worker(workerUrl(), { workerData: init, resourceLimits: WORKER_LIMITS });
  const stop = () => void w.terminate();
  signal.addEventListener('abort', stop);
  try {
    await use((msg) => ask(w, msg));
    if (!signal.aborted) await closeThread(w);
  } finally {
    signal.removeEventListener('abort', stop);
    await w.terminate();
  }
}

/** Sends one request and waits for its answer; a thread that fails or ends first rejects. */
function ask(w: Worker, msg: ToWorker): Promise<PrintDone> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (typeof m !== 'object' || m === null || !('part' in m || 'bound' in m)) return;
      off();
      resolve(m as PrintDone);
    };
    const onError = (e: Error) => { off(); reject(e); };
    const onExit = (code: number) => { off(); reject(new Error(`print worker exited with code ${code}`)); };
    const off = () => { w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); };
    w.on('message', onMessage);
    w.once('error', onError);
    w.once('exit', onExit);
    w.postMessage(msg, 'bindPrint' in msg ? msg.bindPrint.map((p) => p.pdf.buffer as ArrayBuffer) : []);
  });
}
