import * as z from 'zod';
import { BatchEntrySchema, LetterSchema, LettersFromSchema, letterShape, TEMPLATE_NAMES } from './letter.js';

type Json = Record<string, unknown>;

/** The urgency schema: written in any case, "hoả" accepted (z.preprocess in letter.ts). */
const URGENCY = (letterShape.urgency as unknown as z.ZodOptional<z.ZodType>).unwrap();
const TEMPLATE = (letterShape.template as unknown as z.ZodOptional<z.ZodType>).unwrap();
/** Mark words written in any case, like urgency: secrecy (ô 10a) and circulation (ô 11). */
const ANY_CASE = new Set<unknown>([URGENCY, ...(['secrecy', 'circulation'] as const).map((k) => (letterShape[k] as unknown as z.ZodOptional<z.ZodType>).unwrap())]);

/**
 * The JSON Schema of a letter file (draft-07, as yaml-language-server reads it), generated from the zod
 * contract in letter.ts — there is no second, hand-written schema. A file is either one letter or a batch
 * (`defaults` + `letters` and/or `letters_from`, a sheet); the schema accepts both, as `cchc` does.
 *
 * What JSON Schema cannot say is left to `cchc validate`: that a date exists on the calendar, the lint rules,
 * and that a batch entry is a whole letter once merged with its defaults. Batch parts are therefore "deep
 * partial" (no field required in maps; lists keep their rules, since a list in an entry replaces the default).
 */
export function letterJsonSchema(): Json {
  const letter = generate(LetterSchema);
  const entry = generate(BatchEntrySchema);
  const { propertyNames: _names, ...fromSheet } = generate(LettersFromSchema);
  // `columns` keys are header texts: any string (JSON object keys always are), so propertyNames says nothing.
  const columns = (fromSheet.properties as Record<string, Json>).columns!;
  delete columns.propertyNames;
  const { title, description, ...letterBody } = letter;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    description: `${String(description)}; hoặc một tệp nhiều công văn (defaults + letters và/hoặc letters_from)`,
    anyOf: [{ $ref: '#/definitions/letter' }, { $ref: '#/definitions/batch' }],
    definitions: {
      letter: { title, description, ...letterBody },
      batch: {
        type: 'object',
        description: 'Tệp nhiều công văn: defaults gộp sâu vào từng mục của letters và từng dòng của letters_from',
        properties: {
          defaults: {
            ...deepPartial(letterBody),
            description: 'Các trường chung của mọi công văn trong tệp; nhóm trường được gộp, danh sách và giá trị đơn bị mục thay thế',
          },
          letters: {
            type: 'array',
            minItems: 1,
            description: 'Các công văn; mỗi mục là một công văn, trường nào thiếu thì lấy từ defaults',
            items: { ...deepPartial(entry), description: 'Một công văn (gộp với defaults)' },
          },
          letters_from: {
            ...fromSheet,
            description: 'Lấy công văn từ bảng tính .xlsx hoặc .csv: mỗi dòng dưới dòng tiêu đề là một công văn (gộp với defaults), sau các mục của letters',
          },
        },
        anyOf: [{ required: ['letters'] }, { required: ['letters_from'] }],
        additionalProperties: false,
      },
    },
  };
}

function generate(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const js = jsonSchema as Json;
      if (ANY_CASE.has(zodSchema)) {
        // cchc lowercases these words before checking them, so "KHẨN" and "Hỏa tốc" are fine: offer the canonical
        // values for completion, accept any letter case (and "hoả") by pattern.
        const values = (js.enum as string[] | undefined) ?? [];
        delete js.enum;
        delete js.type;
        js.anyOf = [{ type: 'string', enum: values }, { type: 'string', pattern: anyCase(values) }];
      }
      if ((zodSchema as unknown) === TEMPLATE) js.examples = [...TEMPLATE_NAMES];
    },
  }) as Json;
  delete out.$schema;
  return out;
}

/** A pattern matching the values in any letter case, with optional spaces around; "hỏa" also as "hoả". */
function anyCase(values: readonly string[]): string {
  const variants = values.flatMap((v) => (v.includes('hỏa') ? [v, v.replace('hỏa', 'hoả')] : [v]));
  const cls = (c: string): string => {
    const lo = c.toLocaleLowerCase('vi');
    const up = c.toLocaleUpperCase('vi');
    if (lo === up) return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return `[${lo}${up}]`;
  };
  return `^\\s*(?:${variants.map((v) => [...v].map(cls).join('')).join('|')})\\s*$`;
}

/** A copy with no map requiring any field, down through nested maps but not into list items. */
function deepPartial(node: Json): Json {
  const out: Json = { ...node };
  delete out.required;
  if (out.properties && typeof out.properties === 'object') {
    out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, Json>).map(([k, v]) => [k, deepPartial(v)]));
  }
  if (Array.isArray(out.anyOf)) out.anyOf = (out.anyOf as Json[]).map(deepPartial);
  return out;
}

/** The schema as the `cchc schema` command prints it and letter.schema.json holds it. */
export const letterJsonSchemaText = (): string => `${JSON.stringify(letterJsonSchema(), null, 2)}\n`;
