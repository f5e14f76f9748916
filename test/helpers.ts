import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'cchc.js');
export const example = (name: string): string => join(ROOT, 'examples', name);
/** A fresh folder under the run's temp root (test/setup/temp.ts removes it at the end), or the OS temp dir. */
export const tempDir = (): string => mkdtempSync(join(process.env.CCHC_TEST_TMP ?? tmpdir(), 'cchc-test-'));

export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs the built CLI as a user would (dist/ is built by `npm ci` through "prepare", and by pretest). */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...opts.env }, timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The parts of a DOCX, as text. */
export function unzipDocx(path: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextDecoder().decode(v)]));
}

/** Visible text of each paragraph of word/document.xml (w:t runs joined), in order. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join(''),
  );
}

export const decodeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The XML of the paragraph whose text starts with `start`. */
export function paragraphXml(xml: string, start: string): string {
  const found = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphs(p)[0]?.startsWith(start));
  if (!found) throw new Error(`no paragraph starts with ${start}`);
  return found;
}

/**
 * Runs the CLI in this process (src/cli/run.ts) and returns exit code, stdout and stderr as `cli` does, without
 * a new Node process: use it unless the process itself is under test (signals, worker threads, start-up, install).
 * Imports the built code (dist/), as `cli` runs it: `npm test` builds first (pretest).
 */
export async function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const { run: runInProcess } = (await import(join(ROOT, 'dist', 'cli', 'run.js'))) as typeof import('../src/cli/run.js');
  return runInProcess(args, { cwd: opts.cwd ?? ROOT, env: { NO_COLOR: '1', ...opts.env } });
}
