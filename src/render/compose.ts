import { Paragraph } from 'docx';
import { bodyParagraph } from '../layout/body.js';
import { closingTable, closingView } from '../layout/closing.js';
import { headerTable, headerView } from '../layout/header.js';
import { recipients } from '../layout/recipients.js';
import type { Letter } from '../schema/letter.js';
import type { TemplateSet } from '../template/engine.js';
import { stripEndPunct } from '../template/vn.js';
import type { Stamper } from './stamp.js';

/** Word wants a paragraph after a final table; a 2 pt one adds no visible space and no extra page. */
const endParagraph = () => new Paragraph({ style: 'Rule', spacing: { before: 0, after: 0 } });

/** The body XML of a letter, top to bottom: header, Kính gửi, body, Nơi nhận + signer. */
export function composeLetter(letter: Letter, templates: TemplateSet, today: Date, stamp: Stamper): string {
  return [
    stamp.xml('header', headerView(letter, today), headerTable),
    stamp.xml('recipients', letter.to.map(stripEndPunct), recipients),
    ...templates.renderBody(letter).map((spans) => stamp.xml('body', spans, bodyParagraph)),
    stamp.xml('closing', closingView(letter), closingTable),
    stamp.xml('end', {}, endParagraph),
  ].join('');
}
