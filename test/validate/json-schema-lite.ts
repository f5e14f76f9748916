/**
 * A small JSON Schema (draft-07) validator for exactly the keywords `cchc schema` emits — the project takes no
 * validator dependency. `unsupportedKeywords` lists any keyword outside that set, so a schema that grows a new
 * keyword fails the tests until this file learns it, instead of being half-checked.
 */
type Json = Record<string, unknown>;

const CHECKED = new Set([
  'type', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems',
  'properties', 'required', 'additionalProperties', 'items', 'anyOf', '$ref',
]);
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'examples', 'definitions', 'default']);

export function unsupportedKeywords(schema: unknown, path = '#'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(schema as Json)) {
    if (!CHECKED.has(k) && !ANNOTATIONS.has(k)) out.push(`${path}/${k}`);
    if (k === 'properties' || k === 'definitions') for (const [name, sub] of Object.entries(v as Json)) out.push(...unsupportedKeywords(sub, `${path}/${k}/${name}`));
    else if (k === 'items' || (k === 'additionalProperties' && typeof v === 'object')) out.push(...unsupportedKeywords(v, `${path}/${k}`));
    else if (k === 'anyOf') (v as unknown[]).forEach((s, i) => out.push(...unsupportedKeywords(s, `${path}/anyOf/${i}`)));
  }
  return out;
}

const typeOk = (t: string, v: unknown): boolean => {
  switch (t) {
    case 'string': return typeof v === 'string';
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return v !== null && typeof v === 'object' && !Array.isArray(v);
    default: throw new Error(`unknown type ${t}`);
  }
};

/** Errors, as "path: what"; empty when the value is valid. */
export function validate(schema: Json, value: unknown, root: Json = schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((s, k) => (s as Json)[k], root);
    return validate(target as Json, value, root, path);
  }
  const errs: string[] = [];
  if (schema.anyOf && !(schema.anyOf as Json[]).some((s) => validate(s, value, root, path).length === 0)) errs.push(`${path}: matches no anyOf branch`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeOk(t, value))) return [...errs, `${path}: not ${types.join('|')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errs.push(`${path}: not in enum`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errs.push(`${path}: does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) errs.push(`${path}: too short`);
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) errs.push(`${path}: too long`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errs.push(`${path}: above maximum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errs.push(`${path}: too few items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errs.push(`${path}: too many items`);
    if (schema.items) value.forEach((v, i) => errs.push(...validate(schema.items as Json, v, root, `${path}[${i}]`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Json;
    const props = (schema.properties ?? {}) as Record<string, Json>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errs.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...validate(props[k], v, root, `${path}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}.${k}: not allowed`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') errs.push(...validate(schema.additionalProperties as Json, v, root, `${path}.${k}`));
    }
  }
  return errs;
}
