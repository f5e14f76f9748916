import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import type { CchcCommand } from '../vi.js';

export function registerSchema(program: CchcCommand, setCode: (c: number) => void, io: Io): void {
  program
    .command('schema')
    .description('in JSON Schema (draft-07) của tệp công văn, sinh từ hợp đồng dữ liệu; dùng cho trình soạn thảo (yaml-language-server)')
    .examples([
      ['cchc schema > letter.schema.json', 'lưu JSON Schema vào tệp'],
      ['# yaml-language-server: $schema=letter.schema.json', 'dòng đầu tệp YAML để VS Code gợi ý và kiểm tra'],
    ])
    .action(async () => {
      const { letterJsonSchemaText } = await import('../../schema/json-schema.js');
      io.stdout.write(letterJsonSchemaText());
      setCode(EXIT.ok);
    });
}
