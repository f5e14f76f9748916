import { Option } from 'commander';
import { FORMATS, type Format } from '../../report/index.js';
import { EXIT, UsageError } from '../exit.js';
import { templateDirs, userTemplates } from '../templates.js';
import { useColor, type Io } from '../io.js';
import { problemSummary } from '../summary.js';
import type { CchcCommand } from '../vi.js';

interface ValidateFlags { format: Format; maxWarnings?: string; rules?: boolean; templateDir?: string[]; templates?: string[] }

export function registerValidate(program: CchcCommand, setCode: (c: number) => void, io: Io): void {
  program
    .command('validate')
    .description('kiểm tra tệp YAML (cú pháp, hợp đồng dữ liệu, quy tắc ND30) mà không tạo DOCX; dùng cho CI và trình soạn thảo')
    .argument('[tệp...]', 'tệp .yaml/.yml hoặc thư mục')
    .addOption(new Option('--format <dạng>', 'dạng kết quả').choices(FORMATS).default('stylish'))
    .option('--max-warnings <số>', 'báo lỗi (mã thoát 1) khi có nhiều hơn <số> cảnh báo')
    .option('--rules', 'liệt kê các quy tắc: mã, mức độ, mô tả')
    .option('-t, --template-dir <thư-mục...>', 'thư mục chứa mẫu nội dung .hbs của đơn vị (tên mẫu trong đó được coi là có)')
    .addOption(new Option('--templates <thư-mục...>').hideHelp())
    .examples([
      ['cchc validate letters/', 'mọi tệp .yaml/.yml trong thư mục'],
      ['cchc validate letters/ --format github', 'chú thích trên dòng lỗi trong GitHub Actions'],
      ['cchc validate --rules', 'liệt kê các quy tắc'],
    ])
    .action(async (inputs: string[], flags: ValidateFlags) => setCode(await validate(inputs, flags, io)));
}

async function validate(inputs: string[], flags: ValidateFlags, io: Io): Promise<number> {
  if (flags.rules) {
    if (inputs.length) throw new UsageError('--rules không đi kèm tệp; chạy riêng: cchc validate --rules');
    io.stdout.write(`${await listRules(flags.format)}\n`);
    return EXIT.ok;
  }
  if (!inputs.length) throw new UsageError('cần ít nhất một tệp hoặc thư mục, ví dụ: cchc validate letters/');
  const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
  if (maxWarnings !== undefined && (!/^\d+$/.test(flags.maxWarnings!) || !Number.isSafeInteger(maxWarnings))) {
    throw new UsageError('--max-warnings cần một số nguyên ≥ 0');
  }
  const dirs = templateDirs(flags);
  const own = dirs.length ? await userTemplates(dirs) : undefined;

  const [{ validateInputs, countProblems }, { formatProblems }] = await Promise.all([
    import('../../validate/files.js'), import('../../report/index.js'),
  ]);
  const { files, letters, problems } = await validateInputs(inputs, { userTemplates: own?.names ?? [], templates: own?.templates });
  const { errorCount, warningCount } = countProblems(problems);
  const out = await formatProblems(flags.format, { problems, files, color: useColor(io.stdout, io.env) });
  if (out) io.stdout.write(`${out}\n`);

  const tooManyWarnings = maxWarnings !== undefined && warningCount > maxWarnings;
  // Files and letters both: a batch file holds many letters, a file that cannot be read holds none.
  if (flags.format === 'stylish') io.stderr.write(`${problemSummary(errorCount, warningCount, `${files.length} tệp, ${letters} công văn`)}\n`);
  if (tooManyWarnings) io.stderr.write(`cchc: có ${warningCount} cảnh báo, nhiều hơn --max-warnings ${maxWarnings}\n`);
  return errorCount > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
}


/** `--rules`: every lint rule, then the checks built into reading a file, as a table or JSON. */
async function listRules(format: Format): Promise<string> {
  const [{ RULES }, { BUILTIN_PROBLEMS }] = await Promise.all([import('../../rules/index.js'), import('../../rules/builtin.js')]);
  const rows = [
    ...RULES.map((r) => ({ id: r.id, severity: r.severity, kind: 'rule', doc: r.doc })),
    ...BUILTIN_PROBLEMS.map((p) => ({ id: p.id, severity: p.severity, kind: 'builtin', doc: p.doc })),
  ];
  if (format === 'json') return JSON.stringify(rows, null, 2);
  const w = Math.max(...rows.map((r) => r.id.length));
  const line = (r: (typeof rows)[number]) => `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.doc}`;
  return [
    'Quy tắc (rules):',
    ...rows.filter((r) => r.kind === 'rule').map(line),
    '',
    'Kiểm tra khi đọc tệp (built-in):',
    ...rows.filter((r) => r.kind === 'builtin').map(line),
  ].join('\n');
}
