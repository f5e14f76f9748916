import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** The README's promises to a new user: two commands on a fresh clone (what CI runs), and a project that stands alone. */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = (title: string): string => {
  const start = README.indexOf(`\n## ${title}`);
  expect(start, title).toBeGreaterThan(0);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
};

describe('README', () => {
  it('the quick start for a fresh clone is exactly two commands, and .ci/run runs those two', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(section('Bắt đầu nhanh (Quick start)'))![1]!.trim().split('\n');
    expect(block).toEqual(['npm ci && npx cchc render examples/kien-luong-2020.yaml --force', 'npm test']);
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    for (const command of block) expect(ci).toContain(command);
  });

  it('installs on Windows first (Node.js LTS, then npm install -g cchc), then macOS and Linux', () => {
    const install = section('Cài đặt');
    const at = (s: string): number => { const i = install.indexOf(s); expect(i, s).toBeGreaterThan(0); return i; };
    expect(at('### Windows')).toBeLessThan(at('### macOS, Linux'));
    expect(at('nodejs.org')).toBeLessThan(at('npm install -g cchc'));
    expect(at('npm install -g cchc')).toBeLessThan(at('cchc init thu.yaml'));
    expect(at('cchc init thu.yaml')).toBeLessThan(at('cchc render thu.yaml'));
  });

  it('links the data contract of the project, version 2, and never a folder outside it', () => {
    expect(README).toContain('(docs/contract.md)');
    expect(README).not.toMatch(/\.\.\/shared|shared\/letter-contract|contract v1|phiên bản 1\)/);
  });

  it('nothing in README, docs, src, test, scripts, bin or bench reads or names a folder beside the project', () => {
    // Built, so that this file does not name it itself.
    const outside = new RegExp(['\\.\\.', 'shared'].join('/'));
    const files = (dir: string): string[] => readdirSync(join(ROOT, dir)).flatMap((f) => {
      const rel = join(dir, f);
      return statSync(join(ROOT, rel)).isDirectory() ? files(rel) : [rel];
    });
    const all = ['docs', 'src', 'test', 'scripts', 'bin', 'bench'].flatMap(files).filter((f) => /\.(md|ts|js|mjs|cjs|json|ya?ml|py|txt|hbs)$/.test(f));
    expect(all.length).toBeGreaterThan(100);
    expect(['README.md', ...all].filter((f) => outside.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
