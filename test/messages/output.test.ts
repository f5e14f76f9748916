import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installHint, findSoffice } from '../../src/steps/libreoffice/soffice.js';
import { problemSummary, renderSummary, type RenderCounts } from '../../src/cli/summary.js';
import { BIN, example, ROOT, run } from '../helpers.js';
import { batch, entry, single, workspace } from '../pipeline/support.js';

// Output problems are shown on the output path; summaries count what happened; init makes folders safely;
// the LibreOffice hint fits the user's system.

const LETTER = example('kien-luong-2020.yaml');
/** A stylish line on a YAML position: "file.yaml:12:3  error". */
const ON_YAML_LINE = /\.yaml:\d+:\d+ {2}error/;

describe('output problems name the output path, not a line of the YAML', () => {
  it('a file already there: "k.docx  error  đã có tệp này …", with the letter it was for', async () => {
    const dir = workspace({ 'k.yaml': single('Sở Tài chính'), 'k.docx': 'của người khác' });
    const r = await run(['render', 'k.yaml', '-o', 'k.docx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('k.docx  error  đã có tệp này; thêm --force để ghi đè, hoặc đặt tên khác (công văn k.yaml)  (output-exists)');
    expect(r.stderr).not.toMatch(ON_YAML_LINE);
  });

  it('in a batch, the entry is named by its place', async () => {
    const dir = workspace({ 'dot.yaml': batch([entry('Sở A'), entry('Sở B')]) });
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'so-b.docx'), 'x');
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.stderr).toContain(`${join('out', 'so-b.docx')}  error  đã có tệp này; thêm --force để ghi đè, hoặc đặt tên khác (công văn mục 2 của dot.yaml)`);
  });

  it('a write that fails (the name is a folder) is said on the path', async () => {
    const dir = workspace({ 'k.yaml': single('Sở Tài chính') });
    mkdirSync(join(dir, 'out', 'k.docx'), { recursive: true });
    const r = await run(['render', 'k.yaml', '--out-dir', 'out', '--force'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join('out', 'k.docx')}  error  đây là một thư mục, không ghi tệp vào đó được (công văn k.yaml)  (io)`);
    expect(r.stderr).not.toMatch(ON_YAML_LINE);
  });

  it('-o into a folder that cannot be made is said on the path, and ends at once', async () => {
    const dir = workspace({ 'k.yaml': single('Sở Tài chính') });
    const r = await run(['render', 'k.yaml', '-o', '/proc/khong-co/k.docx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\/proc\/khong-co\/k\.docx {2}error {2}không tạo được thư mục: /m);
  });
});

describe('-o into a missing folder behaves as --out-dir does', () => {
  it('makes the folders and writes the file', async () => {
    const dir = workspace();
    const r = await run(['render', LETTER, '-o', join(dir, 'moi', 'sau', 'thu.docx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'moi', 'sau'))).toEqual(['thu.docx']);
    const same = await run(['render', LETTER, '--out-dir', join(dir, 'khac', 'sau')]);
    expect(same.code).toBe(0);
    expect(readdirSync(join(dir, 'khac', 'sau'))).toEqual(['kien-luong-2020.docx']);
  });

  it('makes no folder for a letter that is not written', async () => {
    const dir = workspace({ 'k.yaml': single('Sở Tài chính').replace(/^symbol:.*$/m, '') });
    const r = await run(['render', 'k.yaml', '-o', 'moi/thu.docx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'moi'))).toBe(false);
  });
});

describe('summaries that match what happened', () => {
  const base: RenderCounts = { written: 0, letters: 0, failedLetters: 0, unreadable: 0, errors: 0, warnings: 0, seconds: 0.5, interrupted: false };

  it('says DOCX files against letters, failed letters, unreadable inputs, PDFs and the problems once each', () => {
    expect(renderSummary({ ...base, written: 3, letters: 3 })).toBe('Đã ghi 3 tệp DOCX (3/3 công văn); 0.50 s');
    expect(renderSummary({ ...base, written: 8, letters: 10, failedLetters: 2, errors: 3, warnings: 1 }))
      .toBe('Đã ghi 8 tệp DOCX (8/10 công văn); 2 công văn có lỗi nên không ghi; 3 lỗi, 1 cảnh báo; 0.50 s');
    expect(renderSummary({ ...base, unreadable: 1, errors: 1 })).toBe('Không ghi tệp nào; 1 tệp đầu vào không đọc ra được công văn nào; 1 lỗi; 0.50 s');
    expect(renderSummary({ ...base, written: 3, letters: 3, pdf: { written: 2, failed: 1, none: false }, errors: 1 }))
      .toBe('Đã ghi 3 tệp DOCX và 2 tệp PDF (3/3 công văn); 1 tệp PDF không tạo được; 1 lỗi; 0.50 s');
    expect(renderSummary({ ...base, written: 3, letters: 3, pdf: { written: 0, failed: 0, none: true }, errors: 1 }))
      .toBe('Đã ghi 3 tệp DOCX (3/3 công văn); chưa tạo PDF nào; 1 lỗi; 0.50 s');
    expect(renderSummary({ ...base, written: 4, letters: 10, interrupted: true }))
      .toBe('Đã ghi 4 tệp DOCX (4/10 công văn); 6 công văn chưa ghi; 0.50 s — đã dừng giữa chừng (Ctrl-C); các tệp đã ghi đều hoàn chỉnh');
    expect(problemSummary(0, 0, '2 tệp, 5 công văn')).toBe('Không có lỗi (2 tệp, 5 công văn)');
    expect(problemSummary(0, 2, '1 tệp')).toBe('Không có lỗi, 2 cảnh báo (1 tệp)');
    expect(problemSummary(3, 0, '1 tệp')).toBe('3 lỗi (1 tệp)');
  });

  it('cchc render: a batch with one bad entry among three, an unreadable file, and a warning', async () => {
    const dir = workspace({
      'dot.yaml': batch([entry('Sở A'), entry('Sở B').replace('number: 1', 'number: -1'), entry('Sở C', ['signer: { title: CHỦ TỊCH, name: LÂM MINH THÀNH }'])]),
      'hong.yaml': 'subject: "chưa đóng\n',
    });
    const r = await run(['render', 'dot.yaml', 'hong.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const problems = lines.filter((l) => /  (error|warning)  /.test(l));
    expect(problems.filter((l) => l.includes('  error  '))).toHaveLength(2);
    const warnings = problems.filter((l) => l.includes('  warning  ')).length;
    expect(lines.at(-1)).toMatch(new RegExp(`^Đã ghi 2 tệp DOCX \\(2/3 công văn\\); 1 công văn có lỗi nên không ghi; 1 tệp đầu vào không đọc ra được công văn nào; 2 lỗi, ${warnings} cảnh báo; \\d+\\.\\d\\d s$`));
    expect(warnings).toBeGreaterThanOrEqual(1);
  });

  it('cchc validate counts files and letters', async () => {
    const dir = workspace({ 'dot.yaml': batch([entry('Sở A'), entry('Sở B'), entry('Sở C')]), 'k.yaml': single('Sở D') });
    const r = await run(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('Không có lỗi (2 tệp, 4 công văn)');
  });
});

describe('cchc init makes folders the safe way', () => {
  // The process itself is under test: before the fix it never returned (Node's recursive mkdir loops on /proc).
  it.runIf(existsSync('/proc/self'))('cchc init /proc/nope/x/a.yaml ends at once with a clear message, exit 1', () => {
    const r = spawnSync(process.execPath, [BIN, 'init', '/proc/nope/x/a.yaml'], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('/proc/nope/x/a.yaml  error  không tạo được thư mục: hệ thống tệp không cho tạo thư mục /proc/nope');
  });

  it('a file already there is named, exit 1', async () => {
    const dir = workspace({ 'a.yaml': 'x: 1\n' });
    const r = await run(['init', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('a.yaml  error  đã có tệp này; thêm --force để ghi đè, hoặc đặt tên khác');
  });
});

describe('the LibreOffice hint fits the user\'s own system', () => {
  it('Windows, macOS, FreeBSD and the Linux families each get their own way', () => {
    expect(installHint('win32')).toMatch(/bộ cài LibreOffice cho Windows tại https:\/\/www\.libreoffice\.org\/download\//);
    expect(installHint('darwin')).toContain('brew install --cask libreoffice');
    expect(installHint('freebsd')).toContain('sudo pkg install libreoffice');
    expect(installHint('linux', 'ID=ubuntu\nID_LIKE=debian\n')).toContain('sudo apt-get install libreoffice-writer-nogui');
    expect(installHint('linux', 'ID=fedora\n')).toContain('sudo dnf install libreoffice-writer');
    expect(installHint('linux', 'ID="opensuse-leap"\nID_LIKE="suse opensuse"\n')).toContain('sudo zypper install libreoffice-writer');
    expect(installHint('linux', 'ID=arch\n')).toContain('sudo pacman -S libreoffice-fresh');
    expect(installHint('linux', 'ID=alpine\n')).toContain('apk add libreoffice-writer');
    expect(installHint('linux', 'ID=nixos\n')).not.toContain('apt-get');
  });

  it('the message when soffice is not found carries the hint for the platform asked about', () => {
    const mac = findSoffice({ PATH: '/nonexistent' }, 'darwin');
    expect('error' in mac && mac.error).toContain('brew install --cask libreoffice');
    const win = findSoffice({ PATH: 'C:\\nope' }, 'win32');
    expect('error' in win && win.error).toContain('bộ cài LibreOffice cho Windows');
  });
});
