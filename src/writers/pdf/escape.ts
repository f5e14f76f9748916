const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * User text as a Typst string literal. Every text of a letter goes into the Typst source as a string (`"…"`),
 * never as markup, so `#`, `$`, `*`, `_`, `@`, `<`, `[` or a backslash in a value prints as written and can never
 * run code or change the layout: inside a string only `\` and `"` mean anything, and both are escaped.
 */
export function typstString(s: string): string {
  return `"${s.replace(/[\\"\n\r\t]/g, (ch) => ESCAPES[ch]!)}"`;
}
