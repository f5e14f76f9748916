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
