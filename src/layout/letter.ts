import { ND30 } from '../decree/nd30.js';
import { isoDay } from '../schema/date.js';
import type { Letter } from '../schema/letter.js';
import type { BodyParagraph } from '../template/markup.js';
import { upperVi } from '../template/vn.js';
import { appendixSections, type AppendixText } from './appendix.js';
import { bodyPara } from './body.js';
import { closingBlock } from './closing.js';
import { contactFooter } from './contact.js';
import { pageOf, TEXT_WIDTH } from './geometry.js';
import { headerBlock } from './header.js';
import type { Block, LetterModel, Para } from './model.js';
import { recipientsBlock } from './recipients.js';
import { heightPt } from './estimate.js';
import { twipToPt } from './units.js';

/** What layout needs besides the letter: the body as the template wrote it, and the appendices' texts. */
export interface LetterText {
  body: BodyParagraph[];
  appendices: AppendixText[];
}

/** A keep group taller than this share of the page's text height would push a page of white before it. */
const KEEP_MAX = 0.6;

/**
 * The last body paragraph and the signature block stay on one page — unless together they would fill most of one
 * (a last paragraph of a page or more): then they cannot, and the paragraph flows as any other.
 */
function keepWithSignature(blocks: Block[], last: Para | undefined, closing: Block): void {
  if (!last) return;
  const page = pageOf(false);
  const room = twipToPt(page.height - page.margin.top - page.margin.bottom);
  const group: Block = { kind: 'keep', blocks: [{ ...last, keepNext: true } satisfies Para, closing] };
  if (heightPt(group, TEXT_WIDTH) > KEEP_MAX * room) return;
  blocks.splice(blocks.length - 2, 2, group);
}


/**
 * A letter laid out: header, Kính gửi, body, Nơi nhận + signer, then each appendix in a section of its own.
 * The last body paragraph is kept on one page with the signature block: a Văn thư rejects a page that holds
 * only the signature.
 */
export function layoutLetter(letter: Letter, text: LetterText, today: Date): LetterModel {
  const body = text.body.map((p) => bodyPara(p));
  const closing = closingBlock(letter);
  const blocks: Block[] = [headerBlock(letter, today), ...recipientsBlock(letter.to), ...body, closing];
  keepWithSignature(blocks, body.at(-1), closing);
  const footer = contactFooter(letter.contact, TEXT_WIDTH);
  const main = { page: pageOf(false), pageNumber: { sizePt: ND30.pageNumber.sizePt.value }, ...(footer ? { firstPageFooter: footer } : {}), blocks };
  return {
    meta: { title: `${ND30.subject.prefix} ${letter.subject}`, author: upperVi(letter.issuer.name).replace(/\s+/g, ' '), subject: letter.subject, date: letter.date ?? isoDay(today) },
    sections: [main, ...appendixSections(letter, text.appendices, today)],
  };
}
