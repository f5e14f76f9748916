import type { Job } from '../pipeline/plan.js';
import type { RunOptions, RunSummary } from '../pipeline/run.js';
import { convertToPdf } from './convert.js';

/**
 * The --pdf step of `cchc render`, after every DOCX is written: converts the DOCX files this run wrote and
 * reports each failure as a problem on the letter it came from. Ctrl-C stops it (running soffice
 * processes are killed; PDFs already in place are complete).
 */
export async function pdfPhase(jobs: readonly Job[], opts: RunOptions, summary: RunSummary): Promise<void> {
  const byPath = new Map(jobs.map((j) => [j.path, j]));
  const total = summary.written.length;
  let done = 0;
  const show = opts.progress;
  const ac = new AbortController();
  const onSigint = () => { summary.interrupted = true; ac.abort(); };
  process.on('SIGINT', onSigint);
  try {
    if (show) show.write(`\rPDF 0/${total}…`);
    const r = await convertToPdf(summary.written, {
      force: opts.force,
      ...(opts.env ? { env: opts.env } : {}),
      signal: ac.signal,
      onFile: () => { done++; if (show) show.write(`\rPDF ${done}/${total}…`); },
    });
    summary.pdf = { written: r.written, failed: r.failures.length, ...(r.fatal ? { fatal: r.fatal } : {}) };
    for (const f of r.failures) {
      const source = byPath.get(f.docx)?.source;
      summary.problems.push({
        file: source?.file ?? f.docx, ...(source ? source.locate([]) : { line: 0, col: 0 }), severity: 'error', message: f.message, rule: f.rule,
      });
    }
  } finally {
    process.off('SIGINT', onSigint);
    if (show) show.write('\r\x1b[K');
  }
}
