import type { OutputStep, StepReport, Written } from '../../pipeline/steps.js';
import { EXISTS } from '../../files/dirs.js';
import { outputProblem } from '../../pipeline/plan.js';
import { convertToPdf } from './convert.js';

/**
 * `--pdf --pdf-engine libreoffice`: once every DOCX is written, LibreOffice makes a PDF of each — what an office
 * suite makes of the DOCX. Each failure is reported on the letter it came from; a missing LibreOffice is one line
 * for the run. Ctrl-C kills running soffice processes; PDFs already in place are complete.
 */
export const libreOfficeStep: OutputStep = {
  name: 'pdf',
  async finish(written: readonly Written[], ctx): Promise<StepReport> {
    const byPath = new Map(written.map((w) => [w.job.path, w.job]));
    const total = written.length;
    let done = 0;
    const show = ctx.progress;
    try {
      show?.write(`\rPDF 0/${total}…`);
      const r = await convertToPdf(written.map((w) => w.job.path), {
        force: ctx.force, signal: ctx.signal, env: ctx.env,
        onFile: () => { done++; show?.write(`\rPDF ${done}/${total}…`); },
      });
      const problems = r.failures.map((f) => {
        const source = byPath.get(f.docx)?.source;
        // A PDF already there is a problem of that file: said on its path, as for a DOCX.
        if (f.rule === 'output-exists' && source) return outputProblem(f.pdf, source, EXISTS, f.rule);
        return { file: source?.file ?? f.docx, ...(source ? source.locate([]) : { line: 0, col: 0 }), severity: 'error' as const, message: f.message, rule: f.rule };
      });
      return { name: 'pdf', written: r.written, failed: r.failures.length, problems, ...(r.fatal ? { fatal: r.fatal } : {}) };
    } finally {
      show?.write('\r\x1b[K');
    }
  },
};
