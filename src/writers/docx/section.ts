import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions, type ISectionPropertiesOptions } from 'docx';
import { ND30 } from '../../decree/nd30.js';
import type { Page } from '../../layout/model.js';
import { FONT } from './run.js';
import { ptToHalfPt } from './units.js';

/** A4 with the ND30 margins; a different first page, so the section's first page carries no number. */
export function sectionProperties(page: Page, restart: boolean): ISectionPropertiesOptions {
  return {
    page: {
      // The docx library swaps width and height itself for a landscape page: it gets them as for portrait.
      size: { width: Math.min(page.width, page.height), height: Math.max(page.width, page.height), orientation: page.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { ...page.margin, gutter: 0 },
      ...(restart ? { pageNumbers: { start: 1 } } : {}),
    },
    titlePage: true,
  };
}

/** Số trang: a PAGE field centred in the top margin from page 2 on; page 1's header is left empty. */
export const pageHeaders = (): NonNullable<ISectionOptions['headers']> => ({
  default: new Header({
    children: [new Paragraph({
      style: 'PageNumber',
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: ptToHalfPt(ND30.pageNumber.sizePt.value) })],
    })],
  }),
  first: new Header({ children: [new Paragraph({ style: 'PageNumber', children: [] })] }),
});

/** The first page's footer (ô 13), filled per letter: here a marker the package prototype replaces. */
export const firstFooter = (marker: string): NonNullable<ISectionOptions['footers']> => ({
  first: new Footer({ children: [new Paragraph({ children: [new TextRun(marker)] })] }),
});

/**
 * An appendix's own, empty first-page footer: a section without one shows the previous section's, and the contact
 * block belongs to the letter's first page only.
 */
export const noFooter = (): NonNullable<ISectionOptions['footers']> => ({
  first: new Footer({ children: [new Paragraph({ style: 'PageNumber', children: [] })] }),
});
