/**
 * What the esbuild bundle (scripts/bundle.mjs) exposes: the CLI, and the render worker's start, so the
 * worker threads load the same bundle, with the same code cache, as the main thread (bin/boot.js).
 */
export { main, processIo, reportInternal } from './cli/main.js';
export { startWorker } from './pipeline/worker.js';
