import type { Job } from './plan.js';
import type { WorkerPool } from './pool.js';
import type { WorkItem } from './write.js';

const CHUNK = 8;

/**
 * Letters sent to the render workers while the main thread is still reading and checking the batch, so the
 * two overlap. No letter takes its name until every letter is planned (names checked for collisions, files
 * that turned out unreadable dropped): a letter rendered early is staged, unnamed, and committed only if it is
 * still in the final plan. At most `max` letters go early: a bound on the staged files a failed plan discards.
 */
export class EarlySender {
  /** The item id each early letter was sent with. */
  readonly ids = new Map<Job, number>();
  private chunk: WorkItem[] = [];

  /** `stageIn`: the folder under which a letter's file is staged until the plan is final (stageRoot). */
  constructor(private readonly pool: WorkerPool, private readonly max: number, private readonly stageIn: (job: Job) => string) {}

  offer(job: Job): void {
    if (this.ids.size >= this.max) return;
    const id = this.ids.size;
    this.ids.set(job, id);
    // The worker renders and stages the file; its final name and --force come with the final plan (WorkerPool.run).
    this.chunk.push({ id, letter: job.letter, path: job.path, force: false, stage: this.stageIn(job) });
    if (this.chunk.length === CHUNK) this.flush();
  }

  flush(): void {
    if (this.chunk.length === 0) return;
    this.pool.send(this.chunk);
    this.chunk = [];
  }
}
