// Loads the bundled CLI (dist/bundle/cchc.cjs, built by scripts/bundle.mjs) as a classic script with V8's code
// cache: the functions a render needs come precompiled from the build instead of being parsed and compiled
// at every start (Node 20 has no compile cache of its own). A cache that does not match — another Node, other
// V8 flags, a bundle rebuilt since — is not used, and the bundle compiles as usual.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const BUNDLE = fileURLToPath(new URL('../dist/bundle/cchc.cjs', import.meta.url));
const CACHE = `${BUNDLE}.cache`;
/** The cache file starts with the SHA-1 of the bundle it was made from: V8 itself checks only the length. */
const TAG = 20;

export const hasBundle = () => existsSync(BUNDLE);

/** The bundle's exports: { main, reportInternal, startWorker }. */
export function loadBundle() {
  const bytes = readFileSync(BUNDLE);
  const tag = createHash('sha1').update(bytes).digest();
  let cachedData;
  let state = 'absent';
  try {
    const cache = readFileSync(CACHE);
    state = 'stale';
    if (cache.subarray(0, TAG).equals(tag)) cachedData = cache.subarray(TAG);
  } catch { /* no cache: compile */ }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  const script = new Script(wrapper, { filename: BUNDLE, cachedData });
  if (cachedData) state = script.cachedDataRejected ? 'rejected' : 'used';
  // For tests and the benchmark: whether this start used the cache.
  if (process.env.CCHC_REPORT_CODE_CACHE && isMainThread) process.stderr.write(`code-cache=${state}\n`);
  // The build's training run (scripts/bundle.mjs) stores the cache once it has rendered a letter.
  if (process.env.CCHC_WRITE_CODE_CACHE && isMainThread) process.once('exit', () => writeCache(tag, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return module.exports;
}

function writeCache(tag, data) {
  const tmp = `${CACHE}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([tag, data]));
  renameSync(tmp, CACHE);
}
