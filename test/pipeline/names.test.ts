import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confine, outputName, slugify } from '../../src/pipeline/names.js';
import { run } from '../helpers.js';
import { SUMMARY, allFilesIn, batch, docText, entry, errorLines, filesIn, lineOf, workspace } from './support.js';

describe('slugify', () => {
  it.each([
    ['UBND huyện Kiên Lương', 'ubnd-huyen-kien-luong'],
    ['Sở Tài chính', 'so-tai-chinh'],
    ['Đoàn Kiểm tra', 'doan-kiem-tra'],
    ['Phòng đăng ký đất đai', 'phong-dang-ky-dat-dai'],
    ['ĐẢNG ỦY KHỐI', 'dang-uy-khoi'],
    ['Ban Quản lý Khu kinh tế tỉnh', 'ban-quan-ly-khu-kinh-te-tinh'],
    ['Sở Thông tin và Truyền thông', 'so-thong-tin-va-truyen-thong'],
    ['  Sở   Tư pháp (cũ) / 2020  ', 'so-tu-phap-cu-2020'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives the same name for composed (NFC) and decomposed (NFD) text', () => {
    const nfc = 'UBND huyện Kiên Lương'.normalize('NFC');
    expect(slugify(nfc.normalize('NFD'))).toBe(slugify(nfc));
  });

  it('keeps only a-z, 0-9 and single hyphens, never starting or ending with one', () => {
    for (const s of ['Ủy ban nhân dân — xã Ơ Rê', '«Trường THPT số 1»', 'Chi cục Thuế khu vực I–II', 'A_B.C']) {
      expect(slugify(s)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('falls back to "cong-van" when nothing is left, and caps long names', () => {
    expect(slugify('—…')).toBe('cong-van');
    const long = slugify('Ủy ban nhân dân '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).not.toMatch(/-$/);
  });
});

describe('outputName', () => {
  it('uses the entry output, adding .docx when missing', () => {
    expect(outputName({ output: 'kien-luong.docx', inspection: { unit: 'X' } })).toBe('kien-luong.docx');
    expect(outputName({ output: 'kien-luong' })).toBe('kien-luong.docx');
  });

  it('else the slug of inspection.unit, else of the first recipient', () => {
    expect(outputName({ inspection: { unit: 'Sở Tài chính' }, to: ['Giám đốc Sở Nội vụ'] })).toBe('so-tai-chinh.docx');
    expect(outputName({ to: ['Giám đốc Sở Nội vụ', 'B'] })).toBe('giam-doc-so-noi-vu.docx');
  });
});

describe('confine', () => {
  const root = resolve('/srv/out');
  it.each(['../evil.docx', 'a/../../x.docx', '..', '.', '', 'sub/../../x.docx'])('refuses %j (outside or the folder itself)', (name) => {
    expect(confine(root, name)).toHaveProperty('error');
  });

  it('refuses absolute paths, POSIX and Windows', () => {
    expect(confine(root, '/tmp/x.docx')).toHaveProperty('error');
    expect(confine(root, 'C:\\x.docx')).toHaveProperty('error');
    expect(confine(root, 'c:x.docx')).toHaveProperty('error');
  });

  it('places a plain name, a subfolder name, or a harmless ".." inside the folder', () => {
    expect(confine(root, 'a.docx')).toEqual({ path: join(root, 'a.docx') });
    expect(confine(root, 'sub/ok.docx')).toEqual({ path: join(root, 'sub', 'ok.docx') });
    expect(confine(root, 'sub/../ok.docx')).toEqual({ path: join(root, 'ok.docx') });
    expect(confine(root, '..ok.docx')).toEqual({ path: join(root, '..ok.docx') });
  });
});

describe('output names from the CLI', () => {
  it('derives names from inspection.unit (no diacritics, đ → d), honours output, and adds .docx', async () => {
    const yaml = batch([
      entry('UBND huyện Kiên Lương'),
      entry('Sở Tài chính'),
      entry('Ban Quản lý Khu kinh tế tỉnh', ['output: bql-kkt']),
      entry('Phòng Đăng ký đất đai'),
    ]);
    const dir = workspace({ 'dot.yaml': yaml });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(out)).toEqual(['bql-kkt.docx', 'phong-dang-ky-dat-dai.docx', 'so-tai-chinh.docx', 'ubnd-huyen-kien-luong.docx']);
    expect(docText(join(out, 'so-tai-chinh.docx')).join('\n')).toContain('Sở Tài chính');
  });

  it('without --out-dir, writes next to the batch file', async () => {
    const dir = workspace({ 'in/dot.yaml': batch([entry('Sở Tài chính')]) });
    const r = await run(['render', join(dir, 'in', 'dot.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(join(dir, 'in'))).toEqual(['dot.yaml', 'so-tai-chinh.docx']);
  });

  it('falls back to the first recipient when there is no inspection.unit (cong-van template)', async () => {
    const yaml = `${batch([])}  - template: cong-van
    to: [Giám đốc Sở Nội vụ, Giám đốc Sở Tư pháp]
    subject: triển khai nhiệm vụ CCHC năm 2021
    intro: Thực hiện kế hoạch CCHC năm 2021 của tỉnh.
`;
    const dir = workspace({ 'dot.yaml': yaml });
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(join(dir, 'out'))).toEqual(['giam-doc-so-noi-vu.docx']);
  });
});

describe('collisions', () => {
  const yaml = batch([
    entry('Sở Tài chính', [], 1),
    entry('UBND huyện Kiên Lương', [], 2),
    entry('Sở Tài chính', [], 3),
    entry('Sở Tư pháp', [], 4),
  ]);

  it('two entries on one name: both reported at their own lines, neither written, the others written', async () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(filesIn(out)).toEqual(['so-tu-phap.docx', 'ubnd-huyen-kien-luong.docx']);
    const errors = errorLines(r.stderr).filter((l) => l.includes('(output-collision)'));
    const first = lineOf(yaml, '- to: [Thủ trưởng Sở Tài chính]');
    const second = lineOf(yaml, '- to: [Thủ trưởng Sở Tài chính]', first);
    expect(errors.map((l) => Number(/dot\.yaml:(\d+):/.exec(l)![1]))).toEqual([first, second]);
    for (const l of errors) expect(l).toContain('so-tai-chinh.docx');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(SUMMARY);
    expect(SUMMARY.exec(r.stderr.trim().split('\n').at(-1)!)!.slice(1)).toEqual(['2', '2']);
  });

  it('is a collision even with --force, and an explicit output can collide with a derived name', async () => {
    const y = batch([entry('Sở Tài chính'), entry('Sở Tư pháp', ['output: so-tai-chinh'])]);
    const dir = workspace({ 'dot.yaml': y });
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', join(dir, 'out'), '--force']);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr).filter((l) => l.includes('(output-collision)'))).toHaveLength(2);
    expect(filesIn(join(dir, 'out'))).toEqual([]);
  });

  it('with --fail-fast, a collision stops the run before anything is written', async () => {
    const dir = workspace({ 'dot.yaml': yaml });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out, '--fail-fast']);
    expect(r.code).toBe(1);
    expect(filesIn(out)).toEqual([]);
  });

  it('entries of two batch files in one --out-dir collide too, and the message says which file each is in', async () => {
    const dir = workspace({ 'a.yaml': batch([entry('Sở Tài chính')]), 'b.yaml': batch([entry('Sở Tài chính'), entry('Sở Tư pháp')]) });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--out-dir', out]);
    expect(r.code).toBe(1);
    const errors = errorLines(r.stderr).filter((l) => l.includes('(output-collision)'));
    expect(errors.some((l) => l.includes('a.yaml:'))).toBe(true);
    expect(errors.some((l) => l.includes('b.yaml:'))).toBe(true);
    // The message names the file of each letter, since "mục 1" alone is in both.
    for (const l of errors) expect(l).toMatch(/a\.yaml mục 1; .*b\.yaml mục 1\)/);
    expect(filesIn(out)).toEqual(['so-tu-phap.docx']);
  });
});

describe('output paths confined to --out-dir', () => {
  async function renderWithOutput(output: string) {
    const yaml = batch([entry('Sở Tài chính', [`output: ${JSON.stringify(output)}`]), entry('Sở Tư pháp')]);
    const dir = workspace({ 'in/dot.yaml': yaml });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'in', 'dot.yaml'), '--out-dir', out]);
    return { r, dir, out, yaml };
  }

  it.each(['../evil.docx', 'a/../../x.docx', '../in/evil.docx'])('%s is an error for that entry, located at its output line; nothing written outside', async (name) => {
    const { r, dir, out, yaml } = await renderWithOutput(name);
    expect(r.code).toBe(1);
    const errors = errorLines(r.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`dot.yaml:${lineOf(yaml, 'output:')}:`);
    expect(errors[0]).toContain('(output-path)');
    expect(filesIn(out)).toEqual(['so-tu-phap.docx']);
    expect(allFilesIn(dir).filter((f) => !f.startsWith('out/'))).toEqual(['in/dot.yaml']);
  });

  it('an absolute path is an error; no file appears there', async () => {
    const elsewhere = workspace();
    const target = join(elsewhere, 'x.docx');
    const { r, out } = await renderWithOutput(target);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr).join('\n')).toContain('(output-path)');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(filesIn(out)).toEqual(['so-tu-phap.docx']);
  });

  it('a subfolder inside --out-dir is allowed: it is created when missing', async () => {
    const { r, out } = await renderWithOutput('huyen/kien-luong/so-tai-chinh.docx');
    expect(r.code, r.stderr).toBe(0);
    expect(allFilesIn(out)).toEqual(['huyen/kien-luong/so-tai-chinh.docx', 'so-tu-phap.docx']);
    expect(docText(join(out, 'huyen', 'kien-luong', 'so-tai-chinh.docx')).join('\n')).toContain('Sở Tài chính');
  });

  it('a subfolder that cannot be created (a file has its name) fails that entry only, said on its output path', async () => {
    const yaml = batch([entry('Sở Tài chính', ['output: taken/a.docx']), entry('Sở Tư pháp', ['output: taken'])]);
    const dir = workspace({ 'dot.yaml': yaml, 'out/taken': 'not a folder' });
    const out = join(dir, 'out');
    const r = await run(['render', join(dir, 'dot.yaml'), '--out-dir', out]);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.includes('  error  '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/taken\/a\.docx {2}error {2}không tạo được thư mục: .*\(công văn mục 1 của .*dot\.yaml\)/);
    expect(filesIn(out)).toEqual(['taken', 'taken.docx']);
    expect(dirname(join(out, 'taken.docx'))).toBe(out);
  });
});
