import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { DEFAULTS, batch, entry, errorLines, filesIn, lineOf, workspace } from './support.js';

/** Runs a batch and returns its error lines as { line, text }. */
async function errorsOf(yaml: string) {
  const dir = workspace({ 'dot.yaml': yaml });
  const out = join(dir, 'out');
  const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]);
  const errors = errorLines(r.stderr).map((text) => ({ line: Number(/dot\.yaml:(\d+):\d+/.exec(text)![1]), text }));
  return { r, errors, out };
}

describe('errors located where the offending value was written', () => {
  it('an invalid symbol in defaults is reported at the defaults line, once, with how many entries inherit it', async () => {
    const defaults = DEFAULTS.replace('symbol: UBND-NC', 'symbol: ubnd nc');
    const yaml = batch([entry('Sở Tài chính'), entry('Sở Tư pháp', ['symbol: UBND-VX']), entry('Sở Y tế')], defaults);
    const { r, errors, out } = await errorsOf(yaml);
    expect(r.code).toBe(1);
    const symbolLine = lineOf(yaml, 'symbol: ubnd nc');
    expect(symbolLine).toBeLessThan(lineOf(yaml, 'letters:'));
    expect(errors.map((e) => e.line)).toEqual([symbolLine]);
    expect(errors[0]!.text).toMatch(/\(ở 2 công văn\) +\(symbol-format\)/);
    // The entry that wrote its own, valid symbol is not affected.
    expect(filesIn(out)).toEqual(['so-tu-phap.docx']);
  });

  it("an invalid value an entry writes over a valid default is reported at the entry's line", async () => {
    const yaml = batch([entry('Sở Tài chính'), entry('Sở Tư pháp', ['symbol: ubnd vx'])]);
    const { errors, out } = await errorsOf(yaml);
    expect(errors.map((e) => e.line)).toEqual([lineOf(yaml, 'symbol: ubnd vx')]);
    expect(filesIn(out)).toEqual(['so-tai-chinh.docx']);
  });

  it("a typo'd key in entry 3 is reported at that entry's line, with a did-you-mean", async () => {
    const yaml = batch([entry('Sở Tài chính'), entry('Sở Tư pháp'), entry('Sở Y tế', ['dealine: 2020-12-29'])]);
    const { r, errors, out } = await errorsOf(yaml);
    expect(r.code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(lineOf(yaml, 'dealine:'));
    expect(errors[0]!.text).toContain('"deadline"');
    expect(errors[0]!.text).toContain('(unknown-key)');
    expect(filesIn(out)).toEqual(['so-tai-chinh.docx', 'so-tu-phap.docx']);
  });

  it('an unknown key in defaults is reported at the defaults line, once for all the entries it stops', async () => {
    const yaml = batch([entry('Sở Tài chính'), entry('Sở Tư pháp')], `${DEFAULTS}  sginer: { name: X }\n`);
    const { errors, out } = await errorsOf(yaml);
    expect(errors.map((e) => e.line)).toEqual([lineOf(yaml, 'sginer:')]);
    expect(errors[0]!.text).toMatch(/\(ở 2 công văn\)/);
    expect(filesIn(out)).toEqual([]);
  });

  it('a nested field inherited from defaults (signer.title) is located in defaults, the entry-written sibling in the entry', async () => {
    const defaults = DEFAULTS.replace('signer: { title: CHỦ TỊCH, name: Lâm Minh Thành }', 'signer:\n    title: ""\n    name: Lâm Minh Thành');
    const yaml = batch([entry('Sở Tài chính', ['signer: { name: "" }'])], defaults);
    const { errors } = await errorsOf(yaml);
    expect(errors.map((e) => e.line).sort((a, b) => a - b)).toEqual([lineOf(yaml, 'title: ""'), lineOf(yaml, 'signer: { name: "" }')]);
    expect(errors.find((e) => e.line === lineOf(yaml, 'title: ""'))!.text).toContain('signer.title');
    expect(errors.find((e) => e.line !== lineOf(yaml, 'title: ""'))!.text).toContain('signer.name');
  });

  it('a field missing from both is reported at the start of the entry', async () => {
    const e2 = entry('Sở Tư pháp').replace(/ {4}tasks: .*\n/, '');
    const yaml = batch([entry('Sở Tài chính'), e2]);
    const { errors } = await errorsOf(yaml);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(lineOf(yaml, '- to: [Thủ trưởng Sở Tư pháp]'));
    expect(errors[0]!.text).toContain('tasks');
  });

  it('an entry that is not a group of fields is an error at its line; the others are written', async () => {
    const yaml = `${batch([entry('Sở Tài chính')])}  - just a string\n`;
    const { r, errors, out } = await errorsOf(yaml);
    expect(r.code).toBe(1);
    expect(errors.map((e) => e.line)).toEqual([lineOf(yaml, '- just a string')]);
    expect(filesIn(out)).toEqual(['so-tai-chinh.docx']);
  });

  it('a bad batch file (letters not a list, an unknown top-level key) is one failure at its line', async () => {
    const yaml = `${DEFAULTS}leters: []\nletters: oops\n`;
    const { r, errors } = await errorsOf(yaml);
    expect(r.code).toBe(1);
    expect(errors.map((e) => e.line)).toEqual([lineOf(yaml, 'leters:'), lineOf(yaml, 'letters: oops')]);
    expect(r.stderr).toMatch(/Không ghi tệp nào; 1 tệp đầu vào không đọc ra được công văn nào; 2 lỗi;/);
  });
});
