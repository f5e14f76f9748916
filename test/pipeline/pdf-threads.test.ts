import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';
import { allText } from '../pdf/poppler.js';
import { allFilesIn, batch, entry, units, workspace } from './support.js';

/**
 * The Typst engine keeps memory in its thread for every document it sets, so a thread that has made its share of
 * PDFs is replaced by a fresh one (src/pipeline/pool.ts). Here the share is 4 letters, on 2 threads, for 30
 * letters: threads come and go mid-run, and every letter still arrives whole, with nothing left behind.
 */
describe('PDF threads replaced mid-run', () => {
  it('30 letters, 4 PDFs a thread: every DOCX and PDF written, threads replaced, no temporary folder left', async () => {
    const dir = workspace({ 'dot.yaml': batch(units(30).map((u, i) => entry(u, [], i + 1))) });
    const out = join(dir, 'out');
    // From dist/: a worker thread loads compiled JavaScript (src/ has none to load).
    const { runRender } = (await import(pathToFileURL(join(ROOT, 'dist', 'pipeline', 'run.js')).href)) as typeof import('../../src/pipeline/run.js');
    const summary = await runRender([join(dir, 'dot.yaml')], {
      outDir: out, force: false, failFast: false, templateDirs: [], jobs: 2, today: new Date('2021-06-15'), letterPdf: true, pdfLettersPerThread: 4,
    });
    expect(summary.failed).toBe(0);
    expect(summary.written).toHaveLength(30);
    expect(summary.pdf?.written).toHaveLength(30);
    // 30 letters at 4 a thread: at least 7 threads in all, however the letters were shared.
    expect(summary.threads).toBeGreaterThanOrEqual(Math.ceil(30 / 4));
    const files = allFilesIn(out);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(30);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(30);
    expect(files.filter((f) => !/\.(docx|pdf)$/.test(f))).toEqual([]);
    for (const n of [1, 17, 30]) {
      const pdf = files.find((f) => f.endsWith(`don-vi-so-${n}.pdf`))!;
      expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(allText(join(out, pdf))).toContain(`Đơn vị số ${n}`);
    }
  }, 60_000);
});
