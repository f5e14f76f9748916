import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers.js';

const BATCH = `defaults:
  issuer: { name: UBND TỈNH X, short: UBND tỉnh, place: X }
  symbol: UBND-NC
  signer: { title: CHỦ TỊCH, name: Lê Văn A }
  archive: [VT]
  inspection: { year: 2020, report: { number: 1, symbol: BC-ĐKT, date: 2020-11-30 } }
  tasks: [Làm tốt.]
letters:
  - to: [A]
    subject: s
    inspection: { unit: Sở Tài chính }
  - to: [B]
    subject: s
    inspection: { unit: Sở Tài Chính }
  - to: [C]
    subject: s
    output: ../x.docx
    inspection: { unit: C }
  - to: [D]
    subject: s
    inspection: { unit: D }
`;

describe('validate checks output names as render would', () => {
  it('reports two letters on one name and a name outside the folder, at their entries', async () => {
    const dir = tempDir();
    const file = join(dir, 'dot.yaml');
    writeFileSync(file, BATCH);
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/dot\.yaml:9:5 +error +output: 2 công văn cùng ghi vào .*so-tai-chinh\.docx.*\(output-collision\)/);
    expect(lines[1]).toMatch(/dot\.yaml:12:5 +error .*\(output-collision\)/);
    expect(lines[2]).toMatch(/dot\.yaml:17:13 +error +output: tên tệp đầu ra "\.\.\/x\.docx" ra ngoài.*\(output-path\)/);
  });

  it('does not treat an existing output file as a problem (render --force decides)', async () => {
    const dir = tempDir();
    const file = join(dir, 'dot.yaml');
    writeFileSync(file, BATCH.replace('Sở Tài Chính', 'Sở Nội vụ').replace('output: ../x.docx', 'output: c.docx'));
    writeFileSync(join(dir, 'c.docx'), 'old');
    const r = await run(['validate', file]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('treats names that differ only in case as one file (Windows, macOS)', async () => {
    const dir = tempDir();
    const file = join(dir, 'dot.yaml');
    writeFileSync(file, BATCH.replace('output: ../x.docx', 'output: Ban-C.docx').replace('inspection: { unit: D }', 'output: ban-c.docx\n    inspection: { unit: D }').replace('Sở Tài Chính', 'Sở Nội vụ'));
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/\(output-collision\)/g)).toHaveLength(2);
  });
});
