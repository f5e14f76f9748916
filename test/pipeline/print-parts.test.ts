import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, ROOT, tempDir } from '../helpers.js';

/**
 * A large print file set on threads that end (src/pipeline/print-parts.ts): parts set side by side on several
 * threads still come out in the listed order, each letter from an odd page; a Ctrl-C ends the threads and
 * gives no file.
 */
/** The text of every page, in one run of pdftotext (pages end with a form feed). */
const pagesText = (pdf: string): string[] => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).normalize('NFC').split('\f').slice(0, -1);

const dist = (p: string) => import(join(ROOT, 'dist', p));
const { printInParts } = (await dist('pipeline/print-parts.js')) as typeof import('../../src/pipeline/print-parts.js');
const { PRINT_PART } = (await dist('writers/pdf/writer.js')) as typeof import('../../src/writers/pdf/writer.js');
const { loadSources } = (await dist('pipeline/sources.js')) as typeof import('../../src/pipeline/sources.js');
const { checkLetter } = (await dist('validate/letter.js')) as typeof import('../../src/validate/letter.js');

const seed = example('ky-thay-tm-kt.yaml');
const source = (await loadSources(seed)).sources[0]!;
const base = checkLetter(source.data, seed, source.locate).letter!;
const letters = Array.from({ length: 2 * PRINT_PART + 3 }, (_, i) => ({ ...base, to: [`Đơn vị thứ ${i + 1}`] }));
const meta = { title: 'Bản in', author: 'cchc', subject: 'thử', date: '2025-11-28' };
const init = { templateDirs: [], today: new Date('2025-11-28').toISOString(), pdf: true };

describe('print file in parts on threads', () => {
  it('three parts on three threads, one part each, then bound: the letters in order, each from an odd page', async () => {
    const bytes = await printInParts(letters, meta, init, new AbortController().signal, 1);
    expect(bytes).toBeDefined();
    const file = join(tempDir(), 'in.pdf');
    writeFileSync(file, bytes!);
    const pages = pagesText(file);
    const starts = pages.flatMap((text, i) => (text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') ? [i + 1] : []));
    expect(starts.length).toBe(letters.length);
    expect(starts.every((p) => p % 2 === 1)).toBe(true);
    // Every letter where the list puts it, across the three parts.
    starts.forEach((p, k) => expect(pages[p - 1], `letter ${k + 1}`).toMatch(new RegExp(`Đơn vị thứ ${k + 1}\\b`)));
  });

  it('a Ctrl-C while the parts are set ends the threads and gives no file', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const t0 = performance.now();
    expect(await printInParts(letters, meta, init, ac.signal, 1)).toBeUndefined();
    // Ended at the Ctrl-C, not after setting every part (that takes several seconds).
    expect(performance.now() - t0).toBeLessThan(3000);
    const already = new AbortController();
    already.abort();
    expect(await printInParts(letters, meta, init, already.signal)).toBeUndefined();
  });
});
