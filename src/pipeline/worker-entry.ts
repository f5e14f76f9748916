import { startWorker } from './worker.js';

// The render worker's file when cchc runs from the tsc output (no bundle); a failure to start reaches the
// pool as the worker's 'error' event.
await startWorker();
