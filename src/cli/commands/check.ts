import { Option } from 'commander';
import { FORMATS, type Format } from '../../report/index.js';
import { EXIT, UsageError } from '../exit.js';
import { useColor, type Io } from '../io.js';
import type { CchcCommand } from '../vi.js';

interface CheckFlags { format: Format; rules?: boolean; checks?: boolean }

export function registerCheck(program: CchcCommand, setCode: (c: number) => void, io: Io): void {
  program
    .command('check')
    .description('chấm một hoặc nhiều tệp DOCX hoặc PDF (do cchc, Word hay công cụ khác tạo) theo thể thức Nghị định 30/2020')
    .argument('[tệp...]', 'tệp .docx hoặc .pdf')
    .addOption(new Option('--format <dạng>', 'dạng kết quả').choices(FORMATS).default('stylish'))
    .option('--rules', 'liệt kê các điểm kiểm tra: mã, DOCX/PDF, điều khoản của Nghị định, mô tả')
    .addOption(new Option('--checks', 'như --rules').hideHelp())
    .examples([
      ['cchc check cong-van.docx', 'chấm một tệp'],
      ['cchc check cong-van.pdf docx/*.docx --format json', 'chấm nhiều tệp, kết quả JSON'],
      ['cchc check --rules', 'liệt kê các điểm kiểm tra'],
    ])
    .action(async (files: string[], flags: CheckFlags) => setCode(await check(files, flags, io)));
}

async function check(files: string[], flags: CheckFlags, io: Io): Promise<number> {
  if (flags.rules || flags.checks) {
    if (files.length) throw new UsageError('--rules không đi kèm tệp; chạy riêng: cchc check --rules');
    io.stdout.write(`${await listRules(flags.format)}\n`);
    return EXIT.ok;
  }
  if (!files.length) throw new UsageError('cần ít nhất một tệp .docx hoặc .pdf, ví dụ: cchc check cong-van.docx');
  const [{ checkFile }, { formatProblems }] = await Promise.all([import('../../check/index.js'), import('../../report/index.js')]);
  // One file at a time: checking is CPU work, and a thousand files read at once would only hold their bytes.
  const problems = [];
  for (const f of files) problems.push(...(await checkFile(f)));
  const out = await formatProblems(flags.format, { problems, files, color: useColor(io.stdout, io.env) });
  if (out) io.stdout.write(`${out}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (flags.format === 'stylish') {
    const warnings = problems.length - errors;
    io.stderr.write(errors + warnings === 0 ? `Đúng thể thức (${files.length} tệp)\n` : `${errors} lỗi, ${warnings} cảnh báo (${files.length} tệp)\n`);
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

/** `--rules`: every check of DOCX and PDF letters, as a table or JSON. */
async function listRules(format: Format): Promise<string> {
  const [{ rules }, { CLAUSE_LEGEND }] = await Promise.all([import('../../check/index.js'), import('../../decree/nd30.js')]);
  const all = await rules();
  if (format === 'json') return JSON.stringify(all, null, 2);
  const w = Math.max(...all.map((r) => r.id.length));
  const c = Math.max(...all.map((r) => r.clause.length));
  const mark = (on: boolean) => (on ? '✓' : '-');
  return [
    `${'mã'.padEnd(w)}  DOCX PDF  ${'điều khoản'.padEnd(c)}  kiểm tra`,
    ...all.map((r) => `${r.id.padEnd(w)}  ${mark(r.docx).padEnd(4)} ${mark(r.pdf).padEnd(3)}  ${r.clause.padEnd(c)}  ${r.doc}`),
    '',
    CLAUSE_LEGEND,
  ].join('\n');
}
