import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/temp.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Forks, not threads: the in-process CLI (test/helpers.ts run) switches the working folder, which only a
    // process may do. One per core, at least two (vitest's default is one fewer than the cores: one, on 2 cores).
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    // A fork runs test file after test file without restarting: starting one and loading vitest and the code under
    // test took ~0.7 s of CPU per file. No test changes global state (env, cwd, mocks) without restoring it, and
    // the code under test keeps none between runs (a run's state lives in the run, see src/cli/run.ts).
    isolate: false,
  },
});
