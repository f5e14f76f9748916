import { ND30 } from './nd30.js';
import { mmToTwip } from './units.js';

/** Derived page geometry in twips: the text block and the two header/closing columns. */
export const TEXT_WIDTH = mmToTwip(ND30.page.widthMm - ND30.margin.leftMm - ND30.margin.rightMm);
export const HEADER_LEFT = mmToTwip(ND30.headerTable.leftMm);
export const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
export const CLOSING_LEFT = mmToTwip(ND30.closingTable.leftMm);
export const CLOSING_RIGHT = TEXT_WIDTH - CLOSING_LEFT;
export const CELL_MARGIN = mmToTwip(ND30.headerTable.cellMarginMm);
