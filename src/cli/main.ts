import { CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerInit } from './commands/init.js';
import { registerRender } from './commands/render.js';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { EXIT, INTERNAL_MESSAGE, UsageError } from './exit.js';
import { processIo, type Io, type OutStream } from './io.js';

export { processIo };
import { CchcCommand, examples, HELP } from './vi.js';

/**
 * Commander wiring only. Each command lives in ./commands and imports its heavy modules (docx, zod,
 * handlebars) inside its action, so `cchc --help` and a usage error stay instant.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = new CchcCommand('cchc')
    .description('Công văn chỉ đạo sau kiểm tra CCHC: YAML → DOCX đúng Nghị định 30/2020/NĐ-CP')
    .version('0.1.0', '-V, --version', 'in số phiên bản của cchc')
    .helpOption('-h, --help', 'in hướng dẫn này')
    .helpCommand('help [lệnh]', 'in hướng dẫn của một lệnh')
    .configureHelp(HELP)
    .option('--debug', 'in chi tiết lỗi nội bộ (để báo lỗi)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(s) })
    .addHelpText('after', examples([
      ['cchc init thu-moi.yaml', 'tạo một công văn mẫu để sửa'],
      ['cchc validate letters/', 'kiểm tra mọi tệp YAML trong thư mục'],
      ['cchc render letters/ --out-dir docx/', 'tạo các tệp DOCX'],
    ]) + '\nXem hướng dẫn của từng lệnh: cchc <lệnh> --help, ví dụ cchc render --help\n');
  let code: number = EXIT.ok;
  const setCode = (c: number) => { code = Math.max(code, c); };
  registerRender(program, setCode, io);
  registerValidate(program, setCode, io);
  registerSchema(program, setCode, io);
  registerInit(program, setCode, io);
  registerCheck(program, setCode, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) { io.stderr.write(`cchc: ${e.message}\n`); return EXIT.usage; }
    reportInternal(e, argv.includes('--debug'), io.stderr);
    return EXIT.internal;
  }
}

/** A bug, not the user's fault: one line asking for a report; the stack only with --debug. */
export function reportInternal(e: unknown, debug: boolean, stderr: OutStream = process.stderr): void {
  stderr.write(`${INTERNAL_MESSAGE}\n`);
  if (debug) stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
}
