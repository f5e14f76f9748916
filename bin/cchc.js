#!/usr/bin/env node
// Entry point. `npm ci` builds dist/ through the "prepare" script: the bundled CLI with its code cache (fast
// start, bin/boot.js) and, beside it, the plain tsc output, used when the bundle is missing (e.g. after `tsc` alone).
import { hasBundle, loadBundle } from './boot.js';

const { main, reportInternal } = hasBundle() ? loadBundle() : await import('../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Benchmark hook (bench/batch.mjs): peak resident memory of the whole process, workers included.
    if (process.env.CCHC_REPORT_RSS) process.stderr.write(`rss=${process.resourceUsage().maxRSS}\n`);
  },
  (e) => { reportInternal(e, process.argv.includes('--debug')); process.exitCode = 3; },
);
