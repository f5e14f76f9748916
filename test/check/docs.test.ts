import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/check/index.js';
import { CLAUSE_LEGEND } from '../../src/decree/nd30.js';
import { ROOT } from '../helpers.js';

const doc = readFileSync(join(ROOT, 'docs/check.md'), 'utf8');
const mark = (on: boolean) => (on ? '✓' : '–');

describe('docs/check.md stays in step with the code', () => {
  it('has a row for every check: DOCX, PDF, the decree’s clause and the doc line, as `cchc check --rules` prints them', async () => {
    for (const r of await rules()) {
      expect(doc, r.id).toContain(`| \`${r.id}\` | ${mark(r.docx)} | ${mark(r.pdf)} | ${r.clause} | ${r.doc} |`);
      if (r.pdfDoc) expect(doc, r.id).toContain(`| \`${r.id}\` | ${r.pdfDoc} |`);
    }
  });

  it('has no row for a check that does not exist', async () => {
    const ids = new Set((await rules()).map((r) => r.id));
    const documented = [...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
    expect(documented.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('says which rules a PDF cannot show, and explains the clause column as --rules does', async () => {
    for (const r of (await rules()).filter((x) => x.docx && !x.pdf && x.id !== 'not-docx')) {
      expect(doc.split('**PDF không thể hiện được**')[1], r.id).toContain(`\`${r.id}\``);
    }
    expect(doc).toContain(`> ${CLAUSE_LEGEND}\n`);
  });
});
