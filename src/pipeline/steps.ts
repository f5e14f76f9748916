import type { Problem } from '../problem.js';
import type { Job } from './plan.js';
import type { RunSummary } from './run.js';

/**
 * An output step that the CLI hands to the pipeline (today the outgoing register; the design has DOCX, PDF and
 * the print file become steps too). The pipeline runs every step around the rendering of the planned letters and
 * knows none of them by name.
 */
export interface OutputStep {
  /**
   * Every letter is planned, none rendered: the step may change the letters (give them their number) and where
   * they are written (stage them). Problems returned here stop the run before anything is written.
   */
  before(jobs: Job[], ctx: { today: Date }): Promise<Problem[]>;
  /**
   * The letters are rendered (and converted): the step makes its work final, and may add problems, count failed
   * letters and change `summary.written`. Also called when the run stopped (`summary.interrupted`): then it undoes.
   */
  after(jobs: readonly Job[], summary: RunSummary): Promise<void>;
}
