import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Reclaimer } from '../../src/batch/reclaim.js';

describe('Reclaimer (frees written DOCX bytes on the main thread)', () => {
  it('once 16 MB are written, a full collection frees the buffers nobody holds any more', async () => {
    const r = new Reclaimer();
    // Letters written and dropped, as the batch runner drops them; only weak references are kept to watch them.
    const refs = Array.from({ length: 32 }, (_, i) => new WeakRef(new Uint8Array(64 * 1024).fill(i).buffer));
    await tick(); // a WeakRef keeps its target alive until the current task ends
    r.written(16 * 1024 * 1024 - 1);
    r.written(1);
    expect(refs.filter((w) => w.deref() !== undefined)).toHaveLength(0);
  });

  it('keeps buffers that are still held', async () => {
    const r = new Reclaimer();
    const kept = new Uint8Array(1024).fill(7);
    const ref = new WeakRef(kept.buffer);
    await tick();
    r.written(16 * 1024 * 1024);
    expect(ref.deref()).toBe(kept.buffer);
    expect(kept[1023]).toBe(7);
  });
});
