// Preloaded into the CLI by test/pipeline/parallel.test.ts (NODE_OPTIONS=--import): every thread that starts —
// the main one (threadId 0) and each render worker — appends its id to $CCHC_THREAD_LOG, so a test can tell
// whether the worker pool was used and with how many threads.
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

if (process.env.CCHC_THREAD_LOG) appendFileSync(process.env.CCHC_THREAD_LOG, `${threadId}\n`);
