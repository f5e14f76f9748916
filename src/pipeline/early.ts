import type { Job } from './plan.js';
import { CHUNK, type WorkerPool } from './pool.js';
import type { WorkItem } from './write.js';

/**
 * Letters sent to the render workers while the main thread is still reading and checking the batch, so the
 * two overlap. Nothing is written until every letter is planned (names checked for collisions, files that
 * turned out unreadable dropped): a letter rendered early is written only if it is still in the final plan.
 * At most `max` letters go early, because their DOCX bytes wait in memory until then (≈ 15 KB each).
 */
export class EarlySender {
  /** The item id each early letter was sent with. */
  readonly ids = new Map<Job, number>();
  private chunk: WorkItem[] = [];

  constructor(private readonly pool: WorkerPool, private readonly max: number, private readonly itemOf: (job: Job, id: number) => WorkItem) {}

  offer(job: Job): void {
    if (this.ids.size >= this.max) return;
    const id = this.ids.size;
    this.ids.set(job, id);
    // The worker only renders (what the item asks for: DOCX, and PDF); path and force matter to the writer, which
    // takes them from the final plan.
    this.chunk.push(this.itemOf(job, id));
    if (this.chunk.length === CHUNK) this.flush();
  }

  flush(): void {
    if (this.chunk.length === 0) return;
    this.pool.send(this.chunk);
    this.chunk = [];
  }
}
