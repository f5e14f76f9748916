import { Option } from 'commander';
import { templateDirs, userTemplates } from '../templates.js';
import { EXIT, INTERNAL_MESSAGE, UsageError } from '../exit.js';
import { useColor, type Io } from '../io.js';
import type { CchcCommand } from '../vi.js';

interface RenderFlags {
  output?: string; outDir?: string; force?: boolean; quiet?: boolean; failFast?: boolean;
  jobs?: string; templateDir?: string[]; templates?: string[]; pdf?: boolean; register?: string; numberFrom?: string;
}

export function registerRender(program: CchcCommand, setCode: (c: number) => void, io: Io): void {
  program
    .command('render')
    .description('tạo DOCX từ tệp YAML (một công văn, tệp nhiều công văn, hoặc cả thư mục)')
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
    .option('--pdf', 'ghi thêm tệp PDF cạnh mỗi DOCX (cần LibreOffice)')
    .option('--register <tệp.xlsx>', 'ghi mỗi công văn vào sổ đăng ký văn bản đi (Phụ lục IV); chưa có thì được tạo')
    .option('--number-from <số|auto>', 'đánh số các công văn chưa có số, từ số này (auto: tiếp theo số cuối trong sổ của năm); cần --register')
    .examples([
      ['cchc render thu-moi.yaml', 'một công văn → thu-moi.docx cạnh tệp YAML'],
      ['cchc render letters/ --out-dir docx/ --pdf', 'cả thư mục, ghi DOCX và PDF vào docx/'],
      ['cchc render dot.yaml -o ra/cong-van.docx --force', 'đặt tên tệp, ghi đè tệp đã có'],
      ['cchc render dot.yaml --register so-van-ban-di.xlsx --number-from auto', 'đánh số tiếp theo sổ và vào sổ đăng ký'],
    ])
    .action(async (inputs: string[], flags: RenderFlags) => setCode(await render(inputs, flags, program.opts().debug === true, io)));
}

async function render(inputs: string[], flags: RenderFlags, debug: boolean, io: Io): Promise<number> {
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  const dirs = templateDirs(flags);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError('--jobs cần một số nguyên ≥ 1');
  if (flags.output && flags.outDir) throw new UsageError('dùng -o hoặc --out-dir, không dùng cả hai');
  const numberFrom = numberFromFlag(flags);
  // Ctrl-C while the modules load (a few hundred ms): without a listener Node would die without a word; noted
  // instead, so the run stops before writing and says so. runRender listens from its first line on, and this
  // listener goes only after that: a Ctrl-C caught while no listener is left would be dropped by Node.
  const starting = new AbortController();
  const onSigint = () => starting.abort();
  process.on('SIGINT', onSigint);
  let stylish, running;
  const steps: import('../../pipeline/steps.js').OutputStep[] = [];
  try {
    const { runRender } = await import('../../pipeline/run.js');
    const own = dirs.length ? await userTemplates(dirs) : undefined;
    ({ stylish } = await import('../../report/stylish.js'));
    if (flags.register) {
      const { RegisterStep } = await import('../../register/step.js');
      steps.push(new RegisterStep(flags.register, numberFrom, !!flags.force));
    }
    running = runRender(inputs, {
      signal: starting.signal,
      output: flags.output, outDir: flags.outDir, force: !!flags.force, failFast: !!flags.failFast,
      templateDirs: dirs, userTemplates: own?.names ?? [], templates: own?.templates, jobs, progress: !flags.quiet && !!io.stderr.isTTY ? io.stderr : undefined, env: io.env,
      pdf: !!flags.pdf, steps,
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  const summary = await running;
  if (flags.output && summary.written.length + summary.failed > 1) {
    // Checked after loading because only then do we know how many letters the inputs hold.
    throw new UsageError('-o chỉ dùng khi đầu vào có đúng một công văn; với nhiều công văn hãy dùng --out-dir');
  }
  if (summary.problems.length) {
    const { mergeRepeats } = await import('../../problem.js');
    io.stderr.write(`${await stylish(mergeRepeats(summary.problems), { color: useColor(io.stderr, io.env) })}\n`);
  }
  // A letter that failed on a bug (not on its data): ask for a report; the details only with --debug.
  if (summary.internal.length) io.stderr.write(`${INTERNAL_MESSAGE}\n`);
  if (debug) for (const d of summary.internal) io.stderr.write(`${d}\n`);
  if (debug) io.stderr.write(`early=${summary.sentEarly ?? 0}\n`);
  const pdf = summary.pdf;
  if (pdf?.fatal) io.stderr.write(`cchc: ${pdf.fatal}\n`);
  const stopped = summary.interrupted ? ' — đã dừng giữa chừng (Ctrl-C); các tệp đã ghi đều hoàn chỉnh' : '';
  const pdfPart = !pdf ? '' : pdf.fatal ? ', chưa tạo PDF' : `, ${pdf.written.length} PDF`;
  const failed = summary.failed + (pdf?.failed ?? 0);
  const line = `Đã ghi ${summary.written.length} tệp${pdfPart}, lỗi ${failed}, ${summary.seconds.toFixed(2)} s${stopped}`;
  if (summary.written.length === 1 && failed === 0 && !pdf?.fatal && !flags.quiet) {
    io.stderr.write(`${summary.written[0]}\n`);
    if (pdf?.written.length === 1) io.stderr.write(`${pdf.written[0]}\n`);
  }
  io.stderr.write(`${line}\n`);
  if (summary.internal.length) return EXIT.internal;
  if (summary.interrupted) return 130;
  return failed > 0 || pdf?.fatal ? EXIT.problems : EXIT.ok;
}

/** --number-from: a whole number ≥ 1, or "auto"; only with --register (a number given must be in the register). */
function numberFromFlag(flags: RenderFlags): number | 'auto' | undefined {
  if (flags.numberFrom === undefined) return undefined;
  if (!flags.register) throw new UsageError('--number-from cần --register: số đã cấp phải được ghi vào sổ đăng ký văn bản đi');
  if (flags.numberFrom === 'auto') return 'auto';
  if (!/^\d{1,9}$/.test(flags.numberFrom) || Number(flags.numberFrom) < 1) throw new UsageError('--number-from cần một số nguyên ≥ 1, hoặc auto');
  return Number(flags.numberFrom);
}
