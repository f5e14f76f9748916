import { Paragraph, type Table } from 'docx';
import { bodyParagraph } from '../layout/body.js';
import { closingTable } from '../layout/closing.js';
import { headerTable } from '../layout/header.js';
import { recipients } from '../layout/recipients.js';
import type { Letter } from '../schema/letter.js';
import type { TemplateSet } from '../template/engine.js';

/** The letter's parts top to bottom, as docx elements: header, Kính gửi, body, Nơi nhận + signer. */
export function composeLetter(letter: Letter, templates: TemplateSet, today: Date): (Paragraph | Table)[] {
  return [
    headerTable(letter, today),
    ...recipients(letter.to),
    ...templates.renderBody(letter).map(bodyParagraph),
    closingTable(letter),
    // Word wants a paragraph after a final table; a 1 pt one adds no visible space and no extra page.
    new Paragraph({ style: 'Rule', spacing: { before: 0, after: 0 } }),
  ];
}
