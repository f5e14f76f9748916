import { main } from './main.js';
import type { OutStream } from './io.js';

export interface RunResult { code: number; stdout: string; stderr: string }

const capture = (): OutStream & { text: string } => {
  const s = { text: '', isTTY: false, write(t: string) { s.text += t; return true; } };
  return s;
};

/**
 * Runs `cchc <argv>` in this process and returns what a terminal would have shown: the exit code, stdout and
 * stderr. Relative paths are resolved against `cwd`: the process's working folder is switched for the run
 * and restored after it, so runs must not overlap (vitest runs a file's tests one after another).
 */
export async function run(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  const stdout = capture();
  const stderr = capture();
  const before = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  try {
    const code = await main(argv, { stdout, stderr, env: { ...process.env, ...opts.env } });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    if (opts.cwd) process.chdir(before);
  }
}
