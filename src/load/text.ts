/**
 * Text clean-up applied to every string of the input, so the letter is Unicode dựng sẵn (NFC, TCVN 6909)
 * and the DOCX is well-formed XML.
 */

/** Characters that XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
// In a /u regex a surrogate range matches only *lone* surrogates: proper pairs are read as one code point.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const XML_ILLEGAL_G = new RegExp(XML_ILLEGAL.source, 'gu');

/**
 * Invisible characters pasted from Word, PDFs and chat apps: zero-width spaces and joiners, BOMs, soft hyphens,
 * bidi marks. They only cause trouble (words that won't match, odd breaks), so they are dropped silently.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu;

/** U+E000–U+E01F: private-use characters cchc uses internally as markers (bold spans, text slots). */
const INTERNAL_MARKERS = /[\uE000-\uE01F]/gu;

/** First XML-illegal character in s, as "U+0007", or null. */
export function findIllegalChar(s: string): string | null {
  const m = XML_ILLEGAL.exec(s);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** NFC, invisible characters removed, CRLF folded. XML-illegal characters are removed too: callers report them first. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(INTERNAL_MARKERS, '').replace(XML_ILLEGAL_G, '').normalize('NFC');
}
