import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers.js';
import { makeMutant } from './mutate.mjs';
import { checkMutant, docxProblem, loadPipeline } from './oracle.mjs';
import { xmlProblem } from './xml-wf.mjs';

/**
 * "No input crashes cchc, no run loses or corrupts a file": every examples/*.yaml, mutated by a seeded mutator
 * (test/fuzz/mutate.mjs), through the pipeline the CLI runs. 300 here keep `npm test` quick; CI (.ci/run) also
 * runs 3,100 of another seed with `npm run fuzz` (3,400 in all, as before). FUZZ_SEED / FUZZ_COUNT override the seed and the number of
 * in-process mutants.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 3_0_2020);
const IN_PROCESS = Number(process.env.FUZZ_COUNT ?? 300);
/** Mutants of another seed through the whole CLI (argument parsing, report, exit code), in this process. */
const CLI_RUNS = 20;

const examples = readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)).sort()
  .map((name) => ({ name, text: readFileSync(join(ROOT, 'examples', name), 'utf8') }));
const base = tempDir();
afterAll(() => rmSync(base, { recursive: true, force: true }));

const replay = (i: number) => `npm run fuzz -- --seed ${SEED} --only ${i}`;

describe('the fuzz harness itself', () => {
  it('has examples to mutate', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it('is seeded: mutant i of a seed is always the same bytes, and mutants differ', () => {
    const a = makeMutant(SEED, 7, examples), b = makeMutant(SEED, 7, examples);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.ops).toEqual(b.ops);
    const distinct = new Set(Array.from({ length: 50 }, (_, i) => Buffer.from(makeMutant(SEED, i, examples).bytes).toString('base64')));
    expect(distinct.size).toBeGreaterThan(45);
  });

  it('the XML check rejects what is not well-formed XML, and accepts what is', () => {
    expect(xmlProblem('<a><b x="1" y=\'2\'>t &amp; &#x41; <![CDATA[<&]]></b><c/></a>')).toBeNull();
    for (const bad of ['<a><b></a></b>', '<a/><b/>', '<a>x & y</a>', '<a>\u0007</a>', '<a x="1" x="2"/>', '<a x="<"/>', '<a>', 'text', '<a>&bogus;</a>', '<a>&#0;</a>', '<!DOCTYPE a><a/>', '<a>]]></a>',
      '<a>\u0001</a>', '<a><!-- x -- y --></a>', '<a/><?xml version="1.0"?>', '<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', '<p:a/>']) {
      expect(xmlProblem(bad), bad).not.toBeNull();
    }
  });

  it('the DOCX check rejects a non-zip, a missing part, malformed XML and NFD text', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const pkg = (doc: string) => zipSync({ '[Content_Types].xml': enc('<Types/>'), '_rels/.rels': enc('<Relationships/>'), 'word/document.xml': enc(doc.replace('<w:document>', `<w:document xmlns:w="${W}">`)) });
    expect(docxProblem(pkg('<w:document><w:t>Việt</w:t></w:document>'))).toBeNull();
    expect(docxProblem(enc('PK not really'))).toMatch(/zip/);
    expect(docxProblem(zipSync({ 'word/document.xml': enc('<a/>') }))).toMatch(/missing part/);
    expect(docxProblem(pkg('<w:document><w:t>a & b</w:t></w:document>'))).toMatch(/^word\/document\.xml: 1:\d+: /);
    expect(docxProblem(pkg(`<w:document><w:t>${'Việt'.normalize('NFD')}</w:t></w:document>`))).toMatch(/NFC/);
    expect(docxProblem(pkg('<w:document><w:t>undefined</w:t></w:document>'))).toMatch(/undefined/);
  });
});

describe(`mutants of examples/*.yaml (seed ${SEED})`, () => {
  it(`${IN_PROCESS} mutants through the render pipeline: exit 0 or 1, valid DOCX or no file, no temp file`, async () => {
    const pipeline = await loadPipeline(ROOT);
    const failures: string[] = [];
    const exits = { 0: 0, 1: 0 } as Record<number, number>;
    const ops = new Set<string>();
    for (let i = 0; i < IN_PROCESS; i++) {
      const m = makeMutant(SEED, i, examples);
      m.ops.forEach((o: string) => ops.add(o));
      const r = await checkMutant(m, pipeline, base);
      exits[r.exit] = (exits[r.exit] ?? 0) + 1;
      if (r.verdict !== 'ok') failures.push(`#${i} ${r.verdict} [${m.example}: ${m.ops.join(', ')}] ${r.detail.slice(0, 600)}\n  replay: ${replay(i)}`);
    }
    expect(failures).toEqual([]);
    // Both ways out are exercised: letters that render (the payload reaches the DOCX) and letters refused.
    expect(exits[0]).toBeGreaterThan(IN_PROCESS * 0.1);
    expect(exits[1]).toBeGreaterThan(IN_PROCESS * 0.3);
    // Every kind of line mutation was tried.
    for (const op of ['deleteLines', 'duplicateLines', 'reindent', 'injectRaw', 'injectQuoted', 'replaceValue', 'nfd', 'longLine', 'deepNest', 'aliases', 'manyItems', 'manyValues', 'batch', 'documents']) {
      expect(ops, op).toContain(op);
    }
  }, 120_000);

  it(`${CLI_RUNS} mutants through the CLI (main, in this process): exit 0, 1 or 2, no stack trace, only complete DOCX files`, async () => {
    const { parseXml } = await loadPipeline(ROOT);
    const failures: string[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      const m = makeMutant(SEED + 1, i, examples);
      const work = join(base, `cli-${i}`);
      mkdirSync(work);
      const input = join(work, 'letter.yaml');
      writeFileSync(input, Buffer.from(Buffer.from(m.bytes).toString('latin1').replaceAll('@WORK@', work), 'latin1'));
      const { code, stderr } = await run(['render', input, '--out-dir', join(work, 'out')]);
      const what = `#${i} of seed ${SEED + 1} [${m.ops.join(', ')}]`;
      const fail = (why: string) => failures.push(`${what}: ${why}`);
      if (![0, 1, 2].includes(code)) { fail(`exit ${code}\n${stderr}`); continue; }
      if (/^\s+at .+:\d+:\d+\)?$|^\w*Error: |node:internal/m.test(stderr)) { fail(`stack trace\n${stderr}`); continue; }
      let files: string[] = [];
      try { files = readdirSync(join(work, 'out')); } catch { /* no folder: nothing written */ }
      const bad = files.map((f) => (f.endsWith('.tmp') ? `temp file ${f} left` : docxProblem(new Uint8Array(readFileSync(join(work, 'out', f))), parseXml)))
        .find((p) => p !== null);
      if (bad) { fail(bad); continue; }
      if (code !== 0 && !/error/.test(stderr)) fail(`exit ${code} without an error message`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
