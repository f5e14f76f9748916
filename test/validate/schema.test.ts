import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadYaml } from '../../src/load/yaml.js';
import { letterJsonSchema, letterJsonSchemaText } from '../../src/schema/json-schema.js';
import { unwrap } from '../../src/schema/fields.js';
import { BatchEntrySchema, LetterSchema, LettersFromSchema } from '../../src/schema/letter.js';
import { ROOT, run, tempDir } from '../helpers.js';
import { unsupportedKeywords, validate } from './json-schema-lite.js';

type Json = Record<string, unknown>;

const schema = JSON.parse(readFileSync(join(ROOT, 'letter.schema.json'), 'utf8')) as Json;
const dataOf = (path: string): unknown => loadYaml(path, readFileSync(path)).data;
const yamlIn = (dir: string): string[] => readdirSync(join(ROOT, dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(ROOT, dir, f));
const fromText = (text: string): unknown => loadYaml('x.yaml', new TextEncoder().encode(text)).data;
const isBatch = (d: unknown): boolean => !!d && typeof d === 'object' && ('letters' in d || 'letters_from' in d);

describe('cchc schema: JSON Schema generated from the zod contract', () => {
  it('the committed letter.schema.json is exactly what `cchc schema` prints (regenerate: cchc schema > letter.schema.json)', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(ROOT, 'letter.schema.json'), 'utf8')).toBe(r.stdout);
    expect(r.stdout).toBe(letterJsonSchemaText());
  });

  it('is draft-07: a letter or a batch, both by $ref, with Vietnamese descriptions', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.anyOf).toEqual([{ $ref: '#/definitions/letter' }, { $ref: '#/definitions/batch' }]);
    const letter = (schema.definitions as Json).letter as Json;
    expect(((letter.properties as Json).subject as Json).description).toBe('Trích yếu, in sau "V/v "');
    expect(letter.additionalProperties).toBe(false);
  });

  it('uses only keywords the test validator checks (so nothing below is checked by halves)', () => {
    expect(unsupportedKeywords(schema)).toEqual([]);
  });

  it('has every field of the zod contract, at every level, with the same required fields', () => {
    const defs = schema.definitions as Record<string, Json>;
    expect(compare(LetterSchema, defs.letter!, 'letter')).toEqual([]);
    const entry = ((defs.batch!.properties as Json).letters as Json).items as Json;
    expect(compare(BatchEntrySchema, entry, 'entry', { partial: true })).toEqual([]);
    expect(compare(LetterSchema, (defs.batch!.properties as Json).defaults as Json, 'defaults', { partial: true })).toEqual([]);
  });

  it('accepts every file in examples/ (as the contract does)', () => {
    const files = yamlIn('examples');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const data = dataOf(f);
      expect(validate(schema, data), f).toEqual([]);
      if (!isBatch(data)) expect(LetterSchema.safeParse(data).success, f).toBe(true);
    }
  });

  it('every yaml-language-server line in examples/ points at the committed letter.schema.json', () => {
    for (const f of yamlIn('examples')) {
      const m = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(f, 'utf8'));
      if (m) expect(join(dirname(f), m[1]!.trim()), f).toBe(join(ROOT, 'letter.schema.json'));
    }
  });

  it('accepts the good fixtures and both `cchc init` starters', async () => {
    for (const f of yamlIn('test/fixtures/good')) expect(validate(schema, dataOf(f)), f).toEqual([]);
    const dir = tempDir();
    for (const t of ['chi-dao-sau-kiem-tra', 'cong-van']) {
      const file = join(dir, `${t}.yaml`);
      expect((await run(['init', '--template', t, file])).code).toBe(0);
      expect(validate(schema, dataOf(file)), t).toEqual([]);
    }
  });

  it('rejects the fixtures that break the contract in ways JSON Schema can say', () => {
    for (const name of ['unknown-key', 'wrong-type', 'missing-required', 'date-format', 'many', 'empty', 'comments-only']) {
      expect(validate(schema, dataOf(join(ROOT, 'test/fixtures/bad', `${name}.yaml`))), name).not.toEqual([]);
    }
  });

  it('is never stricter than the contract: every fixture zod accepts, the schema accepts', () => {
    let checked = 0;
    for (const f of yamlIn('test/fixtures/bad')) {
      const data = dataOf(f);
      if (data === undefined || isBatch(data) || !LetterSchema.safeParse(data).success) continue;
      checked++;
      expect(validate(schema, data), f).toEqual([]);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a batch: entries and defaults may each leave out fields; unknown keys, an empty list, other top-level keys are rejected', () => {
    expect(validate(schema, dataOf(join(ROOT, 'test/fixtures/bad/batch.yaml')))).toEqual([]);
    expect(validate(schema, fromText('defaults: { signer: { name: A } }\nletters:\n  - { to: [B], output: b.docx }\n'))).toEqual([]);
    expect(validate(schema, fromText('letters:\n  - { to: [B], subjet: x }\n'))).not.toEqual([]);
    expect(validate(schema, fromText('defaults: { signer: { nam: A } }\nletters:\n  - { to: [B] }\n'))).not.toEqual([]);
    expect(validate(schema, fromText('letters: []\n'))).not.toEqual([]);
    expect(validate(schema, fromText('letters:\n  - { to: [B] }\nextra: 1\n'))).not.toEqual([]);
    // A list in an entry replaces the default's, so its items keep their rules.
    expect(validate(schema, fromText('letters:\n  - { tasks: [{ details: [x] }] }\n'))).not.toEqual([]);
  });

  it('a batch from a sheet: letters_from (with or without letters), its keys checked; neither list is an error', () => {
    const from = 'letters_from:\n  file: ket-qua.xlsx\n  sheet: Kết quả\n  header_row: 4\n  columns: { "Đơn vị": inspection.unit, "Ghi chú": ~ }\n';
    expect(validate(schema, fromText(`defaults: { symbol: UBND-NC }\n${from}`))).toEqual([]);
    expect(validate(schema, fromText(`letters:\n  - { to: [B] }\n${from}`))).toEqual([]);
    expect(validate(schema, fromText('letters_from: { file: a.csv, sheets: x }\n'))).not.toEqual([]);
    expect(validate(schema, fromText('letters_from: { sheet: x }\n'))).not.toEqual([]);
    expect(validate(schema, fromText('letters_from: { file: a.xlsx, header_row: 0 }\n'))).not.toEqual([]);
    expect(validate(schema, fromText('letters_from: { file: a.xlsx, columns: { A: 1 } }\n'))).not.toEqual([]);
    expect(validate(schema, fromText('defaults: { symbol: UBND-NC }\n'))).not.toEqual([]);
    expect(compare(LettersFromSchema, ((schema.definitions as Json).batch as Json & { properties: Json }).properties.letters_from as Json, 'letters_from')).toEqual([]);
  });

  it('urgency in any letter case (cchc lowercases it): the schema agrees with zod', () => {
    const base = readFileSync(join(ROOT, 'test/fixtures/good/minimal.yaml'), 'utf8');
    for (const [u, ok] of [['khẩn', true], ['KHẨN', true], ['Thượng khẩn', true], ['hoả tốc', true], ['HỎA TỐC', true], ['rất khẩn', false], ['khan', false]] as const) {
      const data = fromText(`${base}urgency: ${u}\n`);
      expect(LetterSchema.safeParse(data).success, `zod ${u}`).toBe(ok);
      expect(validate(schema, data).length === 0, `schema ${u}`).toBe(ok);
    }
  });

  it('is the same object the module builds (no hand-edited copy)', () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(letterJsonSchema())));
  });
});

