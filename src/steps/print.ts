import { existsSync } from 'node:fs';
import { ExistsError, writeFileAtomic } from '../files/atomic.js';
import { printInParts } from '../pipeline/print-parts.js';
import type { OutputStep, StepReport } from '../pipeline/steps.js';
import type { Problem } from '../problem.js';
import { isoDay } from '../schema/date.js';
import { LetterRenderer } from '../render/letter.js';
import { PRINT_PART } from '../writers/pdf/writer.js';


const runProblem = (file: string, message: string, rule: string): Problem => ({ file, line: 0, col: 0, severity: 'error', message, rule });

/**
 * `--print FILE.pdf`: every letter the run wrote, in the order they were listed, in one PDF for the printer, each
 * letter from an odd page. An existing file is refused before anything is rendered (unless --force); the file is
 * written atomically once every letter is in it.
 */
export function printStep(file: string): OutputStep {
  return {
    name: 'print',
    async prepare(_jobs, ctx): Promise<Problem[]> {
      if (!ctx.force && existsSync(file)) return [runProblem(file, new ExistsError(file).message, 'output-exists')];
      return [];
    },
    async finish(written, ctx): Promise<StepReport> {
      const report: StepReport = { name: 'print', written: [], failed: 0, problems: [] };
      try {
        const meta = { title: `Bản in ${written.length} công văn`, author: 'cchc', subject: 'Công văn theo Nghị định 30/2020/NĐ-CP', date: isoDay(ctx.today) };
        const letters = written.map((w) => w.job.letter);
        // A large run is set in parts on render threads that end (print-parts.ts): Typst's memory goes with them.
        const bytes = letters.length <= PRINT_PART
          ? (await LetterRenderer.create({ templateDirs: ctx.templateDirs, today: ctx.today })).printPart(letters, meta).pdf
          : await printInParts(letters, meta, { templateDirs: ctx.templateDirs, today: ctx.today.toISOString(), pdf: true }, ctx.signal);
        if (!bytes || ctx.signal.aborted) return report;
        writeFileAtomic(file, bytes, ctx.force);
        report.written.push(file);
      } catch (e) {
        report.failed = 1;
        const code = (e as NodeJS.ErrnoException).code;
        const message = e instanceof ExistsError ? e.message : code ? `không ghi được tệp in ${file} (${code})` : 'lỗi nội bộ khi tạo tệp in';
        report.fatal = message;
        if (!code && !(e instanceof ExistsError)) report.internal = [String((e as Error)?.stack ?? e)];
      }
      return report;
    },
  };
}
