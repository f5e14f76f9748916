import { Option } from 'commander';
import { FORMATS, type Format } from '../../report/index.js';
import { EXIT, UsageError } from '../exit.js';
import { useColor, type Io } from '../io.js';
import { problemSummary } from '../summary.js';
import type { CchcCommand } from '../vi.js';

interface CheckFlags { format: Format; checks?: boolean }

export function registerCheck(program: CchcCommand, setCode: (c: number) => void, io: Io): void {
  program
    .command('check')
    .description('chấm một hoặc nhiều tệp DOCX (do cchc, Word hay công cụ khác tạo) theo thể thức Nghị định 30/2020')
    .argument('[tệp...]', 'tệp .docx')
    .addOption(new Option('--format <dạng>', 'dạng kết quả').choices(FORMATS).default('stylish'))
    .option('--checks', 'liệt kê các điểm kiểm tra')
    .examples([
      ['cchc check cong-van.docx', 'chấm một tệp'],
      ['cchc check docx/*.docx --format json', 'chấm nhiều tệp, kết quả JSON'],
      ['cchc check --checks', 'liệt kê các điểm kiểm tra'],
    ])
    .action(async (files: string[], flags: CheckFlags) => setCode(await check(files, flags, io)));
}

async function check(files: string[], flags: CheckFlags, io: Io): Promise<number> {
  const { checkFile, CHECKS } = await import('../../check/index.js');
  if (flags.checks) {
    const w = Math.max(...CHECKS.map((c) => c.id.length));
    io.stdout.write(`${CHECKS.map((c) => `${c.id.padEnd(w)}  ${c.doc}`).join('\n')}\n`);
    return EXIT.ok;
  }
  if (!files.length) throw new UsageError('cần ít nhất một tệp .docx, ví dụ: cchc check cong-van.docx');
  const { formatProblems } = await import('../../report/index.js');
  const problems = (await Promise.all(files.map((f) => checkFile(f)))).flat();
  const out = await formatProblems(flags.format, { problems, files, color: useColor(io.stdout, io.env) });
  if (out) io.stdout.write(`${out}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (flags.format === 'stylish') {
    const warnings = problems.length - errors;
    io.stderr.write(`${problemSummary(errors, warnings, `${files.length} tệp`, 'Đúng thể thức')}\n`);
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}
