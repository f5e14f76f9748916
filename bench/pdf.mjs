#!/usr/bin/env node
// Benchmark (not a test) of the PDF writers, `npm run bench:pdf [N]` (default 1,000):
//   - per letter, native PDF (Typst, in-process, warm) vs the LibreOffice engine (soffice on the same DOCX files),
//     same machine, same run;
//   - a batch of N letters, DOCX + native PDF, wall time and peak RSS (the CLI, all cores);
//   - cold `cchc render x.yaml --pdf` (process start → both files written), median of 11;
//   - the print file (--print) of the batch;
//   - the size of the PDF engine and the shipped fonts on disk.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { batchFile as makeBatch, median, ROOT, run, SEED, settle } from './support.mjs';

const N = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-pdf-'));
const batchFile = (n) => makeBatch(dir, n);

// 1. Per letter, in one process, warm: the native writer on a laid-out letter.
const { LetterRenderer } = await import(pathToFileURL(join(ROOT, 'dist', 'render', 'letter.js')).href);
const { loadSources } = await import(pathToFileURL(join(ROOT, 'dist', 'pipeline', 'sources.js')).href);
const { checkLetter } = await import(pathToFileURL(join(ROOT, 'dist', 'validate', 'letter.js')).href);
const src = (await loadSources(SEED)).sources[0];
const letter = checkLetter(src.data, SEED, src.locate).letter;
const renderer = await LetterRenderer.create();
const model = renderer.model(letter);
let t0 = performance.now();
renderer.pdfOf(model);
const firstMs = performance.now() - t0;
// Each letter differs (its subject), as in a batch; the first 20 warm the JIT and the engine's layout cache, then
// 200 are timed: what every letter after the first few of a batch costs.
const times = [];
for (let i = 0; i < 220; i++) {
  const m = renderer.model({ ...letter, subject: `${letter.subject} ${i}` });
  t0 = performance.now();
  renderer.pdfOf(m);
  if (i >= 20) times.push(performance.now() - t0);
}
const nativeMs = median(times);
console.log(`native PDF, one letter in a warm process: median ${nativeMs.toFixed(1)} ms of 200 (first letter ${firstMs.toFixed(0)} ms, engine start included)`);

// 2. The LibreOffice engine on the same letters (DOCX written first), per letter, if soffice is installed.
let officeMs;
if (spawnSync('sh', ['-c', 'command -v soffice']).status === 0) {
  const n = 20;
  const out = join(dir, 'lo');
  settle();
  run(['render', batchFile(n), '--out-dir', out, '--quiet']);
  const docx = readdirSync(out).filter((f) => f.endsWith('.docx')).map((f) => join(out, f));
  t0 = performance.now();
  execFileSync('soffice', ['--headless', `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--convert-to', 'pdf', '--outdir', out, ...docx], { stdio: 'ignore' });
  officeMs = (performance.now() - t0) / n;
  console.log(`LibreOffice, ${n} letters in one soffice process (start-up shared): ${officeMs.toFixed(0)} ms/letter → native is ${(officeMs / nativeMs).toFixed(0)}× cheaper per letter`);
} else console.log('LibreOffice comparison skipped: soffice not on PATH');

// 3. A batch, DOCX + PDF, through the CLI; 4. the print file of the same batch.
const batch = batchFile(N);
const runs = [];
for (let k = 0; k < 3; k++) {
  const out = mkdtempSync(join(dir, 'out-'));
  settle();
  runs.push(run(['render', batch, '--out-dir', out, '--pdf', '--quiet']));
  const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).length;
  if (pdfs !== N) { console.error(`expected ${N} PDFs, got ${pdfs}`); process.exit(1); }
  rmSync(out, { recursive: true, force: true });
}
const mid = [...runs].sort((a, b) => a.ms - b.ms)[1];
console.log(`batch, ${N} letters DOCX + PDF: ${(mid.ms / 1000).toFixed(2)} s wall (median of 3: ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s), ${(mid.ms / N).toFixed(2)} ms/letter, peak RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB`);
{
  const out = mkdtempSync(join(dir, 'print-'));
  settle();
  const p = run(['render', batch, '--out-dir', out, '--print', join(out, 'in.pdf'), '--quiet']);
  console.log(`batch, ${N} letters DOCX + one print file: ${(p.ms / 1000).toFixed(2)} s wall, print file ${(statSync(join(out, 'in.pdf')).size / 1048576).toFixed(1)} MB, peak RSS ${p.rssMb.toFixed(0)} MB`);
  rmSync(out, { recursive: true, force: true });
}

// 5. Cold start: one letter, DOCX + PDF, from process start.
const single = join(dir, 'single.docx');
const cold = [];
settle();
for (let i = 0; i < 11; i++) cold.push(run(['render', SEED, '-o', single, '--pdf', '--force', '--quiet']).ms);
console.log(`cold cchc render x.yaml --pdf, median of 11: ${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`);

// 6. On disk: the engine for this platform and the fonts.
const du = (p) => Number(execFileSync('du', ['-sk', p], { encoding: 'utf8' }).split('\t')[0]) / 1024;
const engines = readdirSync(join(ROOT, 'node_modules', '@myriaddreamin')).map((d) => join(ROOT, 'node_modules', '@myriaddreamin', d));
console.log(`on disk: PDF engine ${engines.reduce((s, p) => s + du(p), 0).toFixed(1)} MB (this platform's addon), fonts ${du(join(ROOT, 'fonts')).toFixed(1)} MB`);
rmSync(dir, { recursive: true, force: true });
