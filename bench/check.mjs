#!/usr/bin/env node
// Benchmark (not a test) of `cchc check`, `npm run bench:check [N] [P]` (defaults 1,000 DOCX, 100 PDF):
//   - the CLI on N DOCX letters in one run, and on P PDF letters, wall time (median of 3) and per file;
//   - per file in one warm process (dist/check), median and mean: cchc's DOCX, a python-docx and a LibreOffice
//     DOCX, cchc's native PDF and a LibreOffice PDF;
//   - a zip bomb (a part of 300 MB declared as 1,000 bytes): how long until it is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, deflateRawSync } from 'node:zlib';
import { batchFile, BIN, median, ROOT, settle } from './support.mjs';

const N = Number(process.argv[2] ?? 1000);
const P = Number(process.argv[3] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-check-'));
const FIX = join(ROOT, 'test', 'fixtures');

/** `cchc <args>` in a new process; check exits 1 when a letter has errors, which is an answer, not a failure. */
function cchc(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) {
    console.error(r.stderr);
    process.exit(1);
  }
  return { ms, status: r.status, stderr: r.stderr };
}

// The letters: N DOCX of the batch, and P native PDFs of a batch of P.
const docxDir = join(dir, 'docx');
cchc(['render', batchFile(dir, N), '--out-dir', docxDir, '--quiet']);
const docx = readdirSync(docxDir).filter((f) => f.endsWith('.docx')).map((f) => join(docxDir, f));
const pdfDir = join(dir, 'pdf');
cchc(['render', batchFile(dir, P), '--out-dir', pdfDir, '--pdf', '--pdf-engine', 'native', '--quiet']);
const pdf = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).map((f) => join(pdfDir, f));
console.log(`letters: ${docx.length} DOCX, ${pdf.length} native PDF (kien-luong-2020, 3 pages each)`);

// 1. The CLI, one run over all the files; the start of one check run is taken off to get the cost per file.
settle();
const start = median(Array.from({ length: 5 }, () => cchc(['check', docx[0]]).ms));
for (const [label, files] of [['DOCX', docx], ['PDF', pdf]]) {
  const runs = Array.from({ length: 3 }, () => {
    settle();
    return cchc(['check', ...files]);
  });
  const ms = median(runs.map((r) => r.ms));
  const summary = runs[0].stderr.trim().split('\n').pop();
  console.log(`cchc check, ${files.length} ${label} in one run: ${(ms / 1000).toFixed(2)} s wall (median of 3: ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s) → ${((ms - start) / files.length).toFixed(2)} ms per file after a ${start.toFixed(0)} ms start (${summary})`);
}

// 2. Per file in one warm process.
const { checkDocx, checkPdf } = await import(pathToFileURL(join(ROOT, 'dist', 'check', 'index.js')).href);
async function perFile(label, bytes, check) {
  for (let i = 0; i < 20; i++) await check(bytes);
  const times = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await check(bytes);
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`  ${label.padEnd(42)} median ${median(times).toFixed(2)} ms, mean ${mean.toFixed(2)} ms, min ${Math.min(...times).toFixed(2)} ms`);
}
console.log('per file, one warm process (dist/check):');
const read = (p) => new Uint8Array(readFileSync(p));
await perFile(`cchc DOCX (${(read(docx[0]).length / 1024).toFixed(0)} KB)`, read(docx[0]), (b) => checkDocx(b, 'x.docx'));
await perFile('python-docx DOCX (350 KB styles part)', read(join(FIX, 'docx', 'ok.docx')), (b) => checkDocx(b, 'x.docx'));
await perFile('LibreOffice DOCX', read(join(FIX, 'docx', 'lo-roundtrip.docx')), (b) => checkDocx(b, 'x.docx'));
await perFile('cchc native PDF (3 pages)', read(pdf[0]), (b) => checkPdf(b, 'x.pdf'));
await perFile('LibreOffice PDF (1 page)', read(join(FIX, 'pdf', 'ok.pdf')), (b) => checkPdf(b, 'x.pdf'));
await perFile('LibreOffice PDF (3 pages)', read(join(FIX, 'pdf', 'cchc-kien-luong-2020.pdf')), (b) => checkPdf(b, 'x.pdf'));

// 3. A zip bomb: 300 MB of spaces declared as 1,000 bytes (built from one flushed megabyte, in milliseconds).
const mb = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
const data = Buffer.concat([...Array.from({ length: 300 }, () => mb), Buffer.from([3, 0])]);
const name = Buffer.from('word/document.xml');
const local = Buffer.alloc(30);
local.writeUInt32LE(0x04034b50, 0);
local.writeUInt16LE(20, 4);
local.writeUInt16LE(8, 8);
local.writeUInt32LE(data.length, 18);
local.writeUInt32LE(1000, 22);
local.writeUInt16LE(name.length, 26);
const bomb = new Uint8Array(Buffer.concat([local, name, data]));
const t0 = performance.now();
const [problem] = checkDocx(bomb, 'bomb.docx');
console.log(`zip bomb (${(bomb.length / 1024).toFixed(0)} KB, a 300 MB part declared as 1,000 bytes): refused in ${(performance.now() - t0).toFixed(1)} ms — ${problem.message}`);

rmSync(dir, { recursive: true, force: true });