/** Differences between a zod schema and its JSON Schema: field names at every level, and required fields. */
function compare(zs: z.ZodType, js: Json, path: string, opts: { partial?: boolean } = {}): string[] {
  const out: string[] = [];
  const s = unwrap(zs);
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    const props = (js.properties ?? {}) as Record<string, Json>;
    const zk = Object.keys(shape).sort();
    const jk = Object.keys(props).sort();
    if (JSON.stringify(zk) !== JSON.stringify(jk)) out.push(`${path}: zod ${zk.join(',')} / json ${jk.join(',')}`);
    const required = zk.filter((k) => !shape[k]!.safeParse(undefined).success);
    const jsonRequired = ((js.required ?? []) as string[]).slice().sort();
    if (JSON.stringify(opts.partial ? [] : required) !== JSON.stringify(jsonRequired)) out.push(`${path}: required zod ${required.join(',')} / json ${jsonRequired.join(',')}`);
    if (js.additionalProperties !== false) out.push(`${path}: additionalProperties is not false`);
    for (const k of zk) if (props[k]) out.push(...compare(shape[k]!, props[k], `${path}.${k}`, opts));
  } else if (s instanceof z.ZodArray) {
    // List items are never partial: a list in a batch entry replaces the default's.
    if (!js.items) out.push(`${path}: no items`);
    else out.push(...compare(s.element as z.ZodType, js.items as Json, `${path}[]`));
  } else if (s instanceof z.ZodUnion) {
    const branches = (js.anyOf ?? [js]) as Json[];
    // The k-th object (or array) option of the zod union is the k-th object (or array) branch of anyOf.
    const seen: Record<string, number> = {};
    for (const [i, option] of (s.options as z.ZodType[]).entries()) {
      const o = unwrap(option);
      const want = o instanceof z.ZodObject ? 'object' : o instanceof z.ZodArray ? 'array' : null;
      if (!want) continue;
      const k = (seen[want] = (seen[want] ?? -1) + 1);
      const branch = branches.filter((b) => b.type === want)[k];
      if (!branch) out.push(`${path}|${i}: no ${want} branch`);
      else out.push(...compare(o, branch, `${path}|${i}`, opts));
    }
  }
  return out;
}

