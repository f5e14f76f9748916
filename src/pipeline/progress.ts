import type { OutStream } from '../cli/io.js';

/**
 * A one-line progress display on a terminal (done/total, letters/s, ETA), redrawn at most 10 times a
 * second; silent when not on a TTY or with --quiet, so logs and CI output stay clean.
 */
export class Progress {
  private done_ = 0;
  private last = 0;
  private readonly t0 = performance.now();
  constructor(private readonly total: number, private readonly out: OutStream | undefined) {}

  tick(): void {
    this.done_++;
    if (!this.out) return;
    const now = performance.now();
    if (now - this.last < 100 && this.done_ < this.total) return;
    this.last = now;
    const rate = this.done_ / Math.max(0.001, (now - this.t0) / 1000);
    const eta = rate > 0 ? (this.total - this.done_) / rate : 0;
    this.out.write(`\r${this.done_}/${this.total} công văn · ${rate.toFixed(0)} cv/s · còn ~${eta.toFixed(1)} s   `);
  }

  done(): void {
    if (this.out && this.done_ > 0) this.out.write('\r\x1b[K');
  }
}
