import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, run, tempDir } from '../helpers.js';

/**
 * --pdf when things go wrong, without LibreOffice: a stand-in `soffice` (a shell script named by
 * CCHC_SOFFICE) logs how it was called and writes fake PDFs, fails, or hangs on demand.
 */

const EXAMPLE = 'kien-luong-2020.yaml';

const FAKE = `#!/bin/sh
# Stand-in for soffice --convert-to pdf: FAKE_MODE=ok|fail|fail-1|hang; one log line per call.
outdir=""; profile=""; files=""; next=""
for a in "$@"; do
  if [ "$next" = outdir ]; then outdir="$a"; next=""; continue; fi
  case "$a" in
    --outdir) next=outdir ;;
    -env:UserInstallation=*) profile="\${a#-env:UserInstallation=}" ;;
    *.docx) files="$files $a" ;;
  esac
done
echo "profile=$profile files=$(echo $files | wc -w)" >> "$FAKE_LOG"
case "$FAKE_MODE" in
  fail) echo "Error: source file could not be loaded" >&2; exit 1 ;;
  hang) sleep 60 & echo $! > "$FAKE_LOG.child"; wait; exit 0 ;;
esac
for f in $files; do
  b=$(basename "$f" .docx)
  if [ "$FAKE_MODE" = fail-1 ] && [ "$b" = 1 ]; then continue; fi
  printf '%%PDF-1.4\\n%% fake from %s\\n' "$b" > "$outdir/$b.pdf"
done
`;

/** A process that is running (a zombie left for a non-reaping PID 1, as in containers, counts as gone). */
function alive(pid: number): boolean {
  try { process.kill(pid, 0); } catch { return false; }
  try { return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return true; }
}

function setup(): { dir: string; env: Record<string, string>; log: string; tmp: string } {
  const dir = tempDir();
  const fake = join(dir, 'fake-soffice');
  writeFileSync(fake, FAKE);
  chmodSync(fake, 0o755);
  const log = join(dir, 'calls.log');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  // A private TMPDIR shows that every temporary folder (profiles included) is removed afterwards.
  return { dir, log, tmp, env: { CCHC_SOFFICE: fake, FAKE_LOG: log, FAKE_MODE: 'ok', TMPDIR: tmp } };
}

/** A batch of `n` copies of the example (one soffice start for several files). */
function batchFile(dir: string, n: number): string {
  const body = readFileSync(example(EXAMPLE), 'utf8').split('\n').filter((l) => !l.startsWith('#')).map((l) => `  ${l}`).join('\n');
  const letters = Array.from({ length: n }, (_, i) => `  - output: cv-${i}\n    number: ${100 + i}\n`).join('');
  const file = join(dir, 'batch.yaml');
  writeFileSync(file, `defaults:\n${body}\nletters:\n${letters}`);
  return file;
}

