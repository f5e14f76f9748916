import { parentPort, workerData } from 'node:worker_threads';
import { LetterRenderer } from '../render/letter.js';
import { writeJob, type WorkItem } from './write.js';

/** A render worker: builds its renderer once, then renders and writes the chunks the main thread sends. */
const { templateDirs, today } = workerData as { templateDirs: string[]; today: string };
const renderer = await LetterRenderer.create({ templateDirs, today: new Date(today) });
parentPort!.on('message', (items: WorkItem[]) => {
  parentPort!.postMessage(items.map((item) => writeJob(renderer, item)));
});
parentPort!.postMessage('ready');
