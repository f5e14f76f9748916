/**
 * The tiny markup a body template prints: paragraphs separated by a blank line, bold spans between two
 * private-use characters that the {{#bold}} helper emits. Private-use characters cannot come from the
 * user: the loader drops invisible characters and the context builder strips these two from every value.
 */
export const BOLD_ON = '\uE000';
export const BOLD_OFF = '\uE001';

export interface Span { text: string; bold: boolean }
export type BodyParagraph = Span[];

export const stripMarkers = (s: string): string => s.replace(/[\uE000\uE001]/g, '');

/** Splits template output into paragraphs of spans; single line breaks inside a paragraph become spaces. */
export function parseMarkup(out: string): BodyParagraph[] {
  const paragraphs: BodyParagraph[] = [];
  for (const block of out.split(/\n[ \t]*\n/)) {
    const flat = block.replace(/\s*\n\s*/g, ' ').replace(/[ \t]{2,}/g, ' ').trim();
    if (flat.replace(/[\uE000\uE001]/g, '') === '') continue;
    paragraphs.push(toSpans(flat));
  }
  return paragraphs;
}

function toSpans(s: string): Span[] {
  const spans: Span[] = [];
  let bold = false;
  let buf = '';
  const flush = () => { if (buf) spans.push({ text: buf, bold }); buf = ''; };
  for (const ch of s) {
    if (ch === BOLD_ON || ch === BOLD_OFF) { flush(); bold = ch === BOLD_ON; } else buf += ch;
  }
  flush();
  return spans;
}

/** `**` pairs and `\*` in a value a clerk wrote (findings, tasks, intro, closing, appendix texts, table cells). */
export const INLINE = /\\\*|\*\*/g;

/**
 * Where a value's inline bold goes wrong: the offset of an unpaired `**` (the last one), or -1 when every `**` is
 * closed. `\*` is a literal asterisk and never opens or closes bold.
 */
export function unpairedBold(s: string): number {
  let open = -1;
  for (const m of s.matchAll(INLINE)) if (m[0] === '**') open = open < 0 ? m.index! : -1;
  return open;
}

/**
 * A clerk's `**…**` as the markers the template markup knows, and `\*` as "*". An unpaired `**` (validation
 * reports it as an error; this only runs on letters that passed) is printed as written.
 */
export function inlineBold(s: string): string {
  const last = unpairedBold(s);
  let bold = false;
  return s.replace(INLINE, (m, at: number) => {
    if (m === '\\*') return '*';
    if (at === last) return m;
    bold = !bold;
    return bold ? BOLD_ON : BOLD_OFF;
  });
}
