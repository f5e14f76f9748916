// A render worker thread of the bundled CLI: the same bundle and code cache as the main thread (bin/boot.js).
import { loadBundle } from './boot.js';

await loadBundle().startWorker();
