import { INLINE, unpairedBold } from '../template/markup.js';
import { bodyTexts } from './body-texts.js';
import type { Rule } from './rule.js';

/**
 * Inline bold (contract v2): `**…**` prints bold, `\*` a literal asterisk. A `**` that nothing closes would print
 * as two asterisks in the letter, or turn the rest of the paragraph bold: an error, at the `**` itself.
 */
export const boldUnpaired: Rule = {
  id: 'bold-unpaired',
  severity: 'error',
  doc: 'Mỗi "**" mở chữ đậm có "**" đóng; muốn in dấu sao thì viết \\*',
  check(letter, report) {
    for (const [path, text] of bodyTexts(letter)) {
      const at = unpairedBold(text);
      if (at < 0) continue;
      // Which mark it is among the value's marks ("**" and "\*"): the locator counts the same marks in the source.
      const nth = [...text.matchAll(INLINE)].findIndex((m) => m.index === at);
      report(path, `"**" mở chữ đậm nhưng không có "**" đóng: viết thêm "**" ngay sau những chữ cần in đậm, hoặc viết \\* nếu muốn in dấu sao`, { pattern: INLINE, nth });
    }
  },
};
