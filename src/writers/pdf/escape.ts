/**
 * User text as a Typst string literal. Every text of a letter goes into the Typst source as a string (`"…"`),
 * never as markup, so `#`, `$`, `*`, `_`, `@`, `<`, `[` or a backslash in a value prints as written and can never
 * run code or change the layout: inside a string only `\` and `"` mean anything, and both are escaped.
 */
export function typstString(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return `${out}"`;
}
