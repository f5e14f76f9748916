import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { paragraphs, ROOT, tempDir, unzipDocx } from '../helpers.js';

/**
 * The packed package, installed as a clerk installs it: `npm pack`, then `npm install -g` into a temporary prefix
 * and, separately, as a `file:` dependency of a letters folder (`npx cchc …`); every command runs from a folder
 * that has nothing to do with this repository. Real processes: the install itself is under test.
 *
 * Packed with --ignore-scripts: "prepack" would delete and rebuild dist/ under the other test files running
 * alongside; `npm test` has just built it (pretest), and a missing bundle fails here first. Installs run with
 * --prefer-offline: cchc's dependencies come from the npm cache that `npm ci` filled (the registry is asked only
 * for what the cache lacks: the packages' metadata, on a machine that never resolved them).
 */

const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** npm's own variables from `npm test` (npm_command, npm_lifecycle_*, …) would leak into the npm runs here. */
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || /^npm_config_(cache|registry|userconfig)$/i.test(k)),
);
Object.assign(env, { NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });

async function run(cmd: string, args: string[], cwd: string) {
  try {
    const r = await exec(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 180_000, shell: process.platform === 'win32' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? String(e) };
  }
}

const work = tempDir();
let tarball = '';
let packed: string[] = [];
const prefix = join(work, 'prefix');
const globalBin = join(prefix, process.platform === 'win32' ? 'cchc.cmd' : join('bin', 'cchc'));
const globalPackage = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'cchc');
const lettersRepo = join(work, 'cong-van-so-noi-vu');

