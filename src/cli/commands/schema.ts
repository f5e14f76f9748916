import type { Command } from 'commander';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';

export function registerSchema(program: Command, setCode: (c: number) => void, io: Io): void {
  program
    .command('schema')
    .description('in JSON Schema (draft-07) của tệp công văn, sinh từ hợp đồng dữ liệu; dùng cho trình soạn thảo (yaml-language-server)')
    .action(async () => {
      const { letterJsonSchemaText } = await import('../../schema/json-schema.js');
      io.stdout.write(letterJsonSchemaText());
      setCode(EXIT.ok);
    });
}
