import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, example, ROOT, run, tempDir } from '../helpers.js';
import { batch, docxFileProblem, docxFileWhole, entry, filesUnder, STACK } from './support.js';

/** No run loses or corrupts a file: atomic writes, no overwrite without --force, clear errors for bad paths. */
const dirs: string[] = [];
const work = () => { const d = tempDir(); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const LETTER = example('kien-luong-2020.yaml');
const SENTINEL = 'tệp của người khác — không được ghi đè';

const atomic = await import(pathToFileURL(join(ROOT, 'dist', 'files', 'atomic.js')).href) as {
  writeFileAtomic: (dest: string, bytes: Uint8Array, force: boolean) => void;
  ExistsError: new (...a: never[]) => Error;
};

describe('writing files', () => {
  it('never overwrites an existing file without --force, and replaces it whole with --force', async () => {
    const dir = work();
    const out = join(dir, 'kien-luong-2020.docx');
    writeFileSync(out, SENTINEL);
    const r = await run(['render', LETTER, '--out-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe(SENTINEL);
    expect(filesUnder(dir)).toEqual(['kien-luong-2020.docx']);

    const forced = await run(['render', LETTER, '--out-dir', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(docxFileProblem(out)).toBeNull();
    expect(filesUnder(dir)).toEqual(['kien-luong-2020.docx']);
  });

  it('in a batch, an existing file stops only its own letter', async () => {
    const dir = work();
    const input = join(dir, 'dot.yaml');
    writeFileSync(input, batch([1, 2, 3].map((n) => entry(n, [`output: thu-${n}.docx`]))));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'thu-2.docx'), SENTINEL);
    const r = await run(['render', input, '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'out', 'thu-2.docx'), 'utf8')).toBe(SENTINEL);
    for (const n of [1, 3]) expect(docxFileProblem(join(dir, 'out', `thu-${n}.docx`))).toBeNull();
    expect(r.stderr).toMatch(/Đã ghi 2 tệp DOCX \(2\/3 công văn\); 1 công văn có lỗi nên không ghi/);
  });

  it('writeFileAtomic: refuses an existing name, leaves no temp file, and handles names near the length limit', () => {
    const dir = work();
    const dest = join(dir, 'a.docx');
    writeFileSync(dest, SENTINEL);
    expect(() => atomic.writeFileAtomic(dest, new Uint8Array([1, 2, 3]), false)).toThrow(atomic.ExistsError);
    expect(readFileSync(dest, 'utf8')).toBe(SENTINEL);
    atomic.writeFileAtomic(dest, new Uint8Array([1, 2, 3]), true);
    expect([...readFileSync(dest)]).toEqual([1, 2, 3]);
    // 250 bytes is a legal name; its temp name must be legal too.
    const long = join(dir, `${'đ'.repeat(120)}.docx`);
    atomic.writeFileAtomic(long, new Uint8Array([4]), false);
    expect([...readFileSync(long)]).toEqual([4]);
    // A folder where the file should go: the write fails, and its temp file is removed.
    mkdirSync(join(dir, 'folder.docx'));
    expect(() => atomic.writeFileAtomic(join(dir, 'folder.docx'), new Uint8Array([5]), true)).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a.docx', `${'đ'.repeat(120)}.docx`, 'folder.docx'].sort());
  });

  it('a failed write leaves no temp file behind (the output name is a folder, with --force)', async () => {
    const dir = work();
    mkdirSync(join(dir, 'kien-luong-2020.docx'));
    const r = await run(['render', LETTER, '--out-dir', dir, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('là một thư mục');
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(dir)).toEqual(['kien-luong-2020.docx']);
    expect(statSync(join(dir, 'kien-luong-2020.docx')).isDirectory()).toBe(true);
  });

  it('an output name too long for the file system is a clear error, not a crash', async () => {
    const dir = work();
    const input = join(dir, 'dot.yaml');
    writeFileSync(input, batch([entry(1, [`output: ${'x'.repeat(300)}.docx`]), entry(2)]));
    const r = await run(['render', input, '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quá dài');
    expect(r.stderr).not.toMatch(STACK);
    expect(filesUnder(join(dir, 'out'))).toEqual(['don-vi-2.docx']);
  });
});

describe('paths that cannot be written', () => {
  it('-o into a missing folder makes it, as --out-dir does', async () => {
    const dir = work();
    const r = await run(['render', LETTER, '-o', join(dir, 'khong-co', 'thu.docx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(join(dir, 'khong-co'))).toEqual(['thu.docx']);
  });

  it('-o naming a folder is refused (it would become a file called like the folder)', async () => {
    const dir = work();
    for (const o of [`${join(dir, 'ra')}/`, dir]) {
      const r = await run(['render', LETTER, '-o', o]);
      expect(r.code, o).toBe(1);
      expect(r.stderr).toContain('là thư mục');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out-dir below a regular file (read-only for root too) is a clear error', async () => {
    const dir = work();
    writeFileSync(join(dir, 'somefile.txt'), 'x');
    for (const out of [join(dir, 'somefile.txt', 'sub'), join(dir, 'somefile.txt')]) {
      const r = await run(['render', LETTER, '--out-dir', out]);
      expect(r.code, out).toBe(1);
      expect(r.stderr).toMatch(/không tạo được thư mục đầu ra: .*(đi qua một tệp|đã là một tệp)/);
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(readdirSync(dir)).toEqual(['somefile.txt']);
  });

  it('-o below a regular file is a clear error', async () => {
    const dir = work();
    writeFileSync(join(dir, 'somefile.txt'), 'x');
    const r = await run(['render', LETTER, '-o', join(dir, 'somefile.txt', 'thu.docx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/thu\.docx {2}error {2}không tạo được thư mục: .*(đi qua một tệp|đã là một tệp)/);
    expect(readdirSync(dir)).toEqual(['somefile.txt']);
  });

  it.runIf(existsSync('/proc/self'))('--out-dir inside /proc ends quickly with a clear error (Node\'s recursive mkdir loops there)', async () => {
    const t0 = Date.now();
    const r = await run(['render', LETTER, '--out-dir', '/proc/cchc-khong-the/sub']);
    expect(r.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.stderr).toContain('không tạo được thư mục đầu ra');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('batches', () => {
  it('a batch of 10 with 2 bad entries writes the 8 good letters and exits 1', async () => {
    const dir = work();
    const input = join(dir, 'dot.yaml');
    const entries = Array.from({ length: 10 }, (_, i) => entry(i + 1));
    entries[3] = entry(4, ['date: 2021-02-30']); // a date that does not exist
    entries[7] = entry(8, ['urgency: rất khẩn']); // not one of khẩn | thượng khẩn | hỏa tốc
    writeFileSync(input, batch(entries));
    const r = await run(['render', input, '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    const written = filesUnder(join(dir, 'out'));
    expect(written).toEqual([1, 2, 3, 5, 6, 7, 9, 10].map((n) => `don-vi-${n}.docx`).sort());
    for (const f of written) expect(docxFileProblem(join(dir, 'out', f)), f).toBeNull();
    expect(r.stderr).toContain('2021-02-30');
    expect(r.stderr).toContain('urgency');
    expect(r.stderr).toMatch(/Đã ghi 8 tệp DOCX \(8\/10 công văn\); 2 công văn có lỗi nên không ghi/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('an output that climbs out of --out-dir writes nothing outside it', async () => {
    const dir = work();
    const input = join(dir, 'in', 'dot.yaml');
    mkdirSync(join(dir, 'in'));
    const abs = '/tmp/abs.docx';
    const absBefore = existsSync(abs) ? statSync(abs).mtimeMs : null;
    const outputs = ['../evil.docx', abs, 'a/../../x.docx', join(dir, 'abs2.docx'), '../../up.docx', 'sub/../../side.docx'];
    writeFileSync(input, batch([...outputs.map((o, i) => entry(i + 1, [`output: ${JSON.stringify(o)}`])), entry(99, ['output: ok.docx'])]));
    const r = await run(['render', input, '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ra ngoài thư mục --out-dir');
    expect(r.stderr).toContain('đường dẫn tuyệt đối');
    expect(filesUnder(dir)).toEqual(['in/dot.yaml', 'out/ok.docx']);
    expect(existsSync(join(dir, '..', 'up.docx'))).toBe(false);
    expect(existsSync(abs) ? statSync(abs).mtimeMs : null).toBe(absBefore);
    expect(r.stderr).toMatch(/Đã ghi 1 tệp DOCX \(1\/7 công văn\); 6 công văn có lỗi nên không ghi/);
  });
});

describe('Ctrl-C in the middle of a batch', () => {
  const big = (letters = 2000) => {
    const dir = work();
    const input = join(dir, 'lon.yaml');
    writeFileSync(input, batch(Array.from({ length: letters }, (_, i) => entry(i + 1))));
    return { dir, input, out: join(dir, 'out') };
  };

  /** Runs the CLI on the batch; `when` decides when to press Ctrl-C. */
  const interrupt = (input: string, out: string, when: (child: ReturnType<typeof spawn>) => void, env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'render', input, '--out-dir', out], { env: { ...process.env, NO_COLOR: '1', ...env } });
      let stderr = '';
      child.stderr!.on('data', (d) => { stderr += d; });
      const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (code, signal) => { clearTimeout(kill); resolve({ code, signal, stderr }); });
      when(child);
    });

  const checkOut = (out: string, stderr: string) => {
    const files = existsSync(out) ? readdirSync(out) : [];
    expect(files.filter((f) => !f.endsWith('.docx')), 'only DOCX files, no temp files').toEqual([]);
    // Every file whole; two of them also valid part by part.
    for (const f of files) expect(docxFileWhole(join(out, f)), f).toBeNull();
    for (const f of [files[0], files.at(-1)]) if (f) expect(docxFileProblem(join(out, f)), f).toBeNull();
    const said = /Đã ghi (\d+) tệp DOCX|Không ghi tệp nào/.exec(stderr);
    expect(said, stderr).not.toBeNull();
    expect(Number(said![1] ?? 0)).toBe(files.length);
    expect(stderr).toContain('dừng giữa chừng');
    expect(stderr).not.toMatch(STACK);
    return files.length;
  };

  it('(the whole-file check itself refuses a DOCX cut short anywhere)', async () => {
    const dir = work();
    const input = join(dir, 'thu.yaml');
    writeFileSync(input, batch([entry(1)]));
    expect((await run(['render', input, '--out-dir', join(dir, 'out')])).code).toBe(0);
    const file = join(dir, 'out', 'don-vi-1.docx');
    expect(docxFileWhole(file)).toBeNull();
    const bytes = readFileSync(file);
    for (const keep of [0.2, 0.5, 0.9, 0.99]) {
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * keep)));
      expect(docxFileWhole(file), `${keep}`).not.toBeNull();
    }
  });

  it('leaves only complete DOCX files, no temp files, and says how many were written', async () => {
    const { input, out } = big();
    const r = await interrupt(input, out, (child) => {
      // Once writing has started, wait 300 ms and press Ctrl-C.
      const poll = setInterval(() => {
        let n = 0;
        try { n = readdirSync(out).length; } catch { /* not yet */ }
        if (n > 0) { clearInterval(poll); setTimeout(() => child.kill('SIGINT'), 300); }
      }, 10);
      child.on('close', () => clearInterval(poll));
    });
    expect(r.code).toBe(130);
    const n = checkOut(out, r.stderr);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(2000);
  }, 90_000);

  it('a Ctrl-C while still loading (as soon as cchc listens for it) stops before writing and says so', async () => {
    // The moment is known (not guessed), so the batch need not be long: it only has to have letters to write.
    const { input, out } = big(200);
    const preload = new URL('./sigint-listen-preload.mjs', import.meta.url);
    const { LISTENING } = (await import(preload.href)) as { LISTENING: string };
    const r = await interrupt(input, out, (child) => {
      let seen = '';
      const onData = (d: Buffer) => {
        seen += d;
        if (seen.includes(LISTENING)) { child.stderr!.off('data', onData); child.kill('SIGINT'); }
      };
      child.stderr!.on('data', onData);
    }, { NODE_OPTIONS: `--import ${preload.href}` });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain(LISTENING);
    expect(checkOut(out, r.stderr)).toBe(0);
  }, 90_000);
});
