import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { batch, entry, errorLines, filesIn, lineOf, units, workspace } from './support.js';

// A batch file of 64 KB or more is read entry by entry, and its letters go to the render workers while the rest
// is still being read (src/pipeline/early.ts). Nothing may differ from reading the whole file first and then
// rendering (--jobs 1 does that): the same problems at the same lines, the same files written, and nothing written
// when the file turns out unreadable or two letters collide.

// 72 letters: the streamed path sends them in chunks of 8 while reading, as it would thousands; each letter's
// findings are long enough for the file to pass 64 KB.
const N = 72;
/** A 72-letter batch over 64 KB; `mutate` edits entry texts (0-based) before they are joined. */
function bigBatch(mutate: (entries: string[]) => void = () => {}): string {
  const entries = units(N).map((u, i) => entry(u, [`findings: { strengths: "${u} đã triển khai các nhiệm vụ CCHC năm 2020. ${'Kết quả được ghi nhận. '.repeat(26)}" }`], i + 1)
    .replace(/^ {4}findings: \{ strengths: "[^"]*" \}\n/m, ''));
  mutate(entries);
  return batch(entries);
}

/** Renders the same file streamed (--jobs 2) and whole (--jobs 1); problems with the output folder blanked. */
async function both(text: string) {
  const dir = workspace({ 'dot.yaml': text });
  expect(statSync(join(dir, 'dot.yaml')).size).toBeGreaterThan(64 * 1024);
  const renderWith = async (jobs: string) => {
    const out = join(dir, `out-${jobs}`);
    const r = await run(['--debug', 'render', join(dir, 'dot.yaml'), '--out-dir', out, '--jobs', jobs]);
    return { ...r, early: Number(/^early=(\d+) /m.exec(r.stderr)?.[1] ?? 0), files: filesIn(out), errors: errorLines(r.stderr.replaceAll(out, 'OUT')), summary: r.stderr.trim().split('\n').at(-1)!.replace(/; [\d.]+ s$/, '') };
  };
  return { dir, streamed: await renderWith('2'), whole: await renderWith('1') };
}

describe('a large batch read entry by entry while the workers render', () => {
  // The clean batch, rendered both ways once: two tests judge it.
  let clean: ReturnType<typeof both> | undefined;
  const cleanBatch = () => (clean ??= both(bigBatch()));

  it('writes every letter, the same files as reading the whole file first', async () => {
    const { streamed, whole } = await cleanBatch();
    expect(streamed.code, streamed.stderr).toBe(0);
    expect(streamed.files).toHaveLength(N);
    expect(streamed.files).toEqual(whole.files);
    expect(streamed.summary).toBe(`Đã ghi ${N} tệp DOCX (${N}/${N} công văn)`);
    expect(streamed.early).toBe(N);
    expect(whole.early).toBe(0);
  });

  it('a YAML error in entry 60 makes the file unreadable: nothing written, though earlier letters were rendered', async () => {
    const text = bigBatch((e) => { e[59] = e[59]!.replace('number: 60', 'number: [60'); });
    const { streamed, whole } = await both(text);
    expect(streamed.code).toBe(1);
    expect(streamed.early).toBe(59);
    expect(streamed.files).toEqual([]);
    expect(streamed.errors).toEqual(whole.errors);
    expect(streamed.errors.length).toBeGreaterThan(0);
    expect(streamed.errors[0]).toMatch(new RegExp(`dot\\.yaml:(${lineOf(text, 'number: [60')}|${lineOf(text, 'number: [60') + 1}):`));
    expect(streamed.summary).toBe(whole.summary);
  });

  it('two letters on one name (entries 2 and 66) fail both, before anything is written; the others are written', async () => {
    const { streamed, whole } = await both(bigBatch((e) => {
      e[1] = e[1]!.replace('number: 2\n', 'number: 2\n    output: trung.docx\n');
      e[65] = e[65]!.replace('number: 66\n', 'number: 66\n    output: TRUNG.docx\n');
    }));
    expect(streamed.code).toBe(1);
    expect(streamed.files).toHaveLength(N - 2);
    expect(streamed.files).toEqual(whole.files);
    expect(streamed.files).not.toContain('trung.docx');
    expect(streamed.early).toBe(N);
    expect(streamed.errors).toEqual(whole.errors);
    expect(streamed.errors.filter((l) => l.includes('output-collision'))).toHaveLength(2);
    expect(streamed.summary).toBe(`Đã ghi ${N - 2} tệp DOCX (${N - 2}/${N} công văn); 2 công văn có lỗi nên không ghi; 2 lỗi`);
  });

  it('invalid letters fail alone, with the same problems at the same lines', async () => {
    const { streamed, whole } = await both(bigBatch((e) => {
      e[10] = e[10]!.replace('number: 11', 'number: -11');
      e[50] = e[50]!.replace('    tasks:', '    taskz:');
    }));
    expect(streamed.code).toBe(1);
    expect(streamed.files).toHaveLength(N - 2);
    expect(streamed.errors).toEqual(whole.errors);
    expect(streamed.errors.length).toBeGreaterThanOrEqual(2);
    expect(streamed.summary).toBe(`Đã ghi ${N - 2} tệp DOCX (${N - 2}/${N} công văn); 2 công văn có lỗi nên không ghi; ${streamed.errors.length} lỗi`);
  });

  it('a file with an anchor is read whole (not split) and renders the same', async () => {
    const { streamed, whole } = await both(bigBatch((e) => { e[0] = e[0]!.replace('  - to:', '  - &first to:'); }));
    expect(streamed.code, streamed.stderr).toBe(whole.code);
    expect(streamed.early).toBe(N);
    expect(streamed.files).toEqual(whole.files);
    expect(streamed.errors).toEqual(whole.errors);
  });

  it('the bytes of a letter rendered early equal the bytes rendered in the main thread', async () => {
    const { dir, streamed } = await cleanBatch();
    expect(streamed.code).toBe(0);
    for (const f of [streamed.files[0]!, streamed.files[N - 1]!]) {
      expect(readFileSync(join(dir, 'out-2', f)).equals(readFileSync(join(dir, 'out-1', f))), f).toBe(true);
    }
  });
});
