/**
 * Where a command writes and what it reads of its surroundings. The real CLI uses the process's streams and
 * environment; tests call the same commands in-process (./run.ts) with captured streams, so most of the suite
 * needs no child process. Nothing below the CLI writes to process.stdout or process.stderr directly.
 */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: NodeJS.ProcessEnv;
  /** Aborted by Ctrl-C: bin/cchc.js holds the process's one SIGINT handler (in-process runs have none). */
  signal?: AbortSignal;
}

export const processIo = (): Io => {
  quietWhenReaderLeaves(process.stdout);
  quietWhenReaderLeaves(process.stderr);
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
};

const watched = new WeakSet<NodeJS.WriteStream>();

/**
 * A reader that stops reading (`cchc schema | head -1`) closes the pipe: the rest of the output is not wanted,
 * and the command ends quietly rather than with Node's "write EPIPE" stack trace. Other write errors (a full
 * disk behind `> file`) are said in one line on stderr.
 */
function quietWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    if (stream !== process.stderr) process.stderr.write(`cchc: không ghi được kết quả ra (${e.code ?? e.message})\n`);
    process.exitCode = 1;
  });
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const useColor = (stream: OutStream, env: NodeJS.ProcessEnv): boolean =>
  !!stream.isTTY && !('NO_COLOR' in env && env.NO_COLOR !== '');