describe('cchc render --pdf without LibreOffice', () => {
  it('CCHC_SOFFICE pointing nowhere: one Vietnamese message how to install, exit 1, DOCX still written', async () => {
    const dir = tempDir();
    const r = await run(['render', example(EXAMPLE), '--out-dir', dir, '--pdf', '--pdf-engine', 'libreoffice'], { env: { CCHC_SOFFICE: '/nonexistent', PATH: '/nonexistent' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CCHC_SOFFICE=/nonexistent');
    expect(r.stderr).toContain('apt-get install libreoffice-writer-nogui fonts-liberation2');
    expect(r.stderr.split('\n').filter((l) => l.includes('LibreOffice'))).toHaveLength(1); // one message, not one per file
    expect(existsSync(join(dir, 'kien-luong-2020.docx'))).toBe(true);
    expect(existsSync(join(dir, 'kien-luong-2020.pdf'))).toBe(false);
  });

  it('no soffice on PATH: the same message, exit 1, every DOCX of a batch still written', async () => {
    const { dir } = setup();
    const out = join(dir, 'out');
    const r = await run(['render', batchFile(dir, 3), '--out-dir', out, '--pdf', '--pdf-engine', 'libreoffice'], { env: { CCHC_SOFFICE: '', PATH: '/nonexistent' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không tìm thấy LibreOffice \(lệnh soffice\).*apt-get install libreoffice-writer-nogui fonts-liberation2/);
    expect(r.stderr.split('\n').filter((l) => l.includes('không tìm thấy LibreOffice'))).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual(['cv-0.docx', 'cv-1.docx', 'cv-2.docx']);
  });
});

describe('cchc render --pdf with a stand-in soffice', () => {
  it('converts several files per soffice process, each process with its own profile, and cleans up', async () => {
    const { dir, env, log, tmp } = setup();
    const out = join(dir, 'out');
    const r = await run(['render', batchFile(dir, 7), '--out-dir', out, '--pdf', '--pdf-engine', 'libreoffice'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Đã ghi 7 tệp DOCX và 7 tệp PDF (7/7 công văn); ');
    for (let i = 0; i < 7; i++) expect(readFileSync(join(out, `cv-${i}.pdf`), 'latin1')).toMatch(/^%PDF-1\.4\n% fake from \d+\n$/);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.length).toBeLessThanOrEqual(2); // min(2, cores) processes at most
    const files = calls.map((c) => Number(/files=(\d+)/.exec(c)![1]));
    expect(files.reduce((a, b) => a + b, 0)).toBe(7);
    const profiles = calls.map((c) => /profile=(\S+)/.exec(c)![1]!);
    for (const p of profiles) expect(p).toMatch(/^file:\/\/\//);
    expect(new Set(profiles).size).toBe(calls.length);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('never overwrites an existing PDF without --force, and does with it', async () => {
    const { dir, env } = setup();
    copyFileSync(example(EXAMPLE), join(dir, EXAMPLE));
    const pdf = join(dir, 'kien-luong-2020.pdf');
    writeFileSync(pdf, 'precious');
    const r = await run(['render', join(dir, EXAMPLE), '--pdf', '--pdf-engine', 'libreoffice'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${pdf}  error  đã có tệp này; thêm --force để ghi đè`);
    expect(r.stderr).toContain('(output-exists)');
    expect(readFileSync(pdf, 'utf8')).toBe('precious');
    expect(existsSync(join(dir, 'kien-luong-2020.docx'))).toBe(true);

    const f = await run(['render', join(dir, EXAMPLE), '--pdf', '--pdf-engine', 'libreoffice', '--force'], { env });
    expect(f.code, f.stderr).toBe(0);
    expect(readFileSync(pdf, 'latin1')).toMatch(/^%PDF-/);
  });

  it('a failed conversion is a "pdf" problem on that letter only; the others get their PDF; exit 1', async () => {
    const { dir, env } = setup();
    const out = join(dir, 'out');
    const r = await run(['render', batchFile(dir, 3), '--out-dir', out, '--pdf', '--pdf-engine', 'libreoffice'], { env: { ...env, FAKE_MODE: 'fail-1' } });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/\(pdf\)/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/batch\.yaml:\d+:\d+ +error +không chuyển được .*cv-1\.docx sang PDF/);
    expect(r.stderr).toContain('Đã ghi 3 tệp DOCX và 2 tệp PDF (3/3 công văn); 1 tệp PDF không tạo được');
    expect(readdirSync(out).sort()).toEqual(['cv-0.docx', 'cv-0.pdf', 'cv-1.docx', 'cv-2.docx', 'cv-2.pdf']);
  });

  it('soffice failing outright: every letter reported, its last words shown, DOCX kept', async () => {
    const { dir, env } = setup();
    const out = join(dir, 'out');
    const r = await run(['render', batchFile(dir, 2), '--out-dir', out, '--pdf', '--pdf-engine', 'libreoffice'], { env: { ...env, FAKE_MODE: 'fail' } });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/\(pdf\)/g)).toHaveLength(2);
    expect(r.stderr).toContain('LibreOffice dừng với mã 1: Error: source file could not be loaded');
    expect(readdirSync(out).sort()).toEqual(['cv-0.docx', 'cv-1.docx']);
  });

  it('a hung soffice is killed, with its children, after the time limit', async () => {
    const { dir, env, log, tmp } = setup();
    copyFileSync(example(EXAMPLE), join(dir, EXAMPLE));
    const t0 = performance.now();
    const r = await run(['render', join(dir, EXAMPLE), '--pdf', '--pdf-engine', 'libreoffice'], { env: { ...env, FAKE_MODE: 'hang', CCHC_PDF_TIMEOUT: '1' } });
    expect((performance.now() - t0) / 1000).toBeLessThan(20);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LibreOffice không xong sau 1 s (đã dừng)');
    expect(r.stderr).toContain('(pdf)');
    const child = Number(readFileSync(`${log}.child`, 'utf8'));
    expect(alive(child), 'the grandchild `sleep` is killed too').toBe(false);
    expect(existsSync(join(dir, 'kien-luong-2020.pdf'))).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
