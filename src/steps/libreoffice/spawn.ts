import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface RunResult {
  /** Exit code, or null when killed. */
  code: number | null;
  timedOut: boolean;
  aborted: boolean;
  /** Could not start at all (ENOENT, EACCES…). */
  spawnError?: string;
  /** The end of stdout + stderr, for the message when something went wrong. */
  output: string;
}

const OUTPUT_KEEP = 4000;

/**
 * Runs a command in its own process group with a time limit. On timeout or abort the whole group is
 * killed (soffice is a wrapper script that starts soffice.bin, which must not be left running).
 */
export function runWithLimit(cmd: string, args: string[], opts: { timeoutMs: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let aborted = false;
    let settled = false;
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'], env: opts.env ?? process.env, windowsHide: true });
    } catch (e) {
      resolve({ code: null, timedOut: false, aborted: false, spawnError: (e as Error).message, output: '' });
      return;
    }
    const keep = (b: Buffer) => { output = (output + b.toString('utf8')).slice(-OUTPUT_KEEP); };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const killGroup = () => killTree(child);
    const timer = setTimeout(() => { timedOut = true; killGroup(); }, opts.timeoutMs);
    const onAbort = () => { aborted = true; killGroup(); };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (r: Omit<RunResult, 'timedOut' | 'aborted' | 'output'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      // The wrapper may exit while its children live on (e.g. a crash half-way): never leave them behind.
      if (timedOut || aborted || r.code !== 0) killGroup();
      resolve({ ...r, timedOut, aborted, output });
    };
    child.on('error', (e) => done({ code: null, spawnError: e.message }));
    child.on('close', (code) => done({ code }));
  });
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already gone */ }
}
