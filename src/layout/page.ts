import { AlignmentType, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionPropertiesOptions } from 'docx';
import { ND30 } from './nd30.js';
import { FONT } from './run.js';
import { mmToTwip, ptToHalfPt } from './units.js';

/** A4 portrait with the ND30 margins; a different first page so page 1 carries no number. */
export const SECTION_PROPERTIES: ISectionPropertiesOptions = {
  page: {
    size: { width: mmToTwip(ND30.page.widthMm), height: mmToTwip(ND30.page.heightMm), orientation: PageOrientation.PORTRAIT },
    margin: {
      top: mmToTwip(ND30.margin.topMm), bottom: mmToTwip(ND30.margin.bottomMm),
      left: mmToTwip(ND30.margin.leftMm), right: mmToTwip(ND30.margin.rightMm),
      header: mmToTwip(ND30.margin.headerMm), footer: mmToTwip(ND30.margin.headerMm), gutter: 0,
    },
  },
  titlePage: true,
};

/** Số trang: a PAGE field centred in the top margin from page 2 on; page 1's header is left empty. */
export const PAGE_HEADERS = {
  default: new Header({
    children: [new Paragraph({
      style: 'PageNumber',
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: ptToHalfPt(ND30.pageNumber.sizePt) })],
    })],
  }),
  first: new Header({ children: [new Paragraph({ style: 'PageNumber', children: [] })] }),
};
