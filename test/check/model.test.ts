import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/check/index.js';
import { lengthPt } from '../../src/check/drawing.js';
import { buildModel, linesOf, segments } from '../../src/check/model.js';
import { containerSpan, textSpan } from '../../src/check/place.js';
import { A4_SECT, docx, para, run, W } from './docx.js';

const STYLES = `
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="24"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:sz w:val="26"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="720"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Child"><w:basedOn w:val="Base"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:i/><w:sz w:val="28"/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Loud"><w:rPr><w:caps/><w:b w:val="0"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>
  <w:style w:type="table" w:styleId="Grid"><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>`;

const theme = (latin: string) =>
  `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`;

const model = (body: string, extra: Partial<Parameters<typeof docx>[0]> = {}) =>
  buildModel(docx({ body: body + A4_SECT, styles: STYLES, theme: theme('Times New Roman'), ...extra }));

describe('effective properties', () => {
  it('follow docDefaults → paragraph style chain → character style → direct formatting', () => {
    const m = model(
      `<w:p><w:pPr><w:pStyle w:val="Child"/></w:pPr>
        <w:r><w:t>plain</w:t></w:r>
        <w:r><w:rPr><w:rStyle w:val="Loud"/></w:rPr><w:t>loud</w:t></w:r>
        <w:r><w:rPr><w:b w:val="false"/><w:i w:val="0"/><w:sz w:val="27"/></w:rPr><w:t>direct</w:t></w:r></w:p>`,
    );
    const [p] = m.paras;
    expect(p!.props).toMatchObject({ jc: 'both', ind: { firstLine: 720 }, spacing: { after: 120, line: 259, lineRule: 'auto' } });
    const [plain, loud, direct] = p!.runs;
    expect(plain!.props).toMatchObject({ bold: true, italic: true, size: 28 });
    expect(loud!.props).toMatchObject({ bold: false, italic: true, caps: true });
    expect(loud!.text).toBe('LOUD');
    expect(loud!.raw).toBe('loud');
    expect(direct!.props).toMatchObject({ bold: false, italic: false, size: 27 });
  });

  it('uses the default paragraph style when none is named', () => {
    expect(model(para('x')).paras[0]!.runs[0]!.props.size).toBe(26);
  });

  it('survives a basedOn cycle', () => {
    const m = model('<w:p><w:pPr><w:pStyle w:val="LoopA"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>');
    expect(m.paras[0]!.text).toBe('x');
  });

  it('resolves theme fonts through the theme, and flags them when they are not Times New Roman', () => {
    const body = '<w:p><w:r><w:t>Nội dung văn bản</w:t></w:r></w:p>';
    const fonts = (latin: string) =>
      checkDocx(docx({ body: body + A4_SECT, styles: STYLES, theme: theme(latin) }), 'x').filter((p) => p.rule === 'font-family');
    expect(fonts('Times New Roman')).toEqual([]);
    expect(fonts('Calibri').map((p) => p.message)).toEqual([expect.stringContaining('Calibri')]);
    const noTheme = checkDocx(docx({ body: body + A4_SECT, styles: STYLES }), 'x').filter((p) => p.rule === 'font-family');
    expect(noTheme[0]!.message).toContain('minorHAnsi');
  });
});

