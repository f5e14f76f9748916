// What the benchmark scripts share: the CLI run as a user runs it, and a batch of N letters made from one example.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'cchc.js');
export const SEED = join(ROOT, 'examples', 'kien-luong-2020.yaml');

/** `cchc <args>` in a new process: wall time, peak RSS of the whole process, code-cache state, letters sent early. */
export function run(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', env: { ...process.env, CCHC_REPORT_RSS: '1', CCHC_REPORT_CODE_CACHE: '1' },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
  const rss = Number(/rss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, rssMb: rss / 1024, cache: /code-cache=(\w+)/.exec(r.stderr)?.[1] ?? 'none', early: Number(/early=(\d+)/.exec(r.stderr)?.[1] ?? 0) };
}

/** A batch file of `n` letters in `dir`: the example's letter with a different unit, recipient and subject each. */
export function batchFile(dir, n) {
  const letter = parse(readFileSync(SEED, 'utf8'));
  const { to, subject, inspection, addressee, ...shared } = letter;
  const letters = Array.from({ length: n }, (_, i) => ({
    output: `cv-${String(i + 1).padStart(5, '0')}.docx`,
    to: [`${to[0]} số ${i + 1}`],
    addressee: `${addressee} số ${i + 1}`,
    subject: `${subject} (đơn vị ${i + 1})`,
    inspection: { ...inspection, unit: `${inspection.unit} số ${i + 1}` },
  }));
  const path = join(dir, `batch-${n}.yaml`);
  writeFileSync(path, stringify({ defaults: shared, letters }, { aliasDuplicateObjects: false }));
  return path;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Lets the disk settle before a timed run: on this VM's ext4 (mounted with discard), creating files right
 * after many were deleted (the previous run's temp folder) costs up to 10× more system time. Linux only.
 */
export const settle = () => spawnSync('sync');
