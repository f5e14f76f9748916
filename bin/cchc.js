#!/usr/bin/env node
// Entry point. `npm ci` builds dist/ through the "prepare" script (a packed cchc ships it, built at "prepack"): the
// bundled CLI with its code cache (fast start, bin/boot.js) and, beside it, the plain tsc output, used when the
// bundle is missing (e.g. after `tsc` alone). Without either, one line says what to run instead of a stack trace.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasBundle, loadBundle } from './boot.js';

// The process's one Ctrl-C handler, first of all, so a Ctrl-C while cchc is still loading is not lost. `render`
// stops cleanly (it writes nothing more, leaves no half-written file, and says so); the other commands write
// nothing that could be left half-done, so they end at once, as a program does on Ctrl-C.
const interrupt = new AbortController();
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
process.on('SIGINT', () => { if (command === 'render') interrupt.abort(); else process.exit(130); });

const PLAIN = new URL('../dist/cli/main.js', import.meta.url);
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

const cli = hasBundle() ? loadBundle() : existsSync(PLAIN) ? await importPlain() : notBuilt();

if (cli) {
  cli.main(process.argv.slice(2), { ...cli.processIo(), signal: interrupt.signal }).then(
    (code) => {
      // A command that had nothing to stop (validate, check…) still ends as interrupted.
      process.exitCode = interrupt.signal.aborted && code === 0 ? 130 : code;
      // Benchmark hook (bench/batch.mjs): peak resident memory of the whole process, workers included.
      if (process.env.CCHC_REPORT_RSS) process.stderr.write(`rss=${process.resourceUsage().maxRSS}\n`);
    },
    (e) => { cli.reportInternal(e, process.argv.includes('--debug')); process.exitCode = 3; },
  );
}

/**
 * No build: cchc cannot run at all. Exit 3 (cchc itself is not in working order), not 1 (nothing in the user's
 * letters was judged) nor 2 (no other arguments would help).
 */
function notBuilt() {
  return broken(`chưa có bản biên dịch (thiếu thư mục dist/); ${fix(existsSync(new URL('../node_modules', import.meta.url)) ? 'npm run build' : 'npm ci')}`);
}

/** The tsc output imports cchc's dependencies: a clone before `npm ci` lacks them. */
async function importPlain() {
  try {
    return await import(PLAIN.href);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || process.argv.includes('--debug')) throw e;
    return broken(`thiếu ${/'([^']+)'/.exec(e.message)?.[1] ?? 'một thư viện'}; ${fix('npm ci')}`);
  }
}

/** What mends it: in a clone (it has src/), an npm command in its folder; an installed copy, installing again. */
function fix(command) {
  return existsSync(new URL('../src', import.meta.url)) ? `chạy "${command}" trong thư mục ${ROOT}` : 'cài lại cchc: npm install -g cchc';
}

function broken(message) {
  process.stderr.write(`cchc: ${message}\n`);
  process.exitCode = 3;
  return undefined;
}
