import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, example, ROOT, tempDir } from '../helpers.js';

// bin/boot.js loads the bundled CLI with V8's code cache from the build. A cache that does not fit must only
// cost speed: these tests run a copy of the installed package with its cache made stale, corrupt or missing.

/** A copy of what `npm ci` installs to run cchc (the bundle needs no node_modules), with its cache state. */
function packageCopy(): string {
  const dir = tempDir();
  for (const p of ['bin', 'templates', 'package.json', 'dist/bundle', 'dist/templates.precompiled.cjs', 'dist/package-prototype.json']) {
    cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  }
  return dir;
}

function run(pkg: string, out: string): { code: number; stderr: string; state: string | undefined; bytes?: Buffer } {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'cchc.js'), 'render', example('kien-luong-2020.yaml'), '-o', out, '--quiet'], {
    encoding: 'utf8', env: { ...process.env, CCHC_REPORT_CODE_CACHE: '1', NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stderr: r.stderr, state: /code-cache=(\w+)/.exec(r.stderr)?.[1], bytes: existsSync(out) ? readFileSync(out) : undefined };
}

describe('the code cache of the bundled CLI', () => {
  let reference: Buffer;
  beforeAll(() => {
    const out = join(tempDir(), 'ref.docx');
    const r = cli(['render', example('kien-luong-2020.yaml'), '-o', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    reference = readFileSync(out);
  });

  /** Renders the example with the copy `pkg`: it must succeed, start with cache `state`, and give the same bytes. */
  const expectSameLetter = (pkg: string, state: string | undefined) => {
    const r = run(pkg, join(pkg, 'a.docx'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.state).toBe(state);
    expect(r.bytes!.equals(reference)).toBe(true);
  };

  it('is trained by the build and accepted by this Node (a start that uses it)', () => {
    const r = cli(['--version'], { env: { CCHC_REPORT_CODE_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('code-cache=used');
  });

  it('a copy of the package renders the same bytes with the cache', () => {
    const pkg = packageCopy();
    expectSameLetter(pkg, 'used');
  });

  it('a cache made for another bundle (its tag differs) is not used, and the letter is the same', () => {
    const pkg = packageCopy();
    const cache = join(pkg, 'dist', 'bundle', 'cchc.cjs.cache');
    const bytes = readFileSync(cache);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(cache, bytes);
    expectSameLetter(pkg, 'stale');
  });

  it('a corrupt cache with the right tag is rejected by V8, and the letter is the same', () => {
    const pkg = packageCopy();
    const cache = join(pkg, 'dist', 'bundle', 'cchc.cjs.cache');
    const bytes = readFileSync(cache);
    bytes.fill(0x5a, 20, 4096);
    writeFileSync(cache, bytes);
    expectSameLetter(pkg, 'rejected');
  });

  it('without a cache file the bundle compiles as usual', () => {
    const pkg = packageCopy();
    rmSync(join(pkg, 'dist', 'bundle', 'cchc.cjs.cache'));
    expectSameLetter(pkg, 'absent');
  });

  it('without the bundle, the CLI runs from the tsc output', () => {
    const pkg = packageCopy();
    rmSync(join(pkg, 'dist'), { recursive: true });
    mkdirSync(join(pkg, 'dist'));
    cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true, filter: (src) => !src.includes(join('dist', 'bundle')) });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    expectSameLetter(pkg, undefined);
  });
});
