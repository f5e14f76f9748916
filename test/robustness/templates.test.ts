import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, paragraphs, run, tempDir, unzipDocx } from '../helpers.js';
import { STACK } from './support.js';

/** Templates are data, not code: a user template folder cannot reach prototypes or the file system. */
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LETTER = readFileSync(example('kien-luong-2020.yaml'), 'utf8');
let n = 0;

/** Renders the example with body template `source` (as tpl/<name>.hbs); `letter` edits the letter text. */
async function withTemplate(source: string, letter: (s: string) => string = (s) => s) {
  const k = n++;
  const tpl = join(dir, `tpl${k}`);
  mkdirSync(tpl);
  const name = `mau-${k}`;
  writeFileSync(join(tpl, `${name}.hbs`), source);
  const input = join(dir, `thu-${k}.yaml`);
  writeFileSync(input, letter(`template: ${name}\n${LETTER}`));
  const out = join(dir, `thu-${k}.docx`);
  const r = await run(['render', input, '--templates', tpl, '-o', out]);
  return { ...r, out, templateFile: join(tpl, `${name}.hbs`) };
}

const body = (out: string) => paragraphs(unzipDocx(out)['word/document.xml']).join('\n');

describe('user templates cannot reach prototypes', () => {
  it('constructor, __proto__ and lookup print nothing', async () => {
    const probes = [
      '{{constructor}}', '{{constructor.constructor}}', '{{constructor.name}}', '{{__proto__}}', '{{__proto__.constructor.name}}',
      '{{lookup this "constructor"}}', '{{lookup this "__proto__"}}', '{{#with constructor}}{{name}}{{/with}}',
      '{{this.__proto__.constructor.name}}', '{{issuer.constructor.name}}', '{{tasks.constructor.name}}', '{{@root.constructor}}',
      '{{lookup (lookup this "__proto__") "constructor"}}', '{{#with "abc"}}{{constructor}}{{/with}}', '{{#each tasks}}{{lookup ../this "constructor"}}{{/each}}',
      '{{#with (lookup this "constructor")}}{{#with (lookup this "constructor")}}{{this}}{{/with}}{{/with}}', '{{docRef "x" (lookup this "constructor")}}',
    ];
    const r = await withTemplate(`Mở đầu.\n\n${probes.map((p, i) => `P${i}[${p}]`).join(' ')}\n\nKết thúc.`);
    expect(r.code, r.stderr).toBe(0);
    const text = body(r.out);
    expect(text).toContain(probes.map((_, i) => `P${i}[]`).join(' '));
    expect(text).not.toMatch(/function|native code|Object|prototype/);
  });

  it('text that looks like a template, written in the letter, is printed as written', async () => {
    const tricks = ['{{constructor.constructor "return process"}}', '{{#each tasks}}x{{/each}}', '{{> passwd}}', '{{{raw}}}'];
    const r = await withTemplate('{{subject}}\n\n{{#each tasks}}{{label}} {{text}}\n\n{{/each}}', (s) =>
      s.replace(/^tasks:\n/m, `tasks:\n${tricks.map((t) => `  - ${JSON.stringify(t)}`).join('\n')}\n`));
    expect(r.code, r.stderr).toBe(0);
    const text = body(r.out);
    for (const t of tricks) expect(text).toContain(t);
  });

  it('a letter key named constructor or __proto__ is an unknown field, not a way in', async () => {
    for (const key of ['constructor', '__proto__', 'toString']) {
      const r = await withTemplate('{{intro}}', (s) => `${s}${key}: { polluted: có }\n`);
      expect(r.code, key).toBe(1);
      expect(r.stderr).toContain(`trường lạ "${key}"`);
    }
  });
});

describe('user templates cannot reach the file system', () => {
  it('a partial ({{> name}}) is refused, naming the template', async () => {
    for (const partial of ['{{> passwd}}', '{{> (lookup this "x")}}', '{{> ../../etc/passwd}}']) {
      const r = await withTemplate(`Mở đầu.\n\n${partial}`);
      expect(r.code, partial).toBe(1);
      expect(r.stderr).toContain(r.templateFile);
      expect(r.stderr).not.toMatch(/root:/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('a template name in the letter cannot climb out of the template folders', async () => {
    for (const name of ['../../../../etc/passwd', '/etc/passwd', '..', 'constructor', '__proto__']) {
      const input = join(dir, `ten-${n++}.yaml`);
      writeFileSync(input, `template: ${JSON.stringify(name)}\n${LETTER}`);
      const r = await run(['render', input, '-o', join(dir, `ten-${n}.docx`)]);
      expect(r.code, name).toBe(1);
      expect(r.stderr).toContain('template');
      expect(r.stderr).not.toMatch(/root:x:0/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('template mistakes name the file and the line', () => {
  it('a syntax error', async () => {
    const r = await withTemplate('Dòng một.\n\n{{subject}\nthêm một dòng\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(r.templateFile);
    expect(r.stderr).toMatch(/(line|dòng) 3/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('an unknown helper', async () => {
    const r = await withTemplate('Dòng một.\n\n{{khongCo subject}}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(r.templateFile);
    expect(r.stderr).toMatch(/khongCo/);
    expect(r.stderr).toMatch(/\b3\b/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a block left open at the end, and a stray closing tag', async () => {
    for (const source of ['{{#each tasks}}\n{{text}}\n', 'a\n{{/each}}\n', '{{#if intro}}\nx\n{{/each}}\n']) {
      const r = await withTemplate(source);
      expect(r.code, source).toBe(1);
      expect(r.stderr).toContain(r.templateFile);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