describe('structure', () => {
  it('gives each paragraph in a table its table, row and grid column', () => {
    const cell = (t: string, span = 1) => `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>${para(t)}</w:tc>`;
    const m = model(
      para('before') +
        `<w:tbl><w:tr>${cell('a', 2)}${cell('b')}</w:tr><w:tr>${cell('c')}<w:tc><w:tbl><w:tr>${cell('nested')}</w:tr></w:tbl></w:tc></w:tr></w:tbl>` +
        para('after'),
    );
    const at = (t: string) => m.paras.find((p) => p.text === t)!.cell;
    expect(at('before')).toBeUndefined();
    expect(at('a')).toEqual({ table: 0, row: 0, col: 0 });
    expect(at('b')).toEqual({ table: 0, row: 0, col: 2 });
    expect(at('c')).toEqual({ table: 0, row: 1, col: 0 });
    expect(at('nested')).toEqual({ table: 1, row: 0, col: 0 });
    expect(m.paras.map((p) => p.text)).toEqual(['before', 'a', 'b', 'c', 'nested', 'after']);
  });

  it('splits lines at breaks, keeps tabs, and reads text boxes after their anchor paragraph', () => {
    const box = `<w:r><w:drawing><wp:anchor xmlns:wp="urn:wp"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${para('in the box')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
    const m = model(`<w:p>${run('ỦY BAN')}<w:r><w:br/><w:t>TỈNH</w:t><w:tab/><w:t>X</w:t></w:r>${box}</w:p>${para('next')}`);
    expect(linesOf(m.paras[0]!).map((l) => l.text)).toEqual(['ỦY BAN', 'TỈNH X']);
    expect(m.paras.map((p) => [p.text, p.inTextBox])).toEqual([['ỦY BAN\nTỈNH\tX', false], ['in the box', true], ['next', false]]);
  });

  it('sees drawn lines, fields, and skips deleted and hidden text', () => {
    const line = '<w:r><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml"/></w:pict></w:r>';
    const fld = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const m = model(
      `<w:p>${line}${fld}<w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:fldSimple w:instr="NUMPAGES"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>`,
    );
    const [p] = m.paras;
    expect(p!.hasLine).toBe(true);
    expect(p!.fields).toEqual(['PAGE', 'NUMPAGES']);
    expect(p!.text).toBe('23');
  });

  it('rebuilds list labels from numbering', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const item = (id: number, t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr></w:pPr>${run(t)}</w:p>`;
    const m = model(item(1, 'Như trên;') + item(2, 'Một') + item(2, 'Hai'), { numbering });
    expect(m.paras.map((p) => linesOf(p)[0]!.text)).toEqual(['- Như trên;', '1. Một', '2. Hai']);
    expect(m.paras[1]!.props.ind.firstLine).toBe(720);
  });

  it('reads a table style’s borders, overridden by the cells’ own', () => {
    const nil = '<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>';
    const tbl = (tcPr: string) =>
      `<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tr><w:tc><w:tcPr>${tcPr}</w:tcPr>${para('ỦY BAN NHÂN DÂN', '<w:b/>')}</w:tc><w:tc><w:tcPr>${tcPr}</w:tcPr>${para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<w:b/>')}</w:tc></w:tr></w:tbl>`;
    const borders = (tcPr: string) =>
      checkDocx(docx({ body: tbl(tcPr) + A4_SECT, styles: STYLES, theme: theme('Times New Roman') }), 'x').filter((p) => p.rule === 'table-borders');
    expect(borders('')).toHaveLength(1);
    expect(borders(nil)).toEqual([]);
  });

  it('maps any prefix bound to the WordprocessingML namespace', () => {
    const xml = `<ns0:document xmlns:ns0="${W}"><ns0:body><ns0:p><ns0:r><ns0:t>Kính gửi</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
    const m = buildModel(zipSync({ 'word/document.xml': strToU8(xml) }));
    expect(m.paras.map((p) => p.text)).toEqual(['Kính gửi']);
  });

  it('splits a line typed in columns at its tabs, counting the tabs before each piece', () => {
    const m = model(`<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="1757"/><w:tab w:val="center" w:pos="6435"/></w:tabs></w:pPr>${run('\u0009')}${run('ỦY BAN NHÂN DÂN', '<w:b/>')}<w:r><w:tab/><w:t>CỘNG HÒA</w:t></w:r></w:p>`);
    const pieces = segments(linesOf(m.paras[0]!)[0]!);
    expect(pieces.map((l) => [l.text, l.segment, l.tabs])).toEqual([['ỦY BAN NHÂN DÂN', 0, 1], ['CỘNG HÒA', 1, 2]]);
    // Centred on its tab stop: 1757 twips = 87.85 pt from the margin.
    const s = textSpan(m, pieces[0]!)!;
    expect((s.left + s.right) / 2).toBeCloseTo(87.85, 1);
  });

  it('places drawn lines and text boxes (DrawingML offsets in EMU, VML lengths with units)', () => {
    expect([lengthPt('57pt'), lengthPt('1in'), lengthPt('2.54cm'), lengthPt('10px'), lengthPt('x')]).toEqual([57, 72, 72, 7.5, undefined]);
    const WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"';
    const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
    const anchor = `<w:r><w:drawing><wp:anchor ${WP}><wp:positionH relativeFrom="margin"><wp:posOffset>254000</wp:posOffset></wp:positionH><wp:extent cx="1270000" cy="0"/><a:graphic ${A}><a:graphicData><a:prstGeom prst="line"/></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
    const vml = '<w:r><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" style="position:absolute;mso-position-horizontal-relative:text" from="10pt,0" to="70pt,0"/></w:pict></w:r>';
    const m = model(`<w:p>${anchor}${vml}</w:p>`);
    expect(m.paras[0]!.lines).toEqual([
      { x: 20, width: 100, relative: 'margin', align: undefined },
      { x: 10, width: 60, relative: 'column', align: undefined },
    ]);
  });

  it('gives a table cell its span from the grid, less the cell margins, and doubts it when w:tcW disagrees', () => {
    const tbl = (tcW: number) => `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${para('a')}</w:tc><w:tc><w:tcPr><w:tcW w:w="${tcW}" w:type="dxa"/><w:tcMar><w:left w:w="0" w:type="dxa"/></w:tcMar></w:tcPr>${para('b')}</w:tc></w:tr></w:tbl>`;
    const m = model(tbl(4000));
    expect(containerSpan(m, m.paras[1]!)).toEqual({ left: 100, right: 294.6, certain: true });
    const odd = model(tbl(2500));
    expect(containerSpan(odd, odd.paras[1]!)!.certain).toBe(false);
  });

  it('lets a direct first-line indent replace a list level’s hanging one', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const m = model(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="360"/></w:pPr>${run('x')}</w:p>`, { numbering });
    expect(m.paras[0]!.props.ind).toEqual({ left: 720, firstLine: 360, right: undefined });
  });
});
