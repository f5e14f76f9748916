#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm ci` through the "prepare" script).
import { main, reportInternal } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Benchmark hook (bench/batch.mjs): peak resident memory of the whole process, workers included.
    if (process.env.CCHC_REPORT_RSS) process.stderr.write(`rss=${process.resourceUsage().maxRSS}\n`);
  },
  (e) => { reportInternal(e, process.argv.includes('--debug')); process.exitCode = 3; },
);
