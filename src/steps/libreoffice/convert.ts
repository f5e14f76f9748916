import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExistsError, writeFileAtomic } from '../../files/atomic.js';
import { pdfPathFor } from '../../pipeline/names.js';
import { findSoffice } from './soffice.js';
import { runWithLimit } from './spawn.js';

/**
 * `cchc render --pdf`: a PDF beside each DOCX, made by LibreOffice.
 *
 * The DOCX files are copied under plain names ("3.docx") into a private temporary folder and converted
 * several at a time per soffice process (start-up costs ~1–2 s; each further file ~0.1–0.3 s). Each
 * process gets its own profile folder, so parallel runs — ours or another cchc's — never share one, and a
 * time limit after which its whole process group is killed. A finished PDF takes its final name the way
 * the DOCX did (src/files/atomic.ts): complete or absent, and an existing PDF is kept unless `force`.
 */

export interface PdfOptions {
  force: boolean;
  /** soffice processes at once; default min(2, cores). */
  parallel?: number;
  /** Time limit of one soffice process; default CCHC_PDF_TIMEOUT seconds, else 120 s. */
  timeoutMs?: number;
  /** Stops starting conversions and kills running ones (Ctrl-C). */
  signal?: AbortSignal;
  /** Called once per DOCX when its PDF is written or has failed. */
  onFile?: () => void;
  env?: NodeJS.ProcessEnv;
}

export interface PdfFailure { docx: string; pdf: string; message: string; rule: 'pdf' | 'output-exists' | 'io' }

export interface PdfResult {
  /** PDF paths written, in the order of the DOCX list. */
  written: string[];
  failures: PdfFailure[];
  /** Set when no conversion could run at all (LibreOffice not found): one message for the whole run. */
  fatal?: string;
}

/** Files per soffice process: enough to amortise start-up, few enough that a crash loses little. */
const CHUNK_MAX = 20;
/** Consecutive timed-out processes after which LibreOffice is taken to be stuck and the rest is skipped. */
const HANG_LIMIT = 3;
const DEFAULT_TIMEOUT_S = 120;


interface Item { index: number; docx: string; pdf: string }

