import { Option } from 'commander';
import type { OutputStep } from '../../pipeline/steps.js';
import type { Problem } from '../../problem.js';
import { templateDirs, userTemplates } from '../templates.js';
import { EXIT, INTERNAL_MESSAGE, UsageError } from '../exit.js';
import { useColor, type Io } from '../io.js';
import { renderSummary } from '../summary.js';
import type { CchcCommand } from '../vi.js';

interface RenderFlags {
  output?: string; outDir?: string; force?: boolean; quiet?: boolean; failFast?: boolean;
  jobs?: string; templateDir?: string[]; templates?: string[]; pdf?: boolean; pdfEngine: 'native' | 'libreoffice'; print?: string; register?: string; numberFrom?: string;
}

export function registerRender(program: CchcCommand, setCode: (c: number) => void, io: Io): void {
  program
    .command('render')
    .description('tạo DOCX (và PDF) từ tệp YAML (một công văn, tệp nhiều công văn, hoặc cả thư mục)')
    .argument('<tệp...>', 'tệp .yaml/.yml hoặc thư mục')
    .option('-o, --output <tệp>', 'tên tệp DOCX (chỉ khi có một công văn); thư mục chưa có thì được tạo')
    .option('--out-dir <thư-mục>', 'thư mục ghi các tệp DOCX (chưa có thì được tạo)')
    .option('-f, --force', 'ghi đè tệp đã có')
    .option('-q, --quiet', 'chỉ in lỗi và dòng tổng kết')
    .option('--fail-fast', 'dừng ở lỗi đầu tiên, không ghi gì thêm')
    .option('-j, --jobs <số>', 'số luồng song song (mặc định: số lõi CPU)')
    .option('-t, --template-dir <thư-mục...>', 'thư mục chứa mẫu nội dung .hbs của đơn vị')
    // The old spelling, kept working: "--templates" read like init's "--template <tên>", which names one template.
    .addOption(new Option('--templates <thư-mục...>').hideHelp())
    .option('--pdf', 'ghi thêm tệp PDF cạnh mỗi DOCX')
    .addOption(new Option('--pdf-engine <cách>', 'cách tạo PDF: native (có sẵn trong cchc, nhanh) hoặc libreoffice (cần LibreOffice)').choices(['native', 'libreoffice']).default('native'))
    .option('--print <tệp.pdf>', 'ghi mọi công văn vào một tệp PDF để in hai mặt, mỗi công văn bắt đầu ở trang lẻ')
    .option('--register <tệp.xlsx>', 'ghi mỗi công văn vào sổ đăng ký văn bản đi (Phụ lục IV); chưa có thì được tạo')
    .option('--number-from <số|auto>', 'đánh số các công văn chưa có số, từ số này (auto: tiếp theo số cuối trong sổ của năm); cần --register')
    .examples([
      ['cchc render thu-moi.yaml', 'một công văn → thu-moi.docx cạnh tệp YAML'],
      ['cchc render letters/ --out-dir docx/ --pdf --print docx/ban-in.pdf', 'cả thư mục: DOCX và PDF vào docx/, thêm một tệp gộp để in'],
      ['cchc render dot.yaml --register so-van-ban-di.xlsx --number-from auto', 'đánh số tiếp theo sổ và vào sổ đăng ký'],
    ])
    .action(async (inputs: string[], flags: RenderFlags) => setCode(await render(inputs, flags, program.opts().debug === true, io)));
}

/** The output steps the flags ask for, in the order they run (the register settles last: after the PDFs). */
async function stepsFor(flags: RenderFlags): Promise<OutputStep[]> {
  const steps: OutputStep[] = [];
  if (flags.register) steps.push(new (await import('../../register/step.js')).RegisterStep(flags.register, numberFromFlag(flags), !!flags.force));
  if (flags.pdf && flags.pdfEngine === 'libreoffice') steps.push((await import('../../steps/libreoffice/step.js')).libreOfficeStep);
  if (flags.print) steps.push((await import('../../steps/print.js')).printStep(flags.print));
  return steps;
}

