import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { deepMerge } from '../../src/pipeline/merge.js';
import { BatchEntrySchema, LetterSchema, LettersFromSchema } from '../../src/schema/letter.js';
import { ROOT, run, tempDir } from '../helpers.js';

/**
 * docs/contract.md, the users' reference of the data contract, stays in step with the zod schema: every field path
 * of the schema has a row in one of the doc's field tables (tables whose header starts "| trường |"), every row
 * names a path the schema has, and "có" in the "bắt buộc" column means exactly what zod requires.
 */

const DOC = readFileSync(join(ROOT, 'docs', 'contract.md'), 'utf8');

/** A field path and whether zod requires it (given its parent): 'mixed' when that depends on a union's branch. */
type Required = boolean | 'mixed';

/** Every field path of a schema: `a.b` for object keys, `a[].b` inside list items; unions give their branches' paths. */
function fieldPaths(schema: z.ZodType, prefix = ''): Map<string, Required> {
  const out = new Map<string, Required>();
  const s = schema;
  // Optional, nullable, defaulted or preprocessed fields: the paths of what they wrap.
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) return fieldPaths(s.unwrap() as z.ZodType, prefix);
  if (s instanceof z.ZodPipe) return fieldPaths(s.out as z.ZodType, prefix);
  if (s instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.set(path, !field.safeParse(undefined).success);
      for (const [p, r] of fieldPaths(field, path)) out.set(p, r);
    }
  } else if (s instanceof z.ZodArray) {
    return fieldPaths(s.element as z.ZodType, `${prefix}[]`);
  } else if (s instanceof z.ZodUnion) {
    // Branches with fields of their own (a task is a string or {text, details}; a table is inline or from a sheet).
    const branches = (s.options as z.ZodType[]).map((o) => fieldPaths(o, prefix)).filter((m) => m.size > 0);
    for (const branch of branches) {
      for (const [p, r] of branch) {
        const agreed = branches.every((b) => b.get(p) === r);
        out.set(p, agreed ? r : 'mixed');
      }
    }
  }
  return out;
}

/** The rows of the doc's field tables: path → the "bắt buộc" cell. */
function docRows(doc: string): Map<string, string> {
  const rows = new Map<string, string>();
  let inTable = false;
  for (const line of doc.split('\n')) {
    if (line.startsWith('| trường |')) { inTable = true; continue; }
    if (!line.startsWith('|')) { inTable = false; continue; }
    if (!inTable || line.startsWith('|---')) continue;
    // Cells between unescaped "|" (a "\\|" inside a cell is a literal bar).
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const path = /^`([^`]+)`$/.exec(cells[0]!)?.[1];
    expect(path, `a field table row names one field in backquotes: ${line}`).toBeDefined();
    expect(rows.has(path!), `documented twice: ${path}`).toBe(false);
    rows.set(path!, cells[1]!);
  }
  return rows;
}

/** The schema's paths: a letter's fields, and a batch file's (defaults, letters, letters_from) under their names. */
function schemaPaths(): Map<string, Required> {
  const paths = fieldPaths(LetterSchema);
  // A batch file's top-level keys (src/pipeline/sources.ts): no zod object of their own.
  for (const key of ['defaults', 'letters', 'letters_from']) paths.set(key, false);
  // A batch entry's own fields (output), beside the letter's.
  const letterKeys = new Set(Object.keys(LetterSchema.shape));
  for (const [p, r] of fieldPaths(BatchEntrySchema)) if (!letterKeys.has(p.split(/[.[]/)[0]!)) paths.set(`letters[].${p}`, r);
  for (const [p, r] of fieldPaths(LettersFromSchema)) paths.set(`letters_from.${p}`, r);
  return paths;
}

const yamlBlocks = (doc: string): string[] => [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/contract.md and the zod schema', () => {
  const schema = schemaPaths();
  const rows = docRows(DOC);

  it('the walk sees the whole schema (nested objects, list items, both forms of a table)', () => {
    for (const p of ['issuer.full', 'inspection.report.date', 'tasks[].details', 'appendices[].table.columns[].width',
      'appendices[].table.rows', 'appendices[].table.from', 'contact.website', 'letters[].output', 'letters_from.header_row']) {
      expect(schema.has(p), p).toBe(true);
    }
    expect(schema.get('appendices[].table.columns')).toBe('mixed');
    expect(schema.get('tasks[].text')).toBe(true);
  });

  it('documents every field path of the schema', () => {
    expect([...schema.keys()].filter((p) => !rows.has(p))).toEqual([]);
  });

  it('documents no field the schema lacks', () => {
    expect([...rows.keys()].filter((p) => !schema.has(p))).toEqual([]);
  });

  it('"có" in the bắt buộc column exactly where zod requires the field', () => {
    const wrong = [...schema].filter(([p, r]) => r !== 'mixed' && rows.has(p) && (rows.get(p) === 'có') !== r);
    expect(wrong.map(([p, r]) => `${p}: zod ${r ? 'bắt buộc' : 'không bắt buộc'}, doc "${rows.get(p)}"`)).toEqual([]);
  });

  it('its first example is a valid letter, and stays valid with the version 2 additions', async () => {
    const [first, v2] = yamlBlocks(DOC).map((b) => parse(b) as Record<string, unknown>);
    expect(LetterSchema.safeParse(first).error?.issues ?? []).toEqual([]);
    const withV2 = deepMerge(first, v2);
    expect(LetterSchema.safeParse(withV2).error?.issues ?? []).toEqual([]);
    const dir = tempDir();
    writeFileSync(join(dir, 'thu.yaml'), yamlBlocks(DOC)[0]!);
    const r = await run(['validate', 'thu.yaml'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('says it is version 2 and never sends readers outside the project', () => {
    expect(DOC).toMatch(/^# .*phiên bản 2/);
    expect(DOC).not.toMatch(/\.\.\/shared|shared\//);
  });
});
