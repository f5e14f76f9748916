// Preloaded into a real CLI process (NODE_OPTIONS=--import) by test/robustness/internal.test.ts: the simulated
// bug of ./simulated-bug.mjs in the main thread and in every render worker thread.
import { simulateRenderBug } from './simulated-bug.mjs';

simulateRenderBug();
