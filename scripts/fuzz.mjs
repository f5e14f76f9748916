#!/usr/bin/env node
// @ts-check
/**
 * npm run fuzz [-- --seed N] [--count N] [--spawn N] [--only I] [--timeout MS]
 *   (or FUZZ_SEED, FUZZ_COUNT, FUZZ_SPAWN env vars)
 *
 * Mutates every examples/*.yaml with the seeded mutator of test/fuzz and renders each mutant through the same
 * pipeline the CLI uses (in a worker thread, so a hang is caught and reported instead of freezing the run),
 * then spawns the real CLI for a sample. Prints the seed, the mutant count and the count of each verdict;
 * exits 1 if any mutant crashed, hung, wrote a corrupt DOCX, left a file behind or escaped --out-dir.
 * Failing mutants are saved so they can be replayed with --only.
 *
 * Needs dist/: `npm run build` (the in-process pipeline uses the tsc output, the CLI spawns use dist/bundle/cchc.cjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { makeMutant } from '../test/fuzz/mutate.mjs';
import { checkMutant, loadPipeline, VERDICTS } from '../test/fuzz/oracle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function loadExamples() {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

if (!isMainThread) {
  // Worker: render mutants [from, to) and report each one; announce each start so the main thread can time it.
  const { seed, from, to, only, base } = workerData;
  const pipeline = await loadPipeline(ROOT);
  const examples = loadExamples();
  for (let i = from; i < to; i++) {
    if (only !== undefined && i !== only) continue;
    const m = makeMutant(seed, i, examples);
    parentPort?.postMessage({ type: 'start', i, ops: m.ops, example: m.example });
    // Self-test of the hang watchdog: FUZZ_SELFTEST_HANG=i makes mutant i spin forever.
    if (process.env.FUZZ_SELFTEST_HANG === String(i)) for (;;);
    const r = await checkMutant(m, pipeline, base, { keep: only !== undefined });
    if (r.verdict !== 'ok') writeFileSync(join(base, `mutant-${seed}-${i}.yaml`), m.bytes);
    parentPort?.postMessage({ type: 'done', i, ops: m.ops, example: m.example, ...r });
  }
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Main thread

function arg(name, env, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const v = at >= 0 ? process.argv[at + 1] : process.env[env];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) { console.error(`fuzz: --${name} needs a whole number ≥ 0, got "${v}"`); process.exit(2); }
  return n;
}

if (!existsSync(join(ROOT, 'dist', 'pipeline', 'run.js'))) {
  console.error('fuzz: dist/ is missing; build first with npm run build');
  process.exit(2);
}
const seed = arg('seed', 'FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const count = arg('count', 'FUZZ_COUNT', 3000);
const spawnCount = arg('spawn', 'FUZZ_SPAWN', 20);
const only = arg('only', 'FUZZ_ONLY', undefined);
const timeout = arg('timeout', 'FUZZ_TIMEOUT', 30_000);
const base = mkdtempSync(join(tmpdir(), 'cchc-fuzz-'));
const total = only !== undefined ? 1 : count;

console.log(`cchc fuzz: seed ${seed}, ${total} mutant(s)${only !== undefined ? ` (only #${only})` : ''}, examples: ${loadExamples().map((e) => e.name).join(', ')}`);

const counts = Object.fromEntries([...VERDICTS, 'hang'].map((v) => [v, 0]));
const exits = { 0: 0, 1: 0 };
const failures = [];
/** The five slowest mutants, slowest first. */
let slowest = [];
let done = 0;
const t0 = performance.now();

