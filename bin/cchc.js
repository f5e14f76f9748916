#!/usr/bin/env node
// Entry point. `npm ci` builds dist/ through the "prepare" script: the bundled CLI (fast start) and, beside it,
// the plain tsc output, used when the bundle is missing (e.g. right after `tsc` alone).
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const { main, reportInternal } = await import(existsSync(bundled) ? bundled.href : '../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Benchmark hook (bench/batch.mjs): peak resident memory of the whole process, workers included.
    if (process.env.CCHC_REPORT_RSS) process.stderr.write(`rss=${process.resourceUsage().maxRSS}\n`);
  },
  (e) => { reportInternal(e, process.argv.includes('--debug')); process.exitCode = 3; },
);
