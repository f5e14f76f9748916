import type { Rule } from './rule.js';

/**
 * TCVN 6909:2001: Vietnamese text in Unicode dựng sẵn (NFC). Text typed with a combining-mark keyboard setting
 * or pasted from some PDFs is NFD ("e" + U+0302 + U+0323 instead of "ệ"): it looks the same but does not match
 * when searched, and some fonts draw the marks apart.
 *
 * The loader normalises every string while it reads the file, so by the time rules see the letter the raw text
 * is gone: src/load/yaml.ts runs this check on the raw strings and reports with this rule's id, severity and
 * message. `check` therefore has nothing left to do; the rule is here so that it has a module, an id and a doc
 * line like every other rule.
 */
export const textNfc: Rule & { message(raw: string): string } = {
  id: 'text-nfc',
  severity: 'warning',
  doc: 'Văn bản dùng Unicode dựng sẵn (NFC, TCVN 6909:2001), không dùng dấu tổ hợp',
  check() {},
  message(raw) {
    const at = firstChange(raw);
    const near = raw.slice(Math.max(0, at - 8), at + 8).normalize('NFC').replace(/\s+/g, ' ').trim();
    return `chữ có dấu đang ở dạng tổ hợp (không phải Unicode dựng sẵn), gần "${near}"; cchc tự chuyển khi tạo văn bản, nhưng nên lưu lại tệp bằng bảng mã Unicode dựng sẵn`;
  },
};

/** Index of the first character that NFC would change. */
function firstChange(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    // A combining mark (U+0300–U+036F, U+1DC0–U+1DFF…) is what NFC composes in Vietnamese text.
    if (/\p{M}/u.test(String.fromCodePoint(cp))) return Math.max(0, i - 1);
  }
  return 0;
}
