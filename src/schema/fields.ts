import * as z from 'zod';
import { isoDate } from './date.js';
import { BatchEntrySchema, docNumber } from './letter.js';

/**
 * What a sheet cell must become to fill a field: `list` fields take one item per line of the cell, `paragraphs`
 * fields one paragraph per line, `date` fields an ISO date, `number` fields a whole number, the rest text.
 */
export type FieldKind = 'text' | 'list' | 'paragraphs' | 'date' | 'number';

/** The contract's "findings paragraphs": one paragraph per line of a cell. */
const PARAGRAPHS = new Set(['findings.strengths', 'findings.weaknesses']);

let cache: Map<string, FieldKind> | undefined;

/**
 * Every field a sheet column can fill, by dotted path ("inspection.report.date"), with its kind — found by
 * walking the zod contract, so a new field is known to sheets at once. Lists of maps (appendices) are not
 * fields a cell can fill.
 */
export function sheetFields(): ReadonlyMap<string, FieldKind> {
  if (!cache) {
    cache = new Map();
    walk(BatchEntrySchema, '', cache);
  }
  return cache;
}

function walk(schema: z.ZodType, prefix: string, out: Map<string, FieldKind>): void {
  for (const [key, field] of Object.entries((schema as z.ZodObject).shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const inner = unwrap(field);
    if (inner instanceof z.ZodObject) { walk(inner, path, out); continue; }
    const kind = kindOf(inner);
    if (kind) out.set(path, PARAGRAPHS.has(path) ? 'paragraphs' : kind);
  }
}

function kindOf(s: z.ZodType): FieldKind | null {
  if (s === isoDate) return 'date';
  if (s === docNumber || s instanceof z.ZodNumber) return 'number';
  if (s instanceof z.ZodArray) return unwrap(s.element as z.ZodType) instanceof z.ZodObject ? null : 'list';
  if (s instanceof z.ZodUnion) {
    const options = (s.options as z.ZodType[]).map(unwrap);
    // archive: a list or one line of text; a cell gives it a list, one item per line.
    if (options.some((o) => o instanceof z.ZodArray)) return 'list';
    // tasks items: text or { text, details }: from a cell, text.
    return 'text';
  }
  if (s instanceof z.ZodBoolean) return null;
  return 'text';
}

/** Through optional, nullable, default and preprocess wrappers to the schema that judges the value. */
export function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.out as z.ZodType;
    else break;
  }
  return cur;
}