async function render(inputs: string[], flags: RenderFlags, debug: boolean, io: Io): Promise<number> {
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  const dirs = templateDirs(flags);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError('--jobs cần một số nguyên ≥ 1');
  if (flags.output && flags.outDir) throw new UsageError('dùng -o hoặc --out-dir, không dùng cả hai');
  if (flags.pdfEngine === 'libreoffice' && !flags.pdf) throw new UsageError('--pdf-engine chỉ dùng cùng --pdf');
  if (flags.print !== undefined && !/\.pdf$/i.test(flags.print)) throw new UsageError(`--print cần tên tệp .pdf (đang là "${flags.print}")`);
  numberFromFlag(flags);
  // Ctrl-C (bin/cchc.js's one handler) stops the run cleanly: nothing more written, nothing half-written, the summary
  // says so. One that came while cchc was still loading stops the run before it writes anything.
  const signal = io.signal ?? new AbortController().signal;
  const [{ runRender }, { stylish }, { mergeRepeats }] = await Promise.all([
    import('../../pipeline/run.js'), import('../../report/stylish.js'), import('../../problem.js'),
  ]);
  const own = dirs.length ? await userTemplates(dirs) : undefined;
  const summary = await runRender(inputs, {
    signal,
    output: flags.output, outDir: flags.outDir, force: !!flags.force, failFast: !!flags.failFast,
    templateDirs: dirs, userTemplates: own?.names ?? [], templates: own?.templates, jobs, progress: !flags.quiet && !!io.stderr.isTTY ? io.stderr : undefined, env: io.env,
    letterPdf: !!flags.pdf && flags.pdfEngine === 'native', steps: await stepsFor(flags),
  });
  if (flags.output && summary.written.length + summary.failed > 1) {
    // Checked after loading because only then do we know how many letters the inputs hold.
    throw new UsageError('-o chỉ dùng khi đầu vào có đúng một công văn; với nhiều công văn hãy dùng --out-dir');
  }
  const shown = mergeRepeats(summary.problems);
  if (shown.length) io.stderr.write(`${await stylish(shown, { color: useColor(io.stderr, io.env) })}\n`);
  // A letter that failed on a bug (not on its data): ask for a report; the details only with --debug.
  if (summary.internal.length) io.stderr.write(`${INTERNAL_MESSAGE}\n`);
  if (debug) for (const d of summary.internal) io.stderr.write(`${d}\n`);
  if (debug) io.stderr.write(`early=${summary.sentEarly ?? 0} threads=${summary.threads ?? 0}\n`);
  for (const s of summary.steps) if (s.fatal) io.stderr.write(`cchc: ${s.fatal}\n`);
  return report(summary, shown, flags, io);
}

type Summary = Awaited<ReturnType<typeof import('../../pipeline/run.js')['runRender']>>;

/** The files written (when just one letter), the summary line (src/cli/summary.ts), and the exit code. */
function report(summary: Summary, shown: readonly Problem[], flags: RenderFlags, io: Io): number {
  const pdfStep = summary.steps.find((s) => s.name === 'pdf');
  const pdf = summary.pdf ?? (pdfStep && { written: pdfStep.written, failed: pdfStep.failed });
  const print = summary.steps.find((s) => s.name === 'print');
  // A step that could not run at all printed one line of its own: a problem too, counted once with the others.
  const fatals = summary.steps.filter((s) => s.fatal).length;
  const errors = shown.filter((p) => p.severity === 'error').length + fatals;
  const unreadable = summary.unreadable ?? 0;
  const line = renderSummary({
    written: summary.written.length, letters: summary.letters ?? summary.written.length + summary.failed - unreadable,
    failedLetters: summary.failed - unreadable, unreadable, errors, warnings: shown.length - (errors - fatals),
    ...(flags.pdf ? { pdf: { written: pdf?.written.length ?? 0, failed: pdf?.failed ?? 0, none: !!pdfStep?.fatal } } : {}),
    ...(print ? { print: print.written[0] ?? null } : {}),
    seconds: summary.seconds, interrupted: summary.interrupted,
  });
  if (summary.written.length === 1 && errors === 0 && !flags.quiet) {
    io.stderr.write(`${summary.written[0]}\n`);
    if (pdf?.written.length === 1) io.stderr.write(`${pdf.written[0]}\n`);
  }
  io.stderr.write(`${line}\n`);
  if (summary.internal.length) return EXIT.internal;
  if (summary.interrupted) return 130;
  // Every error printed above means something was not done: the exit code says so too.
  return errors > 0 || summary.failed > 0 || (pdf?.failed ?? 0) > 0 ? EXIT.problems : EXIT.ok;
}

/** --number-from: a whole number ≥ 1, or "auto"; only with --register (a number given must be in the register). */
function numberFromFlag(flags: RenderFlags): number | 'auto' | undefined {
  if (flags.numberFrom === undefined) return undefined;
  if (!flags.register) throw new UsageError('--number-from cần --register: số đã cấp phải được ghi vào sổ đăng ký văn bản đi');
  if (flags.numberFrom === 'auto') return 'auto';
  if (!/^\d{1,9}$/.test(flags.numberFrom) || Number(flags.numberFrom) < 1) throw new UsageError('--number-from cần một số nguyên ≥ 1, hoặc auto');
  return Number(flags.numberFrom);
}
