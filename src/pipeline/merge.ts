/** Contract: defaults are deep-merged under each entry — objects merge, lists and scalars are replaced. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) {
      // Own keys only, and defined rather than assigned: a key written "__proto__" (or "constructor") stays a
      // plain field that validation reports, exactly as it would be in a single-letter file.
      const merged = Object.hasOwn(out, k) ? deepMerge(out[k], v) : v;
      Object.defineProperty(out, k, { value: merged, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return over === undefined ? base : over;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