/** The README's smallest letters repository: its package.json and its workflow's steps. */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const readmeBlock = (lang: string, has: string): string => {
  const block = [...README.matchAll(new RegExp(`\`\`\`${lang}\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!).find((b) => b.includes(has));
  expect(block, `README has a ${lang} block with ${has}`).toBeDefined();
  return block!;
};
const readmePackage = JSON.parse(readmeBlock('json', '"cchc"')) as { dependencies: Record<string, string> };
const workflowSteps = ((parse(readmeBlock('yaml', 'npx cchc validate letters/')) as { jobs: Record<string, { steps: { run?: string }[] }> })
  .jobs['cong-van']!.steps).flatMap((s) => (s.run ? [s.run] : []));

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist', 'bundle', 'cchc.cjs')), 'dist/ is not built: run `npm run build` first').toBe(true);
  const pack = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const info = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
  tarball = join(work, info.filename);
  packed = info.files.map((f) => f.path);

  // The two installs are independent: run them side by side.
  mkdirSync(join(lettersRepo, 'letters'), { recursive: true });
  // The README's package.json, depending on the packed tarball instead of the registry's cchc.
  const pkg = { ...readmePackage, dependencies: { ...readmePackage.dependencies, cchc: `file:${tarball}` } };
  writeFileSync(join(lettersRepo, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const [global, local] = await Promise.all([
    run(NPM, ['install', '-g', '--prefix', prefix, '--prefer-offline', tarball], work),
    run(NPM, ['install', '--prefer-offline'], lettersRepo),
  ]);
  expect(global.code, global.stderr).toBe(0);
  expect(local.code, local.stderr).toBe(0);
}, 300_000);

/** A folder of its own, outside the repository and the install. */
function elsewhere(): string {
  const dir = tempDir();
  // Outside as a path, not as a string: /tmp/cchc-test-… is outside a clone at /tmp/cc.
  const rel = relative(resolve(ROOT), resolve(dir));
  expect(rel === '' || !(rel.startsWith('..') || isAbsolute(rel)), `${dir} is inside ${ROOT}`).toBe(false);
  return dir;
}

/** The subject of a letter file, as "V/v …" prints it. */
const subjectOf = (yamlFile: string): string => (parse(readFileSync(yamlFile, 'utf8')) as { subject: string }).subject.normalize('NFC');

function expectLetter(docx: string, subject: string): void {
  expect(existsSync(docx), docx).toBe(true);
  const parts = unzipDocx(docx);
  expect(parts['[Content_Types].xml']).toContain('wordprocessingml');
  // Layout may join words with no-break spaces so the subject never leaves a word alone on a line: a space to read.
  expect(paragraphs(parts['word/document.xml']!).join('\n').replace(/\u00A0/g, ' ')).toContain(`V/v ${subject}`);
}

describe('npm pack', () => {
  it('ships what runs: bin, the built bundle and its code cache, templates, the schema, README, LICENSE', () => {
    for (const f of ['bin/cchc.js', 'bin/boot.js', 'bin/worker.js', 'dist/bundle/cchc.cjs', 'dist/bundle/cchc.cjs.cache',
      'dist/package-prototype.json', 'dist/templates.precompiled.cjs', 'dist/cli/main.js', 'letter.schema.json',
      'templates/chi-dao-sau-kiem-tra.hbs', 'templates/cong-van.hbs', 'README.md', 'LICENSE', 'package.json']) {
      expect(packed, f).toContain(f);
    }
  });

  it('and nothing else: no tests, fixtures, sources, examples or scripts', () => {
    expect(packed.filter((f) => !/^(bin|dist|templates|fonts)\/|^(letter\.schema\.json|README\.md|LICENSE|package\.json)$/.test(f))).toEqual([]);
  });

  it('builds at prepack, from a clean dist/; a clone still builds at prepare, once per pack', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prepack).toMatch(/rmSync\('dist'.*&& npm run build$/);
    expect(scripts.prepare).toBe('node scripts/packing.mjs || npm run build');
  });
});

describe('installed with npm install -g', () => {
  it('cchc init, validate, render and check work from an unrelated folder', async () => {
    const dir = elsewhere();
    const init = await run(globalBin, ['init', 'thu.yaml'], dir);
    expect(init.code, init.stderr).toBe(0);
    // The starter's schema line points at the letter.schema.json installed with cchc.
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(join(dir, 'thu.yaml'), 'utf8'))![1]!;
    expect(resolve(dir, schemaLine)).toBe(join(globalPackage, 'letter.schema.json'));
    expect(existsSync(resolve(dir, schemaLine))).toBe(true);

    const validate = await run(globalBin, ['validate', 'thu.yaml'], dir);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const render = await run(globalBin, ['render', 'thu.yaml'], dir);
    expect(render.code, render.stderr).toBe(0);
    expectLetter(join(dir, 'thu.docx'), subjectOf(join(dir, 'thu.yaml')));
    // And the installed checker judges the letter the installed renderer wrote.
    const check = await run(globalBin, ['check', 'thu.docx'], dir);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    // PDFs too, with the pdf.js bundle it ships (pdfjs-dist is not installed with it).
    copyFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'ok.pdf'), join(dir, 'thu.pdf'));
    const pdf = await run(globalBin, ['check', 'thu.pdf'], dir);
    expect([pdf.code, pdf.stdout], pdf.stderr).toEqual([0, '']);
  });

  it('only the PDF engine is installed beside it (its libraries are in the bundle), and with it: --pdf, the register, a template of the office', async () => {
    const installed = readdirSync(join(globalPackage, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed).toEqual(['@myriaddreamin']);
    const dir = elsewhere();
    expect((await run(globalBin, ['init', 'thu.yaml'], dir)).code).toBe(0);
    const pdf = await run(globalBin, ['render', 'thu.yaml', '--pdf', '--register', 'so.xlsx', '--number-from', '7'], dir);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(join(dir, 'thu.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, 'so.xlsx')).subarray(0, 2).toString()).toBe('PK');
    mkdirSync(join(dir, 'mau'));
    writeFileSync(join(dir, 'mau', 'rieng.hbs'), '{{intro}}\n\nMẫu riêng của đơn vị, {{issuerShort}}.');
    const yaml = readFileSync(join(dir, 'thu.yaml'), 'utf8').replace(/^template: .*$/m, 'template: rieng').replace(/^date: .*$/m, '').concat('\nintro: Mở đầu.\n');
    writeFileSync(join(dir, 'rieng.yaml'), yaml);
    const own = await run(globalBin, ['render', 'rieng.yaml', '--template-dir', 'mau'], dir);
    expect(own.code, own.stderr).toBe(0);
    expect(paragraphs(unzipDocx(join(dir, 'rieng.docx'))['word/document.xml']!).join('\n')).toContain('Mẫu riêng của đơn vị');
  });

  it('renders a batch on worker threads (bin/worker.js loads the installed bundle)', async () => {
    const dir = elsewhere();
    const letter = parse(readFileSync(join(ROOT, 'examples', 'kien-luong-2020.yaml'), 'utf8')) as Record<string, unknown>;
    delete letter.number;
    const letters = Array.from({ length: 30 }, (_, i) => ({ output: `cv-${i + 1}.docx` }));
    writeFileSync(join(dir, 'dot.yaml'), stringify({ defaults: letter, letters }));
    const r = await run(globalBin, ['render', 'dot.yaml', '--out-dir', 'out', '--jobs', '2'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(letters.map((l) => l.output).sort());
    expectLetter(join(dir, 'out', 'cv-30.docx'), String(letter.subject).normalize('NFC'));
  });

  it('the installed copy starts from its bundle, not from this repository', async () => {
    const r = await run(globalBin, ['--version'], elsewhere());
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(existsSync(join(globalPackage, 'dist', 'bundle', 'cchc.cjs'))).toBe(true);
    expect(existsSync(join(globalPackage, 'src'))).toBe(false);
    expect(existsSync(join(globalPackage, 'test'))).toBe(false);
  });
});

describe("the README's letters repository (package.json depending on cchc, letters/, the workflow)", () => {
  it('its workflow installs with npm ci, then validates strictly with GitHub annotations and renders', () => {
    expect(workflowSteps[0]).toBe('npm ci');
    expect(workflowSteps).toContain('npx cchc validate letters/ --format github --max-warnings 0');
    expect(workflowSteps.some((r) => r.startsWith('npx cchc render letters/'))).toBe(true);
    expect(readmePackage.dependencies.cchc).toBeDefined();
  });

  it("the workflow's cchc steps pass with npx and the installed dependency, and render the letters", async () => {
    const file = join(lettersRepo, 'letters', 'kien-luong.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'examples', 'kien-luong-2020.yaml')));
    expect(existsSync(join(lettersRepo, 'node_modules', 'cchc', 'dist', 'bundle', 'cchc.cjs'))).toBe(true);
    // `npm ci` was the install above; the other steps run as written (--no: never fetch cchc from the registry).
    for (const step of workflowSteps.slice(1)) {
      const [npx, ...args] = step.split(/\s+/);
      expect(npx).toBe('npx');
      const r = await run(NPX, ['--no', ...args], lettersRepo);
      expect(r.code, `${step}\n${r.stdout}${r.stderr}`).toBe(0);
    }
    expectLetter(join(lettersRepo, 'out', 'kien-luong.docx'), subjectOf(file));
  });
});
