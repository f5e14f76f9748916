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
}

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const useColor = (stream: OutStream, env: NodeJS.ProcessEnv): boolean =>
  !!stream.isTTY && !('NO_COLOR' in env && env.NO_COLOR !== '');
