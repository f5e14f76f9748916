import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { example, ROOT, tempDir } from '../helpers.js';
import { docxProblem, loadPipeline } from './oracle.mjs';
import { runTexts } from './xml-wf.mjs';

/**
 * Whatever text a clerk pastes into a field, the letter carries exactly that text (NFC, invisible characters
 * dropped, spaces folded), or cchc refuses it with a clear error when XML cannot hold it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 3_0_2020);
const base = tempDir();
afterAll(() => rmSync(base, { recursive: true, force: true }));

const dist = (p: string) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const { cleanText, findIllegalChar } = await dist('load/text.js') as { cleanText: (s: string) => string; findIllegalChar: (s: string) => string | null };
/** A Nơi nhận line loses its final punctuation (the list adds ";"). */
const { stripEndPunct } = await dist('template/vn.js') as { stripEndPunct: (s: string) => string };
const source = readFileSync(example('kien-luong-2020.yaml'), 'utf8');
/** Spaces and line breaks are layout (a blank line even starts a new paragraph): compare the rest. */
const fold = (s: string) => s.replace(/\s+/gu, '');

/** Characters clerks really paste, mixed with anything at all. */
const pasted = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠỆỘỮ &<>"\'{}[]#*!|:-,.;/\\'.split('')) },
    { weight: 2, arbitrary: fc.constantFrom('\u200b', '\u200d', '\ufeff', '\u00ad', '\u202e', '\u0301', '\u0323', '\u0300', '\u00a0', '\t', '\n', '\r\n', '{{', '}}', ']]>', '\ue000', '\ue001', '😀') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  minLength: 1,
  maxLength: 120,
});

describe('text pasted into a letter', () => {
  it('reaches the DOCX as NFC text, or is refused with a no-control-chars error', async () => {
    const pipeline = await loadPipeline(ROOT);
    let n = 0, rendered = 0;
    await fc.assert(
      fc.asyncProperty(pasted, fc.constantFrom('task', 'subject', 'cc'), async (text, field) => {
        const dir = join(base, `p${n++}`);
        const input = join(dir, 'letter.yaml');
        const quoted = JSON.stringify(text);
        const yaml = field === 'task' ? source.replace(/^tasks:\n/m, `tasks:\n  - ${quoted}\n`)
          : field === 'subject' ? source.replace(/^subject: .*$/m, `subject: ${quoted}`)
          : source.replace(/^cc:\n/m, `cc:\n  - ${quoted}\n`);
        (await import('node:fs')).mkdirSync(dir);
        writeFileSync(input, yaml);
        const s = await pipeline.runRender([input], { outDir: join(dir, 'out'), force: false, failFast: false, templateDirs: [], jobs: 1, progress: false, today: new Date('2021-06-15') });
        const why = JSON.stringify({ text, field, problems: s.problems.map((p: { message: string }) => p.message) });
        expect(s.internal, why).toEqual([]);
        const illegal = findIllegalChar(text);
        const clean = fold(cleanText(text));
        const expected = field === 'cc' ? fold(stripEndPunct(clean)) : clean;
        if (illegal) {
          expect(s.written, why).toEqual([]);
          expect(s.problems.map((p: { rule: string }) => p.rule)).toContain('no-control-chars');
          return;
        }
        if (s.failed) {
          // Text that breaks a content rule (nothing visible left, say): refused, clearly, and nothing written.
          expect(s.written, why).toEqual([]);
          expect(s.problems.some((p: { severity: string }) => p.severity === 'error')).toBe(true);
          return;
        }
        rendered++;
        expect(s.written, why).toHaveLength(1);
        const bytes = new Uint8Array(readFileSync(s.written[0]));
        expect(docxProblem(bytes, pipeline.parseXml)).toBeNull();
        const body = fold(runTexts(new TextDecoder().decode(unzipSync(bytes)['word/document.xml'])).join(''));
        expect(body, why).toContain(expected);
      }),
      { seed: SEED, numRuns: 150 },
    );
    // Most pasted text is fine text: the property is about letters that render, not only about refusals.
    expect(rendered).toBeGreaterThan(75);
  }, 120_000);
});
