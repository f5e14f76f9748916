import { ND30 } from '../decree/nd30.js';
import { HOUSE } from './params.js';
import { mmToTwip } from './units.js';

/** A4, portrait or landscape, with the decree's margins. */
export function pageOf(landscape: boolean) {
  const [w, h] = [mmToTwip(ND30.page.widthMm), mmToTwip(ND30.page.heightMm)];
  const m = ND30.margin;
  return {
    width: landscape ? h : w,
    height: landscape ? w : h,
    landscape,
    margin: {
      top: mmToTwip(m.topMm.value), bottom: mmToTwip(m.bottomMm.value), left: mmToTwip(m.leftMm.value), right: mmToTwip(m.rightMm.value),
      header: mmToTwip(HOUSE.headerMm), footer: mmToTwip(HOUSE.headerMm),
    },
  };
}

/** Width of the text block of a page, in millimetres (165 portrait, 252 landscape with the decree's margins). */
export const textWidthMm = (landscape: boolean): number => {
  const m = ND30.margin;
  return (landscape ? ND30.page.heightMm : ND30.page.widthMm) - m.leftMm.value - m.rightMm.value;
};

/** Width of the text block of a page. From millimetres in one step (not page minus margins in twips): the same rounding as earlier versions. */
export const textWidthOf = (landscape: boolean): number => mmToTwip(textWidthMm(landscape));

/** Derived geometry of the letter's portrait pages, in twips. */
export const TEXT_WIDTH = textWidthOf(false);
export const CLOSING_LEFT = mmToTwip(HOUSE.closingTable.leftMm);
export const CLOSING_RIGHT = TEXT_WIDTH - CLOSING_LEFT;
export const CELL_MARGIN = mmToTwip(HOUSE.headerTable.cellMarginMm);
