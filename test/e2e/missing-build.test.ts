import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

/**
 * `node bin/cchc.js` where the build is missing: one Vietnamese line saying what to run, exit 3, no stack trace.
 * Real processes: the start-up itself is under test. Each case copies bin/ into a folder shaped like a clone (with
 * src/) or like an installed copy (without), since the real dist/ must stay in place for the other tests.
 */
function layout(parts: { src?: boolean; nodeModules?: boolean; plainMain?: string }): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'bin'));
  for (const f of ['cchc.js', 'boot.js', 'worker.js']) copyFileSync(join(ROOT, 'bin', f), join(dir, 'bin', f));
  writeFileSync(join(dir, 'package.json'), '{ "name": "cchc", "type": "module" }\n');
  if (parts.src) mkdirSync(join(dir, 'src'));
  if (parts.nodeModules) mkdirSync(join(dir, 'node_modules'));
  if (parts.plainMain !== undefined) {
    mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'cli', 'main.js'), parts.plainMain);
  }
  return dir;
}

function start(dir: string, args: string[] = ['render', 'thu.yaml']) {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'cchc.js'), ...args], { cwd: tempDir(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.trimEnd().split('\n') };
}

describe('bin/cchc.js without a build', () => {
  it('a clone with node_modules: one line asking for "npm run build" in its folder, exit 3', () => {
    const dir = layout({ src: true, nodeModules: true });
    const r = start(dir);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.lines).toEqual([`cchc: chưa có bản biên dịch (thiếu thư mục dist/); chạy "npm run build" trong thư mục ${dir}`]);
  });

  it('a clone before `npm ci` (no node_modules): asks for "npm ci", which installs and builds', () => {
    const dir = layout({ src: true });
    const r = start(dir, ['--version']);
    expect(r.code).toBe(3);
    expect(r.lines).toEqual([`cchc: chưa có bản biên dịch (thiếu thư mục dist/); chạy "npm ci" trong thư mục ${dir}`]);
  });

  it('an installed copy without dist/: asks to install cchc again', () => {
    const r = start(layout({ nodeModules: true }));
    expect(r.code).toBe(3);
    expect(r.lines).toEqual(['cchc: chưa có bản biên dịch (thiếu thư mục dist/); cài lại cchc: npm install -g cchc']);
  });

  it('the plain tsc output without its dependencies: names the missing package and asks for "npm ci"', () => {
    const dir = layout({ src: true, plainMain: "import 'zod';\nexport const main = async () => 0;\n" });
    const r = start(dir);
    expect(r.code).toBe(3);
    expect(r.lines).toEqual([`cchc: thiếu zod; chạy "npm ci" trong thư mục ${dir}`]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('with --debug the import error keeps its stack, for whoever mends the install', () => {
    const r = start(layout({ src: true, plainMain: "import 'zod';\n" }), ['--debug', '--version']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/ERR_MODULE_NOT_FOUND/);
  });
});