export async function convertToPdf(docxPaths: readonly string[], opts: PdfOptions): Promise<PdfResult> {
  const env = opts.env ?? process.env;
  const result: PdfResult = { written: [], failures: [] };
  const fail = (it: Item, message: string, rule: PdfFailure['rule'] = 'pdf') => {
    result.failures.push({ docx: it.docx, pdf: it.pdf, message, rule });
    opts.onFile?.();
  };
  const todo: Item[] = [];
  docxPaths.forEach((docx, index) => {
    const it = { index, docx, pdf: pdfPathFor(docx) };
    if (it.pdf === docx) fail(it, `tệp DOCX ${docx} đã mang đuôi .pdf; đặt tên tệp đầu ra có đuôi .docx`);
    else if (!opts.force && existsSync(it.pdf)) fail(it, new ExistsError(it.pdf).message, 'output-exists');
    else todo.push(it);
  });
  if (todo.length === 0) return result;

  const found = findSoffice(env);
  if ('error' in found) { result.fatal = found.error; return result; }

  const timeoutMs = opts.timeoutMs ?? timeoutFromEnv(env);
  const parallel = Math.max(1, Math.min(opts.parallel ?? Math.min(2, availableParallelism()), todo.length));
  const size = Math.min(CHUNK_MAX, Math.ceil(todo.length / parallel));
  const queue: Item[][] = [];
  for (let i = 0; i < todo.length; i += size) queue.push(todo.slice(i, i + size));

  let work: string;
  try { work = mkdtempSync(join(tmpdir(), 'cchc-pdf-')); } catch (e) {
    for (const it of todo) fail(it, `không tạo được thư mục tạm để chuyển PDF: ${(e as Error).message}`, 'io');
    return result;
  }
  const written = new Map<number, string>();
  let hangs = 0;
  let seq = 0;
  const stuck = () => hangs >= HANG_LIMIT;

  /** One soffice process over `items`; returns the items it did not convert, with the reason. */
  const convertBatch = async (items: Item[]): Promise<{ missed: Item[]; reason: string }> => {
    try {
      return await convertIn(items);
    } catch (e) {
      // The temporary folder itself failed (disk full…): these files cannot be tried again either.
      for (const it of items) fail(it, `lỗi thư mục tạm khi chuyển PDF: ${(e as Error).message}`, 'io');
      return { missed: [], reason: '' };
    }
  };
  const convertIn = async (items: Item[]): Promise<{ missed: Item[]; reason: string }> => {
    const dir = join(work, String(seq++));
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    const profile = join(dir, 'profile');
    mkdirSync(inDir, { recursive: true });
    mkdirSync(outDir);
    mkdirSync(profile);
    const inputs: string[] = [];
    const copied: Item[] = [];
    for (const it of items) {
      try {
        copyFileSync(it.docx, join(inDir, `${it.index}.docx`));
        inputs.push(join(inDir, `${it.index}.docx`));
        copied.push(it);
      } catch (e) {
        fail(it, `không đọc được ${it.docx} để chuyển sang PDF: ${(e as Error).message}`, 'io');
      }
    }
    if (copied.length === 0) return { missed: [], reason: '' };
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
      '--convert-to', 'pdf', '--outdir', outDir, ...inputs,
    ];
    const run = await runWithLimit(found.path, args, { timeoutMs, signal: opts.signal, env });
    if (run.timedOut) hangs++;
    else if (!run.aborted) hangs = 0;
    const missed: Item[] = [];
    for (const it of copied) {
      const out = join(outDir, `${it.index}.pdf`);
      const bytes = readPdf(out);
      if (!bytes) { missed.push(it); continue; }
      try {
        writeFileAtomic(it.pdf, bytes, opts.force);
        written.set(it.index, it.pdf);
        opts.onFile?.();
      } catch (e) {
        if (e instanceof ExistsError) fail(it, e.message, 'output-exists');
        else fail(it, `không ghi được ${it.pdf}: ${(e as Error).message}`, 'io');
      }
    }
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* removed with the whole folder below */ }
    const tail = lastLine(run.output);
    const reason = run.spawnError ? `không chạy được ${found.path}: ${run.spawnError}`
      : run.timedOut ? `LibreOffice không xong sau ${Math.round(timeoutMs / 1000)} s (đã dừng)`
        : run.code !== 0 ? `LibreOffice dừng với mã ${run.code ?? 'tín hiệu'}${tail ? `: ${tail}` : ''}`
          : `LibreOffice không tạo ra PDF${tail ? ` (${tail})` : ''}`;
    return { missed, reason };
  };

  const runner = async () => {
    for (let items = queue.shift(); items; items = queue.shift()) {
      if (opts.signal?.aborted) return;
      if (stuck()) { for (const it of items) fail(it, `bỏ qua ${it.docx}: LibreOffice liên tục không phản hồi`); continue; }
      const first = await convertBatch(items);
      if (opts.signal?.aborted) return;
      // A crash or hang in a shared process may have cost files that are fine on their own: retry those
      // one by one, so only the file at fault is reported.
      const retry = items.length > 1 ? first.missed : [];
      if (items.length === 1) for (const it of first.missed) fail(it, `không chuyển được ${it.docx} sang PDF: ${first.reason}`);
      for (const it of retry) {
        if (opts.signal?.aborted) return;
        if (stuck()) { fail(it, `bỏ qua ${it.docx}: LibreOffice liên tục không phản hồi`); continue; }
        const again = await convertBatch([it]);
        for (const m of again.missed) fail(m, `không chuyển được ${m.docx} sang PDF: ${again.reason}`);
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, runner));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  result.written = [...written.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  return result;
}

function timeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const s = Number(env.CCHC_PDF_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_TIMEOUT_S * 1000;
}

/** The converted file, if it is a PDF at all (LibreOffice may leave nothing, or an empty file). */
function readPdf(path: string): Uint8Array | undefined {
  try {
    const bytes = readFileSync(path);
    return bytes.length > 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** soffice's last meaningful line, minus its noise about Java. */
function lastLine(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/javaldx|^convert .* using filter/.test(l));
  return (lines.at(-1) ?? '').slice(0, 200);
}
