// Preloaded into a real CLI process (NODE_OPTIONS=--import) by test/robustness/files.test.ts: says on stderr when
// the CLI first listens for SIGINT, so a test can press Ctrl-C "while cchc is still loading" at a moment it knows,
// not after a guessed delay (on a busy machine Node may not even have started cchc 300 ms after the spawn).
export const LISTENING = '[test] cchc listens for SIGINT';

const on = process.on;
let told = false;
process.on = function (event, listener) {
  const r = on.call(this, event, listener);
  if (event === 'SIGINT' && !told) { told = true; process.stderr.write(`${LISTENING}\n`); }
  return r;
};
