import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROBLEMS } from '../../src/rules/builtin.js';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';

const doc = readFileSync(join(ROOT, 'docs/validate.md'), 'utf8');

describe('docs/validate.md stays in step with the code', () => {
  it('has a table row for every rule and built-in problem, with its severity and doc line as in the code', () => {
    for (const k of [...RULES, ...BUILTIN_PROBLEMS]) {
      expect(doc, k.id).toContain(`| \`${k.id}\` | ${k.severity} | ${k.doc} |`);
    }
  });

  it('shows a JSON report of the documented shape', () => {
    const block = /```json\n(\{\n  "version": 1[\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const report = JSON.parse(block!) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['version', 'files', 'problems', 'errorCount', 'warningCount']);
    expect(Object.keys((report.problems as object[])[0]!)).toEqual(['file', 'line', 'col', 'severity', 'rule', 'path', 'message', 'cell', 'header']);
  });

  it('has a GitHub Actions workflow that runs validate with annotations', () => {
    expect(doc).toContain('### Dùng trong CI');
    expect(doc).toMatch(/- run: npx cchc validate letters\/ --format github/);
  });

  it('the VS Code problem matcher reads the stylish lines cchc prints', () => {
    const source = /"regexp": "(.+)",/.exec(doc)![1]!;
    const re = new RegExp(JSON.parse(`"${source}"`) as string);
    const m = re.exec('letters/a.yaml:6:9  error  symbol: ký hiệu "ubnd nc" sai dạng  (symbol-format)');
    expect(m?.slice(1)).toEqual(['letters/a.yaml', '6', '9', 'error', 'symbol: ký hiệu "ubnd nc" sai dạng', 'symbol-format']);
  });
});