/** Runs mutants from `from` in a worker; resolves with the index to resume at after a hang, or null when finished. */
function runWorker(from) {
  return new Promise((resolve, reject) => {
    const to = only !== undefined ? only + 1 : count;
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: { seed, from: only ?? from, to, only, base } });
    let current = { i: from, since: performance.now(), ops: [], example: '' };
    let settled = false;
    const watchdog = setInterval(() => {
      if (performance.now() - current.since < timeout || settled) return;
      settled = true;
      clearInterval(watchdog);
      counts.hang++;
      done++;
      const m = makeMutant(seed, current.i, loadExamples());
      writeFileSync(join(base, `mutant-${seed}-${current.i}.yaml`), m.bytes);
      failures.push({ i: current.i, verdict: 'hang', detail: `no result after ${timeout} ms`, ops: current.ops, example: current.example });
      void w.terminate().then(() => resolve(current.i + 1));
    }, 500);
    w.on('message', (msg) => {
      if (msg.type === 'start') { current = { i: msg.i, since: performance.now(), ops: msg.ops, example: msg.example }; return; }
      done++;
      counts[msg.verdict]++;
      if (msg.verdict === 'ok' || msg.exit === 0 || msg.exit === 1) exits[msg.exit] = (exits[msg.exit] ?? 0) + 1;
      slowest = [...slowest, { ms: msg.ms, i: msg.i, ops: msg.ops }].sort((a, b) => b.ms - a.ms).slice(0, 5);
      if (msg.verdict !== 'ok') failures.push(msg);
      if (only !== undefined) console.log(JSON.stringify({ ...msg, detail: msg.detail.slice(0, 4000) }, null, 2));
      if (done % 500 === 0) console.log(`  … ${done}/${total} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    });
    w.on('error', (e) => { if (!settled) { settled = true; clearInterval(watchdog); reject(e); } });
    w.on('exit', () => { if (!settled) { settled = true; clearInterval(watchdog); resolve(null); } });
  });
}

let resume = 0;
for (;;) {
  const next = await runWorker(resume);
  if (next === null || next >= count || only !== undefined) break;
  resume = next;
}

// A sample through the real CLI: exit code 0, 1 or 2 only, no stack trace on stderr.
const STACK = /^\s+at .+:\d+:\d+\)?$|^\w*Error: |node:internal/m;
let spawned = 0, spawnFailures = 0;
if (only === undefined && spawnCount > 0) {
  const examples = loadExamples();
  const step = Math.max(1, Math.floor(count / spawnCount));
  for (let i = 0; i < count && spawned < spawnCount; i += step) {
    const m = makeMutant(seed, i, examples);
    const work = mkdtempSync(join(base, `cli${i}-`));
    const input = join(work, 'letter.yaml');
    writeFileSync(input, Buffer.from(Buffer.from(m.bytes).toString('latin1').replaceAll('@WORK@', work), 'latin1'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cchc.js'), 'render', input, '--out-dir', join(work, 'out')], { encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
    spawned++;
    const bad = r.status === null ? `killed (${r.signal}) after ${timeout} ms` : ![0, 1, 2].includes(r.status) ? `exit ${r.status}` : STACK.test(r.stderr) ? 'stack trace on stderr' : '';
    if (bad) {
      spawnFailures++;
      writeFileSync(join(base, `mutant-${seed}-${i}.yaml`), m.bytes);
      failures.push({ i, verdict: 'cli', detail: `${bad}\n${r.stderr.slice(0, 2000)}`, ops: m.ops, example: m.example });
    } else rmSync(work, { recursive: true, force: true });
  }
}

const secs = ((performance.now() - t0) / 1000).toFixed(1);
for (const f of failures.slice(0, 50)) {
  console.log(`\n✗ #${f.i} ${f.verdict} [${f.example}: ${f.ops.join(', ')}]\n  ${String(f.detail).split('\n').slice(0, 8).join('\n  ')}`);
  console.log(`  replay: npm run fuzz -- --seed ${seed} --only ${f.i}   (mutant saved as ${join(base, `mutant-${seed}-${f.i}.yaml`)})`);
}
if (failures.length > 50) console.log(`\n… and ${failures.length - 50} more failures`);
const bad = failures.length;
console.log(`\nseed ${seed} · mutants ${done} · ${secs} s · exit 0: ${exits[0]}, exit 1: ${exits[1]}`);
console.log(`crash ${counts.crash} · hang ${counts.hang} · corrupt ${counts.corrupt} · leftover ${counts.leftover} · escape ${counts.escape} · unclear ${counts.unclear} · CLI spawns ${spawned} (bad ${spawnFailures})`);
console.log(`slowest: ${slowest.map((x) => `#${x.i} ${x.ms.toFixed(0)} ms [${x.ops.join(', ')}]`).join(' · ')}`);
if (bad === 0 && only === undefined) rmSync(base, { recursive: true, force: true });
else if (bad) console.log(`failing mutants kept in ${base}`);
process.exit(bad ? 1 : 0);
