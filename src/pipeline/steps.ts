import type { OutStream } from '../cli/io.js';
import type { Problem } from '../problem.js';
import type { Job } from './plan.js';
import type { RunSummary } from './run.js';

/**
 * Output steps: what a render run makes besides each letter's DOCX, handed to the pipeline by the CLI
 * (src/cli/commands/render.ts). The pipeline knows no step by name; it calls, in the order the CLI listed them:
 *   prepare — every letter planned, none rendered: a step may change the letters (the register gives them their
 *             number) and where they are written (it stages them), or refuse the run (problems with errors);
 *   finish  — the letters are written: a step makes its own files from them (LibreOffice PDFs, the print file);
 *             only when some letter was written and the run was not stopped;
 *   settle  — always last, in reverse order, also after a stop or a refused run: a step makes what it staged final,
 *             or undoes it (the register), and may correct the summary.
 * The PDF beside each DOCX from the native engine is not a step: it is made with the DOCX, on the render threads
 * (`RunOptions.letterPdf`).
 */
export interface OutputStep {
  readonly name: string;
  prepare?(jobs: Job[], ctx: StepContext): Promise<Problem[]>;
  finish?(written: readonly Written[], ctx: StepContext): Promise<StepReport>;
  settle?(jobs: readonly Job[], summary: RunSummary): Promise<void>;
}

/** A letter whose DOCX was written (and its PDF, when one was made), in the order the letters were listed. */
export interface Written { job: Job; pdf?: string }

export interface StepContext {
  /** Aborted by Ctrl-C: a step stops starting work, ends what runs, and leaves no half-written file. */
  signal: AbortSignal;
  force: boolean;
  /** Where a progress line may go (a terminal), if anywhere. */
  progress?: OutStream;
  env: NodeJS.ProcessEnv;
  today: Date;
  templateDirs: string[];
}

/** What a step's `finish` did, for the summary: files written, failures (each also a problem), or why it could not run. */
export interface StepReport {
  name: string;
  written: string[];
  failed: number;
  problems: Problem[];
  /** The step could not run at all (LibreOffice missing, the print file not writable): one line for the run. */
  fatal?: string;
  /** Stacks of internal errors, shown with --debug. */
  internal?: string[];
}
